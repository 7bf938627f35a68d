using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Text;

namespace SiteGen.Merging;

/// <summary>
/// Turns scraped text into comparable tokens: Unicode compatibility folding, accents stripped, TeX to text,
/// URLs and arXiv's "this https URL" placeholder deleted, lower case, punctuation to spaces.
/// The build runs with invariant globalization (string.Normalize is then a no-op), so the folding table is our own.
/// </summary>
public static partial class TextNormalizer
{
    [GeneratedRegex(@"\bthis\s+https?\s+URL\b|(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // \'e, \"{o}, \^{\i}: accent commands become their base letter.
    [GeneratedRegex(@"\\[`'^""~=.uvHcdbk]\s*\{?\s*\\?([A-Za-z])\}?", RegexOptions.CultureInvariant)]
    private static partial Regex TexAccent();

    [GeneratedRegex(@"\\([A-Za-z]+)\*?", RegexOptions.CultureInvariant)]
    private static partial Regex TexCommand();

    private static readonly HashSet<string> GreekNames = new(StringComparer.Ordinal)
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
        "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega",
    };

    private static readonly Dictionary<char, string> Fold = BuildFold();

    /// <summary>Normalised text: lower-case letter/digit tokens separated by single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var buffer = t_buffer ??= new char[256];
        var length = NormalizeInto(text, ref buffer);
        t_buffer = buffer;
        return new string(buffer, 0, length);
    }

    [ThreadStatic] private static char[]? t_buffer;

    /// <summary>
    /// <see cref="Normalize"/> written into <paramref name="buffer"/> (grown when too small) instead of a new string:
    /// the resolver hashes the tokens of every abstract and keeps none of the text. Returns the length written.
    /// </summary>
    internal static int NormalizeInto(string? text, ref char[] buffer)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var cleaned = Clean(text);
        // A kept character costs at most itself and a space before it; longer folds (Greek names) grow the buffer below.
        if (buffer.Length < cleaned.Length * 2 + 8) buffer = new char[cleaned.Length * 2 + 8];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in cleaned)
        {
            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (pendingSpace && length > 0) buffer[length++] = ' ';
                    pendingSpace = false;
                    buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                }
                else pendingSpace = true;
                continue;
            }
            if (Fold.TryGetValue(c, out var folded))
            {
                if (folded.Length == 0) continue; // a combining mark: drop it, keep the word whole
                if (folded == " ") { pendingSpace = true; continue; }
                if (length + folded.Length + 1 > buffer.Length) Array.Resize(ref buffer, (length + folded.Length + 1) * 2 + cleaned.Length * 2);
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                folded.CopyTo(buffer.AsSpan(length));
                length += folded.Length;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (length + 2 > buffer.Length) Array.Resize(ref buffer, buffer.Length * 2 + 8);
                if (pendingSpace && length > 0) buffer[length++] = ' ';
                pendingSpace = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format)
                continue;
            else pendingSpace = true;
        }
        return length;
    }

    /// <summary>Only letters and digits: "Pre-Training" and "pretraining" give the same key.</summary>
    public static string Squash(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// U+FFFE and unpaired surrogates make string.Normalize throw (scraped text can hold them): they are no letter,
    /// so they become spaces. The text itself when it has none.
    /// </summary>
    internal static string WithoutUnnormalizable(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\uD800') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (c == '\uFFFE' || char.IsSurrogate(c)) (copy ??= text.ToCharArray())[i] = ' ';
        }
        return copy is null ? text : new string(copy);
    }

    /// <summary>Deletes URLs and the placeholder, and rewrites TeX to text. Cheap when the text has none of them.</summary>
    internal static string Clean(string text)
    {
        // Compatibility forms first where the runtime supports it (a no-op under invariant globalization).
        if (!System.Text.Ascii.IsValid(text) && !IsStableLatin(text))
        {
            text = WithoutUnnormalizable(text);
            if (!text.IsNormalized(NormalizationForm.FormKC)) text = text.Normalize(NormalizationForm.FormKC);
        }
        if (text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            text = UrlPattern().Replace(text, " ");
        if (text.Contains('\\'))
        {
            text = TexAccent().Replace(text, m => m.Groups[1].Value);
            // Greek letters keep their name (so $\alpha$ matches α); other commands (\emph, \textbf, \mathrm) vanish, their argument stays.
            text = TexCommand().Replace(text, m => GreekNames.Contains(m.Groups[1].Value) ? " " + m.Groups[1].Value.ToLowerInvariant() + " " : " ");
        }
        return text;
    }

    /// <summary>
    /// Below U+0250 (Latin-1, Latin Extended-A/B) no character combines with another under NFKC, so a text made only of
    /// characters that are each left alone by NFKC is already normalised: names like "Müller" skip the ICU call, which
    /// cost more than the rest of the normalising. The table is asked of the runtime itself, so it agrees with it.
    /// </summary>
    private static bool IsStableLatin(string text)
    {
        var stable = StableLatin;
        foreach (var c in text)
            if (c >= stable.Length || !stable[c]) return false;
        return true;
    }

    private static readonly bool[] StableLatin = BuildStableLatin();

    private static bool[] BuildStableLatin()
    {
        var table = new bool[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            try
            {
                table[c] = c < 128 || ((char)c).ToString().IsNormalized(NormalizationForm.FormKC);
            }
            catch (PlatformNotSupportedException)
            {
                table[c] = false; // no normalisation data: leave every non-ASCII text to the runtime's own call, as before
            }
        }
        return table;
    }

    /// <summary>
    /// The accent-folding table shared with search and slugs, lower-cased, plus what only duplicate keys need: the Latin
    /// letters that table leaves alone, ligatures, Greek letters as TeX names them, full-width forms, marks, super- and
    /// subscript digits.
    /// </summary>
    private static Dictionary<char, string> BuildFold()
    {
        var map = AccentFolding.Entries.ToDictionary(e => e.Key, e => e.Value.ToLowerInvariant());
        void Add(string chars, string to) { foreach (var c in chars) map[c] = to; }
        Add("Ǽǽ", "ae"); Add("Ĳĳ", "ij"); Add("Ŀŀ", "l"); Add("ŉ", "n"); Add("ſ", "s");
        Add("ﬀ", "ff"); Add("ﬁ", "fi"); Add("ﬂ", "fl"); Add("ﬃ", "ffi"); Add("ﬄ", "ffl"); Add("ﬅﬆ", "st");
        // Greek letters read as their names, as TeX writes them.
        string[] greek = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"];
        for (var i = 0; i < 25; i++)
        {
            map[(char)('α' + i)] = greek[i];
            if (i != 17) map[(char)('Α' + i)] = greek[i];
        }
        map['ϕ'] = "phi"; map['ϵ'] = "epsilon"; map['ϑ'] = "theta";
        // Full-width ASCII (Ａ-Ｚ, ０-９) to ASCII.
        for (var c = '\uFF10'; c <= '\uFF19'; c++) map[c] = ((char)('0' + (c - '\uFF10'))).ToString();
        for (var c = '\uFF21'; c <= '\uFF3A'; c++) map[c] = ((char)('a' + (c - '\uFF21'))).ToString();
        for (var c = '\uFF41'; c <= '\uFF5A'; c++) map[c] = ((char)('a' + (c - '\uFF41'))).ToString();
        // Combining marks (a decomposed "é") vanish; superscript/subscript digits read as digits.
        for (var c = '\u0300'; c <= '\u036F'; c++) map[c] = "";
        map['²'] = "2"; map['³'] = "3"; map['¹'] = "1"; map['⁰'] = "0";
        return map;
    }
}
