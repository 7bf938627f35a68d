using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Content.Readings;

/// <summary>Finds the papers in a session body's reading sections (Required Readings, More Readings, ...).</summary>
public static class ReadingsParser
{
    /// <param name="file">Session file relative to the content folder (for SourceRef).</param>
    /// <param name="sessionName">Session file basename.</param>
    /// <param name="body">Markdown body (after front matter).</param>
    /// <param name="bodyStartLine">1-based line of the body's first line in the file.</param>
    /// <param name="displayPath">Path to print in diagnostics.</param>
    public static IReadOnlyList<PaperRecord> Parse(string file, string sessionName, string body, int bodyStartLine, string displayPath, DiagnosticBag diagnostics)
    {
        // First working form: filled in by the readings parser work (issue 3).
        return [];
    }
}
