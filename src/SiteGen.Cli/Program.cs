using System.CommandLine;
using SiteGen.Cli;

var root = new RootCommand("SiteGen: builds a course site (schedule, sessions, readings catalog, search) from content/.");
root.Subcommands.Add(Commands.Build());
root.Subcommands.Add(Commands.Serve());
root.Subcommands.Add(Commands.Check());
root.Subcommands.Add(Commands.New());
return await root.Parse(args).InvokeAsync();
