using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Finder;

namespace SiteGen.Cli;

/// <summary>`sitegen find`: search the whole merged catalog (readings and every listing entry) for candidate readings.</summary>
internal static class FindCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Lucene query: words, \"a phrase\", title:/authors:/abstract:, prefix*, fuzzy~, -exclude, AND/OR.", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "" };
        var content = new Option<string>("--content") { Description = "Course content folder.", DefaultValueFactory = _ => "content" };
        var output = new Option<string>("--out") { Description = "The site folder of `build`: the index is kept beside it, never in it.", DefaultValueFactory = _ => "site" };
        var unassigned = new Option<bool>("--unassigned") { Description = "Only papers that no session assigns." };
        var since = new Option<string?>("--since") { Description = "Only papers dated on or after this day (YYYY-MM-DD)." };
        var source = new Option<string?>("--source") { Description = "Only papers from this file (listings/x.txt, or its name)." };
        var like = new Option<string?>("--like") { Description = "Papers like this session's readings (sessions/FILE.md), unassigned ones first." };
        var limit = new Option<int>("--limit") { Description = "How many papers to print.", DefaultValueFactory = _ => 20 };
        var format = new Option<string>("--format") { Description = "text, json, or markdown (reading blocks to paste into a session).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("find", "Search the merged catalog (every reading and listing entry) for candidate readings; the index is made on first use and kept beside the site folder.")
        {
            query, content, output, unassigned, since, source, like, limit, format,
        };
        command.SetAction(result =>
        {
            DateOnly? sinceDay = null;
            if (result.GetValue(since) is { } sinceText)
            {
                if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    Console.Error.WriteLine($"--since(1,1): error SG6001: \"{sinceText}\" is not a date. Hint: Write it as YYYY-MM-DD, e.g. --since 2025-01-31.");
                    return 1;
                }
                sinceDay = day;
            }
            var request = new FindRequest
            {
                Query = result.GetValue(query) ?? "", UnassignedOnly = result.GetValue(unassigned), Since = sinceDay, Source = result.GetValue(source),
                Like = result.GetValue(like), Limit = result.GetValue(limit),
            };
            return Run(new FinderOptions { ContentDir = result.GetValue(content)!, OutDir = result.GetValue(output)! }, request, result.GetValue(format)!);
        });
        return command;
    }

    private static int Run(FinderOptions options, FindRequest request, string format)
    {
        var watch = Stopwatch.StartNew();
        FinderIndex index;
        try { index = FinderIndex.Open(options); }
        catch (FinderException e)
        {
            Console.Error.WriteLine(e.Diagnostic.ToString());
            return 1;
        }
        using (index)
        {
            PrintNotes(index, options, watch.Elapsed);
            if (index.Refresh.Papers == 0)
            {
                Console.Error.WriteLine($"note: the catalog of {options.ContentDir} is empty: no session readings and no listing entries to search.");
                Console.Out.Write(format == "json" ? FindOutput.Json(new FindResult([], 0)) : format == "text" ? FindOutput.Text(new FindResult([], 0)) : "");
                return 0;
            }
            var found = Finder.Finder.Search(index, request);
            if (found.Problem is { } problem)
            {
                var where = request.Like is not null && problem.Code == DiagnosticCodes.FinderLikeSession ? "--like" : "query";
                Console.Error.WriteLine($"{where}(1,{problem.Column.ToString(CultureInfo.InvariantCulture)}): error {problem.Code}: {problem.Message} Hint: {problem.Hint}");
                return 1;
            }
            Console.Out.Write(format switch { "json" => FindOutput.Json(found), "markdown" => FindOutput.Markdown(found), _ => FindOutput.Text(found) });
            return 0;
        }
    }

    /// <summary>What happened to the index, on stderr so that JSON and markdown on stdout stay clean.</summary>
    private static void PrintNotes(FinderIndex index, FinderOptions options, TimeSpan elapsed)
    {
        var refresh = index.Refresh;
        if (refresh.RebuiltBecause is { } why)
            Console.Error.WriteLine($"{options.IndexDir}(1,1): warning {DiagnosticCodes.FinderIndexRebuilt}: The finder index was rebuilt: {why}. Hint: Nothing to do; it is made again from the content.");
        var seconds = elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        if (refresh.Built)
            Console.Error.WriteLine($"note: indexed {refresh.Papers.ToString(CultureInfo.InvariantCulture)} paper(s) in {seconds} s into {options.IndexDir}");
        else if (!refresh.Unchanged)
            Console.Error.WriteLine($"note: index refreshed in {seconds} s: {refresh.Added} added, {refresh.Changed} changed, {refresh.Removed} removed ({refresh.Papers} papers)");
        var errors = index.Diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0)
            Console.Error.WriteLine($"note: the content has {errors} error(s); the catalog holds what could be read. Run `sitegen check` for the list.");
    }
}
