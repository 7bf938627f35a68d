using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using SiteGen.Text;

namespace SiteGen.Content;

/// <summary>Session and page markdown to HTML and to plain text: Markdig, with one pipeline built once and reused (Markdig pipelines are immutable and thread-safe).</summary>
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = Build(headingIds: true);

    /// <summary>The same without heading ids, for excerpts shown many to a page, where ids would repeat from session to session.</summary>
    private static readonly MarkdownPipeline ExcerptPipeline = Build(headingIds: false);

    private static MarkdownPipeline Build(bool headingIds)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseGridTables()
            .UseAutoLinks()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseTaskLists()
            .UseFootnotes();
        if (headingIds) builder.UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub);
        return builder.Build();
    }

    public static string ToHtml(string markdown) => PlainProse.Render(markdown, PlainProse.Output.HtmlWithIds) ?? MarkdigHtml(markdown);

    public static string ToExcerptHtml(string markdown) => PlainProse.Render(markdown, PlainProse.Output.Html) ?? MarkdigExcerptHtml(markdown);

    /// <summary>What Markdig makes of the text (also the reference the plain-prose shortcut is tested against).</summary>
    internal static string MarkdigHtml(string markdown) => RenderHtml(Prepare(markdown), Pipeline);

    internal static string MarkdigExcerptHtml(string markdown) => RenderHtml(Prepare(markdown), ExcerptPipeline);

    /// <summary>
    /// Markdig.Markdown.ToHtml with a renderer of its own: ToHtml's renderers are pooled, and one given back after a
    /// render that threw inside a tight list keeps its list state, so a later page lost its paragraphs' &lt;p&gt;
    /// (found by the fuzz test: the same course built twice in one process gave different bytes).
    /// </summary>
    private static string RenderHtml(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Markdig's refusal of input nested past its depth limit (it throws ArgumentException with this message).</summary>
    public static bool IsDepthLimit(ArgumentException e) => e.Message.Contains("too deeply nested", StringComparison.Ordinal);

    /// <summary>Text without markup, for search and snippets.</summary>
    /// <remarks>
    /// Same text as Markdig's <c>Markdown.ToPlainText</c> with whitespace runs collapsed, made cheaper: the excerpt pipeline
    /// (heading ids are attributes, which plain text never writes, and computing them costs) and one
    /// renderer per thread instead of a new one per call.
    /// </remarks>
    public static string ToPlainText(string markdown) => PlainProse.Render(markdown, PlainProse.Output.Text) ?? MarkdigPlainText(markdown);

    internal static string MarkdigPlainText(string markdown)
    {
        var document = Markdig.Markdown.Parse(Prepare(markdown), ExcerptPipeline);
        var renderer = PlainTextRenderer.ForThisThread();
        renderer.Render(document);
        return TextClean.CollapseWhitespace(renderer.Written);
    }

    /// <summary>An HTML renderer with every tag and escape off (what Markdig's ToPlainText builds per call), reused per thread.</summary>
    private sealed class PlainTextRenderer : HtmlRenderer
    {
        [ThreadStatic] private static PlainTextRenderer? _current;

        private readonly StringWriter _writer;

        private PlainTextRenderer(StringWriter writer) : base(writer)
        {
            _writer = writer;
            EnableHtmlForBlock = false;
            EnableHtmlForInline = false;
            EnableHtmlEscape = false;
            ExcerptPipeline.Setup(this);
        }

        /// <summary>This thread's renderer, emptied (also after a render that threw).</summary>
        public static PlainTextRenderer ForThisThread()
        {
            var renderer = _current ??= new PlainTextRenderer(new StringWriter());
            renderer.Reset();
            // Reset leaves this as a render that threw inside a tight list left it.
            renderer.ImplicitParagraph = false;
            return renderer;
        }

        /// <summary>What was rendered, read in place (its whitespace is collapsed into the one string made from it).</summary>
        public System.Text.StringBuilder Written
        {
            get
            {
                _writer.Flush();
                return _writer.GetStringBuilder();
            }
        }
    }

    /// <summary>
    /// Text that is only ATX headings and paragraphs of plain words and punctuation (most session prose: an introduction
    /// and the reading sections' headings) rendered as Markdig renders it, without building a Markdig document: a parse
    /// costs more than the rest of a session's view. Anything that could be markup in this pipeline (emphasis, links,
    /// lists, tables, HTML, entities, autolinks, indentation, hard breaks, repeated heading ids) gives null, and Markdig
    /// renders it. Tests hold the two to the same output.
    /// </summary>
    internal static class PlainProse
    {
        public enum Output { Html, HtmlWithIds, Text }

        [ThreadStatic] private static System.Text.StringBuilder? _builder;
        [ThreadStatic] private static List<string>? _ids;

        public static string? Render(string markdown, Output output)
        {
            var sb = _builder ??= new System.Text.StringBuilder();
            sb.Clear();
            var ids = _ids ??= [];
            ids.Clear();
            var html = output != Output.Text;
            var paragraphOpen = false;
            var trailingSpace = false;
            var start = 0;
            while (start <= markdown.Length)
            {
                var newline = markdown.IndexOf('\n', start);
                var end = newline < 0 ? markdown.Length : newline;
                var line = markdown.AsSpan(start, end - start);
                start = end + 1;
                if (line.IsEmpty || line.IndexOfAnyExcept(' ') < 0)
                {
                    if (paragraphOpen) { sb.Append(html ? "</p>\n" : "\n"); paragraphOpen = false; }
                    continue;
                }
                if (line[0] == '#')
                {
                    var level = line.IndexOfAnyExcept('#');
                    if (level is < 1 or > 6 || line[level] != ' ') return null;
                    var content = line[level..].Trim(' ');
                    if (content.IsEmpty || !IsPlainInline(content)) return null;
                    if (paragraphOpen) { sb.Append(html ? "</p>\n" : "\n"); paragraphOpen = false; }
                    if (!html) { sb.Append(content).Append('\n'); continue; }
                    sb.Append("<h").Append((char)('0' + level));
                    if (output == Output.HtmlWithIds)
                    {
                        var id = HeadingId(content);
                        // Markdig numbers a repeated id (-1, -2, ...): rare enough to leave to it.
                        if (ids.Contains(id)) return null;
                        ids.Add(id);
                        sb.Append(" id=\"").Append(id).Append('"');
                    }
                    sb.Append('>').Append(content).Append("</h").Append((char)('0' + level)).Append(">\n");
                    continue;
                }
                if (!StartsParagraphText(line) || !IsPlainInline(line)) return null;
                if (paragraphOpen)
                {
                    // Two trailing spaces are a hard break; one is dropped: either way, leave it to Markdig.
                    if (trailingSpace) return null;
                    sb.Append('\n');
                }
                else
                {
                    if (html) sb.Append("<p>");
                    paragraphOpen = true;
                }
                var trimmed = line.TrimEnd(' ');
                trailingSpace = trimmed.Length < line.Length;
                sb.Append(trimmed);
            }
            if (paragraphOpen) sb.Append(html ? "</p>\n" : "\n");
            return html ? sb.ToString() : TextClean.CollapseWhitespace(sb);
        }

        /// <summary>A letter first, and a first word that does not end like a list marker (a. ii) 1.).</summary>
        private static bool StartsParagraphText(ReadOnlySpan<char> line)
        {
            if (!char.IsAsciiLetter(line[0]) && !(line[0] >= 0x80 && char.IsLetter(line[0]))) return false;
            var space = line.IndexOf(' ');
            var word = space < 0 ? line : line[..space];
            return word[^1] is not ('.' or ')');
        }

        private static readonly System.Buffers.SearchValues<char> PlainAscii =
            System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:?!()'-");

        /// <summary>Letters (any script), digits, spaces and a little punctuation, and nothing an autolink could start from.</summary>
        private static bool IsPlainInline(ReadOnlySpan<char> text)
        {
            var at = text.IndexOfAnyExcept(PlainAscii);
            while (at >= 0)
            {
                if (text[at] < 0x80 || !char.IsLetter(text[at])) return false;
                var next = text[(at + 1)..].IndexOfAnyExcept(PlainAscii);
                at = next < 0 ? -1 : at + 1 + next;
            }
            if (text.Contains(':') && (text.Contains("tel:", StringComparison.OrdinalIgnoreCase) || text.Contains("mailto:", StringComparison.OrdinalIgnoreCase)
                || text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("ftp:", StringComparison.OrdinalIgnoreCase)))
                return false;
            return !text.Contains("www.", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>GitHub's heading id: letters and digits lower-cased, spaces as hyphens, hyphens kept, the rest dropped.</summary>
        private static string HeadingId(ReadOnlySpan<char> content)
        {
            Span<char> id = content.Length <= 256 ? stackalloc char[content.Length] : new char[content.Length];
            var length = 0;
            foreach (var c in content)
            {
                if (char.IsLetterOrDigit(c)) id[length++] = char.ToLowerInvariant(c);
                else if (c is ' ' or '-') id[length++] = '-';
            }
            return length == 0 ? "section" : new string(id[..length]);
        }
    }

    /// <summary>Obsidian's ![[Pasted image.png]] is not markdown; show it as a visible note rather than a broken image.</summary>
    private static string Prepare(string markdown) =>
        markdown.Contains("![[", StringComparison.Ordinal)
            ? ObsidianEmbed().Replace(markdown, m => $"*(image not included: {m.Groups[1].Value.Replace("*", "\\*")})*")
            : markdown;

    [GeneratedRegex(@"!\[\[([^\]\n]+)\]\]")]
    private static partial Regex ObsidianEmbed();
}
