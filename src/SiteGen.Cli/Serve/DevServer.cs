using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Cli.Serve;

/// <summary>What `sitegen serve` does. Defaults match the command with no flags.</summary>
public sealed record ServeOptions
{
    public string ContentDir { get; init; } = "content";
    public string OutDir { get; init; } = "site";
    /// <summary>Overrides site.yml's baseurl when set.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 4000;
    /// <summary>Editors save in several file-system events; one rebuild follows the last of them.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// Live preview: builds once, serves the site folder under its base URL on 127.0.0.1, watches content/ and templates/,
/// rebuilds (incrementally) after a save and tells open pages to reload through server-sent events.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly ServeOptions _options;
    private readonly TextWriter _log;
    private readonly WebApplication _app;
    private readonly List<FileSystemWatcher> _watchers = [];
    // The parents of the watched folders (only their own entries) and the folders meant to be watched, existing or not.
    private readonly List<FileSystemWatcher> _parentWatchers = [];
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly string _outSiblingPrefix;
    private volatile bool _watching;
    private readonly Timer _debounce;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Lock _clientsLock = new();
    private readonly List<Channel<string>> _clients = [];
    private readonly FileExtensionContentTypeProvider _types = new();
    private readonly string _outFull;
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;
    // Rebuilds after a save redo only the work whose input changed.
    private readonly BuildCache _cache = new();
    // The instructors' finder page (its own file); its index is refreshed after each rebuild.
    private readonly FinderPage _finder;

    public BuildResult LastBuild { get; private set; } = new() { Diagnostics = [] };
    public int BuildCount { get; private set; }
    public TimeSpan LastBuildTime { get; private set; }
    public Uri Address { get; private set; } = new("http://127.0.0.1/");
    public string BaseUrl => LastBuild.BaseUrl;
    /// <summary>Raised after every rebuild, before open pages are told to reload.</summary>
    public event Action<BuildResult>? Rebuilt;

    private DevServer(ServeOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _outFull = Path.GetFullPath(options.OutDir).TrimEnd(Path.DirectorySeparatorChar);
        _outSiblingPrefix = Path.Combine(Path.GetDirectoryName(_outFull) ?? "/", "." + Path.GetFileName(_outFull) + ".");
        _debounce = new Timer(_ => _ = RebuildAsync());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        _app = builder.Build();
        _finder = new FinderPage(options);
        Rebuilt += _finder.ContentChanged;
        _app.Run(HandleAsync);
    }

    public static async Task<DevServer> StartAsync(ServeOptions options, TextWriter log)
    {
        var server = new DevServer(options, log);
        await server.RebuildAsync();
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        server.Watch();
        return server;
    }

    /// <summary>The URL of the site's home page.</summary>
    public Uri SiteUrl => new(Address, BaseUrl);

    private void Watch()
    {
        var content = Path.GetFullPath(_options.ContentDir);
        var templates = Path.Combine(Path.GetDirectoryName(content.TrimEnd(Path.DirectorySeparatorChar))!, "templates");
        WatchFolders([content, templates, .. LastBuild.TemplateFolders]);
        _watching = true;
    }

    /// <summary>
    /// Starts watching the folders not watched yet: site.yml may name another templates folder at any save. Each folder's
    /// parent is watched too (not its subfolders), so a folder deleted and made again, or made after the server started,
    /// is noticed: the watch on the old folder died with it.
    /// </summary>
    private void WatchFolders(IEnumerable<string> folders)
    {
        lock (_watchers)
        {
            foreach (var folder in folders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar)))
            {
                // The built-in templates ship with SiteGen and do not change while it runs.
                if (folder == Path.GetFullPath(Rendering.TemplateSet.BuiltInFolder).TrimEnd(Path.DirectorySeparatorChar)) continue;
                _wanted.Add(folder);
                WatchParent(folder);
                if (!Directory.Exists(folder)
                    || _watchers.Any(w => w.Path == folder || folder.StartsWith(w.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                    continue;
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
                watcher.Changed += OnChange;
                watcher.Created += OnChange;
                watcher.Deleted += OnChange;
                watcher.Renamed += OnChange;
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
        }
    }

    private void WatchParent(string folder)
    {
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || !Directory.Exists(parent) || _parentWatchers.Any(w => w.Path == parent)) return;
        var watcher = new FileSystemWatcher(parent) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.DirectoryName };
        watcher.Created += OnParentChange;
        watcher.Deleted += OnParentChange;
        watcher.Renamed += OnParentChange;
        watcher.EnableRaisingEvents = true;
        _parentWatchers.Add(watcher);
    }

