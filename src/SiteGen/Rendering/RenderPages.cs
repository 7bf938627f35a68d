using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>A file of the built site: path relative to the site root with '/' separators, and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Bytes);

/// <summary>One page to render: its site-relative path, page template, title, URL and view (null for site-wide pages).</summary>
public sealed record PageJob(string Path, string Template, string Title, string Url, object? Page);

/// <summary>Incremental builds: gives back the previous build's bytes for a page whose inputs did not change, or null to render it.</summary>
public interface IPageReuse
{
    /// <summary>Called from several threads at once.</summary>
    byte[]? TryReuse(PageJob job);
}

/// <summary>Stage: SiteModel + templates -> HTML pages. Every page is the page template inside the layout.</summary>
public static class RenderPages
{
    private sealed record LayoutContext(SiteView Site, string Title, string Url, string Body);

    private sealed record PageContext(SiteView Site, object? Page, IReadOnlyList<SessionView> Sessions, IReadOnlyList<TagView> Tags, IReadOnlyList<ReviewView> Review);

    public static IReadOnlyList<OutputFile> Run(SiteModel model, TemplateSet templates, IPageReuse? reuse = null)
    {
        var jobs = new List<(string Path, string Template, string Title, string Url, object? Page)>
        {
            ("index.html", "home", "", model.Site.BaseUrl, null),
            ("sessions/index.html", "sessions", "All sessions", model.Site.BaseUrl + "sessions/", null),
            ("tags/index.html", "tags", "Tags", model.Site.BaseUrl + "tags/", null),
            ("review/index.html", "review", "Review of duplicates", model.Site.BaseUrl + "review/", null),
            ("search/index.html", "search", "Search", model.Site.BaseUrl + "search/", null),
            ("404.html", "404", "Page not found", "", null),
        };
        jobs.AddRange(model.Sessions.Select(s => ($"sessions/{s.Name}/index.html", "session", s.Title, s.Url, (object?)s)));
        jobs.AddRange(model.CatalogPages.Select(c => (PathOf(c.Url, model.Site.BaseUrl), "papers", c.Number == 1 ? "Readings catalog" : $"Readings catalog, page {c.Number}", c.Url, (object?)c)));
        jobs.AddRange(model.Pages.Select(p => ($"{p.Name}/index.html", "page", p.Title, p.Url, (object?)p)));

        var files = new OutputFile[jobs.Count];
        // One writer per worker, reused from page to page: the body is taken out as a string (the layout's Body), the
        // whole page straight from the writer's chars as UTF-8.
        Parallel.For(0, jobs.Count, templates.CreateWriter, (i, _, writer) =>
        {
            var (path, template, title, url, page) = jobs[i];
            if (reuse?.TryReuse(new PageJob(path, template, title, url, page)) is { } previous)
            {
                files[i] = new OutputFile(path, previous);
                return writer;
            }
            writer.Clear();
            templates.RenderTo(template, new PageContext(model.Site, page, model.Sessions, model.Tags, model.Review), writer);
            var body = writer.ToString();
            writer.Clear();
            templates.RenderTo("layout", new LayoutContext(model.Site, title, url, body), writer);
            files[i] = new OutputFile(path, writer.ToUtf8());
            return writer;
        }, writer => writer.Dispose());
        return files;
    }

    /// <summary>"/course/papers/page/2/" -> "papers/page/2/index.html".</summary>
    private static string PathOf(string url, string baseUrl) => url[baseUrl.Length..] + "index.html";
}
