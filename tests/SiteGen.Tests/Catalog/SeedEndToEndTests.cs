using SiteGen.Catalog;
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

    [Fact]
    public void Dump()
    {
        var (records, catalog, _) = Run();
        output.WriteLine($"{records.Count} records -> {catalog.Papers.Count} papers, {catalog.Review.Count} review items");
        foreach (var p in catalog.Papers.Where(p => p.Records.Count > 1))
            output.WriteLine($"{p.Id} [{p.Records.Count}] {p.Title} :: " + string.Join(", ", p.Records.Select(r => $"{r.Source.File}:{r.Source.StartLine}")));
        foreach (var r in catalog.Review)
            output.WriteLine($"REVIEW {r.Kind} {r.Score} {r.PaperA} {r.PaperB}: {string.Join("; ", r.Reasons)}");
    }
}
