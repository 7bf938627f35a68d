namespace SiteGen;

/// <summary>
/// Where <c>sitegen build</c> with no flags finds the course and writes the site: <c>content/</c> into <c>site/</c>, or,
/// in a course folder that holds site.yml itself (a Jekyll course after <c>sitegen import jekyll</c>), that folder into
/// <c>_site/</c>, the folder Jekyll wrote and such repositories already ignore.
/// </summary>
public static class CourseFolder
{
    public const string DefaultContent = "content";
    public const string DefaultOut = "site";
    public const string JekyllOut = "_site";

    /// <param name="content">--content as given, or null.</param>
    /// <param name="output">--out as given, or null.</param>
    /// <param name="workingDir">The folder the command runs in.</param>
    public static (string Content, string Out) Resolve(string? content, string? output, string workingDir)
    {
        var inPlace = content is null && !Directory.Exists(Path.Combine(workingDir, DefaultContent))
            && (File.Exists(Path.Combine(workingDir, "site.yml")) || File.Exists(Path.Combine(workingDir, "_config.yml")));
        var resolvedContent = content ?? (inPlace ? "." : DefaultContent);
        var jekyll = File.Exists(Path.Combine(workingDir, resolvedContent, "_config.yml"));
        return (resolvedContent, output ?? (jekyll ? JekyllOut : DefaultOut));
    }
}
