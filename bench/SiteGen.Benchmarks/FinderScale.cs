using System.Diagnostics;
using System.Globalization;
using SiteGen.Finder;

namespace SiteGen.Benchmarks;

/// <summary>
/// Console mode: finder-scale --content DIR --out DIR. Whole-index figures for the instructors' finder on one course:
/// first index build (time, size on disk), refresh after one listing file changes, latency of 100 varied queries
/// (p50/p95, each a full Finder.Search with snippets), and the process's peak memory.
/// </summary>
public static class FinderScale
{
    public static int Run(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"finder-scale needs {name} DIR");
        var options = new FinderOptions { ContentDir = Arg("--content"), OutDir = Arg("--out") };
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
        // --queries-only: the 100 queries on the index as it is (made or refreshed first if need be), no build or refresh timed.
        if (args.Contains("--queries-only")) return RunQueries(options);
        if (Directory.Exists(options.IndexDir)) Directory.Delete(options.IndexDir, recursive: true);

        var watch = Stopwatch.StartNew();
        // The catalog alone, as the build's stages read and merge it (the first build below reads it again).
        var catalog = FinderCatalog.Read(SiteGen.Model.ContentSource.For(options.ContentDir));
        var read = watch.Elapsed;
        watch.Restart();
        foreach (var paper in catalog.Papers) PaperDocuments.Make(paper, out _);
        Console.WriteLine($"catalog read + merge (LoadConfig, ReadSessions, ReadListings, MergeDuplicates): {Ms(read)}; documents made (with hashes): {Ms(watch.Elapsed)}; "
            + string.Join(", ", catalog.PhaseSeconds.Select(p => $"{p.Key} {(p.Value * 1000).ToString("F0", CultureInfo.InvariantCulture)} ms")));
        catalog = null;
        GC.Collect();

