using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Content.Readings;
using SiteGen.Model;

namespace SiteGen.Tests.Content.Readings;

/// <summary>What a readings golden file holds per paper; long abstracts are shown by their two ends and length.</summary>
public sealed record ReadingView(
    string? Title, string Section, int StartLine, int EndLine, string? Url, string? ArxivId, int? ArxivVersion, string? Doi,
    string? Submitted, string? Revised, IReadOnlyList<string> Authors, int? AuthorCount,
    string? AbstractStart, string? AbstractEnd, int AbstractLength, string? Comments, IReadOnlyList<string> Notes, string? Published = null)
{
    public static ReadingView Of(PaperRecord r) => new(
        r.Title, r.Section.ToString(), r.Source.StartLine, r.Source.EndLine, r.Url, r.ArxivId, r.ArxivVersion, r.Doi,
        r.Submitted?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Revised?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.Authors, r.AuthorCount,
        r.Abstract is null ? null : r.Abstract[..Math.Min(60, r.Abstract.Length)],
        r.Abstract is null ? null : r.Abstract[Math.Max(0, r.Abstract.Length - 40)..],
        r.Abstract?.Length ?? 0, r.Comments, r.Notes, r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>Reads a session file the way the session stage does: the body after the front matter, with its first line number.</summary>
public static class SessionFile
{
    public static (IReadOnlyList<PaperRecord> Records, DiagnosticBag Diagnostics) ParseReadings(string text, string file = "sessions/test.md")
    {
        var lines = text.Split('\n');
        var bodyIndex = 0;
        if (lines.Length > 0 && lines[0].TrimEnd('\r').TrimStart('\uFEFF') == "---")
        {
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r').TrimEnd() == "---");
            if (close > 0) bodyIndex = close + 1;
        }
        var body = string.Join('\n', lines.Skip(bodyIndex));
        var diagnostics = new DiagnosticBag();
        var name = Path.GetFileNameWithoutExtension(file);
        var records = ReadingsParser.Parse(file, name, body, bodyIndex + 1, "content/" + file, diagnostics);
        return (records, diagnostics);
    }
}
