using System.Buffers;
using System.Text;

namespace SiteGen.Text;

/// <summary>Small text helpers shared by the listing and reading parsers.</summary>
public static class TextClean
{
    /// <summary>Trims and turns every run of whitespace (tabs, NBSP, line breaks) into one space.</summary>
    public static string CollapseWhitespace(string text) => IsCollapsed(text) ? text : Collapse(text);

    /// <summary>The same for part of a string: the one string made is the result.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> text) =>
        text.IsEmpty ? "" : IsCollapsed(text) ? new string(text) : Collapse(text);

    /// <summary>Called on every line, title, abstract and page text that needs it: one buffer and one string.</summary>
    private static string Collapse(ReadOnlySpan<char> text)
    {
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan();
        var length = 0;
        var pendingSpace = false;
        AppendCollapsed(text, buffer, ref length, ref pendingSpace);
        var result = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>The same for text still in a builder (rendered markdown), without copying it into a string first.</summary>
    public static string CollapseWhitespace(StringBuilder text)
    {
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan();
        var length = 0;
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks()) AppendCollapsed(chunk.Span, buffer, ref length, ref pendingSpace);
        var result = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>The lines of a paragraph joined with spaces, then collapsed, without joining them first.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<string> lines)
    {
        if (lines.Length == 1) return CollapseWhitespace(lines[0]);
        var capacity = lines.Length;
        foreach (var line in lines) capacity += line.Length;
        var rented = capacity <= 512 ? null : ArrayPool<char>.Shared.Rent(capacity);
        var buffer = rented is null ? stackalloc char[capacity] : rented.AsSpan();
        var length = 0;
        var pendingSpace = false;
        foreach (var line in lines)
        {
            // The space that joins two lines is whitespace like any other.
            if (length > 0) pendingSpace = true;
            AppendCollapsed(line, buffer, ref length, ref pendingSpace);
        }
        var result = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>Copies <paramref name="text"/> into <paramref name="buffer"/> with whitespace runs as one space, none leading.</summary>
    private static void AppendCollapsed(ReadOnlySpan<char> text, Span<char> buffer, ref int length, ref bool pendingSpace)
    {
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

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls whitespace except the plain space.</summary>
    private static readonly SearchValues<char> WhiteSpaceExceptSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    /// <summary>True when collapsing would change nothing: no whitespace at either end, none but single plain spaces inside.</summary>
    /// <remarks>
    /// Two vectorised scans of the whole text (no other whitespace, no two spaces in a row), not a search per word:
    /// most text asked is already collapsed, and on prose a search per word cost more than the parsing around it.
    /// </remarks>
    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        return !text.ContainsAny(WhiteSpaceExceptSpace) && !text.Contains("  ", StringComparison.Ordinal);
    }

    /// <summary>True when an abstract looks cut: it ends in an ellipsis or without closing punctuation.</summary>
    public static bool LooksTruncated(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        // Asked of every abstract: read over a span, no trimmed copy or last-word string.
        var trimmed = text.AsSpan().TrimEnd();
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…')) return true;
        // An abstract that ends with a link ("... at https://github.com/x/y") is complete.
        var lastWord = trimmed[(trimmed.LastIndexOf(' ') + 1)..];
        if (lastWord.Contains('/')) return false;
        var last = trimmed[^1];
        return !(last is '.' or '!' or '?' or ')' or ']' or '"' or '\'' or '”' or '’' or '$' or '}' || char.IsDigit(last) && trimmed.Length < 40);
    }
}
