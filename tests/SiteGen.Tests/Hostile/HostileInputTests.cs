using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Nothing from outside the course folder is read or published (links leaving it are not followed), only regular files
/// are read (a FIFO does not hang the build), and file names that would land on another page are refused.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string LinkHint = " Hint: Copy what it points to into the course folder, or remove the link: nothing outside the course is read or published.";
    private readonly TempDir _dir = new();
    private readonly string _content;

    public HostileInputTests() => _content = MiniCourse.Write(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private string C(params string[] parts) => Path.Combine([_content, .. parts]);

    private static BuildResult Bounded(Func<BuildResult> build)
    {
        var task = Task.Run(build);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "the build hangs");
        return task.Result;
    }

    private static string Link(string display) =>
        $"{display}(1,1): warning SG1004: {Path.GetFileName(display)} is a link to a place outside the course folder; it is not followed.{LinkHint}";

    [Fact]
    public void Links_leaving_the_course_are_not_followed_anywhere_and_links_inside_are()
    {
        Directory.CreateDirectory(C("Lectures"));
        Directory.CreateDirectory(C("images"));
        Directory.CreateDirectory(C("listings"));
        File.WriteAllText(_dir.Combine("secret.txt"), "TOP-SECRET-HOST");
        File.WriteAllText(C("Lectures", "real.pdf"), "%PDF real");
        File.CreateSymbolicLink(C("Lectures", "etc"), "/etc");
        File.CreateSymbolicLink(C("Lectures", "host.pdf"), _dir.Combine("secret.txt"));
        File.CreateSymbolicLink(C("Lectures", "alias.pdf"), "real.pdf");
        File.CreateSymbolicLink(C("images", "apt"), "/etc/apt");
        File.CreateSymbolicLink(C("sessions", "S50.md"), _dir.Combine("secret.txt"));
        File.CreateSymbolicLink(C("listings", "arxiv.txt"), _dir.Combine("secret.txt"));
        File.CreateSymbolicLink(C("dedup-decisions.yml"), _dir.Combine("secret.txt"));
        Directory.CreateDirectory(_dir.Combine("templates", "assets"));
        File.CreateSymbolicLink(_dir.Combine("templates", "assets", "leak.css"), _dir.Combine("secret.txt"));
        File.WriteAllText(C("sessions", "S02.md"), "---\ntitle: Session 2\nlecture: host\n---\n\nText.\n");

        var result = Bounded(() => MiniCourse.Build(_content, _dir.Combine("site")));
        Assert.True(result.Succeeded, string.Join("\n", MiniCourse.Lines(result)));
        Assert.Equal(
            [
                Link(_dir.Combine("templates", "assets", "leak.css")),
                Link("content/Lectures/etc"),
                Link("content/Lectures/host.pdf"),
                Link("content/dedup-decisions.yml"),
                Link("content/images/apt"),
                Link("content/listings/arxiv.txt"),
                "content/sessions/S02.md(3,1): warning SG1201: Slide deck Lectures/host.pdf for lecture was not found; the page shows the deck as not uploaded yet. Hint: Add content/Lectures/host.pdf, or fix the name in lecture:.",
                Link("content/sessions/S50.md"),
            ],
            MiniCourse.Lines(result).Order(StringComparer.Ordinal));
        var site = MiniCourse.Snapshot(_dir.Combine("site"));
        Assert.Contains("Lectures/alias.pdf", site.Keys);
        Assert.Contains("Lectures/real.pdf", site.Keys);
        Assert.DoesNotContain(site.Keys, k => k.StartsWith("Lectures/etc", StringComparison.Ordinal) || k.StartsWith("images/", StringComparison.Ordinal)
            || k == "Lectures/host.pdf" || k == "assets/leak.css" || k.Contains("S50", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Values, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains("TOP-SECRET-HOST", StringComparison.Ordinal));
    }

    [Fact]
    public void A_FIFO_or_a_folder_named_like_a_file_is_a_warning_and_the_build_does_not_hang()
    {
        Directory.CreateDirectory(C("listings"));
        MiniCourse.Sh($"mkfifo '{C("sessions", "pipe.md")}' '{C("listings", "pipe.txt")}'");
        Directory.CreateDirectory(C("sessions", "folder.md"));
        var check = Bounded(() => MiniCourse.Build(_content, _dir.Combine("site"), checkOnly: true));
        var build = Bounded(() => MiniCourse.Build(_content, _dir.Combine("site")));
        const string NotRegular = "is not a regular file (a FIFO, socket or device); skipped. Hint: Only regular files are read: remove it, or replace it with the file's contents.";
        string[] expected =
        [
            $"content/listings/pipe.txt(1,1): warning SG1005: pipe.txt {NotRegular}",
            "content/sessions/folder.md(1,1): warning SG1005: folder.md is a folder, not a file; skipped. Hint: Rename the folder, or move its files out of it.",
            $"content/sessions/pipe.md(1,1): warning SG1005: pipe.md {NotRegular}",
        ];
        Assert.Equal(expected, MiniCourse.Lines(check));
        Assert.Equal(expected, MiniCourse.Lines(build));
        Assert.True(build.Succeeded);
        Assert.Equal(3, build.Sessions);
    }

    [Fact]
    public void Template_files_are_read_only_as_course_files_even_to_tell_a_changed_template_set()
    {
        // The process's template cache hashes the template files before parsing them: a FIFO there hung every build, and
        // a link leaving the folder was read.
        var partials = _dir.Combine("templates", "partials");
        Directory.CreateDirectory(partials);
        File.WriteAllText(_dir.Combine("secret.txt"), "TOP-SECRET-HOST");
        MiniCourse.Sh($"mkfifo '{Path.Combine(partials, "pipe.sbn-html")}' '{_dir.Combine("templates", "pipe.sbn-html")}'");
        File.CreateSymbolicLink(Path.Combine(partials, "leak.sbn-html"), _dir.Combine("secret.txt"));
        const string NotRegular = "is not a regular file (a FIFO, socket or device); skipped. Hint: Only regular files are read: remove it, or replace it with the file's contents.";
        string[] expected =
        [
            Link(Path.Combine(partials, "leak.sbn-html")),
            $"{Path.Combine(partials, "pipe.sbn-html")}(1,1): warning SG1005: pipe.sbn-html {NotRegular}",
            $"{_dir.Combine("templates", "pipe.sbn-html")}(1,1): warning SG1005: pipe.sbn-html {NotRegular}",
        ];
        for (var build = 0; build < 2; build++)
        {
            var result = Bounded(() => MiniCourse.Build(_content, _dir.Combine("site")));
            Assert.True(result.Succeeded, string.Join("\n", MiniCourse.Lines(result)));
            Assert.Equal(expected, MiniCourse.Lines(result).Order(StringComparer.Ordinal));
        }
        Assert.DoesNotContain(MiniCourse.Snapshot(_dir.Combine("site")).Values, b => System.Text.Encoding.UTF8.GetString(b).Contains("TOP-SECRET-HOST", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sessions", "...md")]
    [InlineData("sessions", "..md")]
    [InlineData("sessions", ".md")]
    [InlineData("pages", "...md")]
    public void A_name_made_only_of_dots_is_refused_and_nothing_is_written_outside_the_output(string folder, string name)
    {
        Directory.CreateDirectory(C(folder));
        File.WriteAllText(C(folder, name), MiniCourse.Session("Dots"));
        var output = _dir.Combine("P", "site");
        var result = MiniCourse.Build(_content, output);
        Assert.False(result.Succeeded);
        Assert.Equal(
            [$"content/{folder}/{name}(1,1): error SG1111: The file name '{name}' is made only of dots: its page would land on another page's URL; the file is not built. Hint: Rename it to a name with letters or digits, e.g. S01-topic.md."],
            MiniCourse.Lines(result));
        Assert.False(Directory.Exists(_dir.Combine("P")));
    }

    [Fact]
    public void A_page_on_a_reserved_url_is_an_error_naming_both()
    {
        Directory.CreateDirectory(C("pages"));
        File.WriteAllText(C("pages", "sessions.md"), MiniCourse.Session("Sessions"));
        var result = MiniCourse.Build(_content, _dir.Combine("site"));
        Assert.False(result.Succeeded);
        Assert.Equal(
            ["content/pages/sessions.md(1,1): error SG4006: content/pages/sessions.md and SiteGen's own sessions/index.html would both be written to sessions/index.html. Hint: Rename one of the files: each page needs a URL of its own."],
            MiniCourse.Lines(result));
        Assert.False(Directory.Exists(_dir.Combine("site")));
    }

    [Fact]
    public void A_lecture_outside_Lectures_is_SG1201_and_not_copied()
    {
        Directory.CreateDirectory(C("Lectures"));
        File.WriteAllText(_dir.Combine("secret.pdf"), "%PDF secret");
        File.WriteAllText(C("sessions", "S02.md"), "---\ntitle: Session 2\nlecture: ../../secret\n---\n\nText.\n");
        var result = MiniCourse.Build(_content, _dir.Combine("site"));
        Assert.True(result.Succeeded);
        Assert.Equal(
            ["content/sessions/S02.md(3,1): warning SG1201: Slide deck Lectures/../../secret.pdf for lecture was not found; the page shows the deck as not uploaded yet. Hint: Add content/Lectures/../../secret.pdf, or fix the name in lecture:."],
            MiniCourse.Lines(result));
        Assert.DoesNotContain(MiniCourse.Snapshot(_dir.Combine("site")).Values, b => System.Text.Encoding.UTF8.GetString(b).Contains("%PDF secret", StringComparison.Ordinal));
    }
}
