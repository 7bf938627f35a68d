using System.Globalization;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>Stage: search documents -> lunr 2.3.9 serialized index + doc store.</summary>
public static class BuildSearchIndex
{
    /// <summary>
    /// The index fields, in this order; search.js relies on these names for <c>title:x</c>. Title matches matter
    /// most. Authors get as strong a boost: most documents have no authors, so the average authors length is tiny and
    /// BM25's length normalisation would otherwise sink a name in a thirty-author paper below the same name in a
    /// long session page that lists the paper (the seed test "Sébastien Bubeck" checks this).
    /// </summary>
    public static readonly IReadOnlyList<LunrField> Fields =
    [
        new("title", 10),
        new("authors", 10),
        new("tags", 3),
        new("body", 1),
    ];

    /// <summary>
    /// The documents the index holds under site.yml's <c>search:</c> settings. Papers only listings mention are left out
    /// when asked to, or when the catalog is over <see cref="SearchSettings.MaxPapers"/> and nothing was asked (a warning
    /// says so and how to choose).
    /// </summary>
    public static IReadOnlyList<SearchDocument> Select(IReadOnlyList<SearchDocument> documents, SearchSettings settings, string siteYml, DiagnosticBag diagnostics)
    {
        var papers = documents.Count(d => d.Kind == "paper");
        var readingsOnly = settings.Papers switch
        {
            SearchPapers.All => false,
            SearchPapers.Readings => true,
            _ => papers > settings.MaxPapers,
        };
        if (!readingsOnly) return documents;
        var kept = documents.Where(d => !d.ListingOnly).ToList();
        if (kept.Count == documents.Count) return documents;
        if (settings.Papers == SearchPapers.Auto)
        {
            var keptPapers = kept.Count(d => d.Kind == "paper");
            diagnostics.Warning(DiagnosticCodes.SearchPapersLimited, siteYml, 1, 1, string.Create(CultureInfo.InvariantCulture,
                $"The catalog has {papers} papers, more than search.max_papers ({settings.MaxPapers}): search holds only the {keptPapers} papers sessions assign; the other {papers - keptPapers} stay on the catalog pages but are not searchable."),
                "Students download the whole index before searching (about 0.8 KB per paper, gzipped). Add to site.yml `search:` with `papers: readings` to keep this without the warning, or `papers: all` to index every paper anyway.");
        }
        return kept;
    }

    /// <summary>Both files as JSON text (tests and tools; the build writes <see cref="RunUtf8"/>'s bytes).</summary>
    /// <param name="cache">Pipeline results from earlier builds of this process (the preview server), or null.</param>
    public static SearchIndexFiles Run(IReadOnlyList<SearchDocument> documents, LunrAnalysisCache? cache = null)
    {
        var files = RunUtf8(documents, cache);
        return new SearchIndexFiles(Encoding.UTF8.GetString(files.IndexJson), Encoding.UTF8.GetString(files.DocsJson));
    }

    /// <summary>The index and the doc store as UTF-8 JSON, the bytes of the site's two files.</summary>
    /// <param name="cache">Pipeline results from earlier builds of this process (the preview server), or null.</param>
    public static SearchIndexUtf8Files RunUtf8(IReadOnlyList<SearchDocument> documents, LunrAnalysisCache? cache = null)
    {
        // Accents folded on both sides (here and in search.js) so "café" and "cafe" meet.
        var builder = new LunrIndexBuilder(Fields, cache) { FoldAccents = true };
        foreach (var doc in documents) builder.Add(doc.Ref, [doc.Title, doc.Authors, doc.Tags, doc.Body]);
        return new SearchIndexUtf8Files(builder.Build().ToUtf8Json(), DocsJson(documents));
    }

    /// <summary>The doc store: <c>{"ref":{"url","title","kind","snippet"}}</c> in document order, display text unfolded.</summary>
    private static byte[] DocsJson(IReadOnlyList<SearchDocument> documents)
    {
        // Measured, then written straight into an array of that length.
        var measure = JsonWriter.Measuring();
        WriteDocs(ref measure, documents);
        var bytes = new byte[measure.Length];
        var writer = new JsonWriter(bytes);
        WriteDocs(ref writer, documents);
        if (writer.Length != bytes.Length) throw new InvalidOperationException("JSON text shorter than measured.");
        return bytes;
    }

    private static void WriteDocs(ref JsonWriter writer, IReadOnlyList<SearchDocument> documents)
    {
        writer.Raw('{');
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            if (i > 0) writer.Raw(',');
            writer.String(doc.Ref);
            writer.Raw(":{\"url\":"u8);
            writer.String(doc.Url);
            writer.Raw(",\"title\":"u8);
            writer.String(doc.Title);
            writer.Raw(",\"kind\":"u8);
            writer.String(doc.Kind);
            writer.Raw(",\"snippet\":"u8);
            writer.String(doc.Snippet);
            writer.Raw('}');
        }
        writer.Raw('}');
    }
}
