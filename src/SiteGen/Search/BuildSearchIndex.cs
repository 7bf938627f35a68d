using SiteGen.Model;

namespace SiteGen.Search;

/// <summary>Stage: search documents -> lunr 2.3.9 serialized index + doc store.</summary>
public static class BuildSearchIndex
{
    public static SearchIndexFiles Run(IReadOnlyList<SearchDocument> documents)
    {
        // First working form: filled in by the search work (issue 8).
        return new SearchIndexFiles("{}", "{}");
    }
}
