using System.Globalization;
using SiteGen.Corpus.Courses;

namespace SiteGen.Benchmarks;

/// <summary>Console mode: generate-course --sessions N --listing-entries M --out DIR [--seed S] [--repeat-share 0.25] [--entries-per-file 5000] [--no-slides].</summary>
public static class GenerateCourse
{
    public static int Run(string[] args)
    {
        var options = CourseCorpusOptions.Default;
        string? outDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sessions": options = options with { Sessions = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--listing-entries": options = options with { ListingEntries = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--seed": options = options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--repeat-share": options = options with { RepeatShare = double.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--entries-per-file": options = options with { EntriesPerListingFile = int.Parse(Value(), CultureInfo.InvariantCulture) }; break;
                case "--no-slides": options = options with { SlideDecks = false }; break;
                case "--out": outDir = Value(); break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[i]}. Usage: generate-course --sessions N --listing-entries M --out DIR [--seed S] [--repeat-share F] [--entries-per-file N] [--no-slides]");
                    return 2;
            }
        }
        if (outDir is null)
        {
            Console.Error.WriteLine("generate-course needs --out DIR.");
            return 2;
        }
        if (Directory.Exists(Path.Combine(outDir, "content"))) Directory.Delete(Path.Combine(outDir, "content"), recursive: true);
        var truth = CourseGenerator.Write(outDir, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outDir}: {truth.Sessions} sessions, {truth.Readings} readings, {truth.ListingEntries} listing entries in {truth.ListingFiles} files ({truth.Repeats} repeats), {truth.DistinctPapers} distinct papers"));
        return 0;
    }
}
