using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Hashing;

namespace SiteGen.Incremental;

/// <summary>The key under which the process keeps a parsed template set.</summary>
public static class TemplateFingerprint
{
    /// <summary>
    /// The files a template set is read from, by name and content: each folder's own files and everything under
    /// partials/ (assets/ is copied, not read). Listed as the templates are, so a link leaving the folder is not
    /// followed and a FIFO is not opened; what is skipped is reported when the templates are loaded.
    /// </summary>
    public static string Of(IReadOnlyList<string> folders)
    {
        var parts = new List<string>();
        var unreported = new DiagnosticBag();
        foreach (var folder in folders)
        {
            parts.Add(Path.GetFullPath(folder));
            if (!Directory.Exists(folder)) continue;
            var files = CourseFiles.List(folder, folder, extension: null, recursive: false, skipDotNames: true, unreported, path => path)
                .Concat(CourseFiles.List(folder, Path.Combine(folder, "partials"), extension: null, recursive: true, skipDotNames: true, unreported, path => path));
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                parts.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
                try { parts.Add(File.ReadAllText(file)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { parts.Add("unreadable"); }
            }
        }
        return Fingerprint.Of([.. parts]);
    }
}
