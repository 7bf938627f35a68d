using SiteGen.Rendering;

namespace SiteGen.Output;

/// <summary>
/// Stage: files -> site folder, atomically. Everything is written to a sibling temporary folder first and swapped in
/// at the end, so a failed or interrupted build leaves the previous site untouched.
/// </summary>
public static class WriteSite
{
    /// <param name="copies">Files copied as they are (assets, slide decks): site-relative path -> source file.</param>
    public static void Run(string outDir, IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies)
    {
        var target = Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = $"{target}.tmp-{Environment.ProcessId}";
        if (Directory.Exists(staging)) Directory.Delete(staging, true);
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var dir in files.Select(f => f.Path).Concat(copies.Keys).Select(p => Path.GetDirectoryName(p)).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal))
                Directory.CreateDirectory(Path.Combine(staging, dir!));
            Parallel.ForEach(files, file => File.WriteAllBytes(Path.Combine(staging, file.Path), file.Bytes));
            foreach (var (path, source) in copies)
                File.Copy(source, Path.Combine(staging, path), overwrite: true);
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
