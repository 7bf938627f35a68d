using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// <see cref="TextClean.CollapseWhitespace(string)"/> for listing text: runs of whitespace become one space and the
/// ends are trimmed. Text that already is so (most listing lines) is returned as it is, so a one-line abstract costs
/// no copy at all.
/// </summary>
internal static class ListingWhitespace
{
    public static string Collapse(string text) => TextClean.CollapseWhitespace(text);

    /// <summary>The lines joined with spaces, then collapsed: the text of a paragraph.</summary>
    public static string JoinCollapsed(IReadOnlyList<SourceLine> lines)
    {
        if (lines.Count == 1) return Collapse(lines[0].Text);
        var texts = new string[lines.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = lines[i].Text;
        return TextClean.CollapseWhitespace(texts);
    }
}
