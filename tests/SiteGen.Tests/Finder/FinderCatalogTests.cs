using System.Text.Json;
using SiteGen.Finder;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Finder;

/// <summary>
/// Differential: the catalog read with what an earlier read of the course kept (listing records by file fingerprint,
/// resolver features by record) is the catalog a clean read gives, through edits, additions and deletions of listing
/// and session files; and only the changed listing files are parsed again.
/// </summary>
public sealed class FinderCatalogTests : IDisposable
{
    private readonly FinderCourse _course = new();
    private readonly CourseReadCache _cache = new();

    public void Dispose() => _course.Dispose();

    private const string Session14 = "---\ntitle: Tools\n---\n\n## Required Readings:\n\n#### EcoAct: Economic Agent Determines When to Register What Action\n+ [https://arxiv.org/abs/2411.01643](https://arxiv.org/abs/2411.01643)\n";

    [Fact]
    public void Reading_again_with_the_cache_gives_the_clean_catalog_after_every_kind_of_change()
    {
        var first = ReadBoth();
        Assert.Equal((4, 0), (first.ListingFilesParsed, first.ListingFilesReused));
        Assert.True(first.Papers.Count > 200);

        var unchanged = ReadBoth();
        Assert.Equal((0, 4), (unchanged.ListingFilesParsed, unchanged.ListingFilesReused));

        // An edited listing, a new one holding a copy of a paper from another listing (merged across files), a new session.
        var listing = _course.File("listings/hf-papers-agents-1.txt");
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("DataEnvGym: Data Generation Agents", "DataEnvGym: Data Generation Penguins", StringComparison.Ordinal));
        var malt = File.ReadAllText(listing).Split("\n\n").First(p => p.StartsWith("MALT:", StringComparison.Ordinal));
        var maltAbstract = File.ReadAllText(listing).Split("\n\n").SkipWhile(p => p != malt).ElementAt(1);
        File.WriteAllText(_course.File("listings/hf-copy.txt"), malt + "\n\n" + maltAbstract + "\n\n  • 3 authors\n·\nDec 12, 2025\n");
        File.WriteAllText(_course.File("sessions/W14.md"), Session14);
        var added = ReadBoth();
        Assert.Equal((2, 3), (added.ListingFilesParsed, added.ListingFilesReused));
        Assert.Contains(added.Papers, p => p.Title == "DataEnvGym: Data Generation Penguins in Teacher Environments with Student Feedback");
        Assert.Contains(added.Papers, p => p.Records.Any(r => r.Source.File == "listings/hf-copy.txt") && p.Records.Any(r => r.Source.File == "listings/hf-papers-agents-1.txt"));
        Assert.Equal(first.Papers.Count, added.Papers.Count);

        // A deleted listing, an edited session, a binary listing (its warning reused), a listing that is empty.
        File.Delete(_course.File("listings/hf-papers-agents-2.txt"));
        File.WriteAllText(_course.File("sessions/W14.md"), Session14.Replace("title: Tools", "title: Tool use", StringComparison.Ordinal));
        File.WriteAllBytes(_course.File("listings/binary.txt"), [0, 1, 2, 0, 0, 3, 255, 0]);
        File.WriteAllText(_course.File("listings/empty.txt"), "\n");
        var deleted = ReadBoth();
        Assert.Equal((2, 4), (deleted.ListingFilesParsed, deleted.ListingFilesReused));
        Assert.True(deleted.Papers.Count < added.Papers.Count);
        var unchangedAgain = ReadBoth();
        Assert.Equal((0, 6), (unchangedAgain.ListingFilesParsed, unchangedAgain.ListingFilesReused));
        Assert.Contains(unchangedAgain.Diagnostics, d => d.Path.EndsWith("binary.txt", StringComparison.Ordinal));
        Assert.Contains(unchangedAgain.Diagnostics, d => d.Path.EndsWith("empty.txt", StringComparison.Ordinal));

        // An edit that keeps the file's size: its time of last write tells.
        var copy = _course.File("listings/hf-copy.txt");
        File.WriteAllText(copy, File.ReadAllText(copy).Replace("MALT", "SALT", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(copy).AddSeconds(2));
        var sameSize = ReadBoth();
        Assert.Equal((1, 5), (sameSize.ListingFilesParsed, sameSize.ListingFilesReused));
        Assert.Contains(sameSize.Papers, p => p.Records.Any(r => r.Source.File == "listings/hf-copy.txt" && r.Title?.StartsWith("SALT:", StringComparison.Ordinal) == true));

        // A deleted session, and a listing whose format site.yml now forces (the same bytes, read another way).
        File.Delete(_course.File("sessions/W14.md"));
        File.AppendAllText(_course.File("site.yml"), "\nlisting_formats:\n  hf-copy.txt: hf-plain\n");
        var forced = ReadBoth();
        Assert.Equal((1, 5), (forced.ListingFilesParsed, forced.ListingFilesReused));
    }

    [Fact]
    public void A_course_without_listings_any_more_reads_as_one_that_never_had_them()
    {
        ReadBoth();
        System.IO.Directory.Delete(_course.File("listings"), recursive: true);
        var gone = ReadBoth();
        Assert.Equal(0, gone.ListingFilesReused);
        Assert.All(gone.Papers, p => Assert.NotEmpty(p.Sessions));
    }

    /// <summary>Reads with the cache and without, asserts both give the same catalog, diagnostics and sessions, and returns the cached read.</summary>
    private FinderInput ReadBoth()
    {
        var content = ContentSource.For(_course.Content);
        var cached = FinderCatalog.Read(content, _cache);
        var clean = FinderCatalog.Read(content);
        Assert.Equal(Dump(clean), Dump(cached));
        return cached;
    }

    /// <summary>Everything the read hands on, as text: every paper with its records and provenance, the review, which record went where, the diagnostics.</summary>
    private static string Dump(FinderInput input)
    {
        static string Sorted(IReadOnlyDictionary<SourceRef, string> map) =>
            string.Join("\n", map.Select(kv => $"{kv.Key.File}:{kv.Key.StartLine}-{kv.Key.EndLine}:{kv.Key.Kind}={kv.Value}").Order(StringComparer.Ordinal));
        var options = new JsonSerializerOptions { WriteIndented = true };
        return string.Join("\n----\n",
            JsonSerializer.Serialize(input.Papers, options),
            JsonSerializer.Serialize(input.Catalog.Review, options),
            Sorted(input.Catalog.PaperIdBySource),
            Sorted(input.Catalog.RecordKeyBySource),
            JsonSerializer.Serialize(input.Diagnostics, options),
            JsonSerializer.Serialize(input.Sessions, options));
    }
}
