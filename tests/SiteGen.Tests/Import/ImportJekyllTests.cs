using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import;

/// <summary><c>sitegen import jekyll</c> on small Jekyll courses written in the test: what it maps, writes, and reports.</summary>
public class ImportJekyllTests
{
    private const string Config = """
        title: "Test Course"
        tagline: "2024 Fall"
        description: "A test course"
        baseurl: 	/test-course/
        url: https://someone.github.io/
        author:
          name: 'Dr. Test'
        permalink: pretty
        collections:
          contents:
            sort_by: LOrder
            output: true

        """;

    private static string Session(string title, string extra = "") => $"---\nlayout: post\ntitle: {title}\nlectureVersion: current\n{extra}---\nBody of {title}.\n";

    /// <summary>A home page as these courses write it: notices, then a table whose loop reads positional arrays by a counter.</summary>
    private const string Index = """
        ---
        layout: default
        title: Home
        ---

        <ul>
          <li>Please pay attention to special dates: (1126) no class for the Thanksgiving break this year.</li>
        </ul>
        <h2>Course Schedule</h2>
        <table id="datatab3">
        {% assign counter = 0 %}
        {% assign currentTag = 0 %}
        {% assign sorted = site.contents %}
        {% assign ddates = "|1230|0106|0108 |1202-11" | split: "|" %}
        {% assign dweeks = "|W1|W2|W2|W-Exam" | split: "|" %}
        {% assign Qdates = "||Q1||" | split: "|" %}
        {% assign HWdates = "|||HW1|" | split: "|" %}
        {% for post in sorted %}
        {% if currentTag == 0 %}{% assign currentTag=currentTag | plus:1 %}{% endif %}
        {% if post.title contains "Section" %}
          <tr><td>{{ post.title }}</td></tr>
        {% else %}
        {% if post.extra %}
          <tr><td>Extra</td>
        {% elsif post.platform %}
          <tr><td>Platform</td>
        {% else %}
          {% assign counter=counter | plus:1 %}
          <tr><td>{{ ddates[counter] }}</td><td>{{ dweeks[counter] }}</td><td>{{ Qdates[counter] }}</td>
        {% endif %}
        <td><a href="{{ site.baseurl }}{{ post.url }}">{{ post.title }}</a></td></tr>
        {% endif %}
        {% endfor %}
        </table>
        """;

    private static TempDir Course(Dictionary<string, string>? extra = null)
    {
        var files = new Dictionary<string, string>
        {
            ["_config.yml"] = Config,
            ["index.html"] = Index,
            ["About.md"] = "---\nlayout: page\ntitle: Syllabus\n---\nRead [the deck]({{ site.baseurl }}/Lectures/a.pdf).\n",
            ["Assignments.md"] = "---\nlayout: page\ntitle: Assignments\n---\nHomework.\n",
            ["LecturesByDate.md"] = "---\nlayout: page\ntitle: ReadingPosts\n---\n{% for post in site.contents %}<a href=\"{{ post.url }}\">{{ post.title }}</a>{% endfor %}\n",
            ["LecturesByTags.md"] = "---\nlayout: page\ntitle: ReadingByTag\n---\n{% assign tags = site.contents | map: 'tags' | uniq | sort %}\n",
            ["404.html"] = "---\nlayout: default\npermalink: 404.html\n---\nNot found.\n",
            ["public/logo.png"] = "png",
            ["Lectures/a.pdf"] = "pdf",
            ["_contents/S0-L00.md"] = Session("Introduction"),
            ["_contents/S0-L01.md"] = Session("Section 1 - Basics"),
            ["_contents/S0-L02.1.md"] = Session("Regression"),
            ["_contents/S0-L02.md"] = Session("Extra reading", "extra: true\n"),
            ["_contents/S0-L03.md"] = Session("Tools", "platform: true\n"),
            ["_contents/S0-L04.md"] = Session("Classification"),
            ["_contents/S0-L05.md"] = Session("Trees"),
            ["_contents/S0-L06.md"] = Session("Exam week"),
        };
        foreach (var (path, text) in extra ?? []) files[path] = text;
        return new TempDir().With(files);
    }

