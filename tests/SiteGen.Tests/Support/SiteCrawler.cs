using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

/// <summary>Reads a built site as a browser would under its base URL: every internal href/src must resolve to a file.</summary>
public static class SiteCrawler
{
    public sealed record BrokenLink(string Page, string Url);

    public static IReadOnlyList<string> HtmlPages(string siteDir) =>
        Directory.GetFiles(siteDir, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>All internal links (starting with '/') on all pages that do not resolve under <paramref name="baseUrl"/>.</summary>
    public static IReadOnlyList<BrokenLink> BrokenLinks(string siteDir, string baseUrl)
    {
        var parser = new HtmlParser();
        var broken = new List<BrokenLink>();
        foreach (var page in HtmlPages(siteDir))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var urls = document.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!));
            foreach (var url in urls)
            {
                if (url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.Ordinal) || url.StartsWith('#')) continue;
                if (!Resolves(siteDir, baseUrl, url)) broken.Add(new BrokenLink(Path.GetRelativePath(siteDir, page), url));
            }
        }
        return broken;
    }

    public static bool Resolves(string siteDir, string baseUrl, string url)
    {
        if (!url.StartsWith(baseUrl, StringComparison.Ordinal) || url.Contains("//", StringComparison.Ordinal)) return false;
        var path = Uri.UnescapeDataString(url.Split('#', '?')[0][baseUrl.Length..]);
        if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
        var full = Path.Combine(siteDir, path);
        return File.Exists(full) || File.Exists(Path.Combine(full, "index.html"));
    }
}
