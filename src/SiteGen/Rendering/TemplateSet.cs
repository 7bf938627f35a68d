using HandlebarsDotNet;
using SiteGen.Diagnostics;
using SiteGen.Files;

namespace SiteGen.Rendering;

/// <summary>
/// The compiled templates of one build: built-in templates, overridden file by file by the course's own templates folder.
/// Compiled once and reused for every page (Handlebars.Net compiled templates are safe to call from many threads).
/// All templates and partials share one compiled configuration: with a configuration each (Handlebars.Create), a name
/// like {{Title}} in a partial is bound with the partial's configuration but called with its caller's, and Handlebars.Net
/// then subscribes to the caller's helper resolvers again on every call whose caller differs from the last one.
/// </summary>
public sealed class TemplateSet
{
    public static readonly IReadOnlyList<string> PageTemplates = ["layout", "home", "session", "sessions", "tags", "papers", "review", "page", "search", "404"];

    private readonly Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> _templates = new(StringComparer.Ordinal);
    private IFormatProvider _formatProvider = System.Globalization.CultureInfo.CurrentCulture;

    /// <summary>Folders searched in order; a later folder's file replaces an earlier one's (course templates over built-in ones).</summary>
    public IReadOnlyList<string> Folders { get; }

    private TemplateSet(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The built-in templates shipped beside the program.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    public static TemplateSet Load(IReadOnlyList<string> folders, DiagnosticBag diagnostics)
    {
        var set = new TemplateSet(folders);
        // Numbers in pages (a review pair's score) are written the same on every machine, whatever its culture.
        var configuration = new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = false, TextEncoder = new HtmlRunEncoder(), FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        var handlebars = Handlebars.CreateSharedEnvironment(configuration);
        set._formatProvider = configuration.FormatProvider;
        // Before any template compiles, so helper calls are bound to the helpers at compile time.
        TemplateHelpers.Register(handlebars);
        var sources = new SortedDictionary<string, (string Text, string Path)>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
            // Links may not leave the template folder; only regular files are read.
            foreach (var file in CourseFiles.List(folder, folder, ".hbs", recursive: true, skipDotNames: true, diagnostics, path => path))
            {
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/')[..^4];
                sources[name] = (File.ReadAllText(file), file);
            }
        foreach (var (name, (text, path)) in sources.Where(s => s.Key.StartsWith("partials/", StringComparison.Ordinal)))
            handlebars.RegisterTemplate(name["partials/".Length..], text);
        set.LayoutWritesBodyOnce = sources.TryGetValue("layout", out var layout)
            && Occurrences(layout.Text, "Body") == 1 && Occurrences(layout.Text, "{{{Body}}}") == 1
            && !sources.Any(s => s.Key.StartsWith("partials/", StringComparison.Ordinal) && s.Value.Text.Contains("Body", StringComparison.Ordinal));
        foreach (var name in PageTemplates)
        {
            if (!sources.TryGetValue(name, out var source))
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, "templates/" + name + ".hbs", 1, 1,
                    $"Template {name}.hbs was not found in {string.Join(" or ", folders)}.", "Restore it from the built-in templates, or remove the templates setting from site.yml.");
                continue;
            }
            try
            {
                using var reader = new StringReader(source.Text);
                set._templates[name] = handlebars.Compile(reader);
            }
            catch (HandlebarsException e)
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, source.Path, 1, 1, $"Template {name}.hbs does not compile: {e.Message}", "Check that every {{#block}} has its {{/block}}.");
            }
        }
        return set;
    }

    public bool IsComplete => PageTemplates.All(_templates.ContainsKey);

    /// <summary>
    /// Whether the layout uses the page body only as one {{{Body}}} (raw, as the built-in layout does) and no partial
    /// names Body: the body's text then appears once, unchanged, where that tag stands, and can be put there without
    /// making it a string first.
    /// </summary>
    public bool LayoutWritesBodyOnce { get; private set; }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    public string Render(string name, object context)
    {
        using var writer = CreateWriter();
        RenderTo(name, context, writer);
        return writer.ToString();
    }

    /// <summary>Appends the template's output for <paramref name="context"/> to <paramref name="writer"/>.</summary>
    public void RenderTo(string name, object context, TextWriter writer) => _templates[name](writer, context, null);

    /// <summary>A writer to render into, formatting numbers as the templates' configuration says (as Handlebars' own writer does).</summary>
    public PooledCharWriter CreateWriter() => new(_formatProvider);
}
