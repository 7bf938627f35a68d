using System.Globalization;
using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Model;
using SiteGen.Text;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content;

/// <summary>Stage: content/pages/*.md (syllabus, project guide) -> StaticPage[], ordered by `order:` then file name.</summary>
public static class ReadPages
{
    public const string Folder = "pages";

    public static IReadOnlyList<StaticPage> Run(ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        // Pages named in site.yml keep that order (the navigation's); otherwise every pages/*.md, by order: then name.
        var named = config.Layout.PageFiles;
        var folder = Path.Combine(content.Root, Folder);
        if (named is null && !Directory.Exists(folder)) return [];
        var pages = new List<StaticPage>();
        var position = 0;
        var files = named?.Select(f => Path.Combine(content.Root, f))
            ?? CourseFiles.List(content.Root, folder, ".md", recursive: false, skipDotNames: false, diagnostics, p => content.Display(content.Relative(p)));
        foreach (var file in files)
        {
            position++;
            if (named is not null && !File.Exists(file))
            {
                diagnostics.Warning(DiagnosticCodes.ConfigValue, content.Display("site.yml"), 1, 1,
                    $"Page {content.Relative(file)} named in site.yml pages: does not exist; it is left out.", "Fix the name in pages:, or remove the line.");
                continue;
            }
            if (named is not null && !CourseFiles.IsReadable(content.Root, file, diagnostics, p => content.Display(content.Relative(p)))) continue;
            if (!ReadSessions.HasUsableName(file, content, diagnostics)) continue;
            var relative = content.Relative(file);
            var display = content.Display(relative);
            var name = Path.GetFileNameWithoutExtension(file);
            var split = FrontMatter.Split(File.ReadAllText(file));
            string title = name;
            var urlPath = config.Layout.PagesAreHtmlFiles ? name + ".html" : name + "/";
            var order = named is null ? int.MaxValue : position;
            if (split.Yaml is not null)
            {
                YamlError? error = FrontMatter.TooLong(split.Yaml);
                var map = error is null ? YamlText.Load(split.Yaml, out error) : null;
                if (error is not null)
                    diagnostics.Error(DiagnosticCodes.PageYaml, display, split.YamlLine - 1 + error.Line, error.Column,
                        $"The front matter {(error.OverLimit ? "is not read" : "is not valid YAML")}: {error.Message}.", error.Hint ?? "Check the indentation and quoting on that line.");
                foreach (var (k, v) in map?.Children.ToList() ?? [])
                {
                    var value = ((v as YamlScalarNode)?.Value ?? "").Trim();
                    switch ((k as YamlScalarNode)?.Value)
                    {
                        case "title" when value.Length > 0: title = value; break;
                        case "order" when named is null && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var o): order = o; break;
                        case "permalink" when value.Length > 0:
                            if (PermalinkPath(value) is { } kept) urlPath = kept;
                            else
                                diagnostics.Warning(DiagnosticCodes.PagePermalink, display, split.YamlLine - 1 + (int)k.Start.Line, (int)k.Start.Column,
                                    $"permalink: '{value}' is not a URL SiteGen can give this page; it is served at /{urlPath}.",
                                    "Write a plain path such as permalink: /about/ or /about.html (no :placeholders, no .., not /).");
                            break;
                    }
                }
            }
            var body = ReadSessions.ReplaceBaseUrl(split.Body, config.BaseUrl);
            pages.Add(Rendered(new StaticPage(name, relative, title, body, order) { UrlPath = urlPath }, display, split.BodyLine, diagnostics));
        }
        return pages.OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A page's Jekyll permalink as a URL path below the base URL: "/about/" -> "about/", "/about.html" -> "about.html",
    /// and "/about" -> "about.html" (GitHub Pages serves the extensionless URL from that file, as Jekyll writes it).
    /// Null for what names no page of its own: placeholders, query or fragment, dot segments, the home page.
    /// </summary>
    internal static string? PermalinkPath(string permalink)
    {
        if (!permalink.StartsWith('/') || permalink.AsSpan().IndexOfAny(":?#\\ \"<>") >= 0) return null;
        var path = permalink.TrimStart('/');
        var segments = path.TrimEnd('/').Split('/');
        if (path.Length == 0 || path.Contains("//", StringComparison.Ordinal) || segments.Any(s => s.Trim('.').Length == 0)) return null;
        if (path.EndsWith('/') || path.EndsWith(".html", StringComparison.Ordinal)) return path;
        return segments[^1].Contains('.') ? null : path + ".html";
    }

    /// <summary>One page nested past Markdig's limit must not take the build down: its text is shown as written, escaped.</summary>
    private static StaticPage Rendered(StaticPage page, string display, int bodyLine, DiagnosticBag diagnostics)
    {
        try
        {
            return page with { BodyHtml = MarkdownRenderer.ToHtml(page.Body), SearchText = MarkdownRenderer.ToPlainText(page.Body) };
        }
        catch (ArgumentException e) when (MarkdownRenderer.IsDepthLimit(e))
        {
            diagnostics.Warning(DiagnosticCodes.PageBodyTooDeep, display, bodyLine, 1,
                $"The body of {Path.GetFileName(page.File)} nests quotes or lists too deeply for Markdown to render; it is shown as preformatted text.",
                "Reduce the nesting of > quotes and indented list items (a few levels are plenty).");
            return page with { BodyHtml = "<pre>" + System.Net.WebUtility.HtmlEncode(page.Body) + "</pre>\n", SearchText = page.Body };
        }
    }
}
