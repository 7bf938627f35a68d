using System.Diagnostics;
using System.Globalization;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;
using SiteGen.Corpus.Records;

namespace SiteGen.Benchmarks;

/// <summary>
/// Scale figures for the duplicate resolver: <c>resolver-scale 100000 300000 1000000</c> runs each size in a fresh process
/// (so peak memory is that size's own) and prints records, papers, time, peak working set and F1 against the generated truth.
/// </summary>
public static class ResolverScale
{
    public static int Run(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--one") return RunOne(int.Parse(args[1], CultureInfo.InvariantCulture));
        if (args.Length >= 2 && args[0] == "--content")
            return RunCourse(args[1], args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3, args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null);
        var sizes = args.Length == 0 ? [100_000, 300_000, 1_000_000] : args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        Console.WriteLine($"resolver scale on {Environment.ProcessorCount} cores");
        Console.WriteLine("records | papers | generate s | resolve s | candidate pairs | peak working set MB | GC heap after last GC MB | F1 | precision | recall");
        foreach (var size in sizes)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            // Throughput GC for the child: the resolver allocates from every core.
            start.Environment["DOTNET_gcServer"] = "1";
            start.Environment["DOTNET_gcConcurrent"] = "0";
            // A dotnet-hosted run passes the assembly first; an apphost does not.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ResolverScale).Assembly.Location);
            foreach (var a in new[] { "resolver-scale", "--one", size.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
            using var child = Process.Start(start)!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
            if (child.ExitCode != 0) return child.ExitCode;
        }
        return 0;
    }

    /// <summary>
    /// <c>resolver-scale --content DIR [runs [threads]]</c>: ReadListings and MergeDuplicates of a course, run several times in one
    /// process (the first run includes JIT and start-up), with wall and CPU time, bytes allocated and the heap they leave.
    /// </summary>
    private static int RunCourse(string contentDir, int runs, int? threads)
    {
        var content = ContentSource.For(contentDir);
        var diagnostics = new DiagnosticBag();
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = contentDir }, diagnostics);
        var readings = ReadSessions.Run(content, config, diagnostics).SelectMany(s => s.Readings).ToList();
        Console.WriteLine($"{readings.Count} session readings; run | stage | wall s | cpu s | allocated MB | heap after MB | records");
        using var self = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            ListingsResult? listings = null;
            Measure(run, "ReadListings", () => { listings = ReadListings.Run(content, config, new DiagnosticBag()); return listings.Records.Count; });
            ResolverResult? merged = null;
            // The stage without its decisions file (generated courses have none), so that its phases can be printed.
            Measure(run, "MergeDuplicates", () => { merged = Resolver.Resolve([.. readings, .. listings!.Records], options: ResolverOptions.Default with { Threads = threads }); return merged.Catalog.Papers.Count; });
            Console.WriteLine($"  candidate pairs {merged!.Stats.CandidatePairs}, blocks {merged.Stats.Blocks}; phases: " + string.Join(", ", merged!.Stats.PhaseSeconds.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.000}s"))));
            listings = null;
            merged = null;
        }
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB"));
        return 0;

        void Measure(int run, string stage, Func<int> action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var pause = GC.GetTotalPauseDuration();
            var collections = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            var count = action();
            var wall = watch.Elapsed.TotalSeconds;
            self.Refresh();
            var used = (self.TotalProcessorTime - cpu).TotalSeconds;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0);
            // What the stage's result holds: the heap after a full collection, with the result still alive.
            var paused = (GC.GetTotalPauseDuration() - pause).TotalSeconds;
            var gcs = GC.CollectionCount(0) - collections;
            var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run} | {stage} | {wall:0.000} | {used:0.000} | {bytes:0} | {heap:0} | {count} | GC pauses {paused:0.000} s in {gcs} collections"));
        }
    }

    private static int RunOne(int records)
    {
        var sw = Stopwatch.StartNew();
        // About 2.1 records per paper.
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = (int)(records / 2.13), Seed = 42 });
        var generate = sw.Elapsed.TotalSeconds;
        GC.Collect();
        // What the input records alone hold, so the resolver's own share of the peak can be told apart.
        var inputMb = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);
        sw.Restart();
        var result = Resolver.Resolve(data.Records);
        var resolve = sw.Elapsed.TotalSeconds;
        var predicted = data.Records.Select(r => result.Catalog.PaperIdBySource[r.Source]).ToList();
        var m = PairMetrics.Compute(data.Truth, predicted);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakMb = self.PeakWorkingSet64 / (1024.0 * 1024.0);
        var gcHeap = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / (1024.0 * 1024.0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{data.Records.Count} | {result.Stats.Papers} | {generate:0.0} | {resolve:0.0} | {result.Stats.CandidatePairs} | {peakMb:0} | {gcHeap:0} | {m.F1:0.0000} | {m.Precision:0.0000} | {m.Recall:0.0000}"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  input records hold {inputMb:0} MB; phases: ") + string.Join(", ", result.Stats.PhaseSeconds.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0.00}s"))));
        return 0;
    }
}
