using System.Text.RegularExpressions;

namespace SiteGen.Tests.Search;

/// <summary>
/// The reference for <see cref="SiteGen.Search.PorterStemmer"/>: lunr 2.3.9's stemmer.js ported line by line with all
/// its regular expressions (the stemmer SiteGen used before the suffix expressions became plain suffix tests).
/// </summary>
internal static partial class LunrRegexStemmer
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

    [GeneratedRegex("^(.+?)(ss|i)es$", RegexOptions.CultureInvariant)]
    private static partial Regex Re1a();

    [GeneratedRegex("^(.+?)([^s])s$", RegexOptions.CultureInvariant)]
    private static partial Regex Re2_1a();

    [GeneratedRegex("^(.+?)eed$", RegexOptions.CultureInvariant)]
    private static partial Regex Re1b();

    [GeneratedRegex("^(.+?)(ed|ing)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re2_1b();

    [GeneratedRegex("(at|bl|iz)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re2_1b_2();

    [GeneratedRegex("([^aeiouylsz])\\1$", RegexOptions.CultureInvariant)]
    private static partial Regex Re3_1b_2();

    [GeneratedRegex("^" + C + "[aeiouy][^aeiouwxy]$", RegexOptions.CultureInvariant)]
    private static partial Regex Re4_1b_2();

    [GeneratedRegex("^(.+?[^aeiou])y$", RegexOptions.CultureInvariant)]
    private static partial Regex Re1c();

    [GeneratedRegex("^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re2();

    [GeneratedRegex("^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re3();

    [GeneratedRegex("^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re4();

    [GeneratedRegex("^(.+?)(s|t)(ion)$", RegexOptions.CultureInvariant)]
    private static partial Regex Re2_4();

    [GeneratedRegex("^(.+?)e$", RegexOptions.CultureInvariant)]
    private static partial Regex Re5();

    [GeneratedRegex("ll$", RegexOptions.CultureInvariant)]
    private static partial Regex Re5_1();

    [GeneratedRegex("^" + C + "[aeiouy][^aeiouwxy]$", RegexOptions.CultureInvariant)]
    private static partial Regex Re3_5();

    // JavaScript's /$/ (no m flag) matches only at the very end; .NET's $ also matches before a final
    // "\n". Tokens never contain "\n" (it is a separator), so the patterns behave the same.
    public static string Stem(string w)
    {
        if (w.Length < 3) return w;

        var firstIsY = w[0] == 'y';
        if (firstIsY) w = "Y" + w[1..];

        // Step 1a
        Match m;
        if ((m = Re1a().Match(w)).Success) w = m.Groups[1].Value + m.Groups[2].Value;
        else if ((m = Re2_1a().Match(w)).Success) w = m.Groups[1].Value + m.Groups[2].Value;

        // Step 1b
        if ((m = Re1b().Match(w)).Success)
        {
            if (Mgr0().IsMatch(m.Groups[1].Value))
                w = w[..^1];
        }
        else if ((m = Re2_1b().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (SV().IsMatch(stem))
            {
                w = stem;
                if (Re2_1b_2().IsMatch(w)) w += "e";
                else if (Re3_1b_2().IsMatch(w)) w = w[..^1];
                else if (Re4_1b_2().IsMatch(w)) w += "e";
            }
        }

        // Step 1c
        if ((m = Re1c().Match(w)).Success) w = m.Groups[1].Value + "i";

        // Step 2
        if ((m = Re2().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (Mgr0().IsMatch(stem)) w = stem + Step2List[m.Groups[2].Value];
        }

        // Step 3
        if ((m = Re3().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (Mgr0().IsMatch(stem)) w = stem + Step3List[m.Groups[2].Value];
        }

        // Step 4
        if ((m = Re4().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (Mgr1().IsMatch(stem)) w = stem;
        }
        else if ((m = Re2_4().Match(w)).Success)
        {
            var stem = m.Groups[1].Value + m.Groups[2].Value;
            if (Mgr1().IsMatch(stem)) w = stem;
        }

        // Step 5
        if ((m = Re5().Match(w)).Success)
        {
            var stem = m.Groups[1].Value;
            if (Mgr1().IsMatch(stem) || (Meq1().IsMatch(stem) && !Re3_5().IsMatch(stem))) w = stem;
        }

        if (Re5_1().IsMatch(w) && Mgr1().IsMatch(w)) w = w[..^1];

        // Turn the initial Y back to y.
        if (firstIsY) w = "y" + w[1..];
        return w;
    }
}
