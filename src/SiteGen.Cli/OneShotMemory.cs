using System.Globalization;
using System.Runtime.InteropServices;

namespace SiteGen.Cli;

/// <summary>What <see cref="OneShotMemory.HoldOffCollections"/> set up, for `build --verbose`.</summary>
/// <param name="CollectionFreeBytes">Bytes the process may allocate before the first collection (0: collects as usual).</param>
/// <param name="HugePageBytes">Bytes of that memory the kernel was asked to back with 2 MB pages (0 off Linux).</param>
internal sealed record MemorySetup(long CollectionFreeBytes, long HugePageBytes);

/// <summary>
/// `build` and `check` are short processes whose memory all goes back at exit, so collecting garbage meanwhile is work
/// thrown away: a large build spent a good part of its time in collections, moving the site model from generation
/// to generation (figures in BENCHMARKS.md). The collector is held off for the first <see cref="Budget"/> bytes the process
/// allocates; past them a collection runs and the process collects as usual from then on, so a course too large for
/// the budget still builds, in bounded memory. esbuild turns Go's collector off for its one-shot builds for the same
/// reason. Not for `serve`, which runs for hours.
/// </summary>
internal static class OneShotMemory
{
    /// <summary>Upper bound of the budget: above what even a 10,000-session course allocates in all (BENCHMARKS.md).</summary>
    public const long MaxBudget = 4L << 30;

    /// <summary>
    /// Bytes to allocate with no collection: an eighth of the memory the process may use (a container's limit counts),
    /// at most <see cref="MaxBudget"/>. The runtime sets aside room for this much twice (small and large objects), a
    /// quarter of the memory, committed but not touched until used.
    /// </summary>
    public static long Budget(long availableMemory) => Math.Clamp(availableMemory / 8, 0, MaxBudget);

    /// <summary>
    /// Listing text past this size makes a build allocate several times any budget (a 200 MB listing: 3.3 GB; 455 MB:
    /// 8.9 GB), so holding collections off would only add the garbage of the first budget's worth to the peak memory
    /// (BENCHMARKS.md, listings): such a build collects as usual from the start.
    /// </summary>
    public const long LargeListingBytes = 64L << 20;

    /// <summary>The budget for a build whose listings/ folder holds <paramref name="listingBytes"/> bytes.</summary>
    public static long Budget(long availableMemory, long listingBytes) => listingBytes > LargeListingBytes ? 0 : Budget(availableMemory);

    /// <summary>Bytes of the files below <paramref name="contentDir"/>/listings (links not followed; 0 when there is none).</summary>
    public static long ListingBytes(string contentDir)
    {
        var folder = Path.Combine(contentDir, "listings");
        if (!Directory.Exists(folder)) return 0;
        try
        {
            return new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
                .Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Holds collections off, when the runtime can give the budget; otherwise the process collects as usual.</summary>
    public static MemorySetup HoldOffCollections(string contentDir)
    {
        var budget = Budget(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, ListingBytes(contentDir));
        if (budget < 64L << 20) return new MemorySetup(0, 0);
        try
        {
            if (!GC.TryStartNoGCRegion(budget)) return new MemorySetup(0, 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's GC can set aside in one region (older segment-based GCs): collect as usual.
            return new MemorySetup(0, 0);
        }
        return new MemorySetup(budget, HugePages.AdviseLargeAnonymousMappings());
    }
}

/// <summary>
/// With no collection, every allocation lands on memory the process has not touched yet, and each 4 KB page costs a
/// page fault, and on virtual machines a fault is dear (the collector's clearing of fresh memory and the faults under it
/// were a large share of a build's CPU samples).
/// The kernel backs memory with 2 MB pages where a program asks for them (transparent huge pages in "madvise" mode,
/// the common default), which .NET does not do; this asks for them on the blocks the collector set aside for the
/// collection-free allocations, which cuts the faults and the user CPU they cost (BENCHMARKS.md gives the figures, and
/// a day when the 2 MB pages cost more than they saved). The JVM's
/// -XX:+UseTransparentHugePages does the same for its heap. Linux only; any failure leaves the memory as it was.
/// </summary>
internal static partial class HugePages
{
    /// <summary>Anonymous writable mappings at least this large are the collector's blocks (nothing else maps so much at start-up).</summary>
    public const long MinimumMapping = 64L << 20;

    private const int MadviseHugePage = 14;

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Madvise(nint address, nuint length, int advice);

    /// <summary>Bytes advised.</summary>
    public static long AdviseLargeAnonymousMappings()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        try
        {
            long advised = 0;
            foreach (var (start, length) in LargeAnonymousMappings(File.ReadLines("/proc/self/maps")))
                if (Madvise((nint)start, (nuint)length, MadviseHugePage) == 0) advised += length;
            return advised;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>
    /// From /proc/self/maps lines ("start-end perms offset dev inode [path]"): private read-write mappings of no file,
    /// of <see cref="MinimumMapping"/> bytes or more.
    /// </summary>
    public static IEnumerable<(long Start, long Length)> LargeAnonymousMappings(IEnumerable<string> maps)
    {
        foreach (var line in maps)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 5 || fields[1] != "rw-p" || fields[4] != "0") continue;
            var range = fields[0].Split('-');
            if (range.Length != 2
                || !long.TryParse(range[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
                || !long.TryParse(range[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
                || end - start < MinimumMapping)
                continue;
            yield return (start, end - start);
        }
    }
}
