using System.Text.RegularExpressions;

namespace SiteGen.Search;

/// <summary>
/// The original Porter stemmer, ported step by step from lunr 2.3.9's stemmer.js (not Porter2), so the C# index holds
/// exactly the stems lunr.js produces for queries. The measure tests (m &gt; 0, m = 1, m &gt; 1, has a vowel, ends
/// CVC) are stemmer.js's regular expressions as they are; its suffix expressions (<c>^(.+?)(suffixes)$</c>, which try
/// every split of the word) are written as the plain suffix tests they amount to: the longest listed suffix that leaves
/// a non-empty stem. Words are tokens, which never hold a line break (a separator), where <c>.</c> and <c>$</c> would
/// differ. The tests check this against the regular-expression port over many words.
/// </summary>
public static partial class PorterStemmer
{
    private static readonly Dictionary<string, string> Step2List = new(StringComparer.Ordinal)
    {
        ["ational"] = "ate", ["tional"] = "tion", ["enci"] = "ence", ["anci"] = "ance", ["izer"] = "ize",
        ["bli"] = "ble", ["alli"] = "al", ["entli"] = "ent", ["eli"] = "e", ["ousli"] = "ous",
        ["ization"] = "ize", ["ation"] = "ate", ["ator"] = "ate", ["alism"] = "al", ["iveness"] = "ive",
        ["fulness"] = "ful", ["ousness"] = "ous", ["aliti"] = "al", ["iviti"] = "ive", ["biliti"] = "ble",
        ["logi"] = "log",
    };

    private static readonly Dictionary<string, string> Step3List = new(StringComparer.Ordinal)
    {
        ["icate"] = "ic", ["ative"] = "", ["alize"] = "al", ["iciti"] = "ic", ["ical"] = "ic", ["ful"] = "",
        ["ness"] = "",
    };

    // c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*", as in stemmer.js.
    private const string C = "[^aeiou][^aeiouy]*";
    private const string V = "[aeiouy][aeiou]*";

    [GeneratedRegex("^(" + C + ")?" + V + C, RegexOptions.CultureInvariant)]
    private static partial Regex Mgr0();

    [GeneratedRegex("^(" + C + ")?" + V + C + "(" + V + ")?$", RegexOptions.CultureInvariant)]
    private static partial Regex Meq1();

    [GeneratedRegex("^(" + C + ")?" + V + C + V + C, RegexOptions.CultureInvariant)]
    private static partial Regex Mgr1();

    [GeneratedRegex("^(" + C + ")?[aeiouy]", RegexOptions.CultureInvariant)]
    private static partial Regex SV();

    // stemmer.js's re_4_1b_2 and re3_5 are the same expression: the stem ends consonant-vowel-consonant (the last not w, x or y).
    [GeneratedRegex("^" + C + "[aeiouy][^aeiouwxy]$", RegexOptions.CultureInvariant)]
    private static partial Regex EndsCvc();

    // stemmer.js's suffix lists of steps 2, 3 and 4, longest first: the regexes' lazy (.+?) takes the shortest stem,
    // so the longest suffix that leaves at least one character wins.
    private static readonly string[] Step2Suffixes = [.. Step2List.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
    private static readonly string[] Step3Suffixes = [.. Step3List.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
    private static readonly string[] Step4Suffixes = [.. new[]
    {
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    }.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];

    /// <summary>The longest of <paramref name="suffixes"/> (longest first) that <paramref name="w"/> ends with, leaving a non-empty stem.</summary>
    private static string? LongestSuffix(string w, string[] suffixes)
    {
        foreach (var suffix in suffixes)
            if (w.Length > suffix.Length && w.EndsWith(suffix, StringComparison.Ordinal)) return suffix;
        return null;
    }

    private static bool EndsWith(string w, string suffix, int minStem) =>
        w.Length >= suffix.Length + minStem && w.EndsWith(suffix, StringComparison.Ordinal);

    public static string Stem(string w)
    {
        if (w.Length < 3) return w;

        var firstIsY = w[0] == 'y';
        if (firstIsY) w = "Y" + w[1..];

        // Step 1a: re_1a ^(.+?)(ss|i)es$ -> $1$2, else re2_1a ^(.+?)([^s])s$ -> $1$2.
        if (EndsWith(w, "sses", 1) || EndsWith(w, "ies", 1)) w = w[..^2];
        else if (w[^1] == 's' && w[^2] != 's') w = w[..^1];

        // Step 1b: re_1b ^(.+?)eed$, else re2_1b ^(.+?)(ed|ing)$.
        if (EndsWith(w, "eed", 1))
        {
            if (Mgr0().IsMatch(w.AsSpan(0, w.Length - 3)))
                w = w[..^1];
        }
        else if (EndsWith(w, "ed", 1) || EndsWith(w, "ing", 1))
        {
            var stem = w[..^(w[^1] == 'd' ? 2 : 3)];
            if (SV().IsMatch(stem))
            {
                w = stem;
                // re2_1b_2 (at|bl|iz)$, re3_1b_2 ([^aeiouylsz])\1$, re4_1b_2.
                if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal)) w += "e";
                else if (w.Length >= 2 && w[^1] == w[^2] && !"aeiouylsz".Contains(w[^1])) w = w[..^1];
                else if (EndsCvc().IsMatch(w)) w += "e";
            }
        }

        // Step 1c: re_1c ^(.+?[^aeiou])y$ -> $1i.
        if (w.Length >= 3 && w[^1] == 'y' && !"aeiou".Contains(w[^2])) w = w[..^1] + "i";

        // Step 2
        if (LongestSuffix(w, Step2Suffixes) is { } suffix2)
        {
            var stem = w[..^suffix2.Length];
            if (Mgr0().IsMatch(stem)) w = stem + Step2List[suffix2];
        }

        // Step 3
        if (LongestSuffix(w, Step3Suffixes) is { } suffix3)
        {
            var stem = w[..^suffix3.Length];
            if (Mgr0().IsMatch(stem)) w = stem + Step3List[suffix3];
        }

        // Step 4: re_4, else re2_4 ^(.+?)(s|t)(ion)$ -> $1$2.
        if (LongestSuffix(w, Step4Suffixes) is { } suffix4)
        {
            var stem = w[..^suffix4.Length];
            if (Mgr1().IsMatch(stem)) w = stem;
        }
        else if (EndsWith(w, "sion", 1) || EndsWith(w, "tion", 1))
        {
            var stem = w[..^3];
            if (Mgr1().IsMatch(stem)) w = stem;
        }

        // Step 5: re_5 ^(.+?)e$, then re_5_1 ll$.
        if (EndsWith(w, "e", 1))
        {
            var stem = w[..^1];
            if (Mgr1().IsMatch(stem) || (Meq1().IsMatch(stem) && !EndsCvc().IsMatch(stem))) w = stem;
        }

        if (w.EndsWith("ll", StringComparison.Ordinal) && Mgr1().IsMatch(w)) w = w[..^1];

        // Turn the initial Y back to y.
        if (firstIsY) w = "y" + w[1..];
        return w;
    }
}
