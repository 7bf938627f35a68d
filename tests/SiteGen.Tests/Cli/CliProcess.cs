using System.Diagnostics;

namespace SiteGen.Tests.Cli;

/// <summary>Runs a program with stdout and stderr kept apart (the diagnostics contract puts errors on stderr).</summary>
internal static class CliProcess
{
    public sealed record Output(int ExitCode, string Stdout, string Stderr);

    public static Output Run(string workingDir, string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Output(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The built SiteGen.Cli.dll beside the tests.</summary>
    public static Output Sitegen(string workingDir, params string[] args) =>
        Run(workingDir, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), .. args]);
}
