using System.Buffers;
using System.Text;
using HandlebarsDotNet;

namespace SiteGen.Rendering;

/// <summary>
/// The same escaping as Handlebars.Net's <see cref="HtmlEncoder"/> (&amp; &lt; &gt; " ' ` = become entities, every
/// other character is kept), but text between two escaped characters is written as one span: the built-in encoder
/// writes everything after the first escaped character one char at a time, and for any writer other than StringWriter
/// even the first run. HtmlRunEncoderTests checks the output against the built-in encoder's.
/// </summary>
public sealed class HtmlRunEncoder : ITextEncoder
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>\"'`=");

    public void Encode(string? text, TextWriter target)
    {
        if (!string.IsNullOrEmpty(text)) Encode(text.AsSpan(), target);
    }

    public void Encode(StringBuilder? text, TextWriter target)
    {
        if (text is null) return;
        // An entity never spans two chunks: each escaped character is encoded on its own.
        foreach (var chunk in text.GetChunks()) Encode(chunk.Span, target);
    }

    public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
    {
        if (text is null) return;
        while (text.MoveNext())
        {
            var c = text.Current;
            if (EntityOf(c) is { } entity) target.Write(entity);
            else target.Write(c);
        }
    }

    private static void Encode(ReadOnlySpan<char> text, TextWriter target)
    {
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(Escaped);
            if (next < 0)
            {
                target.Write(text);
                return;
            }
            if (next > 0) target.Write(text[..next]);
            target.Write(EntityOf(text[next]));
            text = text[(next + 1)..];
        }
    }

    private static string? EntityOf(char c) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#x27;",
        '`' => "&#x60;",
        '=' => "&#x3D;",
        _ => null,
    };
}
