namespace SiteGen.Cli;

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
    /// <summary>Upper bound of the budget: a 3,000-session course allocates about 0.9 GB in all.</summary>
    public const long MaxBudget = 1L << 30;

    /// <summary>
    /// Bytes to allocate with no collection: a sixteenth of the memory the process may use (a container's limit counts),
    /// at most <see cref="MaxBudget"/>. The runtime sets aside room for this much twice (small and large objects).
    /// </summary>
    public static long Budget(long availableMemory) => Math.Clamp(availableMemory / 16, 0, MaxBudget);

    /// <summary>Holds collections off, when the runtime can give the budget; otherwise the process collects as usual.</summary>
    public static bool HoldOffCollections()
    {
        var budget = Budget(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (budget < 64L << 20) return false;
        try
        {
            return GC.TryStartNoGCRegion(budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than this runtime's GC can set aside in one region (older segment-based GCs): collect as usual.
            return false;
        }
    }
}
