using SiteGen.Hashing;

namespace SiteGen.Incremental;

/// <summary>The templates' part of every page key, and the key under which the process keeps a compiled template set.</summary>
public static class TemplateFingerprint
{
    /// <summary>Every template file (.hbs) of the folders in order, by name and content: a change to any template re-renders every page.</summary>
    public static string Of(IReadOnlyList<string> folders)
    {
        var parts = new List<string>();
        foreach (var folder in folders)
        {
            parts.Add(Path.GetFullPath(folder));
            if (!Directory.Exists(folder)) continue;
            foreach (var file in Directory.GetFiles(folder, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                parts.Add(Path.GetRelativePath(folder, file).Replace('\\', '/'));
                parts.Add(File.ReadAllText(file));
            }
        }
        return Fingerprint.Of([.. parts]);
    }
}
