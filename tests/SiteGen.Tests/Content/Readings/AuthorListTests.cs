using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Content.Readings;
using SiteGen.Text;
using SiteGen.Tests.Listings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>
/// ReadingText.ParseAuthors stops early on lines that cannot be author lists and searches long parts for affiliation
/// words; it must read every line as the plain rule below does (each part counted, every word of it looked at).
/// </summary>
public class AuthorListTests
{
    [Fact]
    public void Every_corpus_line_is_read_as_the_plain_rule_reads_it()
    {
        var lines = Directory.EnumerateFiles(Fixtures.PathOf("readings"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Select(line => line.Trim().TrimStart('+', '-', '*').Trim())
            .Where(line => line.Length > 0)
            .ToList();
        Assert.True(lines.Count > 500);
        foreach (var line in lines) AssertSameAsRule(line);
    }

    [Fact]
    public void Random_lines_of_names_prose_and_affiliations_are_read_as_the_plain_rule_reads_them()
    {
        string[] pieces =
        [
            "Tri Dao", "Xinzhe Li", "Sébastien Müller", "de la Cruz", "Ludwig van Beethoven", "J. Smith", "et al.", "Swanson1", "Pak2,4",
            "Smith*", "University", "Institute", "Laboratories", "Laboratory", "Inc.", "Seoul National University", "results.", "we show",
            "that", "models", "and", "And", "Reasoning", "GPT4", "the", "of", "Large Language Models", "(3 additional authors not shown)",
            "a@b.org", "View ORCID Profile", "University-wide", "XUniversity", "Universities", "Centre", "School",
        ];
        string[] glue = [" ", " ", " ", ", ", "; ", " and ", " • ", "  ", "\t", " · ", ",", " ∙ ", " & ", "&"];
        var random = new Random(11);
        for (var n = 0; n < 20000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, n % 50 == 0 ? 120 : 14);
            for (var i = 0; i < count; i++)
            {
                if (i > 0) builder.Append(glue[random.Next(glue.Length)]);
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
            AssertSameAsRule(builder.ToString());
        }
    }

    private static void AssertSameAsRule(string line)
    {
        var expected = Rule(line);
        var actual = ReadingText.ParseAuthors(line);
        Assert.True(expected is null == actual is null, $"'{line}': expected {(expected is null ? "no author list" : "an author list")}");
        if (expected is null || actual is null) return;
        Assert.Equal(expected.Value.Names, actual.Names);
        Assert.Equal(expected.Value.Additional, actual.AdditionalNotShown);
    }

    // ---- the rule, written plainly ----

    private static readonly Regex AdditionalAuthors = new(@"\((\d{1,5}) additional authors? not shown\)", RegexOptions.IgnoreCase);
    private static readonly Regex Email = new(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,255}\.[A-Za-z]{2,24}");
    private static readonly Regex AffiliationMarks = new(@"(?<=\p{L})(?:\d{1,2}(?:,\d{1,2}(?=[,\s]|$))*|[*†‡§]+)");
    private static readonly string[] AffiliationWords = ["University", "Institute", "Laboratory", "Laboratories", "College", "School", "Center", "Centre", "Inc.", "Corporation", "Academy"];
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "bin", "al", "el", "y", "ten", "ter",
    };

    private static (List<string> Names, int? Additional)? Rule(string text)
    {
        if (text.Length > 4000 || text.Contains(':') || text.Contains('“') || text.Contains("http", StringComparison.OrdinalIgnoreCase)) return null;
        int? additional = null;
        var extra = AdditionalAuthors.Match(text);
        if (extra.Success)
        {
            additional = int.Parse(extra.Groups[1].Value, CultureInfo.InvariantCulture);
            text = text.Remove(extra.Index, extra.Length);
        }
        text = Email.Replace(text, ",");
        text = text.Replace("View ORCID Profile", ",", StringComparison.OrdinalIgnoreCase);
        text = AffiliationMarks.Replace(text, "");
        var parts = new List<string>();
        var nameLike = 0;
        var firstWords = 0;
        foreach (var chunk in text.Split([',', ';', '∙', '·', '•', '&']))
        {
            var remaining = chunk.Trim();
            while (remaining.Length > 0)
            {
                var and = remaining.IndexOf(" and ", StringComparison.Ordinal);
                var name = (and < 0 ? remaining : remaining[..and]).Trim();
                if (name.StartsWith("and ", StringComparison.Ordinal)) name = name[4..];
                var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0 && !words.Any(w => AffiliationWords.Contains(w, StringComparer.Ordinal)))
                {
                    parts.Add(TextClean.CollapseWhitespace(name));
                    if (IsNameLike(words)) nameLike++;
                    if (parts.Count == 1) firstWords = words.Length;
                }
                if (and < 0) break;
                remaining = remaining[(and + " and ".Length)..];
            }
        }
        if (parts.Count == 0) return additional is null ? null : ([], additional);
        if (parts.Count == 1)
        {
            if (nameLike != 1 || (firstWords < 2 && additional is null) || firstWords > 4) return null;
        }
        else if (nameLike * 10 < parts.Count * 8) return null;
        return (parts, additional);
    }

    private static bool IsNameLike(string[] words)
    {
        if (words.Length is 0 or > 6) return false;
        foreach (var word in words)
        {
            if (NameParticles.Contains(word)) continue;
            var first = word.TrimStart('(', '\'', '"');
            if (first.Length == 0 || !char.IsUpper(first[0])) return false;
            if (word[^1] == '.' && word.Length > 3 && !word.Contains('-')) return false;
            if (word.Any(char.IsDigit)) return false;
        }
        return true;
    }
}
