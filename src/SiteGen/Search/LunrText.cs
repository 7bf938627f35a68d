using System.Buffers;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// lunr 2.3.9's index-time text pipeline reproduced exactly: tokenizer (lower-case, split on JavaScript's
/// <c>[\s\-]+</c>), trimmer (strip ASCII <c>\W</c> at both ends), stop-word filter and the Porter stemmer.
/// </summary>
public static class LunrText
{
    /// <summary>JavaScript's <c>String.prototype.toLowerCase</c>: full Unicode case mapping, which .NET's
    /// per-char mapping misses in two places that occur in real text (dotted capital I and final sigma).</summary>
    public static string ToLowerJs(string text)
    {
        var lower = text.ToLowerInvariant();
        if (text.AsSpan().IndexOfAny('\u0130', '\u03A3') < 0)
            return lower;

        var sb = new StringBuilder(lower.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u0130')
                sb.Append("i\u0307");
            else if (c == '\u03A3')
                sb.Append(IsFinalSigma(text, i) ? '\u03C2' : '\u03C3');
            else
                sb.Append(lower[i]);
        }
        return sb.ToString();
    }

    /// <summary>string.ToLowerInvariant's mapping of every char that is not a surrogate, made with one call; built on first use.</summary>
    private static class BmpLowerCase
    {
        public static readonly char[] Table = Build();

        private static char[] Build()
        {
            var chars = new char[char.MaxValue + 1];
            // Surrogates (looked up never) become spaces, so that none pairs with its neighbour in the one call.
            for (var c = 0; c < chars.Length; c++) chars[c] = char.IsSurrogate((char)c) ? ' ' : (char)c;
            var lower = new string(chars).ToLowerInvariant();
            return lower.ToCharArray();
        }
    }

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables), none after.
    private static bool IsFinalSigma(string s, int at)
    {
        var before = false;
        for (var i = at - 1; i >= 0; i--)
        {
            if (IsCaseIgnorable(s[i])) continue;
            before = IsCased(s[i]);
            break;
        }
        if (!before) return false;
        for (var i = at + 1; i < s.Length; i++)
        {
            if (IsCaseIgnorable(s[i])) continue;
            return !IsCased(s[i]);
        }
        return true;
    }

    private static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c)
        || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) => c is '\'' or '.' or ':' or '\u00AD' or '\u2019'
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark
            or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.ModifierSymbol;

    /// <summary>JavaScript's <c>\s</c> (ECMAScript WhiteSpace + LineTerminator), which differs from .NET's:
    /// it includes U+FEFF and excludes U+0085.</summary>
    public static bool IsJsWhiteSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202F' or '\u205F' or '\u3000' or '\uFEFF' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>lunr's tokenizer separator <c>/[\s\-]+/</c>.</summary>
    public static bool IsSeparator(char c) => c == '-' || IsJsWhiteSpace(c);

    /// <summary>JavaScript's <c>\w</c> without the u flag: ASCII letters, digits and underscore only.</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // The characters IsSeparator accepts, for vectorized searching.
    private static readonly SearchValues<char> Separators = SearchValues.Create(
        string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsSeparator)));

    /// <summary>The position of the first separator (<see cref="IsSeparator"/>) in <paramref name="text"/>, or -1.</summary>
    public static int IndexOfSeparator(ReadOnlySpan<char> text) => text.IndexOfAny(Separators);

    /// <summary>Splits already lower-cased text into token ranges, like lunr.tokenizer.</summary>
    public static void Tokenize(string lowered, List<Range> into)
    {
        var start = 0;
        while (start <= lowered.Length)
        {
            var length = IndexOfSeparator(lowered.AsSpan(start));
            if (length < 0) length = lowered.Length - start;
            if (length > 0)
                into.Add(new Range(start, start + length));
            start += length + 1;
        }
    }

    /// <summary>
    /// <see cref="ToLowerJs"/> into <paramref name="destination"/> (at least as long as the text) when that gives the
    /// same length, which is when the text has neither of the two characters JavaScript maps differently; false then.
    /// </summary>
    public static bool TryLowerJs(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (text.IndexOfAny('\u0130', '\u03A3') >= 0) return false;
        // ASCII runs through the vectorized ASCII mapping, other chars through a table of string.ToLowerInvariant's
        // mapping (which maps code point by code point; a call into ICU per non-ASCII run is dear), and
        // surrogate pairs through the invariant mapping itself. Tests check every char and mixed text.
        var done = 0;
        while (done < text.Length)
        {
            var ascii = text[done..].IndexOfAnyExceptInRange('\0', '\u007F');
            var asciiEnd = ascii < 0 ? text.Length : done + ascii;
            Ascii.ToLower(text[done..asciiEnd], destination[done..], out _);
            done = asciiEnd;
            while (done < text.Length && text[done] > '\u007F')
            {
                if (!char.IsSurrogate(text[done]))
                {
                    destination[done] = BmpLowerCase.Table[text[done]];
                    done++;
                    continue;
                }
                var surrogates = text[done..].IndexOfAnyExceptInRange('\uD800', '\uDFFF');
                var end = surrogates < 0 ? text.Length : done + surrogates;
                if (text[done..end].ToLowerInvariant(destination[done..]) != end - done) return false;
                done = end;
            }
        }
        return true;
    }

    /// <summary>lunr.tokenizer on a raw string: lower-cases, then splits.</summary>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        if (text is null) return [];
        var lowered = ToLowerJs(text);
        var ranges = new List<Range>();
        Tokenize(lowered, ranges);
        return ranges.Select(r => lowered[r]).ToList();
    }

    /// <summary>lunr.trimmer: <c>s.replace(/^\W+/, '').replace(/\W+$/, '')</c>.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> token)
    {
        var start = 0;
        while (start < token.Length && !IsWordChar(token[start])) start++;
        var end = token.Length;
        while (end > start && !IsWordChar(token[end - 1])) end--;
        return token[start..end];
    }

    private static readonly HashSet<string> StopWordSet = new(StringComparer.Ordinal)
    {
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do",
        "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he",
        "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
        "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor",
        "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says",
        "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there",
        "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWordSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>lunr.stopWordFilter's fixed English list (lunr 2.3.9).</summary>
    public static IReadOnlyCollection<string> StopWords => StopWordSet;

    public static bool IsStopWord(ReadOnlySpan<char> token) => StopWordLookup.Contains(token);
}
