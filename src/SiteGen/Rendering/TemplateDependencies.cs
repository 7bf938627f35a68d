using Scriban.Syntax;
using SiteGen.Hashing;

namespace SiteGen.Rendering;

/// <summary>
/// What a page template depends on, read from the parsed templates (not from their text): the files it includes,
/// at any depth, and the site-wide variables it reads. Incremental builds re-render a page when one of its files
/// changes, and give it every session's content in its key only when it reads a site-wide list.
/// </summary>
public static class TemplateDependencies
{
    /// <summary>The variables every page template is given that hold the whole site's sessions, tags and review pairs.</summary>
    public static readonly IReadOnlySet<string> SiteWideVariables = new HashSet<string>(["sessions", "tags", "review"], StringComparer.Ordinal);

    /// <summary>
    /// The files a page template reads: itself and every include it reaches. <paramref name="dynamic"/> is set when an
    /// include's name is computed at render time, so any partial may be read.
    /// </summary>
    public static IReadOnlyList<TemplateFile> FilesOf(TemplateSet set, TemplateFile template, out bool dynamic)
    {
        var files = new List<TemplateFile>();
        var seen = new HashSet<TemplateFile>(ReferenceEqualityComparer.Instance);
        var isDynamic = false;
        void Visit(TemplateFile file)
        {
            if (!seen.Add(file)) return;
            files.Add(file);
            foreach (var node in Nodes(file.Template.Page))
            {
                if (node is not ScriptFunctionCall { Target: ScriptVariable { Name: "include" } } call) continue;
                if (call.Arguments.Count > 0 && call.Arguments[0] is ScriptLiteral { Value: string name } && set.Partial(Normalise(name)) is { } partial) Visit(partial);
                else isDynamic = true;
            }
        }
        Visit(template);
        dynamic = isDynamic;
        return files;
    }

    /// <summary>
    /// The key of what a page template's pages are rendered with: every file it and the layout reach, by path and text
    /// (every partial when an include's name is computed at render time).
    /// </summary>
    public static string KeyOf(TemplateSet set, string pageTemplate)
    {
        var files = new List<TemplateFile>();
        var dynamic = false;
        foreach (var name in new[] { "layout", pageTemplate }.Distinct(StringComparer.Ordinal))
            if (set.Page(name) is { } file)
            {
                files.AddRange(FilesOf(set, file, out var d));
                dynamic |= d;
            }
        if (dynamic) files.AddRange(set.Partials);
        var parts = files.Distinct().OrderBy(f => f.DisplayPath, StringComparer.Ordinal).SelectMany(f => new[] { f.DisplayPath, f.IsBuiltIn ? "built-in" : "course", f.Text });
        return Fingerprint.Of([.. parts, set.HasCourseTemplates ? "forgiving" : "strict"]);
    }

    /// <summary>Per page template of the set: its key (<see cref="KeyOf"/>).</summary>
    public static IReadOnlyDictionary<string, string> KeysOf(TemplateSet set) =>
        TemplateSet.PageTemplates.Where(name => set.Page(name) is not null).ToDictionary(name => name, name => KeyOf(set, name), StringComparer.Ordinal);

    /// <summary>The page templates whose pages depend only on their own view (they read no site-wide list).</summary>
    public static IReadOnlySet<string> LocalTemplatesOf(TemplateSet set) =>
        new HashSet<string>(TemplateSet.PageTemplates.Where(name => name != "layout" && set.Page(name) is { } file && !ReadsSiteWideLists(set, file)), StringComparer.Ordinal);

    /// <summary>Whether the template or an include it reaches reads sessions, tags or review (a name at the top of a path: page.tags is the page's own).</summary>
    public static bool ReadsSiteWideLists(TemplateSet set, TemplateFile template)
    {
        var files = FilesOf(set, template, out var dynamic);
        var scanned = dynamic ? files.Concat(set.Partials) : files;
        return scanned.Any(file => Nodes(file.Template.Page).Any(IsSiteWideRead));
    }

    /// <summary>Whether the layout writes <c>content</c> exactly once, as a whole output tag, and nothing it includes reads it.</summary>
    public static bool WritesContentOnce(TemplateSet set, TemplateFile layout)
    {
        var files = FilesOf(set, layout, out var dynamic);
        if (dynamic) return false;
        var uses = Nodes(layout.Template.Page).Where(n => n is ScriptVariable { Name: "content" }).ToList();
        if (uses.Count != 1 || uses[0].Parent is not ScriptExpressionStatement) return false;
        return files.Skip(1).All(f => !Nodes(f.Template.Page).Any(n => n is ScriptVariable { Name: "content" }));
    }

    // A member's name (the tags of page.tags) is a variable node too, under the member expression: not a read of the list.
    private static bool IsSiteWideRead(ScriptNode node) =>
        node is ScriptVariable { Name: var name } && SiteWideVariables.Contains(name)
        && !(node.Parent is ScriptMemberExpression member && ReferenceEquals(member.Member, node))
        && !(node.Parent is ScriptForStatement loop && ReferenceEquals(loop.Variable, node));

    internal static string Normalise(string name)
    {
        name = name.Replace('\\', '/').TrimStart('.', '/');
        return name.StartsWith("partials/", StringComparison.Ordinal) ? name["partials/".Length..] : name;
    }

    private static IEnumerable<ScriptNode> Nodes(ScriptNode? root)
    {
        if (root is null) yield break;
        var stack = new Stack<ScriptNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.ChildrenCount - 1; i >= 0; i--)
                if (node.GetChildren(i) is { } child) stack.Push(child);
        }
    }
}
