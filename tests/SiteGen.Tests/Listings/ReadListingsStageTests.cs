using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Tests.Listings;

/// <summary>The stage over a content folder on disk: file order, provenance paths, one summary per file.</summary>
public sealed class ReadListingsStageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sitegen-listings-" + Guid.NewGuid().ToString("N"));

    public ReadListingsStageTests() => Directory.CreateDirectory(Path.Combine(_root, "content", "listings"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_root, "content", "listings", name), bytes);

    [Fact]
    public void Reads_every_file_in_ordinal_order_with_paths_relative_to_the_content_folder()
    {
        foreach (var name in (string[])["hf-papers-agents-1.txt", "arxiv-agents-listing.txt", "hf-daily-papers-agents-with-metadata.txt"])
            Write(name, File.ReadAllBytes(Fixtures.PathOf("listings/seeds/" + name)));
        Write("Zebra.txt", [0x00, 0x01, 0x02]);
        Write("empty.txt", []);
        Write(".gitkeep", []);
        var diagnostics = new DiagnosticBag();

        var result = ReadListings.Run(ContentSource.For(Path.Combine(_root, "content")), SiteConfig.Default, diagnostics);

        // Ordinal: upper case sorts before lower case.
        Assert.Equal(
            [
                new ListingSummary("listings/Zebra.txt", "binary", 0),
                new ListingSummary("listings/arxiv-agents-listing.txt", "arxiv", 10),
                new ListingSummary("listings/empty.txt", "empty", 0),
                new ListingSummary("listings/hf-daily-papers-agents-with-metadata.txt", "hf", 47),
                new ListingSummary("listings/hf-papers-agents-1.txt", "hf-plain", 91),
            ],
            result.Summaries);
        Assert.Equal(148, result.Records.Count);
        Assert.Equal("listings/arxiv-agents-listing.txt", result.Records[0].Source.File);
        Assert.Equal("listings/hf-papers-agents-1.txt", result.Records[^1].Source.File);
        Assert.Equal(
            [("content/listings/Zebra.txt", DiagnosticCodes.ListingBinary), ("content/listings/empty.txt", DiagnosticCodes.ListingEmpty)],
            diagnostics.Items.Select(d => (d.Path, d.Code)));
    }

    [Fact]
    public void No_listings_folder_means_no_records()
    {
        Directory.Delete(Path.Combine(_root, "content", "listings"));

        var result = ReadListings.Run(ContentSource.For(Path.Combine(_root, "content")), SiteConfig.Default, new DiagnosticBag());

        Assert.Empty(result.Records);
        Assert.Empty(result.Summaries);
    }
}
