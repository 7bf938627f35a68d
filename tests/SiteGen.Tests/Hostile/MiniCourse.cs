using System.Diagnostics;
using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>A small course written into a temporary folder, for the tests that attack or break a build.</summary>
internal static class MiniCourse
{
    public static string Session(string title, string body = "Some text.") => $"---\ntitle: {title}\n---\n\n{body}\n";

    /// <summary>content/ with <paramref name="sessions"/> sessions S01..Snn, under <paramref name="dir"/>; returns the content folder.</summary>
    public static string Write(string dir, int sessions = 3)
    {
        var content = Path.Combine(dir, "content");
        Directory.CreateDirectory(Path.Combine(content, "sessions"));
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: Mini course\n");
        for (var i = 1; i <= sessions; i++)
            File.WriteAllText(Path.Combine(content, "sessions", $"S{i:D2}.md"), Session($"Session {i}", $"Text of session {i}."));
        return content;
    }

    public static BuildResult Build(string content, string output, bool incremental = true, bool checkOnly = false) =>
        SiteBuilder.Build(new BuildOptions { ContentDir = content, OutDir = output, Incremental = incremental, CheckOnly = checkOnly });

    public static IReadOnlyList<string> Lines(BuildResult result) => Support.Build.Lines(result);

    /// <summary>Every file below <paramref name="dir"/>, relative path -> bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir) => Support.Build.Snapshot(dir);

    public static bool SameFiles(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys, StringComparer.Ordinal) && a.All(f => f.Value.AsSpan().SequenceEqual(b[f.Key]));

    /// <summary>Files and folders named like a write's temporaries anywhere below <paramref name="dir"/>.</summary>
    public static List<string> Temporaries(string dir) =>
        Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p).Contains(".tmp-", StringComparison.Ordinal) || Path.GetFileName(p).Contains(".old-", StringComparison.Ordinal))
            .ToList();

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a shell command as the test's user (mount needs root); throws when it fails.</summary>
    public static void Sh(string command)
    {
        var result = Cli.CliProcess.Run("/", "/bin/sh", ["-c", command]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{command}: {result.Stderr}");
    }
}
