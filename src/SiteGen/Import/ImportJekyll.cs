using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Import;

/// <summary>A file the import writes beside _config.yml, relative to the course folder, with its text.</summary>
public sealed record ImportedFile(string Path, string Text);

/// <summary>What happened to one file the import would write.</summary>
public enum ImportFileOutcome { Written, Unchanged, Kept }

/// <summary>The import's result: what it mapped (one line each, for the instructor), the files it made, and its diagnostics.</summary>
public sealed record ImportResult
{
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public IReadOnlyList<string> Mapped { get; init; } = [];
    public IReadOnlyList<ImportedFile> Files { get; init; } = [];
    public IReadOnlyList<(string Path, ImportFileOutcome Outcome)> Outcomes { get; init; } = [];
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);
}

/// <summary>
/// <c>sitegen import jekyll [DIR]</c>: reads a Jekyll course (its _config.yml, collection, pages and home page) and
/// writes SiteGen's configuration beside it, so <c>sitegen build</c> in that folder builds the course with its old URLs.
/// It never changes, moves or deletes a course file; a file it would write that exists with other content is kept.
/// </summary>
public static partial class ImportJekyll
{
    /// <summary>The SiteGen version the written workflow installs: the CLI package's own version (a test keeps the two equal).</summary>
    public const string ToolVersion = "0.1.0";

    public const string WorkflowPath = ".github/workflows/pages.yml";

    /// <summary>Folders a Jekyll course never publishes as they are, or that SiteGen copies anyway.</summary>
    private static readonly HashSet<string> NotAssets = new(StringComparer.Ordinal) { "Lectures", "images", "site", "node_modules", "vendor", "templates", "content" };

    [GeneratedRegex(@"\{%.*?%\}|\{\{(?!-?\s*site\.baseurl\s*-?\}\}).*?\}\}", RegexOptions.Singleline)]
    private static partial Regex PageLiquid();

    [GeneratedRegex(@"map:\s*['""]tags['""]|\.tags\s+contains")]
    private static partial Regex TagsLoop();

    [GeneratedRegex(@"^permalink:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OwnPermalink();

    [GeneratedRegex(@"\b(20\d\d)\b")]
    private static partial Regex Year();

    public static ImportResult Run(string courseDir, bool write = true)
    {
        var diagnostics = new DiagnosticBag();
        var mapped = new List<string>();
        var root = Path.GetFullPath(courseDir);
        var content = new ContentSource(root, Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
        var configPath = Path.Combine(root, JekyllConfig.FileName);
        if (!File.Exists(configPath))
        {
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, content.Display(JekyllConfig.FileName), 1, 1,
                $"{content.DisplayPrefix}/ holds no _config.yml, so it is not a Jekyll site; nothing was imported.",
                "Run `sitegen import jekyll DIR` with the folder of the course repository (the one holding _config.yml).");
            return new ImportResult { Diagnostics = diagnostics.Items };
        }
        var jekyll = JekyllConfig.Parse(ReadText(configPath), content.Display(JekyllConfig.FileName), diagnostics);
        if (jekyll is null) return new ImportResult { Diagnostics = diagnostics.Items };
        var baseUrl = LoadConfig.NormaliseBaseUrl(jekyll.BaseUrl);

        var collection = SessionCollection(root, jekyll, content, diagnostics);
        if (collection is null) return new ImportResult { Diagnostics = diagnostics.Items };
        var folder = "_" + collection.Name;
        var sessionUrl = SessionUrl(collection, jekyll, content, diagnostics);
        mapped.Add($"sessions: {folder}/*.md ({Directory.GetFiles(Path.Combine(root, folder), "*.md").Length} files) at {baseUrl}{sessionUrl.Replace(":name", "NAME", StringComparison.Ordinal)}");
        if (collection.SortBy is { } sortBy && sortBy != "LOrder")
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(JekyllConfig.FileName), collection.Line, 1,
                $"The collection is sorted by '{sortBy}', which SiteGen does not read; sessions are ordered by LOrder, then file name.",
                "Give the sessions LOrder: values in that order if the schedule's order differs.");

        // The sessions as the build reads them, in the build's order: the row counter walks them as the loop did.
        var config = SiteConfig.Default with { BaseUrl = baseUrl, Layout = new CourseLayout { SessionsFolder = folder } };
        var sessions = ReadSessions.Run(content, config, new DiagnosticBag());
        foreach (var nested in Directory.GetDirectories(Path.Combine(root, folder)).Where(d => Directory.EnumerateFiles(d, "*.md", SearchOption.AllDirectories).Any()))
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display($"{folder}/{Path.GetFileName(nested)}"), 1, 1,
                $"{folder}/{Path.GetFileName(nested)}/ holds session files; SiteGen reads only the files directly in {folder}/, so they are not on the schedule.",
                $"Move them up into {folder}/ (their URLs become /{sessionUrl.Replace(":name", "NAME", StringComparison.Ordinal)}).");
        if (FirstOutOfJekyllsOrder(sessions, collection.SortBy == "LOrder", DateOnly.FromDateTime(DateTime.UtcNow)) is var (moved, shown, count))
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(moved.File), 1, 1,
                $"Jekyll showed {Path.GetFileName(moved.File)} where SiteGen shows {Path.GetFileName(shown.File)}: Jekyll puts dated sessions (date:) in date order before undated ones, SiteGen keeps LOrder, then file name; {count} session(s) move.",
                "Give the sessions LOrder: values in the order the old site showed them, or remove a date: that should not order them.");

