using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>
/// "search-latency [runs]": builds the seed course under /course/, serves it on 127.0.0.1, and in Debian's Chromium
/// measures, on a fresh page each run (nothing cached), the time from the first keystroke in the header search box
/// to the first result link in #search-results. Prints each run and the median.
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
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{port}/course/", new() { WaitUntil = WaitUntilState.Load });
            var input = page.Locator("#search-input");
            var watch = Stopwatch.StartNew();
            // The first keystroke focuses the box (which starts loading lunr and the index) and types; the rest follow at typing speed.
            await input.PressSequentiallyAsync("foundation", new() { Delay = 0 });
            await page.Locator("#search-results a").First.WaitForAsync(new() { Timeout = 10_000 });
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: first keystroke to first result {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search latency, seed course, {runs} cold runs: median {times[times.Count / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms (target <= 300 ms)"));
        listener.Stop();
        return 0;
    }

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
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
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
