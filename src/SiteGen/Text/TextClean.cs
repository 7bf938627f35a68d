using System.Text;

namespace SiteGen.Text;

/// <summary>Small text helpers shared by the listing and reading parsers.</summary>
public static class TextClean
{
    /// <summary>Trims and turns every run of whitespace (tabs, NBSP, line breaks) into one space.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
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