        var pagesAreHtmlFiles = PagesAreHtmlFiles(jekyll);
        var (pages, sessionsPage, tagsPage) = Pages(root, content, collection.Name, jekyll.Exclude, pagesAreHtmlFiles, mapped, diagnostics);
        var assets = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(d => !d.StartsWith('_') && !d.StartsWith('.') && !NotAssets.Contains(d) && !jekyll.Exclude.Contains(d)).Order(StringComparer.Ordinal).ToList();
        if (assets.Count > 0) mapped.Add($"assets: {string.Join(", ", assets.Select(a => a + "/"))} copied as they are (Lectures/ and images/ always are)");

        JekyllHome? home = null;
        var indexPath = Path.Combine(root, "index.html");
        if (!File.Exists(indexPath)) indexPath = Path.Combine(root, "index.md");
        if (File.Exists(indexPath))
        {
            var siteValues = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["title"] = jekyll.Title, ["description"] = jekyll.Description, ["tagline"] = jekyll.Tagline, ["url"] = jekyll.Url,
            };
            home = JekyllHomeReader.Read(ReadText(indexPath), content.Display(Path.GetFileName(indexPath)), baseUrl, siteValues, collection.Name, diagnostics);
            if (home is null) return new ImportResult { Diagnostics = diagnostics.Items };
            mapped.Add($"{Path.GetFileName(indexPath)}: {home.IntroHtml.Length} characters above the schedule -> home_intro in site.yml");
        }

        var year = TermYear(jekyll, baseUrl);
        var schedule = home is null ? [] : ScheduleRows(home, sessions, year, content, mapped, diagnostics);
        var files = new List<ImportedFile>
        {
            new(LoadConfig.FileName, SiteYml(jekyll, baseUrl, folder, sessionUrl, pagesAreHtmlFiles, sessionsPage, tagsPage, pages, assets, home?.IntroHtml ?? "")),
            new(ScheduleFile.DefaultName, ScheduleYml(schedule, sessions)),
        };
        if (!File.Exists(Path.Combine(root, WorkflowPath)))
            files.Add(new ImportedFile(WorkflowPath, Workflow()));
        else mapped.Add($"{WorkflowPath} exists and is kept");

        var outcomes = new List<(string, ImportFileOutcome)>();
        if (diagnostics.ErrorCount == 0)
            foreach (var file in files)
                outcomes.Add((file.Path, write ? Write(root, file, content, diagnostics) : ImportFileOutcome.Unchanged));
        return new ImportResult { Diagnostics = diagnostics.Items, Mapped = mapped, Files = files, Outcomes = outcomes };
    }

    private static string ReadText(string path) => FrontMatter.Normalise(File.ReadAllText(path));

    private static ImportFileOutcome Write(string root, ImportedFile file, ContentSource content, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(root, file.Path);
        var bytes = Encoding.UTF8.GetBytes(file.Text);
        if (File.Exists(path))
        {
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return ImportFileOutcome.Unchanged;
            diagnostics.Warning(DiagnosticCodes.ImportKept, content.Display(file.Path), 1, 1,
                $"{file.Path} exists with other content (edited since the import?); it is kept as it is.",
                $"Delete {file.Path} and run the import again to have it written anew.");
            return ImportFileOutcome.Kept;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return ImportFileOutcome.Written;
    }

    /// <summary>The output collection whose folder holds the most .md files: the sessions.</summary>
    private static JekyllCollection? SessionCollection(string root, JekyllConfig jekyll, ContentSource content, DiagnosticBag diagnostics)
    {
        int Count(JekyllCollection c) => Directory.Exists(Path.Combine(root, "_" + c.Name)) ? Directory.GetFiles(Path.Combine(root, "_" + c.Name), "*.md").Length : 0;
        var best = jekyll.Collections.Where(c => c.Output && Count(c) > 0).OrderByDescending(Count).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? jekyll.Collections.Where(c => Count(c) > 0).OrderByDescending(Count).FirstOrDefault();
        if (best is null)
            diagnostics.Error(DiagnosticCodes.ImportUnreadable, content.Display(JekyllConfig.FileName), 1, 1,
                jekyll.Collections.Count == 0
                    ? "_config.yml declares no collections:, so there is no collection of session files; nothing was imported."
                    : $"No collection folder ({string.Join(", ", jekyll.Collections.Select(c => "_" + c.Name + "/"))}) holds .md files; nothing was imported.",
                "SiteGen imports courses whose sessions are a Jekyll collection, e.g. collections: { contents: { output: true } } with _contents/*.md.");
        else if (!best.Output)
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(JekyllConfig.FileName), best.Line, 1,
                $"The collection '{best.Name}' has no output: true, so Jekyll made no pages of it; SiteGen builds a page per session.", null);
        return best;
    }

    /// <summary>
    /// The session URL below the base URL as site.yml's session_url writes it ("contents/:name/" or
    /// "contents/:name.html"), from the collection's permalink. Jekyll's default for a collection is
    /// /:collection/:path:output_ext, a .html file per session; an extensionless one (/:collection/:name) is written as
    /// NAME.html too, which GitHub Pages serves at the extensionless URL.
    /// </summary>
    private static string SessionUrl(JekyllCollection collection, JekyllConfig jekyll, ContentSource content, DiagnosticBag diagnostics)
    {
        var pattern = collection.Permalink ?? jekyll.Permalink ?? "";
        var expanded = pattern switch
        {
            "pretty" => "/:collection/:path/",
            "" => "/:collection/:path:output_ext",
            _ => pattern.Replace(":title", ":name", StringComparison.Ordinal),
        };
        expanded = expanded.Replace(":collection", collection.Name, StringComparison.Ordinal).Replace(":path", ":name", StringComparison.Ordinal)
            .Replace(":output_ext", ".html", StringComparison.Ordinal);
        foreach (var (ending, written) in new[] { ("/:name/", ":name/"), ("/:name.html", ":name.html"), ("/:name", ":name.html") })
        {
            if (!expanded.StartsWith('/') || !expanded.EndsWith(ending, StringComparison.Ordinal)) continue;
            var folder = expanded[1..^(ending.Length - 1)];
            if (!folder.Contains(':')) return folder + written;
        }
        diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(JekyllConfig.FileName), 1, 1,
            $"The permalink '{pattern}' gives session URLs SiteGen does not make; sessions are served at /{collection.Name}/NAME/.",
            "Old links to the sessions will not resolve; use permalink: pretty (folder URLs) or /:collection/:path.html.");
        return collection.Name + "/:name/";
    }

    /// <summary>
    /// Where Jekyll's order of the collection differs from SiteGen's: the first session out of place, the session SiteGen
    /// shows there, and how many are placed differently; null when they agree. Jekyll sorts by the sort_by key (documents
    /// with it first), then by date, then by path; a document without date: is dated by the build's time, so a dated
    /// session comes before undated ones (after them when its date is in the future).
    /// </summary>
    private static (Session Moved, Session Shown, int Count)? FirstOutOfJekyllsOrder(IReadOnlyList<Session> sessions, bool sortByLOrder, DateOnly today)
    {
        if (sessions.All(s => s.Date is null)) return null;
        var jekyll = sessions
            .OrderBy(s => sortByLOrder && s.LOrder is null ? 1 : 0)
            .ThenBy(s => sortByLOrder ? s.LOrder ?? 0 : 0)
            .ThenBy(s => s.Date ?? today)
            .ThenBy(s => Path.GetFileName(s.File), StringComparer.Ordinal)
            .ToList();
        var count = jekyll.Zip(sessions).Count(p => !ReferenceEquals(p.First, p.Second));
        if (count == 0) return null;
        var at = jekyll.Zip(sessions).TakeWhile(p => ReferenceEquals(p.First, p.Second)).Count();
        return (jekyll[at], sessions[at], count);
    }

    /// <summary>
    /// Whether Jekyll wrote pages as /NAME.html: its permalink style for pages adds a slash only for "pretty" and
    /// styles ending in "/" (Jekyll's Utils.add_permalink_suffix); the default ("date") and the others give .html files.
    /// </summary>
    private static bool PagesAreHtmlFiles(JekyllConfig jekyll) =>
        !(jekyll.Permalink is "pretty" || (jekyll.Permalink?.EndsWith('/') ?? false));

    /// <summary>
    /// Top-level pages (files with front matter): pages with their own text become SiteGen pages; the all-sessions and
    /// tags pages (Liquid loops over the collection) become SiteGen's own pages at their URLs. Pages are listed in the
    /// order the old sidebar showed them (Jekyll sorts site.pages by name), layout: page ones first.
    /// </summary>
    private static (List<string> Pages, string? SessionsPage, string? TagsPage) Pages(string root, ContentSource content, string collection,
        IReadOnlySet<string> exclude, bool pagesAreHtmlFiles, List<string> mapped, DiagnosticBag diagnostics)
    {
        var pages = new List<string>();
        string? sessionsPage = null, tagsPage = null;
        var files = Directory.GetFiles(root).Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            .Where(f => !exclude.Contains(f))
            .Order(StringComparer.Ordinal).ToList();
        var nav = new List<string>();
        var hidden = new List<string>();
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = ReadText(Path.Combine(root, file));
            var split = FrontMatter.Split(text);
            var display = content.Display(file);
            if (file is "index.html" or "index.md") continue;
            if (split.Yaml is null)
            {
                if (file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".html", StringComparison.Ordinal))
                    diagnostics.Warning(DiagnosticCodes.ImportNoFrontMatter, display, 1, 1,
                        $"{file} has no front matter, so Jekyll copied it as it is; SiteGen does not publish it.",
                        $"Add front matter (--- title: ... ---) and list it under pages: in site.yml if students should see it.");
                continue;
            }
            if (file == "404.html") { mapped.Add("404.html -> SiteGen's own 404.html"); continue; }
            if (file is "atom.xml" or "feed.xml" or "sitemap.xml")
            {
                mapped.Add(file == "sitemap.xml" ? "sitemap.xml -> SiteGen's own sitemap.xml" : $"{file} -> SiteGen's own atom.xml{(file == "atom.xml" ? "" : " (the old feed URL is not kept)")}");
                continue;
            }
            if (file.EndsWith(".xml", StringComparison.Ordinal)) continue;
            var name = Path.GetFileNameWithoutExtension(file);
            // The page's URL as Jekyll gave it: its own permalink, else the site's style for pages.
            var url = "/" + (OwnPermalink().Match(split.Yaml) is { Success: true } own && ReadPages.PermalinkPath(own.Groups[1].Value.Trim('"', '\'')) is { } kept
                ? kept
                : name + (pagesAreHtmlFiles ? ".html" : "/"));
            urls[file] = url;
            var loopsOverSessions = split.Body.Contains("site." + collection, StringComparison.Ordinal) && split.Body.Contains("{%", StringComparison.Ordinal);
            if (loopsOverSessions)
            {
                var isTags = TagsLoop().IsMatch(split.Body);
                if (isTags && tagsPage is null) { tagsPage = url; mapped.Add($"{file} -> SiteGen's tags page at {tagsPage} (tag anchors kept)"); continue; }
                if (!isTags && sessionsPage is null) { sessionsPage = url; mapped.Add($"{file} -> SiteGen's all-sessions page at {sessionsPage}"); continue; }
            }
            foreach (Match m in PageLiquid().Matches(split.Body))
            {
                var before = split.Body.AsSpan(0, m.Index);
                diagnostics.Warning(DiagnosticCodes.ImportLiquid, display, split.BodyLine + before.Count('\n'), m.Index - (before.LastIndexOf('\n') + 1) + 1,
                    $"The Liquid {Regex.Replace(m.Value, @"\s+", " ")} is not understood; SiteGen shows the page with it as written.",
                    "Replace it with the text it produced.");
            }
            var isNavPage = Regex.IsMatch(split.Yaml, @"^layout:\s*page\s*$", RegexOptions.Multiline);
            (isNavPage ? nav : hidden).Add(file);
        }
        pages.AddRange(nav);
        pages.AddRange(hidden);
        foreach (var page in pages) mapped.Add($"{page} -> page at {urls[page]}");
        return (pages, sessionsPage, tagsPage);
    }
}
