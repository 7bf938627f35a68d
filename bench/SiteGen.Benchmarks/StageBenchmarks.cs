using BenchmarkDotNet.Attributes;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Corpus.Courses;
using SiteGen.Diagnostics;
using SiteGen.Listings;
using SiteGen.Model;
using SiteGen.Rendering;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen.Benchmarks;

/// <summary>
/// The hot stages on a generated course (seed 1, <see cref="Sessions"/> sessions, no listings): front matter and
/// readings of one session file, markdown of one session body, rendering every page, building the search index.
/// Run: dotnet run -c Release --project bench/SiteGen.Benchmarks -- --filter '*StageBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    [Params(300)]
    public int Sessions { get; set; }

    private string _dir = "";
    private ContentSource _content = null!;
    private SiteConfig _config = null!;
    private string _sessionText = "";
    private string _sessionPath = "";
    private string _sessionBody = "";
    private SiteModel _model = null!;
    private IReadOnlyList<Session> _sessions = [];
    private IReadOnlyList<StaticPage> _pages = [];
    private Model.Catalog _catalog = null!;
    private TemplateSet _templates = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"sitegen-stage-bench-{Environment.ProcessId}");
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        CourseGenerator.Write(_dir, new CourseCorpusOptions { Sessions = Sessions, Seed = 1 });
        var diagnostics = new DiagnosticBag();
        _content = ContentSource.For(Path.Combine(_dir, "content"));
        _config = LoadConfig.Run(_content, new BuildOptions { ContentDir = _content.Root, OutDir = Path.Combine(_dir, "site") }, diagnostics);
        var file = Directory.GetFiles(Path.Combine(_content.Root, "sessions"), "*.md").Order(StringComparer.Ordinal).First();
        _sessionPath = _content.Relative(file);
        _sessionText = File.ReadAllText(file);
        _sessionBody = FrontMatter.Split(_sessionText).Body;

        var sessions = ReadSessions.Run(_content, _config, diagnostics);
        var pages = ReadPages.Run(_content, _config, diagnostics);
        var catalog = MergeDuplicates.Run([.. sessions.SelectMany(s => s.Readings)], _content, diagnostics);
        _model = BuildSiteModel.Run(_config, sessions, catalog, pages);
        (_sessions, _pages, _catalog) = (sessions, pages, catalog);
        _templates = TemplateSet.Load([Path.Combine(RepoRoot(), "templates")], diagnostics);
        if (!_templates.IsComplete) throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    /// <summary>Front matter (YAML) and reading sections of one session file.</summary>
    [Benchmark]
    public Session FrontMatterOneSession() => ReadSessions.Parse(_sessionText, _sessionPath, _content, _config, new DiagnosticBag());

    /// <summary>Every session file of the course: reading, front matter, reading sections (the ReadSessions stage).</summary>
    [Benchmark]
    public int ReadAllSessions() => ReadSessions.Run(_content, _config, new DiagnosticBag()).Count;

    /// <summary>The site model from the read sessions and merged catalog: views and catalog pages (the BuildSiteModel stage).</summary>
    [Benchmark]
    public int SiteModelOfAllSessions() => BuildSiteModel.Run(_config, _sessions, _catalog, _pages).Sessions.Count;

    /// <summary>Markdown to HTML of one session body.</summary>
    [Benchmark]
    public string MarkdownOneSession() => MarkdownRenderer.ToHtml(_sessionBody);

    /// <summary>Every page of the site (sessions, catalog pages, lists) through the compiled templates.</summary>
    [Benchmark]
    public int RenderAllPages() => RenderPages.Run(_model, _templates).Count;

    /// <summary>The lunr index and doc store over every session and paper.</summary>
    [Benchmark]
    public int SearchIndex() => BuildSearchIndex.Run(SearchDocuments.From(_model, _sessions, _pages)).IndexJson.Length;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }
}
