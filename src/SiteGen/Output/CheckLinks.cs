using System.Buffers;
using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Model;

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
        var lookup = existing.GetAlternateLookup<ReadOnlySpan<char>>();
        // Most links are plain ASCII paths that exist: they are decoded into this buffer and looked up as spans, so
        // only a broken link, or one that needs HTML- or %-decoding, becomes a string (strings were a third of the stage).
        var buffer = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            var html = file.Bytes.AsSpan();
            foreach (var (start, length) in new LinkValues(html))
            {
                var raw = html.Slice(start, length);
                if (raw.IsEmpty || raw[0] != (byte)'/' || raw.StartsWith("//"u8)) continue;
                if (raw.Contains((byte)'&') || raw.Contains((byte)'%') || Encoding.UTF8.GetMaxCharCount(length) + "/index.html".Length > buffer.Length)
                {
                    if (CheckDecoded(DecodeValue(raw), baseUrl, existing) is { } problem) problems.Add(Problem(problem.Url, problem.Outside, baseUrl, file));
                    continue;
                }
                var chars = buffer.AsSpan(0, Encoding.UTF8.GetChars(raw, buffer));
                var end = chars.IndexOfAny('#', '?');
                var path = end < 0 ? chars : chars[..end];
                if (!path.StartsWith(baseUrl, StringComparison.Ordinal))
                {
                    problems.Add(Problem(new string(chars), outside: true, baseUrl, file));
                    continue;
                }
                var relativeLength = path.Length - baseUrl.Length;
                if (relativeLength == 0 || path[^1] == '/')
                {
                    "index.html".CopyTo(buffer.AsSpan(path.Length));
                    relativeLength += "index.html".Length;
                }
                // The buffer now holds "index.html" where a fragment or query may have been: the URL comes from the bytes.
                if (!Exists(lookup, buffer.AsSpan(baseUrl.Length, relativeLength)))
                    problems.Add(Problem(Encoding.UTF8.GetString(raw), outside: false, baseUrl, file));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return problems;
    }

    /// <summary>A link whose value needed decoding: the same checks on strings. Null when it is fine.</summary>
    private static (string Url, bool Outside)? CheckDecoded(string url, string baseUrl, HashSet<string> existing)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return null;
        var path = url.Split('#', '?')[0];
        if (!path.StartsWith(baseUrl, StringComparison.Ordinal)) return (url, true);
        var relative = Uri.UnescapeDataString(path[baseUrl.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        return Exists(existing.GetAlternateLookup<ReadOnlySpan<char>>(), relative) ? null : (url, false);
    }

    private static bool Exists(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> relative)
    {
        if (lookup.Contains(relative)) return true;
        var length = relative.Length + "/index.html".Length;
        var rented = length > 512 ? ArrayPool<char>.Shared.Rent(length) : null;
        var withIndex = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
        relative.CopyTo(withIndex);
        "/index.html".CopyTo(withIndex[relative.Length..]);
        // GitHub Pages (and serve) answer /x/NAME from NAME.html, the file an extensionless Jekyll permalink makes.
        var found = lookup.Contains(withIndex);
        if (!found)
        {
            ".html".CopyTo(withIndex[relative.Length..]);
            found = lookup.Contains(withIndex[..(relative.Length + ".html".Length)]);
        }
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return found;
    }

    private static (string Url, string Message) Problem(string url, bool outside, string baseUrl, OutputFile file) =>
        (url, outside ? $"Link {url} is outside the site's base URL {baseUrl}." : $"Link {url} on {file.Path} points to nothing the build writes.");

    private static string DecodeValue(ReadOnlySpan<byte> value)
    {
        var url = Encoding.UTF8.GetString(value);
        return url.Contains('&') ? System.Net.WebUtility.HtmlDecode(url) : url;
    }

    /// <summary>
    /// Where each <c>href="…"</c> and <c>src="…"</c> value lies in the page's bytes, left to right. Scans the UTF-8
    /// bytes for <c>="</c> and looks back for the attribute name, so only the URLs that need it become strings.
    /// </summary>
    private ref struct LinkValues(ReadOnlySpan<byte> html)
    {
        private readonly ReadOnlySpan<byte> _html = html;
        private int _at;

        public (int Start, int Length) Current { get; private set; }

        public readonly LinkValues GetEnumerator() => this;

        public bool MoveNext()
        {
            while (true)
            {
                var found = _html[_at..].IndexOf("=\""u8);
                if (found < 0) return false;
                var equals = _at + found;
                var before = _html[..equals];
                if (!before.EndsWith("href"u8) && !before.EndsWith("src"u8))
                {
                    _at = equals + 1;
                    continue;
                }
                var start = equals + 2;
                var length = _html[start..].IndexOf((byte)'"');
                if (length < 0) return false; // no closing quote anywhere after: no more links either
                Current = (start, length);
                _at = start + length + 1;
                return true;
            }
        }
    }

    private static void Report(OutputFile file, string message, IReadOnlyDictionary<string, string> pageSources, DiagnosticBag diagnostics)
    {
        var source = pageSources.TryGetValue(file.Path, out var s) ? s : "site/" + file.Path;
        diagnostics.Warning(DiagnosticCodes.BrokenInternalLink, source, 1, 1, message,
            "Fix the link in the source, or add the missing file (slide decks go in Lectures/, images beside the content).");
    }

}
