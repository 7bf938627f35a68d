using System.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Tests.Support;

public static class Build
{
    public static BuildResult Run(string content, string output, string? baseUrl = null, bool strict = false) =>
        SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = output, BaseUrl = baseUrl, Strict = strict });

    public static IReadOnlyList<string> Lines(BuildResult result) => result.Diagnostics.Select(d => d.ToString()).ToList();

    /// <summary>Runs the real command line (the built SiteGen.Cli.dll) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Cli(string workingDir, params string[] args) =>
        Program(workingDir, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), .. args]);

    /// <summary>Runs a program and returns its exit code and output (stdout then stderr).</summary>
    public static (int ExitCode, string Output) Program(string workingDir, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>Every file under a folder as relative path -> bytes, for byte-for-byte comparisons.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(dir, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        return files;
    }
}
