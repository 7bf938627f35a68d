using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>Every page loads in Chromium without a console error or a failed request, and every internal link (and #anchor) resolves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteHealthTests(BrowserSites sites, ITestOutputHelper output)
{
    private const string LinksScript = """
        () => Array.from(document.querySelectorAll('a[href], area[href], link[href], script[src], img[src], iframe[src], source[src]'),
                         e => e.href || e.src)
        """;

    private const string IdsScript = "() => Array.from(document.querySelectorAll('[id]'), e => e.id).concat(Array.from(document.querySelectorAll('a[name]'), e => e.name))";

    [BrowserTheory]
    [InlineData(BrowserSites.Seed)]
    [InlineData(BrowserSites.Corpus)]
    public async Task Every_page_loads_cleanly_and_every_internal_link_resolves(string name)
    {
        var site = await sites.SiteAsync(name);
        await using var context = await sites.ContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var problems = new List<string>();
        var queue = new Queue<string>(site.Pages.Select(p => site.Url(p.Path)));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var anchors = new List<(string From, string Target, string Fragment)>();
        var links = 0;

        while (queue.TryDequeue(out var url))
        {
            if (!visited.Add(url)) continue;
            watch.Clear();
            var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            if (response is null || response.Status != 200) problems.Add($"{url}: HTTP {response?.Status}");
            problems.AddRange(watch.Problems.Select(p => $"{url}: {p}"));
            ids[url] = (await page.EvaluateAsync<string[]>(IdsScript)).ToHashSet(StringComparer.Ordinal);

            foreach (var href in await page.EvaluateAsync<string[]>(LinksScript))
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")) continue;
                if (!string.Equals(link.Authority, site.BaseUri.Authority, StringComparison.Ordinal)) continue; // external
                links++;
                var target = link.GetLeftPart(UriPartial.Query); // escaped, like the excluded URLs
                if (site.ExcludedUrls.Contains(target)) continue;
                if (!link.AbsolutePath.StartsWith(BrowserSites.BasePath, StringComparison.Ordinal))
                {
                    problems.Add($"{url}: link outside the base URL: {href}");
                    continue;
                }
                if (link.Fragment.Length > 1) anchors.Add((url, target, Uri.UnescapeDataString(link.Fragment[1..])));
                if (link.AbsolutePath.EndsWith('/') || link.AbsolutePath.EndsWith(".html", StringComparison.Ordinal))
                    queue.Enqueue(target);
                else if (checkedFiles.Add(target))
                {
                    var file = await context.APIRequest.GetAsync(target);
                    if (file.Status != 200) problems.Add($"{url}: link to {target} answers HTTP {file.Status}");
                }
            }
        }

        foreach (var (from, target, fragment) in anchors)
            if (ids.TryGetValue(target, out var known) && !known.Contains(fragment))
                problems.Add($"{from}: link to #{fragment} on {target}, which has no element with that id");

        output.WriteLine($"{name}: {visited.Count} pages loaded, {checkedFiles.Count} other files fetched, {links} internal links followed, {site.ExcludedUrls.Count} missing decks excluded (SG1201)");
        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct(StringComparer.Ordinal)));
    }

    [BrowserFact]
    public async Task A_missing_page_gets_the_styled_404_page_with_working_links()
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var context = await sites.ContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);

        var missing = site.Url("no/such/page/");
        var response = await page.GotoAsync(missing);

        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", await page.Locator("h1").TextContentAsync());
        // The page itself answers 404 (and Chromium logs that); its stylesheet and scripts must all load.
        Assert.All(watch.Problems, p => Assert.Contains(missing, p, StringComparison.Ordinal));
        Assert.NotEqual("static", await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.Equal(1, await page.Locator("header input[type=search]").CountAsync());
        await page.Locator("main a", new() { HasText = "schedule" }).ClickAsync();
        Assert.Equal(site.Url(""), page.Url);
    }
}