        watch.Restart();
        int papers;
        IReadOnlyList<KeyValuePair<string, double>> buildPhases;
        using (var index = FinderIndex.Open(options)) (papers, buildPhases) = (index.Refresh.Papers, index.Refresh.PhaseSeconds);
        var build = watch.Elapsed;
        var size = Directory.GetFiles(options.IndexDir).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"first index build: {Ms(build)} for {papers.ToString("N0", CultureInfo.InvariantCulture)} papers; size on disk {(size / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)} MB; "
            + string.Join(", ", buildPhases.Select(p => $"{p.Key} {(p.Value * 1000).ToString("F0", CultureInfo.InvariantCulture)} ms")));

        watch.Restart();
        using (var index = FinderIndex.Open(options)) { }
        Console.WriteLine($"open when current (no content read): {Ms(watch.Elapsed)}");

        // One listing file changes: one entry's title is edited. First as `find` refreshes (a process that kept nothing
        // reads every listing), then again as `serve` does (it kept each listing's records and their features).
        var listing = Directory.GetFiles(Path.Combine(options.ContentDir, "listings")).Order(StringComparer.Ordinal).First();
        void EditOneTitle()
        {
            var lines = File.ReadAllLines(listing);
            var at = Array.FindIndex(lines, l => l.Length is > 20 and < 200 && char.IsUpper(l[0]));
            lines[at] += " Revisited";
            File.WriteAllLines(listing, lines);
        }
        void TimeRefresh(string label, FinderOptions refreshOptions)
        {
            EditOneTitle();
            var gc = GcCounts.Now();
            watch.Restart();
            IndexRefresh refresh;
            using (var index = FinderIndex.Open(refreshOptions)) refresh = index.Refresh;
            Console.WriteLine($"refresh after one listing file changed, {label}: {Ms(watch.Elapsed)} ({refresh.Added} added, {refresh.Changed} changed, {refresh.Removed} removed; listing files parsed {refresh.ListingFilesParsed}, reused {refresh.ListingFilesReused}); "
                + string.Join(", ", refresh.PhaseSeconds.Select(p => $"{p.Key} {(p.Value * 1000).ToString("F0", CultureInfo.InvariantCulture)} ms")) + "; " + GcCounts.Now().Since(gc));
        }
        var serving = options with { KeepReadCache = true };
        TimeRefresh("as find (nothing kept)", options);
        TimeRefresh("as serve, its first (keeps what it read)", serving);
        TimeRefresh("as serve, again (records and features kept)", serving);
        Console.WriteLine($"live heap after the serve refresh: {(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)} MB");

        // Queries as `serve` runs them, beside what it kept; then as `find` does, with nothing kept.
        Console.WriteLine("queries beside serve's kept records:");
        RunQueries(options);
        CourseReadCache.Forget(options.ContentDir);
        Console.WriteLine($"queries with nothing kept (live heap {(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)} MB):");
        return RunQueries(options);
    }

    private static int RunQueries(FinderOptions options)
    {
        var watch = new Stopwatch();
        using (var index = FinderIndex.Open(options))
        {
            var queries = Queries(index);
            // Warm-up: one query of each form, words drawn apart from the 100 (the first of a form pays for compiling its code).
            foreach (var q in Queries(index, seed: 26).Take(FormNames.Length)) Finder.Finder.Search(index, q);
            var times = new List<double>();
            var cpu = new List<double>();
            var slowest = new List<(double Ms, string Query)>();
            var hits = 0L;
            var gc = GcCounts.Now();
            foreach (var q in queries)
            {
                var cpuStart = ThreadCpu.Milliseconds();
                watch.Restart();
                var found = Finder.Finder.Search(index, q);
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(ThreadCpu.Milliseconds() - cpuStart);
                slowest.Add((times[^1], q.Query + (q.UnassignedOnly ? " --unassigned" : "") + (q.Since is { } s ? " --since " + s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")));
                hits += found.TotalHits;
                if (found.Problem is { } p) Console.WriteLine($"  query problem: {q.Query}: {p.Message}");
            }
            Console.WriteLine("  during the 100 queries: " + GcCounts.Now().Since(gc));
            Console.WriteLine("slowest: " + string.Join("; ", slowest.OrderByDescending(x => x.Ms).Take(6).Select(x => $"{x.Query} {x.Ms.ToString("F0", CultureInfo.InvariantCulture)} ms")));
            Profile(index, queries);
            times.Sort();
            cpu.Sort();
            static string P(List<double> sorted, double f) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(f * sorted.Count) - 1)].ToString("F1", CultureInfo.InvariantCulture);
            Console.WriteLine($"{times.Count} queries (limit 20, with snippets): p50 {P(times, 0.50)} ms, p95 {P(times, 0.95)} ms, max {P(times, 1)} ms; {hits.ToString("N0", CultureInfo.InvariantCulture)} hits in all");
            // The query thread's own CPU time: steadier than the wall time when other processes share the cores.
            Console.WriteLine($"  CPU time of the query thread: p50 {P(cpu, 0.50)} ms, p95 {P(cpu, 0.95)} ms, max {P(cpu, 1)} ms");
        }
        Console.WriteLine($"peak working set: {(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)} MB");
        return 0;
    }

    /// <summary>Where a query's time goes, per query form: the phases of Finder.Search (prepare, rank, present) and, within present, the snippets.</summary>
    private static void Profile(FinderIndex index, List<FindRequest> queries)
    {
        var phases = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var watch = new Stopwatch();
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var form = FormNames[i % FormNames.Length];
            if (!phases.TryGetValue(form, out var t)) phases[form] = t = new double[7];
            watch.Restart();
            var (prepared, _) = Finder.Finder.Prepare(index, q);
            t[0] += watch.Elapsed.TotalMilliseconds;
            if (prepared is null) continue;
            watch.Restart();
            var (docs, total, _) = Finder.Finder.Rank(index, prepared);
            t[1] += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var stored = docs.Select(h => index.Searcher.Doc(h.Doc)).ToList();
            t[2] += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            foreach (var d in stored) Snippets.Best(prepared.Highlight ?? new Lucene.Net.Search.BooleanQuery(), index.Analyzer, d.Get("title"), d.Get("abstract"));
            t[3] += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            for (var r = 0; r < docs.Count; r++) Finder.Finder.Present(index, prepared, docs[r], r + 1);
            t[4] += watch.Elapsed.TotalMilliseconds;
            t[5]++;
            t[6] += total;
        }
        Console.WriteLine("per form, mean ms: prepare (parse) / rank / stored fields / snippets / present (stored fields + snippets) (hits)");
        foreach (var (form, t) in phases)
            Console.WriteLine($"  {form,-22} {t[0] / t[5],7:F1} {t[1] / t[5],7:F1} {t[2] / t[5],7:F1} {t[3] / t[5],7:F1} {t[4] / t[5],7:F1}  ({t[6] / t[5]:F0})");
    }

    private static readonly string[] FormNames = ["word", "two words", "phrase", "title:", "authors:", "prefix*", "fuzzy~", "word -exclude", "AND", "unassigned+since"];

    /// <summary>100 queries of every form, made from words of the catalog's own titles and authors (deterministic).</summary>
    private static List<FindRequest> Queries(FinderIndex index, int seed = 25)
    {
        var rng = new Random(seed);
        var words = new List<string>();
        var authors = new List<string>();
        var step = Math.Max(1, index.Reader.MaxDoc / 500);
        for (var d = 0; d < index.Reader.MaxDoc; d += step)
        {
            var doc = index.Reader.Document(d);
            foreach (var w in (doc.Get("title") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (w.Length > 4 && w.All(char.IsLetter)) words.Add(w.ToLowerInvariant());
            foreach (var a in doc.GetValues("authors")) if (a.Split(' ').LastOrDefault() is { Length: > 2 } last && last.All(char.IsLetter)) authors.Add(last);
        }
        string W() => words[rng.Next(words.Count)];
        var forms = new Func<FindRequest>[]
        {
            () => new() { Query = W() },
            () => new() { Query = W() + " " + W() },
            () => new() { Query = $"\"{W()} {W()}\"" },
            () => new() { Query = "title:" + W() },
            () => new() { Query = "authors:" + (authors.Count > 0 ? authors[rng.Next(authors.Count)] : W()) },
            () => new() { Query = W()[..3] + "*" },
            () => new() { Query = W() + "~" },
            () => new() { Query = W() + " -" + W() },
            () => new() { Query = $"{W()} AND {W()}" },
            () => new() { Query = W(), UnassignedOnly = true, Since = new DateOnly(2024, 1, 1) },
        };
        return [.. Enumerable.Range(0, 100).Select(i => forms[i % forms.Length]())];
    }
}

/// <summary>Garbage collections by generation and their total pause, to tell a slower phase's own work from the collector's.</summary>
internal readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public string Since(GcCounts before) =>
        $"GCs gen0/1/2 {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2}, paused {(Paused - before.Paused).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms";
}

/// <summary>CPU time of the calling thread (clock_gettime CLOCK_THREAD_CPUTIME_ID, Linux).</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Milliseconds()
    {
        var spec = default(TimeSpec);
        clock_gettime(ClockThreadCpuTimeId, ref spec);
        return spec.Seconds * 1000.0 + spec.Nanoseconds / 1e6;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, ref TimeSpec spec);
}
