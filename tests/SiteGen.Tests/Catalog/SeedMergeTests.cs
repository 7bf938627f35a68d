using SiteGen.Merging;
using SiteGen.Model;
using static SiteGen.Tests.Catalog.SeedRecords;

namespace SiteGen.Tests.Catalog;

/// <summary>Hand-built records from the seed course: the merges a careful reader makes, and the ones they refuse.</summary>
public sealed class SeedMergeTests
{
    private static Paper PaperOf(Model.Catalog c, PaperRecord r) => c.Papers.Single(p => p.Id == c.PaperIdBySource[r.Source]);

    [Fact]
    public void Foundation_agents_survey_from_session_arxiv_listing_and_hf_becomes_one_paper()
    {
        var catalog = Resolver.Resolve(All).Catalog;
        var paper = PaperOf(catalog, FoundationSession);
        Assert.Equal("2504.01990", paper.Id);
        Assert.Equal("2504.01990", paper.ArxivId);
        Assert.Equal("Advances and Challenges in Foundation Agents: From Brain-Inspired Intelligence to Evolutionary, Collaborative, and Safe Systems", paper.Title);
        Assert.Equal(["arxiv-listing", "hf-listing", "session"], paper.Records.Select(r => r.Source.KindName).Order(StringComparer.Ordinal));
        Assert.Equal(["W13.1-T3-smallLLM-agents"], paper.Sessions);
        Assert.Equal(new DateOnly(2025, 3, 31), paper.Date);
        Assert.Equal(47, paper.Authors.Count);
        // Provenance: the title came from the session, the id from the arXiv listing.
        Assert.Contains(paper.Provenance, f => f.Field == "title" && f.Source.Kind == SourceKind.Session);
        Assert.Contains(paper.Provenance, f => f.Field == "arxivId" && f.Source.Kind == SourceKind.ArxivListing && f.Source.StartLine == 9);
    }

    [Fact]
    public void Look_alike_surveys_stay_apart_and_each_merges_its_own_copies()
    {
        var catalog = Resolver.Resolve(All).Catalog;
        var optimization = PaperOf(catalog, SurveyOptimization);
        var autonomous = PaperOf(catalog, SurveyAutonomousDaily);
        Assert.NotEqual(optimization.Id, autonomous.Id);
        Assert.Single(optimization.Records);
        Assert.Equal(3, autonomous.Records.Count);
        Assert.Equal("A Survey on Large Language Model based Autonomous Agents", autonomous.Title);
        Assert.DoesNotContain(catalog.Review, r => (r.PaperA, r.PaperB) == (optimization.Id, autonomous.Id) || (r.PaperB, r.PaperA) == (optimization.Id, autonomous.Id));
    }

    [Fact]
    public void Look_alike_titles_alone_never_merge_even_without_abstracts()
    {
        PaperRecord TitleOnly(PaperRecord r) => r with { Abstract = null, AuthorCount = null };
        var catalog = Resolver.Resolve([TitleOnly(SurveyOptimization), TitleOnly(SurveyAutonomousDaily)]).Catalog;
        Assert.Equal(2, catalog.Papers.Count);
    }

    [Fact]
    public void Same_title_alone_goes_to_review_not_to_a_merge()
    {
        var a = SurveyAutonomousDaily with { Abstract = null, AuthorCount = null };
        var b = SurveyAutonomous1 with { Abstract = null, AuthorCount = null };
        var catalog = Resolver.Resolve([a, b]).Catalog;
        Assert.Equal(2, catalog.Papers.Count);
        var item = Assert.Single(catalog.Review);
        Assert.Equal("uncertain", item.Kind);
        Assert.Contains(item.Reasons, r => r.StartsWith("title: identical", StringComparison.Ordinal));
    }

    [Fact]
    public void Session_urls_give_arxiv_ids_and_unrelated_readings_stay_apart()
    {
        var catalog = Resolver.Resolve(All).Catalog;
        Assert.Equal("2406.05804", PaperOf(catalog, ReviewParadigms).ArxivId);
        Assert.Equal("2412.08905", PaperOf(catalog, Phi4).ArxivId);
        Assert.Null(PaperOf(catalog, RStarMath).ArxivId);
        Assert.StartsWith("p", PaperOf(catalog, RStarMath).Id, StringComparison.Ordinal);
        // 11 records: foundation x3 and the autonomous-agents survey x3 merge; the rest are single.
        Assert.Equal(7, catalog.Papers.Count);
    }

