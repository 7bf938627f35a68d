using System.Security.Cryptography;
using System.Text;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Finder;

/// <summary>A session as the finder offers it for "similar to session": its file and title.</summary>
public sealed record FinderSession(string Name, string File, string Title);

/// <summary>What the finder indexes: the merged catalog of the build's own stages, and the sessions.</summary>
internal sealed record FinderInput(IReadOnlyList<Paper> Papers, IReadOnlyList<FinderSession> Sessions, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The whole merged catalog (with the duplicate review and which record went into which paper).</summary>
    public Catalog Catalog { get; init; } = Catalog.Empty;
    /// <summary>Listing files parsed by this read, and those whose records a cache gave.</summary>
    public int ListingFilesParsed { get; init; }
    public int ListingFilesReused { get; init; }
    /// <summary>Seconds per stage of the read, for benchmarks (not part of any output).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> PhaseSeconds { get; init; } = [];
}

/// <summary>
/// What one process keeps from reading a course, to read it again at the cost of what changed: each listing file's
/// records by its fingerprint, and the resolver's features of those records. Reading with it gives the catalog a read
/// without it gives (FinderCatalogTests compare them after edits, additions and deletions).
/// </summary>
internal sealed class CourseReadCache
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, CourseReadCache> ByContentRoot = new(StringComparer.Ordinal);

    public ListingFileCache Listings { get; } = new();
    public RecordFeatureCache Features { get; } = new();

    /// <summary>This process's cache for the course at <paramref name="contentRoot"/>.</summary>
    public static CourseReadCache For(string contentRoot) => ByContentRoot.GetOrAdd(Path.GetFullPath(contentRoot), _ => new CourseReadCache());

    /// <summary>Drops what this process kept for the course (benchmarks compare queries with and without it).</summary>
    public static void Forget(string contentRoot) => ByContentRoot.TryRemove(Path.GetFullPath(contentRoot), out _);
}

/// <summary>
/// Reads the catalog exactly as `build` does, by running the same stages (LoadConfig, ReadSessions, ReadListings,
/// MergeDuplicates) and none of the rendering ones.
/// </summary>
internal static class FinderCatalog
{
    /// <param name="cache">What an earlier read of this course in this process kept (null: read everything).</param>
    public static FinderInput Read(ContentSource content, CourseReadCache? cache = null)
    {
        var timings = new List<KeyValuePair<string, double>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            timings.Add(new(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
        var diagnostics = new DiagnosticBag();
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = content.Root }, diagnostics);
        var sessions = ReadSessions.Run(content, config, diagnostics);
        Phase("sessions");
        var listings = ReadListings.Run(content, config, diagnostics, cache?.Listings);
        Phase("listings");
        var catalog = MergeDuplicates.Run([.. sessions.SelectMany(s => s.Readings), .. listings.Records], content, diagnostics, ResolverOptions.Default, cache?.Features);
        Phase("merge");
        return new FinderInput(catalog.Papers, [.. sessions.Select(s => new FinderSession(s.Name, s.File, s.Title))], diagnostics.Items)
        {
            Catalog = catalog,
            ListingFilesParsed = cache?.Listings.Parsed ?? listings.Summaries.Count,
            ListingFilesReused = cache?.Listings.Reused ?? 0,
            PhaseSeconds = timings,
        };
    }

    /// <summary>
    /// A fingerprint of every file the catalog is read from (name, size, time of last write) and of the SiteGen that reads
    /// them: when it is unchanged the index is current and `find` reads no content at all.
    /// </summary>
    public static string Stamp(ContentSource content)
    {
        var entries = new List<string> { typeof(MergeDuplicates).Assembly.ManifestModule.ModuleVersionId.ToString("N") };
        foreach (var name in new[] { LoadConfig.FileName, DedupDecisions.FileName })
            AddFile(entries, content, Path.Combine(content.Root, name));
        foreach (var folder in new[] { ReadSessions.Folder, ReadListings.Folder })
        {
            var path = Path.Combine(content.Root, folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)) AddFile(entries, content, file);
        }
        entries.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', entries))), 0, 16);
    }

    private static void AddFile(List<string> entries, ContentSource content, string path)
    {
        var info = new FileInfo(path);
        if (info.Exists) entries.Add($"{content.Relative(path)}\t{info.Length}\t{info.LastWriteTimeUtc.Ticks}");
    }
}
