using SiteGen.Merging;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Output;
using SiteGen.Tests.Support;
using static SiteGen.Tests.Catalog.SeedRecords;

namespace SiteGen.Tests.Catalog;

/// <summary>content/dedup-decisions.yml: written, read back, applied, and stale answers reported.</summary>
public sealed class DecisionsTests
{
    private static string Key(PaperRecord r) => CatalogText.RecordKey(r);

    [Fact]
    public void Decisions_file_round_trips()
    {
        var decisions = new List<DedupDecision>
        {
            new("b0000000000000000", "a0000000000000000", true, Note: "same paper: \"v2\" renamed\nsee #12"),
            new("c0000000000000000", "d0000000000000000", false),
        };
        var text = DedupDecisions.Write(decisions);
        var bag = new DiagnosticBag();
        var read = DedupDecisions.Parse(text, "content/dedup-decisions.yml", bag);
        Assert.Empty(bag.Items);
        Assert.Equal(
            [("a0000000000000000", "b0000000000000000", true, "same paper: \"v2\" renamed\nsee #12"), ("c0000000000000000", "d0000000000000000", false, (string?)null)],
            read.Select(d => (d.KeyA, d.KeyB, d.Same, d.Note)));
        Assert.Equal(text, DedupDecisions.Write(read));
    }

    [Fact]
    public void A_malformed_answer_is_an_error_with_its_line_and_the_rest_still_apply()
    {
        var bag = new DiagnosticBag();
        var read = DedupDecisions.Parse("decisions:\n  - a: k1\n    b: k2\n    decision: maybe\n  - a: k3\n    b: k4\n    decision: different\n", "content/dedup-decisions.yml", bag);
        var d = Assert.Single(read);
        Assert.Equal("k3", d.KeyA);
        var error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.DecisionsYaml, error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Invalid_yaml_is_an_error_not_a_crash()
    {
        var bag = new DiagnosticBag();
        Assert.Empty(DedupDecisions.Parse("decisions: [\n  - a: {", "content/dedup-decisions.yml", bag));
        Assert.Equal(DiagnosticCodes.DecisionsYaml, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void An_unclosed_flow_list_is_an_error_on_its_line_not_a_crash()
    {
        // YamlDotNet's scanner throws InvalidOperationException (no position) on this input.
        var bag = new DiagnosticBag();
        Assert.Empty(DedupDecisions.Parse("decisions:\n  - a: k1\n    b: [k2, k3\n    decision: same\n", "content/dedup-decisions.yml", bag));
        var error = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.DecisionsYaml, 3), (error.Code, error.Line));
    }

    [Fact]
    public void Same_answer_merges_a_pair_the_resolver_kept_apart()
    {
        var a = SurveyOptimization;
        var b = SurveyAutonomousDaily;
        Assert.Equal(2, Resolver.Resolve([a, b]).Catalog.Papers.Count);
        var result = Resolver.Resolve([a, b], [new DedupDecision(Key(a), Key(b), true)]);
        Assert.Single(result.Catalog.Papers);
        Assert.Empty(result.DecisionProblems);
    }

    [Fact]
    public void Different_answer_splits_a_pair_the_resolver_merged_and_no_chain_rejoins_it()
    {
        var records = new[] { FoundationSession, FoundationArxiv, FoundationHf };
        Assert.Single(Resolver.Resolve(records).Catalog.Papers);
        var catalog = Resolver.Resolve(records, [new DedupDecision(Key(FoundationSession), Key(FoundationHf), false)]).Catalog;
        Assert.NotEqual(catalog.PaperIdBySource[FoundationSession.Source], catalog.PaperIdBySource[FoundationHf.Source]);
        // An answered pair is not asked again.
        Assert.DoesNotContain(catalog.Review, r => (r.KeyA, r.KeyB) == (Key(FoundationSession), Key(FoundationHf)) || (r.KeyB, r.KeyA) == (Key(FoundationSession), Key(FoundationHf)));
    }

    [Fact]
    public void Record_keys_survive_edits_elsewhere_in_the_file_and_change_with_the_record()
    {
        var r = FoundationHf;
        var moved = r with { Source = r.Source with { StartLine = r.Source.StartLine + 40, EndLine = r.Source.EndLine + 40 } };
        Assert.Equal(Key(r), Key(moved));
        Assert.NotEqual(Key(r), Key(r with { Title = "Advances in Something Else" }));
        // Only normalised content counts: spacing and case do not change the key.
        Assert.Equal(Key(r), Key(r with { Title = "  " + r.Title!.ToUpperInvariant() + " " }));
    }

    [Fact]
    public void Build_applies_answers_from_the_content_folder_and_warns_about_stale_ones()
    {
        using var dir = new TempDir();
        var decisions = DedupDecisions.Write(
        [
            new DedupDecision(Key(SurveyOptimization), Key(SurveyAutonomousDaily), true),
            new DedupDecision("0123456789abcdef", Key(FoundationHf), false),
        ]);
        File.WriteAllText(dir.Combine("dedup-decisions.yml"), decisions);
        var bag = new DiagnosticBag();
        var catalog = MergeDuplicates.Run([SurveyOptimization, SurveyAutonomousDaily, FoundationHf], ContentSource.For(dir.Path), bag);
        Assert.Equal(2, catalog.Papers.Count);
        var warning = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.DecisionStale, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("0123456789abcdef", warning.Message, StringComparison.Ordinal);
        Assert.True(warning.Line > 0);
    }
}
