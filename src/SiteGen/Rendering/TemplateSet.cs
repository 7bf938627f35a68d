using HandlebarsDotNet;
using SiteGen.Diagnostics;

namespace SiteGen.Rendering;

/// <summary>
/// The compiled templates of one build: built-in templates, overridden file by file by the course's own templates folder.
/// Compiled once and reused for every page (Handlebars.Net compiled templates are safe to call from many threads).
/// </summary>
public sealed class TemplateSet
{
    public static readonly IReadOnlyList<string> PageTemplates = ["layout", "home", "session", "sessions", "tags", "papers", "review", "page", "search", "404"];

    private readonly Dictionary<string, HandlebarsTemplate<object, object>> _templates = new(StringComparer.Ordinal);

    /// <summary>Folders searched in order; a later folder's file replaces an earlier one's (course templates over built-in ones).</summary>
    public IReadOnlyList<string> Folders { get; }

    private TemplateSet(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The built-in templates shipped beside the program.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    public static TemplateSet Load(IReadOnlyList<string> folders, DiagnosticBag diagnostics)
    {
        var set = new TemplateSet(folders);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        TemplateHelpers.Register(handlebars);
        var sources = new SortedDictionary<string, (string Text, string Path)>(StringComparer.Ordinal);
        foreach (var folder in folders.Where(Directory.Exists))
            foreach (var file in Directory.GetFiles(folder, "*.hbs", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/')[..^4];
                sources[name] = (File.ReadAllText(file), file);
            }
        foreach (var (name, (text, path)) in sources.Where(s => s.Key.StartsWith("partials/", StringComparison.Ordinal)))
            handlebars.RegisterTemplate(name["partials/".Length..], text);
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
                set._templates[name] = handlebars.Compile(source.Text);
            }
            catch (HandlebarsException e)
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, source.Path, 1, 1, $"Template {name}.hbs does not compile: {e.Message}", "Check that every {{#block}} has its {{/block}}.");
            }
        }
        return set;
    }

    public bool IsComplete => PageTemplates.All(_templates.ContainsKey);

    public string Render(string name, object context) => _templates[name](context);
}
