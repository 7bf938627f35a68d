using SiteGen.Content;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// A body that Markdig refuses as too deeply nested must not change how the next one renders: the fuzz test found
/// paragraphs rendered without their &lt;p&gt; (as in a tight list) after such a refusal, in the same process.
/// </summary>
public sealed class RendererAfterDepthLimitTests
{
    [Theory]
    [InlineData("quotes")]
    [InlineData("dashes")]
    [InlineData("indented")]
    public void A_refused_body_leaves_the_next_render_as_it_was(string kind)
    {
        const string next = "Intro *text*.\n\n- item one\n- item two\n\nA paragraph after the list, with a [link](https://example.org).\n";
        var before = MarkdownRenderer.ToHtml(next);
        var deep = kind switch
        {
            "quotes" => new string('>', 130) + " x",
            "dashes" => string.Concat(Enumerable.Repeat("- ", 10000)) + "x",
            _ => string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- item\n")),
        };
        for (var i = 0; i < 4; i++)
            Assert.Throws<ArgumentException>(() => MarkdownRenderer.ToHtml(deep));
        Assert.Equal(before, MarkdownRenderer.ToHtml(next));
        Assert.Contains("<p>A paragraph after the list", before, StringComparison.Ordinal);
    }

    [Fact]
    public void The_preformatted_fallback_keeps_the_summary()
    {
        var deep = string.Concat(Enumerable.Repeat("- ", 10000)) + "x";
        var kept = SessionBody.Preformatted(new Model.Session { Name = "S", File = "sessions/S.md", Title = "S", Summary = "A short *intro*.", Body = "A short *intro*.\n" + deep });
        Assert.Equal("<p>A short <em>intro</em>.</p>\n", kept.SummaryHtml);
        var deepSummary = SessionBody.Preformatted(new Model.Session { Name = "S", File = "sessions/S.md", Title = "S", Summary = deep + " <b>", Body = deep });
        Assert.StartsWith("<pre>- - - ", deepSummary.SummaryHtml, StringComparison.Ordinal);
        Assert.EndsWith("x &lt;b&gt;</pre>\n", deepSummary.SummaryHtml, StringComparison.Ordinal);
    }
}
