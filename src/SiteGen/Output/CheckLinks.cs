using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Diagnostics;
using SiteGen.Rendering;

namespace SiteGen.Output;

/// <summary>
/// Checks every internal href/src in the built pages against the files being written, so a broken link is a warning
/// at build time instead of a 404 for a student. A regex scan rather than a DOM parse: it runs on every page of every build.
/// </summary>
public static partial class CheckLinks
{
    public static void Run(string baseUrl, IReadOnlyList<OutputFile> files, IEnumerable<string> copiedPaths, IReadOnlyDictionary<string, string> pageSources, DiagnosticBag diagnostics)
    {
        var existing = new HashSet<string>(files.Select(f => f.Path).Concat(copiedPaths), StringComparer.Ordinal);
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        // Pages are scanned in parallel; problems are reported afterwards in path order.
        var problems = new List<(string Url, string Message)>[pages.Count];
        Parallel.For(0, pages.Count, i => problems[i] = Scan(pages[i], baseUrl, existing));
        // Each broken URL once, on the first page (in path order) that has it: a link in the layout is one problem, not one per page.
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
            foreach (var (url, message) in problems[i])
                if (reported.Add(url))
                    Report(pages[i], message, pageSources, diagnostics);
    }

    private static List<(string Url, string Message)> Scan(OutputFile file, string baseUrl, HashSet<string> existing)
    {
        var problems = new List<(string, string)>();
        var html = Encoding.UTF8.GetString(file.Bytes);
        foreach (Match m in Link().Matches(html))
        {
            var url = System.Net.WebUtility.HtmlDecode(m.Groups["url"].Value);
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) continue;
            var path = url.Split('#', '?')[0];
            if (!path.StartsWith(baseUrl, StringComparison.Ordinal))
            {
                problems.Add((url, $"Link {url} is outside the site's base URL {baseUrl}."));
                continue;
            }
            var relative = Uri.UnescapeDataString(path[baseUrl.Length..]);
            if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
            if (!existing.Contains(relative) && !existing.Contains(relative + "/index.html"))
                problems.Add((url, $"Link {url} on {file.Path} points to nothing the build writes."));
        }
        return problems;
    }

    private static void Report(OutputFile file, string message, IReadOnlyDictionary<string, string> pageSources, DiagnosticBag diagnostics)
    {
        var source = pageSources.TryGetValue(file.Path, out var s) ? s : "site/" + file.Path;
        diagnostics.Warning(DiagnosticCodes.BrokenInternalLink, source, 1, 1, message,
            "Fix the link in the source, or add the missing file (slide decks go in Lectures/, images beside the content).");
    }

    [GeneratedRegex("""(?:href|src)="(?<url>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Link();
}
