using System.Text;

namespace SiteGen.Text;

/// <summary>Text cleaned of what XML 1.0 and iCalendar TEXT cannot hold: control characters, U+FFFE/U+FFFF, lone surrogates.</summary>
public static class XmlSafe
{
    /// <summary>Drops every character XML 1.0 forbids (tab, line feed and carriage return stay); the rest is unchanged.</summary>
    public static string Clean(string text)
    {
        if (!NeedsCleaning(text)) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var rune in Runes(text))
            if (rune.Value is 0x9 or 0xA or 0xD || (rune.Value >= 0x20 && !IsNonCharacterFfxx(rune.Value) && !(rune.Value is >= 0x7F and <= 0x9F)))
                sb.Append(rune.ToString());
        return sb.ToString();
    }

    private static bool IsNonCharacterFfxx(int value) => value is 0xFFFE or 0xFFFF;

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)) return true;
        return false;
    }

    /// <summary>The text's runes, a lone surrogate dropped (EnumerateRunes would give U+FFFD for it).</summary>
    private static IEnumerable<Rune> Runes(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (Rune.TryGetRuneAt(text, i, out var rune))
            {
                yield return rune;
                i += rune.Utf16SequenceLength;
            }
            else i++;
        }
    }
}
