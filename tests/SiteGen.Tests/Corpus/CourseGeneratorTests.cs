using System.Security.Cryptography;
using SiteGen.Corpus.Courses;
using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Corpus;

/// <summary>The synthetic course generator: same seed, same bytes; the course it writes builds; its truth adds up.</summary>
public class CourseGeneratorTests
{
    private static readonly CourseCorpusOptions Small = new() { Sessions = 12, ListingEntries = 300, EntriesPerListingFile = 120, Seed = 7 };

    private static string Digest(CourseCorpusOptions options) =>
        Convert.ToHexString(SHA256.HashData(CourseGenerator.Utf8.GetBytes(
            string.Join("\0", CourseGenerator.Files(options).Select(f => f.Path + "\0" + f.Text)))));

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        Assert.Equal(Digest(Small), Digest(Small));
        Assert.NotEqual(Digest(Small), Digest(Small with { Seed = 8 }));
    }

    [Fact]
    public void Written_files_match_the_generated_ones()
    {
        using var dir = new TempDir();
        CourseGenerator.Write(dir.Path, Small);
        foreach (var file in CourseGenerator.Files(Small))
            Assert.Equal(CourseGenerator.Utf8.GetBytes(file.Text), File.ReadAllBytes(dir.Combine(file.Path)));
    }

    [Fact]
    public void Truth_counts_add_up()
    {
        using var dir = new TempDir();
        var truth = CourseGenerator.Write(dir.Path, Small);
        Assert.Equal(12, truth.Sessions);
        Assert.InRange(truth.Readings, 12 * 3, 12 * 8);
        Assert.Equal(300, truth.ListingEntries);
        Assert.Equal(3, truth.ListingFiles);
        Assert.InRange(truth.Repeats, 1, 299);
        Assert.Equal(truth.Readings + truth.ListingEntries - truth.Repeats, truth.DistinctPapers);
        Assert.Equal(truth.ToJson(), File.ReadAllText(dir.Combine("truth.json")));
        Assert.Equal(12, Directory.GetFiles(dir.Combine("content", "sessions"), "*.md").Length);
        Assert.Equal(12, Directory.GetFiles(dir.Combine("content", "Lectures"), "*.pdf").Length);
    }

    [Fact]
    public void Generated_course_builds_without_errors_and_every_reading_and_entry_is_read()
    {
        using var dir = new TempDir();
        var truth = CourseGenerator.Write(dir.Path, Small);
        var result = Build.Run(dir.Combine("content"), dir.Combine("site"));
        var sessionProblems = result.Diagnostics.Where(d => d.Path.Contains("sessions/", StringComparison.Ordinal) || d.Path.Contains("listings/", StringComparison.Ordinal)).ToList();

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        Assert.Equal(0, result.Errors);
        Assert.Empty(sessionProblems.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString()));
        Assert.Equal(truth.Sessions, result.Sessions);
        Assert.Equal(truth.Readings, result.Readings);
        Assert.Equal(truth.ListingEntries, result.ListingRecords);
        Assert.True(File.Exists(dir.Combine("site", "sessions", Path.GetFileNameWithoutExtension(Directory.GetFiles(dir.Combine("content", "sessions"))[0]), "index.html")));
    }

    [Fact]
    public void Unique_names_never_repeat()
    {
        var names = Enumerable.Range(0, 20000).Select(CourseGenerator.UniqueName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(20000, names.Count);
    }
}
