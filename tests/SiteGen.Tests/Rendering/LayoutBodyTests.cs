using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// The page body goes into the layout wherever and however the layout uses content: the built-in layout's single
/// {{ content }} is filled in without a string of the body, and any other use gets the body as a string.
/// </summary>
public class LayoutBodyTests
{
    private static string SessionPage(string layout, string? partial = null)
    {
        using var work = new TempDir().With(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content/sessions/W01.md"] = "---\ntitle: One & only\n---\nBody with <em>emphasis</em> and é 🤖.\n",
            ["templates/layout.sbn-html"] = layout,
            ["templates/partials/note.sbn-html"] = partial ?? "<p>note</p>",
        });
        var result = Build.Run(work.Combine("content"), work.Combine("site"));
        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        return File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
    }

    [Fact]
    public void A_single_body_is_placed_where_the_layout_has_it()
    {
        var page = SessionPage("<title>{{ page.title }}</title>\n<main>{{ content }}</main>\n{{ include 'note' }}<footer>{{ site.title }}</footer>\n");
        Assert.StartsWith("<title>One &amp; only</title>\n<main><article class=\"session\">", page);
        Assert.Contains("Body with <em>emphasis</em> and é 🤖.", page);
        Assert.EndsWith("</article>\n</main>\n<p>note</p><footer>Course</footer>\n", page);
    }

    [Fact]
    public void A_layout_using_the_body_twice_or_as_text_gets_it_as_a_string()
    {
        var page = SessionPage("<main>{{ content }}</main>{{ if content }}<!--{{ content | string.downcase }}-->{{ end }}");
        var raw = page["<main>".Length..page.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("<em>emphasis</em>", raw);
        // A string function's result is plain text again, so it is escaped.
        Assert.EndsWith("</main><!--" + SiteGen.Rendering.HtmlEscape.Of(raw.ToLowerInvariant()) + "-->", page);
    }

    [Fact]
    public void A_partial_naming_the_body_sees_it()
    {
        var page = SessionPage("<main>{{ content }}</main>{{ include 'note' }}", "<aside>{{ if content }}has a body{{ end }}</aside>");
        Assert.EndsWith("</main><aside>has a body</aside>", page);
    }
}
