using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Tests.Listings;

/// <summary>
/// The four seed listings (copies of content/listings/) parse into exactly the entries a reader counts,
/// and every field matches the reviewed golden JSON beside them.
/// </summary>
public class SeedListingGoldenTests
{
    private static (IReadOnlyList<PaperRecord> Records, string Format, DiagnosticBag Diagnostics) Read(string name)
    {
        var diagnostics = new DiagnosticBag();
        var bytes = File.ReadAllBytes(Fixtures.PathOf("listings/seeds/" + name));
        var (records, format) = ReadListings.ReadFile(bytes, "listings/" + name, "content/listings/" + name, SiteConfig.Default, diagnostics);
        return (records, format, diagnostics);
    }

    [Theory]
    // Counted by hand: `grep -o 'arXiv:[0-9.]*' | wc -l` gives 10 ids; each id closes the abstract before it.
    [InlineData("arxiv-agents-listing.txt", "arxiv", 10)]
    // Counted: 46 metadata blocks (`grep -c '^·$'`) plus "Agent0" (line 157), whose abstract has no metadata after it.
    // Cross-checked with awk: non-blank lines after the header whose line+2 is an abstract (>= 300 chars) = 47.
    [InlineData("hf-daily-papers-agents-with-metadata.txt", "hf", 47)]
    // Counted: 182 non-blank lines after the 5 header lines, strictly alternating title / abstract (awk) = 91 entries.
    [InlineData("hf-papers-agents-1.txt", "hf-plain", 91)]
    // Counted the same way: 210 non-blank lines after the header = 105 entries.
    [InlineData("hf-papers-agents-2.txt", "hf-plain", 105)]
    public void Seed_listing_parses_into_the_counted_entries(string name, string expectedFormat, int expectedCount)
    {
        var (records, format, diagnostics) = Read(name);

        Assert.Equal(expectedFormat, format);
        Assert.Equal(expectedCount, records.Count);
        GoldenFile.AssertMatches(ListingFileView.Of("listings/" + name, format, records), "listings/seeds/" + Path.GetFileNameWithoutExtension(name) + ".expected.json");
        // Only the HF entry without metadata is worth no warning; nothing else in the seeds is irregular.
        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Arxiv_listing_ids_follow_their_abstract_and_the_next_abstract_starts_after_the_id()
    {
        var (records, _, _) = Read("arxiv-agents-listing.txt");

        var first = records[0];
        Assert.Equal("2507.12507", first.ArxivId);
        Assert.StartsWith("Recent advancements in reasoning-focused language models", first.Abstract);
        Assert.Equal("14 pages, 7 figures", first.Comments);
        Assert.Equal((1, 3), (first.Source.StartLine, first.Source.EndLine));
        Assert.Equal(SourceKind.ArxivListing, first.Source.Kind);

        var second = records[1];
        Assert.Equal("2506.22716", second.ArxivId);
        Assert.StartsWith("Large language models (LLMs) are powerful tools", second.Abstract);
        Assert.Equal("Accepted to ICML 2025 (main conference)", second.Comments);
        Assert.Equal(3, second.Source.StartLine);

        var last = records[^1];
        Assert.Equal("2402.11359", last.ArxivId);
        Assert.Equal("24 pages, 10 figures", last.Comments);
        Assert.All(records, r => Assert.Null(r.Title));
    }

    [Fact]
    public void Hf_listing_with_metadata_reads_counts_submitters_dates_upvotes_and_keeps_the_entry_without_metadata()
    {
        var (records, _, _) = Read("hf-daily-papers-agents-with-metadata.txt");

        var blade = records[0];
        Assert.Equal("BLADE: Benchmarking Language Model Agents for Data-Driven Science", blade.Title);
        Assert.Equal(16, blade.AuthorCount);
        Assert.Equal(new DateOnly(2024, 8, 18), blade.Published);
        Assert.Null(blade.Upvotes);
        Assert.Equal((13, 19), (blade.Source.StartLine, blade.Source.EndLine));

        var scaling = records.Single(r => r.Title == "Towards a Science of Scaling Agent Systems");
        Assert.Equal(3, scaling.Upvotes);
        Assert.Equal(new DateOnly(2025, 12, 9), scaling.Published);

        var agent0 = records.Single(r => r.Title!.StartsWith("Agent0:", StringComparison.Ordinal));
        Assert.Null(agent0.Published);
        Assert.Null(agent0.AuthorCount);
        Assert.NotNull(agent0.Abstract);
        Assert.Equal((157, 159), (agent0.Source.StartLine, agent0.Source.EndLine));

        var latent = records.Single(r => r.Title == "Latent Collaboration in Multi-Agent Systems");
        Assert.Equal("Gen-Verse Princeton-AI", latent.Submitter);
        Assert.Null(latent.AuthorCount);
        Assert.Equal(13, latent.Upvotes);
        Assert.Equal("Dracodes Dracodes", records.Single(r => r.Title!.StartsWith("LLM-Agent-UMF", StringComparison.Ordinal)).Submitter);
    }

    [Fact]
    public void Hf_plain_listing_skips_the_header_and_pairs_titles_with_abstracts()
    {
        var (records, _, _) = Read("hf-papers-agents-1.txt");

        Assert.Equal("MALT: Improving Reasoning with Multi-Agent LLM Training", records[0].Title);
        Assert.Equal(11, records[0].Source.StartLine);
        Assert.StartsWith("Enabling effective collaboration among LLMs", records[0].Abstract);
        Assert.All(records, r =>
        {
            Assert.NotNull(r.Title);
            Assert.NotNull(r.Abstract);
            Assert.Equal(SourceKind.HfListing, r.Source.Kind);
            Assert.Equal(r.Source.StartLine + 2, r.Source.EndLine);
        });
    }
}
