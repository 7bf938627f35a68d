namespace SiteGen.Model;

/// <summary>One searchable thing (a session, a paper or a page). Ref is short to keep the index small.</summary>
public sealed record SearchDocument(
    string Ref,
    string Url,
    string Title,
    string Kind,
    string Authors,
    string Tags,
    string Body,
    string Snippet)
{
    /// <summary>A paper that only listings mention: no session assigns it (search.papers may leave it out).</summary>
    public bool ListingOnly { get; init; }
}

/// <summary>The serialized lunr 2.3.9 index and the doc store (ref -> url, title, kind, snippet), both as JSON text.</summary>
public sealed record SearchIndexFiles(string IndexJson, string DocsJson);

/// <summary>The serialized lunr 2.3.9 index and the doc store as UTF-8 JSON: the bytes of search-index.json and search-docs.json.</summary>
public sealed record SearchIndexUtf8Files(byte[] IndexJson, byte[] DocsJson);
