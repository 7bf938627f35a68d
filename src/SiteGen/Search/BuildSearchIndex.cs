using System.Text;
using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>Stage: search documents -> lunr 2.3.9 serialized index + doc store.</summary>
public static class BuildSearchIndex
{
    /// <summary>
    /// The index fields, in this order. Title matches matter most; authors and tags are short fields, so BM25
    /// already favours them and a small boost is enough. search.js relies on these names for <c>title:x</c>.
    /// </summary>
    public static readonly IReadOnlyList<LunrField> Fields =
    [
        new("title", 10),
        new("authors", 2),
        new("tags", 3),
        new("body", 1),
    ];

    public static SearchIndexFiles Run(IReadOnlyList<SearchDocument> documents)
    {
        var builder = new LunrIndexBuilder(Fields);
        var values = new string?[Fields.Count];
        foreach (var doc in documents)
        {
            // Accents folded on both sides (here and in search.js) so "café" and "cafe" meet.
            values[0] = SearchFolding.Fold(doc.Title);
            values[1] = SearchFolding.Fold(doc.Authors);
            values[2] = SearchFolding.Fold(doc.Tags);
            values[3] = SearchFolding.Fold(doc.Body);
            builder.Add(doc.Ref, values);
        }
        return new SearchIndexFiles(builder.Build().ToJson(), DocsJson(documents));
    }

    /// <summary>The doc store: <c>{"ref":{"url","title","kind","snippet"}}</c> in document order, display text unfolded.</summary>
    private static string DocsJson(IReadOnlyList<SearchDocument> documents)
    {
        var sb = new StringBuilder(documents.Count * 256);
        sb.Append('{');
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            if (i > 0) sb.Append(',');
            JsonText.AppendString(sb, doc.Ref);
            sb.Append(":{\"url\":");
            JsonText.AppendString(sb, doc.Url);
            sb.Append(",\"title\":");
            JsonText.AppendString(sb, doc.Title);
            sb.Append(",\"kind\":");
            JsonText.AppendString(sb, doc.Kind);
            sb.Append(",\"snippet\":");
            JsonText.AppendString(sb, doc.Snippet);
            sb.Append('}');
        }
        sb.Append('}');
        return sb.ToString();
    }
}
