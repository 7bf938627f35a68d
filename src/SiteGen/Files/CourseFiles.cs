using SiteGen.Diagnostics;

namespace SiteGen.Files;

/// <summary>
/// The one way the build lists and checks the files it reads from folders it does not own (the course, a template
/// folder). A course folder is someone else's repository: a link that leaves it is not followed, and only regular files
/// are read (a FIFO would wait forever, a device would never end); each thing skipped is a warning naming it.
/// Links that stay inside the folder are followed.
/// </summary>
public static class CourseFiles
{
    private const string LinkOutsideCode = DiagnosticCodes.LinkOutsideFolder;
    private const string NotRegularCode = DiagnosticCodes.NotRegularFile;

    /// <summary>
    /// Regular files in <paramref name="folder"/> (below <paramref name="root"/>, the folder links may not leave), sorted
    /// ordinally by full path. <paramref name="extension"/> (".md") keeps only names ending so; folders are entered when
    /// <paramref name="recursive"/>; <paramref name="skipDotNames"/> leaves out names starting with '.' (.git, .DS_Store)
    /// in silence. <paramref name="display"/> turns a full path into the path diagnostics print.
    /// </summary>
    public static List<string> List(string root, string folder, string? extension, bool recursive, bool skipDotNames,
        DiagnosticBag diagnostics, Func<string, string> display)
    {
        var files = new List<string>();
        var realRoot = NativeFiles.Resolve(root);
        if (realRoot is null || !Directory.Exists(folder)) return files;
        if (!Inside(realRoot, NativeFiles.Resolve(folder)))
        {
            LinkOutside(folder, diagnostics, display);
            return files;
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(realRoot, folder, extension, recursive, skipDotNames, diagnostics, display, files, visited);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string realRoot, string folder, string? extension, bool recursive, bool skipDotNames,
        DiagnosticBag diagnostics, Func<string, string> display, List<string> files, HashSet<string> visited)
    {
        // A link inside the course may point back at a folder already listed: each real folder once.
        if (!visited.Add(NativeFiles.Resolve(folder) ?? folder)) return;
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries(folder).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var path in entries)
        {
            var name = Path.GetFileName(path);
            if (skipDotNames && name.StartsWith('.')) continue;
            var matches = extension is null || name.EndsWith(extension, StringComparison.Ordinal);
            if (!matches && !recursive) continue;
            var kind = NativeFiles.KindOf(path);
            if (kind == EntryKind.Link)
            {
                var target = NativeFiles.Resolve(path);
                if (target is null)
                {
                    if (matches) Warn(diagnostics, display(path), NotRegularCode, $"{name} is a link to nothing (its target does not exist); skipped.", "Remove the link or restore the file it points to.");
                    continue;
                }
                if (!Inside(realRoot, target))
                {
                    // Named once, by the listing it would have been part of (the assets walk, not the templates' too).
                    if (matches) LinkOutside(path, diagnostics, display);
                    continue;
                }
                kind = NativeFiles.KindOf(target);
            }
            switch (kind)
            {
                case EntryKind.Regular when matches:
                    files.Add(path);
                    break;
                case EntryKind.Directory when recursive:
                    Walk(realRoot, path, extension, recursive, skipDotNames, diagnostics, display, files, visited);
                    break;
                case EntryKind.Directory when matches:
                    Warn(diagnostics, display(path), NotRegularCode, $"{name} is a folder, not a file; skipped.", "Rename the folder, or move its files out of it.");
                    break;
                case EntryKind.Other when matches:
                    Warn(diagnostics, display(path), NotRegularCode, $"{name} is not a regular file (a FIFO, socket or device); skipped.", "Only regular files are read: remove it, or replace it with the file's contents.");
                    break;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> is a regular file that stays inside <paramref name="root"/> once every link is
    /// resolved. Otherwise false, with a warning when it exists but is not followed (a link out, a FIFO, a folder);
    /// a missing file is the caller's to report.
    /// </summary>
    public static bool IsReadable(string root, string path, DiagnosticBag diagnostics, Func<string, string> display)
    {
        var realRoot = NativeFiles.Resolve(root);
        var target = NativeFiles.Resolve(path);
        if (realRoot is null || target is null) return false;
        if (!Inside(realRoot, target))
        {
            LinkOutside(path, diagnostics, display);
            return false;
        }
        if (NativeFiles.KindOf(target) == EntryKind.Regular) return true;
        Warn(diagnostics, display(path), NotRegularCode, $"{Path.GetFileName(path)} is not a regular file; skipped.", "Only regular files are read: replace it with the file's contents.");
        return false;
    }

    /// <summary>True when <paramref name="path"/>, links resolved, is a regular file inside <paramref name="root"/>: the check without diagnostics.</summary>
    public static bool IsRegularInside(string root, string path)
    {
        var realRoot = NativeFiles.Resolve(root);
        var target = NativeFiles.Resolve(path);
        return realRoot is not null && target is not null && Inside(realRoot, target) && NativeFiles.KindOf(target) == EntryKind.Regular;
    }

    private static bool Inside(string realRoot, string? realPath) =>
        realPath is not null && (realPath == realRoot || realPath.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal));

    private static void LinkOutside(string path, DiagnosticBag diagnostics, Func<string, string> display) =>
        Warn(diagnostics, display(path), LinkOutsideCode, $"{Path.GetFileName(path)} is a link to a place outside the course folder; it is not followed.",
            "Copy what it points to into the course folder, or remove the link: nothing outside the course is read or published.");

    private static void Warn(DiagnosticBag diagnostics, string display, string code, string message, string hint) =>
        diagnostics.Warning(code, display, 1, 1, message, hint);
}
