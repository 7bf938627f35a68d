using SiteGen.Hashing;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>
/// Stage: files -> site folder. Runs only after a build without errors, so a failed build leaves the previous site untouched.
/// Without a usable manifest of the previous build, everything is written to a sibling temporary folder and swapped in at
/// the end (an interrupted build leaves the previous site untouched too). With one, only new and changed files are written
/// (each to a temporary name, then renamed over the old one) and files the last build wrote and this one no longer produces
/// are deleted, which leaves every file the build makes byte-identical to a full build's; files something else put there
/// stay. The manifest is written last; it is deleted first, so an interrupted incremental write makes the next build a
/// full one.
/// </summary>
public static class WriteSite
{
    /// <summary>Full write, no manifest.</summary>
    /// <param name="copies">Files copied as they are (assets, slide decks): site-relative path -> source file.</param>
    public static void Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies) =>
        WriteAll(outDir, files, copies, hashes: null);

    /// <param name="previous">The last build's manifest (null: write everything).</param>
    /// <param name="pageKeys">Dependency key of every rendered page, kept in the new manifest.</param>
    public static WriteReport Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies,
        BuildManifest? previous, IReadOnlyDictionary<string, string> pageKeys)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var hashes = new string[files.Count];
        var manifest = new BuildManifest();
        foreach (var (path, source) in copies) manifest.Files[path] = CopyKey(source);
        foreach (var (path, key) in pageKeys) manifest.Pages[path] = key;
        void AddFileHashes()
        {
            for (var i = 0; i < files.Count; i++) manifest.Files[files[i].Path] = hashes[i];
        }

        BuildManifest.Delete(outDir);
        WriteReport report;
        if (previous is null || !Directory.Exists(target))
        {
            // Each file is hashed as it is written, while its bytes are in the cache.
            WriteAll(outDir, files, copies, hashes);
            AddFileHashes();
            report = new WriteReport(files.Count + copies.Count, 0, Full: true);
        }
        else
        {
            Parallel.For(0, files.Count, i => hashes[i] = Fingerprint.Of(files[i].Bytes));
            AddFileHashes();
            report = WriteChanged(target, files, hashes, copies, previous, manifest);
        }
        manifest.Save(outDir);
        return report;
    }

    private static WriteReport WriteChanged(string target, IReadOnlyList<OutputFile> files, string[] hashes,
        IReadOnlyDictionary<string, string> copies, BuildManifest previous, BuildManifest manifest)
    {
        bool Unchanged(string path, string key, long length)
        {
            if (!previous.Files.TryGetValue(path, out var old) || old != key) return false;
            var existing = new FileInfo(Path.Combine(target, path));
            return existing.Exists && existing.Length == length;
        }

        var written = 0;
        var changed = Enumerable.Range(0, files.Count).Where(i => !Unchanged(files[i].Path, hashes[i], files[i].Bytes.Length)).ToList();
        Parallel.ForEach(changed, i =>
        {
            Replace(Path.Combine(target, files[i].Path), tmp => File.WriteAllBytes(tmp, files[i].Bytes));
            Interlocked.Increment(ref written);
        });
        foreach (var (path, source) in copies)
        {
            if (Unchanged(path, manifest.Files[path], new FileInfo(source).Length)) continue;
            Replace(Path.Combine(target, path), tmp => File.Copy(source, tmp, overwrite: true));
            written++;
        }

        // Whatever the last build wrote and this one no longer produces goes, as it would with a full build (a deleted or
        // renamed session's page). Taken from the two manifests rather than a walk of the folder: the walk opened every
        // one of a large course's thousands of folders (BENCHMARKS.md). Files put into
        // the folder by something else stay, as Hugo leaves them; `build --clean` writes the folder afresh.
        var deleted = 0;
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in previous.Files.Keys)
        {
            if (manifest.Files.ContainsKey(path)) continue;
            var file = Path.GetFullPath(Path.Combine(target, path));
            // A hand-edited manifest must not reach outside the site folder.
            if (!file.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file)) continue;
            File.Delete(file);
            deleted++;
            emptied.Add(Path.GetDirectoryName(file)!);
        }
        // Their folders go when nothing is left in them, and so on up to the site folder (in any order: each climbs
        // until it meets a folder something is left in).
        foreach (var dir in emptied)
            for (var folder = dir; folder.Length > target.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
                 folder = Path.GetDirectoryName(folder)!)
                Directory.Delete(folder);
        return new WriteReport(written, deleted, Full: false);
    }

    /// <summary>Writes beside the file and renames over it, so a reader (the preview server) never sees half a file.</summary>
    private static void Replace(string path, Action<string> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = $"{path}.tmp-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}";
        write(tmp);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Copied files (slide decks can be large) are compared by size and time stamp rather than hashed.</summary>
    private static string CopyKey(string source)
    {
        var info = new FileInfo(source);
        return FormattableString.Invariant($"copy:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }

    /// <param name="hashes">When given, receives each file's fingerprint, in the order of <paramref name="files"/>.</param>
    private static void WriteAll(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies, string[]? hashes)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = $"{target}.tmp-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            // A folder per session page: thousands, made on every core (CreateDirectory takes a parent made meanwhile
            // by another thread as made).
            var folders = files.Select(f => f.Path).Concat(copies.Keys).Select(p => Path.GetDirectoryName(p)).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).ToList();
            Parallel.For(0, folders.Count, i => Directory.CreateDirectory(Path.Combine(staging, folders[i]!)));
            Parallel.For(0, files.Count, i =>
            {
                File.WriteAllBytes(Path.Combine(staging, files[i].Path), files[i].Bytes);
                if (hashes is not null) hashes[i] = Fingerprint.Of(files[i].Bytes);
            });
            // A course has a slide deck per session: thousands of copies, as parallel as the writes.
            // Over an array: Parallel.ForEach over the dictionary's pairs is generic code compiled at run time.
            var copyList = copies.ToArray();
            Parallel.For(0, copyList.Length, i => File.Copy(copyList[i].Value, Path.Combine(staging, copyList[i].Key), overwrite: true));
            Swap(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
            throw;
        }
    }

    private static void Swap(string staging, string target)
    {
        var old = $"{target}.old-{Environment.ProcessId}";
        if (Directory.Exists(target))
        {
            if (Directory.Exists(old)) Directory.Delete(old, true);
            Directory.Move(target, old);
        }
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, true);
    }
}
