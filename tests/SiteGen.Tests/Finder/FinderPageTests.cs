using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using SiteGen.Cli.Serve;
using SiteGen.Tests.Browser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Finder;

/// <summary>The finder page of `serve`, over HTTP and in Chromium, on a copy of the seed course served under /course/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinderPageTests(BrowserSites sites) : IAsyncLifetime, IDisposable
{
    private const string Survey = "Advances and Challenges in Foundation Agents";
    private readonly TempDir _dir = new();
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private DevServer _server = null!;

    public async Task InitializeAsync()
    {
        TempDir.CopyDirectory(RepoPaths.Content, _dir.Combine("content"));
        _server = await DevServer.StartAsync(new ServeOptions { ContentDir = _dir.Combine("content"), OutDir = _dir.Combine("site"), BaseUrl = "/course/", Port = 0 }, TextWriter.Null);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private Uri At(string path) => new(_server.Address, path);

    [Fact]
    public async Task Served_pages_link_the_finder_and_the_built_site_has_neither_link_nor_page()
    {
        var home = await _http.GetStringAsync(At("/course/"));
        Assert.Contains("href=\"/__sitegen/finder/\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("__sitegen/finder", File.ReadAllText(_dir.Combine("site", "index.html")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("site", "__sitegen")));
        Assert.DoesNotContain(Directory.GetFiles(_dir.Combine("site"), "*", SearchOption.AllDirectories), f => f.Contains("finder", StringComparison.Ordinal));

        var page = await _http.GetAsync(At(FinderPage.PagePath));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"finder-query\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_endpoint_answers_json_and_a_bad_query_with_its_line()
    {
        using var ok = JsonDocument.Parse(await _http.GetStringAsync(At(FinderPage.SearchPath + "?q=authors%3ABubeck")));
        Assert.Equal("Phi-4 Technical Report", ok.RootElement.GetProperty("papers")[0].GetProperty("title").GetString());
        // The first search made the index, beside the site and not in it.
        Assert.True(Directory.Exists(_dir.Combine(".site.sitegen-finder")));

        var bad = await _http.GetAsync(At(FinderPage.SearchPath + "?q=title%3A(agent"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.StartsWith("query(1,13): error SG6001:", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_session_saved_while_serving_shows_in_the_next_search()
    {
        using (JsonDocument.Parse(await _http.GetStringAsync(At(FinderPage.SearchPath + "?q=zebra")))) { }
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Rebuilt += _ => rebuilt.TrySetResult();
        File.WriteAllText(_dir.Combine("content", "sessions", "W14.md"), "---\ntitle: Zebras\n---\n\n## Required Readings:\n\n#### Zebra Herding with Language Agents\n+ [https://arxiv.org/abs/2512.00001](https://arxiv.org/abs/2512.00001)\n");
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var found = JsonDocument.Parse(await _http.GetStringAsync(At(FinderPage.SearchPath + "?q=zebra")));
        var paper = found.RootElement.GetProperty("papers")[0];
        Assert.Equal("Zebra Herding with Language Agents", paper.GetProperty("title").GetString());
        Assert.Equal("W14", paper.GetProperty("sessions")[0].GetString());
    }

    [BrowserFact]
    public async Task Typing_shows_results_filters_narrow_them_and_copy_gives_the_reading_block()
    {
        var browser = await sites.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);

        // From a course page, through the banner only the preview shows.
        await page.GotoAsync(At("/course/").ToString());
        await page.Locator("a[data-sitegen-finder]").ClickAsync();
        await page.WaitForURLAsync(At(FinderPage.PagePath).ToString());

        await page.Locator("#finder-query").PressSequentiallyAsync("foundation agents", new() { Delay = 30 });
        var first = page.Locator(".finder-result").First;
        await Assertions.Expect(first.Locator("h2")).ToContainTextAsync(Survey, new() { Timeout = 15_000 });
        Assert.Contains("assigned: W13.1-T3-smallLLM-agents", await first.Locator(".finder-where").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.True(await first.Locator(".finder-snippet mark").CountAsync() > 0);

        // Only unassigned papers: the assigned survey goes, every result left says "unassigned".
        await page.Locator("#finder-unassigned").CheckAsync();
        await Assertions.Expect(page.Locator(".finder-result h2", new() { HasText = Survey })).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        var wheres = await page.Locator(".finder-result .finder-where").AllTextContentsAsync();
        Assert.NotEmpty(wheres);
        Assert.All(wheres, w => Assert.StartsWith("unassigned", w, StringComparison.Ordinal));

        // Similar to the session, with no words: the session's candidates.
        await page.Locator("#finder-unassigned").UncheckAsync();
        await page.Locator("#finder-query").FillAsync("");
        await page.Locator("#finder-like").SelectOptionAsync("sessions/W13.1-T3-smallLLM-agents.md");
        await Assertions.Expect(page.Locator("#finder-status")).ToContainTextAsync("matching paper(s)", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".finder-result .finder-where").First).ToContainTextAsync("unassigned", new() { Timeout = 15_000 });

        // Copy the first candidate as a reading.
        await page.Locator("#finder-like").SelectOptionAsync("");
        await page.Locator("#finder-query").FillAsync("authors:Bubeck");
        await Assertions.Expect(page.Locator(".finder-result h2").First).ToContainTextAsync("Phi-4 Technical Report", new() { Timeout = 15_000 });
        await page.Locator(".finder-result .finder-copy").First.ClickAsync();
        await Assertions.Expect(page.Locator(".finder-result .finder-copy").First).ToHaveTextAsync("Copied");
        var block = await page.Locator("#finder-copied").InputValueAsync();
        Assert.StartsWith("#### Phi-4 Technical Report\n+ [https://arxiv.org/abs/2412.08905](https://arxiv.org/abs/2412.08905)\n+ Marah Abdin, ", block);
        Assert.Equal(block, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // A query that does not parse says where, and nothing breaks.
        await page.Locator("#finder-query").FillAsync("title:(agent");
        await Assertions.Expect(page.Locator("#finder-error")).ToContainTextAsync("query(1,13): error SG6001", new() { Timeout = 15_000 });
        Assert.Empty(watch.Problems);
    }

    [BrowserFact]
    public async Task Since_and_source_filters_narrow_the_results_on_the_page()
    {
        const string Listing = "listings/hf-papers-agents-2.txt";
        var browser = await sites.BrowserAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync(At(FinderPage.PagePath).ToString());

        var all = await TotalAsync("q=agent");
        var since = await TotalAsync("q=agent&since=2025-10-01");
        var source = await TotalAsync("q=agent&source=" + Uri.EscapeDataString(Listing));
        Assert.InRange(since, 1, all - 1);
        Assert.InRange(source, 1, all - 1);
        var status = page.Locator("#finder-status");

        await page.Locator("#finder-query").PressSequentiallyAsync("agent", new() { Delay = 30 });
        await Assertions.Expect(status).ToContainTextAsync($" of {all} matching paper(s)", new() { Timeout = 15_000 });

        // Since a day: fewer papers, every one shown dated that day or later, "The FM Agent" (2025-10) among them.
        await page.Locator("#finder-since").FillAsync("2025-10-01");
        await Assertions.Expect(status).ToContainTextAsync($" of {since} matching paper(s)", new() { Timeout = 15_000 });
        var metas = await page.Locator(".finder-result .finder-meta").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, m =>
        {
            var date = System.Text.RegularExpressions.Regex.Match(m, @"\d{4}-\d{2}-\d{2}");
            Assert.True(date.Success && string.CompareOrdinal(date.Value, "2025-10-01") >= 0, m);
        });
        Assert.Contains(await page.Locator(".finder-result h2").AllTextContentsAsync(), h => h.EndsWith(". The FM Agent", StringComparison.Ordinal));

        // From one listing file (and no date): only papers with a source in that file.
        await page.Locator("#finder-since").FillAsync("");
        await page.Locator("#finder-source").SelectOptionAsync(Listing);
        await Assertions.Expect(status).ToContainTextAsync($" of {source} matching paper(s)", new() { Timeout = 15_000 });
        var wheres = await page.Locator(".finder-result .finder-where").AllTextContentsAsync();
        Assert.NotEmpty(wheres);
        Assert.All(wheres, w => Assert.Contains(Listing + ":", w, StringComparison.Ordinal));

        // Back to any file: all of them again.
        await page.Locator("#finder-source").SelectOptionAsync("");
        await Assertions.Expect(status).ToContainTextAsync($" of {all} matching paper(s)", new() { Timeout = 15_000 });
        Assert.Empty(watch.Problems);
    }

    /// <summary>The total the search endpoint gives for these parameters.</summary>
    private async Task<int> TotalAsync(string parameters)
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(At(FinderPage.SearchPath + "?" + parameters)));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
