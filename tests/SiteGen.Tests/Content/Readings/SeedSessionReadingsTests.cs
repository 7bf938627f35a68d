using SiteGen.Model;
using SiteGen.Tests.Listings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>The seed session (content/sessions/W13.1-T3-smallLLM-agents.md): eight readings, three required and five further.</summary>
public class SeedSessionReadingsTests
{
    private const string FileName = "W13.1-T3-smallLLM-agents.md";

    private static IReadOnlyList<PaperRecord> Read()
    {
        var text = File.ReadAllText(Fixtures.PathOf("readings/seed/" + FileName));
        var (records, diagnostics) = SessionFile.ParseReadings(text, "sessions/" + FileName);
        Assert.Empty(diagnostics.Items);
        return records;
    }

    [Fact]
    public void Finds_the_eight_readings_with_sections_and_line_spans()
    {
        var records = Read();

        Assert.Equal(
        [
            "Advances and Challenges in Foundation Agents: From Brain-Inspired Intelligence to Evolutionary, Collaborative, and Safe Systems",
            "A Review of Prominent Paradigms for LLM-Based Agents: Tool Use (Including RAG), Planning, and Feedback Learning",
            "rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking",
            "Agent Laboratory: Using LLM Agents as Research Assistants",
            "Phi-4 Technical Report",
            "Smaller, Weaker, Yet Better: Training LLM Reasoners via Compute-Optimal Sampling",
            "Synthetica: Large Scale Synthetic Data for Robot Perception",
            "Small Language Models (SLMs) Can Still Pack a Punch: A survey",
        ], records.Select(r => r.Title));
        Assert.Equal([ReadingSection.Required, ReadingSection.Required, ReadingSection.Required,
            ReadingSection.Further, ReadingSection.Further, ReadingSection.Further, ReadingSection.Further, ReadingSection.Further],
            records.Select(r => r.Section));
        // Line numbers are the file's: the first reading's heading is line 22, its abstract line 25.
        Assert.Equal((22, 25), (records[0].Source.StartLine, records[0].Source.EndLine));
        Assert.All(records, r =>
        {
            Assert.Equal("sessions/" + FileName, r.Source.File);
            Assert.Equal(SourceKind.Session, r.Source.Kind);
            Assert.Equal("W13.1-T3-smallLLM-agents", r.Session);
            Assert.NotNull(r.Abstract);
        });
        GoldenFile.AssertMatches(records.Select(ReadingView.Of).ToList(), "readings/seed/W13.1-T3-smallLLM-agents.expected.json");
    }

    [Fact]
    public void Reads_urls_ids_versions_dates_authors_and_comments()
    {
        var records = Read();

        var review = records[1];
        Assert.Equal("https://arxiv.org/abs/2406.05804", review.Url);
        Assert.Equal("2406.05804", review.ArxivId);
        Assert.Equal(6, review.ArxivVersion);
        Assert.Equal(new DateOnly(2024, 6, 9), review.Submitted);
        Assert.Equal(new DateOnly(2024, 11, 30), review.Revised);
        Assert.Equal(["Xinzhe Li"], review.Authors); // written on the date line after ']'
        Assert.Equal("CoLing 2025 Camera Ready (extended to 9 pages)", review.Comments);
        Assert.EndsWith("in our GitHub repository this https URL.", review.Abstract);

        var phi4 = records[4];
        Assert.Equal("2412.08905", phi4.ArxivId);
        Assert.Null(phi4.Submitted);
        Assert.Equal(27, phi4.Authors.Count);
        Assert.Contains("Sébastien Bubeck", phi4.Authors);

        var smaller = records[5];
        Assert.Equal("2408.16737", smaller.ArxivId);
        Assert.Equal(2, smaller.ArxivVersion);
        Assert.Equal(["Hritik Bansal", "Arian Hosseini", "Rishabh Agarwal", "Vinh Q. Tran", "Mehran Kazemi"], smaller.Authors);

        Assert.Equal(47, records[0].Authors.Count);
        Assert.Null(records[0].Url);
        Assert.StartsWith("The advent of large language models (LLMs) has catalyzed", records[0].Abstract);
        Assert.Equal(["Shreyas Subramanian", "Vikram Elango", "Mecit Gungor"], records[7].Authors);
    }
}
