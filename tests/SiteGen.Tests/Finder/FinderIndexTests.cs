using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SiteGen.Finder;
using SiteGen.Tests.Cli;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Finder;

/// <summary>The on-disk index: where it lives, incremental refresh, and damaged or concurrent use.</summary>
public sealed class FinderIndexTests : IDisposable
{
    private readonly FinderCourse _course = new();

    public void Dispose() => _course.Dispose();

    private static readonly string[] Queries = ["agent", "title:agent -survey", "\"language models\"", "authors:zhang", "zebra", "penguin*", "reasoning OR planning"];

    private const string ZebraAbstract = "We study zebra herding as a benchmark for language agents that plan over long horizons, coordinate with each other and adapt to a savanna that changes under them; our agents herd zebras across rivers with fewer losses than scripted baselines, and we release the environment and the traces of every episode.";

    [Fact]
    public void First_use_makes_the_index_beside_the_site_folder_and_a_second_use_reads_no_content()
    {
        using (var first = _course.Open())
        {
            Assert.True(first.Refresh.Built);
            Assert.Equal(first.Refresh.Papers, first.Refresh.Added);
            Assert.True(first.Refresh.Papers > 200);
        }
        Assert.True(System.IO.Directory.Exists(Path.Combine(_course.Root, ".site.sitegen-finder")));
        Assert.False(System.IO.Directory.Exists(Path.Combine(_course.Root, "site")));
        using var second = _course.Open();
        Assert.True(second.Refresh.Unchanged);
        Assert.Empty(second.Diagnostics);
    }

    [Fact]
    public void Adding_editing_and_deleting_listings_reindexes_only_those_papers_and_matches_a_fresh_index()
    {
        using (_course.Open()) { }

        File.WriteAllText(_course.File("listings/hf-zebra.txt"), "Zebra Herding with Language Agents\n\n" + ZebraAbstract + "\n\n  • 3 authors\n·\nDec 12, 2025\n");
        var added = Refresh();
        Assert.Equal((1, 0, 0, false), (added.Added, added.Changed, added.Removed, added.Built));
        Assert.Equal("Zebra Herding with Language Agents", _course.Titles("zebra")[0]);
        SameAsFresh();

        var listing = _course.File("listings/hf-papers-agents-1.txt");
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("ProAgent: Building Proactive Cooperative AI with Large Language Models", "ProAgent: Building Proactive Cooperative Penguins with Large Language Models", StringComparison.Ordinal));
        var edited = Refresh();
        Assert.False(edited.Built);
        Assert.InRange(edited.Added + edited.Changed + edited.Removed, 1, 4);
        Assert.Equal("ProAgent: Building Proactive Cooperative Penguins with Large Language Models", _course.Titles("title:penguins")[0]);
        SameAsFresh();

