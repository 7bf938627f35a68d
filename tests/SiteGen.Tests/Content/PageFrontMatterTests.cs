using SiteGen.Diagnostics;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>A static page's broken front matter is reported as a page problem, at its line in the page file.</summary>
public sealed class PageFrontMatterTests
{
    [Fact]
    public void Invalid_page_yaml_is_a_page_error_not_a_session_error()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/sessions/S1.md"] = "---\ntitle: One\n---\n\nText.\n",
            ["content/pages/syllabus.md"] = "---\ntitle: Syllabus\norder: [1\n---\n\nText.\n",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.PageYaml, error.Code);
        Assert.NotEqual(DiagnosticCodes.SessionYaml, error.Code);
        Assert.EndsWith("pages/syllabus.md", error.Path, StringComparison.Ordinal);
        Assert.InRange(error.Line, 3, 4);
    }

    /// <summary>A page's permalink: as Jekyll reads it; one that names no page of its own is a warning and the default URL is kept.</summary>
    [Fact]
    public void A_page_is_written_where_its_permalink_or_page_url_says()
    {
        using var work = new TempDir().With(new Dictionary<string, string>
        {
            ["content/site.yml"] = "title: T\npage_url: /:name.html\n",
            ["content/sessions/S1.md"] = "---\ntitle: One\n---\n\nSee [about](/about/), [faq](/help/faq.html), [team](/team) and [notes](/notes.html).\n",
            ["content/pages/about.md"] = "---\ntitle: About\npermalink: /about/\n---\nText.\n",
            ["content/pages/faq.md"] = "---\ntitle: FAQ\npermalink: /help/faq.html\n---\nText.\n",
            ["content/pages/people.md"] = "---\ntitle: Team\npermalink: /team\n---\nText.\n",
            ["content/pages/notes.md"] = "---\ntitle: Notes\n---\nText.\n",
            ["content/pages/odd.md"] = "---\ntitle: Odd\npermalink: /:title/../x/\n---\nText.\n",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"), baseUrl: "/");

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        foreach (var file in new[] { "about/index.html", "help/faq.html", "team.html", "notes.html", "odd.html" })
            Assert.True(File.Exists(work.Combine("site", file)), file);
        Assert.False(Directory.Exists(work.Combine("site", "notes")));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("points to nothing", StringComparison.Ordinal));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.PagePermalink);
        Assert.Equal("content/pages/odd.md(3,1): warning SG1303: permalink: '/:title/../x/' is not a URL SiteGen can give this page; it is served at /odd.html. Hint: Write a plain path such as permalink: /about/ or /about.html (no :placeholders, no .., not /).", warning.ToString());
        Assert.Contains("<loc>/help/faq.html</loc>", File.ReadAllText(work.Combine("site", "sitemap.xml")).Replace("https://example.org", "", StringComparison.Ordinal));
    }
}
