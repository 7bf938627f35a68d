using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Model;
using SiteGen.Rendering;

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
    private readonly bool _localTemplatesReachOut;
    private readonly Lazy<string> _global;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _reused;

    /// <summary>The manifest of the last build into the same folder, or null (first build, --clean, other SiteGen).</summary>
    public BuildManifest? Previous { get; }

    public PageCache(string outDir, BuildManifest? previous, SiteModel model, TemplateSet templates)
    {
        _outDir = outDir;
        Previous = previous;
        _templates = Fingerprint.OfTemplates(templates.Folders);
        _site = JsonSerializer.Serialize(model.Site, Json);
        _localTemplatesReachOut = LocalTemplates.Any(name => ReachesOut(templates.Folders, name));
        _global = new Lazy<string>(() => Fingerprint.Of(
            JsonSerializer.Serialize(model.Sessions, Json), JsonSerializer.Serialize(model.Tags, Json), JsonSerializer.Serialize(model.Review, Json)));
    }

    /// <summary>Templates rendered from their own page's view only (unless they reach for the whole site, see <see cref="ReachesOut"/>).</summary>
    private static readonly string[] LocalTemplates = ["session", "page"];

    public IReadOnlyDictionary<string, string> Keys => new SortedDictionary<string, string>(_keys, StringComparer.Ordinal);

    /// <summary>Pages taken from the previous build instead of rendered.</summary>
    public int Reused => _reused;

    public string KeyOf(PageJob job)
    {
        var page = job.Page is null ? "" : JsonSerializer.Serialize(job.Page, job.Page.GetType(), Json);
        var local = LocalTemplates.Contains(job.Template, StringComparer.Ordinal) && !_localTemplatesReachOut;
        return Fingerprint.Of(_templates, _site, job.Path, job.Template, job.Title, job.Url, page, local ? "" : _global.Value);
    }

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
    /// A course's own session or page template that uses the site-wide lists (Sessions, Tags, Review, @root, ../)
    /// depends on every session: its pages then get the aggregate key, so incremental output stays identical to a clean build.
    /// </summary>
    private static bool ReachesOut(IReadOnlyList<string> folders, string name)
    {
        var file = folders.Select(f => Path.Combine(f, name + ".hbs")).LastOrDefault(File.Exists);
        if (file is null) return false;
        return Mustache().Matches(File.ReadAllText(file)).Any(m => SiteWide().IsMatch(m.Value));
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Mustache();

    [GeneratedRegex(@"@root|\.\./|\bSessions\b|\bReview\b|(?<![\w.])Tags\b")]
    private static partial Regex SiteWide();
}
