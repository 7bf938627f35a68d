using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// arXiv listing text as copied from a listing page: an abstract line, zero or more comment lines, then
/// <c>arXiv:ID</c> with the NEXT abstract glued right after the id on the same line. The id closes its entry.
/// There are no titles. A state machine over lines: linear time, nothing buffered beyond one entry.
/// </summary>
public static class ArxivListingParser
{
    private const string IdPrefix = "arXiv:";

    public static List<PaperRecord> Parse(IEnumerable<SourceLine> lines, string file, string displayPath, DiagnosticBag diagnostics)
    {
        var records = new List<PaperRecord>();
        Entry? current = null;
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var consumed = ArxivIdentifiers.TryRead(text, IdPrefix.Length, out var id);
                if (consumed > 0)
                {
                    current ??= new Entry(line.Number);
                    if (current.Abstract is null)
                        diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, line.Number, 1,
                            $"arXiv:{id.BaseId} has no abstract before it; kept with the id only.",
                            "Each entry is the abstract line, optional comment lines, then its arXiv: id.");
                    // An id with an id's shape that arXiv never gave keys no paper: said once, and the entry kept without it.
                    var why = ArxivIdentifiers.WhyNotReal(id);
                    if (why is not null)
                        diagnostics.Warning(DiagnosticCodes.ArxivIdNotReal, displayPath, line.Number, 1,
                            $"arXiv:{id.BaseId} is not an id arXiv gave: {why}; the entry is kept without an arXiv id.",
                            "Copy the entry again from its arXiv listing page; ids look like arXiv:2406.05804 (YYMM.NNNN before 2015).");
                    records.Add(current.ToRecord(file, line.Number, why is null ? id : null));
                    var rest = text[(IdPrefix.Length + consumed)..].Trim();
                    current = rest.Length > 0 ? new Entry(line.Number) { Abstract = rest } : null;
                    continue;
                }
            }
            if (current is null) current = new Entry(line.Number) { Abstract = text };
            else if (current.Abstract is null) current.Abstract = text;
            else if (current.Comments.Count == 0 && IsAbstractContinuation(text)) current.Abstract += " " + text;
            else current.Comments.Add(text);
            current.LastLine = line.Number;
        }
        if (current is not null)
        {
            diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, current.FirstLine, 1,
                "The last entry has no arXiv: id after it; kept without an id.",
                "Copy the listing through the entry's arXiv: id line.");
            records.Add(current.ToRecord(file, current.LastLine, null));
        }
        return records;
    }

    /// <summary>
    /// An abstract copied with hard line breaks goes on in a line that starts in lower case or is too long for a
    /// comment; comment lines ("14 pages, 7 figures", "Accepted to ICML 2025") are short and start with a capital or digit.
    /// </summary>
    private static bool IsAbstractContinuation(string line) => line.Length > 200 || char.IsLower(line[0]);

    private sealed class Entry(int firstLine)
    {
        public int FirstLine { get; } = firstLine;
        public int LastLine { get; set; } = firstLine;
        public string? Abstract { get; set; }
        public List<string> Comments { get; } = [];

        public PaperRecord ToRecord(string file, int endLine, ArxivIdentifier? id)
        {
            var abstractText = Abstract is null ? null : ListingWhitespace.Collapse(Abstract);
            return new PaperRecord
            {
                Source = new SourceRef(file, FirstLine, endLine, SourceKind.ArxivListing),
                Abstract = abstractText,
                AbstractTruncated = TextClean.LooksTruncated(abstractText),
                ArxivId = id?.BaseId,
                ArxivVersion = id?.Version,
                Comments = Comments.Count == 0 ? null : string.Join("; ", Comments.Select(ListingWhitespace.Collapse)),
            };
        }
    }
}
