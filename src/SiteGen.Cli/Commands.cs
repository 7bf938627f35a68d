using System.CommandLine;
using SiteGen.Cli.Serve;
using SiteGen.Model;

namespace SiteGen.Cli;

/// <summary>The command-line front: parses flags into BuildOptions and hands them to the library. No logic of its own.</summary>
internal static class Commands
{
    // Without --content and --out: content/ into site/, or a course folder holding site.yml (an imported Jekyll course) into _site/.
    private static Option<string?> CourseOption() => new("--content") { Description = "Course content folder (default: content/, or this folder when it holds site.yml or _config.yml)." };
    private static Option<string?> OutOption() => new("--out") { Description = "Output folder for the site (default: site/, or _site/ in a Jekyll course folder)." };
    private static Option<string?> BaseUrlOption() => new("--base-url") { Description = "Base URL the site is served under, e.g. /course/ (overrides site.yml)." };
    private static Option<bool> StrictOption() => new("--strict") { Description = "Treat warnings as errors." };
    private static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "Print only errors and warnings." };
    private static Option<bool> VerboseOption() => new("--verbose", "-v") { Description = "Also print time per stage." };

    public static Command Build()
    {
        var content = CourseOption(); var output = OutOption(); var baseUrl = BaseUrlOption(); var strict = StrictOption();
        var quiet = QuietOption(); var verbose = VerboseOption();
        var clean = new Option<bool>("--clean") { Description = "Render and write everything instead of only what changed since the last build." };
        var command = new Command("build", "Build the site from the content folder into the output folder.") { content, output, baseUrl, strict, quiet, verbose, clean };
        command.SetAction(result =>
        {
            var (contentDir, outDir) = CourseFolder.Resolve(result.GetValue(content), result.GetValue(output), Directory.GetCurrentDirectory());
            return Run(new BuildOptions
            {
                ContentDir = contentDir, OutDir = outDir, BaseUrl = result.GetValue(baseUrl), Strict = result.GetValue(strict),
                Incremental = !result.GetValue(clean),
            }, result.GetValue(quiet), result.GetValue(verbose));
        });
        return command;
    }

    public static Command Check()
    {
        var content = CourseOption(); var baseUrl = BaseUrlOption(); var strict = StrictOption(); var quiet = QuietOption();
        var command = new Command("check", "Validate front matter, listings, slide files and links without writing anything.") { content, baseUrl, strict, quiet };
        command.SetAction(result => Run(new BuildOptions
        {
            ContentDir = CourseFolder.Resolve(result.GetValue(content), null, Directory.GetCurrentDirectory()).Content, BaseUrl = result.GetValue(baseUrl), Strict = result.GetValue(strict), CheckOnly = true,
        }, result.GetValue(quiet), verbose: false));
        return command;
    }

    public static Command Serve()
    {
        var content = CourseOption(); var output = OutOption(); var baseUrl = BaseUrlOption();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1.", DefaultValueFactory = _ => 4000 };
        var command = new Command("serve", "Build, serve the site on 127.0.0.1 and rebuild and reload open pages when content/ or templates/ change.") { content, output, baseUrl, port };
        command.SetAction(async (result, cancel) =>
        {
            var (contentDir, outDir) = CourseFolder.Resolve(result.GetValue(content), result.GetValue(output), Directory.GetCurrentDirectory());
            var options = new ServeOptions { ContentDir = contentDir, OutDir = outDir, BaseUrl = result.GetValue(baseUrl), Port = result.GetValue(port) };
            await using var server = await DevServer.StartAsync(options, Console.Out);
            Console.WriteLine($"Serving {server.SiteUrl} (Ctrl+C to stop)");
            try { await Task.Delay(Timeout.Infinite, cancel); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }

    public static Command Import()
    {
        var folder = new Argument<string>("DIR") { Description = "The Jekyll course repository (the folder holding _config.yml).", DefaultValueFactory = _ => "." };
        var jekyll = new Command("jekyll", "Read a Jekyll course (_config.yml, its session collection, pages, index.html) and write SiteGen's site.yml, schedule.yml and a Pages workflow beside it; no course file is changed.") { folder };
        jekyll.SetAction(result =>
        {
            var import = SiteGen.Import.ImportJekyll.Run(result.GetValue(folder)!);
            foreach (var line in import.Mapped) Console.WriteLine("mapped " + line);
            foreach (var d in import.Diagnostics)
                (d.Severity == Diagnostics.Severity.Error ? Console.Error : Console.Out).WriteLine(d.ToString());
            foreach (var (path, outcome) in import.Outcomes)
                Console.WriteLine(outcome switch
                {
                    SiteGen.Import.ImportFileOutcome.Written => $"wrote {path}",
                    SiteGen.Import.ImportFileOutcome.Unchanged => $"unchanged {path}",
                    _ => $"kept {path} (it has other content)",
                });
            var errors = import.Diagnostics.Count(d => d.Severity == Diagnostics.Severity.Error);
            var warnings = import.Diagnostics.Count - errors;
            Console.WriteLine(import.Succeeded
                ? $"{errors} error(s), {warnings} warning(s); now run `sitegen build` in {result.GetValue(folder)}"
                : $"{errors} error(s), {warnings} warning(s); nothing was written");
            return import.Succeeded ? 0 : 1;
        });
        return new Command("import", "Set up SiteGen for an existing course site, once.") { jekyll };
    }

    public static Command New()
    {
        var content = CourseOption();
        var title = new Argument<string>("title") { Description = "Title of the new session." };
        var session = new Command("session", "Write a new session file with the next order and the usual front matter.") { title, content };
        session.SetAction(result =>
        {
            var path = NewSession.Write(CourseFolder.Resolve(result.GetValue(content), null, Directory.GetCurrentDirectory()).Content, result.GetValue(title)!);
            Console.WriteLine($"Wrote {path}");
            return 0;
        });
        return new Command("new", "Create content from a template.") { session };
    }

    private static int Run(BuildOptions options, bool quiet, bool verbose)
    {
        var memory = OneShotMemory.HoldOffCollections(options.ContentDir);
        InternalError.ThrowWhenAsked();
        var result = Report.Build(options, quiet);
        Report.Print(result, options, quiet, verbose, memory);
        return result.Succeeded ? 0 : 1;
    }
}