    /// <summary>A watched folder (or one to watch) appeared, vanished or was renamed: watch it afresh and rebuild.</summary>
    private void OnParentChange(object sender, FileSystemEventArgs e)
    {
        var paths = e is RenamedEventArgs r ? new[] { r.OldFullPath, r.FullPath } : [e.FullPath];
        lock (_watchers)
        {
            var touched = paths.Select(p => p.TrimEnd(Path.DirectorySeparatorChar)).Where(_wanted.Contains).ToList();
            if (touched.Count == 0) return;
            foreach (var folder in touched)
                foreach (var dead in _watchers.Where(w => w.Path == folder).ToList())
                {
                    dead.Dispose();
                    _watchers.Remove(dead);
                }
            WatchFolders(touched);
        }
        _debounce.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // The output folder may sit inside a watched folder (an imported course builds into its own _site/): its writes,
        // its staging folder and the files the build keeps beside it (".site.sitegen-manifest.json") must not trigger builds.
        if (e.FullPath.StartsWith(_outFull, StringComparison.Ordinal) || e.FullPath.StartsWith(_outSiblingPrefix, StringComparison.Ordinal)) return;
        _debounce.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Builds now; a change during a build queues exactly one more build after it.</summary>
    public async Task RebuildAsync()
    {
        if (!await _building.WaitAsync(0))
        {
            Interlocked.Exchange(ref _pending, 1);
            return;
        }
        try
        {
            do
            {
                Interlocked.Exchange(ref _pending, 0);
                var watch = Stopwatch.StartNew();
                var result = await Task.Run(() => SiteBuilder.Build(new BuildOptions { ContentDir = _options.ContentDir, OutDir = _options.OutDir, BaseUrl = _options.BaseUrl, Cache = _cache }));
                LastBuildTime = watch.Elapsed;
                LastBuild = result;
                if (_watching) WatchFolders(result.TemplateFolders);
                BuildCount++;
                Report(result);
                Rebuilt?.Invoke(result);
                Broadcast($"event: reload\ndata: {BuildCount}\n\n");
            }
            while (Interlocked.Exchange(ref _pending, 0) == 1);
        }
        finally
        {
            _building.Release();
        }
    }

    private void Report(BuildResult result)
    {
        foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error)) _log.WriteLine(d.ToString());
        _log.WriteLine(FormattableString.Invariant(
            $"build {BuildCount}: {result.Errors} error(s), {result.Warnings} warning(s), {result.PagesRendered} page(s) rendered, {result.FilesWritten} file(s) written in {LastBuildTime.TotalMilliseconds:F0} ms"));
    }

    private void Broadcast(string message)
    {
        lock (_clientsLock)
            foreach (var client in _clients) client.Writer.TryWrite(message);
    }

    private async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        // A static preview only reads: POST, OPTIONS, DELETE, TRACE... get 405 rather than the page they named.
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }
        if (context.Request.Path.Value == LiveReload.EventsPath)
        {
            await EventsAsync(context);
            return;
        }
        if (FinderPage.Handles(context.Request.Path.Value))
        {
            await _finder.HandleAsync(context);
            return;
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var target = ServePaths.Resolve(_options.OutDir, BaseUrl, raw);
        switch (target.Outcome)
        {
            case ServeOutcome.BadRequest:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            case ServeOutcome.Redirect:
                context.Response.Redirect(target.Location!);
                return;
            case ServeOutcome.NotFound:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                var notFound = Path.Combine(_options.OutDir, "404.html");
                if (File.Exists(notFound)) await SendAsync(context, notFound);
                else await SendHtmlAsync(context, "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body></body></html>");
                return;
            default:
                await SendAsync(context, target.FilePath!);
                return;
        }
    }

    private async Task SendAsync(HttpContext context, string file)
    {
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(file); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Swapped away by a full rebuild between the lookup and the read.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            var errors = LastBuild.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            bytes = Encoding.UTF8.GetBytes(LiveReload.Inject(Encoding.UTF8.GetString(bytes), errors));
            context.Response.ContentType = "text/html; charset=utf-8";
        }
        else
        {
            context.Response.ContentType = _types.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        }
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>A page of the server's own (no site built yet): still shows the errors and reloads after the next build.</summary>
    private async Task SendHtmlAsync(HttpContext context, string html)
    {
        var errors = LastBuild.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        var bytes = Encoding.UTF8.GetBytes(LiveReload.Inject(html, errors));
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task EventsAsync(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        var channel = Channel.CreateUnbounded<string>();
        lock (_clientsLock) _clients.Add(channel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await context.Response.WriteAsync(": connected\n\n", stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            await foreach (var message in channel.Reader.ReadAllAsync(stop.Token))
            {
                await context.Response.WriteAsync(message, stop.Token);
                await context.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed or the server stops.
        }
        finally
        {
            lock (_clientsLock) _clients.Remove(channel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        lock (_watchers)
            foreach (var watcher in _watchers.Concat(_parentWatchers)) watcher.Dispose();
        await _debounce.DisposeAsync();
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _building.WaitAsync();
        _building.Release();
        _finder.Dispose();
        _stopping.Dispose();
    }
}
