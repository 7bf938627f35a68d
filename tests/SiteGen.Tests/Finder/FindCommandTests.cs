using System.Text.Json;
using SiteGen.Tests.Cli;

namespace SiteGen.Tests.Finder;

/// <summary>`sitegen find` as a process: output shapes, exit codes, one-line errors, and `build` never making the index.</summary>
public sealed class FindCommandTests : IDisposable
{
    private readonly FinderCourse _course = new();

    public void Dispose() => _course.Dispose();

    [Fact]
    public void Text_output_shows_rank_title_authors_date_assignment_and_marked_snippet()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"");
        Assert.True(output.ExitCode == 0, output.Stderr);
        var lines = output.Stdout.Split('\n');
        Assert.Equal("  1. Advances and Challenges in Foundation Agents: From Brain-Inspired Intelligence to Evolutionary, Collaborative, and Safe Systems", lines[0]);
        Assert.Equal("     Bang Liu, Xinfeng Li, Jiayi Zhang +44 more · 2025-03-31 · arXiv:2504.01990", lines[1]);
        Assert.StartsWith("     assigned: W13.1-T3-smallLLM-agents · ", lines[2]);
        Assert.Contains("sessions/W13.1-T3-smallLLM-agents.md:22", lines[2]);
        Assert.Contains("[Foundation] [Agents]", lines[3]);
        Assert.Contains("note: indexed", output.Stderr);
    }

    [Fact]
    public void Json_output_is_parseable_with_the_documented_fields()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "authors:Bubeck", "--format", "json", "--limit", "1");
        Assert.True(output.ExitCode == 0, output.Stderr);
        using var json = JsonDocument.Parse(output.Stdout);
        var paper = json.RootElement.GetProperty("papers")[0];
        Assert.Equal("Phi-4 Technical Report", paper.GetProperty("title").GetString());
        Assert.Equal("2412.08905", paper.GetProperty("arxivId").GetString());
        Assert.Equal("W13.1-T3-smallLLM-agents", paper.GetProperty("sessions")[0].GetString());
        Assert.StartsWith("#### Phi-4 Technical Report\n", paper.GetProperty("reading").GetString());
    }

    [Fact]
    public void A_bad_query_is_one_line_on_stderr_with_the_column_and_exit_1()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "title:(agent");
        Assert.Equal(1, output.ExitCode);
        Assert.Equal("", output.Stdout);
        var error = output.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => !l.StartsWith("note:", StringComparison.Ordinal));
        Assert.StartsWith("query(1,13): error SG6001: ", error);
        Assert.DoesNotContain("   at ", output.Stderr);
    }

    [Fact]
    public void A_bad_date_is_one_line()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "agent", "--since", "31/01/2025");
        Assert.Equal(1, output.ExitCode);
        Assert.StartsWith("--since(1,1): error SG6001: \"31/01/2025\" is not a date.", output.Stderr);
    }

    [Fact]
    public void Build_does_not_make_the_index_and_find_does_not_write_into_the_site()
    {
        var build = CliProcess.Sitegen(_course.Root, "build", "--quiet");
        Assert.True(build.ExitCode == 0, build.Stderr);
        var index = Path.Combine(_course.Root, ".site.sitegen-finder");
        Assert.False(Directory.Exists(index));
        var siteFiles = Directory.GetFiles(Path.Combine(_course.Root, "site"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(0, CliProcess.Sitegen(_course.Root, "find", "agent").ExitCode);
        Assert.True(Directory.Exists(index));
        Assert.Equal(siteFiles, Directory.GetFiles(Path.Combine(_course.Root, "site"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }
}
