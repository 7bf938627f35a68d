using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Architecture;

/// <summary>
/// The pipeline's stages meet only through Model: no stage folder of src/SiteGen names another stage's namespace, and
/// the stage-free folders name no stage. The source is compiled here with Roslyn and every name in it resolved, so a
/// using directive, a fully or partly qualified name, an alias, <c>using static</c>, an extension method and
/// <c>global::</c> all count the same.
/// </summary>
public sealed class LayeringTests
{
    // ---- The allowed arrows: the one place they are named. ----

    /// <summary>Stage-free folders, usable by every stage; each may use only the stage-free folders listed with it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> StageFree = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Model"] = ["Diagnostics"],
        ["Diagnostics"] = [],
        ["Text"] = [],
        ["Hashing"] = [],
        ["Files"] = ["Diagnostics"],
        ["Buffers"] = [],
    };

    /// <summary>The stages, one folder (and namespace) each, with the other stages each may use: none.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Stages = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Config"] = [],
        ["Content"] = [],
        ["Listings"] = [],
        ["Merging"] = [],
        ["Site"] = [],
        ["Rendering"] = [],
        ["Search"] = [],
        ["Output"] = [],
        ["Incremental"] = [],
        // `sitegen import jekyll` is a command beside the build, not a stage of it: it reuses the stages that read a
        // course (site.yml's and the schedule file's names and base URL rules; front matter and sessions) instead of copying them.
        ["Import"] = ["Config", "Content"],
    };

    // The orchestrator (the files directly in src/SiteGen: SiteBuilder and what it owns) and the CLI (src/SiteGen.Cli)
    // may use everything; they are not checked.

    // ---- The check. ----

    private static string Library => Path.Combine(RepoPaths.Root, "src", "SiteGen");

    [Fact]
    public void No_stage_uses_another_stage_and_Model_uses_none()
    {
        var compilation = Source.Value;
        var problems = Check(compilation, compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith(Library, StringComparison.Ordinal)));
        Assert.True(problems.Count == 0, "Layering broken:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_folder_of_the_library_is_a_stage_or_stage_free()
    {
        var folders = Directory.GetDirectories(Library).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal).ToList();
        var unnamed = folders.Where(f => !Stages.ContainsKey(f!) && !StageFree.ContainsKey(f!)).ToList();
        Assert.True(unnamed.Count == 0, $"Folders of src/SiteGen in neither table of LayeringTests: {string.Join(", ", unnamed)}");
        var gone = Stages.Keys.Concat(StageFree.Keys).Where(f => !folders.Contains(f)).ToList();
        Assert.True(gone.Count == 0, $"Folders named in LayeringTests that src/SiteGen no longer has: {string.Join(", ", gone)}");
    }

    [Fact]
    public void Each_way_of_naming_another_stage_is_reported_with_its_file()
    {
        // Probes added to the real tree, each naming another stage in its own way.
        (string File, string Text)[] probes =
        [
            ("Site/ProbeUsing.cs", "using SiteGen.Content;\nnamespace SiteGen.Site;\ninternal static class ProbeUsing { }\n"),
            ("Site/ProbeQualified.cs", "namespace SiteGen.Site;\ninternal static class ProbeQualified { public static string F => SiteGen.Content.ReadSessions.Folder; }\n"),
            ("Site/ProbePartly.cs", "namespace SiteGen.Site;\ninternal static class ProbePartly { public static string F => Content.ReadSessions.Folder; }\n"),
            ("Rendering/ProbeGlobal.cs", "namespace SiteGen.Rendering;\ninternal static class ProbeGlobal { public static int F => global::SiteGen.Search.SearchDocuments.SnippetLength; }\n"),
            ("Output/ProbeAlias.cs", "using Pages = SiteGen.Rendering.RenderPages;\nnamespace SiteGen.Output;\ninternal static class ProbeAlias { public static string F => nameof(Pages); }\n"),
            ("Search/ProbeStatic.cs", "using static SiteGen.Content.MarkdownRenderer;\nnamespace SiteGen.Search;\ninternal static class ProbeStatic { public static string F(string m) => ToPlainText(m); }\n"),
            ("Model/ProbeModel.cs", "namespace SiteGen.Model;\npublic sealed record ProbeModel(SiteGen.Search.LunrField Field);\n"),
            ("Incremental/ProbeOrchestrator.cs", "namespace SiteGen.Incremental;\ninternal static class ProbeOrchestrator { public static string F => nameof(SiteBuilder); }\n"),
            ("Content/ProbeNamespace.cs", "namespace SiteGen.Rendering;\ninternal static class ProbeNamespace { }\n"),
        ];
        var trees = probes.Select(p => Parse(p.Text, Path.Combine(Library, p.File))).ToList();
        var problems = Check(Source.Value.AddSyntaxTrees(trees), trees, minimumResolved: probes.Length);
        string Of(string file) => string.Join("\n", problems.Where(p => p.StartsWith("src/SiteGen/" + file + "(", StringComparison.Ordinal)));
        Assert.Contains("Site uses SiteGen.Content", Of("Site/ProbeUsing.cs"), StringComparison.Ordinal);
        Assert.Contains("Site uses SiteGen.Content (ReadSessions)", Of("Site/ProbeQualified.cs"), StringComparison.Ordinal);
        Assert.Contains("Site uses SiteGen.Content (ReadSessions)", Of("Site/ProbePartly.cs"), StringComparison.Ordinal);
        Assert.Contains("Rendering uses SiteGen.Search (SearchDocuments)", Of("Rendering/ProbeGlobal.cs"), StringComparison.Ordinal);
        Assert.Contains("Output uses SiteGen.Rendering (RenderPages)", Of("Output/ProbeAlias.cs"), StringComparison.Ordinal);
        Assert.Contains("Search uses SiteGen.Content (MarkdownRenderer)", Of("Search/ProbeStatic.cs"), StringComparison.Ordinal);
        Assert.Contains("Model uses SiteGen.Search (LunrField)", Of("Model/ProbeModel.cs"), StringComparison.Ordinal);
        Assert.Contains("Incremental uses SiteGen (the orchestrator) (SiteBuilder)", Of("Incremental/ProbeOrchestrator.cs"), StringComparison.Ordinal);
        Assert.Contains("declares namespace SiteGen.Rendering in folder Content", Of("Content/ProbeNamespace.cs"), StringComparison.Ordinal);
    }

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    /// <summary>The library's source (bin and obj left out) with the SDK's implicit usings, compiled once for every test here.</summary>
    private static readonly Lazy<CSharpCompilation> Source = new(() =>
    {
        var trees = Directory.GetFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Library, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f), f))
            .ToList();
        // ImplicitUsings in Directory.Build.props.
        trees.Add(Parse("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq;"
            + " global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", "ImplicitUsings.cs"));
        return CSharpCompilation.Create("SiteGenLayering", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    });

    /// <summary>Every name in <paramref name="trees"/> that resolves to a folder's namespace its own folder may not use: "file(line,col): Site uses SiteGen.Content (Markdown)".</summary>
    private static List<string> Check(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, int minimumResolved = 1000)
    {
        var problems = new List<string>();
        var resolved = 0;
        foreach (var tree in trees)
        {
            var relative = Path.GetRelativePath(Library, tree.FilePath).Replace('\\', '/');
            var folder = relative.Contains('/') ? relative[..relative.IndexOf('/')] : null;
            if (folder is null) continue; // the orchestrator
            string[]? allowed = Stages.TryGetValue(folder, out var stageArrows) ? [.. StageFree.Keys, .. stageArrows]
                : StageFree.TryGetValue(folder, out var freeArrows) ? freeArrows
                : null;
            var display = "src/SiteGen/" + relative;
            if (allowed is null)
            {
                problems.Add($"{display}(1,1): folder {folder} is in neither table of LayeringTests");
                continue;
            }
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var declaration in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var name = declaration.Name.ToString();
                if (name != "SiteGen." + folder && !name.StartsWith("SiteGen." + folder + ".", StringComparison.Ordinal))
                    problems.Add($"{display}{Position(declaration)}: declares namespace {name} in folder {folder}");
            }
            foreach (var node in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (node.Ancestors().Any(a => a is BaseNamespaceDeclarationSyntax n && n.Name.Span.Contains(node.Span))) continue;
                var info = model.GetSymbolInfo(node);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetAliasInfo(node)?.Target;
                if (symbol is IAliasSymbol alias) symbol = alias.Target;
                if (Folder(symbol) is not { } used) continue;
                resolved++;
                if (used == folder || allowed.Contains(used)) continue;
                var what = symbol is INamespaceSymbol ? "" : $" ({(symbol is INamedTypeSymbol ? symbol.Name : symbol!.ContainingType?.Name ?? symbol.Name)})";
                problems.Add($"{display}{Position(node)}: {folder} uses {(used.Length == 0 ? "SiteGen (the orchestrator)" : "SiteGen." + used)}{what}");
            }
        }
        // The check saw the tree: a compilation that bound nothing (references missing) would pass without looking.
        Assert.True(resolved >= minimumResolved, $"Only {resolved} names resolved to SiteGen namespaces.");
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The library folder a symbol belongs to ("" for the orchestrator's root namespace), or null outside SiteGen.</summary>
    private static string? Folder(ISymbol? symbol)
    {
        if (symbol is null or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol) return null;
        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        if (ns is null) return null;
        var name = ns.ToDisplayString();
        // "SiteGen" as the first part of a qualified name names no folder; a type in it is the orchestrator's.
        if (name == "SiteGen") return symbol is INamespaceSymbol ? null : "";
        if (!name.StartsWith("SiteGen.", StringComparison.Ordinal)) return null;
        var rest = name["SiteGen.".Length..];
        return rest.Contains('.') ? rest[..rest.IndexOf('.')] : rest;
    }

    private static string Position(SyntaxNode node)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1})";
    }

    /// <summary>The runtime and the packages the library uses, as loaded beside the tests (not SiteGen's own assemblies: its source is compiled instead).</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => !Path.GetFileName(f).StartsWith("SiteGen", StringComparison.Ordinal));
        return platform.Concat(beside)
            .Where(f => !Path.GetFileName(f).StartsWith("SiteGen", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToList();
    }
}
