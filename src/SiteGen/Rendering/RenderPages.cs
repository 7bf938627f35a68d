using System.Collections.Concurrent;
using SiteGen.Model;

namespace SiteGen.Rendering;

/// <summary>Stage: SiteModel + templates -> HTML pages. Every page is the page template inside the layout.</summary>
public static class RenderPages
{
    private sealed record LayoutContext(SiteView Site, string Title, string Url, string Body);

    private sealed record PageContext(SiteView Site, object? Page, IReadOnlyList<SessionView> Sessions, IReadOnlyList<TagView> Tags, IReadOnlyList<ReviewView> Review);

    public static IReadOnlyList<OutputFile> Run(SiteModel model, TemplateSet templates, IPageReuse? reuse = null)
    {
        // Jobs as records, not tuples: a list of five-field value tuples is generic code compiled at run time (on
        // one core, before any page renders).
        var jobs = new List<PageJob>
        {
            new("index.html", "home", "", model.Site.BaseUrl, null),
            new("sessions/index.html", "sessions", "All sessions", model.Site.BaseUrl + "sessions/", null),
            new("tags/index.html", "tags", "Tags", model.Site.BaseUrl + "tags/", null),
            new("review/index.html", "review", "Review of duplicates", model.Site.BaseUrl + "review/", null),
            new("search/index.html", "search", "Search", model.Site.BaseUrl + "search/", null),
            new("404.html", "404", "Page not found", "", null),
        };
        foreach (var s in model.Sessions) jobs.Add(new($"sessions/{s.Name}/index.html", "session", s.Title, s.Url, s));
        foreach (var c in model.CatalogPages) jobs.Add(new(PathOf(c.Url, model.Site.BaseUrl), "papers", c.Number == 1 ? "Readings catalog" : $"Readings catalog, page {c.Number}", c.Url, c));
        foreach (var p in model.Pages) jobs.Add(new($"{p.Name}/index.html", "page", p.Title, p.Url, p));

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
            templates.RenderTo(template, new PageContext(model.Site, page, model.Sessions, model.Tags, model.Review), writers.Body);
            files[i] = new OutputFile(path, InLayout(templates, writers, new LayoutContext(model.Site, title, url, BodyMark)));
            return writers;
        }, idle.Add);
        foreach (var writers in idle) writers.Dispose();
        return files;
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
    private static byte[] InLayout(TemplateSet templates, PageWriters writers, LayoutContext marked)
    {
        var body = writers.Body;
        writers.Page.Clear();
        // A surrogate pair split between the body and the layout would encode differently in parts.
        if (templates.LayoutWritesBodyOnce && (body.Length == 0 || (!char.IsLowSurrogate(body.First) && !char.IsHighSurrogate(body.Last))))
        {
            templates.RenderTo("layout", marked, writers.Page);
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
        templates.RenderTo("layout", marked with { Body = writers.Body.ToString() }, writers.Page);
        return writers.Page.ToUtf8();
    }

    /// <summary>"/course/papers/page/2/" -> "papers/page/2/index.html".</summary>
    private static string PathOf(string url, string baseUrl) => url[baseUrl.Length..] + "index.html";
}
