using System.Buffers;

namespace SiteGen.Text;

/// <summary>An arXiv identifier split into its base id and the version seen (null when none was written).</summary>
public readonly record struct ArxivIdentifier(string BaseId, int? Version);

/// <summary>
/// The one reader of arXiv identifiers, by hand (no regex) so long lines cost linear time: new style
/// <c>YYMM.NNNN(N)</c> and old style <c>archive(.XX)/YYMMNNN</c>, each with an optional <c>vN</c>. It reads with two
/// strengths. Text as authors write it (<see cref="TryRead"/>, <see cref="LengthAt"/>, <see cref="FromUrlOrDoi"/>):
/// whatever has an id's shape, so the readings parser can cut a URL where its id ends. Catalog keys
/// (<see cref="ParseBare"/>, <see cref="FindInText"/>, <see cref="Find"/>): only what can be a real id, since records
/// that share one are merged: case-insensitive, not followed by another digit, a month 01-12 and as many digits as
/// arXiv gave in that year.
/// </summary>
public static class ArxivIdentifiers
{
    /// <summary>Reads an id that starts exactly at <paramref name="start"/>; returns the characters consumed (0 when none).</summary>
    public static int TryRead(ReadOnlySpan<char> text, int start, out ArxivIdentifier id)
    {
        var span = text[start..];
        var length = Measure(span, strict: false, out var baseLength, out _, out var version);
        id = length == 0 ? default : new ArxivIdentifier(span[..baseLength].ToString(), version);
        return length;
    }

    /// <summary>What <see cref="TryRead"/> consumes, without making the id: for callers that only cut text at its end.</summary>
    public static int LengthAt(ReadOnlySpan<char> text, int start) => Measure(text[start..], strict: false, out _, out _, out _);

    /// <summary>Finds the id in an arxiv.org URL (<c>/abs/</c>, <c>/pdf/</c>, <c>/html/</c>) or a <c>10.48550/arXiv.X</c> DOI.</summary>
    public static ArxivIdentifier? FromUrlOrDoi(string text)
    {
        foreach (var marker in UrlMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            if (TryRead(text, at + marker.Length, out var id) > 0) return id;
        }
        return null;
    }

    private static readonly string[] UrlMarkers = ["arxiv.org/abs/", "arxiv.org/pdf/", "arxiv.org/html/", "10.48550/arXiv.", "arXiv:"];

    /// <summary>The id in a field that should hold only an id (optionally after <c>arXiv:</c> or the arXiv DOI prefix), else null.</summary>
    public static ArxivIdentifier? ParseBare(string? text)
    {
        if (text is null) return null;
        var span = text.AsSpan().Trim();
        var afterPrefix = MarkerLength(span, bareOnly: true);
        if (afterPrefix > 0 && ValidAt(span[afterPrefix..], out var prefixed, out var prefixedLength) && prefixedLength == span.Length - afterPrefix)
            return prefixed;
        return ValidAt(span, out var id, out var length) && length == span.Length ? id : null;
    }

    /// <summary>
    /// Why an id read as authors write it (<see cref="TryRead"/>) is not one arXiv ever gave, so the catalog cannot key a
    /// paper by it (<c>0000.00000</c>, <c>9999.99999</c>); null when it is one (exactly when <see cref="ParseBare"/> reads it).
    /// </summary>
    public static string? WhyNotReal(ArxivIdentifier id)
    {
        if (ParseBare(id.BaseId) is not null) return null;
        var text = id.BaseId.AsSpan();
        var digits = text[(text.IndexOf('/') + 1)..];
        if (digits.Length >= 4 && char.IsAsciiDigit(digits[2]) && char.IsAsciiDigit(digits[3]) && (digits[2] - '0') * 10 + (digits[3] - '0') is < 1 or > 12)
            return $"its month, {digits[2..4]}, is not 01-12";
        if (text.Length == 9 && text[4] == '.') return $"ids with four digits after the dot run from 0704 to 1412, and {text[..4]} is outside that";
        if (text.Length == 10 && text[4] == '.') return $"ids with five digits after the dot start in 1501, and {text[..4]} is before that";
        return "arXiv never gave an id of that form";
    }

