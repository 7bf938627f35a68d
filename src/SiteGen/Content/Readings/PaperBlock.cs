using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>
/// Turns one paper's title and lines into a record. Each bullet starts an item; an unbulleted line continues the item
/// before it when that is text (a hard-wrapped abstract) or an author list (a wrapped author line), else starts its own.
/// Items are then read by shape: date line, URL line, labelled line (Comments:, Keywords:, ...), author list, text.
/// Text of 200+ characters is abstract (several such paragraphs are joined by a blank line); shorter text is a note.
/// arXiv's "this https URL" placeholder is kept verbatim in the abstract: it is what the source says, and a renderer can spot it.
/// </summary>
internal static partial class PaperBlock
{
    /// <summary>Shorter text than this is a note (venue, highlight), not abstract.</summary>
    private const int MinAbstractLength = 200;

    public static PaperRecord Read(int titleLine, string rawTitle, List<BodyLine> lines, ReadingSection section, BlockContext context)
    {
        var items = CollectItems(lines);
        var lastLine = titleLine;
        for (var i = lines.Count - 1; i >= 0; i--)
            if (!lines[i].IsBlank) { lastLine = lines[i].Number; break; }

        // Title: "#### Splitwise: https://arxiv.org/pdf/2311.18677" gives a name and a URL; "[Title](url)" a title and a URL.
        var (title, titleUrl) = SplitTitle(rawTitle);
        if (titleUrl is not null)
        {
            // The full title is often the first short text line below ("+ Splitwise: Efficient generative LLM inference …").
            var fullTitle = items.Take(3).FirstOrDefault(i => i.Kind == ItemKind.Text && IsTitleLike(i));
            if (fullTitle is not null)
            {
                title = ReadingText.CleanTitle(fullTitle.Text);
                items.Remove(fullTitle);
            }
        }

        string? url = titleUrl;
        DateOnly? submitted = null, revised = null, published = null;
        int? dateVersion = null;
        IReadOnlyList<string>? authors = null;
        int? additionalAuthors = null;
        // Made when a paper has any: most have no comments, one abstract paragraph and no second URL.
        List<string>? comments = null;
        List<string>? abstractParts = null;
        var notes = new List<string>();
        List<string>? otherUrls = null;

        foreach (var item in items)
        {
            var text = item.Text;
            switch (item.Kind)
            {
                case ItemKind.Comments:
                    (comments ??= []).Add(TextClean.CollapseWhitespace(text[(text.IndexOf(':') + 1)..]));
                    break;
                case ItemKind.AbstractLabel:
                    (abstractParts ??= []).Add(TextClean.CollapseWhitespace(text[(text.IndexOf(':') + 1)..]));
                    break;
                case ItemKind.Date:
                    var date = item.Date!;
                    if (submitted is null)
                    {
                        (submitted, revised, dateVersion) = (date.Submitted, date.Revised, date.Version);
                        if (date.Remainder.Length > 0)
                        {
                            if (authors is null && ReadingText.ParseAuthors(date.Remainder) is { } sameLine)
                                (authors, additionalAuthors) = (sameLine.Names, sameLine.AdditionalNotShown);
                            else notes.Add(date.Remainder);
                        }
                    }
                    else notes.Add(TextClean.CollapseWhitespace(text));
                    break;
                case ItemKind.Published when published is null:
                    published = item.PublishedOn;
                    break;
                case ItemKind.Url:
                    var found = UrlOfLine(item);
                    if (found is null) notes.Add(TextClean.CollapseWhitespace(text));
                    else if (url is null) url = found;
                    else if (!string.Equals(url, found, StringComparison.Ordinal)) (otherUrls ??= []).Add(found);
                    break;
                case ItemKind.Authors when authors is null:
                    var list = item.Authors!;
                    (authors, additionalAuthors) = (list.Names, list.AdditionalNotShown);
                    break;
                case ItemKind.Text when text.Length >= MinAbstractLength && !IsCitation(text):
                    (abstractParts ??= []).Add(NormaliseParagraphs(text));
                    break;
                default:
                    notes.Add(TextClean.CollapseWhitespace(text));
                    break;
            }
        }
        if (otherUrls is not null) notes.AddRange(otherUrls);

        // Identifiers: from the paper's URL, else from any arXiv or DOI link in its notes (a citation line, a second link).
        var arxiv = url is null ? null : ArxivIdentifiers.FromUrlOrDoi(url);
        var doi = url is null ? null : ReadingText.DoiOf(url);
        foreach (var note in notes)
        {
            if (arxiv is not null && doi is not null) break;
            if (note.StartsWith("Referenced in", StringComparison.OrdinalIgnoreCase) || note.StartsWith("Related", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var link in ReadingText.FindUrls(note))
            {
                arxiv ??= ArxivIdentifiers.FromUrlOrDoi(link.Url);
                doi ??= ReadingText.DoiOf(link.Url);
            }
        }
        // The DOI 10.48550/arXiv.X is arXiv id X.
        if (arxiv is null && doi is not null) arxiv = ArxivIdentifiers.FromUrlOrDoi(doi);

        // An id with an id's shape that arXiv never gave keys no paper: said once, and the reading is kept without it.
        if (arxiv is { } read && ArxivIdentifiers.WhyNotReal(read) is { } why)
        {
            context.Diagnostics.Warning(DiagnosticCodes.ArxivIdNotReal, context.DisplayPath, titleLine, 1,
                $"The reading's arXiv id {read.BaseId} is not one arXiv gave: {why}; the reading is kept without an arXiv id.",
                ArxivIdHint);
            arxiv = null;
        }

        var abstractText = abstractParts is null ? null : abstractParts.Count == 1 ? abstractParts[0] : string.Join("\n\n", abstractParts);
        title = string.IsNullOrWhiteSpace(title) ? null : title;
        var record = new PaperRecord
        {
            Source = new SourceRef(context.File, titleLine, Math.Max(titleLine, lastLine), SourceKind.Session),
            Title = title,
            Url = url,
            ArxivId = arxiv?.BaseId,
            ArxivVersion = arxiv?.Version ?? dateVersion,
            Doi = doi,
            Submitted = submitted,
            Revised = revised,
            Published = published,
            Authors = authors ?? [],
            AuthorCount = additionalAuthors is { } more ? (authors?.Count ?? 0) + more : null,
            Abstract = abstractText,
            AbstractTruncated = TextClean.LooksTruncated(abstractText),
            Comments = comments is null ? null : string.Join("; ", comments),
            Notes = notes,
            Section = section,
            Session = context.SessionName,
        };

        if (record.Title is null)
            context.Diagnostics.Warning(DiagnosticCodes.ReadingNoTitle, context.DisplayPath, titleLine, 1,
                "A reading has no title; it is kept untitled.", "Write the paper's title after the '####' (or bullet).");
        else if (record.Url is null && record.ArxivId is null && record.Doi is null && record.Abstract is null && record.Authors.Count == 0)
            context.Diagnostics.Warning(DiagnosticCodes.ReadingIncomplete, context.DisplayPath, titleLine, 1,
                $"Reading \"{ReadingsParser.Shorten(record.Title)}\" has only a title: no URL, authors or abstract.",
                "Add a '+ [URL](https://arxiv.org/abs/…)' line so the paper can be linked and matched.");
        return record;
    }

    internal const string ArxivIdHint = "Copy the id from the paper's arxiv.org page: YYMM.NNNNN, e.g. 2406.05804 (YYMM.NNNN before 2015).";

    /// <summary>
    /// Whether lines[start..end] (the lines under a bullet) read as a paper's: a link, a date line, an author list or an
    /// abstract-length text among them.
    /// </summary>
    public static bool HasPaperEvidence(List<BodyLine> lines, int start, int end)
    {
        foreach (var item in CollectItems(lines.GetRange(start, end - start)))
        {
            if (item.Kind is ItemKind.Url or ItemKind.Date or ItemKind.Authors or ItemKind.AbstractLabel) return true;
            if (item.Kind == ItemKind.Text && item.Text.Length >= MinAbstractLength) return true;
        }
        return false;
    }

    /// <summary>
    /// The number of different links on link lines when the block is a list of links rather than one paper: three or more,
    /// and no author list or date line to say whose paper they are ("#### Agent Tools/Libraries:" with a link per tool); else 0.
    /// </summary>
    public static int LinkListLength(List<BodyLine> lines)
    {
        // Asked of every paper heading: only a block with three lines holding a link is read into items.
        var linkLines = 0;
        foreach (var line in lines)
            if (line.Span.Contains("http", StringComparison.OrdinalIgnoreCase) && ++linkLines == 3) break;
        if (linkLines < 3) return 0;
        var links = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in CollectItems(lines))
        {
            if (item.Kind is ItemKind.Authors or ItemKind.Date) return 0;
            if (item.Kind == ItemKind.Url && UrlOfLine(item) is { } url) links.Add(url);
        }
        return links.Count >= 3 ? links.Count : 0;
    }
}
