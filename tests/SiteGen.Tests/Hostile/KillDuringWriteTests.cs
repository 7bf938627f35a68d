using SiteGen.Output;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// A build killed (SIGKILL) at any step of writing the site leaves the old site or the new one, byte for byte, never a
/// mix; the next build removes what the killed one left beside the site and ends with the new site.
/// </summary>
public sealed class KillDuringWriteTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Copies a folder with its files' times (an incremental build compares copied files by time stamp).</summary>
    private static void Copy(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, true);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    /// <summary>The old site with its manifest, and the new site an uninterrupted build makes of the edited content.</summary>
    private (SortedDictionary<string, byte[]> Old, SortedDictionary<string, byte[]> New) Prepare(bool clean, int sessions)
    {
        var content = MiniCourse.Write(_dir.Path, sessions);
        var site = _dir.Combine("site");
        Assert.True(MiniCourse.Build(content, site).Succeeded);
        // A file something else put there: an incremental build keeps it, a clean one does not.
        File.WriteAllText(_dir.Combine("site", "CNAME"), "course.example.org\n");
        var old = MiniCourse.Snapshot(site);
        Copy(site, _dir.Combine("old-site"));
        File.Copy(Manifest, _dir.Combine("old-manifest"));

        // The edit: a page changes, a session goes, one is added, the rest stay as they were.
        File.WriteAllText(Path.Combine(content, "sessions", "S03.md"), MiniCourse.Session("Session 3, edited"));
        File.Delete(Path.Combine(content, "sessions", "S07.md"));
        File.WriteAllText(Path.Combine(content, "sessions", "S99.md"), MiniCourse.Session("Session 99"));
        var reference = _dir.Combine("reference");
        Copy(site, Path.Combine(reference, "site"));
        File.Copy(Manifest, Path.Combine(reference, ".site.sitegen-manifest.json"));
        Assert.True(MiniCourse.Build(content, Path.Combine(reference, "site"), incremental: !clean).Succeeded);
        var @new = MiniCourse.Snapshot(Path.Combine(reference, "site"));
        Assert.False(MiniCourse.SameFiles(old, @new));
        return (old, @new);
    }

    private string Manifest => _dir.Combine(".site.sitegen-manifest.json");

    private void RestoreOld()
    {
        Copy(_dir.Combine("old-site"), _dir.Combine("site"));
        File.Copy(_dir.Combine("old-manifest"), Manifest, overwrite: true);
    }

    private string Outcome(SortedDictionary<string, byte[]> old, SortedDictionary<string, byte[]> @new)
    {
        var now = MiniCourse.Snapshot(_dir.Combine("site"));
        return MiniCourse.SameFiles(now, old) ? "old" : MiniCourse.SameFiles(now, @new) ? "new" : "MIX";
    }

    /// <summary>
    /// In-process, so that 50 points run in seconds: the write is stopped at step N by an exception that passes every
    /// handler (nothing is cleaned up, as after a kill); the real SIGKILL is the next test.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Stopped_at_each_of_50_steps_in_a_row_the_site_is_the_old_or_the_new_one(bool clean)
    {
        var (old, @new) = Prepare(clean, sessions: 16);
        var content = _dir.Combine("content");
        var outcomes = new List<string>();
        for (var step = 1; step <= 50; step++)
        {
            RestoreOld();
            KillSwitch.InterruptAfter(step);
            var stopped = false;
            try { MiniCourse.Build(content, _dir.Combine("site"), incremental: !clean); }
            catch (Exception e) when (e is WriteInterruptedException || e is AggregateException a && a.Flatten().InnerExceptions.Any(i => i is WriteInterruptedException)) { stopped = true; }
            finally { KillSwitch.InterruptAfter(0); }
            var outcome = Outcome(old, @new);
            Assert.True(outcome != "MIX", $"stopped at step {step}: the site is neither the old nor the new one");
            outcomes.Add($"{step}:{outcome}:{(stopped ? "stopped" : "finished")}");

            // The next build removes what the stopped one left beside the site, and ends with the new site.
            if (step % 10 != 3) continue;
            var result = MiniCourse.Build(content, _dir.Combine("site"), incremental: !clean);
            Assert.True(result.Succeeded, string.Join("\n", MiniCourse.Lines(result)));
            Assert.Equal("new", Outcome(old, @new));
            Assert.Empty(MiniCourse.Temporaries(_dir.Path));
        }
        var summary = string.Join(" ", outcomes);
        Assert.True(outcomes.Count(o => o.EndsWith(":old:stopped", StringComparison.Ordinal)) >= 35, summary);
        Assert.Contains(":new:stopped", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    public void Killed_process_leaves_the_old_site_and_the_next_build_cleans_up(int step)
    {
        var (old, @new) = Prepare(clean: false, sessions: 16);
        var output = CliProcess.Run(_dir.Path, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), "build", "--content", "content", "--out", "site", "--quiet"],
            new Dictionary<string, string> { ["SITEGEN_KILL_AFTER_WRITE_STEPS"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(137, output.ExitCode);
        Assert.Equal("old", Outcome(old, @new));
        Assert.NotEmpty(MiniCourse.Temporaries(_dir.Path));
        var result = MiniCourse.Build(_dir.Combine("content"), _dir.Combine("site"));
        Assert.True(result.Succeeded, string.Join("\n", MiniCourse.Lines(result)));
        Assert.Equal("new", Outcome(old, @new));
        Assert.Empty(MiniCourse.Temporaries(_dir.Path));
    }
}
