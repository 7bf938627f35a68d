using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>The search flow a student uses, and screenshots of the main pages for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchAndScreenshotTests(BrowserSites sites, ITestOutputHelper output)
{
    private const string Paper = "Advances and Challenges in Foundation Agents";

    [BrowserTheory]
    [InlineData(BrowserSites.Seed, "foundation agents", Paper, 1280, 900)]
    [InlineData(BrowserSites.Seed, "foundation agents", Paper, 375, 812)]
    [InlineData(BrowserSites.Corpus, "virtual lab nanobodies", "The Virtual Lab: AI Agents Design New SARS-CoV-2 Nanobodies", 1280, 900)]
    public async Task Typing_in_the_header_search_box_finds_the_paper_and_Enter_lands_on_it(string name, string query, string paper, int width, int height)
    {
        var site = await sites.SiteAsync(name);
        await using var context = await sites.ContextAsync(width, height);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await page.GotoAsync(site.Url(""));

        var box = page.Locator("header input[type=search]");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(query);
        var results = page.Locator("#search-results a");
        var hit = results.Filter(new() { HasText = paper }).First;
        await hit.WaitForAsync(new() { Timeout = 10_000 });
        Assert.True(await hit.IsVisibleAsync());
        await Screenshot(page, $"search-results-{name}-{width}", fullPage: false);

        // Arrow down to the paper, then Enter. On a loaded machine the list can still be drawn again (the index arriving
        // after the last keystroke) between reading it and the key presses, which starts the selection over: the
        // selection is read back, and the arrows pressed again from the top until it is on the paper.
        var href = "";
        for (var attempt = 1; ; attempt++)
        {
            var titles = await results.AllTextContentsAsync();
            var index = titles.ToList().FindIndex(t => t.Contains(paper, StringComparison.Ordinal));
            Assert.True(index >= 0, $"{paper} not among the results: {string.Join(" | ", titles)}");
            for (var i = 0; i <= titles.Count; i++) await box.PressAsync("ArrowUp");
            for (var i = 0; i <= index; i++) await box.PressAsync("ArrowDown");
            var chosen = results.Nth(index);
            href = await chosen.EvaluateAsync<string>("a => a.href");
            if (await chosen.GetAttributeAsync("aria-selected") == "true" && await box.GetAttributeAsync("aria-activedescendant") == await chosen.GetAttributeAsync("id")) break;
            Assert.True(attempt < 5, "the selection never stayed on the paper");
            await page.WaitForTimeoutAsync(200);
        }
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(href);

        var landing = new Uri(href);
        var target = landing.Fragment.Length > 1 ? page.Locator($"[id='{Uri.UnescapeDataString(landing.Fragment[1..])}']") : page.Locator("main");
        Assert.Contains(paper, await target.TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.True(await target.IsVisibleAsync());
        Assert.Empty(watch.Problems);
    }

    [BrowserFact]
    public async Task Clicking_a_result_on_the_search_page_lands_on_it()
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var context = await sites.ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("search/?q=foundation%20agents"));

        var hit = page.Locator("#search-results a").Filter(new() { HasText = Paper }).First;
        await hit.WaitForAsync(new() { Timeout = 10_000 });
        var href = await hit.EvaluateAsync<string>("a => a.href");
        await hit.ClickAsync();
        await page.WaitForURLAsync(href);

        Assert.Contains(Paper, await page.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [BrowserTheory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task Screenshots_of_home_session_and_catalog_light_and_dark(int width, int height)
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var context = await sites.ContextAsync(width, height);
        var page = await context.NewPageAsync();

        foreach (var (name, path, full) in new[] { ("home", "", true), ("session", site.Pages.First(p => p.Kind == "session").Path, true), ("catalog", "papers/", false) })
        {
            await page.GotoAsync(site.Url(path));
            await Screenshot(page, $"{name}-{width}", full);
        }
        var corpus = await sites.SiteAsync(BrowserSites.Corpus);
        await page.GotoAsync(corpus.Url(""));
        await Screenshot(page, $"corpus-home-{width}", fullPage: false);
        await using var dark = await sites.ContextAsync(width, height, ColorScheme.Dark);
        var darkPage = await dark.NewPageAsync();
        await darkPage.GotoAsync(site.Url(site.Pages.First(p => p.Kind == "session").Path));
        await Screenshot(darkPage, $"session-dark-{width}", false);
        await darkPage.GotoAsync(site.Url(""));
        await Screenshot(darkPage, $"home-dark-{width}", false);
    }

    private async Task Screenshot(IPage page, string name, bool fullPage)
    {
        Directory.CreateDirectory(BrowserSites.ScreenshotDir);
        var file = Path.Combine(BrowserSites.ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
        output.WriteLine("screenshot: " + file);
        Assert.True(new FileInfo(file).Length > 0);
    }
}
