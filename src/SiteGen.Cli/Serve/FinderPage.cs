using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SiteGen.Finder;
using SiteGen.Model;

namespace SiteGen.Cli.Serve;

/// <summary>
/// The instructors' finder inside `serve`: a page and its search endpoint under /__sitegen/finder/, a path the built
/// site never has (it is the preview server's own, like its events stream), linked from a banner only `serve` adds.
/// The index is opened on first use and refreshed on the first search after each rebuild.
/// </summary>
public sealed class FinderPage : IDisposable
{
    public const string PagePath = "/__sitegen/finder/";
    public const string SearchPath = PagePath + "search";
    public const string OptionsPath = PagePath + "options";

    /// <summary>The banner the preview adds to every page (never to the built files).</summary>
    public const string Banner =
        "<a data-sitegen-finder href=\"" + PagePath + "\" style=\"position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;" +
        "background:#1d4ed8;color:#fff;padding:.35rem .7rem;border-radius:.4rem;font:13px/1.4 system-ui,sans-serif;text-decoration:none\">" +
        "Find readings (instructor preview)</a>";

    private readonly FinderOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FinderIndex? _index;
    private volatile bool _stale;

    public FinderPage(ServeOptions options) => _options = new FinderOptions { ContentDir = options.ContentDir, OutDir = options.OutDir, KeepReadCache = true };

    public static bool Handles(string? path) => path is not null && (path == PagePath || path.StartsWith(PagePath, StringComparison.Ordinal) || path == PagePath.TrimEnd('/'));

    /// <summary>Called after each rebuild: the next search refreshes the index first.</summary>
    public void ContentChanged(BuildResult _) => _stale = true;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (path == PagePath.TrimEnd('/')) { context.Response.Redirect(PagePath); return; }
        if (path == PagePath) { await SendAsync(context, "text/html; charset=utf-8", FinderPageHtml.Page, 200); return; }
        if (path is not (SearchPath or OptionsPath)) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }

        await _gate.WaitAsync(context.RequestAborted);
        try
        {
            if (_index is null || _stale)
            {
                _stale = false;
                _index?.Dispose();
                _index = null;
                try { _index = await Task.Run(() => FinderIndex.Open(_options)); }
                catch (FinderException e) { await ErrorAsync(context, e.Diagnostic.ToString(), 500); return; }
            }
            if (path == OptionsPath) { await SendAsync(context, "application/json; charset=utf-8", Options(_index), 200); return; }
            var request = Request(context.Request.Query, out var problem);
            // A query that does not parse (yet) is an answer while typing, not a failed request: 200 with the line.
            if (problem is not null) { await ErrorAsync(context, problem, 200); return; }
            var result = SiteGen.Finder.Finder.Search(_index, request!);
            if (result.Problem is { } p)
            {
                var where = p.Code == SiteGen.Diagnostics.DiagnosticCodes.FinderLikeSession ? "like" : "query";
                await ErrorAsync(context, $"{where}(1,{p.Column.ToString(CultureInfo.InvariantCulture)}): error {p.Code}: {p.Message} Hint: {p.Hint}", 200);
                return;
            }
            await SendAsync(context, "application/json; charset=utf-8", FindOutput.Json(result), 200);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static FindRequest? Request(IQueryCollection query, out string? problem)
    {
        problem = null;
        DateOnly? since = null;
        if (query["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problem = $"since(1,1): error SG6001: \"{sinceText}\" is not a date. Hint: Write it as YYYY-MM-DD.";
                return null;
            }
            since = day;
        }
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 500) : 30;
        return new FindRequest
        {
            Query = query["q"].ToString(), UnassignedOnly = query["unassigned"] == "1", Since = since,
            Source = query["source"].ToString() is { Length: > 0 } s ? s : null, Like = query["like"].ToString() is { Length: > 0 } l ? l : null, Limit = limit,
        };
    }

    /// <summary>The sessions for "similar to session" and the listing files for the source filter.</summary>
    private string Options(FinderIndex index)
    {
        var listings = Path.Combine(index.Content.Root, SiteGen.Listings.ReadListings.Folder);
        var files = Directory.Exists(listings)
            ? Directory.GetFiles(listings, "*", SearchOption.AllDirectories).Select(index.Content.Relative).Where(f => !f.Split('/').Any(p => p.StartsWith('.'))).Order(StringComparer.Ordinal).ToList()
            : [];
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("papers", index.Refresh.Papers);
            json.WriteStartArray("sessions");
            foreach (var s in index.Sessions)
            {
                json.WriteStartObject();
                json.WriteString("file", s.File);
                json.WriteString("title", s.Title);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("sources");
            foreach (var f in files) json.WriteStringValue(f);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Task ErrorAsync(HttpContext context, string message, int status)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        }
        return SendAsync(context, "application/json; charset=utf-8", Encoding.UTF8.GetString(stream.ToArray()), status);
    }

    private static async Task SendAsync(HttpContext context, string type, string body, int status)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public void Dispose()
    {
        _gate.Wait();
        _index?.Dispose();
        _index = null;
        _gate.Release();
        _gate.Dispose();
    }
}
