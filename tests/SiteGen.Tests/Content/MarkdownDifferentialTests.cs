using System.Text;
using SiteGen.Content;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Content;

/// <summary>
/// The plain-prose renderer against Markdig on every real markdown body (fixtures, seeds, the shared corpus), on every
/// run of its blocks (a session body reaches the renderer in parts cut around its readings), and on thousands of
/// mutations of those blocks with markup put in: HTML, excerpt HTML and plain text must be exactly Markdig's.
/// </summary>
public sealed class MarkdownDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_real_body_and_every_run_of_its_blocks_renders_as_Markdig_renders_it()
    {
        var cases = 0;
        var shortcuts = 0;
        foreach (var markdown in RealBodiesAndRuns())
        {
            cases++;
            if (AssertSameAsMarkdig(markdown)) shortcuts++;
        }
        output.WriteLine($"{cases} real bodies and runs of blocks, {shortcuts} took the plain-prose path");
        Assert.True(cases >= 1000, $"only {cases} cases");
        Assert.True(shortcuts >= 100, $"only {shortcuts} took the plain-prose path");
    }

    [Fact]
    public void Mutated_blocks_render_as_Markdig_renders_them()
    {
        var blocks = RealBlocks().ToList();
        // Blocks that take the plain-prose path alone, so that many mutations land just beside its boundary.
        var plain = blocks.Where(PlainProseShortcut.Taken).ToList();
        var random = new Random(20261207);
        var cases = 0;
        var shortcuts = 0;
        for (var n = 0; n < 8000; n++)
        {
            var sb = new StringBuilder();
            for (var b = random.Next(1, 4); b > 0; b--)
                sb.Append(Mutate(random.Next(3) == 0 ? blocks[random.Next(blocks.Count)] : plain[random.Next(plain.Count)], random)).Append(random.Next(4) == 0 ? "\n" : "\n\n");
            var markdown = sb.ToString();
            cases++;
            if (AssertSameAsMarkdig(markdown)) shortcuts++;
        }
        output.WriteLine($"{cases} mutated documents, {shortcuts} took the plain-prose path");
        Assert.InRange(shortcuts, cases / 20, cases - cases / 20);
    }

    /// <summary>Each real body, then every run of one to three consecutive blocks (text between blank lines) of it.</summary>
    private static IEnumerable<string> RealBodiesAndRuns()
    {
        foreach (var path in RealMarkdownFiles.All())
        {
            var body = FrontMatter.Split(File.ReadAllText(path)).Body;
            yield return body;
            var blocks = Blocks(body);
            for (var i = 0; i < blocks.Count; i++)
                for (var length = 1; length <= 3 && i + length <= blocks.Count; length++)
                    yield return string.Join("\n\n", blocks.Skip(i).Take(length)) + "\n";
        }
    }

    private static IEnumerable<string> RealBlocks() =>
        RealMarkdownFiles.All().SelectMany(path => Blocks(FrontMatter.Split(File.ReadAllText(path)).Body)).Distinct(StringComparer.Ordinal);

    private static List<string> Blocks(string body) =>
        body.Replace("\r\n", "\n").Split("\n\n").Select(b => b.Trim('\n')).Where(b => b.Length > 0).ToList();

    private static readonly string[] Inserts =
    [
        "*", "**", "_", "__", "~~", "`", "``", "*a*", "_a_", "**a**", "a*b*c", "a_b_c", "* a", "snake_case_name", "2*3*4",
        "[x](y)", "[x]", "![i](j.png)", "<b>", "</div>", "<div>", "<!-- c -->", "&amp;", "&", "&#65;", "<", ">", "\\", "\\*",
        "http://x.org", "https://x.org/a", "www.x.org", "mailto:a@b.c", "a@b.c", "tel:1", "ftp:x", "|", " | ", "---", "===", "^", "~", "[^1]",
        "[ ]", "[x]", "#", "##", "1.", "1)", "a.", "ii)", "- ", "+ ", "> ", "    ", "\t", "  ", "\u00A0", "é", "日本", "İ", "ß", "'", "\"", ":",
        "word", "2024", "Über", "(note)", "it's", "end.", "A-B", "x y", "{{ site.baseurl }}", "![[Pasted image.png]]", "<span>x</span>", "$", "%", "(", ")", "?", "!", ";", ",",
    ];

    private static readonly string[] LineStarts =
    [
        "# ", "## ", "### ", "###### ", "####### ", "#", " ", "   ", "    ", "\t", "- ", "* ", "+ ", "1. ", "2) ", "> ", "  - ", "    - ", "| ",
        "<div>", "<p>", "<!--", "```", "~~~", "a. ", "ii) ", "Term\n: ", "[^1]: ", "- [ ] ", "- [x] ",
    ];

    private static readonly string[] LineEnds = [" ", "  ", "\\", " #", " ##", "#", " |", "\n===", "\n---", "\n| --- |", "\n  indented", "\n    code"];

    /// <summary>A real block with markup inserted at random places, lines prefixed, suffixed, doubled or broken.</summary>
    private static string Mutate(string block, Random random)
    {
        if (random.Next(3) == 0) return block;
        var lines = block.Split('\n').ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            lines[at] = random.Next(4) switch
            {
                0 => LineStarts[random.Next(LineStarts.Length)] + line,
                1 => line + LineEnds[random.Next(LineEnds.Length)],
                2 when line.Length > 0 => line.Insert(random.Next(line.Length + 1), Inserts[random.Next(Inserts.Length)]),
                _ => line.Length > 0 ? line.Insert(random.Next(line.Length + 1), " " + Inserts[random.Next(Inserts.Length)] + " ") : line,
            };
        }
        return string.Join('\n', lines);
    }

    /// <returns>True when the text took the plain-prose path.</returns>
    private static bool AssertSameAsMarkdig(string markdown)
    {
        Assert.True(MarkdownRenderer.MarkdigHtml(markdown) == MarkdownRenderer.ToHtml(markdown), "HTML differs for:\n" + markdown);
        Assert.True(MarkdownRenderer.MarkdigExcerptHtml(markdown) == MarkdownRenderer.ToExcerptHtml(markdown), "excerpt HTML differs for:\n" + markdown);
        Assert.True(MarkdownRenderer.MarkdigPlainText(markdown) == MarkdownRenderer.ToPlainText(markdown), "plain text differs for:\n" + markdown);
        return PlainProseShortcut.Taken(markdown);
    }
}
