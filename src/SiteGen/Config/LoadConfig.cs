using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;
using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Config;

/// <summary>Stage: content/site.yml -> SiteConfig. A missing site.yml is fine: every setting has a default.</summary>
public static class LoadConfig
{
    public const string FileName = "site.yml";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "title", "description", "baseurl", "url", "term", "author", "templates", "term_start", "meeting_days", "listing_formats", "nav", "search",
        "sessions", "session_url", "sessions_page", "tags_page", "pages", "page_url", "assets", "schedule", "home_intro",
    };

    public static SiteConfig Run(ContentSource content, BuildOptions options, DiagnosticBag diagnostics)
    {
        var config = SiteConfig.Default;
        var path = Path.Combine(content.Root, FileName);
        string? scheduleFile = null;
        if (File.Exists(path) && CourseFiles.IsReadable(content.Root, path, diagnostics, _ => content.Display(FileName)))
            config = Parse(File.ReadAllText(path), content.Display(FileName), diagnostics, out scheduleFile);
        var schedulePath = Path.Combine(content.Root, scheduleFile ?? ScheduleFile.DefaultName);
        if (File.Exists(schedulePath) && CourseFiles.IsReadable(content.Root, schedulePath, diagnostics, _ => content.Display(scheduleFile ?? ScheduleFile.DefaultName)))
            config = config with { Schedule = ScheduleFile.Parse(File.ReadAllText(schedulePath), content.Display(scheduleFile ?? ScheduleFile.DefaultName), diagnostics) };
        else if (scheduleFile is not null)
            diagnostics.Warning(DiagnosticCodes.ConfigValue, content.Display(FileName), 1, 1,
                $"schedule: names {scheduleFile}, which does not exist; sessions have no schedule data.", "Fix the name in site.yml, or remove the schedule: line.");
        if (options.BaseUrl is not null)
            config = config with { BaseUrl = NormaliseBaseUrl(options.BaseUrl) };
        return config;
    }

    /// <summary>"course", "/course", "/course/", "" all become "/course/" or "/": never a double slash in URLs.</summary>
    public static string NormaliseBaseUrl(string value)
    {
        var trimmed = value.Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    /// <param name="scheduleFile">The schedule file site.yml names, or null (then schedule.yml is read when it exists).</param>
    public static SiteConfig Parse(string text, string displayPath, DiagnosticBag diagnostics, out string? scheduleFile)
    {
        scheduleFile = null;
        var config = SiteConfig.Default;
        var root = YamlText.Load(text, out var error);
        if (error is not null)
            diagnostics.Error(DiagnosticCodes.ConfigYaml, displayPath, error.Line, error.Column,
                $"site.yml is not valid YAML: {error.Message}", error.Hint ?? "Check indentation and quote values that contain ': ' or start with '{'.");
        if (root is null) return config;

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var line = (int)keyNode.Start.Line;
            var column = (int)keyNode.Start.Column;
            var scalar = (valueNode as YamlScalarNode)?.Value?.Trim() ?? "";
            switch (key)
            {
                case "title": config = config with { Title = scalar }; break;
                case "description": config = config with { Description = scalar }; break;
                case "baseurl": config = config with { BaseUrl = NormaliseBaseUrl(scalar) }; break;
                case "url": config = config with { SiteUrl = scalar.TrimEnd('/') }; break;
                case "term": config = config with { Term = scalar }; break;
                case "author": config = config with { Author = scalar }; break;
                case "templates": config = config with { Templates = scalar.Length == 0 ? null : scalar }; break;
                case "term_start":
                    if (DateOnly.TryParseExact(scalar, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                        config = config with { TermStart = start };
                    else
                        diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                            $"term_start '{scalar}' is not a date.", "Write it as YYYY-MM-DD, e.g. term_start: 2026-01-13.");
                    break;
                case "meeting_days":
                    config = config with { MeetingDays = ReadDays(valueNode, displayPath, diagnostics) };
                    break;
                case "listing_formats":
                    if (valueNode is YamlMappingNode formats)
                        config = config with
                        {
                            ListingFormats = formats.Children.ToDictionary(
                                kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ((kv.Value as YamlScalarNode)?.Value ?? "").Trim(), StringComparer.Ordinal),
                        };
                    break;
                case "nav":
                    if (valueNode is YamlSequenceNode nav)
                        config = config with { NavPages = nav.Children.OfType<YamlScalarNode>().Select(n => (n.Value ?? "").Trim()).Where(n => n.Length > 0).ToList() };
                    break;
                case "search":
                    config = config with { Search = ReadSearch(valueNode, displayPath, diagnostics) };
                    break;
                case "sessions" when RelativeFolder(scalar) is { } folder:
                    config = config with { Layout = config.Layout with { SessionsFolder = folder } };
                    break;
                case "session_url" when UrlPath(scalar, ":name/") is { } sessionPath:
                    config = config with { Layout = config.Layout with { SessionPath = sessionPath, SessionPageIsHtmlFile = false } };
                    break;
                case "session_url" when UrlPath(scalar, ":name.html") is { } sessionPath:
                    config = config with { Layout = config.Layout with { SessionPath = sessionPath, SessionPageIsHtmlFile = true } };
                    break;
                case "page_url" when scalar is "/:name/" or "/:name.html":
                    config = config with { Layout = config.Layout with { PagesAreHtmlFiles = scalar == "/:name.html" } };
                    break;
                case "page_url":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"page_url: '{scalar}' is neither /:name/ nor /:name.html; pages are served at /NAME/.",
                        "Write page_url: /:name.html for pages at /About.html (Jekyll's default), or give a page its own permalink: in its front matter.");
                    break;
                case "sessions_page" when (UrlPath(scalar, "") ?? HtmlFilePath(scalar)) is { Length: > 0 } sessionsPage:
                    config = config with { Layout = config.Layout with { SessionsPagePath = sessionsPage } };
                    break;
                case "tags_page" when (UrlPath(scalar, "") ?? HtmlFilePath(scalar)) is { Length: > 0 } tagsPage:
                    config = config with { Layout = config.Layout with { TagsPagePath = tagsPage } };
                    break;
                case "pages" when valueNode is YamlSequenceNode pageList:
                    config = config with { Layout = config.Layout with { PageFiles = RelativeFiles(pageList) } };
                    break;
                case "assets" when valueNode is YamlSequenceNode assetList:
                    config = config with { Layout = config.Layout with { AssetFolders = RelativeFiles(assetList) } };
                    break;
                case "schedule" when RelativeFolder(scalar) is { } schedule:
                    scheduleFile = schedule;
                    break;
                case "home_intro":
                    config = config with { HomeIntroHtml = (valueNode as YamlScalarNode)?.Value ?? "" };
                    break;
                case "sessions" or "schedule":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"{key}: '{scalar}' is not a path inside the course folder; it is ignored.", $"Write a relative path such as {key}: {(key == "sessions" ? "_contents" : "schedule.yml")}.");
                    break;
                case "session_url" or "sessions_page" or "tags_page":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"{key}: '{scalar}' is not a URL path of the form {(key == "session_url" ? "/folder/:name/ or /folder/:name.html" : "/Folder/ or /Name.html")}; the default is used.",
                        key == "session_url" ? "Write e.g. session_url: /contents/:name/." : $"Write e.g. {key}: /LecturesByDate/.");
                    break;
                case "pages" or "assets":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"{key}: should be a list of paths; it is ignored.", $"Write {key}: then lines such as - {(key == "pages" ? "About.md" : "public")}.");
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"Unknown setting '{key}' in site.yml is ignored.", $"Known settings: {string.Join(", ", KnownKeys.Order(StringComparer.Ordinal))}.");
                    break;
            }
        }
        return config;
    }

    /// <summary>A relative path that stays inside the course folder ("_contents", "a/b"), with '/' separators; null otherwise.</summary>
    private static string? RelativeFolder(string value)
    {
        var path = value.Trim().Replace('\\', '/').Trim('/');
        if (path.Length == 0 || Path.IsPathRooted(value.Trim()) || path.Split('/').Any(part => part is "" or "." or "..")) return null;
        return path;
    }

    private static List<string> RelativeFiles(YamlSequenceNode list) =>
        list.Children.OfType<YamlScalarNode>().Select(n => RelativeFolder(n.Value ?? "")).OfType<string>().ToList();

    /// <summary>"/contents/:name/" with <paramref name="suffix"/> ":name/" gives "contents/"; "/LecturesByDate/" with "" gives "LecturesByDate/"; null when the shape differs.</summary>
    private static string? UrlPath(string value, string suffix)
    {
        var path = value.Trim();
        if (!path.StartsWith('/') || !path.EndsWith("/" + suffix, StringComparison.Ordinal)) return null;
        var folder = path[1..^suffix.Length];
        if (folder.Length == 0) return suffix.Length > 0 ? "" : null;
        return RelativeFolder(folder) is { } clean && !clean.Contains(':') ? clean + "/" : null;
    }

    /// <summary>"/LecturesByDate.html" gives "LecturesByDate.html" (a page on Jekyll's default permalinks); null for any other shape.</summary>
    private static string? HtmlFilePath(string value)
    {
        var path = value.Trim();
        if (!path.StartsWith('/') || !path.EndsWith(".html", StringComparison.Ordinal) || path.Length <= "/.html".Length) return null;
        return RelativeFolder(path[1..]) is { } clean && !clean.Contains(':') && clean == path[1..] ? clean : null;
    }

    /// <summary><c>search: { papers: auto|all|readings, max_papers: N }</c>.</summary>
    private static SearchSettings ReadSearch(YamlNode node, string displayPath, DiagnosticBag diagnostics)
    {
        var settings = new SearchSettings();
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, (int)node.Start.Line, (int)node.Start.Column,
                "search: should be a mapping; it is ignored.", "Write it as search: then indented lines such as papers: readings and max_papers: 5000.");
            return settings;
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var value = ((valueNode as YamlScalarNode)?.Value ?? "").Trim();
            var (line, column) = ((int)valueNode.Start.Line, (int)valueNode.Start.Column);
            switch (key)
            {
                case "papers" when Enum.TryParse<SearchPapers>(value, ignoreCase: true, out var papers) && !int.TryParse(value, CultureInfo.InvariantCulture, out _):
                    settings = settings with { Papers = papers };
                    break;
                case "papers":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"search.papers '{value}' is not one of auto, all, readings; auto is used.", "Write papers: auto, papers: all or papers: readings.");
                    break;
                case "max_papers" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max):
                    settings = settings with { MaxPapers = max };
                    break;
                case "max_papers":
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column,
                        $"search.max_papers '{value}' is not a whole number; {settings.MaxPapers} is used.", "Write a count, e.g. max_papers: 5000.");
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, (int)keyNode.Start.Line, (int)keyNode.Start.Column,
                        $"Unknown setting 'search.{key}' in site.yml is ignored.", "Known search settings: papers, max_papers.");
                    break;
            }
        }
        return settings;
    }

    private static List<DayOfWeek> ReadDays(YamlNode node, string displayPath, DiagnosticBag diagnostics)
    {
        var names = node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => (s.Value ?? "", (int)s.Start.Line, (int)s.Start.Column)),
            YamlScalarNode s => (s.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (v, (int)s.Start.Line, (int)s.Start.Column)),
            _ => [],
        };
        var days = new List<DayOfWeek>();
        foreach (var (name, line, column) in names)
        {
            var match = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(name.Trim(), StringComparison.OrdinalIgnoreCase) && name.Trim().Length >= 2).ToList();
            if (match.Count == 1) days.Add(match[0]);
            else diagnostics.Warning(DiagnosticCodes.ConfigValue, displayPath, line, column, $"'{name}' is not a day of the week.", "Use names like Tuesday, Thursday (or Tue, Thu).");
        }
        return days.Distinct().Order().ToList();
    }
}
