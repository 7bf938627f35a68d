using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;

namespace SiteGen.Merging;

/// <summary>Stage: readings + listing records -> one catalog of distinct papers (see <see cref="Resolver"/>).</summary>
public static class MergeDuplicates
{
    /// <summary>Reads content/dedup-decisions.yml when present, applies its answers and warns (SG3002) about stale ones.</summary>
    public static Model.Catalog Run(IReadOnlyList<PaperRecord> records, ContentSource content, DiagnosticBag diagnostics) =>
        Run(records, content, diagnostics, ResolverOptions.Default);

    public static Model.Catalog Run(IReadOnlyList<PaperRecord> records, ContentSource content, DiagnosticBag diagnostics, ResolverOptions options) =>
        Run(records, content, diagnostics, options, cache: null);

    /// <summary>As above, reusing the ids and features <paramref name="cache"/> holds for records seen before: the same catalog.</summary>
    public static Model.Catalog Run(IReadOnlyList<PaperRecord> records, ContentSource content, DiagnosticBag diagnostics, ResolverOptions options, RecordFeatureCache? cache)
    {
        var path = Path.Combine(content.Root, DedupDecisions.FileName);
        var display = content.Display(DedupDecisions.FileName);
        IReadOnlyList<DedupDecision> decisions = File.Exists(path) && CourseFiles.IsReadable(content.Root, path, diagnostics, _ => display)
            ? DedupDecisions.Parse(File.ReadAllText(path), display, diagnostics)
            : [];
        var result = Resolver.Resolve(records, decisions, options, cache);
        foreach (var p in result.DecisionProblems)
            diagnostics.Warning(DiagnosticCodes.DecisionStale, display, p.Decision.Line, 1, p.Message,
                "Delete this answer, or replace the keys with the current ones from site/dedup-report.json.");
        return result.Catalog;
    }
}
