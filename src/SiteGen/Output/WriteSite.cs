using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Files;
using SiteGen.Hashing;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>The site could not be written; <see cref="Path"/> is the file or folder at fault. The previous site is unchanged.</summary>
public sealed class OutputWriteException(string path, string message, Exception? inner = null) : IOException(message, inner)
{
    public string Path { get; } = path;
}

/// <summary>
/// Stage: files -> site folder. Runs only after a build without errors, so a failed build leaves the previous site untouched.
/// The new site is always made in a sibling folder and swapped in with one rename (an exchange of the two folders where
/// the system has one), so a reader, a failure or a kill finds the old site or the new one, never a mix. With a usable
/// manifest of the previous build, files whose bytes did not change are hard links to the old ones rather than new
/// copies, and files something else put in the folder (CNAME) are carried over; files the last build wrote and this one
/// no longer produces are left out. The manifest is deleted before the swap and written after it, so a build killed in
/// between makes the next one a full one. Leftovers of an interrupted build are removed by the next one.
/// </summary>
public static partial class WriteSite
{
    /// <summary>Full write, no manifest.</summary>
    /// <param name="copies">Files copied as they are (assets, slide decks): site-relative path -> source file.</param>
    public static void Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies) =>
        Run(outDir, files, copies, previous: null, new Dictionary<string, string>(StringComparer.Ordinal), keepManifest: false);

    /// <param name="previous">The last build's manifest (null: write everything).</param>
    /// <param name="pageKeys">Dependency key of every rendered page, kept in the new manifest.</param>
    public static WriteReport Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies,
        BuildManifest? previous, IReadOnlyDictionary<string, string> pageKeys) =>
        Run(outDir, files, copies, previous, pageKeys, keepManifest: true);

    private static WriteReport Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies,
        BuildManifest? previous, IReadOnlyDictionary<string, string> pageKeys, bool keepManifest)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        RemoveLeftovers(target);
        CheckPaths(files, copies);
        var existing = Survey(target);
        if (existing is null) previous = null;

        var hashes = new string[files.Count];
        var manifest = new BuildManifest();
        foreach (var (path, source) in copies) manifest.Files[path] = CopyKey(source);
        foreach (var (path, key) in pageKeys) manifest.Pages[path] = key;

        var parent = Path.GetDirectoryName(target)!;
        try { Directory.CreateDirectory(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new OutputWriteException(parent, $"could not create the folder ({e.Message})", e); }
        var staging = $"{target}.tmp-{Environment.ProcessId}";
        int written, deleted = 0;
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, true);
            Directory.CreateDirectory(staging);
            written = Stage(target, staging, files, hashes, copies, manifest, previous, existing);
            for (var i = 0; i < files.Count; i++) manifest.Files[files[i].Path] = hashes[i];
            if (previous is not null)
                foreach (var path in previous.Files.Keys)
                    if (!manifest.Files.ContainsKey(path) && existing!.Contains(path)) deleted++;
            if (keepManifest) BuildManifest.Delete(target);
            KillSwitch.Step();
            Swap(staging, target);
        }
        catch (Exception e) when (IoFailure(e) is { } failure)
        {
            TryDelete(staging);
            if (failure is OutputWriteException) throw failure;
            throw new OutputWriteException(target, failure.Message, failure);
        }
        KillSwitch.Step();
        if (keepManifest) manifest.Save(target);
        KillSwitch.Step();
        return previous is null
            ? new WriteReport(files.Count + copies.Count, 0, Full: true)
            : new WriteReport(written, deleted, Full: false);
    }

    /// <summary>The I/O failure behind an exception (the parallel loops wrap theirs), or null for anything else.</summary>
    private static Exception? IoFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException all => all.Flatten().InnerExceptions.FirstOrDefault(i => i is IOException or UnauthorizedAccessException)
            is { } inner && all.Flatten().InnerExceptions.All(i => i is IOException or UnauthorizedAccessException) ? inner : null,
        _ => null,
    };

    /// <summary>Writes the new site into <paramref name="staging"/>; returns how many files are new or changed.</summary>
    private static int Stage(string target, string staging, IReadOnlyList<OutputFile> files, string[] hashes, IReadOnlyDictionary<string, string> copies,
        BuildManifest manifest, BuildManifest? previous, HashSet<string>? existing)
    {
        bool Unchanged(string path, string key, long length)
        {
            if (previous is null || !previous.Files.TryGetValue(path, out var old) || old != key || !existing!.Contains(path)) return false;
            var info = new FileInfo(Path.Combine(target, path));
            return info.Exists && info.Length == length;
        }

        // Files something else put in the folder stay with the site (as Hugo leaves them); `build --clean` drops them.
        var carried = previous is null
            ? []
            : existing!.Where(p => !previous.Files.ContainsKey(p) && !manifest.Files.ContainsKey(p) && !IsLeftover(p)).ToList();
        if (carried.Count > 0)
        {
            var produced = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
            carried.RemoveAll(produced.Contains);
        }

        // A folder per session page: thousands, made on every core (CreateDirectory takes a parent made meanwhile
        // by another thread as made).
        var folders = files.Select(f => f.Path).Concat(copies.Keys).Concat(carried).Select(p => Path.GetDirectoryName(p))
            .Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).ToList();
        Parallel.For(0, folders.Count, i => Directory.CreateDirectory(Path.Combine(staging, folders[i]!)));

        var written = 0;
        Parallel.For(0, files.Count, i =>
        {
            var file = files[i];
            hashes[i] = Fingerprint.Of(file.Bytes);
            var to = Path.Combine(staging, file.Path);
            if (Unchanged(file.Path, hashes[i], file.Bytes.Length) && NativeFiles.TryHardLink(Path.Combine(target, file.Path), to)) { KillSwitch.Step(); return; }
            File.WriteAllBytes(to, file.Bytes);
            Interlocked.Increment(ref written);
            KillSwitch.Step();
        });
        // A course has a slide deck per session: thousands of copies, as parallel as the writes.
        // Over an array: Parallel.ForEach over the dictionary's pairs is generic code compiled at run time.
        var copyList = copies.ToArray();
        Parallel.For(0, copyList.Length, i =>
        {
            var (path, source) = copyList[i];
            var to = Path.Combine(staging, path);
            if (Unchanged(path, manifest.Files[path], new FileInfo(source).Length) && NativeFiles.TryHardLink(Path.Combine(target, path), to)) { KillSwitch.Step(); return; }
            File.Copy(source, to, overwrite: true);
            OwnerMayWrite(to);
            Interlocked.Increment(ref written);
            KillSwitch.Step();
        });
        foreach (var path in carried)
        {
            var from = Path.Combine(target, path);
            var to = Path.Combine(staging, path);
            if (!NativeFiles.TryHardLink(from, to)) File.Copy(from, to, overwrite: true);
            KillSwitch.Step();
        }
        return written;
    }

    /// <summary>Every output path stays inside the output folder, and no two files claim one path.</summary>
    private static void CheckPaths(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files.Select(f => f.Path).Concat(copies.Keys))
        {
            if (!OutputPaths.IsSafe(path))
                throw new OutputWriteException(path, $"output path '{path}' would be written outside the output folder");
            if (!seen.Add(path))
                throw new OutputWriteException(path, $"two files would be written to '{path}'");
        }
    }

    /// <summary>
    /// The files of the site as it is (relative paths), or null when there is no site folder yet. Refuses an output path
    /// that is a file, and a folder or file that is read-only: the build would replace what its owner protected.
    /// </summary>
    private static HashSet<string>? Survey(string target)
    {
        if (File.Exists(target)) throw new OutputWriteException(target, "the output path is a file, not a folder");
        if (!Directory.Exists(target)) return null;
        var info = new DirectoryInfo(target);
        if (IsReadOnly(info)) throw new OutputWriteException(target, "the output folder is read-only");
        var files = new HashSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        try
        {
            foreach (var entry in info.EnumerateFileSystemInfos("*", options))
            {
                if (IsReadOnly(entry)) throw new OutputWriteException(entry.FullName, $"{(entry is DirectoryInfo ? "a folder" : "a file")} in the output folder is read-only");
                if (entry is FileInfo) files.Add(Path.GetRelativePath(target, entry.FullName).Replace('\\', '/'));
            }
        }
        catch (UnauthorizedAccessException e) { throw new OutputWriteException(target, e.Message, e); }
        return files;
    }

    /// <summary>
    /// A copy keeps its source's mode: a read-only asset in the course (a checkout from read-only media) would make the
    /// site's next build refuse its own file as protected. The site's copies are the build's own, so they stay writable.
    /// </summary>
    private static void OwnerMayWrite(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var attributes = File.GetAttributes(path);
            if (attributes.HasFlag(FileAttributes.ReadOnly)) File.SetAttributes(path, attributes & ~FileAttributes.ReadOnly);
            return;
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserWrite) == 0) File.SetUnixFileMode(path, mode | UnixFileMode.UserWrite);
    }

    private static bool IsReadOnly(FileSystemInfo entry) =>
        OperatingSystem.IsWindows() ? entry.Attributes.HasFlag(FileAttributes.ReadOnly) : (entry.UnixFileMode & UnixFileMode.UserWrite) == 0;

    /// <summary>Puts the staged site in place of the old one, then removes the old one.</summary>
    private static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        if (NativeFiles.TryExchange(staging, target))
        {
            KillSwitch.Step();
            TryDelete(staging);
            return;
        }
        // No exchange on this system: two renames; a build killed between them leaves the old site under .old-PID,
        // which the next build puts back (RemoveLeftovers).
        var old = $"{target}.old-{Environment.ProcessId}";
        if (Directory.Exists(old)) Directory.Delete(old, true);
        Directory.Move(target, old);
        Directory.Move(staging, target);
        TryDelete(old);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>A temporary file of an older SiteGen's incremental write (page/57/index.html.tmp-PID-THREAD).</summary>
    private static bool IsLeftover(string path) => LeftoverFile().IsMatch(path);

    [GeneratedRegex(@"\.tmp-\d+-\d+$")]
    private static partial Regex LeftoverFile();

    /// <summary>
    /// Staging and old folders (and manifest temporaries) of builds that were killed: "site.tmp-123", "site.old-123",
    /// ".site.sitegen-manifest.json.tmp-123", whose process is gone. A site folder missing beside an old one is put back.
    /// Called by every build before it writes.
    /// </summary>
    public static void RemoveLeftovers(string outDir)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent)) return;
        var name = Path.GetFileName(target);
        var pattern = new Regex("^(?:" + Regex.Escape(name) + @"\.(?<kind>tmp|old)|" + Regex.Escape(Path.GetFileName(BuildManifest.PathFor(target))) + @"\.(?<kind>mtmp))-(?<pid>\d+)$");
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(parent, name + ".*").Concat(Directory.EnumerateFileSystemEntries(parent, "." + name + ".*")))
            {
                var match = pattern.Match(Path.GetFileName(entry).Replace(".json.tmp-", ".json.mtmp-", StringComparison.Ordinal));
                if (!match.Success || IsRunning(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture))) continue;
                if (match.Groups["kind"].Value == "old" && !Directory.Exists(target) && !File.Exists(target))
                    Directory.Move(entry, target);
                else if (Directory.Exists(entry)) Directory.Delete(entry, true);
                else File.Delete(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Copied files (slide decks can be large) are compared by size and time stamp rather than hashed.</summary>
    private static string CopyKey(string source)
    {
        var info = new FileInfo(source);
        return FormattableString.Invariant($"copy:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }
}
