using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SiteGen.Model;
using Directory = Lucene.Net.Store.Directory;

namespace SiteGen.Finder;

/// <summary>What opening the index did: made it, refreshed some papers, rebuilt a damaged one, or nothing.</summary>
public sealed record IndexRefresh(int Added, int Changed, int Removed, int Papers, bool Built, string? RebuiltBecause)
{
    public bool Unchanged => !Built && Added + Changed + Removed == 0;

    /// <summary>Seconds per phase of a refresh or build, for benchmarks (not part of any output).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> PhaseSeconds { get; init; } = [];
    /// <summary>Listing files parsed for this refresh, and those whose records this process had kept from its last read.</summary>
    public int ListingFilesParsed { get; init; }
    public int ListingFilesReused { get; init; }
}

/// <summary>
/// The on-disk Lucene index of the merged catalog, opened current: made on first use, refreshed when the content
/// changed (only papers added, changed or removed, by the catalog's stable paper ids), rebuilt when it cannot be read.
/// Other processes may read it at any time; one at a time writes it (Lucene's write lock, waited for).
/// </summary>
public sealed class FinderIndex : IDisposable
{
    /// <summary>Fields and analysis of this finder: an index of another format is rebuilt, not refreshed.</summary>
    public const string Format = "2";
    private const string FormatKey = "sitegen.format";
    private const string StampKey = "sitegen.stamp";
    private const string SessionsKey = "sitegen.sessions";

