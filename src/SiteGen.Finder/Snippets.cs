using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace SiteGen.Finder;

/// <summary>
/// The best passage of a paper for a query (Lucene's Highlighter), matched words between two private-use characters
/// that each output turns into its own marks: [word] in text, **word** in markdown, &lt;mark&gt; in the page.
/// </summary>
public static class Snippets
{
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';
    private const int Length = 200;

    internal static string Best(Query query, Analyzer analyzer, string? title, string? summary)
    {
        foreach (var (field, text) in new[] { (PaperFields.Abstract, summary), (PaperFields.Title, title) })
        {
            if (string.IsNullOrEmpty(text)) continue;
            var scorer = new QueryScorer(query, field);
            var highlighter = new Highlighter(new SimpleHTMLFormatter(MarkStart.ToString(), MarkEnd.ToString()), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, Length),
                MaxDocCharsToAnalyze = 20_000,
            };
            var best = highlighter.GetBestFragment(analyzer, field, Clean(text));
            if (!string.IsNullOrEmpty(best)) return best.Trim();
        }
        var plain = Clean(summary ?? title ?? "");
        return plain.Length <= Length ? plain : plain[..Length].TrimEnd() + "…";
    }

    /// <summary>The snippet with its marks as <paramref name="start"/>/<paramref name="end"/> and every other part through <paramref name="escape"/>.</summary>
    public static string Render(string snippet, string start, string end, Func<string, string>? escape = null)
    {
        escape ??= s => s;
        var sb = new System.Text.StringBuilder();
        var from = 0;
        for (var i = 0; i < snippet.Length; i++)
        {
            if (snippet[i] is not (MarkStart or MarkEnd)) continue;
            sb.Append(escape(snippet[from..i])).Append(snippet[i] == MarkStart ? start : end);
            from = i + 1;
        }
        return sb.Append(escape(snippet[from..])).ToString();
    }

    /// <summary>Scraped text may hold anything: never the marks themselves, and one line.</summary>
    private static string Clean(string text) =>
        string.Join(' ', text.Replace(MarkStart, ' ').Replace(MarkEnd, ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
