using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Content.Readings;

/// <summary>
/// Finds the papers in a session body's reading sections (Required Readings, More Readings, ...).
/// Line based: a reading section starts at a heading whose text ends in "reading(s)" (before any ": SUFFIX"), or starts
/// with "Readings on/for/..." ("Readings on Efficient Model Serving :"), and runs until a heading at the same or a higher
/// level that is not itself a reading heading. Inside a section a paper is
/// <list type="bullet">
/// <item>a heading (any level deeper than the section; <c>####</c> papers under a <c>####</c> section too), with the lines up to the next heading;</item>
/// <item>a top-level bullet whose indented lines carry paper evidence (a link, authors, a date or an abstract);</item>
/// <item>an enumerated line, bullet or bare (<c>a. Title</c>, <c>+ c.Title (January 2025)</c>), with the lines up to the next paper.</item>
/// </list>
/// A heading is a group, not a paper, when its bullets are papers ("2025 HIGH-IMPACT PAPERS"), when it has nothing of
/// its own before deeper headings (they are the papers), or when it introduces a table. A labelled note with its own list
/// ("+ Insights:" then "  - ...") belongs to the paper before it. A heading listing three or more links and no authors
/// or date is a list of links: kept as text with warning SG2103.
/// Section kind: "required" in the heading means Required; more/further/extra/background/additional/optional/other means Further;
/// a plain "Readings" (or "PPO Readings") is Required. A sub-heading without either word keeps its parent's kind.
/// </summary>
public static class ReadingsParser
{
    /// <param name="file">Session file relative to the content folder (for SourceRef).</param>
    /// <param name="sessionName">Session file basename.</param>
    /// <param name="body">Markdown body (after front matter).</param>
    /// <param name="bodyStartLine">1-based line of the body's first line in the file.</param>
    /// <param name="displayPath">Path to print in diagnostics.</param>
    public static IReadOnlyList<PaperRecord> Parse(string file, string sessionName, string body, int bodyStartLine, string displayPath, DiagnosticBag diagnostics)
    {
        var context = new BlockContext(file, sessionName, displayPath, diagnostics);
        var records = new List<PaperRecord>();
        var region = new List<BodyLine>();
        BodyLine? heading = null;
        var inSection = false;
        var sectionLevel = 0;
        var section = ReadingSection.None;
        var inFence = false;

        // nextLevel: the level of the heading that ends the block (0 at the end of the body).
        void Flush(int nextLevel)
        {
            if (inSection)
            {
                if (heading is { } h) ReadHeadingBlock(h, region, nextLevel, section, context, records);
                else ReadLooseRegion(region, section, context, records);
            }
            region.Clear();
            heading = null;
        }

        foreach (var line in BodyLine.Split(body, bodyStartLine))
        {
            var trimmed = line.Span.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            if (inFence) continue;

            if (line.HeadingLevel > 0)
            {
                Flush(line.HeadingLevel);
                var text = line.HeadingText;
                if (IsReadingHeading(text))
                {
                    var kind = ClassifySection(text);
                    if (inSection && line.HeadingLevel > sectionLevel)
                    {
                        // A sub-heading like "### Multiple system ML readings" stays in the section; it may switch its kind.
                        section = kind ?? section;
                    }
                    else
                    {
                        inSection = true;
                        sectionLevel = line.HeadingLevel;
                        section = kind ?? ReadingSection.Required;
                    }
                }
                else if (inSection && !EndsSection(line.HeadingLevel, sectionLevel))
                {
                    heading = line;
                }
                else
                {
                    // A heading outside the readings (a blog after them, a lecture outline) is not a paper.
                    inSection = false;
                }
                continue;
            }
            if (inSection) region.Add(line);
        }
        Flush(0);
        return records;
    }

    /// <summary>A heading at the section's level or above ends it; "####" sections are the exception, their papers are "####" too.</summary>
    private static bool EndsSection(int level, int sectionLevel) => level < sectionLevel || (level == sectionLevel && sectionLevel <= 3);

