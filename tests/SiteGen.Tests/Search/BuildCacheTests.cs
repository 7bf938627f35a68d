using SiteGen.Model;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>The preview server hands every rebuild one BuildCache; the search stage keeps its analysis there, and results never depend on it.</summary>
public sealed class BuildCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-buildcache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    [Fact]
    public void One_cache_object_per_type_made_on_first_use()
    {
        var cache = new BuildCache();
        var analysis = cache.Of<LunrAnalysisCache>();
        Assert.Same(analysis, cache.Of<LunrAnalysisCache>());
        Assert.NotSame(analysis, new BuildCache().Of<LunrAnalysisCache>());
    }

    [Fact]
    public void Builds_given_a_cache_keep_the_search_analysis_in_it_and_write_the_same_site()
    {
        var cache = new BuildCache();
        BuildResult BuildInto(string name, BuildCache? with) =>
            SiteBuilder.Build(new BuildOptions { ContentDir = RepoPaths.Content, OutDir = Path.Combine(_dir, name), Cache = with, Incremental = false });

        Assert.True(BuildInto("first", cache).Succeeded);
        var kept = cache.Of<LunrAnalysisCache>().Count;
        Assert.True(kept > 0, "The search stage kept nothing in the build's cache.");
        Assert.True(BuildInto("second", cache).Succeeded);
        Assert.Equal(kept, cache.Of<LunrAnalysisCache>().Count);
        Assert.True(BuildInto("uncached", null).Succeeded);

        var uncached = Build.Snapshot(Path.Combine(_dir, "uncached"));
        foreach (var name in new[] { "first", "second" })
        {
            var cached = Build.Snapshot(Path.Combine(_dir, name));
            Assert.Equal(uncached.Keys, cached.Keys);
            foreach (var (path, bytes) in uncached) Assert.True(bytes.AsSpan().SequenceEqual(cached[path]), $"{name} build: {path} differs from the build without a cache");
        }
    }
}
