using SiteGen.Finder;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Finder;

/// <summary>A copy of the seed course in a temporary folder, and its finder index.</summary>
internal sealed class FinderCourse : IDisposable
{
    public const string Session = "W13.1-T3-smallLLM-agents";
    private readonly TempDir _dir = new();

    public FinderCourse(bool seed = true)
    {
        if (seed) TempDir.CopyDirectory(RepoPaths.Content, Content);
        else Directory.CreateDirectory(Content);
    }

    public string Root => _dir.Path;
    public string Content => _dir.Combine("content");
    public FinderOptions Options => new() { ContentDir = Content, OutDir = _dir.Combine("site") };
    public string File(string relative) => Path.Combine(Content, relative);

    public FinderIndex Open(FinderOptions? options = null) => FinderIndex.Open(options ?? Options);

    /// <summary>Titles found, best first.</summary>
    public IReadOnlyList<string?> Titles(string query, int limit = 20, FinderOptions? options = null) => Find(new FindRequest { Query = query, Limit = limit }, options).Papers.Select(p => p.Title).ToList();

    public FindResult Find(FindRequest request, FinderOptions? options = null)
    {
        using var index = Open(options);
        return SiteGen.Finder.Finder.Search(index, request);
    }

    public void Dispose() => _dir.Dispose();
}
