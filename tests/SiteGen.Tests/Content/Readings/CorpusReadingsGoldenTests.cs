using SiteGen.Tests.Listings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>
/// Every real session in Fixtures/readings/corpus (copied unchanged from the shared corpus, see SOURCES.txt) against a golden
/// list of its readings. Each golden file was checked against its session by reading it: titles, URLs, sections and line spans.
/// </summary>
public class CorpusReadingsGoldenTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Fixtures.PathOf("readings/corpus"), "*.md").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Readings_match_the_reviewed_golden_list(string fileName)
    {
        var text = File.ReadAllText(Fixtures.PathOf("readings/corpus/" + fileName));
        var (records, diagnostics) = SessionFile.ParseReadings(text, "sessions/" + fileName);

        // The diagnostics are part of the golden file: whatever the parser did not read as a paper is reported there.
        var golden = new
        {
            Readings = records.Select(ReadingView.Of).ToList(),
            Diagnostics = diagnostics.Items.Select(d => d.ToString()).ToList(),
        };
        GoldenFile.AssertMatches(golden, "readings/corpus/" + Path.GetFileNameWithoutExtension(fileName) + ".expected.json");
        Assert.All(records, r =>
        {
            Assert.Equal("sessions/" + fileName, r.Source.File);
            Assert.Equal(Path.GetFileNameWithoutExtension(fileName), r.Session);
        });
    }

    [Fact]
    public void Corpus_folder_holds_all_22_real_sessions() =>
        Assert.Equal(22, Directory.EnumerateFiles(Fixtures.PathOf("readings/corpus"), "*.md").Count());
}
