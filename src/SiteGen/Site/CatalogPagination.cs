using SiteGen.Model;

namespace SiteGen.Site;

/// <summary>The readings catalog split into pages: papers newest first, <see cref="PageSize"/> to a page, every page linking every page.</summary>
internal static class CatalogPagination
{
    /// <summary>Papers per catalog page: big catalogs become many small pages, never one huge HTML file.</summary>
    public const int PageSize = 200;

    /// <summary>Papers sorted newest first (undated last, then by title, then by id).</summary>
    public static PaperView[] Order(IReadOnlyList<PaperView> papers)
    {
        // One comparison over the three keys (what OrderByDescending/ThenBy/ThenBy gave); position breaks any full tie,
        // so the order stays that of a stable sort.
        var order = new int[papers.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var x = papers[a];
            var y = papers[b];
            var byDate = string.CompareOrdinal(y.Date ?? "", x.Date ?? "");
            if (byDate != 0) return byDate;
            var byTitle = string.CompareOrdinal(x.Title, y.Title);
            if (byTitle != 0) return byTitle;
            var byId = string.CompareOrdinal(x.Id, y.Id);
            return byId != 0 ? byId : a.CompareTo(b);
        });
        var sorted = new PaperView[order.Length];
        for (var i = 0; i < order.Length; i++) sorted[i] = papers[order[i]];
        return sorted;
    }

    /// <summary>Each paper's place in the catalog: its page's URL and its anchor there.</summary>
    /// <param name="ordered">The papers in <see cref="Order"/>'s order.</param>
    public static Dictionary<string, string> PaperUrls(IReadOnlyList<PaperView> ordered, string baseUrl)
    {
        var urls = new Dictionary<string, string>(ordered.Count, StringComparer.Ordinal);
        var pageUrl = "";
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i % PageSize == 0) pageUrl = SiteUrls.CatalogPage(baseUrl, i / PageSize + 1) + "#paper-";
            urls[ordered[i].Id] = pageUrl + ordered[i].Id;
        }
        return urls;
    }

    /// <param name="ordered">The papers in <see cref="Order"/>'s order.</param>
    public static List<CatalogPageView> Pages(IReadOnlyList<PaperView> ordered, string baseUrl)
    {
        var count = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        // Every page links every page: the URLs are made once, not once per page (750 pages for 150,000 papers).
        var urls = new string[count];
        for (var k = 1; k <= count; k++) urls[k - 1] = SiteUrls.CatalogPage(baseUrl, k);
        var pages = new List<CatalogPageView>(count);
        for (var n = 1; n <= count; n++)
        {
            var links = new List<PageLink>(count > 1 ? count : 0);
            if (count > 1)
                for (var k = 1; k <= count; k++) links.Add(new PageLink(k, urls[k - 1], k == n));
            var first = (n - 1) * PageSize;
            var papers = new List<PaperView>(Math.Max(0, Math.Min(PageSize, ordered.Count - first)));
            for (var i = first; i < ordered.Count && i < first + PageSize; i++) papers.Add(ordered[i]);
            pages.Add(new CatalogPageView(n, count, urls[n - 1], papers, links, ordered.Count));
        }
        return pages;
    }
}
