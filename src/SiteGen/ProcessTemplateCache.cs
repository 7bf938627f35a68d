using SiteGen.Diagnostics;
using SiteGen.Incremental;
using SiteGen.Rendering;

namespace SiteGen;

/// <summary>
/// Parsing the templates is a large part of a small rebuild, and `serve` rebuilds the same course again and again: a
/// template set that parsed without problems is kept for the life of the process and reused while its files are
/// unchanged (parsed templates are safe to share between builds and threads). Owned by the orchestrator: it joins the
/// template fingerprint (Incremental) and the parsed set (Rendering).
/// </summary>
public static class ProcessTemplateCache
{
    private const int Capacity = 4;
    private static readonly Lock Gate = new();
    private static readonly List<(string Key, TemplateSet Set)> Sets = [];

    public static TemplateSet Load(IReadOnlyList<string> folders, DiagnosticBag diagnostics)
    {
        var key = TemplateFingerprint.Of(folders);
        lock (Gate)
        {
            var hit = Sets.FindIndex(s => s.Key == key);
            if (hit >= 0) return Sets[hit].Set;
        }
        // Problems are reported by every build that meets them, so only a clean set is kept.
        var scratch = new DiagnosticBag();
        var set = TemplateSet.Load(folders, scratch);
        foreach (var d in scratch.Items) diagnostics.Add(d);
        if (scratch.Items.Count == 0 && set.IsComplete)
            lock (Gate)
            {
                Sets.Add((key, set));
                if (Sets.Count > Capacity) Sets.RemoveAt(0);
            }
        return set;
    }
}
