using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Output;

/// <summary>Site-relative output paths that stay inside the output folder, each written by one source.</summary>
public static class OutputPaths
{
    /// <summary>
    /// True for "a/b/index.html": relative, '/'-separated, no empty, "." or ".." part (nor one of dots only), no backslash
    /// or NUL. Anything else could land outside the output folder or on another page's file.
    /// </summary>
    public static bool IsSafe(string path)
    {
        if (path.Length == 0 || path.Contains('\\') || path.Contains('\0') || Path.IsPathRooted(path)) return false;
        foreach (var part in path.Split('/'))
            if (part.Length == 0 || part.Trim('.').Length == 0) return false;
        return true;
    }

    /// <summary>
    /// An error for every output path that would leave the output folder, and for every path two sources would write
    /// (a page named sessions.md and the sessions index), naming both. <paramref name="sources"/>: output path -> the
    /// content files that make it; a path made more often than it has sources is also made by SiteGen itself.
    /// </summary>
    public static void Check(IReadOnlyList<OutputFile> files, IReadOnlyDictionary<string, string> copies,
        IReadOnlyDictionary<string, List<string>> sources, DiagnosticBag diagnostics)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in files.Select(f => f.Path).Concat(copies.Keys))
            counts[path] = counts.GetValueOrDefault(path) + 1;
        foreach (var (path, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var named = sources.GetValueOrDefault(path) ?? [];
            var makers = named.Concat(Enumerable.Repeat($"SiteGen's own {path}", Math.Max(0, count - named.Count))).ToList();
            var at = named.Count > 0 ? named[0] : path;
            if (!IsSafe(path))
                diagnostics.Error(DiagnosticCodes.OutputPathConflict, at, 1, 1, $"The output path '{path}' would be outside the output folder; it is not written.",
                    "Rename the file so its name has letters or digits.");
            else if (count > 1)
                diagnostics.Error(DiagnosticCodes.OutputPathConflict, at, 1, 1, $"{string.Join(" and ", makers)} would both be written to {path}.",
                    "Rename one of the files: each page needs a URL of its own.");
        }
    }
}
