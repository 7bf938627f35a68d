using System.Globalization;
using System.Text;
using System.Text.Json;
using SiteGen.Model;
using SiteGen.Tests.Listings;
using Xunit.Abstractions;

namespace SiteGen.Tests.Content.Readings;

/// <summary>
/// Every session file of two whole real course repositories (the session collection of Fixtures/courses/COURSE/repo, copied
/// unchanged from the shared corpus for the import tests too) against the reading lists made by hand from those files (Fixtures/readings/courses/COURSE/*.papers.json,
/// rules in each course's README.md). A found paper matches a listed one in the same file when the titles are equal after
/// trimming and, where the list gives an arXiv id, the ids are equal. Recall and precision must each be at least 99%.
/// </summary>
public class CourseReadingsGoldenListTests(ITestOutputHelper output)
{
    private const double Required = 0.99;

    public static TheoryData<string> Courses() => new(CourseFolders());

    private static IEnumerable<string> CourseFolders() =>
        Directory.EnumerateDirectories(Fixtures.PathOf("readings/courses")).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Courses))]
    public void Parser_finds_the_listed_papers_of_every_session(string course)
    {
        var score = Score(course);
        output.WriteLine(score.Report);
        Assert.True(score.Sessions > 0, $"No session files for {course}.");
        Assert.True(score.Recall >= Required && score.Precision >= Required, score.Report);
    }

    [Fact]
    public void Every_session_file_has_a_golden_list()
    {
        var missing = new List<string>();
        foreach (var course in CourseFolders())
            foreach (var session in SessionFiles(course))
                if (!File.Exists(GoldenPath(course, session))) missing.Add($"{course}/{Path.GetFileName(session)}");
        Assert.Empty(missing);
    }

    [Fact]
    public void A_listed_paper_that_is_not_found_is_a_miss_and_a_found_one_not_listed_is_an_extra()
    {
        var found = new[] { Found("A Real Paper", "2401.00001", 5), Found("Insights", null, 9) };
        var listed = new[] { new ListedPaper("A Real Paper ", null, "2401.00001", "Readings", 5), new ListedPaper("Lost Paper", null, null, "Readings", 7) };
        var (matched, misses, extras) = Match(listed, found);
        Assert.Equal(1, matched);
        Assert.Equal("Lost Paper", Assert.Single(misses).Title);
        Assert.Equal("Insights", Assert.Single(extras).Title);

        var wrongId = Match([new ListedPaper("A Real Paper", null, "2401.00002", "Readings", 5)], found);
        Assert.Equal(0, wrongId.Matched);
    }

    private static PaperRecord Found(string title, string? arxiv, int line) => new()
    {
        Source = new SourceRef("s.md", line, line, SourceKind.Session),
        Title = title,
        ArxivId = arxiv,
        Section = ReadingSection.Required,
        Session = "s",
    };

    public sealed record ListedPaper(string Title, string? Url, string? ArxivId, string? Section, int Line);

    private sealed record GoldenList(string File, IReadOnlyList<ListedPaper> Papers);

    private sealed record CourseScore(int Sessions, int Listed, int Found, int Matched, string Report)
    {
        public double Recall => Listed == 0 ? 1 : (double)Matched / Listed;
        public double Precision => Found == 0 ? 1 : (double)Matched / Found;
    }

    private static IEnumerable<string> SessionFiles(string course) =>
        Directory.EnumerateFiles(Fixtures.PathOf($"courses/{course}/repo/_contents"), "*.md").Order(StringComparer.Ordinal);

    private static string GoldenPath(string course, string session) =>
        Fixtures.PathOf($"readings/courses/{course}/{Path.GetFileNameWithoutExtension(session)}.papers.json");

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    private static CourseScore Score(string course)
    {
        int sessions = 0, listedCount = 0, foundCount = 0, matchedCount = 0;
        var lines = new StringBuilder();
        foreach (var session in SessionFiles(course))
        {
            var goldenPath = GoldenPath(course, session);
            if (!File.Exists(goldenPath)) continue;
            var golden = JsonSerializer.Deserialize<GoldenList>(File.ReadAllText(goldenPath), ReadOptions)!;
            var file = "_contents/" + Path.GetFileName(session);
            Assert.Equal(file, golden.File);
            var (records, _) = SessionFile.ParseReadings(File.ReadAllText(session), file);
            var (matched, misses, extras) = Match(golden.Papers, records);
            sessions++;
            listedCount += golden.Papers.Count;
            foundCount += records.Count;
            matchedCount += matched;
            foreach (var miss in misses) lines.AppendLine(CultureInfo.InvariantCulture, $"  miss  {file}:{miss.Line} \"{miss.Title}\" {miss.ArxivId}");
            foreach (var extra in extras) lines.AppendLine(CultureInfo.InvariantCulture, $"  extra {file}:{extra.Source.StartLine} \"{extra.Title}\" {extra.ArxivId}");
        }
        var partial = new CourseScore(sessions, listedCount, foundCount, matchedCount, "");
        var report = string.Create(CultureInfo.InvariantCulture,
            $"{course}: {sessions} sessions, {listedCount} listed, {foundCount} found, {matchedCount} matched; recall {partial.Recall:P1}, precision {partial.Precision:P1}\n{lines}");
        return partial with { Report = report };
    }

    /// <summary>Pairs each listed paper with the first unpaired found paper of the same trimmed title (and arXiv id, where listed).</summary>
    private static (int Matched, List<ListedPaper> Misses, List<PaperRecord> Extras) Match(IReadOnlyList<ListedPaper> listed, IReadOnlyList<PaperRecord> found)
    {
        var unpaired = found.ToList();
        var misses = new List<ListedPaper>();
        var matched = 0;
        foreach (var paper in listed)
        {
            var at = unpaired.FindIndex(r =>
                string.Equals(r.Title?.Trim(), paper.Title.Trim(), StringComparison.Ordinal)
                && (paper.ArxivId is null || string.Equals(r.ArxivId, paper.ArxivId, StringComparison.Ordinal)));
            if (at < 0) { misses.Add(paper); continue; }
            unpaired.RemoveAt(at);
            matched++;
        }
        return (matched, misses, unpaired);
    }
}
