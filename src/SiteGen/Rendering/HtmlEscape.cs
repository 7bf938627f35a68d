using System.Buffers;

namespace SiteGen.Rendering;

/// <summary>
/// HTML escaping of every value a template writes that is not trusted HTML: &amp; &lt; &gt; " ' ` = become entities (the
/// set the pages have always used), every other character is kept. Text between two escaped characters is handed on as
/// one run, so plain text (most of it) is one call.
/// </summary>
public static class HtmlEscape
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'`=");

    /// <summary>The escaped text as a string (the text itself when nothing needs escaping).</summary>
    public static string Of(string text)
    {
        if (text.AsSpan().IndexOfAny(Escaped) < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length + 16);
        var rest = text.AsSpan();
        for (var next = IndexOfEscaped(rest); next >= 0; next = IndexOfEscaped(rest))
        {
            builder.Append(rest[..next]).Append(EntityOf(rest[next]));
            rest = rest[(next + 1)..];
        }
        return builder.Append(rest).ToString();
    }

    internal static int IndexOfEscaped(ReadOnlySpan<char> text) => text.IndexOfAny(Escaped);

    internal static string EntityOf(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        '=' => "&#x3D;",
        _ => c.ToString(),
    };
}
