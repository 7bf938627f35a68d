using System.Globalization;
using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Cli;

/// <summary>`build`, `check` and `new session` through the real command line.</summary>
public sealed partial class CommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public CommandTests() => TempDir.CopyDirectory(RepoPaths.Content, _dir.Combine("content"));

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"^\S.*\(\d+,\d+\): (error|warning) SG\d{4}: .+$")]
    private static partial Regex DiagnosticLine();

    /// <summary>Runs `build` in a pseudo-terminal (util-linux `script`), as a person at a terminal would see it.</summary>
    private CliProcess.Output BuildAtTerminal(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll");
        environment["TERM"] = "xterm-256color";
        return CliProcess.Run(_dir.Path, "script", ["-q", "-e", "-c", $"dotnet {dll} build", "/dev/null"], environment);
    }

    [Fact]
    public void At_a_terminal_a_long_build_shows_a_progress_bar_and_NO_COLOR_or_a_pipe_gives_plain_lines()
    {
        if (!File.Exists("/usr/bin/script")) Assert.Fail("util-linux `script` is needed to give the build a terminal (apt-get install -y bsdutils).");
        // Delay 0: every build counts as long, so the seed course shows the bar however fast the machine is.
        var terminal = BuildAtTerminal(new() { ["SITEGEN_PROGRESS_DELAY_MS"] = "0" });
        Assert.Equal(0, terminal.ExitCode);
        Assert.Contains("Building", terminal.Stdout);
        Assert.Matches(@"\u001b\[[0-9;]*[A-Za-z]", terminal.Stdout);
        Assert.Contains("papers after merging", terminal.Stdout);

        var noColor = BuildAtTerminal(new() { ["SITEGEN_PROGRESS_DELAY_MS"] = "0", ["NO_COLOR"] = "1" });
        Assert.Equal(0, noColor.ExitCode);
        Assert.DoesNotContain("Building", noColor.Stdout);
        // Colour and cursor drawing are gone (the runtime's own keypad-mode switch, ESC [ ? 1 h, may remain).
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*[A-Za-z]", noColor.Stdout);
        Assert.Contains("papers after merging", noColor.Stdout);

        var piped = CliProcess.Run(_dir.Path, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), "build"], new Dictionary<string, string> { ["SITEGEN_PROGRESS_DELAY_MS"] = "0" });
        Assert.Equal(0, piped.ExitCode);
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*[A-Za-z]", piped.Stdout + piped.Stderr);
        Assert.DoesNotContain("Building", piped.Stdout);
        Assert.Contains("papers after merging", piped.Stdout);
    }

    [Fact]
    public void New_session_writes_the_next_order_with_the_usual_front_matter_and_the_course_still_builds()
    {
        var first = CliProcess.Sitegen(_dir.Path, "new", "session", "Agents and tools");
        Assert.Equal(0, first.ExitCode);
        var sessions = Path.Combine(_dir.Path, "content", "sessions");
        var created = Directory.GetFiles(sessions, "*agents-and-tools*.md").Single();
        Assert.Contains(Path.GetFileName(created), first.Stdout);
        var text = File.ReadAllText(created);
        Assert.StartsWith("---\n", text.ReplaceLineEndings("\n"));
        foreach (var key in new[] { "title: Agents and tools", "lecture:", "lectureVersion:", "tags:", "categories:", "LOrder: " })
            Assert.Contains(key, text);
        Assert.Contains("## Required Readings:", text);
        var order = int.Parse(Regex.Match(text, @"LOrder: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // The next one goes after it, and a same-titled one gets its own file.
        Assert.Equal(0, CliProcess.Sitegen(_dir.Path, "new", "session", "Agents and tools").ExitCode);
        var both = Directory.GetFiles(sessions, "*agents-and-tools*.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, both.Count);
        var second = both.Single(f => f != created);
        Assert.Contains($"LOrder: {order + 1}", File.ReadAllText(second));

        var check = CliProcess.Sitegen(_dir.Path, "check");
        Assert.DoesNotContain("error SG", check.Stderr);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Check_validates_without_writing_and_reports_errors_on_stderr_in_the_clickable_format()
    {
        var ok = CliProcess.Sitegen(_dir.Path, "check");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("check only, nothing written", ok.Stdout);
        Assert.False(Directory.Exists(_dir.Combine("site")));

        File.WriteAllText(_dir.Combine("content", "sessions", "S50-broken.md"), "---\ntitle: Broken\n\nno closing line\n");
        var bad = CliProcess.Sitegen(_dir.Path, "check");
        Assert.Equal(1, bad.ExitCode);
        var error = bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("S50-broken.md", StringComparison.Ordinal));
        Assert.Matches(DiagnosticLine(), error.TrimEnd('\r'));
        Assert.StartsWith("content/sessions/S50-broken.md(1,1): error SG", error);
        Assert.Contains(" Hint: ", error);
        Assert.DoesNotContain("error SG", bad.Stdout);
        Assert.False(Directory.Exists(_dir.Combine("site")));
    }

    [Fact]
    public void Build_prints_plain_diagnostics_and_a_summary_when_piped_and_only_problems_when_quiet()
    {
        var build = CliProcess.Sitegen(_dir.Path, "build", "--verbose");
        Assert.Equal(0, build.ExitCode);
        Assert.DoesNotContain('\u001b', build.Stdout + build.Stderr);
        foreach (var line in build.Stdout.Split('\n').Where(l => l.Contains(": warning SG", StringComparison.Ordinal)))
            Assert.Matches(DiagnosticLine(), line.TrimEnd('\r'));
        Assert.Matches(@"\d+ sessions, \d+ readings, \d+ listing records, \d+ papers after merging, \d+ files written", build.Stdout);
        Assert.Contains("full build:", build.Stdout);
        Assert.Contains("RenderPages", build.Stdout);
        Assert.Contains("0 error(s)", build.Stdout);

        // Nothing changed: an incremental build renders and writes nothing.
        var again = CliProcess.Sitegen(_dir.Path, "build");
        Assert.Contains("incremental: 0 page(s) rendered, 0 file(s) written", again.Stdout);

        var quiet = CliProcess.Sitegen(_dir.Path, "build", "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("sessions,", quiet.Stdout);
        Assert.DoesNotContain("time ", quiet.Stdout);
        Assert.All(quiet.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1), line => Assert.Matches(DiagnosticLine(), line.TrimEnd('\r')));
    }

    [Fact]
    public void A_build_collects_no_garbage_after_the_collection_that_starts_it()
    {
        // 150 more copies of a seed session: about 100 MB allocated, which collects two or three times without the budget
        // and stays far below it (64 MB or more on any machine this runs on).
        var session = Directory.GetFiles(_dir.Combine("content", "sessions"), "*.md").Order(StringComparer.Ordinal).First();
        for (var i = 0; i < 150; i++) File.Copy(session, _dir.Combine("content", "sessions", $"copy-{i:D3}.md"));
        var build = CliProcess.Sitegen(_dir.Path, "build", "--verbose", "--clean");
        Assert.Equal(0, build.ExitCode);
        var gc = GcLine().Match(build.Stdout);
        Assert.True(gc.Success, build.Stdout);
        Assert.Equal(("1", "1", "1"), (gc.Groups[1].Value, gc.Groups[2].Value, gc.Groups[3].Value));

        var memory = MemoryLine().Match(build.Stdout);
        Assert.True(memory.Success, build.Stdout);
        Assert.True(long.Parse(memory.Groups[1].Value, CultureInfo.InvariantCulture) >= 64, memory.Value);
        // Where the kernel gives 2 MB pages to programs that ask, the collection-free memory (twice the budget) asked.
        var hugePages = "/sys/kernel/mm/transparent_hugepage/enabled";
        if (OperatingSystem.IsLinux() && File.Exists(hugePages) && !File.ReadAllText(hugePages).Contains("[never]", StringComparison.Ordinal))
            Assert.True(long.Parse(memory.Groups[2].Value, CultureInfo.InvariantCulture) >= long.Parse(memory.Groups[1].Value, CultureInfo.InvariantCulture), memory.Value);
    }

    [GeneratedRegex(@"memory: no collection for the first (\d+) MB, (\d+) MB asked for in 2 MB pages")]
    private static partial Regex MemoryLine();

    [Fact]
    public void Huge_pages_are_asked_for_the_large_private_writable_mappings_of_no_file()
    {
        string[] maps =
        [
            "7ef983c00000-7ef9c6b50000 rw-p 00000000 00:00 0 ",
            "7ef9c7000000-7ef9cb000000 rw-p 00000000 00:00 0",
            "7efa0a334000-7f0544000000 ---p 00000000 00:00 0",
            "7f0560000000-7f0570000000 rw-p 00000000 fd:01 1234   /usr/lib/big.so",
            "7f0580000000-7f0583000000 rw-p 00000000 00:00 0",
            "7f0590000000-7f05a0000000 rw-s 00000000 00:05 77   /dev/shm/x",
            "not a line",
        ];
        Assert.Equal(
            [(0x7ef983c00000L, 0x7ef9c6b50000L - 0x7ef983c00000L), (0x7ef9c7000000L, 64L << 20)],
            SiteGen.Cli.HugePages.LargeAnonymousMappings(maps));
    }

    [GeneratedRegex(@"gc: (\d+) gen0, (\d+) gen1, (\d+) gen2")]
    private static partial Regex GcLine();

    [Fact]
    public void A_session_file_locked_by_another_program_still_builds()
    {
        // .NET's advisory locks are off in the CLI: a file another program holds a lock on (flock) is read all the same.
        var session = Directory.GetFiles(_dir.Combine("content", "sessions"), "*.md").Order(StringComparer.Ordinal).First();
        using var holder = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("flock", ["--exclusive", session, "sleep", "60"]))!;
        try
        {
            Thread.Sleep(500);
            Assert.False(holder.HasExited, "flock did not take the lock");
            var build = CliProcess.Sitegen(_dir.Path, "build", "--clean");
            Assert.Equal(0, build.ExitCode);
            Assert.True(File.Exists(_dir.Combine("site", "sessions", Path.GetFileNameWithoutExtension(session), "index.html")), build.Stdout + build.Stderr);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData(64L << 30, 4L << 30)]
    [InlineData(24L << 30, 3L << 30)]
    [InlineData(8L << 30, 1L << 30)]
    [InlineData(512L << 20, 64L << 20)]
    [InlineData(0L, 0L)]
    public void The_collection_free_budget_is_an_eighth_of_memory_up_to_4_GB(long available, long budget) =>
        Assert.Equal(budget, SiteGen.Cli.OneShotMemory.Budget(available));

    [Fact]
    public void A_course_with_more_than_64_MB_of_listings_collects_as_usual_from_the_start()
    {
        var listings = Directory.CreateDirectory(_dir.Combine("big", "listings", "more"));
        using (var file = File.Create(Path.Combine(listings.FullName, "a.txt"))) file.SetLength(40L << 20);
        using (var file = File.Create(Path.Combine(listings.Parent!.FullName, "b.txt"))) file.SetLength(24L << 20);
        var content = _dir.Combine("big");
        Assert.Equal(64L << 20, SiteGen.Cli.OneShotMemory.ListingBytes(content));
        Assert.Equal(3L << 30, SiteGen.Cli.OneShotMemory.Budget(24L << 30, SiteGen.Cli.OneShotMemory.ListingBytes(content)));
        // A link does not count: only what the build reads does.
        File.CreateSymbolicLink(Path.Combine(listings.FullName, "link.txt"), Path.Combine(listings.FullName, "a.txt"));
        Assert.Equal(64L << 20, SiteGen.Cli.OneShotMemory.ListingBytes(content));
        using (var file = File.Create(Path.Combine(listings.FullName, "c.txt"))) file.SetLength(1);
        Assert.Equal(0, SiteGen.Cli.OneShotMemory.Budget(24L << 30, SiteGen.Cli.OneShotMemory.ListingBytes(content)));
        Assert.Equal(0, SiteGen.Cli.OneShotMemory.ListingBytes(_dir.Combine("nowhere")));
    }

    [Fact]
    public void A_failed_build_exits_1_and_leaves_the_previous_site()
    {
        Assert.Equal(0, CliProcess.Sitegen(_dir.Path, "build").ExitCode);
        var before = Build.Snapshot(_dir.Combine("site"));
        File.WriteAllText(_dir.Combine("content", "sessions", "S50-broken.md"), "---\ntitle: Broken\n");
        var failed = CliProcess.Sitegen(_dir.Path, "build");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("nothing written, the previous site is unchanged", failed.Stdout);
        Assert.Equal(before, Build.Snapshot(_dir.Combine("site")));
    }
}
