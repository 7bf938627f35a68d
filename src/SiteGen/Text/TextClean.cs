using System.Buffers;

namespace SiteGen.Text;

/// <summary>Small text helpers shared by the listing and reading parsers.</summary>
public static class TextClean
{
    /// <summary>Trims and turns every run of whitespace (tabs, NBSP, line breaks) into one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        if (IsCollapsed(text)) return text;
        // Called on every line, title and abstract: one buffer and one string, no builder.
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan();
        var length = 0;
        var pendingSpace = false;
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
        var result = new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>True when collapsing would change nothing: no whitespace at either end, none but single plain spaces inside.</summary>
    private static bool IsCollapsed(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace) return false;
                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c)) return false;
            else previousSpace = false;
        }
        return true;
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
