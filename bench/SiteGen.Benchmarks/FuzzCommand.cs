using System.Globalization;
using SiteGen.Corpus.Fuzz;

namespace SiteGen.Benchmarks;

/// <summary>
/// "fuzz [--seed N] [--courses N] [--keep DIR]": the fuzz test's run at a larger size (default 400 courses, 20,000
/// mutated-or-not files), printing its figures and every failure. Exit code 1 when any rule broke; the failing courses
/// are kept under DIR (a temporary folder without --keep).
/// </summary>
public static class FuzzCommand
{
    public static int Run(string[] args)
    {
        var options = new FuzzOptions { Courses = 400 };
        string? keep = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--seed": options = options with { Seed = ulong.Parse(args[i + 1], CultureInfo.InvariantCulture) }; break;
                case "--courses": options = options with { Courses = int.Parse(args[i + 1], CultureInfo.InvariantCulture) }; break;
                case "--keep": keep = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        var work = keep ?? Path.Combine(Path.GetTempPath(), "sitegen-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        var report = FuzzRun.Run(options, work);
        Console.WriteLine(report);
        foreach (var failure in report.Failures) Console.WriteLine(failure);
        if (keep is null && report.Failures.Count == 0) Directory.Delete(work, recursive: true);
        else Console.WriteLine($"failing courses kept under {work}");
        return report.Failures.Count == 0 ? 0 : 1;
    }
}
