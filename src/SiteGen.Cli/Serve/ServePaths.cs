namespace SiteGen.Cli.Serve;

/// <summary>How the preview server answers a request path: a file, a redirect, or a refusal.</summary>
public enum ServeOutcome { File, Redirect, BadRequest, NotFound }

public sealed record ServeTarget(ServeOutcome Outcome, string? FilePath = null, string? Location = null);

/// <summary>
/// Maps a raw request target to a file of the built site. Anything that could name a file outside the site folder is
/// refused before it reaches the file system: dot segments (also percent-encoded, also twice), backslashes, drive
/// letters, NUL, and paths that resolve outside the folder anyway.
/// </summary>
public static class ServePaths
{
    public static ServeTarget Resolve(string siteRoot, string baseUrl, string rawTarget)
    {
        var raw = rawTarget.Split('?', '#')[0];
        if (raw.Length == 0 || raw[0] != '/' || raw.StartsWith("//", StringComparison.Ordinal)) return new(ServeOutcome.BadRequest);

        // Decode until stable, so %252e%252e is judged as the ".." it may turn into further down the line.
        var path = raw;
        for (var i = 0; i < 3; i++)
        {
            string decoded;
            try { decoded = Uri.UnescapeDataString(path); }
            catch (UriFormatException) { return new(ServeOutcome.BadRequest); }
            if (decoded == path) break;
            path = decoded;
        }
        if (path.Contains('\\') || path.Contains('\0') || path.Contains(':') || path.StartsWith("//", StringComparison.Ordinal)) return new(ServeOutcome.BadRequest);
        if (path.Split('/').Any(segment => segment is "." or "..")) return new(ServeOutcome.BadRequest);

        if (path != baseUrl && (path == "/" || path == baseUrl.TrimEnd('/'))) return new(ServeOutcome.Redirect, Location: baseUrl);
        if (!path.StartsWith(baseUrl, StringComparison.Ordinal)) return new(ServeOutcome.NotFound);

        var root = Path.GetFullPath(siteRoot).TrimEnd(Path.DirectorySeparatorChar);
        var relative = path[baseUrl.Length..];
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return new(ServeOutcome.NotFound);

        if (Directory.Exists(full))
        {
            if (relative.Length > 0 && !relative.EndsWith('/')) return new(ServeOutcome.Redirect, Location: raw + "/");
            full = Path.Combine(full, "index.html");
        }
        if (File.Exists(full)) return new(ServeOutcome.File, full);
        // GitHub Pages serves /contents/S0-L06 from contents/S0-L06.html (Jekyll's default permalinks link so): serve does too.
        if (relative.Length > 0 && !relative.EndsWith('/') && File.Exists(full + ".html")) return new(ServeOutcome.File, full + ".html");
        return new(ServeOutcome.NotFound);
    }
}
