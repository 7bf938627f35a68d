using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// An output path that cannot take the site (a file, a read-only folder or file, a read-only or full file system) is
/// one error naming the path; the previous site stays byte-identical and no temporary is left anywhere.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WriteFaultTests : IDisposable
{
    private const string Hint = " Hint: Check that the output path is a writable folder with free space (or pass --out to another folder), then build again.";
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Error(string path, string message) =>
        $"{path}(1,1): error SG4003: Could not write the site: {message}; the previous site is unchanged.{Hint}";

    [Fact]
    public void Output_path_that_is_a_file_is_one_error_and_exit_code_1()
    {
        MiniCourse.Write(_dir.Path);
        File.WriteAllText(_dir.Combine("site"), "not a folder");
        var output = CliProcess.Sitegen(_dir.Path, "build", "--content", "content", "--out", "site");
        Assert.Equal(1, output.ExitCode);
        Assert.Equal(Error(_dir.Combine("site"), "the output path is a file, not a folder"), output.Stderr.Trim());
        Assert.Equal("not a folder", File.ReadAllText(_dir.Combine("site")));
        Assert.Empty(MiniCourse.Temporaries(_dir.Path));
    }

    [Theory]
    [InlineData("", "the output folder is read-only")]
    [InlineData("sessions", "a folder in the output folder is read-only")]
    [InlineData("index.html", "a file in the output folder is read-only")]
    public void Read_only_output_is_one_error_and_the_site_stays(string readOnly, string message)
    {
        var content = MiniCourse.Write(_dir.Path);
        var site = _dir.Combine("site");
        Assert.True(MiniCourse.Build(content, site).Succeeded);
        var before = MiniCourse.Snapshot(site);
        var manifest = File.ReadAllBytes(_dir.Combine(".site.sitegen-manifest.json"));
        var path = Path.Combine(site, readOnly).TrimEnd('/');
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        try
        {
            File.WriteAllText(Path.Combine(content, "sessions", "S01.md"), MiniCourse.Session("Edited"));
            var result = MiniCourse.Build(content, site);
            Assert.False(result.Succeeded);
            Assert.Equal([Error(path, message)], MiniCourse.Lines(result));
        }
        finally
        {
            File.SetUnixFileMode(path, mode);
        }
        Assert.True(MiniCourse.SameFiles(before, MiniCourse.Snapshot(site)));
        Assert.Equal(manifest, File.ReadAllBytes(_dir.Combine(".site.sitegen-manifest.json")));
        Assert.Empty(MiniCourse.Temporaries(_dir.Path));
    }

    /// <summary>A read-only file in the course (as in a checkout from read-only media) is copied as the build's own: the next build takes it.</summary>
    [Fact]
    public void A_read_only_asset_in_the_course_does_not_stop_the_next_build()
    {
        var content = MiniCourse.Write(_dir.Path);
        var deck = Path.Combine(content, "Lectures", "S01.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(deck)!);
        File.WriteAllText(deck, "pdf");
        File.SetUnixFileMode(deck, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var site = _dir.Combine("site");
        Assert.True(MiniCourse.Build(content, site).Succeeded);
        Assert.True(File.GetUnixFileMode(Path.Combine(site, "Lectures", "S01.pdf")).HasFlag(UnixFileMode.UserWrite));

        File.WriteAllText(Path.Combine(content, "sessions", "S01.md"), MiniCourse.Session("Edited"));
        var again = MiniCourse.Build(content, site);
        Assert.True(again.Succeeded, string.Join('\n', MiniCourse.Lines(again)));
        Assert.Contains("Edited", File.ReadAllText(Path.Combine(site, "sessions", "S01", "index.html")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(deck));
    }

    /// <summary>A real file system: a tmpfs mounted read-only, then one of 2 MB filled by a large slide deck (needs root, as the build machine runs).</summary>
    [Theory]
    [InlineData("read-only")]
    [InlineData("full")]
    public void Read_only_or_full_file_system_is_one_error_and_the_site_stays(string fault)
    {
        if (!MiniCourse.IsRoot) return;
        var content = MiniCourse.Write(_dir.Path);
        var mount = _dir.Combine("mnt");
        Directory.CreateDirectory(mount);
        MiniCourse.Sh($"mount -t tmpfs -o size=2m tmpfs '{mount}'");
        try
        {
            var site = Path.Combine(mount, "site");
            Assert.True(MiniCourse.Build(content, site).Succeeded);
            var before = MiniCourse.Snapshot(mount);
            File.WriteAllText(Path.Combine(content, "sessions", "S01.md"), MiniCourse.Session("Edited"));
            string message;
            if (fault == "read-only")
            {
                MiniCourse.Sh($"mount -o remount,ro '{mount}'");
                message = "Read-only file system";
            }
            else
            {
                Directory.CreateDirectory(Path.Combine(content, "Lectures"));
                File.WriteAllBytes(Path.Combine(content, "Lectures", "big.pdf"), new byte[3 << 20]);
                message = "No space left on device";
            }
            var result = MiniCourse.Build(content, site);
            Assert.False(result.Succeeded);
            var line = Assert.Single(MiniCourse.Lines(result));
            Assert.StartsWith($"{site}(1,1): error SG4003: Could not write the site: ", line, StringComparison.Ordinal);
            Assert.Contains(message, line, StringComparison.Ordinal);
            Assert.EndsWith("; the previous site is unchanged." + Hint, line, StringComparison.Ordinal);
            Assert.True(MiniCourse.SameFiles(before, MiniCourse.Snapshot(mount)));
            Assert.Empty(MiniCourse.Temporaries(mount));
        }
        finally
        {
            MiniCourse.Sh($"umount '{mount}'");
        }
    }
}
