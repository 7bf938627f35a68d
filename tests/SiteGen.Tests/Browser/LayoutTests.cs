using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Browser;

/// <summary>What a student sees on a phone, in a dark classroom and on paper.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserSites sites, ITestOutputHelper output)
{
    private const int PhoneWidth = 375;

    /// <summary>The page's width against the window's, and the elements sticking out on the right (for the failure message).</summary>
    private const string OverflowScript = """
        () => {
          const width = window.innerWidth;
          const wide = [];
          for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.right > width + 0.5 && wide.length < 5) wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '') + ' right=' + Math.round(r.right));
          }
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.join(', ') };
        }
        """;

    // Playwright fills the result through a parameterless constructor and setters.
    private sealed class Overflow
    {
        public int ScrollWidth { get; set; }
        public int InnerWidth { get; set; }
        public string Wide { get; set; } = "";
    }

    [BrowserTheory]
    [InlineData(BrowserSites.Seed)]
    [InlineData(BrowserSites.Corpus)]
    public async Task No_page_is_wider_than_a_phone(string name)
    {
        var site = await sites.SiteAsync(name);
        await using var context = await sites.ContextAsync(PhoneWidth, 812);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var p in site.Pages)
        {
            await page.GotoAsync(site.Url(p.Path));
            var o = await page.EvaluateAsync<Overflow>(OverflowScript);
            if (o.ScrollWidth > o.InnerWidth) problems.Add($"{p.Path}: scrollWidth {o.ScrollWidth} > {o.InnerWidth}: {o.Wide}");
            // The opened menu must not widen the page either.
            await page.Locator(".nav-toggle").ClickAsync();
            o = await page.EvaluateAsync<Overflow>(OverflowScript);
            if (o.ScrollWidth > o.InnerWidth) problems.Add($"{p.Path} (menu open): scrollWidth {o.ScrollWidth} > {o.InnerWidth}: {o.Wide}");
        }

        output.WriteLine($"{name}: {site.Pages.Count} pages checked at {PhoneWidth} px");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [BrowserFact]
    public async Task On_a_phone_the_navigation_collapses_behind_a_menu_button()
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var context = await sites.ContextAsync(PhoneWidth, 812);
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(""));
        var toggle = page.Locator(".nav-toggle");
        var nav = page.Locator("#site-nav");

        Assert.True(await toggle.IsVisibleAsync());
        Assert.False(await nav.IsVisibleAsync());
        await toggle.ClickAsync();
        Assert.True(await nav.IsVisibleAsync());
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await nav.GetByRole(AriaRole.Link, new() { Name = "Syllabus" }).IsVisibleAsync());

        // On a laptop the links are shown and the button is not.
        await page.SetViewportSizeAsync(1280, 900);
        Assert.False(await toggle.IsVisibleAsync());
        Assert.True(await nav.IsVisibleAsync());
    }

    [BrowserFact]
    public async Task Reading_abstracts_start_collapsed_and_open_on_click()
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var context = await sites.ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(site.Pages.First(p => p.Kind == "session").Path));
        var abstracts = page.Locator(".reading-card details.reading-abstract");

        Assert.True(await abstracts.CountAsync() > 0);
        foreach (var details in await abstracts.AllAsync())
        {
            Assert.Null(await details.GetAttributeAsync("open"));
            Assert.False(await details.Locator("p").First.IsVisibleAsync());
        }
        await abstracts.First.Locator("summary").ClickAsync();
        Assert.True(await abstracts.First.Locator("p").First.IsVisibleAsync());
    }

    private const string ColoursScript = "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color]; }";

    [BrowserFact]
    public async Task Dark_mode_follows_the_system_setting_and_the_toggle_is_remembered()
    {
        var site = await sites.SiteAsync(BrowserSites.Seed);
        await using var light = await sites.ContextAsync(scheme: ColorScheme.Light);
        await using var dark = await sites.ContextAsync(scheme: ColorScheme.Dark);
        var lightPage = await light.NewPageAsync();
        var darkPage = await dark.NewPageAsync();
        await lightPage.GotoAsync(site.Url(""));
        await darkPage.GotoAsync(site.Url(""));

        var lightColours = await lightPage.EvaluateAsync<string[]>(ColoursScript);
        var darkColours = await darkPage.EvaluateAsync<string[]>(ColoursScript);
        Assert.NotEqual(lightColours[0], darkColours[0]);
        Assert.NotEqual(lightColours[1], darkColours[1]);
        Assert.True(Luminance(darkColours[0]) < Luminance(lightColours[0]), $"dark background {darkColours[0]} is not darker than {lightColours[0]}");

        // The toggle switches a light-system reader to dark, and the choice survives a reload and a new page.
        await lightPage.Locator(".theme-toggle").ClickAsync();
        Assert.Equal(darkColours, await lightPage.EvaluateAsync<string[]>(ColoursScript));
        await lightPage.ReloadAsync();
        Assert.Equal(darkColours, await lightPage.EvaluateAsync<string[]>(ColoursScript));
        await lightPage.GotoAsync(site.Url("papers/"));
        Assert.Equal(darkColours[0], (await lightPage.EvaluateAsync<string[]>(ColoursScript))[0]);
        // ... and back to light for a dark-system reader.
        await darkPage.Locator(".theme-toggle").ClickAsync();
        await darkPage.ReloadAsync();
        Assert.Equal(lightColours, await darkPage.EvaluateAsync<string[]>(ColoursScript));
    }

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(s => double.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2];
    }

    [BrowserTheory]
    [InlineData(BrowserSites.Seed)]
    [InlineData(BrowserSites.Corpus)]
    public async Task Printing_leaves_out_the_navigation_and_keeps_the_content(string name)
    {
        var site = await sites.SiteAsync(name);
        await using var context = await sites.ContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var problems = new List<string>();

        foreach (var p in site.OnePerKind)
        {
            await page.GotoAsync(site.Url(p.Path));
            foreach (var hidden in new[] { ".site-header", "#site-nav", "header input[type=search]", ".theme-toggle", ".site-footer" })
                if (await page.Locator(hidden).First.IsVisibleAsync()) problems.Add($"{p.Path}: {hidden} is printed");
            if (!await page.Locator("main h1").First.IsVisibleAsync()) problems.Add($"{p.Path}: the page title is not printed");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
