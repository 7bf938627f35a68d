using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Listings;

/// <summary>
/// Hugging Face "Daily Papers" text, with or without metadata. After the page header come paragraphs
/// (runs of non-blank lines): Title, Abstract, then optionally a metadata paragraph
/// (<c>• 16 authors</c> or a submitter line, <c>·</c>, <c>Aug 18, 2024 3</c>). A paragraph after an abstract
/// that is not metadata starts the next entry, so an entry without metadata is kept.
/// </summary>
public static class HuggingFaceListingParser
{
    /// <summary>Header lines of the copied page, skipped only before the first entry.</summary>
    private static readonly HashSet<string> HeaderLines = new(StringComparer.Ordinal)
    {
        "new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community",
    };

    /// <summary>Longer than this, a paragraph is not a title (titles are one line, abstracts a paragraph).</summary>
    private const int MaxTitleLength = 300;

    public static List<PaperRecord> Parse(IEnumerable<SourceLine> lines, string file, string displayPath, DiagnosticBag diagnostics)
    {
        var records = new List<PaperRecord>();
        Entry? entry = null;
        var inHeader = true;
        foreach (var (paragraph, next) in WithNext(Paragraphs(lines)))
        {
            if (inHeader && paragraph.Lines.All(l => IsHeaderLine(l.Text.Trim()))) continue;
            inHeader = false;

            if (IsMetadata(paragraph))
            {
                if (entry is null || entry.Metadata is not null)
                {
                    diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, paragraph.FirstLine, 1,
                        "Author/date lines with no title and abstract before them were not read.",
                        "Each entry is Title, blank line, Abstract, blank line, then its author and date lines.");
                    continue;
                }
                entry.Metadata = paragraph;
                records.Add(entry.ToRecord(file, displayPath, diagnostics));
                entry = null;
                continue;
            }

            var text = ListingWhitespace.JoinCollapsed(paragraph.Lines);
            if (entry is not null && entry.Abstract is null && IsTitleBeforeAbstract(text, next))
            {
                // Title, Title, Abstract: the first entry has no abstract; this paragraph is the next title.
                records.Add(entry.ToRecord(file, displayPath, diagnostics));
                entry = new Entry(paragraph.FirstLine) { Title = text, LastLine = paragraph.LastLine };
                continue;
            }
            if (entry is not null && entry.Abstract is null)
            {
                entry.Abstract = text;
                entry.LastLine = paragraph.LastLine;
                continue;
            }
            if (entry is not null && text.Length > MaxTitleLength)
            {
                // Too long for a title right after an abstract: the abstract's next paragraph.
                entry.Abstract += "\n\n" + text;
                entry.LastLine = paragraph.LastLine;
                continue;
            }
            if (entry is not null) records.Add(entry.ToRecord(file, displayPath, diagnostics));

            if (text.Length > MaxTitleLength)
            {
                // An abstract with no title before it: keep it, say so.
                diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, paragraph.FirstLine, 1,
                    "A paragraph too long to be a title was read as an abstract without a title.",
                    "Put the paper's title on its own line before the abstract.");
                entry = new Entry(paragraph.FirstLine) { Abstract = text, LastLine = paragraph.LastLine };
                continue;
            }
            entry = new Entry(paragraph.FirstLine) { Title = text, LastLine = paragraph.LastLine };
        }
        if (entry is not null) records.Add(entry.ToRecord(file, displayPath, diagnostics));
        return records;
    }

    /// <summary>A short line without a closing period, followed by a paragraph too long to be a title: a title, not an abstract.</summary>
    private static bool IsTitleBeforeAbstract(string text, Paragraph? next) =>
        next is not null && text.Length <= 200 && !text.EndsWith('.') && !text.EndsWith('…')
        && !IsMetadata(next) && TextLength(next) > MaxTitleLength;

    private static int TextLength(Paragraph paragraph)
    {
        var length = 0;
        foreach (var line in paragraph.Lines) length += line.Text.Length;
        return length;
    }

    /// <summary>Each paragraph with the one after it (null at the end): one paragraph of lookahead, still streaming.</summary>
    private static IEnumerable<(Paragraph Current, Paragraph? Next)> WithNext(IEnumerable<Paragraph> paragraphs)
    {
        Paragraph? previous = null;
        foreach (var paragraph in paragraphs)
        {
            if (previous is not null) yield return (previous, paragraph);
            previous = paragraph;
        }
        if (previous is not null) yield return (previous, null);
    }

    internal static bool IsHeaderLine(string text) => HeaderLines.Contains(text) || IsMonthDay(text);

    /// <summary>"Jan 5": the page's date in the header.</summary>
    private static bool IsMonthDay(string text)
    {
        var space = text.IndexOf(' ');
        return space == 3 && text.Length <= 6 && MonthNumber(text.AsSpan(0, 3)) > 0
            && text.AsSpan(4).ToString().All(char.IsAsciiDigit);
    }

    private static bool IsMetadata(Paragraph paragraph)
    {
        foreach (var line in paragraph.Lines)
        {
            var text = line.Text.Trim();
            if (text is "·" or "•" || IsAuthorCount(text, out _) || TryParseDateLine(text, out _, out _)) return true;
        }
        return false;
    }

    /// <summary>"• 16 authors" (bullet optional).</summary>
    internal static bool IsAuthorCount(string text, out int count)
    {
        count = 0;
        if (text.Length > 24) return false;
        var s = text.TrimStart('•', ' ', '\t');
        var space = s.IndexOf(' ');
        if (space <= 0) return false;
        var word = s[(space + 1)..].Trim();
        if (word is not ("authors" or "author")) return false;
        return int.TryParse(s.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    /// <summary>"Aug 18, 2024" with an optional upvote count after it: "Dec 9, 2025 3".</summary>
    internal static bool TryParseDateLine(string text, out DateOnly date, out int? upvotes)
    {
        date = default;
        upvotes = null;
        // "Sep 25, 2023 12345" is at most 18 characters; checking length first keeps abstracts from being split into words.
        if (text.Length is < 11 or > 24) return false;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 3 or > 4) return false;
        var month = MonthNumber(parts[0]);
        if (month == 0 || !parts[1].EndsWith(',')) return false;
        if (!int.TryParse(parts[1].AsSpan(0, parts[1].Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var day)) return false;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        // A year past 9999 has no DateOnly: it is not a date line (the fuzz run found "Aug 18, 10000" throwing).
        if (year is < 1900 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        if (parts.Length == 4)
        {
            if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var votes)) return false;
            upvotes = votes;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Months.Length; i++)
            if (name.Equals(Months[i], StringComparison.Ordinal)) return i + 1;
        return 0;
    }

    internal sealed record Paragraph(IReadOnlyList<SourceLine> Lines)
    {
        public int FirstLine => Lines[0].Number;
        public int LastLine => Lines[^1].Number;
    }

    internal static IEnumerable<Paragraph> Paragraphs(IEnumerable<SourceLine> lines)
    {
        var current = new List<SourceLine>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                if (current.Count > 0) yield return new Paragraph(current);
                current = [];
                continue;
            }
            current.Add(line);
        }
        if (current.Count > 0) yield return new Paragraph(current);
    }

    private sealed class Entry(int firstLine)
    {
        public int FirstLine { get; } = firstLine;
        public int LastLine { get; set; } = firstLine;
        public string? Title { get; init; }
        public string? Abstract { get; set; }
        public Paragraph? Metadata { get; set; }

        public PaperRecord ToRecord(string file, string displayPath, DiagnosticBag diagnostics)
        {
            int? authorCount = null;
            string? submitter = null;
            DateOnly? published = null;
            int? upvotes = null;
            var end = LastLine;
            if (Metadata is not null)
            {
                end = Metadata.LastLine;
                foreach (var line in Metadata.Lines)
                {
                    var text = line.Text.Trim();
                    if (text is "·" or "•") continue;
                    if (IsAuthorCount(text, out var count)) authorCount = count;
                    else if (TryParseDateLine(text, out var date, out var votes)) { published = date; upvotes = votes; }
                    else if (submitter is null) submitter = ListingWhitespace.Collapse(text.TrimStart('•'));
                    else diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, line.Number, 1,
                        $"Unexpected line in the author/date block of \"{Title}\" was not read: {text}",
                        "The block after an abstract holds one author line, '·', and a date like 'Aug 18, 2024'.");
                }
            }
            if (Abstract is null)
                diagnostics.Warning(DiagnosticCodes.ListingEntrySkipped, displayPath, FirstLine, 1,
                    $"\"{Title}\" has no abstract; kept with its title only.",
                    "Copy the abstract paragraph after the title, separated by a blank line.");
            return new PaperRecord
            {
                Source = new SourceRef(file, FirstLine, end, SourceKind.HfListing),
                Title = Title,
                Abstract = Abstract,
                AbstractTruncated = TextClean.LooksTruncated(Abstract),
                AuthorCount = authorCount,
                Submitter = submitter,
                Published = published,
                Upvotes = upvotes,
            };
        }
    }
}
