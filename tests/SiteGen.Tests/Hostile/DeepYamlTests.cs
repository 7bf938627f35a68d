using SiteGen.Diagnostics;
using SiteGen.Tests.Support;
using SiteGen.Text;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// YAML nested past <see cref="YamlText.MaxDepth"/> levels, or front matter past its length bound, is one error at its
/// place; the process does not die (60,000 nested [ overflowed the stack, 40,000 took 27 s) and the other sessions are still read.
/// </summary>
public sealed class DeepYamlTests : IDisposable
{
    private const string DeepHint = " Hint: Flatten the value (a few levels of lists and mappings are plenty), and close every [ and { that is opened.";
    private const string SessionTail = "; the session is listed under its file name until this is fixed.";
    private readonly TempDir _dir = new();
    private readonly string _content;

    public DeepYamlTests() => _content = MiniCourse.Write(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private static string Deep(string kind, int levels) => kind switch
    {
        "brackets" => "tags: " + new string('[', levels) + "\n",
        "closed brackets" => "tags: " + new string('[', levels) + "x" + new string(']', levels) + "\n",
        "braces" => "tags: " + string.Concat(Enumerable.Repeat("{a: ", levels)) + "\n",
        "dashes" => "tags:\n" + string.Concat(Enumerable.Repeat("- ", levels)) + "x\n",
        _ => "tags:\n" + string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', i + 1) + "a:\n")) + new string(' ', levels + 1) + "x\n",
    };

    [Theory]
    [InlineData("brackets", 60_000, 3, 70)]
    [InlineData("brackets", 40_000, 3, 70)]
    [InlineData("closed brackets", 60_000, 3, 70)]
    [InlineData("braces", 30_000, 3, 259)]
    [InlineData("dashes", 30_000, 4, 127)]
    [InlineData("indented maps", 200, 67, 65)]
    public void Front_matter_nested_too_deeply_is_one_error_at_its_place_and_the_other_sessions_are_read(string kind, int levels, int line, int column)
    {
        File.WriteAllText(Path.Combine(_content, "sessions", "S02.md"), "---\ntitle: Deep\n" + Deep(kind, levels) + "---\n\nBody.\n");
        File.WriteAllText(Path.Combine(_content, "sessions", "S03.md"), "---\ntitle: Third\ntags:\n  a: b\n---\n\nBody.\n");

        var check = MiniCourse.Build(_content, _dir.Combine("site"), checkOnly: true);

        Assert.Equal(3, check.Sessions);
        Assert.False(check.Succeeded);
        Assert.Equal(
            [
                $"content/sessions/S02.md({line},{column}): error SG1101: The front matter is not read: lists and mappings nest more than 64 levels deep here (SiteGen reads at most 64){SessionTail}{DeepHint}",
                "content/sessions/S03.md(3,1): warning SG1107: tags is a map (key: value pairs), not a list; the session gets no tags from it. Hint: Write tags as a list, e.g. tags: [agents, tools], or one item per line starting with '- '.",
            ],
            MiniCourse.Lines(check));
    }

    [Fact]
    public void Nesting_up_to_the_bound_is_read_and_one_level_more_is_not()
    {
        Assert.NotNull(YamlText.Load(Deep("closed brackets", YamlText.MaxDepth - 1), out var within));
        Assert.Null(within);
        Assert.Null(YamlText.Load(Deep("closed brackets", YamlText.MaxDepth), out var over));
        Assert.Equal(new YamlError(1, 6 + YamlText.MaxDepth, $"lists and mappings nest more than {YamlText.MaxDepth} levels deep here (SiteGen reads at most {YamlText.MaxDepth})", YamlText.TooDeepHint, OverLimit: true), over);
    }

    [Fact]
    public void Front_matter_past_the_length_bound_is_an_error_before_it_is_parsed()
    {
        // 100,000 distinct keys, 988,902 characters with the session's title: looking for duplicate keys was quadratic.
        var keys = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"k{i}: v\n"));
        File.WriteAllText(Path.Combine(_content, "sessions", "S02.md"), "---\ntitle: Long\n" + keys + "---\n\nBody.\n");
        Directory.CreateDirectory(Path.Combine(_content, "pages"));
        File.WriteAllText(Path.Combine(_content, "pages", "syllabus.md"), "---\ntitle: Syllabus\n" + keys + "---\n\nBody.\n");

        var check = MiniCourse.Build(_content, _dir.Combine("site"), checkOnly: true);

        const string hint = " Hint: Keep the front matter to its keys (title:, lecture:, tags:, ...) and move long text into the body, below the closing ---; check that the closing --- is where you meant it.";
        Assert.Equal(3, check.Sessions);
        Assert.Equal(
            [
                $"content/pages/syllabus.md(2,1): error {DiagnosticCodes.PageYaml}: The front matter is not read: it is 988,906 characters long (SiteGen reads at most 262,144).{hint}",
                $"content/sessions/S02.md(2,1): error SG1101: The front matter is not read: it is 988,902 characters long (SiteGen reads at most 262,144){SessionTail}{hint}",
            ],
            MiniCourse.Lines(check).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Site_yml_and_the_decisions_file_nested_too_deeply_are_errors_and_the_sessions_are_read()
    {
        File.WriteAllText(Path.Combine(_content, "site.yml"), "title: Mini\nnav: " + new string('[', 60_000) + "\n");
        File.WriteAllText(Path.Combine(_content, "dedup-decisions.yml"), "- " + new string('{', 60_000) + "\n");

        var check = MiniCourse.Build(_content, _dir.Combine("site"), checkOnly: true);

        Assert.Equal(3, check.Sessions);
        Assert.Equal(
            [
                $"content/dedup-decisions.yml(1,66): error SG3001: dedup-decisions.yml is not valid YAML: lists and mappings nest more than 64 levels deep here (SiteGen reads at most 64){DeepHint}",
                $"content/site.yml(2,69): error SG1001: site.yml is not valid YAML: lists and mappings nest more than 64 levels deep here (SiteGen reads at most 64){DeepHint}",
            ],
            MiniCourse.Lines(check).Order(StringComparer.Ordinal));
    }
}
