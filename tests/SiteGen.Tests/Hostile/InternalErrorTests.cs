using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>An exception that escapes every stage is one diagnostic line and exit code 2, with the stack only under --verbose.</summary>
public sealed class InternalErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CliProcess.Output Run(params string[] args)
    {
        MiniCourse.Write(_dir.Path, 1);
        return CliProcess.Run(_dir.Path, "dotnet", [Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), .. args],
            new Dictionary<string, string> { ["SITEGEN_TEST_INTERNAL_ERROR"] = "1" });
    }

    [Fact]
    public void Unhandled_exception_is_SG9999_with_exit_code_2_and_no_stack_trace()
    {
        var output = Run("build", "--content", "content", "--out", "site");
        Assert.Equal(2, output.ExitCode);
        Assert.Equal(
            "sitegen(1,1): error SG9999: internal error: InvalidOperationException: fault injected by SITEGEN_TEST_INTERNAL_ERROR. This is a bug in SiteGen, not in the course; please report it with the command you ran (rerun with --verbose for the stack trace).",
            output.Stderr.Trim());
        Assert.DoesNotContain("   at ", output.Stdout + output.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var output = Run("build", "--content", "content", "--out", "site", "--verbose");
        Assert.Equal(2, output.ExitCode);
        Assert.StartsWith("sitegen(1,1): error SG9999: internal error: InvalidOperationException: fault injected", output.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at SiteGen.Cli.InternalError.ThrowWhenAsked", output.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_goes_through_the_same_last_line()
    {
        var output = Run("check", "--content", "content");
        Assert.Equal(2, output.ExitCode);
        Assert.Contains("error SG9999: internal error", output.Stderr, StringComparison.Ordinal);
    }
}
