using System.Text.RegularExpressions;

namespace SiteGen.Content;

/// <summary>
/// notes / morenotes / video are written by the instructor and trusted: kept as HTML.
/// Relative hrefs are made absolute (a bare "x.pdf" means the deck in Lectures/), because relative links break on sub-pages.
/// </summary>
public static partial class InstructorHtml
{
    /// <param name="deckLinked">Told the name of each deck a bare "x.pdf" points to, so the caller can check that it exists.</param>
    public static string Prepare(string value, string baseUrl, Action<string>? deckLinked = null)
    {
        var html = value.Trim();
        if (html.Length == 0) return "";
        html = ReadSessions.ReplaceBaseUrl(html, baseUrl);
        return RelativeHref().Replace(html, m =>
        {
            var target = m.Groups["url"].Value;
            var deck = target.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) && !target.Contains('/');
            if (deck) deckLinked?.Invoke(Uri.UnescapeDataString(target[..^".pdf".Length]));
            var rooted = deck ? baseUrl + SlideDeck.Folder + "/" + target : baseUrl + target.TrimStart('.', '/');
            return $"{m.Groups["attr"].Value}{m.Groups["q"].Value}{rooted}{m.Groups["q"].Value}";
        });
    }

    // href="x" where x has no scheme, is not rooted, not a fragment, not mailto.
    [GeneratedRegex("""(?<attr>\b(?:href|src)\s*=\s*)(?<q>["'])(?<url>(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"']+)\k<q>""")]
    private static partial Regex RelativeHref();
}
