using SiteGen.Tests.Support;

namespace SiteGen.Tests.Rendering;

/// <summary>
/// Pages are rendered in contexts reused from page to page: each page starts as in a new one (nothing of the page
/// before shows), and a page's output is not cut at any size.
/// </summary>
public class PageContextTests
{
    private static (TempDir Work, SiteGen.Model.BuildResult Result) BuildWith(int sessions, Dictionary<string, string> templates)
    {
        var files = new Dictionary<string, string>(templates, StringComparer.Ordinal);
        for (var i = 1; i <= sessions; i++) files[$"content/sessions/W{i:00}.md"] = $"---\ntitle: Session {i}\n---\nBody {i}.\n";
        var work = new TempDir().With(files);
        return (work, Build.Run(work.Combine("content"), work.Combine("site")));
    }

    [Fact]
    public void A_page_of_more_than_a_mebibyte_is_written_whole()
    {
        // 150,000 x 10 chars: past Scriban's 1 MiB, which it would apply to the output as a whole.
        var (work, result) = BuildWith(1, new(StringComparer.Ordinal)
        {
            ["templates/home.sbn-html"] = "<main>{{ for i in 1..150000 }}{{ i % 10 }}123456789{{ end }}</main>",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var page = File.ReadAllText(work.Combine("site", "index.html"));
        var main = page[(page.IndexOf("<main>", StringComparison.Ordinal) + "<main>".Length)..page.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Equal(1_500_000, main.Length);
        Assert.EndsWith("0123456789", main);
    }

    [Fact]
    public void A_cycle_and_a_variable_start_afresh_on_every_page_in_scriban()
    {
        var (work, result) = BuildWith(12, new(StringComparer.Ordinal)
        {
            ["templates/session.sbn-html"] = "<p class=\"cycle\">{{ array.cycle ['a', 'b', 'c'] }}{{ array.cycle ['a', 'b', 'c'] }}</p><p class=\"seen\">{{ seen }}</p>{{ seen = page.title }}",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        for (var i = 1; i <= 12; i++)
        {
            var page = File.ReadAllText(work.Combine("site", "sessions", $"W{i:00}", "index.html"));
            Assert.Contains("<p class=\"cycle\">ab</p>", page);
            Assert.Contains("<p class=\"seen\"></p>", page);
        }
    }

    [Fact]
    public void A_cycle_and_a_variable_start_afresh_on_every_page_in_liquid()
    {
        var (work, result) = BuildWith(12, new(StringComparer.Ordinal)
        {
            ["templates/session.liquid"] = "<p class=\"cycle\">{% cycle 'a', 'b', 'c' %}{% cycle 'a', 'b', 'c' %}</p><p class=\"seen\">{{ seen }}</p>{% assign seen = page.title %}",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        for (var i = 1; i <= 12; i++)
        {
            var page = File.ReadAllText(work.Combine("site", "sessions", $"W{i:00}", "index.html"));
            Assert.Contains("<p class=\"cycle\">ab</p>", page);
            Assert.Contains("<p class=\"seen\"></p>", page);
        }
    }

    [Fact]
    public void An_include_gives_its_text_written_in_place_piped_assigned_or_captured()
    {
        var (work, result) = BuildWith(1, new(StringComparer.Ordinal)
        {
            ["templates/session.sbn-html"] =
                "<p class=\"a\">{{ include 'x' }}</p>\n<p class=\"b\">{{ include 'x' | string.upcase }}</p>\n{{ y = include 'x' }}<p class=\"c\">{{ y }}</p>\n" +
                "{{ capture z }}{{ include 'x' }}{{ end }}<p class=\"d\">{{ z }}</p>\n<p class=\"e\">{{ include 'y' 2 }}</p>\n",
            ["templates/partials/x.sbn-html"] = "<i>{{ page.title }} {{ '<' }}</i>",
            ["templates/partials/y.sbn-html"] = "<b>{{ $1 + 1 }}</b>",
        });
        using var _ = work;

        Assert.True(result.Succeeded, string.Join('\n', Build.Lines(result)));
        var page = File.ReadAllText(work.Combine("site", "sessions", "W01", "index.html"));
        Assert.Contains("<p class=\"a\"><i>Session 1 &lt;</i></p>\n", page);
        // A string function's result is plain text again, so it is escaped; so is captured text.
        Assert.Contains("<p class=\"b\">&lt;I&gt;SESSION 1 &amp;LT;&lt;/I&gt;</p>\n", page);
        Assert.Contains("<p class=\"c\"><i>Session 1 &lt;</i></p>\n", page);
        Assert.Contains("<p class=\"d\">&lt;i&gt;Session 1 &amp;lt;&lt;/i&gt;</p>\n", page);
        Assert.Contains("<p class=\"e\"><b>3</b></p>\n", page);
    }
}
