using SiteGen.Tests.Support;
using System.Text.Json;
using SiteGen.Merging;
using SiteGen.Corpus.Records;
using SiteGen.Model;
using SiteGen.Output;
using static SiteGen.Tests.Catalog.SeedRecords;

namespace SiteGen.Tests.Catalog;

public sealed class CatalogFilesTests
{
    [Fact]
    public void Papers_json_has_the_contract_shape()
    {
        var catalog = Resolver.Resolve(All).Catalog;
        using var doc = JsonDocument.Parse(CatalogText.PapersJson(catalog, "/course/"));
        var papers = doc.RootElement.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(catalog.Papers.Count, papers.Count);
        foreach (var p in papers)
            Assert.Equal(["id", "title", "arxivId", "authors", "authorCount", "abstract", "sources", "sessions"], p.EnumerateObject().Select(x => x.Name));
        var foundation = papers.Single(p => p.GetProperty("id").GetString() == "2504.01990");
        Assert.Equal("2504.01990", foundation.GetProperty("arxivId").GetString());
        Assert.Equal(47, foundation.GetProperty("authorCount").GetInt32());
        Assert.Equal(["/course/sessions/W13.1-T3-smallLLM-agents/"], foundation.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        var sources = foundation.GetProperty("sources").EnumerateArray()
            .Select(s => (s.GetProperty("file").GetString(), s.GetProperty("line").GetInt32(), s.GetProperty("kind").GetString())).ToList();
        Assert.Equal([(Arxiv, 9, "arxiv-listing"), (Hf1, 119, "hf-listing"), (SeedRecords.Session, 22, "session")], sources);
        var hfOnly = papers.Single(p => p.GetProperty("title").GetString() == "A Survey on the Optimization of Large Language Model-based Agents");
        Assert.Equal(JsonValueKind.Null, hfOnly.GetProperty("arxivId").ValueKind);
        Assert.Empty(hfOnly.GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public void Scraped_markup_is_escaped_in_json_and_bibtex()
    {
        var evil = new PaperRecord
        {
            Source = new SourceRef("listings/x.txt", 1, 3, SourceKind.HfListing),
            Title = "</script><script>alert(1)</script> & {Tricks} 100% $x$",
            Abstract = "An abstract with <b>tags</b> & ampersands that is long enough to be an abstract of a paper.",
        };
        var catalog = Resolver.Resolve([evil]).Catalog;
        var json = CatalogText.PapersJson(catalog, "/");
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", json, StringComparison.Ordinal);
        Assert.Equal(evil.Title, JsonDocument.Parse(json).RootElement.GetProperty("papers")[0].GetProperty("title").GetString());
        var bib = CatalogText.PapersBib(catalog);
        Assert.Contains("\\& \\{Tricks\\} 100\\% \\$x\\$", bib, StringComparison.Ordinal);
        Assert.DoesNotContain("<", CatalogText.DedupReportJson(catalog), StringComparison.Ordinal);
    }

    [Fact]
    public void Bibtex_has_one_entry_per_paper_with_arxiv_fields()
    {
        var catalog = Resolver.Resolve(All).Catalog;
        var bib = CatalogText.PapersBib(catalog);
        Assert.Equal(catalog.Papers.Count, bib.Split("@misc{").Length - 1);
        Assert.Contains("@misc{2504.01990,\n", bib, StringComparison.Ordinal);
        Assert.Contains("  eprint = {2504.01990},\n  archivePrefix = {arXiv},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public void Dedup_report_shows_both_sides_reasons_and_a_ready_answer()
    {
        var a = SurveyAutonomousDaily with { Abstract = null, AuthorCount = null };
        var b = SurveyAutonomous1 with { Abstract = null, AuthorCount = null };
        var catalog = Resolver.Resolve([a, b]).Catalog;
        using var doc = JsonDocument.Parse(CatalogText.DedupReportJson(catalog));
        var item = doc.RootElement.GetProperty("review").EnumerateArray().Single();
        Assert.Equal("uncertain", item.GetProperty("kind").GetString());
        Assert.Equal(HfDaily, item.GetProperty("a").GetProperty("file").GetString());
        Assert.Equal(Hf1, item.GetProperty("b").GetProperty("file").GetString());
        Assert.NotEmpty(item.GetProperty("reasons").EnumerateArray());
        var answer = item.GetProperty("answer").GetString()!;
        // The snippet pasted under "decisions:" is a valid answer for the same two records.
        var parsed = DedupDecisions.Parse("decisions:\n" + answer + "\n", "x", new Diagnostics.DiagnosticBag());
        Assert.Equal((CatalogText.RecordKey(a), CatalogText.RecordKey(b)), (parsed[0].KeyA, parsed[0].KeyB));
    }

    [Fact]
    public void Same_input_gives_the_same_ids_and_the_same_files()
    {
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 2000, Seed = 7 });
        var first = Resolver.Resolve(data.Records).Catalog;
        var second = Resolver.Resolve(data.Records, options: ResolverOptions.Default with { Threads = 1 }).Catalog;
        Assert.Equal(first.Papers.Select(p => p.Id), second.Papers.Select(p => p.Id));
        Assert.Equal(CatalogText.PapersJson(first, "/"), CatalogText.PapersJson(second, "/"));
        Assert.Equal(CatalogText.DedupReportJson(first), CatalogText.DedupReportJson(second));
        Assert.Equal(CatalogText.PapersBib(first), CatalogText.PapersBib(second));
        Assert.Equal(first.Papers.Select(p => p.Id).Order(StringComparer.Ordinal), first.Papers.Select(p => p.Id));
    }

    [Fact]
    public void Paper_ids_do_not_depend_on_record_order()
    {
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 1000, Seed = 8 });
        var forward = Resolver.Resolve(data.Records).Catalog;
        var backward = Resolver.Resolve(data.Records.Reverse().ToList()).Catalog;
        Assert.Equal(forward.Papers.Select(p => p.Id), backward.Papers.Select(p => p.Id));
        Assert.Equal(CatalogText.PapersJson(forward, "/"), CatalogText.PapersJson(backward, "/"));
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var a = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 300, Seed = 5 });
        var b = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 300, Seed = 5 });
        Assert.Equal(a.Records, b.Records, (x, y) => x.Source == y.Source && x.Title == y.Title && x.Abstract == y.Abstract && x.ArxivId == y.ArxivId);
        Assert.Equal(a.Truth, b.Truth);
    }

    [Fact]
    public void Files_list_papers_by_id_and_sources_once_each_in_file_and_line_order_whatever_order_the_catalog_gives()
    {
        var listing = new SourceRef("listings/b.txt", 40, 44, SourceKind.HfListing);
        var session = new SourceRef("sessions/a.md", 12, 15, SourceKind.Session);
        var earlier = new SourceRef("listings/b.txt", 7, 9, SourceKind.ArxivListing);
        PaperRecord Record(SourceRef source) => new() { Source = source, Title = "Some title" };
        var second = new Paper { Id = "p2", Title = "Second", Records = [Record(listing), Record(session), Record(listing), Record(earlier)], Sessions = ["z-last", "a-first"] };
        var first = new Paper { Id = "p1", Title = "First", Records = [Record(session)] };
        var catalog = new Model.Catalog([second, first], [], new Dictionary<SourceRef, string>());

        using var doc = JsonDocument.Parse(CatalogText.PapersJson(catalog, "/c/"));
        var papers = doc.RootElement.GetProperty("papers").EnumerateArray().ToList();
        Assert.Equal(["p1", "p2"], papers.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal([("listings/b.txt", 7), ("listings/b.txt", 40), ("sessions/a.md", 12)],
            papers[1].GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("file").GetString(), s.GetProperty("line").GetInt32())));
        Assert.Equal(["/c/sessions/a-first/", "/c/sessions/z-last/"], papers[1].GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        var bib = CatalogText.PapersBib(catalog);
        Assert.True(bib.IndexOf("@misc{p1,", StringComparison.Ordinal) < bib.IndexOf("@misc{p2,", StringComparison.Ordinal));
    }

    [Fact]
    public void Bibtex_leaves_out_blank_fields_and_keeps_and_others()
    {
        var blank = new Paper { Id = "blank author/1", Title = "T", Authors = ["  "], Url = " ", Doi = "10.1/x_y" };
        var others = new Paper { Id = "others", Title = "T~2", Authors = ["  "], AuthorCount = 3, Date = new DateOnly(2024, 5, 1) };
        var bib = CatalogText.PapersBib(new Model.Catalog([blank, others], [], new Dictionary<SourceRef, string>()));
        Assert.Equal(
            "@misc{blank-author-1,\n  title = {{T}},\n  doi = {10.1/x\\_y},\n}\n\n" +
            "@misc{others,\n  title = {{T\\~{}2}},\n  author = {   and others},\n  year = {2024},\n}\n\n", bib);
    }

    [Fact]
    public void Large_files_come_out_whole_and_in_utf8()
    {
        // Several MB: the files are gathered in 1 MB pieces, and every piece must be joined in order.
        var papers = Enumerable.Range(0, 3000).Select(i => new Paper
        {
            Id = $"p{i:D5}",
            Title = $"Título {i} — ünïcödé",
            Authors = ["Zoë Kim", "Jun Diaz"],
            Abstract = string.Concat(Enumerable.Repeat($"Abstract {i} with text & symbols. ", 40)),
        }).ToList();
        var catalog = new Model.Catalog(papers, [], new Dictionary<SourceRef, string>());
        var json = CatalogFiles.PapersJsonUtf8(catalog, "/");
        Assert.True(json.Length > 3_000_000);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(papers.Select(p => p.Abstract), doc.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("abstract").GetString()));
        var bib = System.Text.Encoding.UTF8.GetString(CatalogFiles.PapersBibUtf8(catalog));
        Assert.Equal(3000, bib.Split("@misc{").Length - 1);
        Assert.Contains("@misc{p02999,\n  title = {{Título 2999 — ünïcödé}},\n  author = {Zoë Kim and Jun Diaz},\n}\n\n", bib, StringComparison.Ordinal);
        Assert.EndsWith("}\n\n", bib, StringComparison.Ordinal);
    }
}
