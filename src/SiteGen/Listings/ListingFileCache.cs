using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Listings;

/// <summary>
/// The records of each listing file as last parsed, with the diagnostics parsing gave, keyed by the file's path and
/// fingerprint (size, time of last write, and the format site.yml forces for it). <see cref="ReadListings"/> given a
/// cache parses only the files whose fingerprint changed and reuses the records of the others, so a process that reads
/// the same course again (the finder in `serve`) pays for the changed files only. `build` reads without one.
/// </summary>
public sealed class ListingFileCache
{
    internal sealed record Entry(string Fingerprint, IReadOnlyList<PaperRecord> Records, string Format, IReadOnlyList<Diagnostic> Diagnostics);

    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Held by the reader for a whole read: one read at a time uses a cache.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>Files whose records the last read reused.</summary>
    public int Reused { get; private set; }
    /// <summary>Files the last read parsed (new, changed, or not cached).</summary>
    public int Parsed { get; private set; }

    internal Entry? Find(string relativePath, string fingerprint) =>
        _entries.TryGetValue(relativePath, out var entry) && entry.Fingerprint == fingerprint ? entry : null;

    /// <summary>What the last read saw: files gone from the folder are dropped with it.</summary>
    internal void Replace(Dictionary<string, Entry> entries, int reused, int parsed) => (_entries, Reused, Parsed) = (entries, reused, parsed);

    /// <summary>Size and time of last write of the file, and the format forced for it; null when it cannot be read.</summary>
    internal static string? Fingerprint(string path, string? forcedFormat)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? $"{info.Length}\t{info.LastWriteTimeUtc.Ticks}\t{forcedFormat}" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
