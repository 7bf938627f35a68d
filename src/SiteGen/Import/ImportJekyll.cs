using System.Globalization;
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
        var sessionPath = SessionPath(collection, jekyll, content, diagnostics);
        mapped.Add($"sessions: {folder}/*.md ({Directory.GetFiles(Path.Combine(root, folder), "*.md").Length} files) at {baseUrl}{sessionPath}NAME/");
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
                $"Move them up into {folder}/ (their URLs become /{sessionPath}NAME/).");
        // Jekyll orders documents with equal sort keys by date before path: a course that dates sessions may be in another order.
        if (sessions.FirstOrDefault(s => s.Date is not null) is { } dated)
            diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(dated.File), 1, 1,
                $"{Path.GetFileName(dated.File)} has a date:; Jekyll put dated sessions in date order, SiteGen keeps LOrder, then file name.",
                "Check the schedule's order after `sitegen build`; give sessions LOrder: values where it differs.");

        var (pages, sessionsPage, tagsPage) = Pages(root, content, collection.Name, jekyll.Exclude, mapped, diagnostics);
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
            new(LoadConfig.FileName, SiteYml(jekyll, baseUrl, folder, sessionPath, sessionsPage, tagsPage, pages, assets, home?.IntroHtml ?? "")),
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

    /// <summary>The collection's URL as a session path: pretty permalinks (Jekyll's /:collection/:path/) and /x/:name/ patterns.</summary>
    private static string SessionPath(JekyllCollection collection, JekyllConfig jekyll, ContentSource content, DiagnosticBag diagnostics)
    {
        var pattern = collection.Permalink ?? jekyll.Permalink ?? "";
        var expanded = pattern switch
        {
            "pretty" => "/:collection/:path/",
            _ => pattern.Replace(":title", ":name", StringComparison.Ordinal),
        };
        expanded = expanded.Replace(":collection", collection.Name, StringComparison.Ordinal).Replace(":path", ":name", StringComparison.Ordinal);
        if (expanded.StartsWith('/') && expanded.EndsWith("/:name/", StringComparison.Ordinal) && !expanded[..^7].Contains(':'))
            return expanded[1..^6];
        diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display(JekyllConfig.FileName), 1, 1,
            $"The permalink '{(pattern.Length == 0 ? "(Jekyll's default, /:collection/:path.html)" : pattern)}' gives session URLs SiteGen does not make; sessions are served at /{collection.Name}/NAME/.",
            "Old links to the sessions' .html pages will not resolve; add permalink: pretty to keep folder URLs.");
        return collection.Name + "/";
    }

    /// <summary>
    /// Top-level pages (files with front matter): pages with their own text become SiteGen pages; the all-sessions and
    /// tags pages (Liquid loops over the collection) become SiteGen's own pages at their URLs. Pages are listed in the
    /// order the old sidebar showed them (Jekyll sorts site.pages by name), layout: page ones first.
    /// </summary>
    private static (List<string> Pages, string? SessionsPage, string? TagsPage) Pages(string root, ContentSource content, string collection,
        IReadOnlySet<string> exclude, List<string> mapped, DiagnosticBag diagnostics)
    {
        var pages = new List<string>();
        string? sessionsPage = null, tagsPage = null;
        var files = Directory.GetFiles(root).Select(Path.GetFileName).OfType<string>()
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            .Where(f => !exclude.Contains(f))
            .Order(StringComparer.Ordinal).ToList();
        var nav = new List<string>();
        var hidden = new List<string>();
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
            var loopsOverSessions = split.Body.Contains("site." + collection, StringComparison.Ordinal) && split.Body.Contains("{%", StringComparison.Ordinal);
            if (loopsOverSessions)
            {
                var isTags = TagsLoop().IsMatch(split.Body);
                if (isTags && tagsPage is null) { tagsPage = "/" + name + "/"; mapped.Add($"{file} -> SiteGen's tags page at {tagsPage} (tag anchors kept)"); continue; }
                if (!isTags && sessionsPage is null) { sessionsPage = "/" + name + "/"; mapped.Add($"{file} -> SiteGen's all-sessions page at {sessionsPage}"); continue; }
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
        foreach (var page in pages) mapped.Add($"{page} -> page at /{Path.GetFileNameWithoutExtension(page)}/");
        return (pages, sessionsPage, tagsPage);
    }

    /// <summary>The term's year: the first 20xx in the tagline, title, description or base URL.</summary>
    private static int? TermYear(JekyllConfig jekyll, string baseUrl)
    {
        foreach (var text in new[] { jekyll.Tagline, jekyll.Title, jekyll.Description, baseUrl })
            if (Year().Match(text) is { Success: true } m) return int.Parse(m.Value, CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>
    /// The loop's rows made explicit: the counter advances on each session that is not a banner or a flagged row, and
    /// the session gets each array's value at that position. MMDD dates get the term's year, the next one after December.
    /// </summary>
    private static Dictionary<string, ScheduleEntry> ScheduleRows(JekyllHome home, IReadOnlyList<Session> sessions, int? year, ContentSource content,
        List<string> mapped, DiagnosticBag diagnostics)
    {
        var rows = new Dictionary<string, ScheduleEntry>(StringComparer.Ordinal);
        if (home.Arrays.Count == 0) return rows;
        var counter = 0;
        var previousMonth = 0;
        var termYear = year;
        var filled = home.Arrays.ToDictionary(a => a.Name, _ => 0, StringComparer.Ordinal);
        foreach (var s in sessions)
        {
            if (home.SkipTitle is { } banner && s.Title.Contains(banner, StringComparison.Ordinal)) continue;
            if (home.SkipFlags.Any(flag => IsFlagSet(s, flag))) continue;
            counter++;
            var entry = new ScheduleEntry();
            foreach (var array in home.Arrays)
            {
                var value = counter < array.Values.Count ? array.Values[counter].Trim() : "";
                if (value.Length == 0) continue;
                filled[array.Name]++;
                entry = array.Field switch
                {
                    "date" => DateEntry(entry, value, ref termYear, ref previousMonth),
                    "week" => entry with { Week = value },
                    "quiz" => entry with { Quiz = value },
                    "homework" => entry with { Homework = value },
                    "talk" => entry with { Talk = value },
                    _ => entry with { Project = value },
                };
            }
            if (entry != new ScheduleEntry()) rows[s.Name] = entry;
        }
        foreach (var array in home.Arrays)
        {
            var values = array.Values.Skip(1).Count(v => v.Trim().Length > 0);
            mapped.Add($"{array.Name} ({values} values) -> {array.Field} of {filled[array.Name]} sessions in schedule.yml");
            if (values > filled[array.Name])
                diagnostics.Warning(DiagnosticCodes.ImportLiquid, content.Display("index.html"), array.Line, 1,
                    $"{array.Name} has {values} values but only {counter} sessions advance the row counter; the last {values - filled[array.Name]} are not imported.",
                    "Check the end of schedule.yml: a session may be missing, or the array has values for classes without a session file.");
        }
        return rows;
    }

    /// <summary>What Liquid's truthiness gives for the flags these loops test: extra and platform (as the build reads them).</summary>
    private static bool IsFlagSet(Session s, string flag) => flag switch
    {
        "extra" => s.IsExtra,
        "platform" => s.IsPlatform,
        "background" => s.IsBackground,
        "exam" => s.IsExam,
        _ => false,
    };

    /// <param name="year">The year of the dates so far; it advances when the months go back (a fall term running into January).</param>
    private static ScheduleEntry DateEntry(ScheduleEntry entry, string value, ref int? year, ref int previousMonth)
    {
        if (year is { } y && value.Length == 4 && value.All(char.IsAsciiDigit))
        {
            var month = int.Parse(value[..2], CultureInfo.InvariantCulture);
            var day = int.Parse(value[2..], CultureInfo.InvariantCulture);
            if (month < previousMonth) y++;
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month))
            {
                (year, previousMonth) = (y, month);
                return entry with { Date = new DateOnly(y, month, day) };
            }
        }
        return entry with { DateText = value };
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string SiteYml(JekyllConfig jekyll, string baseUrl, string folder, string sessionPath, string? sessionsPage, string? tagsPage,
        IReadOnlyList<string> pages, IReadOnlyList<string> assets, string intro)
    {
        var b = new StringBuilder();
        b.Append("# SiteGen's settings for this course, written once by `sitegen import jekyll` from _config.yml and index.html.\n");
        b.Append("# Edit freely: the import never overwrites a file that changed. `sitegen build` here builds the site into _site/.\n");
        b.Append("title: ").Append(Quote(jekyll.Title)).Append('\n');
        b.Append("description: ").Append(Quote(jekyll.Description)).Append('\n');
        if (jekyll.Tagline.Length > 0) b.Append("term: ").Append(Quote(jekyll.Tagline)).Append('\n');
        if (jekyll.Author.Length > 0) b.Append("author: ").Append(Quote(jekyll.Author)).Append('\n');
        b.Append("baseurl: ").Append(baseUrl).Append('\n');
        if (jekyll.Url.Length > 0) b.Append("url: ").Append(jekyll.Url.TrimEnd('/')).Append('\n');
        b.Append("# The Jekyll collection's folder and URLs, so every old link keeps working.\n");
        b.Append("sessions: ").Append(folder).Append('\n');
        b.Append("session_url: /").Append(sessionPath).Append(":name/\n");
        if (sessionsPage is not null) b.Append("sessions_page: ").Append(sessionsPage).Append('\n');
        if (tagsPage is not null) b.Append("tags_page: ").Append(tagsPage).Append('\n');
        if (pages.Count > 0)
        {
            b.Append("pages:\n");
            foreach (var page in pages) b.Append("  - ").Append(page).Append('\n');
        }
        if (assets.Count > 0)
        {
            b.Append("assets:\n");
            foreach (var asset in assets) b.Append("  - ").Append(asset).Append('\n');
        }
        b.Append("# Dates, weeks, quizzes, homework: one entry per session, by file name.\n");
        b.Append("schedule: ").Append(ScheduleFile.DefaultName).Append('\n');
        if (intro.Length > 0)
        {
            b.Append("# Shown on the home page above the schedule (HTML).\n");
            // An explicit indentation indicator: the first line may be indented more than the rest.
            b.Append("home_intro: |2-\n");
            foreach (var line in intro.Split('\n')) b.Append(line.TrimEnd().Length == 0 ? "" : "  " + line.TrimEnd()).Append('\n');
        }
        return b.ToString();
    }

    private static string ScheduleYml(IReadOnlyDictionary<string, ScheduleEntry> rows, IReadOnlyList<Session> sessions)
    {
        var b = new StringBuilder();
        b.Append("# Each session's row on the home page, by session file name (imported from index.html's Liquid arrays).\n");
        b.Append("# date: YYYY-MM-DD (other text is shown as written); week, quiz, homework, talk, project: text.\n");
        b.Append("# A date here wins over the session's own date:, which wins over term_start/meeting_days in site.yml.\n");
        b.Append("# Moving or adding a session no longer shifts the others' dates: each keeps its own entry.\n");
        foreach (var s in sessions)
        {
            if (!rows.TryGetValue(s.Name, out var row)) continue;
            b.Append(Quote(s.Name)).Append(":\n");
            void Field(string key, string? value)
            {
                if (value is not null) b.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
            }
            if (row.Date is { } date) b.Append("  date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            Field("date", row.DateText);
            Field("week", row.Week);
            Field("quiz", row.Quiz);
            Field("homework", row.Homework);
            Field("talk", row.Talk);
            Field("project", row.Project);
        }
        if (rows.Count == 0) b.Append("{}\n");
        return b.ToString();
    }

    private static string Workflow() => $$$"""
        # Builds the course site with SiteGen and publishes it with GitHub Pages (written by `sitegen import jekyll`).
        # In the repository's settings, set Pages -> Build and deployment -> Source to "GitHub Actions".
        name: Publish course site

        on:
          push:
            branches: [main, master]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: 10.0.x
              # SiteGen at a pinned version: a new release changes the site only when this line changes.
              - name: Install SiteGen
                run: dotnet tool install --tool-path .sitegen SiteGen.Cli --version {{{ToolVersion}}}
              # The base URL is site.yml's baseurl (the old _config.yml's): every internal URL starts with it.
              - name: Build site
                run: .sitegen/sitegen build --out _site --clean
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: _site

          deploy:
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;
}
