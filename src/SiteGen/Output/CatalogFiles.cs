using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Catalog;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>
/// Text of the catalog's output files (site/papers.json, site/dedup-report.json, site/papers.bib). Pure functions: the caller writes.
/// JSON uses the default encoder, which escapes &lt;, &gt;, &amp; and quotes: scraped text is untrusted and may be embedded in pages.
/// </summary>
public static class CatalogFiles
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.Default, Indented = false };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.Default, Indented = true };

    /// <summary>
    /// <c>{"papers":[{"id","title","arxivId","authors":[],"authorCount","abstract","sources":[{"file","line","kind"}],"sessions":[urls]}]}</c>,
    /// papers in id order, sources in file/line order, session URLs <c>{baseUrl}sessions/{name}/</c>.
    /// </summary>
    public static string PapersJson(Model.Catalog catalog, string baseUrl) => Encoding.UTF8.GetString(PapersJsonUtf8(catalog, baseUrl));

    /// <summary>papers.json as the UTF-8 bytes written to the site (no string copy: the file is large for big catalogs).</summary>
    public static byte[] PapersJsonUtf8(Model.Catalog catalog, string baseUrl)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Compact))
        {
            w.WriteStartObject();
            w.WriteStartArray("papers");
            foreach (var p in catalog.Papers.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("title", p.Title);
                w.WriteString("arxivId", p.ArxivId);
                w.WriteStartArray("authors");
                foreach (var a in p.Authors) w.WriteStringValue(a);
                w.WriteEndArray();
                if (p.AuthorCount is { } count) w.WriteNumber("authorCount", count);
                else w.WriteNull("authorCount");
                w.WriteString("abstract", p.Abstract);
                w.WriteStartArray("sources");
                foreach (var s in SortedSources(p))
                {
                    w.WriteStartObject();
                    WriteSource(w, s);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("sessions");
                foreach (var name in p.Sessions.Order(StringComparer.Ordinal)) w.WriteStringValue($"{baseUrl}sessions/{name}/");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// site/dedup-report.json: the review list (uncertain pairs and split clusters) with both records side by side,
    /// the reasons, and a ready-to-paste answer for content/dedup-decisions.yml; then every merge with its provenance.
    /// </summary>
    public static string DedupReportJson(Model.Catalog catalog) => Encoding.UTF8.GetString(DedupReportJsonUtf8(catalog));

    /// <summary>dedup-report.json as the UTF-8 bytes written to the site.</summary>
    public static byte[] DedupReportJsonUtf8(Model.Catalog catalog)
    {
        var papersById = catalog.Papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        // Record keys are recomputed from the records (the same hash the resolver uses).
        var recordByKey = new Dictionary<string, PaperRecord>(StringComparer.Ordinal);
        var keyBySource = new Dictionary<SourceRef, string>();
        foreach (var p in catalog.Papers)
            foreach (var r in p.Records)
            {
                var key = catalog.RecordKeyBySource.TryGetValue(r.Source, out var known) ? known : RecordKey(r);
                recordByKey.TryAdd(key, r);
                keyBySource[r.Source] = key;
            }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Pretty))
        {
            w.WriteStartObject();
            w.WriteNumber("records", catalog.Papers.Sum(p => p.Records.Count));
            w.WriteNumber("papers", catalog.Papers.Count);
            w.WriteNumber("merged", catalog.Papers.Count(p => p.Records.Count > 1));
            w.WriteString("decisionsFile", "content/" + DedupDecisions.FileName);
            w.WriteStartArray("review");
            foreach (var item in catalog.Review)
            {
                w.WriteStartObject();
                w.WriteString("kind", item.Kind);
                w.WriteNumber("score", item.Score);
                w.WriteStartArray("reasons");
                foreach (var reason in item.Reasons) w.WriteStringValue(reason);
                w.WriteEndArray();
                WriteSide(w, "a", item.KeyA, item.PaperA, recordByKey, papersById);
                WriteSide(w, "b", item.KeyB, item.PaperB, recordByKey, papersById);
                w.WriteString("answer", $"  - a: {item.KeyA}\n    b: {item.KeyB}\n    decision: same  # or different");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("mergedPapers");
            foreach (var p in catalog.Papers.Where(p => p.Records.Count > 1).OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("title", p.Title);
                w.WriteString("arxivId", p.ArxivId);
                w.WriteStartArray("records");
                foreach (var r in p.Records.OrderBy(r => r.Source.File, StringComparer.Ordinal).ThenBy(r => r.Source.StartLine))
                {
                    w.WriteStartObject();
                    w.WriteString("key", keyBySource[r.Source]);
                    WriteSource(w, r.Source);
                    w.WriteString("title", r.Title);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("fields");
                foreach (var f in p.Provenance)
                {
                    w.WriteStartObject();
                    w.WriteString("field", f.Field);
                    WriteSource(w, f.Source);
                    w.WriteString("rule", f.Rule);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The key the review and content/dedup-decisions.yml use for a record: a hash of its own content.</summary>
    public static string RecordKey(PaperRecord record) => RecordFeatures.From(record).Key;

    private static void WriteSide(Utf8JsonWriter w, string name, string key, string paperId, Dictionary<string, PaperRecord> byKey, Dictionary<string, Paper> papers)
    {
        w.WriteStartObject(name);
        w.WriteString("key", key);
        w.WriteString("paper", paperId);
        if (byKey.TryGetValue(key, out var r))
        {
            WriteSource(w, r.Source);
            w.WriteString("title", r.Title);
            w.WriteString("arxivId", r.ArxivId);
            w.WriteStartArray("authors");
            foreach (var a in r.Authors) w.WriteStringValue(a);
            w.WriteEndArray();
            w.WriteString("abstract", r.Abstract);
        }
        if (papers.TryGetValue(paperId, out var p)) w.WriteString("paperTitle", p.Title);
        w.WriteEndObject();
    }

    private static IEnumerable<SourceRef> SortedSources(Paper p) =>
        p.Records.Select(r => r.Source).Distinct()
            .OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.StartLine).ThenBy(s => s.EndLine).ThenBy(s => s.Kind);

    /// <summary>papers.bib: one @misc entry per paper, keyed by paper id, arXiv fields when known. TeX specials in scraped text are escaped.</summary>
    public static string PapersBib(Model.Catalog catalog)
    {
        var sb = new StringBuilder();
        foreach (var p in catalog.Papers.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            sb.Append("@misc{").Append(BibKey(p.Id)).Append(",\n");
            void Field(string name, string? value)
            {
                if (string.IsNullOrWhiteSpace(value)) return;
                sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
            }
            Field("title", p.Title is null ? null : "{" + Escape(p.Title) + "}");
            if (p.Authors.Count > 0)
            {
                var authors = string.Join(" and ", p.Authors.Select(Escape));
                if (p.AuthorCount is { } c && c > p.Authors.Count) authors += " and others";
                Field("author", authors);
            }
            Field("year", p.Date?.Year.ToString(CultureInfo.InvariantCulture));
            if (p.ArxivId is { } id)
            {
                Field("eprint", Escape(id));
                Field("archivePrefix", "arXiv");
                Field("url", Escape("https://arxiv.org/abs/" + id));
            }
            else if (p.Url is { } url) Field("url", Escape(url));
            Field("doi", p.Doi is null ? null : Escape(p.Doi));
            sb.Append("}\n\n");
        }
        return sb.ToString();
    }

    private static string BibKey(string id)
    {
        var sb = new StringBuilder();
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' ? c : '-');
        return sb.ToString();
    }

    /// <summary>Escapes characters that TeX treats specially, so a scraped title cannot break or inject into the .bib file.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\textbackslash{}"); break;
                case '{' or '}' or '%' or '&' or '$' or '#' or '_': sb.Append('\\').Append(c); break;
                case '^': sb.Append("\\^{}"); break;
                case '~': sb.Append("\\~{}"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Where a value came from, as every file SiteGen writes names it: file, line, kind.</summary>
    private static void WriteSource(System.Text.Json.Utf8JsonWriter w, SourceRef source)
    {
        w.WriteString("file", source.File);
        w.WriteNumber("line", source.StartLine);
        w.WriteString("kind", source.KindName);
    }
}
