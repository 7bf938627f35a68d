using SiteGen.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

/// <summary>
/// The direct front-matter reader must give exactly YamlDotNet's entries whenever it accepts a text, and hand everything
/// it is not sure of (quotes, comments, flow lists, continuation lines, duplicate keys, tabs) to YamlDotNet.
/// </summary>
public class FrontMatterYamlTests
{
    public static TheoryData<string, bool> Cases() => new()
    {
        { "title: Reward Generation Language\nlecture: S00001-W001.1-survey-safety\nlectureVersion: current\nextraContent: \nnotes: \nvideo: team-1\ntags:\n- Math\n- Memory\ndesc: 2026-S1\nLOrder: 1\n", true },
        { "tags:\n  - a\n  - b c\ncategories:\n  - 2d (vision)\n", true },
        { "title: x\n\n\ntags:\n\n  - a\n\ndate: 2026-04-14\n", true },
        { "extraContent:\nnotes:   \n", true },
        { "notes: <a href=\"https://x.org/y\">slides</a> and <a href='z.pdf'>more</a>\n", true },
        { "title: C# and F#, [draft] {1} 50% @home\n", true },
        { "title: Ünïcödé — dash\u00A0kept   \n", true },
        { "title: Section 3...\nLOrder: 1x\n", true },
        { "title: \"Quoted: value\"\n", false },
        { "title: 'single'\n", false },
        { "title: a # comment\n", false },
        { "# comment\ntitle: a\n", false },
        { "title: a: b\n", false },
        { "title: ends with colon:\n", false },
        { "title: a\ntitle: b\n", false },
        { "title: a\n  continued on the next line\n", false },
        { "tags: [a, b]\n", false },
        { "tags: {a: b}\n", false },
        { "key:value\n", false },
        { "\ttitle: x\n", false },
        { "title:\tx\n", false },
        { "tags:\n  - a\n - b\n", false },
        { "tags:\n  - - nested\n", false },
        { "tags:\n  -\n", false },
        { "meta:\n  a: b\n", false },
        { "title: x\n- stray\n", false },
        { "title: |\n  block\n", false },
        { "title: &anchor x\nother: *anchor\n", false },
        { "title: !tag x\n", false },
        { "my key: x\n", false },
        { "---\n", false },
        { "", false },
        { "\n\n", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Direct_reading_matches_YamlDotNet_or_declines(string yaml, bool readDirectly)
    {
        var direct = FrontMatterYaml.TryReadSimple(yaml);
        Assert.Equal(readDirectly, direct is not null);
        if (direct is not null)
        {
            var full = FrontMatterYaml.ReadWithYamlDotNet(yaml, out var error);
            Assert.Null(error);
            Assert.NotNull(full);
            Assert.Equal(Describe(full), Describe(direct));
        }
    }

    [Fact]
    public void Direct_reading_matches_YamlDotNet_on_every_session_in_the_fixtures()
    {
        var read = 0;
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Fixtures, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var split = FrontMatter.Split(File.ReadAllText(path));
            if (split.Yaml is null) continue;
            var direct = FrontMatterYaml.TryReadSimple(split.Yaml);
            if (direct is null) continue;
            read++;
            var full = FrontMatterYaml.ReadWithYamlDotNet(split.Yaml, out var error);
            Assert.True(error is null, path);
            Assert.Equal(Describe(full!), Describe(direct));
        }
        Assert.True(read >= 10, $"only {read} fixture sessions were read directly");
    }

    [Fact]
    public void Keys_carry_their_line_within_the_yaml()
    {
        var entries = FrontMatterYaml.TryReadSimple("title: x\n\ntags:\n- a\nLOrder: 3\n")!;
        Assert.Equal(["title@1:1", "tags@3:1", "LOrder@5:1"], entries.Select(e => $"{e.Key}@{e.Line}:{e.Column}"));
    }

    private static List<string> Describe(IReadOnlyList<FrontMatterEntry> entries) =>
        entries.Select(e => $"{e.Key}@{e.Line}:{e.Column} {e.Kind} [{e.Scalar}] ({string.Join("|", e.Items)})").ToList();
}
