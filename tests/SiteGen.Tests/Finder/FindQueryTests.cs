using SiteGen.Finder;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Finder;

/// <summary>Each query form on the seed course, with the papers a reader expects first.</summary>
public sealed class FindQueryTests : IDisposable
{
    private readonly FinderCourse _course = new();

    public void Dispose() => _course.Dispose();

    [Fact]
    public void Phrase_finds_the_foundation_agents_survey_first()
    {
        var titles = _course.Titles("\"foundation agents\"");
        Assert.StartsWith("Advances and Challenges in Foundation Agents", titles[0]);
    }

    [Fact]
    public void Plain_words_rank_papers_with_them_together_first()
    {
        // "The Foundation of AI Self-Evolution" has the rarer word in a short title; the survey has both words side by side.
        Assert.StartsWith("Advances and Challenges in Foundation Agents", _course.Titles("foundation agents")[0]);
        Assert.Contains("Long Term Memory: The Foundation of AI Self-Evolution", _course.Titles("foundation agents", limit: 10));
    }

    [Fact]
    public void Author_field_finds_phi4_and_accents_fold_both_ways()
    {
        Assert.Equal("Phi-4 Technical Report", _course.Titles("authors:Bubeck")[0]);
        // The session writes "Sébastien Bubeck": the plain spelling finds him, and so does the accented one.
        Assert.Equal("Phi-4 Technical Report", _course.Titles("authors:(sebastien bubeck)")[0]);
        Assert.Equal("Phi-4 Technical Report", _course.Titles("authors:Sébastien")[0]);
    }

    [Fact]
    public void Title_field_with_exclusion_leaves_surveys_out()
    {
        var titles = _course.Titles("title:agent -survey", limit: 200);
        Assert.True(titles.Count > 20, $"only {titles.Count} agent titles");
        Assert.DoesNotContain(titles, t => t!.Contains("survey", StringComparison.OrdinalIgnoreCase));
        Assert.All(titles, t => Assert.Contains("agent", t!, StringComparison.OrdinalIgnoreCase));
        // Without the exclusion the surveys are there.
        Assert.Contains(_course.Titles("title:agent", limit: 200), t => t!.Contains("Survey", StringComparison.Ordinal));
    }

    [Fact]
    public void Stemming_and_possessives_match_other_word_forms()
    {
        // "planning" and "plans" stem to "plan"; "agent's" loses its possessive.
        Assert.Contains(_course.Titles("title:plan", limit: 100), t => t!.Contains("Planning", StringComparison.Ordinal));
        Assert.Contains(_course.Titles("title:agent's", limit: 200), t => t == "Autonomous Deep Agent");
    }

    [Fact]
    public void Prefix_fuzzy_and_boolean_forms()
    {
        Assert.Equal("rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking", _course.Titles("title:rstar*")[0]);
        // A misspelt title word within one edit.
        Assert.Equal("Phi-4 Technical Report", _course.Titles("title:technicl~ AND title:report")[0]);
        var either = _course.Titles("title:phi OR title:rstar", limit: 5);
        Assert.Contains("Phi-4 Technical Report", either);
        Assert.Contains(either, t => t!.StartsWith("rStar-Math", StringComparison.Ordinal));
        Assert.Equal(["Phi-4 Technical Report"], _course.Titles("title:report AND title:technical AND NOT title:yi"));
        Assert.Contains("Yi-Lightning Technical Report", _course.Titles("title:report AND title:technical"));
    }

