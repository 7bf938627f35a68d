using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Browser;

/// <summary>
/// Serves a built site under a base path on 127.0.0.1 the way GitHub Pages does: folders answer with their
/// index.html, a folder without its trailing slash is redirected, and a miss gets the site's 404.html with status 404.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".xml"] = "application/xml; charset=utf-8",
        [".ics"] = "text/calendar; charset=utf-8",
        [".bib"] = "text/plain; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    /// <summary>The site's root URL, e.g. http://127.0.0.1:41234/course/.</summary>
    public Uri BaseUri { get; }

    public StaticSiteServer(string root, string basePath)
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{port}{basePath}");
        _loop = Task.Run(AcceptLoop);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            var file = Resolve(path, out var redirect);
            if (redirect is not null)
            {
                response.StatusCode = 301;
                response.RedirectLocation = redirect;
            }
            else if (file is null)
            {
                response.StatusCode = 404;
                var notFound = Path.Combine(_root, "404.html");
                if (File.Exists(notFound)) Write(response, notFound, context.Request.HttpMethod);
            }
            else Write(response, file, context.Request.HttpMethod);
        }
        catch (Exception e) when (e is IOException or HttpListenerException) { /* the browser went away mid-response */ }
        finally
        {
            try { response.Close(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { }
        }
    }

    /// <summary>The file for a URL path, or a redirect target for a folder named without its slash, or null (404).</summary>
    private string? Resolve(string urlPath, out string? redirect)
    {
        redirect = null;
        if (!urlPath.StartsWith(_basePath, StringComparison.Ordinal)) return null;
        var relative = urlPath[_basePath.Length..];
        if (relative.Contains("..", StringComparison.Ordinal) || relative.Contains("//", StringComparison.Ordinal)) return null;
        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full))
        {
            if (!urlPath.EndsWith('/')) { redirect = urlPath + "/"; return null; }
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? full : null;
    }

    private static void Write(HttpListenerResponse response, string file, string method)
    {
        var bytes = File.ReadAllBytes(file);
        response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        response.ContentLength64 = bytes.Length;
        if (method != "HEAD") response.OutputStream.Write(bytes);
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
