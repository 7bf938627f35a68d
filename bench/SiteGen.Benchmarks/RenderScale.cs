using System.Diagnostics;
using System.Globalization;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Merging;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Site;

namespace SiteGen.Benchmarks;

/// <summary>
/// Console mode: render-scale --content DIR [--runs N] [--write DIR]. The RenderPages stage alone, run N times in one
/// process on a course's model (read once as the build reads it): wall, CPU and allocated bytes per run, with the garbage collections and JIT compilation in it, and a hash of every page (the same output gives the same hash); --write keeps each run's pages under DIR/runN to compare. The first run
/// pays for JIT and first-use set-up as a build does; later runs show the steady cost.
/// </summary>
public static class RenderScale
{
    public static int Run(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var contentDir = Arg("--content") ?? throw new ArgumentException("render-scale needs --content DIR");
        var runs = int.Parse(Arg("--runs") ?? "5", CultureInfo.InvariantCulture);
        var diagnostics = new DiagnosticBag();
        var content = ContentSource.For(contentDir);
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = content.Root, OutDir = Path.Combine(Path.GetTempPath(), "render-scale-unused") }, diagnostics);
        var sessions = ReadSessions.Run(content, config, diagnostics);
        var pages = ReadPages.Run(content, config, diagnostics);
        var listings = ReadListings.Run(content, config, diagnostics);
        var catalog = MergeDuplicates.Run([.. sessions.SelectMany(s => s.Readings), .. listings.Records], content, diagnostics);
        var model = BuildSiteModel.Run(config, sessions, catalog, pages);
        var templates = TemplateSet.Load(SiteBuilder.TemplateFolders(content, config), diagnostics);
        if (!templates.IsComplete) throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        Console.WriteLine($"{model.Sessions.Count} sessions, {model.CatalogPages.Count} catalog pages, {model.Pages.Count} static pages");
        var process = Process.GetCurrentProcess();
        for (var run = 1; run <= runs; run++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (gcs, pause) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
            var (jitTime, jitted) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
            var watch = Stopwatch.StartNew();
            var files = RenderPages.Run(model, templates, null, diagnostics);
            watch.Stop();
            process.Refresh();
            if (Arg("--write") is { } write)
                foreach (var f in files)
                {
                    var path = Path.Combine(write, $"run{run}", f.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, f.Bytes);
                }
            var bytes = files.Sum(f => (long)f.Bytes.Length);
            using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                sha.AppendData(System.Text.Encoding.UTF8.GetBytes(f.Path + "\n"));
                sha.AppendData(f.Bytes);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {files.Count} pages, {bytes / 1048576.0:F1} MB (sha256 {Convert.ToHexString(sha.GetHashAndReset())[..16]}); wall {watch.Elapsed.TotalMilliseconds:F0} ms, cpu {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB; {GC.CollectionCount(0) - gcs} GCs pausing {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms; {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods compiled in {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms"));
        }
        return 0;
    }
}
