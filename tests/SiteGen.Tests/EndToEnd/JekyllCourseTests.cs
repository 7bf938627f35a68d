using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Two whole real Jekyll course repositories (Fixtures/courses, with the site Jekyll 4.3 built from each): imported and
/// built with the real command line, as an instructor would, the site keeps every page URL, the schedule and the notices.
/// </summary>
public class JekyllCourseTests
{
    private static string Courses => Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "Fixtures", "courses");

    /// <summary>The files the import and the build add to the course folder: nothing else may change.</summary>
    private static bool Added(string path) =>
        path is "site.yml" or "schedule.yml" or ".github/workflows/pages.yml" or "._site.sitegen-manifest.json" || path.StartsWith("_site/", StringComparison.Ordinal);

    [Theory]
    [InlineData("2025sp-GenAI-overview", 31, 31, 31, 0)]
    [InlineData("2020f-UVA-CS-MachineLearningDeep", 51, 45, 27, 13)]
    public void Imported_course_builds_with_every_old_url_schedule_row_and_notice(string course, int sessionFiles, int scheduleRows, int datedRows, int quizzes)
    {
        using var work = new TempDir();
        var repo = work.Combine(course);
        TempDir.CopyDirectory(Path.Combine(Courses, course, "repo"), repo);
        var before = Build.Snapshot(repo);

        var import = Build.Cli(repo, "import", "jekyll");
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains($"mapped sessions: _contents/*.md ({sessionFiles} files) at /{course}/contents/NAME/", import.Output);
        var build = Build.Cli(repo, "build");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains($"{sessionFiles} sessions", build.Output);
        Assert.Contains("site written to _site", build.Output);

        var measures = JekyllParity.Compare(Path.Combine(Courses, course, "jekyll-site"), Path.Combine(repo, "_site"), $"/{course}/");
        foreach (var measure in measures) Assert.True(measure.Good == measure.Total, measure.ToString());
        var counts = measures.ToDictionary(m => m.Name, m => m.Total);
        Assert.Equal(scheduleRows, counts["order"]);
        Assert.Equal(datedRows, counts["dates"]);
        Assert.Equal(quizzes, counts["quizzes"]);
        Assert.True(counts["urls"] > sessionFiles && counts["notices"] >= 5, string.Join(", ", measures));
        // The quiz column is there exactly when the course has quizzes.
        var home = File.ReadAllText(Path.Combine(repo, "_site", "index.html"));
        Assert.Equal(quizzes > 0, home.Contains("<th scope=\"col\">Quiz</th>", StringComparison.Ordinal));
        Assert.Contains("<th scope=\"col\">Week</th>", home);

        // Every course file is byte for byte as it was; only SiteGen's files were added.
        var after = Build.Snapshot(repo);
        Assert.Equal(before.Keys, after.Keys.Where(k => !Added(k)));
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), path + " changed");
        Assert.Contains("site.yml", after.Keys);
        Assert.Contains("schedule.yml", after.Keys);
        Assert.Contains(".github/workflows/pages.yml", after.Keys);

        // Importing again changes nothing.
        var again = Build.Cli(repo, "import", "jekyll");
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("unchanged site.yml", again.Output);
        Assert.Contains("unchanged schedule.yml", again.Output);
        var third = Build.Snapshot(repo);
        foreach (var path in new[] { "site.yml", "schedule.yml", ".github/workflows/pages.yml" }) Assert.Equal(after[path], third[path]);
    }

    /// <summary>The same course on Jekyll's default permalinks (no permalink: pretty): every session and page is a .html file, and stays one.</summary>
    [Fact]
    public void A_course_on_jekylls_default_permalinks_keeps_its_html_urls()
    {
        const string course = "2025sp-GenAI-overview";
        using var work = new TempDir();
        var repo = work.Combine(course);
        TempDir.CopyDirectory(Path.Combine(Courses, course, "repo"), repo);
        var config = Path.Combine(repo, "_config.yml");
        File.WriteAllLines(config, File.ReadAllLines(config).Where(l => !l.StartsWith("permalink:", StringComparison.Ordinal)));

        var import = Build.Cli(repo, "import", "jekyll");
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains($"mapped sessions: _contents/*.md (31 files) at /{course}/contents/NAME.html", import.Output);
        Assert.Contains("About.md -> page at /About.html", import.Output);
        var build = Build.Cli(repo, "build");
        Assert.True(build.ExitCode == 0, build.Output);

        var reference = Path.Combine(Courses, course, "jekyll-site-default-permalinks");
        Assert.True(File.Exists(Path.Combine(reference, "contents", "S0-L06.html")));
        var measures = JekyllParity.Compare(reference, Path.Combine(repo, "_site"), $"/{course}/");
        foreach (var measure in measures) Assert.True(measure.Good == measure.Total, measure.ToString());
        var counts = measures.ToDictionary(m => m.Name, m => m.Total);
        Assert.Equal(31, counts["order"]);
        Assert.Equal(31, counts["dates"]);
        Assert.True(counts["urls"] > 31, string.Join(", ", measures));
    }

    [Fact]
    public void Old_tag_anchors_and_pages_land_on_sitegen_pages()
    {
        using var work = new TempDir();
        var repo = work.Combine("course");
        TempDir.CopyDirectory(Path.Combine(Courses, "2020f-UVA-CS-MachineLearningDeep", "repo"), repo);
        Assert.True(Build.Cli(repo, "import", "jekyll").ExitCode == 0);
        var build = Build.Cli(repo, "build");
        Assert.True(build.ExitCode == 0, build.Output);

        var tags = File.ReadAllText(Path.Combine(repo, "_site", "LecturesByTags", "index.html"));
        // The old tags page linked /LecturesByTags/#<tag with spaces as '-'>; each such anchor is on the new page.
        var oldTags = File.ReadAllText(Path.Combine(Courses, "2020f-UVA-CS-MachineLearningDeep", "jekyll-site", "LecturesByTags", "index.html"));
        var anchors = System.Text.RegularExpressions.Regex.Matches(oldTags, "<a name=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(a => a != "topPage").Distinct().ToList();
        Assert.True(anchors.Count >= 15, string.Join(", ", anchors));
        foreach (var anchor in anchors)
            Assert.True(tags.Contains($"id=\"{anchor}\"", StringComparison.Ordinal) || tags.Contains($"id=\"{System.Net.WebUtility.HtmlEncode(anchor)}\"", StringComparison.Ordinal), anchor);
        Assert.Contains("All sessions", File.ReadAllText(Path.Combine(repo, "_site", "LecturesByDate", "index.html")));
        Assert.True(File.Exists(Path.Combine(repo, "_site", "atom.xml")));
        Assert.True(File.Exists(Path.Combine(repo, "_site", "404.html")));
        // SiteGen's own pages come on top.
        Assert.True(File.Exists(Path.Combine(repo, "_site", "papers", "index.html")));
        Assert.True(File.Exists(Path.Combine(repo, "_site", "search", "index.html")));
        var broken = SiteCrawler.BrokenLinks(Path.Combine(repo, "_site"), "/2020f-UVA-CS-MachineLearningDeep/")
            // Decks the course names but never uploaded are warnings; empty href="" links are the course's own (in notes and pages).
            .Where(l => !l.Url.EndsWith(".pdf", StringComparison.Ordinal) && l.Url.Length > 0).ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }
}
