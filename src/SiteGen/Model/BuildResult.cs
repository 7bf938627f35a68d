using SiteGen.Diagnostics;

namespace SiteGen.Model;

/// <summary>
/// Time spent in one stage, for the closing summary: wall-clock time, and the CPU time of the whole process meanwhile
/// (all cores; steadier than wall-clock time on a busy machine). A background stage ran beside others: its times overlap
/// theirs and are not part of the build's total.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed, TimeSpan Cpu, bool Background = false)
{
    /// <summary>Bytes the whole process allocated meanwhile: the garbage collector's work grows with them.</summary>
    public long Allocated { get; init; }
}

/// <summary>What a build did: its diagnostics, counts, and whether the site was written.</summary>
public sealed record BuildResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
    public bool Succeeded { get; init; }
    public bool Written { get; init; }
    public int Sessions { get; init; }
    public int Readings { get; init; }
    public int ListingRecords { get; init; }
    public int Papers { get; init; }
    public int FilesWritten { get; init; }
    /// <summary>Pages rendered by this build; an incremental build reuses the others from the previous one.</summary>
    public int PagesRendered { get; init; }
    /// <summary>Output files deleted because the build no longer produces them (incremental builds).</summary>
    public int FilesDeleted { get; init; }
    /// <summary>True when only changed files were written over the previous site.</summary>
    public bool Incremental { get; init; }
    /// <summary>The base URL the site was built for (from --base-url or site.yml).</summary>
    public string BaseUrl { get; init; } = "/";
    public IReadOnlyList<ListingSummary> Listings { get; init; } = [];
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];
    /// <summary>The template folders the build read, built-in first (the preview server watches the others).</summary>
    public IReadOnlyList<string> TemplateFolders { get; init; } = [];
}
