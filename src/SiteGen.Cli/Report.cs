using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Cli;

/// <summary>Prints diagnostics (one clickable line each) and the closing summary.</summary>
internal static class Report
{
    public static void Print(BuildResult result, BuildOptions options, bool quiet, bool verbose)
    {
        foreach (var d in result.Diagnostics)
            (d.Severity == Severity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
        if (!quiet)
        {
            foreach (var listing in result.Listings)
                Console.WriteLine($"listing {listing.File}: {listing.Records} records ({listing.Format})");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Sessions} sessions, {result.Readings} readings, {result.ListingRecords} listing records, {result.Papers} papers after merging, {result.FilesWritten} files written"));
            if (verbose)
                foreach (var t in result.Timings)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Stage,-18} {t.Elapsed.TotalMilliseconds,8:F1} ms"));
        }
        var outcome = result.Written ? $"site written to {options.OutDir}" : options.CheckOnly ? "check only, nothing written" : "nothing written, the previous site is unchanged";
        Console.WriteLine($"{result.Errors} error(s), {result.Warnings} warning(s); {outcome}");
    }
}
