using System.Diagnostics;

namespace SiteGen.Tests.Search;

/// <summary>Finds the repository, node and the npm-installed lunr; runs the node oracle scripts.</summary>
internal static class NodeOracle
{
    public static readonly string RepoRoot = FindRepoRoot();

    public static string OracleDir => Path.Combine(RepoRoot, "tests", "SiteGen.Tests", "Search", "oracle");

    public static string LunrDir => Path.Combine(RepoRoot, "node_modules", "lunr");

    /// <summary>Null when node and lunr are usable, otherwise why not.</summary>
    public static readonly string? MissingReason = FindMissingReason();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Repository root (SiteGen.sln beside package.json) not found above " + AppContext.BaseDirectory);
    }

    private static string? FindMissingReason()
    {
        if (!File.Exists(Path.Combine(LunrDir, "lunr.js")))
            return $"lunr is not installed ({LunrDir} missing): run `npm ci` at the repository root.";
        try
        {
            var (code, output) = Run(["--version"]);
            return code == 0 ? null : "`node --version` failed: " + output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return "node is not on PATH: " + e.Message;
        }
    }

    /// <summary>Runs node with the arguments from the repository root; returns exit code and stdout+stderr.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    public static void RequireNode()
    {
        // Under CI the oracle must run: a missing node or lunr is a failure, not a skip.
        Assert.True(MissingReason is null, MissingReason);
    }
}

/// <summary>
/// A fact that needs node and node_modules/lunr. Skipped with the reason when they are missing on a
/// developer machine; under CI=true it runs and fails, so the oracle can never be silently skipped there.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeOracle.MissingReason is { } reason && !NodeOracle.IsCi)
            Skip = reason;
    }
}
