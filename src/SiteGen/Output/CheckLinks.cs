using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Rendering;

namespace SiteGen.Output;

/// <summary>
/// Checks every internal href/src in the built pages against the files being written, so a broken link is a warning
/// at build time instead of a 404 for a student. A byte scan rather than a DOM parse: it runs on every page of every build.
/// </summary>
public static class CheckLinks
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
        foreach (var url in LinkUrls(file.Bytes))
        {
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

    /// <summary>
    /// The value of every <c>href="…"</c> and <c>src="…"</c> in the page, left to right, HTML-decoded. Scans the UTF-8
    /// bytes for <c>="</c> and looks back for the attribute name, so only the URLs become strings (a regex over the
    /// decoded page cost more than a third of this stage).
    /// </summary>
    internal static List<string> LinkUrls(ReadOnlySpan<byte> html)
    {
        var urls = new List<string>();
        var at = 0;
        while (true)
        {
            var found = html[at..].IndexOf("=\""u8);
            if (found < 0) break;
            var equals = at + found;
            var before = html[..equals];
            if (!before.EndsWith("href"u8) && !before.EndsWith("src"u8))
            {
                at = equals + 1;
                continue;
            }
            var start = equals + 2;
            var length = html[start..].IndexOf((byte)'"');
            if (length < 0) break; // no closing quote anywhere after: no more links either
            var url = Encoding.UTF8.GetString(html.Slice(start, length));
            urls.Add(url.Contains('&') ? System.Net.WebUtility.HtmlDecode(url) : url);
            at = start + length + 1;
        }
        return urls;
    }

    private static void Report(OutputFile file, string message, IReadOnlyDictionary<string, string> pageSources, DiagnosticBag diagnostics)
    {
        var source = pageSources.TryGetValue(file.Path, out var s) ? s : "site/" + file.Path;
        diagnostics.Warning(DiagnosticCodes.BrokenInternalLink, source, 1, 1, message,
            "Fix the link in the source, or add the missing file (slide decks go in Lectures/, images beside the content).");
    }

}
