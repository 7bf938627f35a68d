using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Tests.Content;

public class SessionRulesTests
{
    private static readonly ContentSource Source = new("/nowhere/content", "content");

    private static (Session Session, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text, string baseUrl = "/")
    {
        var bag = new DiagnosticBag();
        var session = ReadSessions.Parse(text, "sessions/W01.md", Source, SiteConfig.Default with { BaseUrl = baseUrl }, bag);
        return (session, bag.Items);
    }

    [Theory]
    [InlineData("W13.1-T3-smallLLM-agents", "W13.1-T3-smallLLM-agents")]
    [InlineData("x.pdf", "x")]
    [InlineData("x.pdf.pdf", "x")]
    [InlineData("Lectures/x.pdf", "x")]
    [InlineData("Lectures/Lectures/x", "x")]
    [InlineData("  W8.2-Model Serving-team6-t5 ", "W8.2-Model Serving-team6-t5")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void Slide_deck_names_are_normalised(string raw, string? expected) => Assert.Equal(expected, SlideDeck.Normalise(raw));

    [Fact]
    public void Slide_urls_are_percent_encoded() =>
        Assert.Equal("Lectures/W8.2-Model%20Serving.pdf", SlideDeck.UrlPath("W8.2-Model Serving"));

    [Fact]
    public void Order_is_LOrder_first_then_ordinal_file_names()
    {
        Session S(string name, int? order = null) => new() { Name = name, File = name + ".md", Title = name, LOrder = order };
        var ordered = ReadSessions.Order([S("S1-L10"), S("S1-L0A"), S("S1-L08"), S("b-last-ordered", 2), S("a-first", 1), S("S1-l09")]);

        Assert.Equal(["a-first", "b-last-ordered", "S1-L08", "S1-L0A", "S1-L10", "S1-l09"], ordered.Select(s => s.Name));
    }

    [Fact]
    public void Scalar_categories_are_one_label_and_tags_are_trimmed()
    {
        var (session, _) = Parse("---\ntitle: T\ncategories: 2d (vision)\ntags:\n  - Agents   \n  - \n  - LLM/Agents\n---\n");

        Assert.Equal(["2d (vision)"], session.Categories);
        Assert.Equal(["Agents", "LLM/Agents"], session.Tags);
    }

    [Fact]
    public void Base_url_is_replaced_without_double_slashes()
    {
        Assert.Equal("[a](/course/x.png) [b](/course)", ReadSessions.ReplaceBaseUrl("[a]({{ site.baseurl }}/x.png) [b]({{site.baseurl}})", "/course/"));
        Assert.Equal("[a](/x.png)", ReadSessions.ReplaceBaseUrl("[a]({{ site.baseurl }}/x.png)", "/"));
    }

    [Fact]
    public void Text_before_the_excerpt_marker_is_the_summary()
    {
        var (session, _) = Parse("---\ntitle: T\n---\nShort summary.\n<!--excerpt.start-->\nRest.\n");
        Assert.Equal("Short summary.", session.Summary);
    }

    [Fact]
    public void Crlf_and_bom_files_parse_with_correct_lines()
    {
        var (session, diagnostics) = Parse("\uFEFF---\r\ntitle: Windows file\r\nlecture: \r\nbogus: 1\r\n---\r\nBody\r\n");

        Assert.Equal("Windows file", session.Title);
        var unknown = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SessionUnknownKey);
        Assert.Equal(4, unknown.Line);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_known_key()
    {
        var (_, diagnostics) = Parse("---\ntitle: T\nlectur: W01\n---\n");
        var d = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SessionUnknownKey);
        Assert.Equal("Did you mean 'lecture'?", d.Hint);
        Assert.Equal("content/sessions/W01.md(3,1): warning SG1104: Unknown front-matter key 'lectur' is ignored. Hint: Did you mean 'lecture'?", d.ToString());
    }

    [Fact]
    public void Instructor_html_is_kept_and_relative_links_are_rooted()
    {
        var html = InstructorHtml.Prepare("<a href=\"2026-SP-W3.6-HealthCare-FMs.pdf\">deck</a> + <a href=\"https://x.org/a\">x</a>", "/course/");
        Assert.Equal("<a href=\"/course/Lectures/2026-SP-W3.6-HealthCare-FMs.pdf\">deck</a> + <a href=\"https://x.org/a\">x</a>", html);
    }

    [Theory]
    [InlineData("course", "/course/")]
    [InlineData("/course", "/course/")]
    [InlineData("/course/", "/course/")]
    [InlineData("//course//", "/course/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    public void Base_urls_always_start_and_end_with_one_slash(string raw, string expected) =>
        Assert.Equal(expected, LoadConfig.NormaliseBaseUrl(raw));

    [Fact]
    public void Site_yml_errors_name_the_line()
    {
        var bag = new DiagnosticBag();
        LoadConfig.Parse("title: ok\nterm_start: [2026\n", "content/site.yml", bag, out _);
        var d = Assert.Single(bag.Items);
        Assert.Equal(("SG1001", 2), (d.Code, d.Line));
    }

    [Theory]
    [InlineData("tags")]
    [InlineData("categories")]
    public void Labels_given_as_a_map_are_a_warning_not_dropped_in_silence(string key)
    {
        var (session, diagnostics) = Parse($"---\ntitle: Agents\n{key}:\n  agents: yes\n  tools: no\nlecture: x\n---\nBody\n");

        Assert.Empty(key == "tags" ? session.Tags : session.Categories);
        var d = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SessionBadValue);
        Assert.Equal($"content/sessions/W01.md(3,1): warning SG1107: {key} is a map (key: value pairs), not a list; the session gets no {key} from it. "
            + $"Hint: Write {key} as a list, e.g. {key}: [agents, tools], or one item per line starting with '- '.", d.ToString());
    }

    [Fact]
    public void Labels_as_a_list_or_one_scalar_give_no_warning()
    {
        var (session, diagnostics) = Parse("---\ntitle: Agents\ntags: [agents, tools]\ncategories: Agents\nlecture: x\n---\nBody\n");

        Assert.Equal(["agents", "tools"], session.Tags);
        Assert.Equal(["Agents"], session.Categories);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.SessionBadValue);
    }

    [Fact]
    public void A_comment_opened_and_never_closed_is_a_warning_at_its_line()
    {
        var (_, diagnostics) = Parse("---\ntitle: Agents\nlecture: x\n---\nIntro\n\n<!-- hidden note\n\nMore text\n");

        var d = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.SessionUnclosedComment);
        Assert.Equal("content/sessions/W01.md(7,1): warning SG1113: An HTML comment (<!--) opened here is never closed: browsers hide everything after it, readings included. "
            + "Hint: Close it with --> where the comment should end, or write &lt;!-- to show the characters.", d.ToString());
    }

    [Theory]
    [InlineData("Intro\n\n<!-- a note -->\n\nMore text\n")]
    [InlineData("Intro\n\n<!--excerpt.start-->\n\nMore text\n")]
    [InlineData("Intro\n\n```html\n<!-- shown as code\n```\n\nMore text\n")]
    [InlineData("Intro with `<!--` in code\n")]
    public void Closed_comments_and_comments_in_code_give_no_warning(string body)
    {
        var (_, diagnostics) = Parse("---\ntitle: Agents\nlecture: x\n---\n" + body);

        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.SessionUnclosedComment);
    }
}