        File.Delete(_course.File("listings/hf-zebra.txt"));
        var deleted = Refresh();
        Assert.Equal((0, 0, 1), (deleted.Added, deleted.Changed, deleted.Removed));
        Assert.Empty(_course.Titles("zebra"));
        SameAsFresh();
    }

    [Fact]
    public void After_listing_and_session_changes_the_refreshed_index_holds_what_a_fresh_index_of_the_same_content_holds()
    {
        var serving = _course.Options with { KeepReadCache = true };
        using (_course.Open(serving)) { }

        File.WriteAllText(_course.File("listings/hf-zebra.txt"), "Zebra Herding with Language Agents\n\n" + ZebraAbstract + "\n\n  • 3 authors\n·\nDec 12, 2025\n");
        var listing = _course.File("listings/hf-papers-agents-1.txt");
        File.WriteAllText(listing, File.ReadAllText(listing).Replace("ProAgent: Building Proactive Cooperative AI", "ProAgent: Building Proactive Cooperative Penguins", StringComparison.Ordinal));
        File.WriteAllText(_course.File("sessions/W14.md"), "---\ntitle: Tools\n---\n\n## Required Readings:\n\n#### EcoAct: Economic Agent Determines When to Register What Action\n+ [https://arxiv.org/abs/2411.01643](https://arxiv.org/abs/2411.01643)\n");
        var changed = Refresh(serving);
        // This process kept the records of the two listings that did not change.
        Assert.Equal((2, 3), (changed.ListingFilesParsed, changed.ListingFilesReused));
        SameDocumentsAsFresh();

        File.Delete(_course.File("listings/hf-papers-agents-2.txt"));
        File.Delete(_course.File("sessions/W14.md"));
        var deleted = Refresh(serving);
        Assert.Equal((0, 4), (deleted.ListingFilesParsed, deleted.ListingFilesReused));
        Assert.True(deleted.Removed > 0);
        SameDocumentsAsFresh();
    }

    /// <summary>Every stored field of every live document, and the sessions, equal those of an index made from a copy of the content in another process state (nothing kept).</summary>
    private void SameDocumentsAsFresh()
    {
        using var copy = new TempDir();
        TempDir.CopyDirectory(_course.Content, copy.Combine("content"));
        using var fresh = FinderIndex.Open(new FinderOptions { ContentDir = copy.Combine("content"), OutDir = copy.Combine("site") });
        Assert.True(fresh.Refresh.Built);
        using var refreshed = _course.Open();
        Assert.True(refreshed.Refresh.Unchanged);
        Assert.Equal(Documents(fresh), Documents(refreshed));
        Assert.Equal(fresh.Sessions, refreshed.Sessions);
    }

    private static List<string> Documents(FinderIndex index)
    {
        var documents = new List<string>();
        var ids = new BytesRef();
        var hashes = new BytesRef();
        foreach (var leaf in index.Reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var idValues = segment.GetBinaryDocValues("id");
            var hashValues = segment.GetBinaryDocValues("hash");
            for (var i = 0; i < segment.MaxDoc; i++)
            {
                if (segment.LiveDocs is { } live && !live.Get(i)) continue;
                idValues.Get(i, ids);
                hashValues.Get(i, hashes);
                var fields = segment.Document(i).Fields.Select(f => f.Name + "=" + (f.GetStringValue() ?? f.GetInt32Value()?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                documents.Add(ids.Utf8ToString() + " " + hashes.Utf8ToString() + "\n" + string.Join("\n", fields));
            }
        }
        documents.Sort(StringComparer.Ordinal);
        return documents;
    }

    private IndexRefresh Refresh(FinderOptions? options = null)
    {
        using var index = _course.Open(options);
        return index.Refresh;
    }

    /// <summary>Every query finds the same papers, as many of them, as an index made from scratch.</summary>
    private void SameAsFresh()
    {
        using var freshDir = new TempDir();
        var fresh = _course.Options with { OutDir = Path.Combine(freshDir.Path, "site") };
        foreach (var query in Queries)
        {
            var a = _course.Find(new FindRequest { Query = query, Limit = 10_000 });
            var b = _course.Find(new FindRequest { Query = query, Limit = 10_000 }, fresh);
            Assert.Equal(b.TotalHits, a.TotalHits);
            Assert.Equal(b.Papers.Select(p => p.Id).Order(StringComparer.Ordinal), a.Papers.Select(p => p.Id).Order(StringComparer.Ordinal));
            Assert.Equal(b.Papers.Select(p => p.Snippet + p.Title + string.Join(",", p.Sessions)).Order(StringComparer.Ordinal), a.Papers.Select(p => p.Snippet + p.Title + string.Join(",", p.Sessions)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_session_that_starts_assigning_a_listing_paper_changes_its_assignment()
    {
        using (_course.Open()) { }
        Assert.Single(_course.Find(new FindRequest { Query = "arxiv:2411.01643", UnassignedOnly = true }).Papers);
        File.WriteAllText(_course.File("sessions/W14.md"), "---\ntitle: Tools\n---\n\n## Required Readings:\n\n#### EcoAct: Economic Agent Determines When to Register What Action\n+ [https://arxiv.org/abs/2411.01643](https://arxiv.org/abs/2411.01643)\n");
        var refresh = Refresh();
        Assert.Equal(0, refresh.Added);
        Assert.Equal(1, refresh.Changed);
        Assert.Empty(_course.Find(new FindRequest { Query = "arxiv:2411.01643", UnassignedOnly = true }).Papers);
        var paper = Assert.Single(_course.Find(new FindRequest { Query = "title:EcoAct" }).Papers);
        Assert.Equal("2411.01643", paper.ArxivId);
        Assert.Equal(["W14"], paper.Sessions);
    }

    [Fact]
    public void A_corrupt_index_is_rebuilt_with_a_note()
    {
        using (_course.Open()) { }
        var dir = Path.Combine(_course.Root, ".site.sitegen-finder");
        foreach (var file in System.IO.Directory.GetFiles(dir).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5]);
        using var index = _course.Open();
        Assert.NotNull(index.Refresh.RebuiltBecause);
        Assert.True(index.Refresh.Built);
        Assert.StartsWith("Advances and Challenges in Foundation Agents", SiteGen.Finder.Finder.Search(index, new FindRequest { Query = "\"foundation agents\"" }).Papers[0].Title);
    }

    [Fact]
    public void An_index_of_another_format_is_rebuilt_with_a_note()
    {
        var dir = Path.Combine(_course.Root, ".site.sitegen-finder");
        using (var directory = FSDirectory.Open(dir))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            writer.AddDocument([new StringField("id", "old", Field.Store.YES)]);
            writer.SetCommitData(new Dictionary<string, string> { ["sitegen.format"] = "0" });
            writer.Commit();
        }
        using var index = _course.Open();
        Assert.Equal("it was made by another version of the finder", index.Refresh.RebuiltBecause);
        Assert.Equal(index.Refresh.Papers, index.Reader.NumDocs);
        Assert.True(index.Refresh.Papers > 200);
    }

    [Fact]
    public void An_empty_catalog_gives_an_empty_index_and_a_note()
    {
        using var empty = new FinderCourse(seed: false);
        File.WriteAllText(empty.File("site.yml"), "title: Empty\n");
        using (var index = empty.Open()) Assert.Equal(0, index.Refresh.Papers);
        var output = CliProcess.Sitegen(empty.Root, "find", "agent");
        Assert.Equal(0, output.ExitCode);
        Assert.Contains("the catalog of content is empty", output.Stderr, StringComparison.Ordinal);
        Assert.Equal("0 of 0 matching paper(s)\n", output.Stdout);
    }

    [Fact]
    public async Task Two_find_processes_at_once_both_answer_the_same()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"", "--format", "json"))));
        foreach (var run in results)
        {
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("2504.01990", run.Stdout, StringComparison.Ordinal);
        }
        Assert.Equal(results[0].Stdout, results[1].Stdout);
        using var index = _course.Open();
        Assert.True(index.Refresh.Unchanged);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_write_lock_left_by_a_killed_find_does_not_stop_the_next_find(bool indexPresent)
    {
        var dir = Path.Combine(_course.Root, ".site.sitegen-finder");
        if (indexPresent) Assert.Equal(0, CliProcess.Sitegen(_course.Root, "find", "agent").ExitCode);
        // What a find killed while writing leaves: Lucene's write.lock (and the gate's file), held by no process.
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "write.lock"), "");
        File.WriteAllText(Path.Combine(dir, "sitegen-writer.lock"), "");
        // New content, so that the next find has to write the index, not only read it.
        File.WriteAllText(_course.File("listings/hf-zebra.txt"), "Zebra Herding with Language Agents\n\n" + ZebraAbstract + "\n\n  • 3 authors\n·\nDec 12, 2025\n");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = CliProcess.Sitegen(_course.Root, "find", "zebra", "--format", "json");
        Assert.True(output.ExitCode == 0, output.Stderr);
        // It did not wait out the two minutes for a lock nobody holds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.DoesNotContain("locked", output.Stderr, StringComparison.Ordinal);
        Assert.Contains(indexPresent ? "note: index refreshed" : "note: indexed", output.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"Zebra Herding with Language Agents\"", output.Stdout, StringComparison.Ordinal);
        using var index = _course.Open();
        Assert.True(index.Refresh.Unchanged);
        Assert.True(index.Refresh.Papers > 200);
    }

    [Fact]
    public void A_find_killed_while_it_writes_the_index_does_not_stop_the_next_find()
    {
        var dir = Path.Combine(_course.Root, ".site.sitegen-finder");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = _course.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "SiteGen.Cli.dll"), "find", "agent" }) start.ArgumentList.Add(a);
        using (var first = System.Diagnostics.Process.Start(start)!)
        {
            // Killed once Lucene's write lock is there: between opening the writer and its commit.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!File.Exists(Path.Combine(dir, "write.lock")) && !first.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(2);
            Assert.False(first.HasExited, "the first find ended before it could be killed while writing");
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }
        Assert.True(File.Exists(Path.Combine(dir, "write.lock")));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = CliProcess.Sitegen(_course.Root, "find", "\"foundation agents\"", "--format", "json");
        Assert.True(output.ExitCode == 0, output.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.DoesNotContain("locked", output.Stderr, StringComparison.Ordinal);
        Assert.Contains("2504.01990", output.Stdout, StringComparison.Ordinal);
        using var index = _course.Open();
        Assert.True(index.Refresh.Unchanged);
        Assert.True(index.Refresh.Papers > 200);
    }
}
