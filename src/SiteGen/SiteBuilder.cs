using System.Diagnostics;
using SiteGen.Merging;
using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Files;
using SiteGen.Incremental;
using SiteGen.Listings;
using SiteGen.Model;
using SiteGen.Output;
using SiteGen.Rendering;
using SiteGen.Search;
using SiteGen.Site;

namespace SiteGen;

/// <summary>One build, as a flat list of named stages meeting only through model records.</summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var timings = new List<StageTiming>();
        T Timed<T>(string name, bool background, Func<T> run)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var allocated = GC.GetTotalAllocatedBytes();
            var watch = Stopwatch.StartNew();
            var result = run();
            lock (timings) timings.Add(new StageTiming(name, watch.Elapsed, Environment.CpuUsage.TotalTime - cpu, background) { Allocated = GC.GetTotalAllocatedBytes() - allocated });
            return result;
        }
        T Stage<T>(string name, Func<T> run)
        {
            var result = Timed(name, background: false, run);
            options.Progress?.Report(name);
            return result;
        }
        // A stage that runs while the next ones do: its own wall time, and the process's CPU time meanwhile (which
        // includes the stages beside it), listed when it ends.
        Task<T> Background<T>(string name, Func<T> run) => Task.Run(() => Timed(name, background: true, run));

        var content = ContentSource.For(options.ContentDir);
        if (!Directory.Exists(content.Root))
        {
            diagnostics.Error(DiagnosticCodes.ContentFolderMissing, options.ContentDir, 1, 1, $"Content folder {options.ContentDir} does not exist.",
                "Run from the course folder, or pass --content PATH to a folder holding sessions/ (and optionally listings/, pages/, site.yml).");
            return new BuildResult { Diagnostics = diagnostics.Items };
        }

        // A build killed while writing left its staging folder beside the site: gone before anything else is written.
        if (!options.CheckOnly) WriteSite.RemoveLeftovers(options.OutDir);

        var config = Stage("LoadConfig", () => LoadConfig.Run(content, options, diagnostics));
        // Parsing the templates is start-up work (Scriban's parser and its built-in functions): it runs on
        // the other core while the content is read and merged; the LoadTemplates stage below is the wait for it.
        // The page keys' serializers are prepared there too.
        var templatesLoading = Task.Run(() =>
        {
            if (!options.CheckOnly) PageCache.Prepare();
            return ProcessTemplateCache.Load(TemplateFolders(content, config), diagnostics);
        });
        var sessions = Stage("ReadSessions", () => ReadSessions.Run(content, config, diagnostics));
        var pages = Stage("ReadPages", () => ReadPages.Run(content, config, diagnostics));
        var listings = Stage("ReadListings", () => ReadListings.Run(content, config, diagnostics));
        var readings = sessions.SelectMany(s => s.Readings).ToList();
        var catalog = Stage("MergeDuplicates", () => MergeDuplicates.Run([.. readings, .. listings.Records], content, diagnostics));
        var model = Stage("BuildSiteModel", () => BuildSiteModel.Run(config, sessions, catalog, pages));
        var templates = Stage("LoadTemplates", () => templatesLoading.GetAwaiter().GetResult());
        var files = new List<OutputFile>();
        // The search index needs only the model: it is built beside the page keys and the pages, so the serial parts of
        // either stage leave no core idle. The BuildSearchIndex stage below is the wait for it.
        var searchDocuments = Stage("SearchDocuments", () =>
            BuildSearchIndex.Select(SearchDocuments.From(model, sessions, pages), config.Search, content.Display("site.yml"), diagnostics));
        var searchIndexing = Background("BuildSearchIndex (beside the pages)", () => SiteWideFiles.Search(BuildSearchIndex.RunUtf8(searchDocuments, options.Cache?.Of<LunrAnalysisCache>())));
        // So are the other site-wide files (papers.json, papers.bib, the review file, sitemap and feeds): the SiteWideFiles
        // stage below adds the search files to them.
        var siteFilesMaking = Background("SiteWideFiles (beside the pages)", () => SiteWideFiles.Make(config, model, catalog));
        // Incremental builds: pages whose inputs did not change since the last build are reused instead of rendered.
        var pageCache = options.CheckOnly ? null : Stage("PageKeys", () => new PageCache(options.OutDir, options.Incremental ? BuildManifest.Load(options.OutDir) : null, model, TemplateDependencies.KeysOf(templates), TemplateDependencies.LocalTemplatesOf(templates)));
        var rendered = 0;
        if (templates.IsComplete)
        {
            files.AddRange(Stage("RenderPages", () => RenderPages.Run(model, templates, pageCache, diagnostics)));
            rendered = files.Count - (pageCache?.Reused ?? 0);
        }
        var search = Stage("BuildSearchIndex", () => searchIndexing.GetAwaiter().GetResult());
        files.AddRange(Stage<OutputFile[]>("SiteWideFiles", () => [.. siteFilesMaking.GetAwaiter().GetResult(), .. search]));
        var copies = Stage("CollectAssets", () => Copies(content, config, TemplateFolders(content, config), diagnostics));
        Stage("CheckOutputPaths", () =>
        {
            OutputPaths.Check(files, copies, OutputSources(sessions, pages, copies, content, config), diagnostics);
            return 0;
        });
        Stage("CheckLinks", () =>
        {
            CheckLinks.Run(config.BaseUrl, files, copies.Keys, PageSources(sessions, pages, content, config), diagnostics);
            return 0;
        });

        var failed = diagnostics.ErrorCount > 0 || (options.Strict && diagnostics.WarningCount > 0);
        var written = false;
        WriteReport? write = null;
        if (!failed && !options.CheckOnly)
        {
            files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
            try
            {
                write = Stage("WriteSite", () => WriteSite.Run(options.OutDir, files, copies, pageCache!.Previous, pageCache.Keys));
                written = true;
            }
            catch (OutputWriteException e)
            {
                diagnostics.Error(DiagnosticCodes.OutputWriteFailed, e.Path, 1, 1, $"Could not write the site: {e.Message}; the previous site is unchanged.",
                    "Check that the output path is a writable folder with free space (or pass --out to another folder), then build again.");
                failed = true;
            }
        }

        return new BuildResult
        {
            Diagnostics = diagnostics.Items,
            Succeeded = !failed,
            Written = written,
            Sessions = sessions.Count,
            Readings = readings.Count,
            ListingRecords = listings.Records.Count,
            Papers = catalog.Papers.Count,
            FilesWritten = write?.Written ?? 0,
            FilesDeleted = write?.Deleted ?? 0,
            PagesRendered = rendered,
            Incremental = write is { Full: false },
            BaseUrl = config.BaseUrl,
            Listings = listings.Summaries,
            Timings = timings,
            TemplateFolders = TemplateFolders(content, config),
        };
    }

    /// <summary>Built-in templates first, then templates/ beside the content folder, then site.yml's templates: later files replace earlier ones.</summary>
    public static IReadOnlyList<string> TemplateFolders(ContentSource content, SiteConfig config)
    {
        var folders = new List<string> { TemplateSet.BuiltInFolder };
        var parent = Path.GetDirectoryName(content.Root)!;
        var beside = Path.Combine(parent, "templates");
        if (Directory.Exists(beside) && !SamePath(beside, TemplateSet.BuiltInFolder)) folders.Add(beside);
        if (config.Templates is { } named)
        {
            var path = Path.IsPathRooted(named) ? named : Path.Combine(parent, named);
            if (!folders.Any(f => SamePath(f, path))) folders.Add(path);
        }
        return folders;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd('/'), Path.GetFullPath(b).TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>Assets from the template folders (later folders win), and the course's slide decks and images, copied as they are.</summary>
    private static SortedDictionary<string, string> Copies(ContentSource content, SiteConfig config, IReadOnlyList<string> templateFolders, DiagnosticBag diagnostics)
    {
        var copies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        // Links may not leave the folder the files come from: the course for decks and images, each template folder for its assets.
        void Add(string root, string folder, string prefix)
        {
            foreach (var file in CourseFiles.List(root, folder, extension: null, recursive: true, skipDotNames: true, diagnostics, Display))
                copies[prefix + Path.GetRelativePath(folder, file).Replace('\\', '/')] = file;
        }
        string Display(string path) => path.StartsWith(content.Root + "/", StringComparison.Ordinal) ? content.Display(content.Relative(path)) : path;
        foreach (var folder in templateFolders) Add(folder, Path.Combine(folder, "assets"), "assets/");
        Add(content.Root, Path.Combine(content.Root, SlideDeck.Folder), SlideDeck.Folder + "/");
        Add(content.Root, Path.Combine(content.Root, "images"), "images/");
        // A course's own asset folders (public/, notebook/ of a Jekyll course) keep their URLs.
        foreach (var folder in config.Layout.AssetFolders) Add(content.Root, Path.Combine(content.Root, folder), folder + "/");
        return copies;
    }

    /// <summary>Output path -> the content files that make it (two means a clash).</summary>
    private static Dictionary<string, List<string>> OutputSources(IReadOnlyList<Session> sessions, IReadOnlyList<StaticPage> pages,
        IReadOnlyDictionary<string, string> copies, ContentSource content, SiteConfig config)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string source)
        {
            if (!map.TryGetValue(path, out var list)) map[path] = list = [];
            list.Add(source);
        }
        foreach (var s in sessions) Add(config.Layout.SessionFile(s.Name), content.Display(s.File));
        foreach (var p in pages) Add(p.OutputFile, content.Display(p.File));
        foreach (var (path, source) in copies)
            Add(path, source.StartsWith(content.Root + "/", StringComparison.Ordinal) ? content.Display(content.Relative(source)) : source);
        return map;
    }

    /// <summary>Which source file a page came from, so a broken link names the file to fix.</summary>
    private static Dictionary<string, string> PageSources(IReadOnlyList<Session> sessions, IReadOnlyList<StaticPage> pages, ContentSource content, SiteConfig config)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in sessions) map[config.Layout.SessionFile(s.Name)] = content.Display(s.File);
        foreach (var p in pages) map[p.OutputFile] = content.Display(p.File);
        return map;
    }
}