    private readonly Directory _directory;

    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }
    public IndexRefresh Refresh { get; }
    /// <summary>Content problems met while reading the catalog (empty when the index was already current).</summary>
    public IReadOnlyList<SiteGen.Diagnostics.Diagnostic> Diagnostics { get; }
    public IReadOnlyList<FinderSession> Sessions { get; }
    internal FinderAnalyzer Analyzer { get; } = new();
    public ContentSource Content { get; }

    private FinderIndex(Directory directory, DirectoryReader reader, IndexRefresh refresh, IReadOnlyList<SiteGen.Diagnostics.Diagnostic> diagnostics, ContentSource content)
    {
        _directory = directory;
        Reader = reader;
        Searcher = new IndexSearcher(reader);
        Refresh = refresh;
        Diagnostics = diagnostics;
        Content = content;
        Sessions = reader.IndexCommit.UserData.TryGetValue(SessionsKey, out var json)
            ? JsonSerializer.Deserialize(json, FinderJson.Default.ListFinderSession) ?? []
            : [];
    }

    /// <summary>The index for the course in <paramref name="options"/>, made or refreshed as needed.</summary>
    public static FinderIndex Open(FinderOptions options)
    {
        var content = ContentSource.For(options.ContentDir);
        if (!System.IO.Directory.Exists(content.Root))
            throw new FinderException(new SiteGen.Diagnostics.Diagnostic(SiteGen.Diagnostics.Severity.Error, SiteGen.Diagnostics.DiagnosticCodes.ContentFolderMissing,
                options.ContentDir, 1, 1, $"Content folder {options.ContentDir} does not exist.",
                "Run from the course folder, or pass --content PATH to a folder holding sessions/ (and optionally listings/, site.yml)."));
        System.IO.Directory.CreateDirectory(options.IndexDir);
        var directory = FSDirectory.Open(new DirectoryInfo(options.IndexDir));
        try
        {
            var stamp = FinderCatalog.Stamp(content);
            // Fast path: a current index is opened without reading any content.
            var (reader, problem) = TryOpen(directory);
            if (reader is not null && problem is null && Stamp(reader) == stamp)
                return new FinderIndex(directory, reader, new IndexRefresh(0, 0, 0, reader.NumDocs, false, null), [], content);
            reader?.Dispose();
            using var gate = WriteGate.Enter(options.IndexDir, options.WriteLockWait) ?? throw new LockObtainFailedException("the writer gate is held");
            return Write(directory, content, options);
        }
        catch (LockObtainFailedException)
        {
            directory.Dispose();
            throw new FinderException(new SiteGen.Diagnostics.Diagnostic(SiteGen.Diagnostics.Severity.Error, SiteGen.Diagnostics.DiagnosticCodes.FinderIndexRebuilt,
                options.IndexDir, 1, 1, $"Another process kept the finder index locked for over {options.WriteLockWait.TotalSeconds:F0} s.",
                "Wait for the other `sitegen find` or `serve` to finish; if none runs, delete " + Path.Combine(options.IndexDir, "write.lock") + "."));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Refreshes or rebuilds under the write lock; a process that waited for the lock finds the work done and reuses it.</summary>
    private static FinderIndex Write(Directory directory, ContentSource content, FinderOptions options)
    {
        using var writer = OpenWriter(directory, options, out var rebuilt);
        var stamp = FinderCatalog.Stamp(content);
        var (current, problem) = rebuilt is null ? TryOpen(directory) : (null, null);
        rebuilt ??= problem;
        if (current is not null && problem is null && Stamp(current) == stamp)
        {
            writer.Rollback();
            return new FinderIndex(directory, current, new IndexRefresh(0, 0, 0, current.NumDocs, false, null), [], content);
        }
        if (rebuilt is not null) writer.DeleteAll();

        var timings = new List<KeyValuePair<string, double>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            timings.Add(new(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
        var input = FinderCatalog.Read(content, options.KeepReadCache ? CourseReadCache.For(content.Root) : null);
        Phase("catalog");
        timings.InsertRange(timings.Count - 1, input.PhaseSeconds.Select(p => new KeyValuePair<string, double>("catalog " + p.Key, p.Value)));
        var known = current is null || rebuilt is not null ? new Dictionary<string, string>(StringComparer.Ordinal) : Hashes(current);
        current?.Dispose();
        Phase("hashes");
        int added = 0, changed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paper in input.Papers)
        {
            if (!seen.Add(paper.Id)) continue;
            var hash = PaperDocuments.Hash(paper);
            var isKnown = known.TryGetValue(paper.Id, out var old);
            if (isKnown && old == hash) continue;
            var doc = PaperDocuments.Make(paper, hash);
            if (!isKnown) { writer.AddDocument(doc); added++; }
            else { writer.UpdateDocument(new Term(PaperFields.Id, paper.Id), doc); changed++; }
        }
        var removed = 0;
        foreach (var id in known.Keys.Where(id => !seen.Contains(id)))
        {
            writer.DeleteDocuments(new Term(PaperFields.Id, id));
            removed++;
        }
        writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FormatKey] = Format,
            [StampKey] = stamp,
            [SessionsKey] = JsonSerializer.Serialize(input.Sessions.ToList(), FinderJson.Default.ListFinderSession),
        });
        Phase("documents");
        writer.Commit();
        Phase("commit");
        var reader = DirectoryReader.Open(directory);
        Phase("reopen");
        var built = known.Count == 0;
        return new FinderIndex(directory, reader, new IndexRefresh(added, changed, removed, reader.NumDocs, built, rebuilt) { PhaseSeconds = timings, ListingFilesParsed = input.ListingFilesParsed, ListingFilesReused = input.ListingFilesReused }, input.Diagnostics, content);
    }

    private static IndexWriter OpenWriter(Directory directory, FinderOptions options, out string? rebuilt)
    {
        rebuilt = null;
        var config = new IndexWriterConfig(FinderAnalyzer.Version, new FinderAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            WriteLockTimeout = (long)options.WriteLockWait.TotalMilliseconds,
        };
        try
        {
            return new IndexWriter(directory, config);
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException && e is not LockObtainFailedException)
        {
            // A damaged index: start again over it (CREATE ignores what is there and deletes it at the first commit).
            rebuilt = "it could not be read (" + FirstLine(e.Message) + ")";
            return new IndexWriter(directory, new IndexWriterConfig(FinderAnalyzer.Version, new FinderAnalyzer())
            {
                OpenMode = OpenMode.CREATE,
                WriteLockTimeout = (long)options.WriteLockWait.TotalMilliseconds,
            });
        }
    }

    /// <summary>A reader of the last commit, or why there is none usable (null reason and null reader: no index yet).</summary>
    private static (DirectoryReader? Reader, string? Problem) TryOpen(Directory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory)) return (null, null);
            var reader = DirectoryReader.Open(directory);
            if (!reader.IndexCommit.UserData.TryGetValue(FormatKey, out var format) || format != Format)
            {
                reader.Dispose();
                return (null, "it was made by another version of the finder");
            }
            return (reader, null);
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException or ArgumentException)
        {
            return (null, "it could not be read (" + FirstLine(e.Message) + ")");
        }
    }

    private static string? Stamp(DirectoryReader reader) => reader.IndexCommit.UserData.TryGetValue(StampKey, out var s) ? s : null;

    /// <summary>Id and hash of every live document, from their doc values (format 2 on).</summary>
    private static Dictionary<string, string> Hashes(DirectoryReader reader)
    {
        var hashes = new Dictionary<string, string>(reader.NumDocs, StringComparer.Ordinal);
        var id = new Lucene.Net.Util.BytesRef();
        var hash = new Lucene.Net.Util.BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var ids = segment.GetBinaryDocValues(PaperFields.Id);
            var values = segment.GetBinaryDocValues(PaperFields.Hash);
            if (ids is null || values is null) continue;
            var live = segment.LiveDocs;
            for (var i = 0; i < segment.MaxDoc; i++)
            {
                if (live is not null && !live.Get(i)) continue;
                ids.Get(i, id);
                values.Get(i, hash);
                hashes[id.Utf8ToString()] = hash.Utf8ToString();
            }
        }
        return hashes;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }

    public void Dispose()
    {
        Reader.Dispose();
        _directory.Dispose();
    }
}

/// <summary>A problem that stops a `find` before any search: printed as one diagnostic line.</summary>
public sealed class FinderException(SiteGen.Diagnostics.Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public SiteGen.Diagnostics.Diagnostic Diagnostic { get; } = diagnostic;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<FinderSession>))]
internal sealed partial class FinderJson : System.Text.Json.Serialization.JsonSerializerContext;
