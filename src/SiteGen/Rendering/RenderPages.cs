using System.Collections.Concurrent;
using Scriban.Runtime;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>Stage: SiteModel + templates -> HTML pages. Every page is the page template inside the layout.</summary>
public static class RenderPages
{
    /// <summary>What the layout sees as <c>page</c>: Jekyll's page.title and page.url.</summary>
    public sealed record LayoutPage(string Title, string Url);

    /// <summary>
    /// Renders every page. A template that fails on a page is reported as an error at the template's line and column
    /// (with the page it failed on), and that page is left out: the build then fails and writes nothing.
    /// </summary>
    public static IReadOnlyList<OutputFile> Run(SiteModel model, TemplateSet templates, IPageReuse? reuse = null, DiagnosticBag? diagnostics = null)
    {
        // Jobs as records, not tuples: a list of five-field value tuples is generic code compiled at run time (on
        // one core, before any page renders).
        var jobs = new List<PageJob>
        {
            new("index.html", "home", "", model.Site.BaseUrl, null),
            new(PathOf(model.Site.SessionsUrl, model.Site.BaseUrl), "sessions", "All sessions", model.Site.SessionsUrl, null),
            new(PathOf(model.Site.TagsUrl, model.Site.BaseUrl), "tags", "Tags", model.Site.TagsUrl, null),
            new("review/index.html", "review", "Review of duplicates", model.Site.BaseUrl + "review/", null),
            new("search/index.html", "search", "Search", model.Site.BaseUrl + "search/", null),
            new("404.html", "404", "Page not found", "", null),
        };
        foreach (var s in model.Sessions) jobs.Add(new(UnescapedPathOf(s.Url, model.Site.BaseUrl), "session", s.Title, s.Url, s));
        foreach (var c in model.CatalogPages) jobs.Add(new(PathOf(c.Url, model.Site.BaseUrl), "papers", c.Number == 1 ? "Readings catalog" : $"Readings catalog, page {c.Number}", c.Url, c));
        foreach (var p in model.Pages) jobs.Add(new(p.OutputFile, "page", p.Title, p.Url, p));

        var files = new OutputFile[jobs.Count];
        // Two writers per worker, reused from page to page: the page template's output, and the whole page.
        // Parallel.For starts a new worker (and its local state) every time slice: workers take their writers from this
        // pool and give them back, so buffers grown for the big pages (the home page holds every session) are grown once.
        var idle = new ConcurrentBag<PageWriters>();
        Parallel.For(0, jobs.Count, () => idle.TryTake(out var writers) ? writers : new PageWriters(templates), (i, _, writers) =>
        {
            var job = jobs[i];
            var (path, template, title, url, page) = job;
            if (reuse?.TryReuse(job) is { } previous)
            {
                files[i] = new OutputFile(path, previous);
                return writers;
            }
            writers.Body.Clear();
            try
            {
                templates.RenderTo(template, PageGlobals(model, page), writers.Body, model.Site);
                files[i] = new OutputFile(path, InLayout(templates, writers, model.Site, new LayoutPage(title, url)));
            }
            catch (TemplateRenderException e)
            {
                if (diagnostics is null) throw;
                diagnostics.Error(DiagnosticCodes.TemplateError, e.Path, e.Line, e.Column, $"{e.Message} (rendering {path})",
                    "Fix the template at that line; docs/templates.md lists every variable and filter a template sees.");
            }
            return writers;
        }, idle.Add);
        foreach (var writers in idle) writers.Dispose();
        return [.. files.Where(f => f is not null)];
    }

    /// <summary>Stands for the body in the layout's output when the body is put in afterwards; no page holds it.</summary>
    private const string BodyMark = "\uFFFF<sitegen-page-body/>\uFFFF";

    private sealed class PageWriters(TemplateSet templates) : IDisposable
    {
        public PooledCharWriter Body { get; } = templates.CreateWriter();
        public PooledCharWriter Page { get; } = templates.CreateWriter();

        public void Dispose()
        {
            Body.Dispose();
            Page.Dispose();
        }
    }

    /// <summary>
    /// The page body (in writers.Body) inside the layout, as UTF-8. When the layout writes the body once as it is, the
    /// layout is rendered around a mark and the body's chars are encoded straight into the mark's place (no string of
    /// the body, which is most of the page); otherwise, or if the mark is not found exactly once, the body is given to
    /// the layout as a string. Either way the bytes are those of the layout rendered with the body.
    /// </summary>
    /// <summary>The variables of a page template: site, page (its view; null for site-wide pages), sessions, tags, review.</summary>
    private static ScriptObject PageGlobals(SiteModel model, object? page) => new()
    {
        ["site"] = model.Site, ["page"] = page, ["sessions"] = model.Sessions, ["tags"] = model.Tags, ["review"] = model.Review,
    };

    /// <summary>The variables of the layout: site, page (title and URL) and content (the page template's output).</summary>
    private static ScriptObject LayoutGlobals(SiteView site, LayoutPage page, string content) => new()
    {
        ["site"] = site, ["page"] = page, ["content"] = new TrustedHtml(content),
    };

    private static byte[] InLayout(TemplateSet templates, PageWriters writers, SiteView site, LayoutPage layoutPage)
    {
        var body = writers.Body;
        writers.Page.Clear();
        // A surrogate pair split between the body and the layout would encode differently in parts.
        if (templates.LayoutWritesBodyOnce && (body.Length == 0 || (!char.IsLowSurrogate(body.First) && !char.IsHighSurrogate(body.Last))))
        {
            templates.RenderTo("layout", LayoutGlobals(site, layoutPage, BodyMark), writers.Page, site);
            var page = writers.Page.AsSpan();
            var at = page.IndexOf(BodyMark, StringComparison.Ordinal);
            if (at >= 0 && page.LastIndexOf(BodyMark, StringComparison.Ordinal) == at)
            {
                var before = page[..at];
                var after = page[(at + BodyMark.Length)..];
                var utf8 = System.Text.Encoding.UTF8;
                var bytes = GC.AllocateUninitializedArray<byte>(utf8.GetByteCount(before) + body.Utf8Length() + utf8.GetByteCount(after));
                var written = utf8.GetBytes(before, bytes);
                written += body.WriteUtf8(bytes.AsSpan(written));
                utf8.GetBytes(after, bytes.AsSpan(written));
                return bytes;
            }
            writers.Page.Clear();
        }
        templates.RenderTo("layout", LayoutGlobals(site, layoutPage, writers.Body.ToString()), writers.Page, site);
        return writers.Page.ToUtf8();
    }

    /// <summary>
    /// "/course/contents/W%201/" -> "contents/W 1/index.html", "/course/contents/W%201.html" -> "contents/W 1.html": a
    /// session's page is named by its file's name as it is, its URL escapes it.
    /// </summary>
    private static string UnescapedPathOf(string url, string baseUrl)
    {
        var path = Uri.UnescapeDataString(url[baseUrl.Length..]);
        return path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>"/course/papers/page/2/" -> "papers/page/2/index.html"; "/course/LecturesByDate.html" -> "LecturesByDate.html".</summary>
    private static string PathOf(string url, string baseUrl)
    {
        var path = url[baseUrl.Length..];
        return path.EndsWith('/') ? path + "index.html" : path;
    }
}
