using System.Globalization;
using System.Text;

namespace SiteGen.Finder;

/// <summary>
/// "Copy as reading": a paper as the block a session's reading section holds, in the shape the readings parser reads
/// back (<c>#### Title</c>, then bullets: URL, date, authors, abstract). Pasted into a session it is one reading, and the
/// arXiv link makes it merge with the same catalog paper instead of adding a duplicate.
/// </summary>
public static class ReadingMarkdown
{
    public static string For(FoundPaper paper)
    {
        var sb = new StringBuilder();
        // A reading needs a title; an arXiv listing gives none, so the id stands in (the link still merges it).
        sb.Append("#### ").Append(Line(paper.Title ?? (paper.ArxivId is { } id ? "arXiv:" + id : paper.Url ?? paper.Id))).Append('\n');
        var url = paper.ArxivId is { } arxiv ? "https://arxiv.org/abs/" + arxiv : paper.Url;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            var escaped = uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
                .Replace("[", "%5B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
            sb.Append("+ [").Append(escaped).Append("](").Append(escaped).Append(")\n");
        }
        if (paper.Date is { } date)
            sb.Append("+ [Submitted on ").Append(date.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).Append("]\n");
        if (paper.Authors.Count > 0)
        {
            sb.Append("+ ").Append(Line(string.Join(", ", paper.Authors)));
            var more = paper.AuthorCount - paper.Authors.Count;
            if (more > 0) sb.Append(" (").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" additional authors not shown)");
            sb.Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(paper.Abstract)) sb.Append("+ ").Append(Line(paper.Abstract)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Scraped text on one line. Not HTML-escaped: the session page renders a reading from the parsed record (escaped
    /// there), never from the block's markdown, so "Who&amp;When" must stay "Who&When" to merge with its listing.
    /// </summary>
    private static string Line(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
