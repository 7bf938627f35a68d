namespace SiteGen.Tests.Support;

/// <summary>
/// Every real markdown file the differential tests read: the test fixtures, and beside the repository the shared seeds
/// and corpus (real session files and two whole course repositories). Under CI the shared folder must be there.
/// </summary>
public static class RealMarkdownFiles
{
    /// <summary>The shared folder beside the repository (or beside one of its parents, for a worktree), else null.</summary>
    public static string? SharedFolder { get; } = FindShared();

    public static IReadOnlyList<string> All()
    {
        var roots = new List<string> { RepoPaths.Fixtures, RepoPaths.Content };
        if (SharedFolder is { } shared)
        {
            roots.Add(Path.Combine(shared, "seeds"));
            roots.Add(Path.Combine(shared, "corpus"));
        }
        else if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException("shared/ (seeds and corpus) not found beside the repository under CI");
        }
        return roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(RepoPaths.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpus"))) return candidate;
        }
        return null;
    }
}
