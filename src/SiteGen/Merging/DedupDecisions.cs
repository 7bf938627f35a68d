using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Merging;

/// <summary>
/// content/dedup-decisions.yml: the instructor's answers to the review. Keys are record keys (hashes of a record's own
/// content, shown in site/dedup-report.json), so an answer survives edits elsewhere in the files.
/// <code>
/// decisions:
///   - a: 0f3c9a1b2d4e5f60
///     b: 9a8b7c6d5e4f3a2b
///     decision: same        # or: different
///     note: optional text
/// </code>
/// </summary>
public static class DedupDecisions
{
    public const string FileName = Model.Catalog.DecisionsFileName;

    /// <summary>Parses the file's text; problems are diagnostics (SG3001) and the entry is skipped.</summary>
    public static IReadOnlyList<DedupDecision> Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var result = new List<DedupDecision>();
        var root = YamlText.LoadRoot(text, out var error);
        if (error is not null)
        {
            diagnostics.Error(DiagnosticCodes.DecisionsYaml, displayPath, error.Line, error.Column,
                $"{FileName} is not valid YAML: {error.Message}", error.Hint ?? "Each answer is a list item with a:, b: and decision: same|different.");
            return result;
        }
        if (root is null || root is YamlScalarNode { Value: null or "" }) return result;
        var list = root switch
        {
            YamlSequenceNode seq => seq,
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("decisions"), out var d) && d is YamlSequenceNode s => s,
            YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("decisions"), out var d) && d is YamlScalarNode { Value: null or "" } => null,
            _ => null,
        };
        if (list is null)
        {
            if (root is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("decisions"))) return result;
            diagnostics.Error(DiagnosticCodes.DecisionsYaml, displayPath, (int)root.Start.Line, (int)root.Start.Column,
                $"{FileName} should hold a list under 'decisions:'.", "Write 'decisions:' and then one '- a: KEY' item per answer.");
            return result;
        }
        foreach (var item in list.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode entry)
            {
                diagnostics.Error(DiagnosticCodes.DecisionsYaml, displayPath, line, (int)item.Start.Column,
                    "A decision must be a mapping with a:, b: and decision:.", "Example: '- a: 0f3c9a1b2d4e5f60' then 'b: ...' and 'decision: same' indented below it.");
                continue;
            }
            string? Get(string key) => entry.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value?.Trim() : null;
            var a = Get("a");
            var b = Get("b");
            var decision = Get("decision")?.ToLowerInvariant();
            if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b) || decision is not ("same" or "different"))
            {
                diagnostics.Error(DiagnosticCodes.DecisionsYaml, displayPath, line, (int)item.Start.Column,
                    "A decision needs a: and b: (record keys from dedup-report.json) and decision: same or different.",
                    "Copy the 'decision' snippet of the pair from site/dedup-report.json and set same or different.");
                continue;
            }
            result.Add(new DedupDecision(a, b, decision == "same", line, Get("note")));
        }
        return result;
    }

    /// <summary>The file text for a list of answers, in a stable order (so a tool can append answers and round-trip).</summary>
    public static string Write(IEnumerable<DedupDecision> decisions)
    {
        var sb = new StringBuilder();
        sb.Append("# Answers to the duplicate-paper review (pairs are listed in site/dedup-report.json).\n");
        sb.Append("# a and b are record keys; decision is same or different.\n");
        sb.Append("decisions:\n");
        var ordered = decisions
            .Select(d => string.CompareOrdinal(d.KeyA, d.KeyB) <= 0 ? d : d with { KeyA = d.KeyB, KeyB = d.KeyA })
            .OrderBy(d => d.KeyA, StringComparer.Ordinal).ThenBy(d => d.KeyB, StringComparer.Ordinal);
        foreach (var d in ordered)
        {
            sb.Append("  - a: ").Append(d.KeyA).Append('\n');
            sb.Append("    b: ").Append(d.KeyB).Append('\n');
            sb.Append("    decision: ").Append(d.Same ? "same" : "different").Append('\n');
            if (!string.IsNullOrWhiteSpace(d.Note)) sb.Append("    note: ").Append(Quote(d.Note)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar: safe for any note text.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s.Trim())
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
