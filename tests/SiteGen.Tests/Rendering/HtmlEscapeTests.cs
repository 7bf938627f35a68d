using SiteGen.Rendering;
using SiteGen.Text;

namespace SiteGen.Tests.Rendering;

/// <summary>Values are escaped with the entity set the pages have always used; slugs are ASCII words.</summary>
public class HtmlEscapeTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("<b>\"x\" & 'y'</b>", "&lt;b&gt;&quot;x&quot; &amp; &#x27;y&#x27;&lt;/b&gt;")]
    [InlineData("a=b `c`", "a&#x3D;b &#x60;c&#x60;")]
    [InlineData("emoji 🤖 & é", "emoji 🤖 &amp; é")]
    [InlineData("x&amp;y", "x&amp;amp;y")]
    public void Escapes_the_seven_characters_and_keeps_the_rest(string text, string escaped) => Assert.Equal(escaped, HtmlEscape.Of(text));

    [Theory]
    [InlineData("LLM/Agents", "llm-agents")]
    [InlineData("  Réasoning & Planning ", "reasoning-planning")]
    [InlineData("2d (vision)", "2d-vision")]
    [InlineData("***", "tag")]
    public void Slugs_are_ascii_words_joined_by_dashes(string text, string slug) => Assert.Equal(slug, Slug.Of(text));
}
