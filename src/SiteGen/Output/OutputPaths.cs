namespace SiteGen.Output;

/// <summary>Site-relative output paths that stay inside the output folder.</summary>
public static class OutputPaths
{
    /// <summary>
    /// True for "a/b/index.html": relative, '/'-separated, no empty, "." or ".." part, no backslash or NUL. Anything else
    /// could land outside the output folder or on another page's file.
    /// </summary>
    public static bool IsSafe(string path)
    {
        if (path.Length == 0 || path.Contains('\\') || path.Contains('\0') || Path.IsPathRooted(path)) return false;
        foreach (var part in path.Split('/'))
            if (part.Length == 0 || part.Trim('.').Length == 0) return false;
        return true;
    }
}