    /// <summary>The first valid id that free text marks as one (an arXiv, alphaXiv or Hugging Face papers URL, "arXiv:", the arXiv DOI), else null.</summary>
    public static ArxivIdentifier? FindInText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!text.Contains("xiv", StringComparison.OrdinalIgnoreCase) && !text.Contains("huggingface", StringComparison.OrdinalIgnoreCase))
            return null;
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var next = span[at..].IndexOfAny(MarkerStarts);
            if (next < 0) return null;
            at += next;
            var marker = MarkerLength(span[at..], bareOnly: false);
            if (marker > 0 && Measure(span[(at + marker)..], strict: true, out _, out _, out _) is var length and > 0)
            {
                // A marked id that is not a real one: look on after it, as a regex's next match would.
                if (ValidAt(span[(at + marker)..], out var id, out _)) return id;
                at += marker + length;
                continue;
            }
            at++;
        }
        return null;
    }

    /// <summary>Bare first (a field that is an id), then marked ids in text.</summary>
    public static ArxivIdentifier? Find(string? text) => ParseBare(text) ?? FindInText(text);

    private static readonly SearchValues<char> MarkerStarts = SearchValues.Create("aAhH1");

    /// <summary>
    /// The length of the marker at the start of <paramref name="s"/>, 0 when none: "arXiv:" (spaces around the colon
    /// allowed) and the DOI prefix "10.48550/arXiv."; in text also arxiv.org or alphaxiv.org /abs/, /pdf/, /html/,
    /// /overview/, /format/ and huggingface.co/papers/. Case-insensitive.
    /// </summary>
    private static int MarkerLength(ReadOnlySpan<char> s, bool bareOnly)
    {
        if (!bareOnly)
        {
            var host = s.StartsWith("arxiv.org/", StringComparison.OrdinalIgnoreCase) ? 10
                : s.StartsWith("alphaxiv.org/", StringComparison.OrdinalIgnoreCase) ? 13 : 0;
            if (host > 0)
            {
                foreach (var path in UrlPaths)
                    if (s[host..].StartsWith(path, StringComparison.OrdinalIgnoreCase)) return host + path.Length;
            }
            if (s.StartsWith("huggingface.co/papers/", StringComparison.OrdinalIgnoreCase)) return 22;
        }
        if (s.StartsWith("10.48550/arxiv.", StringComparison.OrdinalIgnoreCase)) return 15;
        if (!s.StartsWith("arxiv", StringComparison.OrdinalIgnoreCase)) return 0;
        var i = 5;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        if (i >= s.Length || s[i] != ':') return 0;
        i++;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    private static readonly string[] UrlPaths = ["abs/", "pdf/", "html/", "overview/", "format/"];

    /// <summary>A strictly read id at the start of <paramref name="s"/> that is a real one (see <see cref="ArxivIdentifiers"/>).</summary>
    private static bool ValidAt(ReadOnlySpan<char> s, out ArxivIdentifier id, out int length)
    {
        id = default;
        length = Measure(s, strict: true, out var baseLength, out var isNew, out var version);
        if (length == 0) return false;
        var text = s[..baseLength];
        if (isNew)
        {
            // YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501 on; the month is 01-12.
            var yy = (text[0] - '0') * 10 + (text[1] - '0');
            var mm = (text[2] - '0') * 10 + (text[3] - '0');
            if (mm is < 1 or > 12) return false;
            var valid = text.Length == 9 ? yy is >= 7 and <= 14 && (yy > 7 || mm >= 4) : yy >= 15;
            if (!valid) return false;
            id = new ArxivIdentifier(text.ToString(), version);
            return true;
        }
        var slash = text.IndexOf('/');
        var digits = text[(slash + 1)..];
        var month = (digits[2] - '0') * 10 + (digits[3] - '0');
        if (month is < 1 or > 12) return false;
        // Archive names are lower case (math.AG keeps its upper-case subject class).
        var archive = text[..slash];
        var dot = archive.IndexOf('.');
        var name = dot < 0 ? archive.ToString().ToLowerInvariant()
            : archive[..dot].ToString().ToLowerInvariant() + archive[dot..].ToString().ToUpperInvariant();
        id = new ArxivIdentifier(name + "/" + digits.ToString(), version);
        return true;
    }

    /// <summary>
    /// The characters of an id (and its version) at the start of <paramref name="span"/>, 0 when none. Strict: any
    /// case, the digits of the id and of the version not followed by another digit (a version of four or more digits is
    /// left unread); otherwise up to five digits after the dot, then a lower-case <c>v</c> and up to four digits.
    /// </summary>
    private static int Measure(ReadOnlySpan<char> span, bool strict, out int baseLength, out bool isNew, out int? version)
    {
        version = null;
        var length = ReadNewStyle(span, strict);
        isNew = length > 0;
        if (length == 0) length = ReadOldStyle(span, strict);
        baseLength = length;
        if (length == 0) return 0;
        if (length + 1 >= span.Length || !IsV(span[length], strict) || !char.IsAsciiDigit(span[length + 1])) return length;
        var end = length + 1;
        var value = 0;
        while (end < span.Length && char.IsAsciiDigit(span[end]) && (strict || end - length < 5))
        {
            value = value * 10 + (span[end] - '0');
            end++;
        }
        // Strict: "v" then four digits or more is no version, and the id ends before the "v".
        if (strict && end - length - 1 > 3) return length;
        version = value;
        return end;
    }

    private static bool IsV(char c, bool strict) => c == 'v' || (strict && c == 'V');

    private static int ReadNewStyle(ReadOnlySpan<char> s, bool strict)
    {
        // YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on).
        if (s.Length < 9) return 0;
        for (var i = 0; i < 4; i++) if (!char.IsAsciiDigit(s[i])) return 0;
        if (s[4] != '.') return 0;
        var digits = 0;
        while (5 + digits < s.Length && char.IsAsciiDigit(s[5 + digits]) && (strict || digits < 5)) digits++;
        if (digits is < 4 or > 5) return 0;
        return 5 + digits;
    }

    private static int ReadOldStyle(ReadOnlySpan<char> s, bool strict)
    {
        // archive names are letters and '-', optionally ".XX" subject class: "cs/0112017", "math.GT/0309136".
        var i = 0;
        if (strict && (s.IsEmpty || !char.IsAsciiLetter(s[0]))) return 0;
        while (i < s.Length && (s[i] == '-' || (strict ? char.IsAsciiLetter(s[i]) : char.IsAsciiLetterLower(s[i])))) i++;
        if (i < 2) return 0;
        if (i < s.Length && s[i] == '.')
        {
            if (i + 3 >= s.Length || !IsSubjectLetter(s[i + 1], strict) || !IsSubjectLetter(s[i + 2], strict)) return 0;
            i += 3;
        }
        if (i >= s.Length || s[i] != '/') return 0;
        i++;
        for (var k = 0; k < 7; k++)
            if (i + k >= s.Length || !char.IsAsciiDigit(s[i + k])) return 0;
        if (strict && i + 7 < s.Length && char.IsAsciiDigit(s[i + 7])) return 0;
        return i + 7;
    }

    private static bool IsSubjectLetter(char c, bool strict) => strict ? char.IsAsciiLetter(c) : char.IsAsciiLetterUpper(c);
}