    [Fact]
    public void Fuzzy_word_snippet_marks_the_words_it_matched()
    {
        // The snippet of a fuzzy~ word is highlighted with the terms the search expanded it to: the real spelling is marked.
        var found = _course.Find(new FindRequest { Query = "title:technicl~ AND title:report" });
        var phi = Assert.Single(found.Papers, p => p.Title == "Phi-4 Technical Report");
        Assert.Contains($"{Snippets.MarkStart}Technical{Snippets.MarkEnd}", phi.Snippet, StringComparison.Ordinal);
        Assert.Contains($"{Snippets.MarkStart}Report{Snippets.MarkEnd}", phi.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzzy_word_keeps_its_first_letter_and_one_near_no_word_finds_nothing()
    {
        // Two edits away, with the first letter right: found.
        Assert.Contains("Phi-4 Technical Report", _course.Titles("title:tehcnicl~2"));
        // One edit from "technic" (the stem of "technical") but in the first letter: not found.
        Assert.DoesNotContain("Phi-4 Technical Report", _course.Titles("title:rechnic~"));
        // A fuzzy word near no word of the index is a search that finds nothing, not a query problem.
        var none = _course.Find(new FindRequest { Query = "title:qqxzzv~" });
        Assert.Null(none.Problem);
        Assert.Equal(0, none.TotalHits);
    }

    [Fact]
    public void Prefix_word_snippet_marks_the_words_it_covers()
    {
        var paper = _course.Find(new FindRequest { Query = "rsta*" }).Papers[0];
        Assert.StartsWith("rStar-Math", paper.Title, StringComparison.Ordinal);
        Assert.Contains("[rStar]-Math", Snippets.Render(paper.Snippet, "[", "]"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foundation agents")]
    [InlineData("tool use")]
    [InlineData("language models")]
    public void Plain_words_rank_the_same_whatever_the_limit(string query)
    {
        // The phrases re-rank the best hits of the words: the first three are the first three of a longer list.
        var three = _course.Titles(query, limit: 3);
        Assert.Equal(3, three.Count);
        Assert.Equal(_course.Titles(query, limit: 300).Take(3), three);
    }

    [Fact]
    public void Ranked_results_carry_their_scores_best_first()
    {
        var scores = _course.Find(new FindRequest { Query = "agent memory", Limit = 50 }).Papers.Select(p => p.Score).ToList();
        Assert.All(scores, s => Assert.True(s > 0, $"score {s}"));
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        // Newest first (no query) has nothing to score.
        Assert.All(_course.Find(new FindRequest { Limit = 5 }).Papers, p => Assert.Equal(0, p.Score));
    }

    [Fact]
    public void Arxiv_id_field_finds_the_paper()
    {
        Assert.Equal("A Review of Prominent Paradigms for LLM-Based Agents: Tool Use (Including RAG), Planning, and Feedback Learning", _course.Titles("arxiv:2406.05804")[0]);
    }

    [Fact]
    public void Result_carries_sources_sessions_and_a_marked_snippet()
    {
        var paper = _course.Find(new FindRequest { Query = "\"foundation agents\"" }).Papers[0];
        Assert.Equal("2504.01990", paper.ArxivId);
        Assert.Equal([FinderCourse.Session], paper.Sessions);
        Assert.Contains(paper.Sources, s => s is { File: "sessions/W13.1-T3-smallLLM-agents.md", Line: 22, Kind: "session" });
        Assert.Contains(paper.Sources, s => s.Kind == "hf-listing");
        Assert.Contains("[Foundation] [Agents]", Snippets.Render(paper.Snippet, "[", "]"));
    }

    [Fact]
    public void Unassigned_leaves_out_every_paper_a_session_assigns()
    {
        var all = _course.Find(new FindRequest { Query = "agent", Limit = 1000 });
        var unassigned = _course.Find(new FindRequest { Query = "agent", Limit = 1000, UnassignedOnly = true });
        Assert.Contains(all.Papers, p => p.Sessions.Count > 0);
        Assert.All(unassigned.Papers, p => Assert.Empty(p.Sessions));
        Assert.Equal(all.Papers.Count(p => p.Sessions.Count == 0), unassigned.TotalHits);
    }

    [Fact]
    public void Since_keeps_papers_dated_that_day_or_later()
    {
        var since = new DateOnly(2025, 10, 1);
        var found = _course.Find(new FindRequest { Query = "agent", Since = since, Limit = 1000 });
        Assert.NotEmpty(found.Papers);
        Assert.All(found.Papers, p => Assert.True(p.Date >= since, $"{p.Title} {p.Date}"));
        Assert.Contains(found.Papers, p => p.Title == "The FM Agent");
        Assert.True(found.TotalHits < _course.Find(new FindRequest { Query = "agent" }).TotalHits);
    }

    [Fact]
    public void Source_filters_by_file_path_or_name()
    {
        var byName = _course.Find(new FindRequest { Source = "hf-papers-agents-2.txt", Limit = 1000 });
        var byPath = _course.Find(new FindRequest { Source = "content/listings/hf-papers-agents-2.txt", Limit = 1000 });
        Assert.NotEmpty(byName.Papers);
        Assert.Equal(byName.Papers.Select(p => p.Id), byPath.Papers.Select(p => p.Id));
        Assert.All(byName.Papers, p => Assert.Contains(p.Sources, s => s.File == "listings/hf-papers-agents-2.txt"));
    }

    [Fact]
    public void Empty_query_lists_papers_newest_first()
    {
        var found = _course.Find(new FindRequest { Limit = 10 });
        var dates = found.Papers.Select(p => p.Date).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(_course.Open().Refresh.Papers, found.TotalHits);
    }

    [Fact]
    public void Limit_caps_the_papers_returned_not_the_total()
    {
        var found = _course.Find(new FindRequest { Query = "agent", Limit = 3 });
        Assert.Equal([1, 2, 3], found.Papers.Select(p => p.Rank));
        Assert.True(found.TotalHits > 3);
    }

    [Fact]
    public void Papers_above_the_students_max_papers_are_all_in_the_finder()
    {
        var all = _course.Find(new FindRequest()).TotalHits;
        Assert.True(all > 10, $"{all} papers");
        // The students' search keeps only the papers sessions assign above 10; the finder keeps the whole catalog.
        File.AppendAllText(_course.File("site.yml"), "\nsearch:\n  max_papers: 10\n");
        var bag = new SiteGen.Diagnostics.DiagnosticBag();
        Assert.Equal(10, SiteGen.Config.LoadConfig.Parse(File.ReadAllText(_course.File("site.yml")), "content/site.yml", bag, out _).Search.MaxPapers);
        Assert.Empty(bag.Items);
        using var cut = new FinderCourse(seed: false);
        TempDir.CopyDirectory(_course.Content, cut.Content);
        Assert.Equal(all, cut.Find(new FindRequest()).TotalHits);
        // A paper no session assigns, one beyond the cut: still found.
        var paper = Assert.Single(cut.Find(new FindRequest { Query = "arxiv:2411.01643" }).Papers);
        Assert.Equal("2411.01643", paper.ArxivId);
        Assert.Empty(paper.Sessions);
    }

    [Fact]
    public void Abstract_field_finds_a_word_in_the_abstract_and_not_one_only_in_a_title()
    {
        File.WriteAllText(_course.File("listings/hf-quagga.txt"),
            "Herding Striped Animals with Language Agents\n\nWe study quagga herding as a benchmark for language agents that plan over long horizons across a changing savanna.\n\n  • 3 authors\n·\nDec 12, 2025\n\n"
            + "Quagga: A Benchmark of Extinct Species Questions\n\nWe collect questions about species that no longer live, and measure how often language models answer them from memory.\n\n  • 2 authors\n·\nDec 13, 2025\n");
        Assert.Equal(["Herding Striped Animals with Language Agents"], _course.Titles("abstract:quagga"));
        // A bare word searches titles too: both papers; the field query is what leaves the title-only one out.
        Assert.Contains("Quagga: A Benchmark of Extinct Species Questions", _course.Titles("quagga"));
        Assert.Equal(["Quagga: A Benchmark of Extinct Species Questions"], _course.Titles("title:quagga"));
    }
}
