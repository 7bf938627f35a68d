using AngleSharp.Html.Parser;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>The user's own course: a bare folder holding only the seed session and listings builds under /course/.</summary>
public class SeedCourseTests
{
    private static TempDir BareSeedFolder(bool withSlides)
    {
        var work = new TempDir();
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Content, "sessions"), work.Combine("course", "sessions"));
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Content, "listings"), work.Combine("course", "listings"));
        if (withSlides) TempDir.CopyDirectory(Path.Combine(RepoPaths.Content, "Lectures"), work.Combine("course", "Lectures"));
        return work;
    }

    [Fact]
    public void Bare_seed_folder_builds_under_a_project_base_url_with_every_link_resolving()
    {
        using var work = BareSeedFolder(withSlides: true);
        var site = work.Combine("out");

        var result = Build.Run(work.Combine("course"), site, "/course/");

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Empty(SiteCrawler.BrokenLinks(site, "/course/"));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "sessions", "W13.1-T3-smallLLM-agents", "index.html")));
        Assert.Equal("More on LLM based agents", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".session-meta a"), a => a.GetAttribute("href") == "/course/Lectures/W13.1-T3-smallLLM-agents.pdf");
        Assert.Contains("team-3", page.QuerySelector(".session-meta")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("a.tag"), a => a.TextContent == "Scaling");
        Assert.DoesNotContain(Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(File.ReadAllText), html => html.Contains("href=\"//", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_slide_deck_is_a_warning_naming_the_file_and_line()
    {
        using var work = BareSeedFolder(withSlides: false);

        var result = Build.Run(work.Combine("course"), work.Combine("out"));

        Assert.True(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.ToString().StartsWith(
            "course/sessions/W13.1-T3-smallLLM-agents.md(3,1): warning SG1201: Slide deck Lectures/W13.1-T3-smallLLM-agents.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_build_command_builds_the_shipped_course()
    {
        using var work = new TempDir();
        TempDir.CopyDirectory(RepoPaths.Content, work.Combine("content"));

        var (exit, output) = Build.Cli(work.Path, "build");

        Assert.Equal(0, exit);
        Assert.Contains("0 error(s)", output);
        Assert.True(File.Exists(work.Combine("site", "sessions", "W13.1-T3-smallLLM-agents", "index.html")));
        Assert.True(File.Exists(work.Combine("site", "syllabus", "index.html")));
    }
}
