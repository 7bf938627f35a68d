
namespace SiteGen.Text;

/// <summary>An arXiv identifier split into its base id and the version seen (null when none was written).</summary>
public readonly record struct ArxivIdentifier(string BaseId, int? Version);

/// <summary>
/// Reads arXiv identifiers by hand (no regex) so long lines cost linear time:
/// new style <c>YYMM.NNNN(N)</c> and old style <c>archive(.XX)/YYMMNNN</c>, each with an optional <c>vN</c>.
/// </summary>
public static class ArxivIdentifiers
{
    /// <summary>Reads an id that starts exactly at <paramref name="start"/>; returns the characters consumed (0 when none).</summary>
    public static int TryRead(ReadOnlySpan<char> text, int start, out ArxivIdentifier id)
    {
        var span = text[start..];
        var length = Measure(span, out var baseLength, out var version);
        id = length == 0 ? default : new ArxivIdentifier(span[..baseLength].ToString(), version);
        return length;
    }

    /// <summary>What <see cref="TryRead"/> consumes, without making the id: for callers that only cut text at its end.</summary>
    public static int LengthAt(ReadOnlySpan<char> text, int start) => Measure(text[start..], out _, out _);

    /// <summary>The characters of an id (and its version) at the start of <paramref name="span"/>, 0 when none.</summary>
    private static int Measure(ReadOnlySpan<char> span, out int baseLength, out int? version)
    {
        version = null;
        var length = ReadNewStyle(span);
        if (length == 0) length = ReadOldStyle(span);
        baseLength = length;
        if (length == 0) return 0;
        // A version is "v" then digits; "v" followed by a letter is the next word, not a version.
        if (length + 1 < span.Length && span[length] == 'v' && char.IsAsciiDigit(span[length + 1]))
        {
            var end = length + 1;
            var value = 0;
            while (end < span.Length && char.IsAsciiDigit(span[end]) && end - length < 5)
            {
                value = value * 10 + (span[end] - '0');
                end++;
            }
            version = value;
            length = end;
        }
        return length;
    }

    /// <summary>Finds the id in an arxiv.org URL (<c>/abs/</c>, <c>/pdf/</c>, <c>/html/</c>) or a <c>10.48550/arXiv.X</c> DOI.</summary>
    public static ArxivIdentifier? FromUrlOrDoi(string text)
    {
        foreach (var marker in Markers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            if (TryRead(text, at + marker.Length, out var id) > 0) return id;
        }
        return null;
    }

    private static readonly string[] Markers = ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv.org/html/", "10.48550/arXiv.", "arXiv:"];

    private static int ReadNewStyle(ReadOnlySpan<char> s)
    {
        // YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on).
        if (s.Length < 9) return 0;
        for (var i = 0; i < 4; i++) if (!char.IsAsciiDigit(s[i])) return 0;
        if (s[4] != '.') return 0;
        var digits = 0;
        while (5 + digits < s.Length && char.IsAsciiDigit(s[5 + digits]) && digits < 5) digits++;
        if (digits < 4) return 0;
        return 5 + digits;
    }

    private static int ReadOldStyle(ReadOnlySpan<char> s)
    {
        // archive names are lowercase letters and '-', optionally ".XX" subject class: "cs/0112017", "math.GT/0309136".
        var i = 0;
        while (i < s.Length && (char.IsAsciiLetterLower(s[i]) || s[i] == '-')) i++;
        if (i < 2) return 0;
        if (i < s.Length && s[i] == '.')
        {
            if (i + 3 >= s.Length || !char.IsAsciiLetterUpper(s[i + 1]) || !char.IsAsciiLetterUpper(s[i + 2])) return 0;
            i += 3;
        }
        if (i >= s.Length || s[i] != '/') return 0;
        i++;
        for (var k = 0; k < 7; k++)
            if (i + k >= s.Length || !char.IsAsciiDigit(s[i + k])) return 0;
        return i + 7;
    }
}
