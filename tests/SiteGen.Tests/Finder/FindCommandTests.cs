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

    [Fact]
    public void Build_with_an_index_present_leaves_it_untouched_and_writes_the_same_site()
    {
        var site = Path.Combine(_course.Root, "site");
        Assert.Equal(0, CliProcess.Sitegen(_course.Root, "build", "--quiet").ExitCode);
        var without = Snapshot(site, times: false);
        Assert.Equal(0, CliProcess.Sitegen(_course.Root, "find", "agent").ExitCode);
        var index = Path.Combine(_course.Root, ".site.sitegen-finder");
        var indexBefore = Snapshot(index);

        var build = CliProcess.Sitegen(_course.Root, "build", "--quiet", "--clean");
        Assert.True(build.ExitCode == 0, build.Stderr);
        Assert.Equal(without, Snapshot(site, times: false));
        // Not one index file written, touched or added: build never opens it.
        Assert.Equal(indexBefore, Snapshot(index));
    }

    [Fact]
    public void Filters_and_limit_from_the_command_line_narrow_the_json_result()
    {
        var output = CliProcess.Sitegen(_course.Root, "find", "agent", "--unassigned", "--since", "2024-01-01", "--source", "hf-papers-agents-2.txt", "--limit", "2", "--format", "json");
        Assert.True(output.ExitCode == 0, output.Stderr);
        using var json = JsonDocument.Parse(output.Stdout);
        var papers = json.RootElement.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(2, papers.Count);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 2, output.Stdout[..Math.Min(300, output.Stdout.Length)]);
        foreach (var paper in papers)
        {
            Assert.Equal(0, paper.GetProperty("sessions").GetArrayLength());
            Assert.True(string.CompareOrdinal(paper.GetProperty("date").GetString(), "2024-01-01") >= 0);
            Assert.Contains(paper.GetProperty("sources").EnumerateArray(), s => s.GetProperty("file").GetString() == "listings/hf-papers-agents-2.txt");
        }
    }

    [Fact]
    public void A_corrupt_index_gives_the_SG6005_warning_line_and_the_same_results()
    {
        var first = CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"", "--format", "json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var index = Path.Combine(_course.Root, ".site.sitegen-finder");
        foreach (var file in Directory.GetFiles(index).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5]);

        var again = CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"", "--format", "json");
        Assert.True(again.ExitCode == 0, again.Stderr);
        var warning = Assert.Single(again.Stderr.Split('\n'), l => l.Contains("SG6005", StringComparison.Ordinal));
        Assert.StartsWith($"{index}(1,1): warning SG6005: The finder index was rebuilt: it could not be read (", warning);
        Assert.EndsWith("Hint: Nothing to do; it is made again from the content.", warning);
        Assert.DoesNotContain("   at ", again.Stderr);
        Assert.Contains("note: indexed", again.Stderr);
        Assert.Equal(first.Stdout, again.Stdout);
        using var json = JsonDocument.Parse(again.Stdout);
        Assert.Equal("2504.01990", json.RootElement.GetProperty("papers")[0].GetProperty("arxivId").GetString());

        // The rebuilt index is whole: the next find reads it as it is, with no warning.
        var third = CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"", "--format", "json");
        Assert.Equal(0, third.ExitCode);
        Assert.DoesNotContain("SG6005", third.Stderr);
        Assert.Equal(first.Stdout, third.Stdout);
    }

    /// <summary>Every file under <paramref name="dir"/>: path, size, time of last write (unless not asked), and a hash of its bytes.</summary>
    private static List<string> Snapshot(string dir, bool times = true) => [.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(dir, f)} {new FileInfo(f).Length} {(times ? File.GetLastWriteTimeUtc(f).Ticks : 0)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")];
}
