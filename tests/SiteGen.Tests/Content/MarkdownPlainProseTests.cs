using SiteGen.Tests.Support;
using SiteGen.Content;

namespace SiteGen.Tests.Content;

/// <summary>Plain prose skips Markdig: its HTML, excerpt HTML and plain text must be exactly what Markdig makes.</summary>
public sealed class MarkdownPlainProseTests
{
    [Theory]
    [InlineData("\n\nIn this session, our readings cover: agents and tools\n\n## Required Readings: \n")]
    [InlineData("## More Readings: \n")]
    [InlineData("## More Readings: \n\n\n")]
    [InlineData("# Héllo Wörld 2024 - a (x)\n")]
    [InlineData("## 123\n")]
    [InlineData("## ...\n")]
    [InlineData("###### Six\nText right after a heading\nand a second line.\n## Next")]
    [InlineData("Text with 'quotes', it's? yes! no; ok.\nMore text  \n")]
    [InlineData("Émile et café, naïve résumé\n")]
    [InlineData("## A\n## A\n")] // the HTML (a repeated id) goes to Markdig, the plain text does not
    public void Plain_prose_takes_the_shortcut_and_renders_as_markdig_does(string markdown)
    {
        Assert.True(PlainProseShortcut.Taken(markdown));
        AssertSameAsMarkdig(markdown);
    }

    [Theory]
    [InlineData("Para one  \nline two\n")]
    [InlineData("Para one \nline two\n")]
    [InlineData("   ## indented\n")]
    [InlineData("Call tel:123 now\n")]
    [InlineData("See www.example.com today\n")]
    [InlineData("a. first\nb. second\n")]
    [InlineData("ii) roman\n")]
    [InlineData("Some *emphasis* here\n")]
    [InlineData("A | table\n--- | ---\n")]
    [InlineData("Heading\n===\n")]
    [InlineData("Text & more <b>bold</b>\n")]
    [InlineData("####### seven\n")]
    [InlineData("##no space\n")]
    [InlineData("## Closed ##\n")]
    [InlineData("Line\r\nwindows\r\n")]
    [InlineData("1. numbered\n")]
    [InlineData("Image ![[Pasted image.png]]\n")]
    public void Anything_else_goes_to_markdig(string markdown)
    {
        Assert.False(PlainProseShortcut.Taken(markdown));
        AssertSameAsMarkdig(markdown);
    }

    [Fact]
    public void Random_prose_renders_as_markdig_does()
    {
        string[] words = ["agents", "Tool", "use", "LLM", "2024", "x", "é", "Über", "naïve", "a", "ii", "tel:", "www.x", "http", "cover:", "it's",
            "(note)", "end.", "b)", "-", "--", "A-B", "x_y", "*", "&", "<i>", "\"q\"", "#", "+", "==", "~", "日本語", "ß", "İstanbul", "Σ", "1.", "?!", ";"];
        string[] lineStarts = ["", "", "", "# ", "## ", "### ", "#### ", "###### ", "####### ", " ", "   ", "#", "- ", "> "];
        string[] lineEnds = ["", "", "", " ", "  ", "   #", " ##"];
        var random = new Random(20261122);
        var shortcuts = 0;
        for (var n = 0; n < 4000; n++)
        {
            var text = new System.Text.StringBuilder();
            var lines = random.Next(1, 7);
            for (var l = 0; l < lines; l++)
            {
                if (random.Next(4) == 0) { text.Append(random.Next(3) == 0 ? "  \n" : "\n"); continue; }
                text.Append(lineStarts[random.Next(lineStarts.Length)]);
                var count = random.Next(1, 7);
                for (var w = 0; w < count; w++)
                {
                    if (w > 0) text.Append(random.Next(8) == 0 ? "  " : " ");
                    // Mostly plain words, so that many documents take the shortcut.
                    text.Append(random.Next(3) == 0 ? words[random.Next(words.Length)] : words[random.Next(5)]);
                }
                text.Append(lineEnds[random.Next(lineEnds.Length)]);
                if (l < lines - 1 || random.Next(2) == 0) text.Append('\n');
            }
            var markdown = text.ToString();
            if (PlainProseShortcut.Taken(markdown)) shortcuts++;
            AssertSameAsMarkdig(markdown);
        }
        Assert.InRange(shortcuts, 400, 3600);
    }

    private static void AssertSameAsMarkdig(string markdown)
    {
        Assert.Equal(MarkdownRenderer.MarkdigHtml(markdown), MarkdownRenderer.ToHtml(markdown));
        Assert.Equal(MarkdownRenderer.MarkdigExcerptHtml(markdown), MarkdownRenderer.ToExcerptHtml(markdown));
        Assert.Equal(MarkdownRenderer.MarkdigPlainText(markdown), MarkdownRenderer.ToPlainText(markdown));
    }
}
