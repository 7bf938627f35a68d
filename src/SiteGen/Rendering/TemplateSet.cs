using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SiteGen.Diagnostics;
using SiteGen.Files;

namespace SiteGen.Rendering;

/// <summary>One parsed template file: its name (home, partials/header), where it came from, and its syntax tree.</summary>
public sealed record TemplateFile(string Name, string DisplayPath, string Text, Template Template, bool IsLiquid, bool IsBuiltIn);

/// <summary>
/// The parsed templates of one build: built-in templates, overridden file by file by the course's own templates folder,
/// in Scriban (.sbn-html) or Liquid (.liquid; partials also .html, as Jekyll's includes are). Parsed once into a
/// frozen set and rendered from many threads at once (a parsed template is read-only; each page gets its own context).
/// </summary>
public sealed partial class TemplateSet
{
    public static readonly IReadOnlyList<string> PageTemplates = ["layout", "home", "session", "sessions", "tags", "papers", "review", "page", "search", "404"];

    /// <summary>Page template extensions, first wins within one folder.</summary>
    public static readonly IReadOnlyList<string> PageExtensions = [".sbn-html", ".liquid"];

    /// <summary>Partial (include) extensions: Scriban, Liquid, and Jekyll's .html includes (Liquid).</summary>
    public static readonly IReadOnlyList<string> PartialExtensions = [".sbn-html", ".sbn", ".liquid", ".html"];

    /// <summary>Iterations one loop may run: a 10,000-session schedule is one loop of 10,000; an endless loop stops here.</summary>
    public const int LoopLimit = 1_000_000;

    /// <summary>
    /// Loop iterations one page of a course's own templates may run, all loops together: an endless loop stops after
    /// this many (well under a second), the same way on every machine, where a clock would stop a slow page on a busy one.
    /// </summary>
    public const long CourseStepBudget = 2_000_000;

    /// <summary>A backstop for what no loop counts (a huge string built by filters): a course page stopped after this long.</summary>
    public static readonly TimeSpan CourseTemplateTimeLimit = TimeSpan.FromSeconds(20);

    private FrozenDictionary<string, TemplateFile> _pages = FrozenDictionary<string, TemplateFile>.Empty;
    private FrozenDictionary<string, TemplateFile> _partials = FrozenDictionary<string, TemplateFile>.Empty;
    // Scriban's built-in functions (string.upcase, array.sort, date.now, ...) for Scriban templates; Liquid's (upcase,
    // sort, date, ...) for Liquid ones; Jekyll's filters in both.
    private readonly ScriptObject _builtins;
    private readonly ScriptObject _liquidBuiltins;
    private readonly FolderTemplateLoader _loader;
    // One context per thread for each syntax, reused from page to page (RenderTo starts each page afresh in it).
    private readonly ThreadLocal<PageTemplateContext> _contexts;
    private readonly ThreadLocal<PageTemplateContext> _liquidContexts;

    /// <summary>Folders searched in order; a later folder's file replaces an earlier one's (course templates over built-in ones).</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>Whether any template of the set is the course's own: then rendering is forgiving (unknown names are blank) but time-bounded.</summary>
    public bool HasCourseTemplates { get; private set; }

    private TemplateSet(IReadOnlyList<string> folders)
    {
        Folders = folders;
        _builtins = Builtins(TemplateContext.GetDefaultBuiltinObject(), liquid: false);
        _liquidBuiltins = Builtins(new Scriban.Functions.LiquidBuiltinsFunctions(), liquid: true);
        _loader = new FolderTemplateLoader(this);
        _contexts = new ThreadLocal<PageTemplateContext>(() => NewContext(_builtins));
        _liquidContexts = new ThreadLocal<PageTemplateContext>(() => NewContext(_liquidBuiltins));
    }

    private PageTemplateContext NewContext(ScriptObject builtins) => new(builtins)
    {
        StepBudget = HasCourseTemplates ? CourseStepBudget : 0,
        TemplateLoader = _loader,
        // Built-in templates are exact: a misspelt name fails the tests instead of rendering blank.
        StrictVariables = !HasCourseTemplates,
        EnableRelaxedMemberAccess = true,
        LoopLimit = LoopLimit,
        RecursiveLimit = 100,
        LimitToString = 1 << 20,
        // Off: Scriban 7 also cuts a page's whole output at LimitToString (unless a render starts it afresh, as an include
        // does): the home page of 3,000 sessions (1.7 MB) lost its last 1,146 rows. Loops (the step budget) and the time
        // limit bound a page instead.
        OutputLimit = 0,
        // Off: it indents every line a value writes (a session body after an indented tag, even inside <pre>), not only an include.s.
        AutoIndent = false,
    };

    private static ScriptObject Builtins(ScriptObject builtins, bool liquid)
    {
        var jekyll = new ScriptObject();
        jekyll.Import(typeof(JekyllFilters), renamer: TemplateNames.Of);
        foreach (var (name, function) in jekyll)
            // Scriban's own date object (date.now, date.to_string) stays; Liquid's date filter is Jekyll's.
            if (liquid || name != "date") builtins.SetValue(name, function, true);
        if (builtins["include"] is IScriptCustomFunction include) builtins.SetValue("include", new TrustedInclude(include), true);
        return builtins;
    }

