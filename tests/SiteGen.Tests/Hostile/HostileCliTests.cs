using System.Text;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Hostile input through the real command line: the exact lines printed (warnings on stdout, errors on stderr), the
/// exit code, nothing written outside the output folder (and the manifest beside it), nothing from outside the course
/// in the output.
/// </summary>
public sealed class HostileCliTests : IDisposable
{
    private const string Secret = "TOP-SECRET-HOST";
    private readonly TempDir _dir = new();
    private readonly string _content;

    public HostileCliTests()
    {
        _content = MiniCourse.Write(_dir.Path);
        File.WriteAllText(_dir.Combine("secret.txt"), Secret);
    }

    public void Dispose() => _dir.Dispose();

    private string C(params string[] parts) => Path.Combine([_content, .. parts]);

    /// <summary>Every regular file outside site/ and its manifest (links not followed), relative path -> bytes.</summary>
    private SortedDictionary<string, byte[]> Outside()
    {
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var all = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_dir.Path, "*", walk))
        {
            var relative = Path.GetRelativePath(_dir.Path, file).Replace('\\', '/');
            if (relative.StartsWith("site/", StringComparison.Ordinal) || relative == ".site.sitegen-manifest.json") continue;
            all[relative] = File.ReadAllBytes(file);
        }
        return all;
    }

    /// <summary>`sitegen build --quiet`: asserts exit code and exact output, and that the build stayed in its folders.</summary>
    private void Build(int exitCode, string[] stdout, string[] stderr)
    {
        var before = Outside();
        var output = CliProcess.Sitegen(_dir.Path, "build", "--content", "content", "--out", "site", "--quiet");
        Assert.Equal(stderr, Lines(output.Stderr));
        Assert.Equal(stdout, Lines(output.Stdout));
        Assert.Equal(exitCode, output.ExitCode);
        Assert.True(MiniCourse.SameFiles(before, Outside()), "the build wrote outside the output folder");
        if (!Directory.Exists(_dir.Combine("site"))) return;
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_dir.Combine("site"), "*", SearchOption.AllDirectories),
            p => new FileInfo(p).LinkTarget is not null);
        Assert.DoesNotContain(MiniCourse.Snapshot(_dir.Combine("site")).Values, b => Encoding.UTF8.GetString(b).Contains(Secret, StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_page_linked_outside_the_course_is_a_warning_and_not_published()
    {
        Directory.CreateDirectory(C("pages"));
        File.CreateSymbolicLink(C("pages", "leak.md"), _dir.Combine("secret.txt"));
        File.WriteAllText(C("pages", "about.md"), MiniCourse.Session("About"));
        Build(0,
            [
                "content/pages/leak.md(1,1): warning SG1004: leak.md is a link to a place outside the course folder; it is not followed. Hint: Copy what it points to into the course folder, or remove the link: nothing outside the course is read or published.",
                "0 error(s), 1 warning(s); site written to site",
            ], []);
        Assert.True(File.Exists(_dir.Combine("site", "about", "index.html")));
        Assert.False(Directory.Exists(_dir.Combine("site", "leak")));
    }

    [Fact]
    public void Links_leaving_the_course_from_every_folder_print_one_warning_each_and_exit_0()
    {
        Directory.CreateDirectory(C("Lectures"));
        Directory.CreateDirectory(C("listings"));
        File.CreateSymbolicLink(C("Lectures", "etc"), "/etc");
        File.CreateSymbolicLink(C("Lectures", "host.pdf"), _dir.Combine("secret.txt"));
        File.CreateSymbolicLink(C("sessions", "S50.md"), _dir.Combine("secret.txt"));
        File.CreateSymbolicLink(C("listings", "arxiv.txt"), _dir.Combine("secret.txt"));
        string Link(string display) =>
            $"{display}(1,1): warning SG1004: {Path.GetFileName(display)} is a link to a place outside the course folder; it is not followed. Hint: Copy what it points to into the course folder, or remove the link: nothing outside the course is read or published.";
        Build(0,
            [
                Link("content/Lectures/etc"),
                Link("content/Lectures/host.pdf"),
                Link("content/listings/arxiv.txt"),
                Link("content/sessions/S50.md"),
                "0 error(s), 4 warning(s); site written to site",
            ], []);
        Assert.False(Directory.Exists(_dir.Combine("site", "Lectures")));
    }

    [Fact]
    public void Two_pages_on_one_url_are_one_error_naming_both_and_exit_1()
    {
        Directory.CreateDirectory(C("pages"));
        File.WriteAllText(C("pages", "about.md"), MiniCourse.Session("About"));
        File.WriteAllText(C("pages", "a.md"), "---\ntitle: A\npermalink: /about/\n---\n\nA.\n");
        Build(1,
            ["1 error(s), 0 warning(s); nothing written, the previous site is unchanged"],
            ["content/pages/a.md(1,1): error SG4006: content/pages/a.md and content/pages/about.md would both be written to about/index.html. Hint: Rename one of the files: each page needs a URL of its own."]);
        Assert.False(Directory.Exists(_dir.Combine("site")));
    }

    [Theory]
    [InlineData("sessions", "...md")]
    [InlineData("sessions", "..md")]
    [InlineData("pages", "...md")]
    public void A_name_made_only_of_dots_exits_1_and_writes_nothing(string folder, string name)
    {
        Directory.CreateDirectory(C(folder));
        File.WriteAllText(C(folder, name), MiniCourse.Session("Dots"));
        Build(1,
            ["1 error(s), 0 warning(s); nothing written, the previous site is unchanged"],
            [$"content/{folder}/{name}(1,1): error SG1111: The file name '{name}' is made only of dots: its page would land on another page's URL; the file is not built. Hint: Rename it to a name with letters or digits, e.g. S01-topic.md."]);
        Assert.False(Directory.Exists(_dir.Combine("site")));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_wide_listing_with_its_mark_is_read_without_a_word(string encodingName)
    {
        Directory.CreateDirectory(C("listings"));
        var encoding = Encoding.GetEncoding(encodingName);
        File.WriteAllBytes(C("listings", "wide.txt"),
            [.. encoding.GetPreamble(), .. encoding.GetBytes("An abstract about a real paper, long enough to be read as one.\narXiv:2406.05804v1\n")]);
        Build(0, ["0 error(s), 0 warning(s); site written to site"], []);
        Assert.Contains("2406.05804", File.ReadAllText(_dir.Combine("site", "papers.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_comment_and_tags_as_a_map_are_warnings_with_their_lines_and_exit_0()
    {
        File.WriteAllText(C("sessions", "S02.md"), "---\ntitle: Session 2\ntags:\n  a: b\n---\n\nIntro\n\n<!-- hidden note\n\nMore text\n");
        var output = CliProcess.Sitegen(_dir.Path, "check", "--content", "content", "--quiet");
        Assert.Equal(0, output.ExitCode);
        Assert.Equal("", output.Stderr);
        var lines = Lines(output.Stdout);
        Assert.Equal(3, lines.Length);
        Assert.Equal("content/sessions/S02.md(3,1): warning SG1107: tags is a map (key: value pairs), not a list; the session gets no tags from it. Hint: Write tags as a list, e.g. tags: [agents, tools], or one item per line starting with '- '.", lines[0]);
        Assert.Equal("content/sessions/S02.md(9,1): warning SG1113: An HTML comment (<!--) opened here is never closed: browsers hide everything after it, readings included. "
            + "Hint: Close it with --> where the comment should end, or write &lt;!-- to show the characters.", lines[1]);
        Assert.Equal("0 error(s), 2 warning(s); check only, nothing written", lines[2]);
        Assert.False(Directory.Exists(_dir.Combine("site")));
    }
}
