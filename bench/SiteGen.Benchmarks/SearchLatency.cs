using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>
/// "search-latency [runs]": builds the seed course under /course/, serves it on 127.0.0.1, and in Debian's Chromium,
/// on a fresh page each run (nothing cached), types "foundation" into the header search box (the first keystroke
/// focuses it, which starts loading lunr and the index). Prints per run and as median/min/max:
/// <list type="bullet">
/// <item>in the page: from the first key's event timestamp (when the browser took it) to the first result link in
/// #search-results; this is what the user waits for;</item>
/// <item>through the test driver: a stopwatch around typing and waiting, which also counts a protocol round trip per
/// key and the waiting's polling; the same typing with the index already loaded shows that share by itself;</item>
/// <item>the breakdown: search.js's "search:" User Timing marks and the downloads' resource timings, in ms after the
/// first keystroke.</item>
/// </list>
/// </summary>
public static class SearchLatency
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var root = FindRoot();
        var site = Path.Combine(Path.GetTempPath(), "sitegen-search-latency-" + Environment.ProcessId);
        var result = SiteBuilder.Build(new BuildOptions { ContentDir = Path.Combine(root, "content"), OutDir = site, BaseUrl = "/course/" });
        if (!result.Succeeded) { Console.Error.WriteLine("seed course did not build"); return 1; }
        try
        {
            return Measure(site, runs).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(site, recursive: true);
        }
    }

    private static async Task<int> Measure(string site, int runs)
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/course/");
        listener.Start();
        _ = Task.Run(() => Serve(listener, site));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var inPage = new List<double>();
        var driverCold = new List<double>();
        var driverWarm = new List<double>();
        var breakdown = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < runs; i++)
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(InPageClock);
            await page.GotoAsync($"http://127.0.0.1:{port}/course/", new() { WaitUntil = WaitUntilState.Load });
            var input = page.Locator("#search-input");
            var results = page.Locator("#search-results a").First;
            var watch = Stopwatch.StartNew();
            // The first keystroke focuses the box (which starts loading lunr and the index) and types; the rest follow at typing speed.
            await input.PressSequentiallyAsync("foundation", new() { Delay = 0 });
            await results.WaitForAsync(new() { Timeout = 10_000 });
            driverCold.Add(watch.Elapsed.TotalMilliseconds);
            var phases = await page.EvaluateAsync<Dictionary<string, double>>(ReadPhases);
            foreach (var (name, ms) in phases)
            {
                if (!breakdown.TryGetValue(name, out var list)) breakdown[name] = list = [];
                list.Add(ms);
            }
            inPage.Add(phases["result in the DOM"]);

            // The same typing and waiting with everything loaded: what the driver's round trips cost by themselves.
            await input.FillAsync("");
            watch.Restart();
            await input.PressSequentiallyAsync("foundation", new() { Delay = 0 });
            await results.WaitForAsync(new() { Timeout = 10_000 });
            driverWarm.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: in the page {inPage[^1]:F0} ms; through the driver {driverCold[^1]:F0} ms cold, {driverWarm[^1]:F0} ms warm"));
        }
        Console.WriteLine("breakdown, ms after the first keystroke (median over runs; negative: before it):");
        foreach (var (name, list) in breakdown.OrderBy(p => p.Key.StartsWith('(')).ThenBy(p => Median(p.Value)))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} {Median(list),7:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search latency, seed course, {runs} cold runs, load average {load} -> {File.ReadAllText("/proc/loadavg").Split(' ')[0]}:"));
        Console.WriteLine("  first keystroke to first result in the page (the key's timestamp to the result link in the DOM): " + Summary(inPage) + " (target <= 300 ms)");
        Console.WriteLine("  through the test driver (typing 'foundation' and waiting for a result link): " + Summary(driverCold)
            + "; the same with the index loaded: " + Summary(driverWarm));
        listener.Stop();
        return 0;
    }

    private static string Summary(List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"median {Median(values):F0} ms, min {values.Min():F0} ms, max {values.Max():F0} ms");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    // Runs before the page's scripts. The first keydown's timeStamp is when the browser took the key, so time the
    // page was too busy to handle it counts; the first result is noted when its link enters #search-results.
    private const string InPageClock = """
        window.__searchClock = { key: null, keyHandled: null, focus: null, result: null, frame: null };
        addEventListener('keydown', function (e) {
          if (__searchClock.key === null) { __searchClock.key = e.timeStamp; __searchClock.keyHandled = performance.now(); }
        }, true);
        addEventListener('focus', function () { if (__searchClock.focus === null) __searchClock.focus = performance.now(); }, true);
        new MutationObserver(function (_, observer) {
          if (document.querySelector('#search-results a')) {
            __searchClock.result = performance.now();
            requestAnimationFrame(function () { __searchClock.frame = performance.now(); });
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    // Every phase as ms after the first keystroke: search.js's "search:" marks and the page's downloads' resource timings.
    private const string ReadPhases = """
        () => {
          const c = window.__searchClock, t0 = c.key, out = {};
          if (c.focus !== null) out['focus'] = c.focus - t0;
          out['first keydown handled'] = c.keyHandled - t0;
          out['result in the DOM'] = c.result - t0;
          if (c.frame !== null) out['next frame'] = c.frame - t0;
          for (const m of performance.getEntriesByType('mark'))
            if (m.name.startsWith('search:') && !(m.name.slice(7) in out)) out[m.name.slice(7)] = m.startTime - t0;
          for (const r of performance.getEntriesByType('resource')) {
            const file = r.name.split('/').pop();
            if (/^(lunr\.min\.js|search-index\.json|search-docs\.json)$/.test(file)) out[file + '-received'] = r.responseEnd - t0;
          }
          // Durations of the steps that run on the page's main thread.
          if ('index-loaded' in out && 'index-load-start' in out) out['(duration) lunr index load'] = out['index-loaded'] - out['index-load-start'];
          if ('index-parsed' in out && 'search-index.json-received' in out) out['(duration) index received to parsed'] = out['index-parsed'] - out['search-index.json-received'];
          if ('first-results-rendered' in out && 'index-loaded' in out) out['(duration) index loaded to results'] = out['first-results-rendered'] - out['index-loaded'];
          return out;
        }
        """;

    private static void Serve(HttpListener listener, string site)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = listener.GetContext(); } catch (HttpListenerException) { return; } catch (ObjectDisposedException) { return; }
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath["/course/".Length..]);
            if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
            var file = Path.GetFullPath(Path.Combine(site, path));
            if (!file.StartsWith(site, StringComparison.Ordinal) || !File.Exists(file)) { context.Response.StatusCode = 404; context.Response.Close(); continue; }
            context.Response.ContentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8", ".js" => "text/javascript", ".css" => "text/css", ".json" => "application/json",
                ".svg" => "image/svg+xml", _ => "application/octet-stream",
            };
            var bytes = File.ReadAllBytes(file);
            try { context.Response.OutputStream.Write(bytes); context.Response.Close(); }
            catch (HttpListenerException) { /* the page went away mid-response (context closed) */ }
        }
    }

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SiteGen.sln not found");
    }
}
