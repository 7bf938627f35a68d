using System.Buffers;
using SiteGen.Text;

namespace SiteGen.Content.Readings;

/// <summary>How a paper block's lines are gathered into items and each item classified (label, date, URL, authors, text).</summary>
internal static partial class PaperBlock
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