    /// <summary>The built-in templates shipped beside the program.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "templates");

    public static TemplateSet Load(IReadOnlyList<string> folders, DiagnosticBag diagnostics)
    {
        var set = new TemplateSet(folders);
        var pages = new Dictionary<string, TemplateFile>(StringComparer.Ordinal);
        var partials = new Dictionary<string, TemplateFile>(StringComparer.Ordinal);
        for (var index = 0; index < folders.Count; index++)
        {
            var folder = folders[index];
            if (!Directory.Exists(folder)) continue;
            var builtIn = index == 0;
            var label = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
            var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
            // Pages at the top, includes under partials/ (assets/ is copied, not read here). Links may not leave the
            // template folder; only regular files are read.
            var files = PageExtensions.Append(".hbs")
                .SelectMany(extension => CourseFiles.List(folder, folder, extension, recursive: false, skipDotNames: true, diagnostics, path => path))
                .Concat(CourseFiles.List(folder, Path.Combine(folder, "partials"), null, recursive: true, skipDotNames: true, diagnostics, path => path));
            foreach (var file in files)
                found[Path.GetRelativePath(folder, file).Replace('\\', '/')] = file;
            foreach (var (relative, file) in found)
            {
                var display = label + "/" + relative;
                if (relative.EndsWith(".hbs", StringComparison.Ordinal))
                {
                    // Built-in .hbs files can only be left over from an older install beside the program.
                    if (!builtIn)
                        diagnostics.Error(DiagnosticCodes.HandlebarsTemplate, display, 1, 1,
                            $"Template {relative} is Handlebars, which SiteGen no longer reads: this file is not used.",
                            $"Rewrite it as {relative[..^4]}.sbn-html (Scriban) or {relative[..^4]}.liquid (Liquid); docs/templates.md gives the equivalent of each Handlebars tag.");
                    continue;
                }
                var isPartial = relative.StartsWith("partials/", StringComparison.Ordinal);
                var extension = (isPartial ? PartialExtensions : PageExtensions).FirstOrDefault(e => relative.EndsWith(e, StringComparison.Ordinal));
                if (extension is null) continue;
                var name = relative[..^extension.Length];
                var liquid = extension is ".liquid" or ".html";
                var parsed = Parse(File.ReadAllText(file), display, liquid, builtIn, name, diagnostics);
                if (parsed is null) continue;
                if (!builtIn) set.HasCourseTemplates = true;
                if (isPartial)
                {
                    var include = name["partials/".Length..];
                    partials[include] = parsed;
                    partials[include + extension] = parsed;
                }
                else pages[name] = parsed;
            }
        }
        foreach (var name in PageTemplates.Where(n => !pages.ContainsKey(n)))
            diagnostics.Error(DiagnosticCodes.TemplateError, "templates/" + name + ".sbn-html", 1, 1,
                $"Template {name}.sbn-html was not found in {string.Join(" or ", folders)}.", "Restore it from the built-in templates, or remove the templates setting from site.yml.");
        set._pages = pages.ToFrozenDictionary(StringComparer.Ordinal);
        set._partials = partials.ToFrozenDictionary(StringComparer.Ordinal);
        set.LayoutWritesBodyOnce = set._pages.TryGetValue("layout", out var layout) && TemplateDependencies.WritesContentOnce(set, layout);
        return set;
    }

    private static TemplateFile? Parse(string text, string display, bool liquid, bool builtIn, string name, DiagnosticBag diagnostics)
    {
        var template = liquid
            ? Template.ParseLiquid(LiquidSource.Prepare(text), display, new ParserOptions(),
                new LexerOptions { Lang = ScriptLang.Liquid, Mode = ScriptMode.Default, EnableIncludeImplicitString = true })
            : Template.Parse(text, display);
        if (template.HasErrors)
        {
            // The first message is the cause; the rest follow from it (an unclosed block is reported at every level).
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            diagnostics.Error(DiagnosticCodes.TemplateError, display, first.Span.Start.Line + 1, first.Span.Start.Column + 1,
                $"Template {display} does not parse: {first.Message}",
                liquid ? "Check that every {% if %} / {% for %} has its {% endif %} / {% endfor %}; docs/templates.md lists the tags."
                       : "Check that every {{ if }} / {{ for }} has its {{ end }}; docs/templates.md lists the tags.");
            return null;
        }
        return new TemplateFile(name, display, text, template, liquid, builtIn);
    }

    public bool IsComplete => PageTemplates.All(_pages.ContainsKey);

    /// <summary>
    /// Whether the layout writes the page body only as one output of <c>content</c> (as the built-in layout does) and
    /// no include names it: the body's text then appears once, unchanged, where that tag stands, and can be put there
    /// without making it a string first.
    /// </summary>
    public bool LayoutWritesBodyOnce { get; private set; }

    public TemplateFile? Page(string name) => _pages.GetValueOrDefault(name);

    internal TemplateFile? Partial(string name) => _partials.GetValueOrDefault(name);

