using SiteGen.Import;
using SiteGen.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Tests.Import;

/// <summary>
/// The GitHub Pages workflow the import writes, run step by step as the runner would: its install step gets the
/// SiteGen tool at the pinned version (here from a feed holding this build's package, as nuget.org would serve the
/// release), and its build step makes the same site as <c>sitegen build</c> does.
/// </summary>
public class GeneratedWorkflowTests
{
    private static string Courses => Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "Fixtures", "courses");

    /// <summary>The shell commands of the build job's steps, in order, by step name.</summary>
    private static List<(string Name, string Command)> RunSteps(string workflowPath)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(workflowPath)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var steps = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["build"])["steps"];
        return steps.Children.Cast<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => (((YamlScalarNode)step["name"]).Value!, ((YamlScalarNode)step["run"]).Value!))
            .ToList();
    }

    [Fact]
    public void Workflow_installs_the_pinned_tool_and_builds_the_site_sitegen_build_makes()
    {
        using var work = new TempDir();
        var repo = work.Combine("course");
        TempDir.CopyDirectory(Path.Combine(Courses, "2025sp-GenAI-overview", "repo"), repo);
        var import = Build.Cli(repo, "import", "jekyll");
        Assert.True(import.ExitCode == 0, import.Output);

        // This build's tool package, from the configuration the tests were built in.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var feed = work.Combine("feed");
        var pack = Build.Program(RepoPaths.Root, "dotnet", ["pack", "src/SiteGen.Cli", "--no-build", "-c", configuration, "-o", feed]);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, $"SiteGen.Cli.{ImportJekyll.ToolVersion}.nupkg")), pack.Output);

        var steps = RunSteps(Path.Combine(repo, ".github", "workflows", "pages.yml"));
        Assert.Equal(["Install SiteGen", "Build site"], steps.Select(s => s.Name));
        foreach (var (name, command) in steps)
        {
            var line = name == "Install SiteGen" ? command.Trim() + " --add-source " + feed : command;
            // A package folder of its own: a SiteGen.Cli of the same version cached by an earlier run must not be taken.
            var step = Build.Program(repo, "bash", ["-euc", line], new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.Combine("packages") });
            Assert.True(step.ExitCode == 0, $"{name}: {line}\n{step.Output}");
        }

        var expected = Build.Cli(repo, "build", "--out", work.Combine("expected"));
        Assert.True(expected.ExitCode == 0, expected.Output);
        var fromWorkflow = Build.Snapshot(Path.Combine(repo, "_site"));
        var fromCli = Build.Snapshot(work.Combine("expected"));
        Assert.Equal(fromCli.Keys, fromWorkflow.Keys);
        foreach (var (path, bytes) in fromCli) Assert.True(bytes.AsSpan().SequenceEqual(fromWorkflow[path]), path + " differs");
        Assert.Contains("contents/S0-L06/index.html", fromWorkflow.Keys);
    }
}
