using System.Text;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Links;

/// <summary>Internal links in the built pages are checked against the files the build writes.</summary>
public class CheckLinksTests
{
    [Fact]
    public void Link_urls_are_href_and_src_values_in_page_order_and_html_decoded()
    {
        var html = """<a class="x" href="/a?b=1&amp;c=2">A</a><img alt="" src="/i.png"><div data-src="/d"></div><a href="">E</a><p title="href"></p><a href="/last""";

        var urls = CheckLinks.LinkUrls(Encoding.UTF8.GetBytes(html));

        // The unterminated last value is not a link; data-src ends in src=" and is checked like src.
        Assert.Equal(["/a?b=1&c=2", "/i.png", "/d", ""], urls);
    }

    [Fact]
    public void Non_ascii_urls_come_back_as_written()
    {
        var urls = CheckLinks.LinkUrls(Encoding.UTF8.GetBytes("<a href=\"/course/tags/réseaux/\">r</a>"));

        Assert.Equal(["/course/tags/réseaux/"], urls);
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
}
