using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>The GitHub Pages workflow builds with the README's command under the repository's base URL.</summary>
public sealed class PublishingTests
{
    private const string ReadmeCommand = "dotnet run --project src/SiteGen.Cli -- build";

    [Fact]
    public void The_pages_workflow_builds_with_the_readme_command_and_the_repository_base_url_and_deploys()
    {
        var workflow = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pages.yml"));
        Assert.Contains(ReadmeCommand, File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
        var run = workflow.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("run: " + ReadmeCommand, StringComparison.Ordinal));
        Assert.Contains("--base-url /${{ github.event.repository.name }}/", run);
        Assert.Contains("actions/setup-dotnet@", workflow);
        Assert.Contains("dotnet-version: 10.0.x", workflow);
        Assert.Contains("actions/setup-node@", workflow);
        Assert.Contains("actions/upload-pages-artifact@", workflow);
        Assert.Contains("path: site", workflow);
        Assert.Contains("actions/deploy-pages@", workflow);
        Assert.Contains("pages: write", workflow);
        Assert.Contains("id-token: write", workflow);
    }

    [Fact]
    public void The_windows_script_wraps_the_same_commands()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "build.ps1"));
        Assert.Contains("\"src/SiteGen.Cli\"", script);
        foreach (var command in new[] { "build", "serve", "check", "test" }) Assert.Contains($"\"{command}\"", script);
    }
}
