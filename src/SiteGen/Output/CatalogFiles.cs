using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Buffers;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>
/// Text of the catalog's output files (site/papers.json, site/dedup-report.json, site/papers.bib). Pure functions: the caller writes.
/// JSON uses the default encoder, which escapes &lt;, &gt;, &amp; and quotes: scraped text is untrusted and may be embedded in pages.
/// </summary>
public static partial class CatalogFiles
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.Default, Indented = false };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.Default, Indented = true };

    /// <summary>
    /// papers.json as the UTF-8 bytes written to the site (no string copy: the file is large for big catalogs):
    /// <c>{"papers":[{"id","title","arxivId","authors":[],"authorCount","abstract","sources":[{"file","line","kind"}],"sessions":[urls]}]}</c>,
    /// papers in id order, sources in file/line order, session URLs <c>{baseUrl}sessions/{name}/</c>.
    /// </summary>
    /// <param name="layout">Where the course's session pages are (SiteGen's own layout when null; a course imported from Jekyll keeps its own).</param>
    public static byte[] PapersJsonUtf8(Model.Catalog catalog, string baseUrl, CourseLayout? layout = null)
    {
        using var buffer = NewBuffer();
        layout ??= new CourseLayout();
        var sources = new List<SourceRef>();
        using (var w = new Utf8JsonWriter(buffer, Compact))
        {
            w.WriteStartObject();
            w.WriteStartArray("papers");
            foreach (var p in ById(catalog.Papers))
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
                SortedSources(p, sources);
                foreach (var s in sources)
                {
                    w.WriteStartObject();
                    WriteSource(w, s);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteStartArray("sessions");
                foreach (var name in InOrdinalOrder(p.Sessions)) w.WriteStringValue(baseUrl + layout.SessionUrlPath(name));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// site/dedup-report.json: the review list (uncertain pairs and split clusters) with both records side by side,
    /// the reasons, and a ready-to-paste answer for content/dedup-decisions.yml; then every merge with its provenance.
    /// As the UTF-8 bytes written to the site.
    /// </summary>
    public static byte[] DedupReportJsonUtf8(Model.Catalog catalog)
    {
        var papersById = catalog.Papers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        // Record keys as the merging stage gave them (a hash of each record's own content).
        var recordByKey = new Dictionary<string, PaperRecord>(StringComparer.Ordinal);
        var keyBySource = new Dictionary<SourceRef, string>();
        foreach (var p in catalog.Papers)
            foreach (var r in p.Records)
            {
                var key = catalog.RecordKeyBySource[r.Source];
                recordByKey.TryAdd(key, r);
                keyBySource[r.Source] = key;
            }

        using var buffer = NewBuffer();
        using (var w = new Utf8JsonWriter(buffer, Pretty))
        {
            w.WriteStartObject();
            w.WriteNumber("records", catalog.Papers.Sum(p => p.Records.Count));
            w.WriteNumber("papers", catalog.Papers.Count);
            w.WriteNumber("merged", catalog.Papers.Count(p => p.Records.Count > 1));
            w.WriteString("decisionsFile", "content/" + Model.Catalog.DecisionsFileName);
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
            var records = new List<PaperRecord>();
            foreach (var p in ById(catalog.Papers))
            {
                if (p.Records.Count <= 1) continue;
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("title", p.Title);
                w.WriteString("arxivId", p.ArxivId);
                w.WriteStartArray("records");
                records.Clear();
                records.AddRange(p.Records);
                // Stable, as the ordering it replaces: records from one file and line keep their merge order.
                StableSort(records, static (a, b) =>
                {
                    var byFile = string.CompareOrdinal(a.Source.File, b.Source.File);
                    return byFile != 0 ? byFile : a.Source.StartLine.CompareTo(b.Source.StartLine);
                });
                foreach (var r in records)
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
        return buffer.ToArray("\n"u8);
    }

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

    /// <summary>The paper's distinct sources in file, line, end line, kind order, into <paramref name="sorted"/> (reused from paper to paper).</summary>
    private static void SortedSources(Paper p, List<SourceRef> sorted)
    {
        sorted.Clear();
        foreach (var r in p.Records)
            if (!sorted.Contains(r.Source)) sorted.Add(r.Source);
        // Distinct sources differ in one of the four keys, so the sort needs no stability.
        if (sorted.Count > 1) sorted.Sort(static (a, b) =>
        {
            var order = string.CompareOrdinal(a.File, b.File);
            if (order == 0) order = a.StartLine.CompareTo(b.StartLine);
            if (order == 0) order = a.EndLine.CompareTo(b.EndLine);
            return order != 0 ? order : a.Kind.CompareTo(b.Kind);
        });
    }

    /// <summary>
    /// Papers in ordinal id order. The resolver already gives them so: checking takes one pass, where a sort made
    /// delegates and key arrays for every file that lists the papers.
    /// </summary>
    private static IReadOnlyList<Paper> ById(IReadOnlyList<Paper> papers)
    {
        for (var i = 1; i < papers.Count; i++)
            if (string.CompareOrdinal(papers[i - 1].Id, papers[i].Id) > 0)
                return papers.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        return papers;
    }

    /// <summary>Strings in ordinal order, as given when they already are (a paper's sessions are kept sorted).</summary>
    private static IReadOnlyList<string> InOrdinalOrder(IReadOnlyList<string> names)
    {
        for (var i = 1; i < names.Count; i++)
            if (string.CompareOrdinal(names[i - 1], names[i]) > 0) return names.Order(StringComparer.Ordinal).ToList();
        return names;
    }

    /// <summary>An insertion sort: stable, and the lists it sorts (a paper's records) are short.</summary>
    private static void StableSort<T>(List<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && compare(items[j], item) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = item;
        }
    }

    /// <summary>The buffer a catalog file is written into before it is copied out once at its exact size.</summary>
    private static PooledChunks<byte> NewBuffer() => new(1 << 20, 1 << 20);

    /// <summary>Where a value came from, as every file SiteGen writes names it: file, line, kind.</summary>
    private static void WriteSource(System.Text.Json.Utf8JsonWriter w, SourceRef source)
    {
        w.WriteString("file", source.File);
        w.WriteNumber("line", source.StartLine);
        w.WriteString("kind", source.KindName);
    }
}
