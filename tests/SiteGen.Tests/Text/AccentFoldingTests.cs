using SiteGen.Merging;
using SiteGen.Text;

namespace SiteGen.Tests.Text;

/// <summary>Search, tag slugs and the catalog's duplicate keys fold accents through the one table search.js also uses.</summary>
public sealed class AccentFoldingTests
{
    [Fact]
    public void Duplicate_keys_fold_every_letter_of_the_table_as_search_does()
    {
        foreach (var (letter, folded) in AccentFolding.Entries)
            Assert.True(folded.ToLowerInvariant() == TextNormalizer.Normalize("x" + letter + "x")[1..^1], $"{letter} -> {folded}");
    }

    [Theory]
    [InlineData("Straße", "strasse")]
    [InlineData("Cafe\u0301 Crème", "cafe-creme")]
    [InlineData("Łódź Ørsted", "lodz-orsted")]
    [InlineData("Việt Nam", "viet-nam")]
    public void Slugs_fold_accents_with_the_search_table(string text, string slug) => Assert.Equal(slug, Slug.Of(text));
}
