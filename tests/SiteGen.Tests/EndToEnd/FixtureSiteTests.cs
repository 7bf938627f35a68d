using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Whole fixture sites under Fixtures/sites: each invalid-* folder holds content/ and expected.txt, whose first line is
/// "exit N" and whose other lines are exactly the diagnostics the build must print, no more and no fewer.
/// </summary>
public class FixtureSiteTests
{
    public static TheoryData<string> InvalidSites() =>
        new(Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "sites"), "invalid-*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(InvalidSites))]
    public void Invalid_site_reports_the_expected_diagnostics_and_exit_code(string site)
    {
        var folder = Path.Combine(RepoPaths.Fixtures, "sites", site);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).ToList();
        using var work = new TempDir();
        TempDir.CopyDirectory(Path.Combine(folder, "content"), work.Combine("content"));

        var (exit, output) = Build.Cli(work.Path, "build", "--quiet");

        var diagnostics = output.Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains(": error SG", StringComparison.Ordinal) || l.Contains(": warning SG", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected[0], $"exit {exit}");
        Assert.Equal(expected.Skip(1).Order(StringComparer.Ordinal), diagnostics);
    }

    [Fact]
    public void A_slide_warning_fails_the_build_only_under_strict()
    {
        using var work = new TempDir();
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Fixtures, "sites", "invalid-unknown-lecture", "content"), work.Combine("content"));

        Assert.True(Build.Run(work.Combine("content"), work.Combine("site")).Succeeded);
        var strict = Build.Run(work.Combine("content"), work.Combine("strict-site"), strict: true);

        Assert.False(strict.Succeeded);
        Assert.False(Directory.Exists(work.Combine("strict-site")));
    }

    [Fact]
    public void A_session_with_broken_front_matter_is_never_dropped_silently()
    {
        using var work = new TempDir();
        TempDir.CopyDirectory(Path.Combine(RepoPaths.Fixtures, "sites", "invalid-broken-yaml", "content"), work.Combine("content"));

        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        Assert.Equal(2, result.Sessions);
        Assert.Contains(result.Diagnostics, d => d.Code == "SG1101" && d.Path == "content/sessions/W01.md" && d.Line == 3);
    }
}
