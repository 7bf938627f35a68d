using System.CommandLine;

namespace SiteGen.Cli;

// An explicit Main rather than top-level statements: with ASP.NET Core referenced, those generate a public Program
// class that clashes with the Program of any project referencing this one (tests, benchmarks).
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        var root = new RootCommand("SiteGen: builds a course site (schedule, sessions, readings catalog, search) from content/.");
        root.Subcommands.Add(Commands.Build());
        root.Subcommands.Add(Commands.Serve());
        root.Subcommands.Add(Commands.Check());
        root.Subcommands.Add(Commands.New());
        root.Subcommands.Add(FindCommand.Create());
        return root.Parse(args).InvokeAsync();
    }
}
