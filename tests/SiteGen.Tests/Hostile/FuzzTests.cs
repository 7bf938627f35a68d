using SiteGen.Corpus.Courses;
using SiteGen.Corpus.Fuzz;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// 1,250 session and listing files, most of them mutated (truncated, byte-flipped, nested thousands deep, random Unicode,
/// control characters, markup, re-encoded) through check and build: no exception, no hang, every diagnostic one
/// clickable line with a hint, no session dropped in silence, listing text escaped, feeds well-formed, output
/// deterministic. 25 courses keep it well inside a minute on a loaded machine (40 took 40 s); the longer run is `fuzz`
/// in bench/SiteGen.Benchmarks (BENCHMARKS.md).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Real files mutated beside the generated ones: the seed arXiv listing and the smaller real sessions.</summary>
    internal static IReadOnlyList<CourseFile> RealFiles() =>
    [
        new("listings/arxiv-agents-listing.txt", File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "listings", "seeds", "arxiv-agents-listing.txt"))),
        .. Directory.GetFiles(RepoPaths.CorpusSessions, "*.md").Order(StringComparer.Ordinal).Where(f => new FileInfo(f).Length < 12_000).Take(8)
            .Select(f => new CourseFile("sessions/" + Path.GetFileName(f), File.ReadAllText(f))),
    ];

    [Fact]
    public void Over_a_thousand_session_and_listing_files_through_check_and_build_break_no_rule()
    {
        var report = FuzzRun.Run(new FuzzOptions { Courses = 25, RealFiles = RealFiles() }, _dir.Path);
        output.WriteLine(report.ToString());

        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(20)));
        Assert.Equal(1_250, report.SessionFiles + report.ListingFiles);
        Assert.InRange(report.MutatedFiles, 750, 1_000);
        Assert.Equal(25, report.Checks);
        // The output rules are tested only on sites that were written (most must be), escaping only where listing text is shown.
        Assert.InRange(report.SitesWritten, 18, 25);
        Assert.True(report.EscapedMarkerFiles >= 12, report.ToString());
        Assert.All(report.Mutations.Values, count => Assert.True(count >= 35, report.ToString()));
    }
}
