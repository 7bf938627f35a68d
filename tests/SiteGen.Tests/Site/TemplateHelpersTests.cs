using HandlebarsDotNet;
using SiteGen.Rendering;
using SiteGen.Text;

namespace SiteGen.Tests.Site;

public class TemplateHelpersTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (template, expected) in TemplateHelpers.Examples) data.Add(template, expected);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_helper_renders_its_documented_example(string template, string expected)
    {
        var handlebars = Handlebars.Create();
        TemplateHelpers.Register(handlebars);
        Assert.Equal(expected, handlebars.Compile(template)(new object()));
    }

    [Theory]
    [InlineData("LLM/Agents", "llm-agents")]
    [InlineData("  Réasoning & Planning ", "reasoning-planning")]
    [InlineData("2d (vision)", "2d-vision")]
    [InlineData("***", "tag")]
    public void Slugs_are_ascii_words_joined_by_dashes(string text, string slug) => Assert.Equal(slug, Slug.Of(text));
}
