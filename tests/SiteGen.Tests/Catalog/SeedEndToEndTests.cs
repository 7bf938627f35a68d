using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Catalog;

/// <summary>The real parsers on the seed course's files, then the resolver: the merges a careful reader finds by hand.</summary>
public sealed class SeedEndToEndTests(ITestOutputHelper output)
{
    internal static (IReadOnlyList<PaperRecord> Records, Model.Catalog Catalog, DiagnosticBag Diagnostics) Run()
    {
        var content = ContentSource.For(RepoPaths.Content);
        var diagnostics = new DiagnosticBag();
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = RepoPaths.Content }, diagnostics);
        var readings = ReadSessions.Run(content, config, diagnostics).SelectMany(s => s.Readings).ToList();
        var listings = ReadListings.Run(content, config, diagnostics).Records;
        IReadOnlyList<PaperRecord> records = [.. readings, .. listings];
        return (records, MergeDuplicates.Run(records, content, diagnostics), diagnostics);
    }

    private static Paper PaperWithTitle(Model.Catalog c, string title) => c.Papers.Single(p => p.Title == title);

    [Fact]
    public void Seed_course_records_merge_into_the_papers_a_reader_finds()
    {
        var (records, catalog, diagnostics) = Run();
        output.WriteLine($"{records.Count} records -> {catalog.Papers.Count} papers, {catalog.Review.Count} review items");
        Assert.DoesNotContain(diagnostics.Items, d => d.Code.StartsWith("SG3", StringComparison.Ordinal));
        // Every record is in exactly one paper.
        Assert.Equal(records.Count, catalog.Papers.Sum(p => p.Records.Count));
        Assert.All(records, r => Assert.True(catalog.PaperIdBySource.ContainsKey(r.Source)));

        // The foundation-agents survey: session reading (no link), arXiv listing (id, no title), Hugging Face (title).
        var foundation = catalog.Papers.Single(p => p.ArxivId == "2504.01990");
        Assert.Equal("2504.01990", foundation.Id);
        Assert.StartsWith("Advances and Challenges in Foundation Agents: From Brain-Inspired Intelligence to Evolutionary, Collaborative, and Safe Systems", foundation.Title, StringComparison.Ordinal);
        Assert.Equal(["arxiv-listing", "hf-listing", "session"], foundation.Records.Select(r => r.Source.KindName).Order(StringComparer.Ordinal));
        Assert.Equal(["W13.1-T3-smallLLM-agents"], foundation.Sessions);

        // Look-alike surveys stay apart; the autonomous-agents survey is in all three Hugging Face files.
        var optimization = PaperWithTitle(catalog, "A Survey on the Optimization of Large Language Model-based Agents");
        var autonomous = PaperWithTitle(catalog, "A Survey on Large Language Model based Autonomous Agents");
        Assert.Single(optimization.Records);
        Assert.Equal(3, autonomous.Records.Count);

        // Hugging Face copies of one paper merge across files (same normalised title and abstract, checked by hand).
        foreach (var title in new[]
        {
            "On the Design and Analysis of LLM-Based Algorithms",
            "ToolChain*: Efficient Action Space Navigation in Large Language Models with A* Search",
            "MLAgentBench: Evaluating Language Agents on Machine Learning Experimentation",
            "MALT: Improving Reasoning with Multi-Agent LLM Training",
        })
            Assert.True(PaperWithTitle(catalog, title).Records.Count >= 2, title);

        // By hand: 31 titles occur in two or three Hugging Face files (67 records), plus the foundation survey's 3 records.
        var groups = catalog.Papers.Where(p => p.Records.Count > 1).ToList();
        Assert.Equal(32, groups.Count);
        Assert.Equal(70, groups.Sum(p => p.Records.Count));
        // No paper mixes two different titles: every merge a reader would not make is absent.
        Assert.All(catalog.Papers, p => Assert.True(p.Records.Where(r => r.Title is not null)
            .Select(r => TextNormalizer.Squash(TextNormalizer.Normalize(r.Title))).Distinct().Count() <= 1, p.Title));
        Assert.Equal(records.Count - 38, catalog.Papers.Count);
    }

    [Fact]
    public void Seed_course_catalog_is_the_same_on_every_run()
    {
        var first = Run().Catalog;
        var second = Run().Catalog;
        Assert.Equal(CatalogText.PapersJson(first, "/"), CatalogText.PapersJson(second, "/"));
        Assert.Equal(CatalogText.DedupReportJson(first), CatalogText.DedupReportJson(second));
    }
}