    internal IEnumerable<TemplateFile> Partials => _partials.Values.Distinct();

    /// <summary>Renders a template with the members of <paramref name="model"/> as its variables (tests, previews).</summary>
    public string Render(string name, object model)
    {
        using var writer = CreateWriter();
        var globals = model as ScriptObject ?? new ScriptObject();
        if (model is not ScriptObject) globals.Import(model, renamer: TemplateNames.Of);
        RenderTo(name, globals, writer, null);
        return writer.ToString();
    }

    /// <summary>
    /// Appends the template's output for these variables to <paramref name="writer"/>. A template that fails throws
    /// <see cref="TemplateRenderException"/> with the file, line and column where it failed.
    /// </summary>
    public void RenderTo(string name, ScriptObject globals, TextWriter writer, Model.SiteView? site)
    {
        var file = _pages[name];
        var contexts = file.IsLiquid ? _liquidContexts : _contexts;
        var context = contexts.Value!;
        using var deadline = HasCourseTemplates ? new CancellationTokenSource(CourseTemplateTimeLimit) : null;
        context.StartPage(_partials, site, deadline?.Token ?? CancellationToken.None);
        context.PushOutput(new SpanWriterOutput(writer));
        context.PushGlobal(globals);
        try
        {
            context.Evaluate(file.Template.Page!);
            context.PopGlobal();
            context.PopOutput();
        }
        catch (Exception e)
        {
            // A page that failed may leave loops and scopes open in its context: the next page gets a new one.
            contexts.Value = NewContext(file.IsLiquid ? _liquidBuiltins : _builtins);
            if (e is ScriptRuntimeException or OperationCanceledException) throw Failure(e, file);
            throw;
        }
    }

    private static TemplateRenderException Failure(Exception exception, TemplateFile file)
    {
        if (exception is ScriptRuntimeException e)
        {
            var span = e.Span;
            var message = e is ScriptAbortException
                ? $"Template {span.FileName ?? file.DisplayPath} took longer than {CourseTemplateTimeLimit.TotalSeconds:0} s and was stopped."
                : e.OriginalMessage;
            return new TemplateRenderException(span.FileName ?? file.DisplayPath, span.Start.Line + 1, span.Start.Column + 1, message);
        }
        return new TemplateRenderException(file.DisplayPath, 1, 1, $"Template {file.DisplayPath} took longer than {CourseTemplateTimeLimit.TotalSeconds:0} s and was stopped.");
    }

    /// <summary>A writer to render into (numbers are formatted by the invariant culture the context uses).</summary>
    public PooledCharWriter CreateWriter() => new(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Scriban's output into a TextWriter, writing the template's text where it stands: Scriban's own TextWriterOutput
/// copies every piece of raw template text into a new string first (Substring); the allocation it saves is in BENCHMARKS.md.
/// </summary>
internal sealed class SpanWriterOutput(TextWriter writer) : IScriptOutput
{
    public void Write(string text, int offset, int count) => writer.Write(text.AsSpan(offset, count));

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken) =>
        new(writer.WriteAsync(text.AsMemory(offset, count), cancellationToken));
}

/// <summary>A template failed while rendering a page: where, and why.</summary>
public sealed class TemplateRenderException(string path, int line, int column, string message) : Exception(message)
{
    public string Path { get; } = path;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// Liquid as Jekyll writes it, made into what Scriban's Liquid mode reads: `{% include x.html key=value %}` passes
/// key: value, and `include.key` in the included file reads that parameter. Only text inside tags changes; lines stay.
/// </summary>
internal static partial class LiquidSource
{
    public static string Prepare(string text)
    {
        if (!text.Contains("include", StringComparison.Ordinal)) return text;
        text = IncludeTag().Replace(text, m => m.Groups["head"].Value + Parameter().Replace(m.Groups["args"].Value, "${name}: ") + m.Groups["tail"].Value);
        return IncludeMember().Replace(text, "");
    }

    [GeneratedRegex(@"(?<head>\{%-?\s*include\s+\S+)(?<args>[^%]*?)(?<tail>-?%\})")]
    private static partial Regex IncludeTag();

    [GeneratedRegex(@"(?<name>\b[A-Za-z_][\w-]*)\s*=(?!=)\s*")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"(?<![\w.])include\.(?=[A-Za-z_])")]
    private static partial Regex IncludeMember();
}

/// <summary>
/// Resolves includes among the set's partials only: `include 'header'` and Jekyll's `{% include header.html %}` name a
/// file under a templates folder's partials/; nothing else (no path outside the folders, no absolute path) is read.
/// </summary>
internal sealed class FolderTemplateLoader(TemplateSet set) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/').TrimStart('.', '/');
        if (name.StartsWith("partials/", StringComparison.Ordinal)) name = name["partials/".Length..];
        if (set.Partial(name) is null)
            throw new ScriptRuntimeException(callerSpan, $"Include '{templateName}' was not found in the templates' partials/ folders.");
        return name;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        set.Partial(templatePath)?.Text ?? throw new ScriptRuntimeException(callerSpan, $"Include '{templatePath}' was not found.");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new((string?)Load(context, callerSpan, templatePath));
}
