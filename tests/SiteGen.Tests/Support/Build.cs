using System.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Tests.Support;

public static class Build
{
    public static BuildResult Run(string content, string output, string? baseUrl = null, bool strict = false) =>
        SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = output, BaseUrl = baseUrl, Strict = strict });

    public static IReadOnlyList<string> Lines(BuildResult result) => result.Diagnostics.Select(d => d.ToString()).ToList();

    /// <summary>Runs the real command line (the built SiteGen.Cli.dll) and returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Cli(string workingDir, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
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
