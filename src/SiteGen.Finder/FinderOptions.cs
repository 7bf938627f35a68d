namespace SiteGen.Finder;

/// <summary>Where the finder reads the course and keeps its index. Defaults match <c>sitegen find</c> with no flags.</summary>
public sealed record FinderOptions
{
    public string ContentDir { get; init; } = "content";
    /// <summary>The site folder of `build`: the index lives beside it, next to the build's manifest, never inside it.</summary>
    public string OutDir { get; init; } = "site";
    /// <summary>How long to wait for another process that is writing the index (two `find` at once) before giving up.</summary>
    public TimeSpan WriteLockWait { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>
    /// Keep, for the next refresh in this process, each listing file's records and the resolver's features of them, so
    /// that it reads and computes only what changed. `serve` keeps them (it refreshes often and lives long); `find`
    /// does not (it ends after one search, and the records would only be memory its queries work beside).
    /// Default false.
    /// </summary>
    public bool KeepReadCache { get; init; }

    /// <summary>"/x/site" -> "/x/.site.sitegen-finder": beside "/x/.site.sitegen-manifest.json", so it is never published.</summary>
    public string IndexDir
    {
        get
        {
            var target = Path.GetFullPath(OutDir).TrimEnd(Path.DirectorySeparatorChar);
            return Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".sitegen-finder");
        }
    }
}

/// <summary>One search: a Lucene query and filters. Defaults: every paper, newest first, 20 of them.</summary>
public sealed record FindRequest
{
    /// <summary>Lucene query syntax; empty means every paper (newest first), e.g. with <see cref="UnassignedOnly"/>.</summary>
    public string Query { get; init; } = "";
    /// <summary>Only papers that no session assigns.</summary>
    public bool UnassignedOnly { get; init; }
    /// <summary>Only papers dated on or after this day (papers without a date are left out).</summary>
    public DateOnly? Since { get; init; }
    /// <summary>Only papers one of whose sources is this file (relative to the content folder, or just its name).</summary>
    public string? Source { get; init; }
    /// <summary>A session file (sessions/W01.md): papers like its readings, unassigned ones first.</summary>
    public string? Like { get; init; }
    public int Limit { get; init; } = 20;
}
