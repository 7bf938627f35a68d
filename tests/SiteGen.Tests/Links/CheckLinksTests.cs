using System.Text;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Links;

/// <summary>Internal links in the built pages are checked against the files the build writes.</summary>
public class CheckLinksTests
{
    /// <summary>The broken links CheckLinks reports for one page under base URL "/" with nothing else built.</summary>
    private static List<string> BrokenLinks(string html)
    {
        var diagnostics = new SiteGen.Diagnostics.DiagnosticBag();
        CheckLinks.Run("/", [new SiteGen.Model.OutputFile("page.html", Encoding.UTF8.GetBytes(html))], [], new Dictionary<string, string>(StringComparer.Ordinal), diagnostics);
        return diagnostics.Items.Select(d => d.Message.Split(' ')[1]).ToList();
    }

    [Fact]
    public void Href_and_src_values_are_checked_html_decoded()
    {
        var html = """<a class="x" href="/a?b=1&amp;c=2">A</a><img alt="" src="/i.png"><div data-src="/d"></div><a href="">E</a><p title="href"></p><a href="/page.html">self</a><a href="/last""";

        // The unterminated last value is not a link; data-src ends in src=" and is checked like src; the page itself exists.
        Assert.Equal(["/a?b=1&c=2", "/d", "/i.png"], BrokenLinks(html).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Non_ascii_urls_come_back_as_written()
    {
        Assert.Equal(["/tags/réseaux/"], BrokenLinks("<a href=\"/tags/réseaux/\">r</a>"));
    }

    [Fact]
    public void A_link_to_a_missing_page_is_one_warning_and_a_link_outside_the_base_url_another()
    {
        using var work = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content/sessions/W01.md"] = "---\ntitle: One\n---\nSee [notes](/course/notes/missing.html) and [old site](/elsewhere/page.html).\n",
            ["content/sessions/W02.md"] = "---\ntitle: Two\n---\nAlso [notes](/course/notes/missing.html) and [one](/course/sessions/W01/).\n",
        });

        var result = Build.Run(work.Combine("content"), work.Combine("site"), baseUrl: "/course/");

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var warnings = result.Diagnostics.Where(d => d.Code == "SG4002").Select(d => d.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, m => m.StartsWith("Link /course/notes/missing.html on sessions/W01/index.html points to nothing", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m == "Link /elsewhere/page.html is outside the site's base URL /course/.");
    }

    [Fact]
    public void Links_that_resolve_after_decoding_or_to_a_folder_page_are_no_warning_and_the_rest_keep_their_text()
    {
        var files = new[] { "index.html", "sessions/index.html", "tags/réseaux/index.html", "a b.txt" }
            .Select(p => new SiteGen.Model.OutputFile(p, []))
            .Append(new SiteGen.Model.OutputFile("page.html", Encoding.UTF8.GetBytes(
                """
                <a href="/course/">home</a><a href="/course/sessions#top">folder</a><a href="/course/sessions/?q=1&amp;x=2">query</a>
                <a href="/course/tags/réseaux/">raw</a><a href="/course/tags/r%C3%A9seaux/">escaped</a><a href="/course/a%20b.txt">space</a>
                <a href="https://example.org/x">outside</a><a href="//cdn.example.org/x.js">protocol-relative</a>
                <a href="/course/gone/#part">gone</a><a href="/course/gone%21/?a=1&amp;b=2">gone escaped</a><a href="/other/">other</a>
                """)))
            .ToList();
        var diagnostics = new SiteGen.Diagnostics.DiagnosticBag();

        CheckLinks.Run("/course/", files, [], new Dictionary<string, string>(StringComparer.Ordinal), diagnostics);

        Assert.Equal(
            [
                "Link /course/gone%21/?a=1&b=2 on page.html points to nothing the build writes.",
                "Link /course/gone/#part on page.html points to nothing the build writes.",
                "Link /other/ is outside the site's base URL /course/.",
            ],
            diagnostics.Items.Select(d => d.Message).Order(StringComparer.Ordinal));
    }
}
