using BenchmarkDotNet.Attributes;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Corpus.Courses;
using SiteGen.Diagnostics;
using SiteGen.Model;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen.Benchmarks;

/// <summary>
/// The BuildSearchIndex stage on a generated course (seed 1, no listings): the whole stage as the build runs it (the two
/// files as UTF-8), and its two halves, the index built from the documents and the built index written as JSON.
/// Run: dotnet run -c Release --project bench/SiteGen.Benchmarks -- --filter '*SearchIndexBenchmarks*' (with --inProcess
/// where BenchmarkDotNet cannot build its own project).
/// </summary>
[MemoryDiagnoser]
public class SearchIndexBenchmarks
{
    [Params(1000)]
    public int Sessions { get; set; }

    private string _dir = "";
    private IReadOnlyList<SearchDocument> _documents = [];
    private LunrIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"sitegen-search-bench-{Environment.ProcessId}");
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
        CourseGenerator.Write(_dir, new CourseCorpusOptions { Sessions = Sessions, Seed = 1 });
        var diagnostics = new DiagnosticBag();
        var content = ContentSource.For(Path.Combine(_dir, "content"));
        var config = LoadConfig.Run(content, new BuildOptions { ContentDir = content.Root, OutDir = Path.Combine(_dir, "site") }, diagnostics);
        var sessions = ReadSessions.Run(content, config, diagnostics);
        var catalog = MergeDuplicates.Run([.. sessions.SelectMany(s => s.Readings)], content, diagnostics);
        var pages = ReadPages.Run(content, config, diagnostics);
        var model = BuildSiteModel.Run(config, sessions, catalog, pages);
        _documents = BuildSearchIndex.Select(SearchDocuments.From(model, sessions, pages), config.Search, "site.yml", diagnostics);
        _index = Index();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private LunrIndex Index()
    {
        var builder = new LunrIndexBuilder(BuildSearchIndex.Fields) { FoldAccents = true };
        foreach (var doc in _documents) builder.Add(doc.Ref, [doc.Title, doc.Authors, doc.Tags, doc.Body]);
        return builder.Build();
    }

    /// <summary>search-index.json and search-docs.json as the build makes them.</summary>
    [Benchmark]
    public int WholeStage()
    {
        var files = BuildSearchIndex.RunUtf8(_documents);
        return files.IndexJson.Length + files.DocsJson.Length;
    }

    /// <summary>Accent folding, lunr's text pipeline, term numbering, postings and BM25 vectors.</summary>
    [Benchmark]
    public int BuildIndex() => Index().Fields.Count;

    /// <summary>The built index written as UTF-8 JSON.</summary>
    [Benchmark]
    public int WriteIndexJson() => _index.ToUtf8Json().Length;
}
