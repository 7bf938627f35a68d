namespace SiteGen.Cli;

/// <summary>What <see cref="OneShotMemory.HoldOffCollections"/> set up, for `build --verbose`.</summary>
/// <param name="CollectionFreeBytes">Bytes the process may allocate before the first collection (0: collects as usual).</param>
internal sealed record MemorySetup(long CollectionFreeBytes);

/// <summary>
/// `build` and `check` are short processes whose memory all goes back at exit, so collecting garbage meanwhile is work
/// thrown away: a 3,000-session build spent 0.6-1 s of its 4 s in collections, moving the site model from generation
/// to generation (see BENCHMARKS.md). The collector is held off for the first <see cref="Budget"/> bytes the process
/// allocates; past them a collection runs and the process collects as usual from then on, so a course too large for
/// the budget still builds, in bounded memory. esbuild turns Go's collector off for its one-shot builds for the same
/// reason. Not for `serve`, which runs for hours.
/// </summary>
internal static class OneShotMemory
{
    /// <summary>Upper bound of the budget: a 3,000-session course allocates about 0.55 GB in all, a 10,000-session one 1.8 GB.</summary>
    public const long MaxBudget = 4L << 30;

    /// <summary>
    /// Bytes to allocate with no collection: an eighth of the memory the process may use (a container's limit counts),
    /// at most <see cref="MaxBudget"/>. The runtime sets aside room for this much twice (small and large objects), a
    /// quarter of the memory, committed but not touched until used.
    /// </summary>
    public static long Budget(long availableMemory) => Math.Clamp(availableMemory / 8, 0, MaxBudget);

    /// <summary>Holds collections off, when the runtime can give the budget; otherwise the process collects as usual.</summary>
    public static MemorySetup HoldOffCollections()
    {
        var budget = Budget(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (budget < 64L << 20) return new MemorySetup(0);
        try
        {
            if (!GC.TryStartNoGCRegion(budget)) return new MemorySetup(0);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's GC can set aside in one region (older segment-based GCs): collect as usual.
            return new MemorySetup(0);
        }
        // Not backed by 2 MB pages (madvise MADV_HUGEPAGE): the kernel then zeroes 2 MB at each first touch and compacts
        // memory to find them, and 3,000-session builds took 1.97 s instead of 1.73 s (median of 7 alternating runs, see BENCHMARKS.md).
        return new MemorySetup(budget);
    }
}
