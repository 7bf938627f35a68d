using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Config;

/// <summary>
/// The schedule file (schedule.yml): per-session row data keyed by session name, so moving a session never shifts
/// another's date. <c>sitegen import jekyll</c> writes it from the old home page's positional Liquid arrays.
/// </summary>
/// <example>
/// <code>
/// S0-L01:
///   date: 2025-01-15
///   week: W1
///   quiz: Q1
/// </code>
/// </example>
public static class ScheduleFile
{
    public const string DefaultName = "schedule.yml";

    /// <summary>The fields a session's entry may have, in the order the import writes them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["date", "week", "quiz", "homework", "talk", "project"];

    public static Dictionary<string, ScheduleEntry> Parse(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var entries = new Dictionary<string, ScheduleEntry>(StringComparer.Ordinal);
        var root = YamlText.Load(text, out var error);
        if (error is not null)
            diagnostics.Error(DiagnosticCodes.ConfigYaml, displayPath, error.Line, error.Column,
                $"The schedule file is not valid YAML: {error.Message}", error.Hint ?? "Check indentation; each session is a name, then indented lines such as date: 2025-01-15.");
        if (root is null) return entries;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var name = ((keyNode as YamlScalarNode)?.Value ?? "").Trim();
            if (valueNode is not YamlMappingNode fields)
            {
                if (valueNode is YamlScalarNode { Value: null or "" }) continue;
                diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, (int)keyNode.Start.Line, (int)keyNode.Start.Column,
                    $"The schedule entry for '{name}' is not a mapping; it is ignored.", "Write the session's name, then indented lines such as date: 2025-01-15 and week: W1.");
                continue;
            }
            var entry = new ScheduleEntry();
            foreach (var (fieldNode, fieldValue) in fields.Children)
            {
                var field = (fieldNode as YamlScalarNode)?.Value ?? "";
                var value = ((fieldValue as YamlScalarNode)?.Value ?? "").Trim();
                if (value.Length == 0) continue;
                switch (field)
                {
                    case "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                        entry = entry with { Date = date };
                        break;
                    case "date": entry = entry with { DateText = value }; break;
                    case "week": entry = entry with { Week = value }; break;
                    case "quiz": entry = entry with { Quiz = value }; break;
                    case "homework": entry = entry with { Homework = value }; break;
                    case "talk": entry = entry with { Talk = value }; break;
                    case "project": entry = entry with { Project = value }; break;
                    default:
                        diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, (int)fieldNode.Start.Line, (int)fieldNode.Start.Column,
                            $"Unknown schedule field '{field}' for '{name}' is ignored.", $"Known fields: {string.Join(", ", Fields)}.");
                        break;
                }
            }
            entries[name] = entry;
        }
        return entries;
    }
}
