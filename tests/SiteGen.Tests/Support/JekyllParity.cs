using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

/// <summary>
/// Compares a course site Jekyll built with the same course built by SiteGen, as students see them: the page URLs, and
/// the home page's schedule (order, dates, week labels, slide links, titles, quiz column) and notices.
/// </summary>
public static partial class JekyllParity
{
    /// <summary>One measure: how many of the Jekyll site's items SiteGen's site has, and which it lacks.</summary>
    public sealed record Measure(string Name, int Good, int Total, IReadOnlyList<string> Misses)
    {
        public override string ToString() => $"{Name} {Good}/{Total}" + (Misses.Count > 0 ? ": " + string.Join("; ", Misses.Take(5)) : "");
    }

    /// <summary>A row of a home page's schedule.</summary>
    public sealed record Row(string Key, string Title, (int Month, int Day)? Date, string? Week, string? Slide, string Text);

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Every measure; each should be Good == Total.</summary>
    public static IReadOnlyList<Measure> Compare(string jekyllSite, string siteGenSite, string baseUrl)
    {
        var jekyllPages = HtmlPages(jekyllSite);
        var missing = jekyllPages.Where(p => !Exists(siteGenSite, p)).ToList();
        var sessionDirs = jekyllPages.Where(p => p.TrimEnd('/').Count(c => c == '/') == 1).Select(p => p.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var jekyll = Schedule(jekyllSite, baseUrl, sessionDirs);
        var siteGen = Schedule(siteGenSite, baseUrl, sessionDirs);
        var byKey = siteGen.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var measures = new List<Measure> { new("urls", jekyllPages.Count - missing.Count, jekyllPages.Count, missing) };
        var common = jekyll.Select(r => r.Key).Where(byKey.ContainsKey).ToList();
        var siteGenOrder = siteGen.Select(r => r.Key).Where(common.Contains).ToList();
        measures.Add(new("order", common.Zip(siteGenOrder).Count(p => p.First == p.Second), jekyll.Count,
            jekyll.Where(r => !byKey.ContainsKey(r.Key)).Select(r => "not on the schedule: " + r.Key)
                .Concat(common.Zip(siteGenOrder).Where(p => p.First != p.Second).Select(p => $"{p.First} where SiteGen has {p.Second}")).ToList()));
        Row? Other(Row r) => byKey.GetValueOrDefault(r.Key);
        measures.Add(Score("dates", jekyll.Where(r => r.Date is not null), r => Other(r)?.Date == r.Date, r => $"{r.Key}: {r.Date} vs {Other(r)?.Date}"));
        measures.Add(Score("weeks", jekyll.Where(r => r.Week is not null),
            r => Other(r) is { } s && Regex.IsMatch(s.Text, @"\b" + Regex.Escape(r.Week!) + @"\b"), r => $"{r.Key}: {r.Week}"));
        measures.Add(Score("slides", jekyll.Where(r => r.Slide is not null), r => SlideKept(r, Other(r), jekyllSite, siteGenSite), r => $"{r.Key}: {r.Slide} vs {Other(r)?.Slide}"));
        measures.Add(Score("titles", jekyll, r => Other(r)?.Title == r.Title, r => $"{r.Key}: '{r.Title}' vs '{Other(r)?.Title}'"));
        measures.Add(Score("quizzes", jekyll.Where(r => QuizLabel(r.Text) is not null),
            r => Other(r) is { } s && Regex.IsMatch(s.Text, @"\b" + Regex.Escape(QuizLabel(r.Text)!) + @"\b"), r => $"{r.Key}: {QuizLabel(r.Text)}"));
        var (good, wanted, lost) = Notices(jekyllSite, siteGenSite);
        measures.Add(new("notices", good, wanted, lost));
        return measures;
    }

    private static Measure Score(string name, IEnumerable<Row> rows, Func<Row, bool> kept, Func<Row, string> describe)
    {
        var list = rows.ToList();
        return new Measure(name, list.Count(kept), list.Count, list.Where(r => !kept(r)).Select(describe).ToList());
    }

    /// <summary>A quiz cell as the Jekyll course shows it ("Q3", "QM"), when the row has one.</summary>
    private static string? QuizLabel(string rowText) => QuizCell().Match(" " + rowText + " ") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\s(Q\d{1,2}|QM)\s")]
    private static partial Regex QuizCell();

    /// <summary>A working deck link must stay, to the same file; a broken one (".pdf.pdf") may be mended or left out.</summary>
    private static bool SlideKept(Row jekyll, Row? siteGen, string jekyllSite, string siteGenSite)
    {
        if (siteGen is null) return false;
        bool Resolves(string site, string? path) => path is not null && File.Exists(Path.Combine(site, path.TrimStart('/')));
        if (Resolves(jekyllSite, jekyll.Slide)) return siteGen.Slide == jekyll.Slide && Resolves(siteGenSite, siteGen.Slide);
        return siteGen.Slide is null || siteGen.Slide.Contains("://", StringComparison.Ordinal) || Resolves(siteGenSite, siteGen.Slide);
    }

    /// <summary>Pages of a site: folders with index.html and other .html files, site-relative ("About/", "404.html"); asset folders left out.</summary>
    public static List<string> HtmlPages(string site)
    {
        var pages = new List<string>();
        foreach (var file in Directory.GetFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(site, file).Replace('\\', '/');
            if (relative.Split('/')[0] is "public" or "assets" or "Lectures" or "images" or "notebook") continue;
            pages.Add(Path.GetFileName(relative) == "index.html" ? relative[..^"index.html".Length] : relative);
        }
        return pages.Order(StringComparer.Ordinal).ToList();
    }

    private static bool Exists(string site, string page) =>
        File.Exists(page.Length == 0 || page.EndsWith('/') ? Path.Combine(site, page, "index.html") : Path.Combine(site, page));

    public static List<Row> Schedule(string site, string baseUrl, IReadOnlySet<string> sessionDirs)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "index.html")));
        var rows = new List<Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tr in document.QuerySelectorAll("tr"))
        {
            var cells = tr.Children.Where(c => c.LocalName is "td" or "th").ToList();
            string? key = null, title = null, slide = null;
            foreach (var link in cells.SelectMany(c => c.QuerySelectorAll("a[href]")))
            {
                var path = SitePath(link.GetAttribute("href")!, baseUrl);
                var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (key is null && segments.Length == 2 && sessionDirs.Contains(segments[0]) && !path.Contains("://", StringComparison.Ordinal))
                    (key, title) = (segments[1].EndsWith(".html", StringComparison.Ordinal) ? segments[1][..^".html".Length] : segments[1], Normalise(link.TextContent));
                if (slide is null && Regex.IsMatch(path, @"\.(pdf|pptx?|key)$", RegexOptions.IgnoreCase))
                    slide = path.Contains("://", StringComparison.Ordinal) ? path : Regex.Replace(path, "/+", "/");
            }
            if (key is null || !seen.Add(key)) continue;
            var texts = cells.Select(CellText).ToList();
            var date = texts.Select(MonthDay).FirstOrDefault(d => d is not null);
            var week = texts.FirstOrDefault(t => Regex.IsMatch(t, @"^W\w{1,3}$"));
            rows.Add(new Row(key, title!, date, week, slide, string.Join(' ', texts)));
        }
        return rows;
    }

    /// <summary>A cell's text with &lt;br&gt; as a space, whitespace collapsed.</summary>
    private static string CellText(IElement cell)
    {
        var clone = (IElement)cell.Clone();
        foreach (var br in clone.QuerySelectorAll("br")) br.Replace(cell.Owner!.CreateTextNode(" "));
        return Normalise(clone.TextContent);
    }

    /// <summary>The href as a path below the base URL ("/contents/S0-L06/"), percent-decoded; absolute URLs as they are.</summary>
    private static string SitePath(string href, string baseUrl)
    {
        var path = Uri.UnescapeDataString(href.Split('#')[0].Split('?')[0]);
        return path.StartsWith(baseUrl, StringComparison.Ordinal) ? path[(baseUrl.Length - 1)..] : path;
    }

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The month and day a cell shows: "0113", "2025-01-13", "Jan 13", "Mon 13 Jan 2025", "1/13".</summary>
    public static (int Month, int Day)? MonthDay(string text)
    {
        var t = text.ToLowerInvariant();
        if (Regex.Match(t, @"^(\d{2})(\d{2})$") is { Success: true } a) return (int.Parse(a.Groups[1].Value), int.Parse(a.Groups[2].Value));
        if (Regex.Match(t, @"(\d{4})-(\d{2})-(\d{2})") is { Success: true } b) return (int.Parse(b.Groups[2].Value), int.Parse(b.Groups[3].Value));
        if (Regex.Match(t, @"\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b") is { Success: true } c && Array.IndexOf(MonthNames, c.Groups[1].Value) is >= 0 and var m1)
            return (m1 + 1, int.Parse(c.Groups[2].Value));
        if (Regex.Match(t, @"\b(\d{1,2})\s+([a-z]{3})[a-z]*\b") is { Success: true } d && Array.IndexOf(MonthNames, d.Groups[2].Value) is >= 0 and var m2)
            return (m2 + 1, int.Parse(d.Groups[1].Value));
        if (Regex.Match(t, @"^(\d{1,2})/(\d{1,2})$") is { Success: true } e) return (int.Parse(e.Groups[1].Value), int.Parse(e.Groups[2].Value));
        return null;
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "li", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "br", "hr", "ul", "ol", "table", "section", "article", "header", "footer", "nav", "aside", "main", "body",
    };

    /// <summary>Text pieces of six or more words outside tables on Jekyll's home page (the notices) that SiteGen's home page lacks.</summary>
    public static (int Good, int Total, List<string> Lost) Notices(string jekyllSite, string siteGenSite)
    {
        var wanted = TextPieces(Path.Combine(jekyllSite, "index.html")).Where(p => !p.InTable && p.Text.Split(' ').Length >= 6).Select(p => p.Text).ToList();
        var have = string.Join(' ', TextPieces(Path.Combine(siteGenSite, "index.html")).Select(p => p.Text)).ToLowerInvariant();
        var lost = wanted.Where(w => !have.Contains(w.ToLowerInvariant(), StringComparison.Ordinal)).ToList();
        return (wanted.Count - lost.Count, wanted.Count, lost);
    }

    /// <summary>The page's visible text split at block boundaries, each piece marked when it stands inside a table.</summary>
    public static List<(string Text, bool InTable)> TextPieces(string htmlFile)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(htmlFile));
        var pieces = new List<(string, bool)>();
        var current = new System.Text.StringBuilder();
        var inTable = 0;
        void Flush()
        {
            var text = Normalise(current.ToString());
            if (text.Length > 0) pieces.Add((text, inTable > 0));
            current.Clear();
        }
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text) { current.Append(text.Data); continue; }
                if (child is not IElement element || element.LocalName is "script" or "style" or "title" or "head") continue;
                var block = Blocks.Contains(element.LocalName);
                if (block) Flush();
                if (element.LocalName == "table") inTable++;
                Walk(element);
                if (block) Flush();
                if (element.LocalName == "table") inTable--;
            }
        }
        Walk(document.Body!);
        Flush();
        return pieces;
    }
}
