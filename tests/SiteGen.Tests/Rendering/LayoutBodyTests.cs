using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// The page body goes into the layout wherever and however the layout uses Body: the built-in layout's single
/// {{{Body}}} is filled in without a string of the body, and any other use gets the body as a string, as before.
/// </summary>
public class LayoutBodyTests
{
    private static string SessionPage(string layout, string? partial = null)
    {
        using var work = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content/sessions/W01.md"] = "---\ntitle: One & only\n---\nBody with <em>emphasis</em> and é 🤖.\n",
            ["templates/layout.hbs"] = layout,
            ["templates/partials/note.hbs"] = partial ?? "<p>note</p>",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        return File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
    }

    [Fact]
    public void A_single_raw_body_is_placed_where_the_layout_has_it()
    {
        var page = SessionPage("<title>{{Title}}</title>\n<main>{{{Body}}}</main>\n{{> note}}<footer>{{Site.Title}}</footer>\n");
        Assert.StartsWith("<title>One &amp; only</title>\n<main><article class=\"session\">", page);
        Assert.Contains("Body with <em>emphasis</em> and é 🤖.", page);
        Assert.EndsWith("</article>\n</main>\n<p>note</p><footer>Course</footer>\n", page);
    }

    [Fact]
    public void A_layout_using_the_body_twice_or_escaped_gets_it_as_text()
    {
        var page = SessionPage("<main>{{{Body}}}</main>{{#if Body}}<!--{{Body}}-->{{/if}}");
        var raw = page["<main>".Length..page.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("<em>emphasis</em>", raw);
        var escaped = new StringWriter();
        new HandlebarsDotNet.HtmlEncoder().Encode(raw, escaped);
        Assert.EndsWith("</main><!--" + escaped + "-->", page);
    }

    [Fact]
    public void A_partial_naming_the_body_sees_it()
    {
        var page = SessionPage("<main>{{{Body}}}</main>{{> note}}", "<aside>{{#if Body}}has a body{{/if}}</aside>");
        Assert.EndsWith("</main><aside>has a body</aside>", page);
    }
}
