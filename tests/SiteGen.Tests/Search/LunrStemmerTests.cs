using System.Text;
using System.Text.Json;
using SiteGen.Search;
using SiteGen.Text;

namespace SiteGen.Tests.Search;

/// <summary>The stemmer against the line-by-line regular-expression port of stemmer.js, over many words.</summary>
public sealed class LunrStemmerTests
{
    private static void AssertSameStems(IEnumerable<string> words)
    {
        var mismatches = words.Where(w => PorterStemmer.Stem(w) != LunrRegexStemmer.Stem(w))
            .Take(20).Select(w => $"{w}: {PorterStemmer.Stem(w)} vs {LunrRegexStemmer.Stem(w)}").ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void Every_fixture_and_seed_course_word_stems_as_the_regex_port_stems_it()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", "pipeline.json")));
        var words = doc.RootElement.EnumerateArray().SelectMany(row => new[] { row[0].GetString()!, row[1].GetString()! }).ToHashSet(StringComparer.Ordinal);
        foreach (var d in SeedDocuments.Load())
            foreach (var text in new[] { d.Title, d.Authors, d.Tags, d.Body })
                foreach (var token in LunrText.Tokenize(AccentFolding.Fold(text)))
                    words.Add(LunrText.Trim(token.AsSpan()).ToString());
        Assert.True(words.Count > 5000, $"only {words.Count} words");
        AssertSameStems(words);
    }

    [Fact]
    public void Every_word_over_a_small_alphabet_stems_as_the_regex_port_stems_it()
    {
        // Vowels, y (a vowel or not by position), consonants the rules name, and one they do not: up to 6 letters.
        const string Alphabet = "aeiyYsl";
        var words = new List<string> { "" };
        for (var length = 1; length <= 6; length++)
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => Alphabet.Select(c => w + c)).ToList());
        AssertSameStems(words);
    }

    [Fact]
    public void Random_words_built_from_the_rules_suffixes_stem_as_the_regex_port_stems_them()
    {
        // Pieces of the suffixes every step looks for, stacked at random, so several steps fire on one word.
        string[] pieces =
        [
            "a", "e", "i", "o", "u", "y", "b", "c", "d", "l", "n", "r", "s", "t", "w", "x", "z", "1", "_",
            "sses", "ies", "ss", "s", "eed", "ed", "ing", "at", "bl", "iz", "ll", "y",
            "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator",
            "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative", "alize", "iciti",
            "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize", "sion", "tion", "ion", "e",
        ];
        var random = new Random(11);
        var words = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            sb.Clear();
            var count = random.Next(1, 6);
            for (var p = 0; p < count; p++) sb.Append(pieces[random.Next(pieces.Length)]);
            words.Add(sb.ToString());
        }
        AssertSameStems(words);
    }
}
