using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import;

/// <summary>Bad input as real course repositories have it, and the schedule rules an imported course relies on.</summary>
public class CourseInputTests
{
    private static string Session(string title, string extra = "") => $"---\ntitle: {title}\nlectureVersion: current\n{extra}---\nText.\n";

    [Fact]
    public void A_content_folder_without_session_files_is_an_error_with_a_hint()
    {
        using var work = new TempDir().With(new Dictionary<string, string> { ["content/site.yml"] = "title: Empty\n" });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.False(result.Succeeded);
        Assert.Equal(["content/sessions(1,1): error SG1110: No session file (*.md) in content/sessions; there is no schedule to build. Hint: Add session files to content/sessions/ (`sitegen new session \"Title\"` writes one), or pass --content PATH to the course's content folder."],
            Build.Lines(result));
        Assert.False(Directory.Exists(work.Combine("site")));
    }

    [Fact]
    public void A_jekyll_course_built_before_its_import_is_an_error_naming_the_import()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["course/_config.yml"] = "title: Course\ncollections:\n  contents:\n    output: true\n",
            ["course/_contents/S0-L01.md"] = Session("Intro"),
        });
        var result = Build.Run(work.Combine("course"), work.Combine("site"));

        Assert.Equal(["course/sessions(1,1): error SG1110: No session file (*.md) in course/sessions; there is no schedule to build. Hint: This folder holds a Jekyll course (_config.yml): run `sitegen import jekyll` in course/ once, then `sitegen build` there."],
            Build.Lines(result));
    }

    [Fact]
    public void A_file_in_the_sessions_folder_that_is_not_markdown_is_a_warning_naming_it()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/W11.1.md"] = Session("Planning I"),
            ["content/sessions/W11.2.planningmd"] = Session("Planning II"),
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Sessions);
        Assert.Contains("content/sessions/W11.2.planningmd(1,1): warning SG1109: W11.2.planningmd in sessions/ is not a .md file; it is not a session and is left out of the schedule. Hint: Rename it to end in .md if it is a session (e.g. W11.2.planning.md), or move it out of sessions/.",
            Build.Lines(result));
    }

    [Fact]
    public void A_duplicate_front_matter_key_is_a_warning_and_the_last_value_wins_as_in_jekyll()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/S3-L00.md"] = "---\ntitle: pyTorch + Keras\nlecture: S3-L0-Keras\nlectureVersion: Recitations\nlectureVersion: current\ntags:\n- platform\n---\nText.\n",
            ["content/sessions/S3-L01.md"] = "---\ntitle: Next\nlectureVersion: next\n---\nText.\n",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Contains("content/sessions/S3-L00.md(4,1): warning SG1108: Front-matter key 'lectureVersion' is given again on line 5; the later value is used, as Jekyll does. Hint: Delete one of the two lectureVersion: lines.",
            Build.Lines(result));
        // "current" won: the we-are-here marker stands before the next session, not before this one.
        var home = File.ReadAllText(work.Combine("site", "index.html"));
        var marker = home.IndexOf("We are here", StringComparison.Ordinal);
        Assert.True(marker > home.IndexOf("/sessions/S3-L00/", StringComparison.Ordinal) && marker < home.IndexOf("/sessions/S3-L01/", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_are_ordered_by_file_name_with_its_extension_as_jekyll_orders_a_collection()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/S0-L02.md"] = Session("Second"),
            ["content/sessions/S0-L02.1.md"] = Session("First"),
            ["content/sessions/S0-L01.md"] = Session("Zeroth"),
            ["content/sessions/S9.md"] = Session("By LOrder before all", "LOrder: 1\n"),
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));
        var home = File.ReadAllText(work.Combine("site", "index.html"));
        var order = new[] { "S9", "S0-L01", "S0-L02.1", "S0-L02" }.Select(n => home.IndexOf($"/sessions/{n}/\"", StringComparison.Ordinal)).ToList();
        Assert.True(result.Succeeded);
        Assert.All(order, at => Assert.True(at > 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void The_schedule_file_wins_over_the_sessions_date_which_wins_over_term_start()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/site.yml"] = "term_start: 2026-01-12\nmeeting_days: [Monday]\n",
            ["content/schedule.yml"] = "A:\n  date: 2026-03-02\n  week: W8\n",
            ["content/sessions/A.md"] = Session("Both", "date: 2026-02-02\n"),
            ["content/sessions/B.md"] = Session("Own date", "date: 2026-02-09\n"),
            ["content/sessions/C.md"] = Session("Neither"),
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));
        var home = File.ReadAllText(work.Combine("site", "index.html"));

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Contains("<time datetime=\"2026-03-02\">Mon 2 Mar 2026</time></td><td data-label=\"Week\">W8</td>", home);
        Assert.Contains("<time datetime=\"2026-02-09\">", home);
        // The next meeting day after the previous dated session.
        Assert.Contains("<time datetime=\"2026-02-16\">", home);
        Assert.DoesNotContain("2026-02-02", home);
        // No session has a quiz, homework, talk or project: those columns are not shown.
        Assert.DoesNotContain("<th scope=\"col\">Quiz</th>", home);
        Assert.DoesNotContain("<th scope=\"col\">Homework</th>", home);
    }

    [Fact]
    public void Build_without_flags_finds_the_course_folder_and_writes_where_jekyll_did()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["plain/content/sessions/A.md"] = Session("A"),
            ["jekyll/_config.yml"] = "title: x\n",
            ["jekyll/site.yml"] = "title: x\n",
            ["bare/README.md"] = "",
        });
        Assert.Equal(("content", "site"), CourseFolder.Resolve(null, null, work.Combine("plain")));
        Assert.Equal((".", "_site"), CourseFolder.Resolve(null, null, work.Combine("jekyll")));
        Assert.Equal((".", "out"), CourseFolder.Resolve(null, "out", work.Combine("jekyll")));
        Assert.Equal(("content", "site"), CourseFolder.Resolve(null, null, work.Combine("bare")));
        Assert.Equal(("elsewhere", "site"), CourseFolder.Resolve("elsewhere", null, work.Combine("jekyll")));
    }
}
