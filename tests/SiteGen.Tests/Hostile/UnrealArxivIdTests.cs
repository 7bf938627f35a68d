using System.Text.Json;
using SiteGen.Tests.Support;
using SiteGen.Text;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// An arXiv id with an id's shape that arXiv never gave (<c>9999.99999v999</c>, <c>0000.00000</c>) keys no paper: it
/// was dropped in silence; now it is a warning naming the line, and the reading or entry is kept without an id.
/// </summary>
public sealed class UnrealArxivIdTests : IDisposable
{
    private const string ReadingHint = " Hint: Copy the id from the paper's arxiv.org page: YYMM.NNNNN, e.g. 2406.05804 (YYMM.NNNN before 2015).";
    private const string ListingHint = " Hint: Copy the entry again from its arXiv listing page; ids look like arXiv:2406.05804 (YYMM.NNNN before 2015).";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Readings_and_listing_entries_with_ids_arXiv_never_gave_are_warnings_and_are_kept()
    {
        var content = MiniCourse.Write(_dir.Path);
        File.WriteAllText(Path.Combine(content, "sessions", "S02.md"), MiniCourse.Session("Readings", """
            ## Required Readings:

            #### A paper from the far future
            + https://arxiv.org/abs/9999.99999v999

            #### A paper from year zero
            + [arXiv](https://arxiv.org/pdf/0000.00000)

            #### A real paper
            + https://arxiv.org/abs/2406.05804v2
            """));
        Directory.CreateDirectory(Path.Combine(content, "listings"));
        File.WriteAllText(Path.Combine(content, "listings", "arxiv.txt"),
            "An abstract about the first paper, long enough to be read as one.\narXiv:9999.99999v999\n"
            + "An abstract about the second paper, long enough to be read as one.\narXiv:0000.00000\n"
            + "An abstract about a four-digit id after 2014, long enough to be read as one.\narXiv:1501.1234\n"
            + "An abstract about a real paper, long enough to be read as one.\narXiv:2406.05804v1\n");

        var build = MiniCourse.Build(content, _dir.Combine("site"));

        Assert.True(build.Succeeded, string.Join("\n", MiniCourse.Lines(build)));
        Assert.Equal(
            [
                "content/listings/arxiv.txt(2,1): warning SG2104: arXiv:9999.99999 is not an id arXiv gave: its month, 99, is not 01-12; the entry is kept without an arXiv id." + ListingHint,
                "content/listings/arxiv.txt(4,1): warning SG2104: arXiv:0000.00000 is not an id arXiv gave: its month, 00, is not 01-12; the entry is kept without an arXiv id." + ListingHint,
                "content/listings/arxiv.txt(6,1): warning SG2104: arXiv:1501.1234 is not an id arXiv gave: ids with four digits after the dot run from 0704 to 1412, and 1501 is outside that; the entry is kept without an arXiv id." + ListingHint,
                "content/sessions/S02.md(7,1): warning SG2104: The reading's arXiv id 9999.99999 is not one arXiv gave: its month, 99, is not 01-12; the reading is kept without an arXiv id." + ReadingHint,
                "content/sessions/S02.md(10,1): warning SG2104: The reading's arXiv id 0000.00000 is not one arXiv gave: its month, 00, is not 01-12; the reading is kept without an arXiv id." + ReadingHint,
            ],
            MiniCourse.Lines(build));
        Assert.Equal(3, build.Readings);
        Assert.Equal(4, build.ListingRecords);

        // Every reading and entry is in the catalog; only the real one has an id (the two sightings of it merged).
        using var papers = JsonDocument.Parse(File.ReadAllBytes(_dir.Combine("site", "papers.json")));
        var list = papers.RootElement.ValueKind == JsonValueKind.Array ? papers.RootElement : papers.RootElement.GetProperty("papers");
        var ids = list.EnumerateArray().Select(p => p.TryGetProperty("arxivId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null).ToList();
        Assert.Equal(["2406.05804"], ids.OfType<string>());
        Assert.Equal(6, ids.Count);
    }

    [Fact]
    public void An_id_is_said_to_be_unreal_exactly_when_the_catalog_cannot_key_by_it()
    {
        // Years 00-29 and months 00-13: the edges of both rules are hit often.
        var random = new Random(20261207);
        var said = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = random.Next(3) switch
            {
                0 => $"{random.Next(30):D2}{random.Next(14):D2}.{random.Next(100_000):D5}",
                1 => $"{random.Next(30):D2}{random.Next(14):D2}.{random.Next(10_000):D4}",
                _ => $"{(random.Next(2) == 0 ? "cs" : "math.GT")}/{random.Next(100):D2}{random.Next(14):D2}{random.Next(1000):D3}",
            };
            Assert.True(ArxivIdentifiers.TryRead(text, 0, out var id) == text.Length, text);
            var why = ArxivIdentifiers.WhyNotReal(id);
            Assert.True((why is null) == (ArxivIdentifiers.ParseBare(text) is not null), text);
            if (why is null) continue;
            said++;
            Assert.DoesNotContain("never gave an id of that form", why, StringComparison.Ordinal);
        }
        Assert.InRange(said, 2_000, 18_000);
    }
}
