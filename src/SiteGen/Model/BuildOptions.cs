namespace SiteGen.Model;

/// <summary>What one build is asked to do. Defaults match <c>sitegen build</c> with no flags.</summary>
public sealed record BuildOptions
{
    public string ContentDir { get; init; } = "content";
    public string OutDir { get; init; } = "site";
    /// <summary>Overrides site.yml's baseurl when set.</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Warnings count as errors.</summary>
    public bool Strict { get; init; }
    /// <summary>Validate only: run every stage but write nothing.</summary>
    public bool CheckOnly { get; init; }
    /// <summary>Reuse the previous build's output where its inputs did not change (false: render and write everything, like --clean).</summary>
    public bool Incremental { get; init; } = true;
    /// <summary>Told the name of each stage as it finishes (progress display); called on the building thread.</summary>
    public IProgress<string>? Progress { get; init; }
    /// <summary>
    /// Work kept between builds of one long-running process (the preview server passes the same cache to every
    /// rebuild); null for a one-off build. Results never depend on it, only the time they take.
    /// </summary>
    public BuildCache? Cache { get; init; }
}

/// <summary>
/// Results of expensive steps kept between builds of one process. Each stage keeps its own cache object here, one per
/// type, made on first use; the model does not know what they hold. Every cache must be keyed by exactly its input.
/// </summary>
public sealed class BuildCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, object> _parts = new();

    /// <summary>The cache of type <typeparamref name="T"/> kept for this process, made on first use.</summary>
    public T Of<T>() where T : class, new() => (T)_parts.GetOrAdd(typeof(T), static _ => new T());
}

/// <summary>Where the content lives and how to name its files in diagnostics.</summary>
/// <param name="Root">Absolute path of the content folder.</param>
/// <param name="DisplayPrefix">Prefix for diagnostic paths, the content folder's name, e.g. "content".</param>
public sealed record ContentSource(string Root, string DisplayPrefix)
{
    public static ContentSource For(string contentDir)
    {
        var root = Path.GetFullPath(contentDir);
        return new ContentSource(root, Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
    }

    /// <summary>Path relative to the content folder with '/' separators, e.g. "sessions/W01.md".</summary>
    public string Relative(string absolutePath) => Path.GetRelativePath(Root, absolutePath).Replace('\\', '/');

    /// <summary>Path as diagnostics print it: relative to the content folder's parent.</summary>
    public string Display(string relativePath) => DisplayPrefix + "/" + relativePath;
}
