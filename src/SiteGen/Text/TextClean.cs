using System.Buffers;
using System.Text;

namespace SiteGen.Text;

/// <summary>Small text helpers shared by the listing and reading parsers.</summary>
public static class TextClean
{
    /// <summary>Trims and turns every run of whitespace (tabs, NBSP, line breaks) into one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        if (IsCollapsed(text)) return text;
        // Called on every line, title, abstract and page text: one buffer and one string; the words between whitespace
        // runs are found and copied a run at a time.
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan();
        var length = 0;
        var rest = text.AsSpan();
        while (true)
        {
            var wordStart = rest.IndexOfAnyExcept(WhiteSpace);
            if (wordStart < 0) break;
            rest = rest[wordStart..];
            var wordEnd = rest.IndexOfAny(WhiteSpace);
            var word = wordEnd < 0 ? rest : rest[..wordEnd];
            if (length > 0) buffer[length++] = ' ';
            word.CopyTo(buffer[length..]);
            length += word.Length;
            if (wordEnd < 0) break;
            rest = rest[wordEnd..];
        }
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

    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls whitespace, for vectorised searches.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(
        Enumerable.Range(char.MinValue, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>True when collapsing would change nothing: no whitespace at either end, none but single plain spaces inside.</summary>
    private static bool IsCollapsed(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        var rest = text.AsSpan();
        while (true)
        {
            var white = rest.IndexOfAny(WhiteSpace);
            if (white < 0) return true;
            // A single plain space between two words (the text does not end in whitespace, so white + 1 exists).
            if (rest[white] != ' ' || char.IsWhiteSpace(rest[white + 1])) return false;
            rest = rest[(white + 1)..];
        }
    }

    /// <summary>True when an abstract looks cut: it ends in an ellipsis or without closing punctuation.</summary>
    public static bool LooksTruncated(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith('…')) return true;
        // An abstract that ends with a link ("... at https://github.com/x/y") is complete.
        var lastWord = trimmed[(trimmed.LastIndexOf(' ') + 1)..];
        if (lastWord.Contains('/')) return false;
        var last = trimmed[^1];
        return !(last is '.' or '!' or '?' or ')' or ']' or '"' or '\'' or '”' or '’' or '$' or '}' || char.IsDigit(last) && trimmed.Length < 40);
    }
}
