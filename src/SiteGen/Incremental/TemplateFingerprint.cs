using SiteGen.Hashing;

namespace SiteGen.Incremental;

/// <summary>The key under which the process keeps a parsed template set.</summary>
public static class TemplateFingerprint
{
    /// <summary>Every template file of the folders in order (all but assets/), by name and content.</summary>
    public static string Of(IReadOnlyList<string> folders)
    {
        var parts = new List<string>();
        foreach (var folder in folders)
        {
            parts.Add(Path.GetFullPath(folder));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (relative.StartsWith("assets/", StringComparison.Ordinal)) continue;
                parts.Add(relative);
                parts.Add(File.ReadAllText(file));
            }
        }
        return Fingerprint.Of([.. parts]);
    }
}
