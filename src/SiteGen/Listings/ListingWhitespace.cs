namespace SiteGen.Listings;

/// <summary>
/// <see cref="SiteGen.Text.TextClean.CollapseWhitespace"/> for listing text, without its per-character builder:
/// runs of whitespace become one space and the ends are trimmed. Text that already is so (most listing lines) is
/// returned as it is, so a one-line abstract costs no copy at all.
/// </summary>
internal static class ListingWhitespace
{
    [ThreadStatic] private static char[]? t_buffer;

    public static string Collapse(string text) => IsCollapsed(text) ? text : CollapseLines([text]);

    /// <summary>The lines joined with spaces, then collapsed: the text of a paragraph.</summary>
    public static string JoinCollapsed(IReadOnlyList<SourceLine> lines)
    {
        if (lines.Count == 1) return Collapse(lines[0].Text);
        var texts = new string[lines.Count];
        for (var i = 0; i < texts.Length; i++) texts[i] = lines[i].Text;
        return CollapseLines(texts);
    }

    private static bool IsCollapsed(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ' ? text[i - 1] == ' ' : char.IsWhiteSpace(c)) return false;
        }
        return true;
    }

    private static string CollapseLines(ReadOnlySpan<string> texts)
    {
        var capacity = texts.Length;
        foreach (var t in texts) capacity += t.Length;
        var buffer = t_buffer is { } b && b.Length >= capacity ? b : t_buffer = new char[Math.Max(capacity, 4096)];
        var length = 0;
        var pendingSpace = false;
        foreach (var text in texts)
        {
            // The space that joins two lines is whitespace like any other.
            if (length > 0) pendingSpace = true;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }
                if (pendingSpace) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = c;
            }
        }
        return new string(buffer, 0, length);
    }
}
