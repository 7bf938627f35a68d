using System.Buffers;
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
internal static class PaperBlock
{
    private enum ItemKind { Text, Comments, AbstractLabel, Note, Date, Published, Url, Authors }

    /// <summary>One item and what its text was read as, worked out once per text: the kind is asked as lines are joined and again when the item is read.</summary>
    private sealed class Item(string text, ItemKind? fixedKind = null)
    {
        private string _text = text;
        private readonly ItemKind? _fixedKind = fixedKind;
        private ItemKind? _kind = fixedKind;
        private IReadOnlyList<FoundUrl>? _urls;

        public string Text
        {
            get => _text;
            set
            {
                _text = value;
                (_kind, _urls, Date, Authors, PublishedOn) = (_fixedKind, null, null, null, null);
            }
        }

        public int LastLineLength { get; set; } = text.Length;

        public ItemKind Kind => _kind ??= Classify(this);

        /// <summary>The URLs in the text.</summary>
        public IReadOnlyList<FoundUrl> Urls => _urls ??= ReadingText.FindUrls(_text);

        /// <summary>The date line the text is, when its kind is Date.</summary>
        public ReadingText.DateLine? Date { get; private set; }

        /// <summary>The date of a "Published: 17 January 2024" line, when its kind is Published.</summary>
        public DateOnly? PublishedOn { get; private set; }

        /// <summary>The author list the text is, when its kind is Authors.</summary>
        public ReadingText.AuthorList? Authors { get; private set; }

        private static ItemKind Classify(Item item)
        {
            var text = item._text;
            var labelled = LabelKind(text);
            if (labelled == ItemKind.Note && text.AsSpan().TrimStart("* ").StartsWith("published", StringComparison.OrdinalIgnoreCase)
                && (item.PublishedOn = ReadingText.ParsePublishedDate(text)) is not null) return ItemKind.Published;
            if (labelled is not null) return labelled.Value;
            if ((item.Date = ReadingText.ParseDateLine(text)) is not null) return ItemKind.Date;
            if (IsUrlLine(text, item)) return ItemKind.Url;
            if ((item.Authors = ReadingText.ParseAuthors(text)) is not null) return ItemKind.Authors;
            return ItemKind.Text;
        }
    }

    /// <summary>Labels whose line is a note about the paper, never its URL, date or authors ("Related: … [Submitted on …]" is another paper).</summary>
    private static readonly string[] NoteLabels =
    [
        "keywords", "keyword", "subjects", "subject", "correspondence", "related", "referenced in", "contribution", "key papers covered",
        "published", "journal reference", "cite as", "acm classes", "msc classes", "code", "project page", "citation", "questions answered",
    ];

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

    private static List<Item> CollectItems(List<BodyLine> lines)
    {
        var items = new List<Item>();
        var previousBlank = true;
        // While above zero, the indentation of a labelled note ("+ Insights:") whose deeper lines are its own list.
        var noteIndent = -1;
        foreach (var line in lines)
        {
            if (line.IsBlank) { previousBlank = true; continue; }
            var content = line.Content;
            var last = items.Count > 0 ? items[^1] : null;
            if (noteIndent >= 0 && line.Indent > noteIndent && last is not null)
            {
                var noteSoFar = last.Text.TrimEnd();
                last.Text = noteSoFar + (noteSoFar.EndsWith(':') || noteSoFar.EndsWith(';') ? " " : "; ") + content;
                previousBlank = false;
                continue;
            }
            noteIndent = -1;
            if (line.IsBullet && content.EndsWith(':') && LabelKind(content) is null)
            {
                // "+ Elements:" / "+ There are two main approaches ...:" with "  - ..." under it: one note of the paper.
                items.Add(new Item(content, ItemKind.Note));
                noteIndent = line.Indent;
                previousBlank = false;
                continue;
            }
            if (!line.IsBullet && last is not null && !previousBlank && !StartsWithLabel(content))
            {
                var lastKind = last.Kind;
                var continues = ((lastKind == ItemKind.Text || lastKind == ItemKind.AbstractLabel) && ContinuesText(last, content))
                    || (lastKind == ItemKind.Authors && (line.Indent > 0 || ReadingText.ParseAuthors(content) is not null) && last.Text.TrimEnd().EndsWith(','))
                    || (lastKind == ItemKind.Authors && line.Indent > 0);
                if (continues)
                {
                    // A short previous line is a hard wrap (join with a space); a long one ended a paragraph.
                    var separator = last.LastLineLength >= 150 ? "\n\n" : " ";
                    last.Text = last.Text.TrimEnd() + separator + content;
                    last.LastLineLength = content.Length;
                    previousBlank = false;
                    continue;
                }
            }
            items.Add(new Item(content));
            previousBlank = false;
        }
        return items;
    }

    /// <summary>
    /// An unbulleted line goes on with the text before it when that ended a long paragraph line or a hard-wrapped line
    /// (ending in a letter or punctuation). A short line ending in ']', ')' or a number is a list entry of its own
    /// ("…, NeurIPS, 2021 [Paper] [Poster]"), as in publication lists.
    /// </summary>
    private static bool ContinuesText(Item last, string next)
    {
        if (last.LastLineLength >= 150) return true;
        var end = last.Text.TrimEnd();
        if (end.Length == 0) return false;
        var c = end[^1];
        return !(c is ']' or ')' || char.IsDigit(c)) || (next.Length > 0 && char.IsLower(next[0]));
    }

