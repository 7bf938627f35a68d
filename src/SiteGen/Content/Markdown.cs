using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using SiteGen.Text;

namespace SiteGen.Content;

/// <summary>Markdown to HTML with one pipeline built once and reused (Markdig pipelines are immutable and thread-safe).</summary>
public static partial class Markdown
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

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(Prepare(markdown), Pipeline);

    public static string ToExcerptHtml(string markdown) => Markdig.Markdown.ToHtml(Prepare(markdown), ExcerptPipeline);

    /// <summary>Text without markup, for search and snippets.</summary>
    /// <remarks>
    /// Same text as Markdig's <c>Markdown.ToPlainText</c> with whitespace runs collapsed, made cheaper: the excerpt pipeline
    /// (heading ids are attributes, which plain text never writes, and computing them is a tenth of the cost) and one
    /// renderer per thread instead of a new one per call.
    /// </remarks>
    public static string ToPlainText(string markdown)
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

    /// <summary>Obsidian's ![[Pasted image.png]] is not markdown; show it as a visible note rather than a broken image.</summary>
    private static string Prepare(string markdown) =>
        markdown.Contains("![[", StringComparison.Ordinal)
            ? ObsidianEmbed().Replace(markdown, m => $"*(image not included: {m.Groups[1].Value.Replace("*", "\\*")})*")
            : markdown;

    [GeneratedRegex(@"!\[\[([^\]\n]+)\]\]")]
    private static partial Regex ObsidianEmbed();
}
