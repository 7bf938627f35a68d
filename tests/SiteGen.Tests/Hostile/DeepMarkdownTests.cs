using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>A session body nested past Markdig's depth limit is one warning naming it; every other session still renders.</summary>
public sealed class DeepMarkdownTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("quotes")]
    [InlineData("dashes")]
    [InlineData("indented")]
    public void A_body_nested_too_deeply_is_a_warning_and_shown_as_preformatted_text(string kind)
    {
        var content = MiniCourse.Write(_dir.Path);
        var body = kind switch
        {
            "quotes" => new string('>', 130) + " x <script>",
            "dashes" => string.Concat(Enumerable.Repeat("- ", 10000)) + "x <script>",
            _ => string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- item\n")) + "<script>",
        };
        File.WriteAllText(Path.Combine(content, "sessions", "S02.md"), MiniCourse.Session("Deep", body));
        var expected = "content/sessions/S02.md(4,1): warning SG1112: The body of S02.md nests quotes or lists too deeply for Markdown to render; it is shown as preformatted text. Hint: Reduce the nesting of > quotes and indented list items (a few levels are plenty).";

        var check = MiniCourse.Build(content, _dir.Combine("site"), checkOnly: true);
        Assert.True(check.Succeeded);
        Assert.Equal([expected], MiniCourse.Lines(check));
        var build = MiniCourse.Build(content, _dir.Combine("site"));
        Assert.True(build.Succeeded);
        Assert.Equal([expected], MiniCourse.Lines(build));
        var deep = File.ReadAllText(_dir.Combine("site", "sessions", "S02", "index.html"));
        Assert.Contains("<pre>", deep, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", deep[deep.IndexOf("<pre>", StringComparison.Ordinal)..deep.IndexOf("</pre>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", deep, StringComparison.Ordinal);
        Assert.Contains("Text of session 3.", File.ReadAllText(_dir.Combine("site", "sessions", "S03", "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quotes")]
    [InlineData("dashes")]
    public void A_page_nested_too_deeply_is_one_warning_and_the_build_goes_on(string kind)
    {
        var content = MiniCourse.Write(_dir.Path);
        Directory.CreateDirectory(Path.Combine(content, "pages"));
        var body = kind == "quotes" ? new string('>', 130) + " x <script>" : string.Concat(Enumerable.Repeat("- ", 10000)) + "x <script>";
        File.WriteAllText(Path.Combine(content, "pages", "deep.md"), MiniCourse.Session("Deep page", body));
        File.WriteAllText(Path.Combine(content, "pages", "about.md"), MiniCourse.Session("About", "An *ordinary* page."));
        var expected = "content/pages/deep.md(4,1): warning SG1302: The body of deep.md nests quotes or lists too deeply for Markdown to render; it is shown as preformatted text. Hint: Reduce the nesting of > quotes and indented list items (a few levels are plenty).";

        var check = MiniCourse.Build(content, _dir.Combine("site"), checkOnly: true);
        Assert.True(check.Succeeded);
        Assert.Equal([expected], MiniCourse.Lines(check));
        var build = MiniCourse.Build(content, _dir.Combine("site"));
        Assert.True(build.Succeeded);
        Assert.Equal([expected], MiniCourse.Lines(build));
        var deep = File.ReadAllText(_dir.Combine("site", "deep", "index.html"));
        var pre = deep[deep.IndexOf("<pre>", StringComparison.Ordinal)..deep.IndexOf("</pre>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script>", pre, StringComparison.Ordinal);
        Assert.Contains("x &lt;script&gt;", pre, StringComparison.Ordinal);
        Assert.Contains("<em>ordinary</em>", File.ReadAllText(_dir.Combine("site", "about", "index.html")), StringComparison.Ordinal);
        Assert.Contains("Text of session 3.", File.ReadAllText(_dir.Combine("site", "sessions", "S03", "index.html")), StringComparison.Ordinal);
    }
}
