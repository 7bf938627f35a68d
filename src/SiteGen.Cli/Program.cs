using System.CommandLine;

namespace SiteGen.Cli;

// An explicit Main rather than top-level statements: with ASP.NET Core referenced, those generate a public Program
// class that clashes with the Program of any project referencing this one (tests, benchmarks).
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        try
        {
            var root = new RootCommand("SiteGen: builds a course site (schedule, sessions, readings catalog, search) from content/.");
            root.Subcommands.Add(Commands.Build());
            root.Subcommands.Add(Commands.Serve());
            root.Subcommands.Add(Commands.Check());
            root.Subcommands.Add(Commands.New());
            root.Subcommands.Add(Commands.Import());
            root.Subcommands.Add(FindCommand.Create());
            // Exceptions come here rather than to System.CommandLine's handler, which prints the stack trace.
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return InternalError.Report(e, verbose: args.Any(a => a is "--verbose" or "-v"));
        }
    }
}

/// <summary>
/// The last line of defence: content problems are diagnostics, so an exception that reaches the top is a bug in SiteGen.
/// One line in the usual format and exit code 2 (1 is "the content has errors"); the stack trace only under --verbose.
/// </summary>
internal static class InternalError
{
    public const string Code = "SG9999";
    public const int ExitCode = 2;

    public static int Report(Exception e, bool verbose)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } one) e = one.InnerExceptions[0];
        Console.Error.WriteLine($"sitegen(1,1): error {Code}: internal error: {e.GetType().Name}: {OneLine(e.Message)}. This is a bug in SiteGen, not in the course; "
            + (verbose ? "please report it with the output above and this stack trace." : "please report it with the command you ran (rerun with --verbose for the stack trace)."));
        if (verbose) Console.Error.WriteLine(e.ToString());
        return ExitCode;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    /// <summary>SITEGEN_TEST_INTERNAL_ERROR=1 throws where a bug would, so tests can see what the user sees.</summary>
    public static void ThrowWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("SITEGEN_TEST_INTERNAL_ERROR") == "1")
            throw new InvalidOperationException("fault injected by SITEGEN_TEST_INTERNAL_ERROR");
    }
}
