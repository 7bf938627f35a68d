using Microsoft.Playwright;
using SiteGen.Tests.Browser;
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
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string Origin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        var result = Build.Run(RepoPaths.Content, _dir.Combine("site"), "/course/");
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));

        // The browser tests' server: answers requests concurrently and survives a page going away mid-response (the
        // loop here before served one request at a time and ended on the first write to a closed connection).
        _server = new StaticSiteServer(_dir.Combine("site"), "/course/");
        Origin = _server.BaseUri.GetLeftPart(UriPartial.Authority);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        _server?.Dispose();
        _dir.Dispose();
    }
}

/// <summary>One test's page in its own browser context, with what went wrong and what was fetched.</summary>
public sealed record SearchTab(IBrowserContext Context, IPage Page, List<string> Problems, List<string> Requests) : IAsyncDisposable
{
    private static readonly string[] SearchFiles = ["/course/search-index.json", "/course/search-docs.json", "/course/assets/lunr.min.js"];

    /// <summary>Which of lunr and the index files were requested so far.</summary>
    public List<string> SearchRequests()
    {
        lock (Requests) return Requests.Where(r => SearchFiles.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

/// <summary>The search box in a real browser: lazy loading, results as links, keyboard, no-results, ?q= links.</summary>
public sealed class SearchBrowserTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    private async Task<SearchTab> Open(string path)
    {
        Assert.True(File.Exists(ChromiumFactAttribute.ChromiumPath), "Chromium is required under CI");
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var tab = new SearchTab(context, page, [], []);
        page.Console += (_, m) => { if (m.Type is "error" or "warning") lock (tab.Problems) tab.Problems.Add($"console.{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => { lock (tab.Problems) tab.Problems.Add("page error: " + e); };
        page.RequestFailed += (_, r) => { lock (tab.Problems) tab.Problems.Add("request failed: " + r.Url); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (tab.Problems) tab.Problems.Add($"HTTP {r.Status}: {r.Url}"); };
        page.Request += (_, r) => { lock (tab.Requests) tab.Requests.Add(new Uri(r.Url).AbsolutePath); };
        await page.GotoAsync(site.Origin + path);
        return tab;
    }

    [ChromiumFact]
    public async Task Index_loads_on_focus_and_results_are_links_navigable_by_keyboard()
    {
        await using var tab = await Open("/course/");
        var page = tab.Page;
        Assert.Empty(tab.SearchRequests());

        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("agen");
        await page.WaitForSelectorAsync("#search-results a[role=option]");
        Assert.Equal(3, tab.SearchRequests().Count);

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
        // Polls the page's URL. WaitForURLAsync(predicate) here timed out now and then although the URL matched and
        // the new page had loaded in under a second: its log showed it never saw the navigation event.
        await Assertions.Expect(page).ToHaveURLAsync(site.Origin + target);
        Assert.Empty(tab.Problems);
    }

    [ChromiumFact]
    public async Task Loading_starts_when_the_pointer_reaches_the_search_form_and_not_before()
    {
        await using var tab = await Open("/course/");
        var page = tab.Page;
        await page.Mouse.MoveAsync(1, 1);
        await page.HoverAsync("main");
        Assert.Empty(tab.SearchRequests());

        await page.HoverAsync("#search-input");
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('search:index-loaded').length > 0");
        Assert.Equal(3, tab.SearchRequests().Count);
        Assert.False(await page.EvaluateAsync<bool>("() => document.activeElement === document.getElementById('search-input')"));
        Assert.Empty(tab.Problems);
    }

    [ChromiumFact]
    public async Task Slash_outside_a_text_field_goes_to_the_search_box_and_words_typed_while_loading_are_searched()
    {
        await using var tab = await Open("/course/");
        var page = tab.Page;
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.getElementById('search-input')"));
        Assert.Equal("", await page.InputValueAsync("#search-input"));

        // Typed at once, so usually before the index is ready: the whole text is searched once it is, without another key.
        await page.Keyboard.TypeAsync("phi-4 technical report");
        await page.WaitForSelectorAsync("#search-results a");
        Assert.StartsWith("Phi-4 Technical Report", await page.Locator("#search-results .result-title").First.TextContentAsync());

        // In the box, "/" is a character like any other.
        await page.Keyboard.PressAsync("/");
        Assert.Equal("phi-4 technical report/", await page.InputValueAsync("#search-input"));
        Assert.Empty(tab.Problems);
    }

    [ChromiumFact]
    public async Task No_results_state_escape_and_hostile_or_invalid_queries_stay_text()
    {
        await using var tab = await Open("/course/");
        var page = tab.Page;
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
        Assert.Empty(tab.Problems);
    }

    [ChromiumFact]
    public async Task Search_page_runs_the_query_from_the_link()
    {
        await using var tab = await Open("/course/search/?q=phi-4%20technical%20report");
        var page = tab.Page;
        await page.WaitForSelectorAsync("#search-results a");
        Assert.Equal("phi-4 technical report", await page.InputValueAsync("#search-input"));
        Assert.StartsWith("Phi-4 Technical Report", await page.Locator("#search-results .result-title").First.TextContentAsync());
        Assert.Empty(tab.Problems);
    }
}
