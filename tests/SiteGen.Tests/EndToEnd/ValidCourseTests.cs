using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The valid-course fixture: ordering, front-matter rules, base URL, golden output, determinism, atomic writes.</summary>
public class ValidCourseTests
{
    private static string FixtureContent => Path.Combine(RepoPaths.Fixtures, "sites", "valid-course", "content");

    private static (TempDir Work, string Site) BuildFixture(string? baseUrl = null)
    {
        var work = new TempDir();
        var site = work.Combine("site");
        var result = Build.Run(FixtureContent, site, baseUrl);
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        return (work, site);
    }

    [Fact]
    public void Schedule_orders_by_LOrder_then_ordinal_file_name()
    {
        var (work, site) = BuildFixture();
        using var _ = work;
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var links = document.QuerySelectorAll("table.schedule tbody a[href*='/sessions/']").Select(a => a.GetAttribute("href")).Distinct().ToList();

        Assert.Equal(
            ["/course/sessions/Z-first/", "/course/sessions/S0-Section1/", "/course/sessions/S1-L01/", "/course/sessions/S1-L08/", "/course/sessions/S1-L0A/", "/course/sessions/S1-L10/"],
            links);
    }

    [Fact]
    public void Front_matter_rules_apply_on_the_pages()
    {
        var (work, site) = BuildFixture();
        using var _ = work;
        var parser = new HtmlParser();
        var home = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var intro = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "sessions", "S1-L01", "index.html")));
        var serving = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "sessions", "S1-L08", "index.html")));

        // lecture: S1-L01.pdf and Lectures/S1 L08 serving: no .pdf.pdf, no doubled Lectures/, spaces encoded.
        Assert.Contains(intro.QuerySelectorAll(".session-meta a"), a => a.GetAttribute("href") == "/course/Lectures/S1-L01.pdf");
        Assert.Contains(serving.QuerySelectorAll(".session-meta a"), a => a.GetAttribute("href") == "/course/Lectures/S1%20L08%20serving.pdf");
        // The title's extra spaces collapse; the instructor's HTML in notes is HTML, its relative deck link made absolute.
        Assert.Equal("Introduction & Overview", intro.QuerySelector("h1")!.TextContent);
        Assert.Contains(intro.QuerySelectorAll(".session-meta a"), a => a.GetAttribute("href") == "https://example.edu/notes1" && a.TextContent == "Notes");
        Assert.Contains(intro.QuerySelectorAll(".session-meta a"), a => a.GetAttribute("href") == "/course/Lectures/S1-L01.pdf" && a.TextContent == "Deck");
        // A scalar category is one label; tags are trimmed and link to one slug.
        var introRow = home.QuerySelectorAll("table.schedule tbody tr").Single(r => r.QuerySelector("a[href='/course/sessions/S1-L01/']") is not null);
        Assert.Equal("2d (vision)", introRow.QuerySelector("td[data-label='Topic']")!.TextContent);
        Assert.Contains(intro.QuerySelectorAll("a.tag"), a => a.TextContent == "LLM/Agents" && a.GetAttribute("href") == "/course/tags/#llm-agents");
        var tags = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "tags", "index.html")));
        Assert.NotNull(tags.GetElementById("llm-agents"));
        // {{ site.baseurl }} in the body is replaced without a double slash.
        Assert.Contains(intro.QuerySelectorAll("img"), img => img.GetAttribute("src") == "/course/Lectures/S1-L01.pdf");
        // Section banner, extra/platform rows, and the marker before the first session that is not current.
        Assert.NotNull(home.QuerySelector("tr.row-section"));
        Assert.NotNull(home.QuerySelector("tr.row-extra"));
        Assert.NotNull(home.QuerySelector("tr.row-platform"));
        var rows = home.QuerySelectorAll("table.schedule tbody tr").ToList();
        var marker = rows.FindIndex(r => r.ClassList.Contains("we-are-here"));
        Assert.Contains("Between eight and ten", rows[marker + 1].TextContent);
        // The excerpt is the summary on the all-sessions page.
        var all = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "sessions", "index.html")));
        Assert.Equal("We start here.", all.QuerySelector("#session-S1-L01 .summary")!.TextContent.Trim());
    }

    [Fact]
    public void Dates_come_from_term_start_and_meeting_days_and_never_shift()
    {
        var (work, site) = BuildFixture();
        using var _ = work;
        var calendar = File.ReadAllText(Path.Combine(site, "calendar.ics"));

        // Term starts Tue 2026-01-13, meetings Tue/Thu: Z-first (LOrder 1) gets 13 Jan, S1-L01 15 Jan; S1-L10 keeps its own date.
        Assert.Contains("DTSTART;VALUE=DATE:20260113", calendar);
        Assert.Contains("DTSTART;VALUE=DATE:20260115", calendar);
        Assert.Contains("DTSTART;VALUE=DATE:20260303", calendar);
        Assert.DoesNotContain("TZID", calendar);
    }

    [Fact]
    public void Every_internal_link_and_asset_resolves_under_the_base_url()
    {
        var (work, site) = BuildFixture("/course/");
        using var _ = work;

        Assert.Empty(SiteCrawler.BrokenLinks(site, "/course/"));
        Assert.True(File.Exists(Path.Combine(site, ".nojekyll")));
        Assert.True(File.Exists(Path.Combine(site, "404.html")));
        Assert.Contains("<loc>https://example.edu/course/sessions/S1-L01/</loc>", File.ReadAllText(Path.Combine(site, "sitemap.xml")));
        Assert.Contains("<entry>", File.ReadAllText(Path.Combine(site, "atom.xml")));
    }

    [Fact]
    public void Two_builds_give_byte_identical_files()
    {
        using var work = new TempDir();
        Build.Run(FixtureContent, work.Combine("a"));
        Build.Run(FixtureContent, work.Combine("b"));

        var a = Build.Snapshot(work.Combine("a"));
        var b = Build.Snapshot(work.Combine("b"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]), path + " differs between two builds");
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var work = new TempDir();
        TempDir.CopyDirectory(FixtureContent, work.Combine("content"));
        Assert.True(Build.Run(work.Combine("content"), work.Combine("site")).Succeeded);
        var before = Build.Snapshot(work.Combine("site"));

        File.WriteAllText(work.Combine("content", "sessions", "S1-L08.md"), "---\ntitle: [broken\n---\n");
        var failed = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.False(failed.Succeeded);
        var after = Build.Snapshot(work.Combine("site"));
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), path + " changed");
        Assert.DoesNotContain(Directory.GetDirectories(work.Path), d => Path.GetFileName(d).StartsWith("site.", StringComparison.Ordinal));
    }

    /// <summary>Golden pages: set SITEGEN_UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the diff.</summary>
    [Theory]
    [InlineData("index.html")]
    [InlineData("sessions/S1-L01/index.html")]
    [InlineData("tags/index.html")]
    [InlineData("sitemap.xml")]
    [InlineData("calendar.ics")]
    public void Output_matches_the_golden_file(string path)
    {
        var (work, site) = BuildFixture();
        using var _ = work;
        var actual = File.ReadAllText(Path.Combine(site, path));
        var goldenPath = Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "Fixtures", "sites", "valid-course", "expected", path);
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
        }
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }
}