    private static bool StartsWithLabel(string text) => LabelKind(text) is not null;

    /// <summary>The kind of a labelled line ("Comments:", "Abstract:", a note label), null when it starts with no label.</summary>
    private static ItemKind? LabelKind(string text)
    {
        var start = text.AsSpan().TrimStart("* ");
        // Every label starts with an ASCII letter, so a line starting with other ASCII ("[URL]", "[Submitted on") has none;
        // non-ASCII is left to the comparison, where OrdinalIgnoreCase matches 'ſ' with 's'.
        if (start.IsEmpty || (char.IsAscii(start[0]) && !char.IsAsciiLetter(start[0]))) return null;
        if (StartsWithLabel(start, "comments") || StartsWithLabel(start, "comment")) return ItemKind.Comments;
        if (StartsWithLabel(start, "abstract")) return ItemKind.AbstractLabel;
        foreach (var label in NoteLabels)
            if (StartsWithLabel(start, label)) return ItemKind.Note;
        return null;
    }

    /// <summary>"Comments:", "Comments :", "**Keywords:**" at the start of the text (already without its leading '*' and ' ').</summary>
    private static bool StartsWithLabel(ReadOnlySpan<char> start, string label)
    {
        if (!start.StartsWith(label, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = start[label.Length..].TrimStart(' ');
        return rest.StartsWith(":", StringComparison.Ordinal);
    }

    /// <summary>A line that is a link and at most a short label or date: "[URL](…)", "Link: …", "FlexGen: …", "05 March 2022 https://doi.org/…", "arXiv: 2401.12345".</summary>
    private static bool IsUrlLine(string text, Item item)
    {
        if (text.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase) && ArxivIdentifiers.TryRead(text.AsSpan(6).TrimStart(), 0, out _) > 0)
            return true;
        var urls = item.Urls;
        if (urls.Count == 0) return false;
        // What is left without the URLs (found in order, never overlapping) and brackets, in one buffer.
        var rented = text.Length <= 256 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan();
        var length = 0;
        var at = 0;
        foreach (var found in urls)
        {
            length = AppendWithoutBrackets(text.AsSpan(at, found.Start - at), buffer, length);
            at = found.Start + found.Length;
        }
        length = AppendWithoutBrackets(text.AsSpan(at), buffer, length);
        var remainder = buffer[..length].Trim(" \t:-–|/+");
        var isUrlLine = remainder.IsEmpty || (CountWords(remainder) <= 4 && !remainder.Contains(". ", StringComparison.Ordinal));
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return isUrlLine;
    }

    private static int AppendWithoutBrackets(ReadOnlySpan<char> text, Span<char> buffer, int length)
    {
        foreach (var c in text)
            if (c is not ('[' or ']' or '(' or ')' or '<' or '>')) buffer[length++] = c;
        return length;
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        foreach (var range in text.Split(' '))
            if (!text[range].IsEmpty) words++;
        return words;
    }

    private static string? UrlOfLine(Item item)
    {
        var text = item.Text;
        var urls = item.Urls;
        if (urls.Count > 0) return urls[0].Url;
        if (text.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase)
            && ArxivIdentifiers.TryRead(text.AsSpan(6).TrimStart(), 0, out var id) > 0)
            return "https://arxiv.org/abs/" + id.BaseId + (id.Version is { } v ? "v" + v : "");
        return null;
    }

    /// <summary>Heading text into title and URL: "Splitwise: https://…" -> ("Splitwise", url); "[Title](url)" -> ("Title", url).</summary>
    private static (string Title, string? Url) SplitTitle(string raw)
    {
        var urls = ReadingText.FindUrls(raw);
        if (urls.Count == 0) return (ReadingText.CleanTitle(raw), null);
        var first = urls[0];
        var before = raw[..first.Start];
        var linkText = before.LastIndexOf('[');
        if (linkText >= 0 && before.EndsWith("](", StringComparison.Ordinal))
        {
            // [Title](url): the link text is the title.
            var text = before[(linkText + 1)..^2];
            if (!text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                return (ReadingText.CleanTitle(before[..linkText] + text), first.Url);
            before = before[..linkText];
        }
        var after = raw[(first.Start + first.Length)..].Trim(' ', ')', ']');
        var title = ReadingText.CleanTitle((before.Trim().TrimEnd('[', '(', ':', '-', '–').Trim() + " " + after).Trim());
        return (title, first.Url);
    }

    /// <summary>A short line that reads like a title: no URL, no final period, not a list of names.</summary>
    private static bool IsTitleLike(Item item) =>
        item.Text.Length <= 200 && !item.Text.TrimEnd().EndsWith('.') && item.Urls.Count == 0 && !item.Text.Contains('\n');

    /// <summary>A reference line ("He, Yuting, … “Title.” IEEE Reviews … https://doi.org/…") is a note, not an abstract.</summary>
    private static bool IsCitation(string text) =>
        text.Contains('“') && text.Contains("doi.org", StringComparison.OrdinalIgnoreCase);

    private static string NormaliseParagraphs(string text) =>
        text.Contains("\n\n", StringComparison.Ordinal)
            ? string.Join("\n\n", text.Split("\n\n").Select(TextClean.CollapseWhitespace))
            : TextClean.CollapseWhitespace(text);
}
