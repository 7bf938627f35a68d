using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SiteGen.Finder;

/// <summary>The three shapes `find` prints: text for a person, JSON for programs (and the serve page), markdown to paste into a session.</summary>
public static class FindOutput
{
    public static string Text(FindResult result)
    {
        var sb = new StringBuilder();
        foreach (var p in result.Papers)
        {
            sb.Append(p.Rank.ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append(". ").Append(p.Title ?? "(no title)").Append('\n');
            var line = new List<string>();
            if (p.Authors.Count > 0) line.Add(Authors(p));
            if (p.Date is { } date) line.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (p.ArxivId is { } arxiv) line.Add("arXiv:" + arxiv);
            else if (p.Url is { } url) line.Add(url);
            if (line.Count > 0) sb.Append("     ").Append(string.Join(" · ", line)).Append('\n');
            sb.Append("     ").Append(p.Sessions.Count > 0 ? "assigned: " + string.Join(", ", p.Sessions) : "unassigned")
                .Append(" · ").Append(string.Join(", ", p.Sources.Select(s => s.File + ":" + s.Line.ToString(CultureInfo.InvariantCulture)))).Append('\n');
            if (p.Snippet.Length > 0) sb.Append("     ").Append(Snippets.Render(p.Snippet, "[", "]")).Append('\n');
        }
        sb.Append(result.Papers.Count.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(result.TotalHits.ToString(CultureInfo.InvariantCulture)).Append(" matching paper(s)\n");
        return sb.ToString();
    }

    /// <summary>Reading blocks, one after another, ready for a session's reading section.</summary>
    public static string Markdown(FindResult result) => string.Join("\n", result.Papers.Select(ReadingMarkdown.For));

    public static string Json(FindResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("total", result.TotalHits);
            json.WriteStartArray("papers");
            foreach (var p in result.Papers) Paper(json, p);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Paper(Utf8JsonWriter json, FoundPaper p)
    {
        json.WriteStartObject();
        json.WriteNumber("rank", p.Rank);
        json.WriteNumber("score", Math.Round(p.Score, 4));
        json.WriteString("id", p.Id);
        json.WriteString("title", p.Title);
        json.WriteStartArray("authors");
        foreach (var a in p.Authors) json.WriteStringValue(a);
        json.WriteEndArray();
        json.WriteNumber("authorCount", p.AuthorCount);
        json.WriteString("date", p.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("arxivId", p.ArxivId);
        json.WriteString("url", p.Url);
        json.WriteStartArray("sources");
        foreach (var s in p.Sources)
        {
            json.WriteStartObject();
            json.WriteString("file", s.File);
            json.WriteNumber("line", s.Line);
            json.WriteString("kind", s.Kind);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("sessions");
        foreach (var s in p.Sessions) json.WriteStringValue(s);
        json.WriteEndArray();
        json.WriteString("snippet", Snippets.Render(p.Snippet, "", ""));
        // Scraped text, HTML-escaped; only the marks are markup.
        json.WriteString("snippetHtml", Snippets.Render(p.Snippet, "<mark>", "</mark>", WebUtility.HtmlEncode));
        json.WriteString("reading", ReadingMarkdown.For(p));
        json.WriteEndObject();
    }

    private static string Authors(FoundPaper p)
    {
        const int Shown = 3;
        var count = Math.Max(p.AuthorCount, p.Authors.Count);
        var names = string.Join(", ", p.Authors.Take(Shown));
        return count > Shown ? $"{names} +{(count - Shown).ToString(CultureInfo.InvariantCulture)} more" : names;
    }
}