    [Fact]
    public void Cut_title_and_cut_abstract_from_a_scrape_still_merge_and_keep_the_full_values()
    {
        var hf = FoundationHf;
        var cut = hf with { Title = hf.Title![..45], Abstract = hf.Abstract![..300] };
        var catalog = Resolver.Resolve([FoundationSession, cut]).Catalog;
        var paper = Assert.Single(catalog.Papers);
        Assert.Equal(FoundationSession.Title, paper.Title);
        Assert.Equal(FoundationSession.Abstract, paper.Abstract);
    }

    [Fact]
    public void A_glued_abstract_merges_with_its_own_paper_only_and_is_not_chosen()
    {
        // The foundation abstract with the start of another paper's abstract glued on, as a listing without separators gives it.
        var glued = FoundationArxiv with { Abstract = FoundationArxiv.Abstract + RoutingArxiv.Abstract![..400], ArxivId = null };
        var catalog = Resolver.Resolve([FoundationSession, glued, RoutingArxiv]).Catalog;
        Assert.Equal(PaperOf(catalog, FoundationSession).Id, PaperOf(catalog, glued).Id);
        Assert.NotEqual(PaperOf(catalog, RoutingArxiv).Id, PaperOf(catalog, glued).Id);
        Assert.Equal(FoundationSession.Abstract, PaperOf(catalog, glued).Abstract);
    }

    [Fact]
    public void A_glued_copy_is_not_chosen_when_every_record_has_an_arxiv_id()
    {
        // Ids alone decide here, so nothing is scored; the copies of one paper are still compared to pick the abstract.
        var session = FoundationSession with { ArxivId = "2504.01990" };
        var glued = FoundationArxiv with { Abstract = FoundationArxiv.Abstract + " " + RoutingArxiv.Abstract };
        var other = RoutingArxiv;

        var catalog = Resolver.Resolve([session, glued, other]).Catalog;

        var paper = PaperOf(catalog, glued);
        Assert.Equal(PaperOf(catalog, session).Id, paper.Id);
        Assert.Equal(session.Abstract, paper.Abstract);
        Assert.Contains(paper.Provenance, f => f.Field == "abstract" && f.Rule.Contains("glued copy skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Different_arxiv_ids_never_merge_even_with_the_same_text()
    {
        var a = FoundationArxiv;
        var b = FoundationArxiv with { Source = a.Source with { StartLine = 50, EndLine = 51 }, ArxivId = "2504.01991" };
        var catalog = Resolver.Resolve([a, b, FoundationSession]).Catalog;
        Assert.Equal(2, catalog.Papers.Count);
        // The session copy matches both; it joins one and the other is reported as a split.
        Assert.Contains(catalog.Review, r => r.Kind == "split");
    }

    [Theory]
    [InlineData("2504.01990v3", null, null)]
    [InlineData(null, "https://arxiv.org/pdf/2504.01990v2", null)]
    [InlineData(null, "https://arxiv.org/html/2504.01990v1", null)]
    [InlineData(null, "https://huggingface.co/papers/2504.01990", null)]
    [InlineData(null, null, "10.48550/arXiv.2504.01990")]
    [InlineData(null, "https://doi.org/10.48550/arXiv.2504.01990", null)]
    public void The_same_id_in_any_form_decides(string? id, string? url, string? doi)
    {
        // No shared text at all: only the id links them.
        var other = new PaperRecord { Source = new SourceRef(Hf2, 1, 2, SourceKind.HfListing), Title = "Something else entirely", ArxivId = id, Url = url, Doi = doi };
        var catalog = Resolver.Resolve([FoundationArxiv, other]).Catalog;
        var paper = Assert.Single(catalog.Papers);
        Assert.Equal("2504.01990", paper.Id);
    }
}
