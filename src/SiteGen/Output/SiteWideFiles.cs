using System.Text;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>The files of the site that are not pages: sitemap, feeds, calendar, the catalog's files, the review file and the search files.</summary>
public static class SiteWideFiles
{
    /// <summary>Everything but the search files, each made on its own core (papers.json and papers.bib are large for big catalogs).</summary>
    public static OutputFile[] Make(SiteConfig config, SiteModel model, Model.Catalog catalog)
    {
        var pageUrls = new List<string> { config.BaseUrl, model.Site.SessionsUrl, model.Site.TagsUrl };
        pageUrls.AddRange(model.Sessions.Select(s => s.Url));
        pageUrls.AddRange(model.CatalogPages.Select(c => c.Url));
        pageUrls.AddRange(model.Pages.Select(p => p.Url));
        static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        (string Path, Func<byte[]> Bytes)[] makers =
        [
            (".nojekyll", () => []),
            ("sitemap.xml", () => Utf8(Feeds.Sitemap(config, pageUrls))),
            ("atom.xml", () => Utf8(Feeds.Atom(config, model))),
            ("calendar.ics", () => Utf8(Feeds.Calendar(config, model))),
            ("papers.json", () => CatalogFiles.PapersJsonUtf8(catalog, config.BaseUrl, config.Layout)),
            ("papers.bib", () => CatalogFiles.PapersBibUtf8(catalog)),
            ("dedup-report.json", () => CatalogFiles.DedupReportJsonUtf8(catalog)),
        ];
        var files = new OutputFile[makers.Length];
        Parallel.For(0, makers.Length, i => files[i] = new OutputFile(makers[i].Path, makers[i].Bytes()));
        return files;
    }

    /// <summary>The search index and its doc store, written as UTF-8 by the search stage itself.</summary>
    public static OutputFile[] Search(SearchIndexUtf8Files search) =>
        [new OutputFile("search-index.json", search.IndexJson), new OutputFile("search-docs.json", search.DocsJson)];
}