    /// <summary>
    /// "Required Readings: ACTION & TOOL USE", "More readings", "Reading", "Multiple system ML readings": the part before ':'
    /// ends in reading(s), in at most five words; or it starts with "Readings" and a preposition ("Readings on Efficient Model Serving").
    /// </summary>
    internal static bool IsReadingHeading(string text)
    {
        // Asked of every heading, paper titles included: read over spans, and a sixth word ends it.
        var colon = text.IndexOf(':');
        var head = (colon >= 0 ? text.AsSpan(0, colon) : text.AsSpan()).Trim().TrimEnd(".* ").TrimStart('*');
        var words = 0;
        ReadOnlySpan<char> first = default, second = default, last = default;
        foreach (var range in head.Split(' '))
        {
            if (head[range].IsEmpty) continue;
            if (++words > 5) return false;
            if (words == 1) first = head[range];
            else if (words == 2) second = head[range];
            last = head[range];
        }
        if (words == 0) return false;
        if (last.Equals("reading", StringComparison.OrdinalIgnoreCase) || last.Equals("readings", StringComparison.OrdinalIgnoreCase)) return true;
        // "Reading Between the Lines: ..." is a paper; only the plural with a preposition names a section.
        if (!first.Equals("readings", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var preposition in SectionPrepositions)
            if (second.Equals(preposition, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] SectionPrepositions = ["on", "for", "about", "in", "from"];

    private static readonly string[] FurtherWords = ["more", "further", "extra", "background", "additional", "optional", "other", "supplementary"];

    /// <summary>"required" among the words before ':' (lowercased, split at spaces) is Required; a <see cref="FurtherWords"/> word Further.</summary>
    /// <remarks>Word by word over the heading, each lowercased into a small buffer: no lowercased copy and word array per heading.</remarks>
    internal static ReadingSection? ClassifySection(string text)
    {
        var colon = text.IndexOf(':');
        var head = colon >= 0 ? text.AsSpan(0, colon) : text.AsSpan();
        Span<char> lower = stackalloc char[LongestSectionWord];
        var further = false;
        foreach (var range in head.Split(' '))
        {
            var word = head[range];
            // Lowercasing keeps the length, so only words as long as one of the section words can become one.
            if (word.Length < 4 || word.Length > LongestSectionWord) continue;
            var lowered = lower[..word.ToLowerInvariant(lower)];
            if (lowered.SequenceEqual("required")) return ReadingSection.Required;
            if (!further)
                foreach (var candidate in FurtherWords)
                    if (lowered.SequenceEqual(candidate)) further = true;
        }
        return further ? ReadingSection.Further : null;
    }

    private const int LongestSectionWord = 13;

    private static void ReadHeadingBlock(BodyLine heading, List<BodyLine> lines, int nextLevel, ReadingSection section, BlockContext context, List<PaperRecord> records)
    {
        var firstLine = lines.FindIndex(l => !l.IsBlank);
        // A heading with nothing of its own before deeper headings groups them ("### 2025 HIGH-IMPACT PAPERS" then "#### Title"):
        // the deeper headings are the papers.
        if (firstLine < 0 && nextLevel > heading.HeadingLevel) return;
        // A heading that introduces a table (slide decks of earlier offerings) groups its rows; rows are not papers.
        if (firstLine >= 0 && lines[firstLine].IsTableRow)
        {
            ReadLooseRegion(lines[(firstLine + 1)..].FindAll(l => !l.IsTableRow), section, context, records);
            return;
        }
        if (PaperBlock.LinkListLength(lines) is > 0 and var links)
        {
            context.Diagnostics.Warning(DiagnosticCodes.ReadingNotRecognised, context.DisplayPath, heading.Number, 1,
                $"Heading \"{Shorten(heading.HeadingText)}\" lists {links} links and no authors or date: it was read as a list of links, not as a paper.",
                "If it is one paper, keep its link on the first line and move the others to a 'Related:' line; if each link is a paper, give each a '#### Title' heading.");
            return;
        }
        if (HasBulletPapers(lines))
        {
            // A group heading ("### 2025 HIGH-IMPACT PAPERS on this topic"): the papers are its bullets.
            ReadLooseRegion(lines, section, context, records);
            return;
        }
        // An enumerated line ("b. Next Title") after an enumerated heading starts the next paper.
        var split = -1;
        for (var i = 0; i < lines.Count && split < 0; i++)
            if (!lines[i].IsBlank && lines[i].IsTopLevel && ReadingText.IsEnumerated(lines[i].ContentSpan)) split = i;
        var own = split < 0 ? lines : lines[..split];
        records.Add(PaperBlock.Read(heading.Number, heading.HeadingText, own, section, context));
        if (split >= 0) ReadLooseRegion(lines[split..], section, context, records);
    }

    /// <summary>A top-level bullet that is a paper (<see cref="IsBulletPaper"/>): the heading above groups papers.</summary>
    private static bool HasBulletPapers(List<BodyLine> lines)
    {
        for (var i = 0; i < lines.Count; i++)
            if (IsBulletPaper(lines, i)) return true;
        return false;
    }

    /// <summary>
    /// A top-level bullet with lines under it that carry paper evidence (a link, authors, a date or an abstract), and
    /// that is not a labelled note ("+ Insights:" with its own list): the note belongs to the paper before it.
    /// </summary>
    private static bool IsBulletPaper(List<BodyLine> lines, int index)
    {
        var line = lines[index];
        if (!line.IsTopLevel || !line.IsBullet || !HasChildren(lines, index) || line.ContentSpan.EndsWith(":", StringComparison.Ordinal)) return false;
        var end = index + 1;
        while (end < lines.Count && (lines[end].IsBlank || !lines[end].IsTopLevel)) end++;
        return PaperBlock.HasPaperEvidence(lines, index + 1, end);
    }

    /// <summary>Lines of a section not under a paper heading: papers are bullets with indented lines and enumerated lines.</summary>
    private static void ReadLooseRegion(List<BodyLine> lines, ReadingSection section, BlockContext context, List<PaperRecord> records)
    {
        BodyLine? title = null;
        var items = new List<BodyLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) { if (title is not null) items.Add(line); continue; }
            var startsPaper = line.IsTopLevel && (IsBulletPaper(lines, i) || ReadingText.IsEnumerated(line.ContentSpan));
            if (startsPaper)
            {
                if (title is { } t) records.Add(PaperBlock.Read(t.Number, t.Content, items, section, context));
                title = line;
                items = [];
                continue;
            }
            if (title is not null) { items.Add(line); continue; }
            // The lines under a bullet that was reported go with it.
            if (line.IsBullet && line.IsTopLevel)
                context.Diagnostics.Warning(DiagnosticCodes.ReadingNotRecognised, context.DisplayPath, line.Number, line.Indent + 1,
                    $"Bullet in a reading section was not read as a paper: {Shorten(line.Content)}",
                    "If it is a paper, make it a '#### Title' heading, or put its authors and abstract on indented lines under it.");
        }
        if (title is { } last) records.Add(PaperBlock.Read(last.Number, last.Content, items, section, context));
    }

    /// <summary>The next non-blank line after a top-level bullet is indented by two or more: the bullet has lines under it.</summary>
    private static bool HasChildren(List<BodyLine> lines, int index)
    {
        for (var j = index + 1; j < lines.Count; j++)
        {
            if (lines[j].IsBlank) continue;
            return lines[j].Indent >= 2;
        }
        return false;
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>What every paper block needs to build its record and report problems.</summary>
internal sealed record BlockContext(string File, string SessionName, string DisplayPath, DiagnosticBag Diagnostics);

/// <summary>One line of a session body with its file line number and markdown shape.</summary>
/// <remarks>
/// The shape is worked out once, over the body's characters, when the line is made: the parser asks it of every line
/// several times. A value, not an object per line; only a heading's text and the content of lines that are read
/// (asked once each) get strings of their own.
/// </remarks>
internal readonly struct BodyLine
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _length;

    private BodyLine(int number, string source, int start, int length)
    {
        Number = number;
        _source = source;
        _start = start;
        _length = length;
        var span = Span;
        var trimmed = span.Trim();
        IsBlank = trimmed.IsEmpty || IsIgnorable(trimmed);
        var indent = 0;
        foreach (var c in span)
        {
            if (c == ' ') indent++;
            else if (c == '\t') indent += 4;
            else break;
        }
        Indent = indent;
        var lead = span.TrimStart();
        HeadingLevel = HeadingLevelOf(lead, indent);
        IsBullet = lead.Length >= 2 && lead[0] switch
        {
            '+' => true,
            '-' or '*' => lead[1] is ' ' or '\t',
            _ => false,
        };
        HeadingText = HeadingLevel > 0 ? lead.TrimStart('#').Trim().TrimEnd('#').Trim().ToString() : "";
    }

    public int Number { get; }

    public ReadOnlySpan<char> Span => _source.AsSpan(_start, _length);

    public static IEnumerable<BodyLine> Split(string body, int firstLine)
    {
        var number = firstLine;
        var start = 0;
        if (body.Length > 0 && body[0] == '\uFEFF') start = 1;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            var length = end - start;
            while (length > 0 && body[start + length - 1] == '\r') length--;
            yield return new BodyLine(number++, body, start, length);
            start = end + 1;
        }
    }

    public bool IsBlank { get; }

    /// <summary>Leading spaces, a tab counting four.</summary>
    public int Indent { get; }

    public bool IsTopLevel => Indent < 2;

    /// <summary>ATX heading level (1-6), 0 when not a heading.</summary>
    public int HeadingLevel { get; }

    /// <summary>A heading's text without its '#' marks, "" for other lines (made with the line: every heading's is asked).</summary>
    public string HeadingText { get; }

    /// <summary>A markdown table row or delimiter row: "| a | b |".</summary>
    public bool IsTableRow => Indent < 4 && Span.TrimStart().StartsWith("|", StringComparison.Ordinal);

    /// <summary>"+ x", "- x", "* x", and "+x" (seen as "+[Submitted on ...]").</summary>
    public bool IsBullet { get; }

    /// <summary>The text without indentation and bullet marker.</summary>
    public ReadOnlySpan<char> ContentSpan => (IsBullet ? Span.TrimStart()[1..] : Span).Trim();

    /// <summary><see cref="ContentSpan"/> as a string: a new one each time, asked once for each line read.</summary>
    public string Content => ContentSpan.ToString();

    private static int HeadingLevelOf(ReadOnlySpan<char> trimmed, int indent)
    {
        if (indent > 3 || trimmed.IsEmpty || trimmed[0] != '#') return 0;
        var level = 0;
        while (level < trimmed.Length && trimmed[level] == '#') level++;
        if (level > 6) return 0;
        return level == trimmed.Length || trimmed[level] is ' ' or '\t' ? level : 0;
    }

    /// <summary>HTML comments (<c>&lt;!--excerpt.start--&gt;</c>), images and horizontal rules carry no paper data.</summary>
    private static bool IsIgnorable(ReadOnlySpan<char> trimmed) =>
        (trimmed.StartsWith("<!--", StringComparison.Ordinal) && trimmed.EndsWith("-->", StringComparison.Ordinal))
        || trimmed.StartsWith("![", StringComparison.Ordinal)
        || trimmed is "---" or "***" or "___";
}
