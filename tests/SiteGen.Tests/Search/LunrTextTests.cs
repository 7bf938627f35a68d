using System.Text.Json;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>The text pipeline against outputs dumped from lunr 2.3.9 (oracle/dump-fixtures.js); no node needed.</summary>
public sealed class LunrTextTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "search", name);

    private sealed record TokenizerCase(string Input, string[] Tokens);

    [Fact]
    public void Tokenizer_matches_lunr_on_every_fixture_case()
    {
        var cases = JsonSerializer.Deserialize<TokenizerCase[]>(File.ReadAllText(Fixture("tokenizer.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
        Assert.NotEmpty(cases);
        foreach (var c in cases)
            Assert.Equal(c.Tokens, LunrText.Tokenize(c.Input));
    }

    [Fact]
    public void Trimmer_stop_words_and_stemmer_match_lunr_on_every_seed_word()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixture("pipeline.json")));
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            rows++;
            var word = row[0].GetString()!;
            var trimmed = row[1].GetString()!;
            var isStop = row[2].GetBoolean();
            var stem = row[3].GetString()!;
            var actualTrim = LunrText.Trim(word.AsSpan()).ToString();
            var actualStop = LunrText.IsStopWord(actualTrim);
            var actualStem = PorterStemmer.Stem(actualTrim);
            if (actualTrim != trimmed || actualStop != isStop || actualStem != stem)
                mismatches.Add($"{word}: expected ({trimmed}, {isStop}, {stem}) got ({actualTrim}, {actualStop}, {actualStem})");
        }
        Assert.True(rows > 1000, "fixture too small");
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("agents", "agent")]
    [InlineData("modules", "modul")]
    [InlineData("generalizations", "gener")]
    [InlineData("yelling", "yell")]
    [InlineData("ab", "ab")]
    public void Stemmer_examples(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("(agent),", "agent")]
    [InlineData("café", "caf")]
    [InlineData("...", "")]
    [InlineData("_x_", "_x_")]
    public void Trimmer_strips_ascii_non_word_characters_only_at_the_ends(string token, string trimmed) =>
        Assert.Equal(trimmed, LunrText.Trim(token.AsSpan()).ToString());

    [Fact]
    public void Lower_casing_follows_javascript_for_dotted_capital_i_and_final_sigma() =>
        Assert.Equal(["i\u0307stanbul", "οδος", "σ"], LunrText.Tokenize("İstanbul ΟΔΟΣ Σ"));

    [Fact]
    public void Stop_word_list_is_lunrs()
    {
        Assert.Equal(119, LunrText.StopWords.Count);
        Assert.True(LunrText.IsStopWord("the"));
        Assert.False(LunrText.IsStopWord("constructor"));
    }
}
