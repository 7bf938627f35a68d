using System.Diagnostics;
using System.Globalization;
using SiteGen.Cli.Serve;
using SiteGen.Corpus.Courses;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>
/// Console modes for the instructors' workflow:
///   rebuild-latency [--content DIR] [--edits N]   save a session -> page reloaded, through the preview server
///   incremental-scale [--sessions N]              full vs incremental build of a generated course
/// Wall-clock figures on whatever machine runs them; printed, not asserted.
/// </summary>
public static class RebuildLatency
{
    public static int Run(string[] args)
    {
        var mode = args[0];
        string Option(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return mode == "rebuild-latency"
            ? Latency(Option("--content", "content"), int.Parse(Option("--edits", "10"), CultureInfo.InvariantCulture)).GetAwaiter().GetResult()
            : Scale(int.Parse(Option("--sessions", "3000"), CultureInfo.InvariantCulture));
    }

    private static string Temp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitegen-bench-{name}-{Environment.ProcessId}");
        if (Directory.Exists(dir)) Directory.Delete(dir, true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, true);
        }
    }

    /// <summary>Inserts a paragraph after the front matter, as an instructor's edit would.</summary>
    private static void Edit(string file, string marker)
    {
        var text = File.ReadAllText(file);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal) + "\n---\n".Length;
        File.WriteAllText(file, text[..end] + "\n" + marker + "\n" + text[end..]);
    }

    /// <summary>
    /// Runs the real preview server (the Release build of SiteGen.Cli, ReadyToRun, as instructors run it) on a copy of the
    /// course, saves a session N times and times each save until the reload event and the page showing the edit.
    /// </summary>
    private static async Task<int> Latency(string contentDir, int edits)
    {
        var dir = Temp("latency");
        var content = Path.Combine(dir, "content");
        Copy(contentDir, content);
        var session = Directory.GetFiles(Path.Combine(content, "sessions"), "*.md").Order(StringComparer.Ordinal).First();
        var name = Path.GetFileNameWithoutExtension(session);
        var cli = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SiteGen.Cli/bin/Release/net10.0/SiteGen.Cli.dll"));
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli} is missing: dotnet build -c Release src/SiteGen.Cli");
            return 1;
        }
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "serve", "--content", content, "--out", Path.Combine(dir, "site"), "--port", port.ToString(CultureInfo.InvariantCulture), "--base-url", "/course/" })
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        // The server prints "build N: ... in X ms" after every build.
        var buildTimes = new System.Collections.Concurrent.ConcurrentQueue<double>();
        server.OutputDataReceived += (_, e) =>
        {
            var m = System.Text.RegularExpressions.Regex.Match(e.Data ?? "", @"^build \d+: .* in (\d+) ms$");
            if (m.Success) buildTimes.Enqueue(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            var root = new Uri($"http://127.0.0.1:{port}/");
            Stream? stream = null;
            for (var attempt = 0; stream is null; attempt++)
            {
                try { stream = await http.GetStreamAsync(new Uri(root, LiveReload.EventsPath)); }
                catch (HttpRequestException) when (attempt < 300) { await Task.Delay(100); }
            }
            using var events = new StreamReader(stream);
            await events.ReadLineAsync(); // ": connected"
            var pageUrl = new Uri(root, $"course/sessions/{name}/");

            var reloaded = new List<double>();
            var rebuild = new List<double>();
            for (var i = 0; i <= edits; i++)
            {
                await Task.Delay(500); // let the previous save's events settle
                while (buildTimes.TryDequeue(out _)) { }
                var marker = $"Benchmark edit {i} {Guid.NewGuid():N}";
                var watch = Stopwatch.StartNew();
                Edit(session, marker);
                while (await events.ReadLineAsync() is { } line && !line.StartsWith("event: reload", StringComparison.Ordinal)) { }
                string html;
                do html = await http.GetStringAsync(pageUrl);
                while (!html.Contains(marker, StringComparison.Ordinal));
                watch.Stop();
                if (i == 0) continue; // the first rebuild after start-up still loads code paths
                reloaded.Add(watch.Elapsed.TotalMilliseconds);
                if (buildTimes.TryDequeue(out var ms)) rebuild.Add(ms);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"`sitegen serve` on {Path.GetFileName(Path.GetFullPath(contentDir))}, {edits} saves of {name}.md: save -> reloaded page median {Median(reloaded):F0} ms (min {reloaded.Min():F0}, max {reloaded.Max():F0}); rebuild as the server reports it median {Median(rebuild):F0} ms (min {rebuild.Min():F0}, max {rebuild.Max():F0}); debounce {new ServeOptions().Debounce.TotalMilliseconds:F0} ms included in save -> reload"));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(dir, true);
        }
        return 0;
    }

    private static int Scale(int sessions)
    {
        var dir = Temp("scale");
        CourseGenerator.Write(dir, CourseCorpusOptions.Default with { Sessions = sessions });
        var content = Path.Combine(dir, "content");
        var site = Path.Combine(dir, "site");
        (BuildResult Result, double Ms) Timed(bool incremental)
        {
            var watch = Stopwatch.StartNew();
            var result = SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = site, Incremental = incremental });
            return (result, watch.Elapsed.TotalMilliseconds);
        }
        void Print(string label, (BuildResult Result, double Ms) run) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-34} {run.Ms,8:F0} ms  {run.Result.PagesRendered,5} pages rendered, {run.Result.FilesWritten,5} files written, {run.Result.Errors} errors; render {Stage(run.Result, "RenderPages"):F0} ms, write {Stage(run.Result, "WriteSite"):F0} ms"));

        Timed(incremental: false); // warm-up: JIT, file cache
        var full = Timed(incremental: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"course: {full.Result.Sessions} sessions, {full.Result.Readings} readings, {full.Result.Papers} papers"));
        Print("full build (--clean)", full);
        Print("incremental, nothing changed", Timed(incremental: true));
        var session = Directory.GetFiles(Path.Combine(content, "sessions"), "*.md").Order(StringComparer.Ordinal).Skip(sessions / 2).First();
        Edit(session, "An edited paragraph.");
        var edited = Timed(incremental: true);
        Print("incremental, one session edited", edited);
        foreach (var t in edited.Result.Timings)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:F1} ms"));
        Directory.Delete(dir, true);
        return 0;
    }

    private static double Stage(BuildResult result, string name) => result.Timings.Where(t => t.Stage == name).Sum(t => t.Elapsed.TotalMilliseconds);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
