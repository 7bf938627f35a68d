using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>22 real session files from the course sites SiteGen replaces must all build into pages without an error.</summary>
public class RealCorpusTests
{
    [Fact]
    public void Every_real_session_builds_into_a_page_without_an_error()
    {
        using var work = new TempDir();
        var sessions = work.Combine("content", "sessions");
        TempDir.CopyDirectory(RepoPaths.CorpusSessions, sessions);
        File.Delete(Path.Combine(sessions, "SOURCES.md"));
        var files = Directory.GetFiles(sessions, "*.md");

        var result = Build.Run(work.Combine("content"), work.Combine("site"), "/course/");

        var errors = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Equal(22, files.Length);
        Assert.Equal(files.Length, result.Sessions);
        foreach (var file in files)
            Assert.True(File.Exists(work.Combine("site", "sessions", Path.GetFileNameWithoutExtension(file), "index.html")), file);
        // Decks these sites name but never uploaded are reported as warnings; every other link must resolve.
        var broken = SiteCrawler.BrokenLinks(work.Combine("site"), "/course/").Where(l => !l.Url.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }
}
