using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>
/// Scraped and student-written text is escaped on every page, whatever the template (built-in, Scriban or Liquid
/// override) does with it short of raw; session bodies are never run as template code.
/// </summary>
public class TemplateEscapingTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static Dictionary<string, string> Course() => new(StringComparer.Ordinal)
    {
        ["content/sessions/W01.md"] =
            "---\ntitle: \"T <img src=x onerror=alert(1)>\"\ntags: [\"<b>tag</b>\"]\ncategories: [\"<i>cat</i>\"]\n---\n" +
            "Body shows {{ site.title }} and {% raw %}x{% endraw %} and {{#each Sessions}} as text; end.\n\n" +
            "## Readings\n\n#### " + Hostile + " Agents\n+ [URL](https://arxiv.org/abs/2401.00001)\n",
        ["content/listings/hf.txt"] = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMay 6\n\n" +
            Hostile + " Scraped {{ site.title }} title\n\nAn abstract with <b>bold</b> and {% raw %} in it, long enough to be read as an abstract of a paper.\n\n" +
            "A second paper\n\nAnother abstract that is long enough to be read as the abstract of a paper in a listing.\n",
    };

    private static IEnumerable<(string Path, string Text)> Pages(string site) =>
        Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(site, f), File.ReadAllText(f)));

    [Theory]
    [InlineData(null, null)]
    [InlineData("templates/partials/reading-card.sbn-html", "<article>{{ card.title }} {{ card.title | string.upcase }}</article>")]
    [InlineData("templates/sessions.liquid", "{% for s in sessions %}<h2>{{ s.title }}</h2>{% for r in s.readings %}<p>{{ r.title }} {{ r.title | upcase }} {{ r.title | markdownify }}</p>{% endfor %}{% endfor %}")]
    public void Hostile_titles_and_template_syntax_in_bodies_are_inert_on_every_page(string? path, string? template)
    {
        var files = Course();
        if (path is not null) files[path] = template!;
        using var work = new TempDir().With(files);
        var result = Build.Run(work.Combine("content"), work.Combine("site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));

        var pages = Pages(work.Combine("site")).ToList();
        Assert.True(pages.Count >= 8);
        foreach (var (page, text) in pages)
        {
            Assert.DoesNotContain("<script>alert", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>tag</b>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<i>cat</i>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<SCRIPT>", text, StringComparison.Ordinal);
        }
        var session = File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
        Assert.Contains("T &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;", session);
        Assert.Contains("{{ site.title }} and {% raw %}x{% endraw %} and {{#each Sessions}} as text", session);
        var catalog = File.ReadAllText(work.Combine("site", "papers", "index.html"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Scraped {{ site.title }} title", catalog);
    }
}
