using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>
/// Listing parsers on ~5 MB listings built by repeating the seed listings (content/listings/) with each copy's titles and
/// abstracts varied, so no two entries are equal. Besides BenchmarkDotNet's time per file, setup prints records per second:
/// <c>dotnet run -c Release --project bench/SiteGen.Benchmarks -- --filter *ListingBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class ListingBenchmarks
{
    private const int TargetBytes = 5_000_000;

    private byte[] _arxiv = [];
    private byte[] _hf = [];
    private byte[] _hfPlain = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = SeedListingsFolder();
        _arxiv = Grow(File.ReadAllText(Path.Combine(folder, "arxiv-agents-listing.txt")), arxiv: true);
        _hf = Grow(File.ReadAllText(Path.Combine(folder, "hf-daily-papers-agents-with-metadata.txt")), arxiv: false);
        _hfPlain = Grow(File.ReadAllText(Path.Combine(folder, "hf-papers-agents-1.txt")), arxiv: false);
        foreach (var (name, bytes) in new[] { ("arxiv", _arxiv), ("hf", _hf), ("hf-plain", _hfPlain) })
            Console.WriteLine(RecordsPerSecond(name, bytes));
    }

    [Benchmark]
    public int ArxivListing5MB() => Parse(_arxiv);

    [Benchmark]
    public int HfListing5MB() => Parse(_hf);

    [Benchmark]
    public int HfPlainListing5MB() => Parse(_hfPlain);

    private static int Parse(byte[] bytes) =>
        ReadListings.ReadFile(bytes, "listings/big.txt", "content/listings/big.txt", SiteConfig.Default, new DiagnosticBag()).Records.Count;

    /// <summary>Best of five timed parses after a warm-up: "arxiv: 5.0 MB, 41,000 records, 95 ms, 430,000 records/s".</summary>
    private static string RecordsPerSecond(string name, byte[] bytes)
    {
        var records = Parse(bytes);
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            Parse(bytes);
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"// {name}: {bytes.Length / 1e6:F1} MB, {records:N0} records, {best.TotalMilliseconds:F0} ms, {records / best.TotalSeconds:N0} records/s");
    }

    /// <summary>Repeats the seed (its header once for HF) until the text reaches the target size; each copy's text is tagged with its number.</summary>
    private static byte[] Grow(string seed, bool arxiv)
    {
        seed = seed.ReplaceLineEndings("\n").TrimEnd('\n');
        var header = "";
        var body = seed;
        if (!arxiv)
        {
            // The HF page header (up to the first title) appears once at the top.
            var lines = seed.Split('\n');
            var firstEntry = Array.FindIndex(lines, l => l.Length > 0 && !IsHeader(l));
            header = string.Join('\n', lines[..firstEntry]) + "\n";
            body = string.Join('\n', lines[firstEntry..]);
        }
        var builder = new StringBuilder(header, TargetBytes + seed.Length);
        for (var copy = 0; builder.Length < TargetBytes; copy++)
        {
            var tag = copy.ToString(CultureInfo.InvariantCulture);
            // Varying each entry's first word keeps titles and abstracts distinct across copies.
            var varied = string.Join('\n', body.Split('\n').Select(l => IsEntryText(l) ? "V" + tag + " " + l : l));
            builder.Append(varied).Append(arxiv ? "" : "\n\n");
        }
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Title, abstract or comment lines; not ids, author counts, '·' or dates ("Aug 18, 2024 3"), which must stay parseable.</summary>
    private static bool IsEntryText(string line) =>
        line.Length > 0 && !line.StartsWith("arXiv:", StringComparison.Ordinal) && !line.StartsWith("  •", StringComparison.Ordinal)
        && line != "·" && !(line.Length <= 16 && line.Contains(", 20", StringComparison.Ordinal));

    private static bool IsHeader(string line) =>
        line is "new" or "Get trending papers in your email inbox!" or "Subscribe" or "Daily Papers" or "byAK and the research community"
        || (line.Length <= 6 && line.Contains(' '));

    private static string SeedListingsFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "content", "listings");
            if (File.Exists(Path.Combine(candidate, "arxiv-agents-listing.txt"))) return candidate;
        }
        throw new InvalidOperationException("content/listings/ with the seed listings was not found above " + AppContext.BaseDirectory);
    }
}
