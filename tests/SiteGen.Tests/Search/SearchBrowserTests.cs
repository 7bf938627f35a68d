using System.Net;
using Microsoft.Playwright;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// A fact that needs Chromium at /usr/bin/chromium: skipped with the reason when it is missing, failing under CI=true.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !NodeOracle.IsCi)
            Skip = $"Chromium not found at {ChromiumPath} (apt-get install -y chromium).";
    }
}

/// <summary>The seed course built under /course/, served over HTTP, with one Chromium for the class.</summary>
public sealed class SearchSiteFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private HttpListener? _listener;
    private Task? _serving;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string Origin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        var result = Build.Run(RepoPaths.Content, _dir.Combine("site"), "/course/");
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));

        // A port from the OS, then a listener on it (HttpListener cannot bind port 0 itself).
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Origin = $"http://127.0.0.1:{port}";
        _listener = new HttpListener();
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _serving = Task.Run(Serve);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Args = ["--no-sandbox"] });
    }

    // Serves site/ under /course/ only, as GitHub Pages serves a project site.
    private async Task Serve()
    {
        var root = _dir.Combine("site");
        while (_listener is { IsListening: true })
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = path.StartsWith("/course/", StringComparison.Ordinal) ? Path.Combine(root, path["/course/".Length..]) : "";
            if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
            var response = context.Response;
            if (file.Length > 0 && File.Exists(file) && Path.GetFullPath(file).StartsWith(root, StringComparison.Ordinal))
            {
                response.ContentType = Path.GetExtension(file) switch
                {
                    ".html" => "text/html; charset=utf-8",
                    ".js" => "text/javascript; charset=utf-8",
                    ".json" => "application/json",
                    ".css" => "text/css",
                    ".svg" => "image/svg+xml",
                    _ => "application/octet-stream",
                };
                var bytes = await File.ReadAllBytesAsync(file);
                await response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                response.StatusCode = 404;
            }
            response.Close();
        }
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        _listener?.Close();
        if (_serving is not null) await _serving;
        _dir.Dispose();
    }
}

/// <summary>The search box in a real browser: lazy loading, results as links, keyboard, no-results, ?q= links.</summary>
public sealed class SearchBrowserTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    private async Task<(IPage Page, List<string> Problems, List<string> Requests)> Open(string path)
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), "Chromium is required under CI");
        var page = await site.Browser.NewPageAsync();
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console.{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => problems.Add("request failed: " + r.Url);
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"HTTP {r.Status}: {r.Url}"); };
        page.Request += (_, r) => requests.Add(new Uri(r.Url).AbsolutePath);
        await page.GotoAsync(site.Origin + path);
        return (page, problems, requests);
    }

    [ChromiumFact]
    public async Task Index_loads_on_focus_and_results_are_links_navigable_by_keyboard()
    {
        var (page, problems, requests) = await Open("/course/");
        Assert.DoesNotContain("/course/search-index.json", requests);

        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("agen");
        await page.WaitForSelectorAsync("#search-results a[role=option]");
        Assert.Contains("/course/search-index.json", requests);
        Assert.Contains("/course/assets/lunr.min.js", requests);

        var links = page.Locator("#search-results a");
        Assert.True(await links.CountAsync() > 1);
        foreach (var href in await links.EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"))
            Assert.StartsWith("/course/", href);
        var kinds = await page.Locator("#search-results .result-kind").AllTextContentsAsync();
        Assert.All(kinds, k => Assert.Contains(k, new[] { "session", "paper", "page" }));

        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var second = links.Nth(1);
        Assert.Equal("true", await second.GetAttributeAsync("aria-selected"));
        Assert.Equal(await second.GetAttributeAsync("id"), await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
        var target = await second.GetAttributeAsync("href");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery + new Uri(url).Fragment == target);
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task No_results_state_escape_and_hostile_or_invalid_queries_stay_text()
    {
        var (page, problems, _) = await Open("/course/");
        await page.FocusAsync("#search-input");
        await page.FillAsync("#search-input", "zzqxv");
        await page.WaitForSelectorAsync("#search-results .search-status");
        Assert.Equal("No results for \u201czzqxv\u201d", await page.TextContentAsync("#search-results"));

        await page.FillAsync("#search-input", "<img src=x onerror=alert(1)>");
        await page.WaitForSelectorAsync("#search-results .search-status");
        Assert.Equal(0, await page.Locator("#search-results img").CountAsync());

        foreach (var q in new[] { "title:", "agent~", "+", "-", "^2", "title:agent:" })
            await page.FillAsync("#search-input", q);
        await page.FillAsync("#search-input", "agents");
        await page.WaitForSelectorAsync("#search-results a");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal(0, await page.Locator("#search-results > *").CountAsync());
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task Search_page_runs_the_query_from_the_link()
    {
        var (page, problems, _) = await Open("/course/search/?q=phi-4%20technical%20report");
        await page.WaitForSelectorAsync("#search-results a");
        Assert.Equal("phi-4 technical report", await page.InputValueAsync("#search-input"));
        Assert.StartsWith("Phi-4 Technical Report", await page.Locator("#search-results .result-title").First.TextContentAsync());
        Assert.Empty(problems);
    }
}