    [Theory]
    [InlineData(null, "/contents/:name.html")]
    [InlineData("/:collection/:path:output_ext", "/contents/:name.html")]
    [InlineData("/:collection/:name", "/contents/:name.html")]
    [InlineData("/:collection/:path/", "/contents/:name/")]
    [InlineData("pretty", "/contents/:name/")]
    [InlineData("/lectures/:title.html", "/lectures/:name.html")]
    public void Session_pages_keep_the_collections_permalink_as_folders_or_html_files(string? permalink, string sessionUrl)
    {
        var config = Config.Replace("permalink: pretty\n", permalink is null ? "" : $"permalink: {permalink}\n", StringComparison.Ordinal);
        using var course = Course(new() { ["_config.yml"] = config });
        var import = ImportJekyll.Run(course.Path);
        Assert.True(import.Succeeded, string.Join('\n', import.Diagnostics));
        Assert.DoesNotContain(import.Diagnostics, d => d.Message.Contains("permalink", StringComparison.Ordinal));
        Assert.Contains($"session_url: {sessionUrl}\n", File.ReadAllText(course.Combine("site.yml")));

        var result = Build.Run(course.Path, course.Combine("_site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("points to nothing", StringComparison.Ordinal));
        var file = sessionUrl.EndsWith('/') ? sessionUrl[1..].Replace(":name", "S0-L06") + "index.html" : sessionUrl[1..].Replace(":name", "S0-L06");
        Assert.True(File.Exists(course.Combine("_site", file)), file);
        var url = "/test-course" + sessionUrl.Replace(":name", "S0-L06");
        Assert.Contains($"href=\"{url}\"", File.ReadAllText(course.Combine("_site", "index.html")));
        Assert.Contains(url, File.ReadAllText(course.Combine("_site", "sitemap.xml")));
    }

    /// <summary>Jekyll writes pages as NAME.html unless its permalink style ends in a slash (pretty); a page's own permalink wins.</summary>
    [Theory]
    [InlineData(null, ".html")]
    [InlineData("date", ".html")]
    [InlineData("/:collection/:path:output_ext", ".html")]
    [InlineData("pretty", "/")]
    [InlineData("/:categories/:title/", "/")]
    public void Pages_keep_the_urls_jekylls_permalink_style_gave_them(string? permalink, string ending)
    {
        var config = Config.Replace("permalink: pretty\n", permalink is null ? "" : $"permalink: {permalink}\n", StringComparison.Ordinal);
        using var course = Course(new()
        {
            ["_config.yml"] = config,
            ["Projects.md"] = "---\nlayout: page\ntitle: Projects\npermalink: /projects/\n---\nSee the [syllabus]({{ site.baseurl }}/About" + (ending == "/" ? "/" : ".html") + ").\n",
        });
        var import = ImportJekyll.Run(course.Path);
        Assert.True(import.Succeeded, string.Join('\n', import.Diagnostics));
        Assert.Equal(ending == ".html", File.ReadAllText(course.Combine("site.yml")).Contains("page_url: /:name.html\n", StringComparison.Ordinal));

        var result = Build.Run(course.Path, course.Combine("_site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("points to nothing", StringComparison.Ordinal));
        var home = File.ReadAllText(course.Combine("_site", "index.html"));
        var sitemap = File.ReadAllText(course.Combine("_site", "sitemap.xml"));
        foreach (var (url, file) in new[]
        {
            ("About" + ending, ending == "/" ? "About/index.html" : "About.html"),
            ("LecturesByDate" + ending, ending == "/" ? "LecturesByDate/index.html" : "LecturesByDate.html"),
            ("LecturesByTags" + ending, ending == "/" ? "LecturesByTags/index.html" : "LecturesByTags.html"),
            ("projects/", "projects/index.html"),
        })
        {
            Assert.True(File.Exists(course.Combine("_site", file)), file);
            Assert.Contains($"href=\"/test-course/{url}\"", home);
            Assert.Contains("/test-course/" + url, sitemap);
        }
        Assert.False(Directory.Exists(course.Combine("_site", "Projects")));
    }

    [Fact]
    public void A_permalink_SiteGen_cannot_keep_is_a_warning_and_sessions_get_folder_urls()
    {
        using var course = Course(new() { ["_config.yml"] = Config.Replace("permalink: pretty\n", "permalink: /:categories/:year/:title/\n", StringComparison.Ordinal) });
        var import = ImportJekyll.Run(course.Path);
        var warning = Assert.Single(import.Diagnostics, d => d.Message.Contains("permalink", StringComparison.Ordinal));
        Assert.Equal($"{Path.GetFileName(course.Path)}/_config.yml(1,1): warning SG1402: The permalink '/:categories/:year/:title/' gives session URLs SiteGen does not make; sessions are served at /contents/NAME/. Hint: Old links to the sessions will not resolve; use permalink: pretty (folder URLs) or /:collection/:path.html.", warning.ToString());
        Assert.Contains("session_url: /contents/:name/\n", File.ReadAllText(course.Combine("site.yml")));
    }

    [Fact]
    public void Positional_arrays_become_per_session_rows_by_the_counter_that_only_normal_rows_advance()
    {
        using var course = Course();
        var result = ImportJekyll.Run(course.Path);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        // Banner (Section), extra and platform rows take no position, as in the old loop; a fall term runs into January;
        // "1202-11" is not one date and is kept as written.
        Assert.Equal("""
            # Each session's row on the home page, by session file name (imported from index.html's Liquid arrays).
            # date: YYYY-MM-DD (other text is shown as written); week, quiz, homework, talk, project: text.
            # A date here wins over the session's own date:, which wins over term_start/meeting_days in site.yml.
            # Moving or adding a session no longer shifts the others' dates: each keeps its own entry.
            "S0-L00":
              date: 2024-12-30
              week: "W1"
            "S0-L02.1":
              date: 2025-01-06
              week: "W2"
              quiz: "Q1"
            "S0-L04":
              date: 2025-01-08
              week: "W2"
              homework: "HW1"
            "S0-L05":
              date: "1202-11"
              week: "W-Exam"

            """, File.ReadAllText(course.Combine("schedule.yml")));
        Assert.Contains("ddates (4 values) -> date of 4 sessions in schedule.yml", result.Mapped);
        Assert.Contains("Qdates (1 values) -> quiz of 1 sessions in schedule.yml", result.Mapped);
    }

    [Fact]
    public void Site_yml_keeps_the_collection_urls_pages_in_sidebar_order_assets_and_the_notices()
    {
        using var course = Course();
        var result = ImportJekyll.Run(course.Path);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));

        var siteYml = File.ReadAllText(course.Combine("site.yml"));
        Assert.Contains("sessions: _contents\nsession_url: /contents/:name/\nsessions_page: /LecturesByDate/\ntags_page: /LecturesByTags/\n", siteYml);
        Assert.Contains("pages:\n  - About.md\n  - Assignments.md\n", siteYml);
        Assert.Contains("assets:\n  - public\n", siteYml);
        Assert.Contains("baseurl: /test-course/\nurl: https://someone.github.io\n", siteYml);
        Assert.Contains("author: \"Dr. Test\"", siteYml);

        // site.yml reads back into the configuration the build uses, intro included.
        var bag = new Diagnostics.DiagnosticBag();
        var config = SiteGen.Config.LoadConfig.Parse(siteYml, "site.yml", bag, out _);
        Assert.Empty(bag.Items);
        Assert.Equal("contents/", config.Layout.SessionPath);
        Assert.Equal("LecturesByDate/", config.Layout.SessionsPagePath);
        Assert.Equal(["About.md", "Assignments.md"], config.Layout.PageFiles);
        Assert.Contains("Please pay attention to special dates: (1126) no class for the Thanksgiving break this year.", config.HomeIntroHtml);
        Assert.Contains("<h2>Course Schedule</h2>", config.HomeIntroHtml);
        Assert.DoesNotContain("{%", config.HomeIntroHtml);
        Assert.DoesNotContain("<table", config.HomeIntroHtml);

        var workflow = File.ReadAllText(course.Combine(".github", "workflows", "pages.yml"));
        Assert.Contains($"dotnet tool install --tool-path .sitegen SiteGen.Cli --version {ImportJekyll.ToolVersion}", workflow);
        Assert.Contains("actions/deploy-pages@v4", workflow);
        Assert.Contains("${{ steps.deployment.outputs.page_url }}", workflow);
    }

    [Fact]
    public void Import_then_build_serves_sessions_pages_and_schedule_at_the_old_urls()
    {
        using var course = Course();
        Assert.True(ImportJekyll.Run(course.Path).Succeeded);
        var result = Build.Run(course.Path, course.Combine("_site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));

        foreach (var page in new[] { "contents/S0-L00/index.html", "contents/S0-L02.1/index.html", "About/index.html", "Assignments/index.html",
                     "LecturesByDate/index.html", "LecturesByTags/index.html", "404.html", "atom.xml", "public/logo.png" })
            Assert.True(File.Exists(course.Combine("_site", page)), page);
        Assert.False(Directory.Exists(course.Combine("_site", "sessions")));
        var home = File.ReadAllText(course.Combine("_site", "index.html"));
        Assert.Contains("no class for the Thanksgiving break", home);
        Assert.Contains("<th scope=\"col\">Week</th><th scope=\"col\">Quiz</th><th scope=\"col\">Homework</th><th scope=\"col\">Session</th>", home);
        Assert.DoesNotContain("<th scope=\"col\">Talk</th>", home);
        Assert.Contains("<time datetime=\"2024-12-30\">Mon 30 Dec 2024</time></td><td data-label=\"Week\">W1</td><td data-label=\"Quiz\"></td><td data-label=\"Homework\"></td>", home);
        Assert.Contains("<td data-label=\"Date\">1202-11</td><td data-label=\"Week\">W-Exam</td>", home);
        // Jekyll's order: by path, so S0-L02.1.md before S0-L02.md.
        Assert.True(home.IndexOf("/test-course/contents/S0-L02.1/", StringComparison.Ordinal) < home.IndexOf("/test-course/contents/S0-L02/", StringComparison.Ordinal));
        Assert.Contains("href=\"/test-course/LecturesByDate/\"", home);
        Assert.Contains("/test-course/Lectures/a.pdf", File.ReadAllText(course.Combine("_site", "About", "index.html")));
    }

    [Fact]
    public void Import_never_changes_a_course_file_and_twice_gives_the_same_files()
    {
        using var course = Course();
        var before = Build.Snapshot(course.Path);
        var first = ImportJekyll.Run(course.Path);
        var afterFirst = Build.Snapshot(course.Path);
        var second = ImportJekyll.Run(course.Path);
        var afterSecond = Build.Snapshot(course.Path);

        Assert.Equal(["site.yml", "schedule.yml", ".github/workflows/pages.yml"], first.Outcomes.Where(o => o.Outcome == ImportFileOutcome.Written).Select(o => o.Path));
        Assert.All(second.Outcomes, o => Assert.Equal(ImportFileOutcome.Unchanged, o.Outcome));
        Assert.Equal(before.Keys.Concat([".github/workflows/pages.yml", "schedule.yml", "site.yml"]).Order(StringComparer.Ordinal), afterFirst.Keys);
        foreach (var (path, bytes) in before) Assert.Equal(bytes, afterFirst[path]);
        Assert.Equal(afterFirst.Keys, afterSecond.Keys);
        foreach (var (path, bytes) in afterFirst) Assert.Equal(bytes, afterSecond[path]);
    }

    [Fact]
    public void A_schedule_the_instructor_edited_is_kept_with_a_warning()
    {
        using var course = Course();
        ImportJekyll.Run(course.Path);
        File.WriteAllText(course.Combine("schedule.yml"), "\"S0-L00\":\n  date: 2025-01-07\n");
        var again = ImportJekyll.Run(course.Path);

        Assert.Equal("\"S0-L00\":\n  date: 2025-01-07\n", File.ReadAllText(course.Combine("schedule.yml")));
        Assert.Contains(again.Outcomes, o => o is { Path: "schedule.yml", Outcome: ImportFileOutcome.Kept });
        Assert.Contains($"{Path.GetFileName(course.Path)}/schedule.yml(1,1): warning SG1404: schedule.yml exists with other content (edited since the import?); it is kept as it is. Hint: Delete schedule.yml and run the import again to have it written anew.",
            again.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void An_existing_pages_workflow_is_kept()
    {
        using var course = Course(new() { [".github/workflows/pages.yml"] = "name: mine\n" });
        var result = ImportJekyll.Run(course.Path);
        Assert.Equal("name: mine\n", File.ReadAllText(course.Combine(".github", "workflows", "pages.yml")));
        Assert.DoesNotContain(result.Outcomes, o => o.Path == ImportJekyll.WorkflowPath);
        Assert.Contains(".github/workflows/pages.yml exists and is kept", result.Mapped);
    }

    [Fact]
    public void Unreadable_config_yml_is_an_error_with_its_line_and_nothing_is_written()
    {
        using var course = Course(new() { ["_config.yml"] = "title: Test\ncollections:\n  contents: [output: true\nbaseurl: /x/\n" });
        var before = Build.Snapshot(course.Path);
        var result = ImportJekyll.Run(course.Path);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.StartsWith($"{Path.GetFileName(course.Path)}/_config.yml(3,13): error SG1401: _config.yml is not valid YAML: ", error.ToString());
        Assert.EndsWith("; nothing was imported. Hint: Fix that line (Jekyll itself would fail on it too), then run `sitegen import jekyll` again.", error.ToString());
        Assert.Equal(before.Keys, Build.Snapshot(course.Path).Keys);
    }

    [Fact]
    public void Unreadable_index_html_is_an_error_with_its_line_and_nothing_is_written()
    {
        using var course = Course(new() { ["index.html"] = "---\nlayout: default\ntitle: [Home\n---\n<p>Hello</p>\n" });
        var before = Build.Snapshot(course.Path);
        var result = ImportJekyll.Run(course.Path);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.Severity.Error);
        Assert.Equal($"{Path.GetFileName(course.Path)}/index.html(3,8): error SG1401: The front matter of index.html is not valid YAML: a [ or {{ list is not closed on this line; nothing was imported. Hint: Fix that line (Jekyll would fail on it too), then run `sitegen import jekyll` again.",
            error.ToString());
        Assert.Equal(before.Keys, Build.Snapshot(course.Path).Keys);
    }

    [Fact]
    public void Liquid_it_cannot_read_and_pages_without_front_matter_are_warnings_with_file_line_and_column()
    {
        using var course = Course(new()
        {
            ["index.html"] = Index.Replace("<h2>Course Schedule</h2>", "<h2>Course Schedule {{ page.updated | date: \"%b\" }}</h2>"),
            ["notes.md"] = "Plain notes, no front matter.\n",
            ["About.md"] = "---\nlayout: page\ntitle: Syllabus\n---\nOffice hours: {% include hours.html %}\n",
        });
        var lines = ImportJekyll.Run(course.Path).Diagnostics.Select(d => d.ToString()).ToList();
        var name = Path.GetFileName(course.Path);

        Assert.Contains($"{name}/index.html(9,21): warning SG1402: The Liquid {{{{ page.updated | date: \"%b\" }}}} above the schedule is not understood; it is left out of the home page's intro. Hint: Write what it showed into home_intro: in site.yml.", lines);
        Assert.Contains($"{name}/notes.md(1,1): warning SG1403: notes.md has no front matter, so Jekyll copied it as it is; SiteGen does not publish it. Hint: Add front matter (--- title: ... ---) and list it under pages: in site.yml if students should see it.", lines);
        Assert.Contains($"{name}/About.md(5,15): warning SG1402: The Liquid {{% include hours.html %}} is not understood; SiteGen shows the page with it as written. Hint: Replace it with the text it produced.", lines);
    }

    [Fact]
    public void An_array_the_import_does_not_know_is_a_warning_naming_it()
    {
        using var course = Course(new() { ["index.html"] = Index.Replace("{% for post in sorted %}", "{% assign rooms = \"|A|B\" | split: \"|\" %}\n{% for post in sorted %}") });
        var lines = ImportJekyll.Run(course.Path).Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains($"{Path.GetFileName(course.Path)}/index.html(18,1): warning SG1402: The Liquid array 'rooms' is not one SiteGen knows (ddates, dweeks, Qdates, HWdates, talkweeks, projectws); its values are not imported. Hint: Add them to schedule.yml by hand if students need them.", lines);
    }

    [Fact]
    public void Dated_sessions_nested_session_folders_and_excluded_folders_are_reported_or_left_out()
    {
        using var course = Course(new()
        {
            ["_config.yml"] = Config + "exclude:\n  - vendor-notes\n  - Assignments.md\n",
            ["vendor-notes/x.txt"] = "x",
            ["_contents/S0-L04.md"] = Session("Classification", "date: 2024-12-01\n"),
            ["_contents/old/S9.md"] = Session("Old"),
        });
        var result = ImportJekyll.Run(course.Path);
        var lines = result.Diagnostics.Select(d => d.ToString()).ToList();
        var name = Path.GetFileName(course.Path);

        // Jekyll put the one dated session first (its date is before the build's); SiteGen keeps file-name order: the first 6 of 8 move.
        Assert.Contains($"{name}/_contents/S0-L04.md(1,1): warning SG1402: Jekyll showed S0-L04.md where SiteGen shows S0-L00.md: Jekyll puts dated sessions (date:) in date order before undated ones, SiteGen keeps LOrder, then file name; 6 session(s) move. Hint: Give the sessions LOrder: values in the order the old site showed them, or remove a date: that should not order them.", lines);
        Assert.Contains($"{name}/_contents/old(1,1): warning SG1402: _contents/old/ holds session files; SiteGen reads only the files directly in _contents/, so they are not on the schedule. Hint: Move them up into _contents/ (their URLs become /contents/NAME/).", lines);
        var siteYml = File.ReadAllText(course.Combine("site.yml"));
        Assert.DoesNotContain("vendor-notes", siteYml);
        Assert.DoesNotContain("Assignments.md", siteYml);
    }

    /// <summary>Sessions dated in the order of their file names are where Jekyll showed them: no warning.</summary>
    [Fact]
    public void Sessions_dated_in_file_order_are_in_jekylls_order_and_not_reported()
    {
        var dated = new Dictionary<string, string>();
        foreach (var (file, day) in new[] { ("S0-L00", 1), ("S0-L01", 2), ("S0-L02.1", 3), ("S0-L02", 4), ("S0-L03", 5), ("S0-L04", 6), ("S0-L05", 7), ("S0-L06", 8) })
            dated[$"_contents/{file}.md"] = Session(file, $"date: 2020-01-{day:00}\n");
        using var course = Course(dated);
        var result = ImportJekyll.Run(course.Path);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("Jekyll showed", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_config_yml_is_an_error_and_nothing_is_written()
    {
        using var course = new TempDir().With(new Dictionary<string, string> { ["notes.md"] = "x" });
        var result = ImportJekyll.Run(course.Path);
        Assert.Equal($"{Path.GetFileName(course.Path)}/_config.yml(1,1): error SG1401: {Path.GetFileName(course.Path)}/ holds no _config.yml, so it is not a Jekyll site; nothing was imported. Hint: Run `sitegen import jekyll DIR` with the folder of the course repository (the one holding _config.yml).",
            Assert.Single(result.Diagnostics).ToString());
        Assert.Single(Directory.GetFiles(course.Path, "*", SearchOption.AllDirectories));
    }
}

/// <summary>The workflow the import writes pins the SiteGen version this build is: the two cannot drift apart.</summary>
public class ImportToolVersionTests
{
    [Fact]
    public void The_pinned_version_is_the_cli_packages_version()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "SiteGen.Cli", "SiteGen.Cli.csproj"));
        var version = project.Descendants("Version").Single().Value;
        Assert.Equal(ImportJekyll.ToolVersion, version);
    }
}
