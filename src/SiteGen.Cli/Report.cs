using System.Globalization;
using Spectre.Console;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Cli;

/// <summary>Runs a build with a progress display when it takes long, then prints diagnostics (one clickable line each) and the closing summary.</summary>
internal static class Report
{
    /// <summary>Stages of a normal build, for the progress bar's length.</summary>
    private const int StageCount = 15;

    /// <summary>Progress and colour only for a person at a terminal: plain text when piped, redirected, or NO_COLOR is set.</summary>
    public static bool Interactive =>
        !Console.IsOutputRedirected && !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>How long a build runs before the progress display appears: 1 s, or SITEGEN_PROGRESS_DELAY_MS.</summary>
    private static TimeSpan ProgressDelay =>
        int.TryParse(Environment.GetEnvironmentVariable("SITEGEN_PROGRESS_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.FromSeconds(1);

    public static BuildResult Build(BuildOptions options, bool quiet)
    {
        if (quiet || !Interactive) return SiteBuilder.Build(options);
        var stages = new StageProgress();
        var build = Task.Run(() => SiteBuilder.Build(options with { Progress = stages }));
        // Builds under a second finish before any progress would be readable.
        if (build.Wait(ProgressDelay)) return build.Result;
        AnsiConsole.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Building", maxValue: StageCount);
                while (!build.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    task.Value = Math.Min(stages.Done, StageCount - 1);
                    task.Description = "Building: " + Markup.Escape(stages.Last ?? "starting");
                }
                task.Value = StageCount;
            });
        return build.Result;
    }

    public static void Print(BuildResult result, BuildOptions options, bool quiet, bool verbose, MemorySetup? memory = null)
    {
        // Exactly `path(line,col): error|warning SGnnnn: message Hint: ...`, errors on stderr: editors and CI parse these lines.
        foreach (var d in result.Diagnostics)
            (d.Severity == Severity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
        if (!quiet)
        {
            foreach (var listing in result.Listings)
                Console.WriteLine($"listing {listing.File}: {listing.Records} records ({listing.Format})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Sessions} sessions, {result.Readings} readings, {result.ListingRecords} listing records, {result.Papers} papers after merging, {result.FilesWritten} files written"));
            if (result.Written)
                Console.WriteLine(result.Incremental
                    ? string.Create(CultureInfo.InvariantCulture, $"incremental: {result.PagesRendered} page(s) rendered, {result.FilesWritten} file(s) written, {result.FilesDeleted} deleted; the rest unchanged")
                    : string.Create(CultureInfo.InvariantCulture, $"full build: {result.PagesRendered} page(s) rendered"));
            // Background stages overlap the others: they are listed, not added up.
            var foreground = result.Timings.Where(t => !t.Background).ToList();
            var total = foreground.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
            if (verbose)
            {
                var totalCpu = foreground.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Cpu);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"stage",-18} {"wall",11} {"cpu",11} {"allocated",10}"));
                foreach (var t in result.Timings)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(t.Background ? "  " : "")}{t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:F1} ms {t.Cpu.TotalMilliseconds,8:F1} ms {t.Allocated / (1024 * 1024),7} MB"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-18} {total.TotalMilliseconds,8:F1} ms {totalCpu.TotalMilliseconds,8:F1} ms"));
                // Garbage collection is the first suspect when CPU time outgrows the work: say how much there was.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MB allocated, {(GC.GetGCMemoryInfo().Compacted ? "last compacting" : "last not compacting")}"));
                if (memory is not null)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  memory: no collection for the first {memory.CollectionFreeBytes >> 20} MB, {memory.HugePageBytes >> 20} MB asked for in 2 MB pages"));
            }
            else if (result.Timings.Count > 0)
            {
                // The three slowest stages say where the time went; --verbose lists them all.
                var slowest = foreground.OrderByDescending(t => t.Elapsed).Take(3)
                    .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Elapsed.TotalMilliseconds:F0} ms"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time {total.TotalMilliseconds:F0} ms ({string.Join(", ", slowest)})"));
            }
        }
        var outcome = result.Written ? $"site written to {options.OutDir}" : options.CheckOnly ? "check only, nothing written" : "nothing written, the previous site is unchanged";
        Console.WriteLine($"{result.Errors} error(s), {result.Warnings} warning(s); {outcome}");
    }

    /// <summary>Counts finished stages; written by the build thread, read by the display loop.</summary>
    private sealed class StageProgress : IProgress<string>
    {
        private int _done;
        public int Done => Volatile.Read(ref _done);
        public string? Last { get; private set; }

        public void Report(string value)
        {
            Last = value;
            Interlocked.Increment(ref _done);
        }
    }
}
