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
        if (Directory.Exists(options.IndexDir)) Directory.Delete(options.IndexDir, recursive: true);
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

        var watch = Stopwatch.StartNew();
        int papers;
        using (var index = FinderIndex.Open(options)) papers = index.Refresh.Papers;
        var build = watch.Elapsed;
        var size = Directory.GetFiles(options.IndexDir).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"first index build: {Ms(build)} for {papers.ToString("N0", CultureInfo.InvariantCulture)} papers; size on disk {(size / 1048576.0).ToString("F1", CultureInfo.InvariantCulture)} MB");

        watch.Restart();
        using (var index = FinderIndex.Open(options)) { }
        Console.WriteLine($"open when current (no content read): {Ms(watch.Elapsed)}");

        // One listing file changes: one entry's title is edited.
        var listing = Directory.GetFiles(Path.Combine(options.ContentDir, "listings")).Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(listing);
        var at = Array.FindIndex(lines, l => l.Length is > 20 and < 200 && char.IsUpper(l[0]));
        lines[at] += " Revisited";
        File.WriteAllLines(listing, lines);
        watch.Restart();
        IndexRefresh refresh;
        using (var index = FinderIndex.Open(options)) refresh = index.Refresh;
        Console.WriteLine($"refresh after one listing file changed: {Ms(watch.Elapsed)} ({refresh.Added} added, {refresh.Changed} changed, {refresh.Removed} removed)");

        using (var index = FinderIndex.Open(options))
        {
            var queries = Queries(index);
            foreach (var q in queries.Take(5)) Finder.Finder.Search(index, q); // warm-up
            var times = new List<double>();
            var hits = 0L;
            foreach (var q in queries)
            {
                watch.Restart();
                var found = Finder.Finder.Search(index, q);
                times.Add(watch.Elapsed.TotalMilliseconds);
                hits += found.TotalHits;
                if (found.Problem is { } p) Console.WriteLine($"  query problem: {q.Query}: {p.Message}");
            }
            times.Sort();
            string P(double f) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(f * times.Count) - 1)].ToString("F1", CultureInfo.InvariantCulture);
            Console.WriteLine($"{times.Count} queries (limit 20, with snippets): p50 {P(0.50)} ms, p95 {P(0.95)} ms, max {times[^1].ToString("F1", CultureInfo.InvariantCulture)} ms; {hits.ToString("N0", CultureInfo.InvariantCulture)} hits in all");
        }
        Console.WriteLine($"peak working set: {(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0).ToString("F0", CultureInfo.InvariantCulture)} MB");
        return 0;
    }

    /// <summary>100 queries of every form, made from words of the catalog's own titles and authors (deterministic).</summary>
    private static List<FindRequest> Queries(FinderIndex index)
    {
        var rng = new Random(25);
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
