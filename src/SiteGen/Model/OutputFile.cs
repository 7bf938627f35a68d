namespace SiteGen.Model;

/// <summary>A file of the built site: path relative to the site root with '/' separators, and its bytes.</summary>
public sealed record OutputFile(string Path, byte[] Bytes);

/// <summary>One page to render: its site-relative path, page template, title, URL and view (null for site-wide pages).</summary>
public sealed record PageJob(string Path, string Template, string Title, string Url, object? Page);

/// <summary>Incremental builds: gives back the previous build's bytes for a page whose inputs did not change, or null to render it.</summary>
public interface IPageReuse
{
    /// <summary>Called from several threads at once.</summary>
    byte[]? TryReuse(PageJob job);
}

/// <summary>What the writer did: files written (new or changed), files deleted, and whether it swapped in a whole new folder.</summary>
public sealed record WriteReport(int Written, int Deleted, bool Full);
