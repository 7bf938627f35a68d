using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>A URL found in a line: where it was written (for removal) and the cleaned address.</summary>
internal readonly record struct FoundUrl(int Start, int Length, string Url);

/// <summary>
/// The small text rules of reading blocks: URLs and titles here; date lines in ReadingText.Dates, author lists in
/// ReadingText.Authors.
/// Regexes here are anchored or bounded (no nested quantifiers), so no input makes them backtrack badly.
/// </summary>
internal static partial class ReadingText
{
    // ---- URLs ----

    /// <summary>Every http(s) URL in the line, including both halves of <c>[https://x](https://x)</c>.</summary>
    /// <remarks>Asked of most items and notes, which mostly hold none: a list is made for the first URL found.</remarks>
    public static IReadOnlyList<FoundUrl> FindUrls(string text)
    {
        List<FoundUrl>? found = null;
        var at = 0;
        while (at < text.Length)
        {
            var start = text.AsSpan(at).IndexOfAny(Http);
            if (start < 0) break;
            start += at;
            var rest = text.AsSpan(start);
            if (!rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                at = start + 4;
                continue;
            }
            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (')' or ']' or '>' or '<' or '"' or '|')) end++;
            var url = CleanUrl(text[start..end]);
            if (url.Length > "https://".Length) (found ??= []).Add(new FoundUrl(start, end - start, url));
            at = end;
        }
        return found ?? (IReadOnlyList<FoundUrl>)[];
    }

    /// <summary>
    /// Trailing punctuation off; a word glued after an arXiv id or a digit (<c>…/abs/2411.14499arXiv.orgUnderstanding</c>,
    /// <c>…wcms.1608Citations</c>) off; tracking-only query strings (<c>?utm_source=…</c>) off.
    /// </summary>
    public static string CleanUrl(string url)
    {
        url = url.TrimEnd('.', ',', ';', ':', '*', '_', '\'');
        var isArxiv = (bool?)null;
        foreach (var marker in ArxivPathMarkers)
        {
            var at = url.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || !(isArxiv ??= url.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase))) continue;
            var idStart = at + marker.Length;
            var consumed = ArxivIdentifiers.LengthAt(url, idStart);
            if (consumed > 0)
            {
                var end = idStart + consumed;
                // Keep "?query" and ".pdf"; cut anything else glued on.
                if (end < url.Length && url[end] is not ('?' or '#' or '/') && !url.AsSpan(end).StartsWith(".pdf", StringComparison.OrdinalIgnoreCase))
                {
                    url = url[..end];
                    isArxiv = null;
                }
            }
        }
        var glued = GluedWordStart(url);
        if (glued >= 0) url = url[..glued];
        var query = url.IndexOf('?');
        if (query >= 0)
        {
            var kept = url[(query + 1)..].Split('&').Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)).ToList();
            url = url[..query] + (kept.Count > 0 ? "?" + string.Join("&", kept) : "");
        }
        return url;
    }

    private static readonly string[] ArxivPathMarkers = ["/abs/", "/pdf/", "/html/"];

    /// <summary>
    /// Where a capitalised word glued right after a digit ends the URL ("…wcms.1608Citations"), -1 when none: what
    /// <c>(?&lt;=[0-9])[A-Z][A-Za-z]{2,30}$</c> matches. The word is the URL's last run of ASCII letters (before a final
    /// line break, where $ also matches), so it starts where that run does, the only place a digit can be before it.
    /// </summary>
    internal static int GluedWordStart(string url)
    {
        var end = url.Length > 0 && url[^1] == '\n' ? url.Length - 1 : url.Length;
        var start = end;
        while (start > 0 && char.IsAsciiLetter(url[start - 1])) start--;
        var length = end - start;
        return length is >= 3 and <= 31 && start > 0 && char.IsAsciiDigit(url[start - 1]) && char.IsAsciiLetterUpper(url[start]) ? start : -1;
    }

    /// <summary>The DOI in a doi.org URL or after "doi:", without a trailing period.</summary>
    public static string? DoiOf(string url)
    {
        var at = url.IndexOf("doi.org/", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var doi = url[(at + "doi.org/".Length)..].TrimEnd('.');
        return doi.StartsWith("10.", StringComparison.Ordinal) ? doi : null;
    }

    // ---- titles ----

    [GeneratedRegex(@"^(?:[a-z]\.\s*|\d{1,2}\.\s+)(?=\S)")]
    private static partial Regex EnumerationPrefix();

    [GeneratedRegex(@"\s*\((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\)$")]
    private static partial Regex MonthYearSuffix();

    /// <summary>True when a line starts with an enumeration like "a. " or "c.Kimi": a paper in an enumerated list.</summary>
    public static bool IsEnumerated(ReadOnlySpan<char> text) => EnumerationPrefix().IsMatch(text);

    /// <summary>"c.Kimi k1.5: … (January 2025)" -> "Kimi k1.5: …"; markdown emphasis and surrounding colons off.</summary>
    public static string CleanTitle(string text)
    {
        text = TextClean.CollapseWhitespace(text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal));
        text = EnumerationPrefix().Replace(text, "");
        text = MonthYearSuffix().Replace(text, "");
        return text.Trim().TrimEnd(':').Trim();
    }
}
