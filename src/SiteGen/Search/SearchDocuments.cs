using System.Collections.Concurrent;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Search;

/// <summary>What the index holds: one document per session, paper and static page, taken from the site model.</summary>
public static class SearchDocuments
{
    /// <summary>Characters of a result's snippet under its title.</summary>
    public const int SnippetLength = 160;

    /// <param name="model">The site as the pages show it (URLs and titles).</param>
    /// <param name="sessions">The sessions of <paramref name="model"/>, in its order (their search text and labels).</param>
    /// <param name="pages">The static pages of <paramref name="model"/>, in its order.</param>
    public static IReadOnlyList<SearchDocument> From(SiteModel model, IReadOnlyList<Session> sessions, IReadOnlyList<StaticPage> pages)
    {
        var views = model.Sessions;
        var papers = model.Papers;
        var catalogUrlById = CatalogUrls(model.CatalogPages, papers.Count);
        var docs = new List<SearchDocument>(sessions.Count + papers.Count + pages.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            var text = sessions[i].SearchText;
            docs.Add(new SearchDocument($"s{i}", views[i].Url, views[i].Title, "session", "", string.Join(' ', sessions[i].Tags.Concat(sessions[i].Categories)),
                text, Snippet(text)));
        }
        // One per paper, made on both cores (snippets cut from every abstract): big catalogs have tens of thousands.
        var paperDocs = new SearchDocument[papers.Count];
        if (paperDocs.Length > 0)
            Parallel.ForEach(Partitioner.Create(0, paperDocs.Length, 2048), range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var p = papers[i];
                    paperDocs[i] = new SearchDocument($"p{i}", catalogUrlById[p.Id], p.Title, "paper", p.Authors, string.Join(' ', p.Tags),
                        p.Abstract ?? "", Snippet(p.Abstract ?? p.Authors)) { ListingOnly = p.Sessions.Count == 0 };
                }
            });
        docs.AddRange(paperDocs);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = pages[i].SearchText;
            docs.Add(new SearchDocument($"g{i}", model.Pages[i].Url, model.Pages[i].Title, "page", "", "", text, Snippet(text)));
        }
        return docs;
    }

    /// <summary>Each paper's place on the catalog pages: the page's URL and the paper's anchor there.</summary>
    private static Dictionary<string, string> CatalogUrls(IReadOnlyList<CatalogPageView> catalogPages, int papers)
    {
        var urls = new Dictionary<string, string>(papers, StringComparer.Ordinal);
        foreach (var page in catalogPages)
        {
            var prefix = page.Url + "#paper-";
            foreach (var paper in page.Papers) urls[paper.Id] = prefix + paper.Id;
        }
        return urls;
    }

    private static string Snippet(string text) => Excerpt.CutAtWord(text, SnippetLength);
}
