using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SiteGen.Hashing;
using SiteGen.Model;

namespace SiteGen.Incremental;

/// <summary>
/// Decides which pages must be rendered again. A page's dependency key hashes exactly what it is rendered from:
/// the template files its page template and the layout reach (from the parsed templates: an edit to the session
/// template re-renders session pages only), site.yml's view of the site, and the page's own view (a session page: its file's content, its papers
/// with their merged metadata, its neighbours' titles); the schedule, tags, catalog and other aggregate pages also hash
/// every session, tag and review pair. A page whose key and output file are unchanged since the last build is reused
/// from disk instead of rendered.
/// </summary>
public sealed class PageCache : IPageReuse
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };
    private readonly string _outDir;
    // Per page template: the hash of the files its pages are rendered with (the template, the layout, what they include).
    private readonly Dictionary<string, string> _templates;
    private readonly string _site;
    private readonly HashSet<string> _local;
    // Each session's view hashed once, in parallel: its own page's key and the aggregate key both use it.
    private readonly Dictionary<SessionView, string> _sessionHashes;
    private readonly string _global;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _reused;

    /// <summary>The manifest of the last build into the same folder, or null (first build, --clean, other SiteGen).</summary>
    public BuildManifest? Previous { get; }

    /// <summary>
    /// Builds the view serializers' metadata, slow at first use: the build calls this on the core
    /// that reading the content leaves free, so the PageKeys stage does not wait for it.
    /// </summary>
    public static void Prepare()
    {
        var json = ViewJson.Default;
        _ = (json.SiteView, json.SessionView, json.CatalogPageView, json.StaticPageView, json.IReadOnlyListTagView, json.IReadOnlyListReviewView);
    }

    /// <param name="templateFolders">The template folders of this build, in order (later files replace earlier ones).</param>
    /// <param name="pageTemplates">The page templates' names (the layout among them).</param>
    public PageCache(string outDir, BuildManifest? previous, SiteModel model, IReadOnlyDictionary<string, string> templateKeys, IReadOnlySet<string> localTemplates)
    {
        _outDir = outDir;
        Previous = previous;
        // Per page template: the key of the files its pages are rendered with, and which templates read only their own page.
        _templates = new Dictionary<string, string>(templateKeys, StringComparer.Ordinal);
        _site = JsonSerializer.Serialize(model.Site, ViewJson.Default.SiteView);
        _local = new HashSet<string>(localTemplates, StringComparer.Ordinal);
        var hashes = new string[model.Sessions.Count];
        Parallel.For(0, hashes.Length, i => hashes[i] = HashOf(model.Sessions[i], ViewJson.Default.SessionView));
        _sessionHashes = new Dictionary<SessionView, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < hashes.Length; i++) _sessionHashes[model.Sessions[i]] = hashes[i];
        _global = Fingerprint.Of([.. hashes, HashOf(model.Tags, ViewJson.Default.IReadOnlyListTagView), HashOf(model.Review, ViewJson.Default.IReadOnlyListReviewView)]);
    }

    public IReadOnlyDictionary<string, string> Keys => new SortedDictionary<string, string>(_keys, StringComparer.Ordinal);

    /// <summary>Pages taken from the previous build instead of rendered.</summary>
    public int Reused => _reused;

    public string KeyOf(PageJob job)
    {
        var page = job.Page switch
        {
            null => "",
            SessionView s when _sessionHashes.TryGetValue(s, out var hash) => hash,
            SessionView s => HashOf(s, ViewJson.Default.SessionView),
            CatalogPageView c => HashOf(c, ViewJson.Default.CatalogPageView),
            StaticPageView p => HashOf(p, ViewJson.Default.StaticPageView),
            // A view type added later still counts by its content, through the slower reflection-based serializer.
            _ => HashOfOther(job.Page),
        };
        var local = _local.Contains(job.Template);
        return Fingerprint.Of(_templates.GetValueOrDefault(job.Template, ""), _site, job.Path, job.Template, job.Title, job.Url, page, local ? "" : _global);
    }

    /// <summary>
    /// A view's content hash: the fingerprint of its JSON as UTF-8. The serializer code is generated at compile time
    /// (<see cref="ViewJson"/>), so no reflection metadata is built at run time, and every property of a view counts,
    /// including ones added later. The JSON is written into a buffer kept per thread, with the relaxed escaper (views are
    /// mostly HTML, which the default escaper writes as \u003C and the like; either escaping is one-to-one).
    /// </summary>
    internal static string HashOf<T>(T view, JsonTypeInfo<T> type)
    {
        var json = t_json ??= new ThreadJson();
        json.Buffer.ResetWrittenCount();
        json.Writer.Reset(json.Buffer);
        JsonSerializer.Serialize(json.Writer, view, type);
        json.Writer.Flush();
        var hash = Fingerprint.Of(json.Buffer.WrittenSpan);
        // A huge view (a site-wide list) is not kept alive by the thread.
        if (json.Buffer.Capacity > MaxKeptBuffer) t_json = null;
        return hash;
    }

    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic] private static ThreadJson? t_json;

    private sealed class ThreadJson
    {
        public readonly ArrayBufferWriter<byte> Buffer = new(64 * 1024);
        public readonly Utf8JsonWriter Writer;

        public ThreadJson() => Writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    private static string HashOfOther(object view) => Fingerprint.Of(JsonSerializer.SerializeToUtf8Bytes(view, view.GetType(), Json));

    public byte[]? TryReuse(PageJob job)
    {
        var key = KeyOf(job);
        _keys[job.Path] = key;
        if (Previous is null
            || !Previous.Pages.TryGetValue(job.Path, out var oldKey) || oldKey != key
            || !Previous.Files.TryGetValue(job.Path, out var hash))
            return null;
        var file = Path.Combine(_outDir, job.Path);
        if (!File.Exists(file)) return null;
        var bytes = File.ReadAllBytes(file);
        // Someone may have edited the built file by hand: reuse only what the last build wrote.
        if (Fingerprint.Of(bytes) != hash) return null;
        Interlocked.Increment(ref _reused);
        return bytes;
    }
}

/// <summary>Serializer code generated at compile time for the views pages are rendered from (only their hashes are kept).</summary>
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(CatalogPageView))]
[JsonSerializable(typeof(StaticPageView))]
[JsonSerializable(typeof(IReadOnlyList<TagView>))]
[JsonSerializable(typeof(IReadOnlyList<ReviewView>))]
internal sealed partial class ViewJson : JsonSerializerContext;
