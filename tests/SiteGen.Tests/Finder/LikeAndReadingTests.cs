using SiteGen.Finder;
using SiteGen.Model;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Finder;

/// <summary>"Similar to session" and "copy as reading".</summary>
public sealed class LikeAndReadingTests : IDisposable
{
    private readonly FinderCourse _course = new();

    public void Dispose() => _course.Dispose();

    [Fact]
    public void Like_a_session_finds_papers_on_its_topic_unassigned_first_and_never_its_own()
    {
        var found = _course.Find(new FindRequest { Like = "sessions/" + FinderCourse.Session + ".md", Limit = 30 });
        Assert.Null(found.Problem);
        Assert.Equal(30, found.Papers.Count);
        Assert.All(found.Papers, p => Assert.DoesNotContain(FinderCourse.Session, p.Sessions));
        // Unassigned candidates come before any paper another session assigns.
        var firstAssigned = found.Papers.ToList().FindIndex(p => p.Sessions.Count > 0);
        if (firstAssigned >= 0) Assert.All(found.Papers.Skip(firstAssigned), p => Assert.NotEmpty(p.Sessions));
        // The session is about small LLMs, agents and reasoning: its candidates say so.
        Assert.True(found.Papers.Take(10).Count(p => (p.Title + " " + p.Abstract).Contains("agent", StringComparison.OrdinalIgnoreCase)
            || (p.Title + " " + p.Abstract).Contains("small", StringComparison.OrdinalIgnoreCase)) >= 8);
        // Filters still apply.
        var dated = _course.Find(new FindRequest { Like = "sessions/" + FinderCourse.Session + ".md", Since = new DateOnly(2025, 6, 1) });
        Assert.All(dated.Papers, p => Assert.True(p.Date >= new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Like_ranks_a_paper_on_the_sessions_topic_above_one_off_topic()
    {
        var found = _course.Find(new FindRequest { Like = FinderCourse.Session + ".md", Limit = 1000 });
        var small = found.Papers.First(p => p.Title == "A Comprehensive Survey of Small Language Models in the Era of Large Language Models: Techniques, Enhancements, Applications, Collaboration with LLMs, and Trustworthiness");
        Assert.True(small.Rank <= 5, $"rank {small.Rank}");
    }

    [Theory]
    [InlineData("title:\"Towards a Science of Scaling Agent Systems\"")] // Hugging Face: title, date, abstract, author count
    [InlineData("arxiv:2411.01643")] // arXiv listing: id and abstract, no title
    public void Copy_as_reading_pasted_into_a_session_is_one_reading_of_the_same_catalog_paper(string query)
    {
        var before = FinderCatalog.Read(ContentSource.For(_course.Content));
        var paper = Assert.Single(_course.Find(new FindRequest { Query = query }).Papers);
        Assert.Empty(paper.Sessions);

        File.WriteAllText(_course.File("sessions/W14.md"), "---\ntitle: Next week\n---\n\n## Required Readings:\n\n" + ReadingMarkdown.For(paper));
        var after = FinderCatalog.Read(ContentSource.For(_course.Content));

        Assert.Equal(before.Papers.Count, after.Papers.Count);
        Assert.DoesNotContain(after.Diagnostics, d => d.Path.Contains("W14", StringComparison.Ordinal));
        var merged = Assert.Single(after.Papers, p => p.Sessions.Contains("W14"));
        Assert.Equal(paper.Id, merged.Id);
        Assert.Equal(paper.ArxivId, merged.ArxivId);
        Assert.Contains(merged.Records, r => r.Source.Kind == SourceKind.Session && r.Source.File == "sessions/W14.md");
        Assert.Equal(paper.Sources.Count + 1, merged.Records.Count);
        if (paper.ArxivId is not null)
            Assert.Contains(merged.Records, r => r.Source.Kind == SourceKind.Session && r.Url == "https://arxiv.org/abs/" + paper.ArxivId);
        else
            Assert.Equal(paper.Date, merged.Date);
    }

    [Fact]
    public void Reading_block_keeps_scraped_text_on_its_lines()
    {
        var block = ReadingMarkdown.For(new FoundPaper
        {
            Rank = 1, Score = 1, Id = "x", Title = "Who&When:\n a <b>title</b>", ArxivId = "2505.00212", Authors = ["A. One", "B. Two"], AuthorCount = 5,
            Date = new DateOnly(2025, 5, 1), Abstract = "First line\nsecond line",
        });
        Assert.Equal("#### Who&When: a <b>title</b>\n+ [https://arxiv.org/abs/2505.00212](https://arxiv.org/abs/2505.00212)\n+ [Submitted on 1 May 2025]\n+ A. One, B. Two (3 additional authors not shown)\n+ First line second line\n", block);
    }

    [Fact]
    public void Markdown_format_prints_reading_blocks_and_like_works_from_the_command_line()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "--like", "sessions/" + FinderCourse.Session + ".md", "--limit", "3", "--format", "markdown");
        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.Equal(3, output.Stdout.Split('\n').Count(l => l.StartsWith("#### ", StringComparison.Ordinal)));
    }
}
