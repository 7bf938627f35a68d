using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using SiteGen.Hashing;
using SiteGen.Model;

namespace SiteGen.Incremental;

/// <summary>
/// Decides which pages must be rendered again. A page's dependency key hashes exactly what it is rendered from:
/// the templates, site.yml's view of the site, and the page's own view (a session page: its file's content, its papers
/// with their merged metadata, its neighbours' titles); the schedule, tags, catalog and other aggregate pages also hash
/// every session, tag and review pair. A page whose key and output file are unchanged since the last build is reused
/// from disk instead of rendered.
/// </summary>
public sealed partial class PageCache : IPageReuse
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };
    private readonly string _outDir;
    private readonly string _templates;
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
    public PageCache(string outDir, BuildManifest? previous, SiteModel model, IReadOnlyList<string> templateFolders, IReadOnlyList<string> pageTemplates)
    {
        _outDir = outDir;
        Previous = previous;
        _templates = TemplateFingerprint.Of(templateFolders);
        _site = JsonSerializer.Serialize(model.Site, ViewJson.Default.SiteView);
        _local = new HashSet<string>(pageTemplates.Where(name => name != "layout" && !ReachesOut(templateFolders, name)), StringComparer.Ordinal);
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
        return Fingerprint.Of(_templates, _site, job.Path, job.Template, job.Title, job.Url, page, local ? "" : _global);
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

    /// <summary>
    /// Whether a page template uses the site-wide lists every page is given (Sessions, Tags, Review at the top level,
    /// or anything through @root or ../): its pages then get the aggregate key (every session), otherwise only their own
    /// view counts. Blocks that change the context ({{#each}}, {{#with}}) are followed, so a paper's own Tags and Sessions
    /// inside {{#each Page.Papers}} do not count; partials are followed at the depth they are used.
    /// </summary>
    internal static bool ReachesOut(IReadOnlyList<string> folders, string name)
    {
        string? Text(string template) => folders.Select(f => Path.Combine(f, template + ".hbs")).LastOrDefault(File.Exists) is { } file ? File.ReadAllText(file) : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool Scan(string text, int depth)
        {
            var blocks = new Stack<bool>();
            foreach (Match m in Mustache().Matches(text))
            {
                var tag = m.Groups["tag"].Value.Trim();
                if (tag.StartsWith('!')) continue;
                if (tag.Contains("@root", StringComparison.Ordinal) || tag.Contains("../", StringComparison.Ordinal)) return true;
                if (tag.StartsWith('/'))
                {
                    if (blocks.Count > 0 && blocks.Pop()) depth--;
                    continue;
                }
                if (tag.StartsWith('>'))
                {
                    var partial = tag[1..].Trim().Split(' ')[0];
                    if (seen.Add(partial + "@" + depth) && Text("partials/" + partial) is { } body && Scan(body, depth)) return true;
                    continue;
                }
                if (depth == 0 && SiteWide().IsMatch(tag)) return true;
                if (tag.StartsWith('#'))
                {
                    var changes = tag.StartsWith("#each", StringComparison.Ordinal) || tag.StartsWith("#with", StringComparison.Ordinal);
                    blocks.Push(changes);
                    if (changes) depth++;
                }
            }
            return false;
        }
        return Text(name) is { } template && Scan(template, 0);
    }

    [GeneratedRegex(@"\{\{~?(?<tag>[^}]*?)~?\}\}\}?")]
    private static partial Regex Mustache();

    /// <summary>A top-level name (not after a dot: Page.Tags is the page's own).</summary>
    [GeneratedRegex(@"(?<![\w.@])(Sessions|Tags|Review)\b")]
    private static partial Regex SiteWide();
}

/// <summary>Serializer code generated at compile time for the views pages are rendered from (only their hashes are kept).</summary>
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(CatalogPageView))]
[JsonSerializable(typeof(StaticPageView))]
[JsonSerializable(typeof(IReadOnlyList<TagView>))]
[JsonSerializable(typeof(IReadOnlyList<ReviewView>))]
internal sealed partial class ViewJson : JsonSerializerContext;
