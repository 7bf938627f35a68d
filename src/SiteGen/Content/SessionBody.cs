using System.Text;
using SiteGen.Model;

namespace SiteGen.Content;

/// <summary>
/// A session's markdown made ready for the pages and for search: the summary as HTML, the body as runs of HTML with
/// the places of its reading entries (the site puts a card for each there), and its text for search.
/// </summary>
public static class SessionBody
{
    public static Session Render(Session s) => s with
    {
        SummaryHtml = s.Summary.Length > 0 ? MarkdownRenderer.ToExcerptHtml(s.Summary) : "",
        BodyParts = Parts(s),
        SearchText = SearchText(s),
    };

    /// <summary>The body as escaped preformatted text with every reading placed after it, for a body Markdown cannot render.</summary>
    public static Session Preformatted(Session s) => s with
    {
        SummaryHtml = PreformattedSummary(s.Summary),
        BodyParts = [new SessionBodyPart("<pre>" + System.Net.WebUtility.HtmlEncode(s.Body) + "</pre>\n", Enumerable.Range(0, s.Readings.Count).ToArray())],
        SearchText = s.Body,
    };

    /// <summary>The summary rendered when only the body past it is too deep for Markdown, else escaped as the body is.</summary>
    private static string PreformattedSummary(string summary)
    {
        if (summary.Length == 0) return "";
        try
        {
            return MarkdownRenderer.ToExcerptHtml(summary);
        }
        catch (ArgumentException e) when (MarkdownRenderer.IsDepthLimit(e))
        {
            return "<pre>" + System.Net.WebUtility.HtmlEncode(summary) + "</pre>\n";
        }
    }

    /// <summary>
    /// A session's text for search: its own prose (the body without its reading entries) as plain text, then each
    /// reading's title, authors and notes. A reading's abstract is searched in the paper's own document; indexing it again
    /// in every session that assigns it would double the index (and its download) for no new result.
    /// </summary>
    private static string SearchText(Session s)
    {
        var body = s.Body;
        if (s.Readings.Count == 0) return MarkdownRenderer.ToPlainText(body);
        var prose = new StringBuilder();
        var owner = ReadingOwners(s, body.AsSpan().Count('\n') + 1);
        var i = 0;
        foreach (var range in body.AsSpan().Split('\n'))
            if (owner[i++] < 0) prose.Append(body.AsSpan(range)).Append('\n');
        var text = new StringBuilder(MarkdownRenderer.ToPlainText(prose.ToString()));
        foreach (var r in s.Readings)
        {
            if (r.Title is { Length: > 0 } title) text.Append(text.Length > 0 ? " " : "").Append(title);
            if (r.Authors.Count > 0) text.Append(' ').AppendJoin(", ", r.Authors);
            foreach (var note in r.Notes) text.Append(' ').Append(note);
        }
        return text.ToString();
    }

    /// <summary>For each body line (0-based), the index of the reading whose source span holds it, or -1 for the session's own text.</summary>
    private static int[] ReadingOwners(Session s, int lineCount)
    {
        var owner = new int[lineCount];
        Array.Fill(owner, -1);
        for (var r = 0; r < s.Readings.Count; r++)
        {
            var src = s.Readings[r].Source;
            for (var line = src.StartLine; line <= src.EndLine; line++)
            {
                var i = line - s.BodyLine;
                if (i >= 0 && i < lineCount) owner[i] = r;
            }
        }
        return owner;
    }

    /// <summary>
    /// Splits the body by file lines: lines inside a reading's span become that reading's place, the rest is rendered markdown.
    /// Readings whose span is not in the body (should not happen) are placed at the end, so no reading is lost.
    /// </summary>
    private static List<SessionBodyPart> Parts(Session s)
    {
        // Lines are kept as offsets into the body: a run of text lines is one substring (the same text as joining the
        // lines with '\n'), so the body is neither split nor joined.
        var body = s.Body;
        var lineStarts = new List<int>(body.AsSpan().Count('\n') + 1) { 0 };
        for (var at = body.IndexOf('\n'); at >= 0; at = body.IndexOf('\n', at + 1)) lineStarts.Add(at + 1);
        var lineCount = lineStarts.Count;
        int LineEnd(int line) => line + 1 < lineCount ? lineStarts[line + 1] - 1 : body.Length;
        bool IsBlankLine(int line) => body.AsSpan(lineStarts[line], LineEnd(line) - lineStarts[line]).IsWhiteSpace();

        var owner = ReadingOwners(s, lineCount);
        var parts = new List<SessionBodyPart>();
        var placed = new bool[s.Readings.Count];
        // The text lines waiting to be rendered: always consecutive (text and readings are never pending together).
        var textFirst = 0;
        var textCount = 0;
        var pending = new List<int>();
        string TextMarkdown() => textCount == 0 ? "" : body[lineStarts[textFirst]..LineEnd(textFirst + textCount - 1)];
        void Flush()
        {
            var markdown = TextMarkdown();
            var hasText = !string.IsNullOrWhiteSpace(markdown);
            if (hasText || pending.Count > 0)
                parts.Add(new SessionBodyPart(hasText ? MarkdownRenderer.ToHtml(markdown) : "", pending.ToArray()));
            textCount = 0;
            pending.Clear();
        }
        void AddText(int line)
        {
            if (textCount == 0) textFirst = line;
            textCount++;
        }
        for (var i = 0; i < lineCount; i++)
        {
            if (owner[i] < 0)
            {
                // Blank lines between two papers do not split a run of readings.
                if (pending.Count > 0 && textCount == 0 && IsBlankLine(i)) continue;
                if (pending.Count > 0 && textCount == 0) { Flush(); }
                AddText(i);
                continue;
            }
            if (textCount > 0 && pending.Count == 0)
            {
                var markdown = TextMarkdown();
                textCount = 0;
                if (!string.IsNullOrWhiteSpace(markdown)) parts.Add(new SessionBodyPart(MarkdownRenderer.ToHtml(markdown), []));
            }
            if (!placed[owner[i]]) { placed[owner[i]] = true; pending.Add(owner[i]); }
        }
        if (pending.Count > 0)
        {
            var (keepFirst, keepCount) = (textFirst, textCount);
            textCount = 0;
            Flush();
            (textFirst, textCount) = (keepFirst, keepCount);
        }
        Flush();
        var missing = Enumerable.Range(0, placed.Length).Where(k => !placed[k]).ToArray();
        if (missing.Length > 0) parts.Add(new SessionBodyPart("", missing));
        return parts;
    }
}
