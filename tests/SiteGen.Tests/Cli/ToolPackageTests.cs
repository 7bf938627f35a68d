using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>The command line packs as a .NET tool that installs from a local folder and builds the seed course. Slow: the only one of its kind.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_builds_the_seed_course()
    {
        using var dir = new TempDir();
        var feed = dir.Combine("feed");
        Directory.CreateDirectory(feed);
        // The tests run against an already-built command line: pack what is there, in the same configuration.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var pack = CliProcess.Run(RepoPaths.Root, "dotnet", ["pack", "src/SiteGen.Cli", "--no-build", "-c", configuration, "-o", feed]);
        Assert.True(pack.ExitCode == 0, pack.Stdout + pack.Stderr);
        Assert.Single(Directory.GetFiles(feed, "SiteGen.Cli.*.nupkg"));

        // Only the local folder as a source: the install must not need the network.
        File.WriteAllText(Path.Combine(feed, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /><add key=\"local\" value=\".\" /></packageSources></configuration>\n");
        var tools = dir.Combine("tools");
        var install = CliProcess.Run(dir.Path, "dotnet", ["tool", "install", "--tool-path", tools, "--configfile", Path.Combine(feed, "nuget.config"), "--add-source", feed, "SiteGen.Cli"]);
        Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);

        var course = dir.Combine("course");
        TempDir.CopyDirectory(RepoPaths.Content, Path.Combine(course, "content"));
        var sitegen = Path.Combine(tools, OperatingSystem.IsWindows() ? "sitegen.exe" : "sitegen");
        var build = CliProcess.Run(course, sitegen, ["build", "--base-url", "/course/"]);
        Assert.True(build.ExitCode == 0, build.Stdout + build.Stderr);

        var site = Path.Combine(course, "site");
        Assert.True(File.Exists(Path.Combine(site, "index.html")));
        // The built-in templates' assets, lunr included, came out of the package.
        Assert.True(File.Exists(Path.Combine(site, "assets", "lunr.min.js")));
        Assert.True(File.Exists(Path.Combine(site, "assets", "site.css")));
        Assert.DoesNotContain(SiteCrawler.BrokenLinks(site, "/course/"), b => b.Url.Contains("/assets/", StringComparison.Ordinal));
    }
}
