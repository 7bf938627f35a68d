using System.Text.RegularExpressions;
using Markdig;

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
    public static string ToPlainText(string markdown) =>
        WhiteSpace().Replace(Markdig.Markdown.ToPlainText(Prepare(markdown), Pipeline), " ").Trim();

    /// <summary>Obsidian's ![[Pasted image.png]] is not markdown; show it as a visible note rather than a broken image.</summary>
    private static string Prepare(string markdown) =>
        markdown.Contains("![[", StringComparison.Ordinal)
            ? ObsidianEmbed().Replace(markdown, m => $"*(image not included: {m.Groups[1].Value.Replace("*", "\\*")})*")
            : markdown;

    [GeneratedRegex(@"!\[\[([^\]\n]+)\]\]")]
    private static partial Regex ObsidianEmbed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
