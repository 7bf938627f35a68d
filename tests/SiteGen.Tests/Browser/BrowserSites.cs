using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>A built site served under /course/ by a local server.</summary>
/// <param name="ExcludedUrls">Absolute URLs of slide decks the build warned about (SG1201): never uploaded, so the crawl skips them.</param>
public sealed record ServedSite(string Name, string Dir, Uri BaseUri, IReadOnlyList<SitePage> Pages, IReadOnlySet<string> ExcludedUrls)
{
    public string Url(string relative) => new Uri(BaseUri, relative).ToString();

    /// <summary>One page of each kind (home, a session, the catalog, ...), for the checks that are about templates rather than content.</summary>
    public IReadOnlyList<SitePage> OnePerKind => Pages.GroupBy(p => p.Kind, StringComparer.Ordinal).Select(g => g.First()).ToList();
}

/// <param name="Path">The page's URL path below the base URL ("" for home, "sessions/x/").</param>
/// <param name="Kind">Which template made it: home, session, sessions, tags, papers, review, page, search, 404.</param>
public sealed record SitePage(string Path, string Kind);

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSites>
{
    public const string Name = "Browser";
}

/// <summary>
/// One Chromium and one build of each site, shared by every browser test. Everything is made on first use, so a run
/// in which the browser tests are skipped (no Chromium) builds nothing and launches nothing.
/// </summary>
public sealed partial class BrowserSites : IAsyncLifetime
{
    public const string BasePath = "/course/";
    public const string Seed = "seed";
    public const string Corpus = "corpus";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly TempDir _work = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ServedSite> _sites = new(StringComparer.Ordinal);
    private readonly List<StaticSiteServer> _servers = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Screenshots go under the test output folder (bin/, git-ignored) for a person to look at.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            if (!Chromium.Installed)
                throw new InvalidOperationException($"Chromium not found at {Chromium.ExecutablePath}: CI=true, so the browser tests fail. Install it with apt-get install -y chromium.");
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = ChromiumArgs });
            return _browser;
        }
        finally { _gate.Release(); }
    }

    /// <summary>A fresh context (own storage, own viewport) in the shared browser.</summary>
    public async Task<IBrowserContext> ContextAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var browser = await BrowserAsync();
        return await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme });
    }

    public async Task<ServedSite> SiteAsync(string name)
    {
        await _gate.WaitAsync();
        try
        {
            if (_sites.TryGetValue(name, out var site)) return site;
            site = name switch
            {
                Seed => Serve(name, RepoPaths.Content),
                Corpus => Serve(name, CorpusContent()),
                _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown site"),
            };
            _sites[name] = site;
            return site;
        }
        finally { _gate.Release(); }
    }

    /// <summary>The 22 real sessions (not their SOURCES.md) as a bare content folder.</summary>
    private string CorpusContent()
    {
        var sessions = _work.Combine("corpus-content", "sessions");
        TempDir.CopyDirectory(RepoPaths.CorpusSessions, sessions);
        File.Delete(Path.Combine(sessions, "SOURCES.md"));
        return _work.Combine("corpus-content");
    }

    private ServedSite Serve(string name, string content)
    {
        var dir = _work.Combine(name + "-site");
        var result = Build.Run(content, dir, BasePath);
        if (!result.Succeeded) throw new InvalidOperationException($"The {name} site did not build:\n" + string.Join('\n', Build.Lines(result)));
        var server = new StaticSiteServer(dir, BasePath);
        _servers.Add(server);
        var excluded = result.Diagnostics
            .Where(d => d.Code == "SG1201")
            .Select(d => MissingDeck().Match(d.Message))
            .Where(m => m.Success)
            .Select(m => new Uri(server.BaseUri, m.Groups[1].Value).AbsoluteUri)
            .ToHashSet(StringComparer.Ordinal);
        return new ServedSite(name, dir, server.BaseUri, PagesOf(dir), excluded);
    }

    [GeneratedRegex(@"^Slide deck (\S+\.pdf) ")]
    private static partial Regex MissingDeck();

    private static List<SitePage> PagesOf(string dir) => SiteCrawler.HtmlPages(dir)
        .Select(file => Path.GetRelativePath(dir, file).Replace('\\', '/'))
        .Select(rel => rel == "index.html" ? "" : rel.EndsWith("/index.html", StringComparison.Ordinal) ? rel[..^"index.html".Length] : rel)
        .Select(path => new SitePage(path, KindOf(path)))
        .ToList();

    private static string KindOf(string path) => path switch
    {
        "" => "home",
        "404.html" => "404",
        "sessions/" => "sessions",
        "tags/" => "tags",
        "search/" => "search",
        "review/" => "review",
        _ when path.StartsWith("papers/", StringComparison.Ordinal) => "papers",
        _ when path.StartsWith("sessions/", StringComparison.Ordinal) => "session",
        _ => "page",
    };

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        foreach (var server in _servers) server.Dispose();
        _work.Dispose();
        _gate.Dispose();
    }
}

/// <summary>Everything that went wrong while a page loaded and ran: console errors, script errors, failed or 4xx/5xx requests.</summary>
public sealed class PageWatch
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems { get { lock (_problems) return _problems.ToList(); } }

    public PageWatch(IPage page)
    {
        page.Console += (_, m) => { if (m.Type == "error") Add($"console error: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => Add("script error: " + e);
        page.RequestFailed += (_, r) => Add($"request failed: {r.Method} {r.Url} ({r.Failure})");
        page.Response += (_, r) => { if (r.Status >= 400) Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
    }

    private void Add(string problem) { lock (_problems) _problems.Add(problem); }

    public void Clear() { lock (_problems) _problems.Clear(); }
}
