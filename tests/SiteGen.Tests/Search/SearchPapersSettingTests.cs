using System.Text.Json;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// site.yml's <c>search:</c> settings on a copy of the seed course (223 papers, 8 of them assigned by its session):
/// which papers the index and doc store hold, and the warning when the limit applies by default.
/// </summary>
public sealed class SearchPapersSettingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (SiteGen.Model.BuildResult Result, List<string> Kinds, int PaperRows, string Catalog) BuildWith(string searchYaml)
    {
        var content = _dir.Combine("content");
        if (Directory.Exists(content)) Directory.Delete(content, true);
        TempDir.CopyDirectory(RepoPaths.Content, content);
        File.AppendAllText(Path.Combine(content, "site.yml"), "\n" + searchYaml);
        var site = _dir.Combine("site");
        var result = Build.Run(content, site);
        using var docs = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "search-docs.json")));
        var kinds = docs.RootElement.EnumerateObject().Select(d => d.Value.GetProperty("kind").GetString()!).ToList();
        using var papers = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "papers.json")));
        var catalog = string.Concat(Directory.GetFiles(Path.Combine(site, "papers"), "index.html", SearchOption.AllDirectories).Select(File.ReadAllText));
        return (result, kinds, papers.RootElement.GetProperty("papers").GetArrayLength(), catalog);
    }

    [Fact]
    public void By_default_every_paper_is_searchable_while_the_catalog_is_under_the_limit()
    {
        var (result, kinds, paperRows, _) = BuildWith("");
        Assert.Equal(paperRows, kinds.Count(k => k == "paper"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "SG4005");
    }

    [Fact]
    public void Over_the_limit_only_papers_sessions_assign_are_indexed_with_a_warning_and_the_catalog_keeps_all()
    {
        var (result, kinds, paperRows, catalog) = BuildWith("search:\n  max_papers: 20\n");
        var indexed = kinds.Count(k => k == "paper");
        Assert.Equal(result.Readings, indexed); // the seed session's readings are distinct papers
        Assert.True(paperRows > 20 && indexed < paperRows);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "SG4005");
        Assert.Equal($"content/site.yml(1,1): warning SG4005: The catalog has {paperRows} papers, more than search.max_papers (20): search holds only the {indexed} papers sessions assign; the other {paperRows - indexed} stay on the catalog pages but are not searchable.",
            warning.ToString().Split(" Hint:")[0]);
        Assert.Contains("papers: all", warning.Hint);
        // Sessions and pages stay searchable; the catalog pages still list every paper.
        Assert.Contains("session", kinds);
        Assert.Contains("page", kinds);
        Assert.Equal(paperRows, System.Text.RegularExpressions.Regex.Matches(catalog, "class=\"paper\"").Count);
    }

    [Theory]
    [InlineData("search:\n  papers: all\n  max_papers: 20\n", false)]
    [InlineData("search:\n  papers: readings\n", true)]
    public void An_explicit_choice_is_followed_without_a_warning(string yaml, bool readingsOnly)
    {
        var (result, kinds, paperRows, _) = BuildWith(yaml);
        Assert.Equal(readingsOnly ? result.Readings : paperRows, kinds.Count(k => k == "paper"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "SG4005");
    }

    [Theory]
    [InlineData("search:\n  papers: some\n", "content/site.yml(12,11): warning SG1002: search.papers 'some' is not one of auto, all, readings; auto is used.")]
    [InlineData("search:\n  max_papers: lots\n", "content/site.yml(12,15): warning SG1002: search.max_papers 'lots' is not a whole number; 5000 is used.")]
    [InlineData("search:\n  colour: red\n", "content/site.yml(12,3): warning SG1002: Unknown setting 'search.colour' in site.yml is ignored.")]
    [InlineData("search: everything\n", "content/site.yml(11,9): warning SG1002: search: should be a mapping; it is ignored.")]
    public void Bad_search_settings_are_warnings_with_their_position(string yaml, string expected)
    {
        var (result, _, _, _) = BuildWith(yaml);
        Assert.Contains(expected, result.Diagnostics.Select(d => d.ToString().Split(" Hint:")[0]));
    }

    [Fact]
    public void Over_the_limit_with_every_paper_assigned_by_a_session_nothing_is_left_out_and_nothing_warned()
    {
        var docs = Enumerable.Range(0, 3).Select(i => new SiteGen.Model.SearchDocument($"p{i}", $"/p/{i}/", $"Paper {i}", "paper", "", "", "", "")).ToList();
        var diagnostics = new SiteGen.Diagnostics.DiagnosticBag();
        var kept = SiteGen.Search.BuildSearchIndex.Select(docs, new SiteGen.Model.SearchSettings { MaxPapers = 1 }, "content/site.yml", diagnostics);
        Assert.Equal(docs, kept);
        Assert.Empty(diagnostics.Items);
    }
}
