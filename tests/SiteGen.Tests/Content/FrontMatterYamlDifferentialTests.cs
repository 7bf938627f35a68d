using System.Text;
using SiteGen.Content;
using SiteGen.Tests.Support;
using Xunit.Abstractions;

namespace SiteGen.Tests.Content;

/// <summary>
/// The direct front-matter reader against YamlDotNet on every real front matter (fixtures, seeds, the shared corpus)
/// and on thousands of mutations of them: whenever the direct reader accepts a text, YamlDotNet must read it without
/// error into exactly the same entries (keys, lines, kinds, values, list items).
/// </summary>
public sealed class FrontMatterYamlDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_real_front_matter_reads_as_YamlDotNet_reads_it()
    {
        var files = 0;
        var direct = 0;
        foreach (var path in RealMarkdownFiles.All())
        {
            var yaml = FrontMatter.Split(File.ReadAllText(path)).Yaml;
            if (yaml is null) continue;
            files++;
            if (AssertSameOrDeclined(yaml, path)) direct++;
        }
        output.WriteLine($"{files} front matters, {direct} read directly");
        Assert.True(files >= 100, $"only {files} front matters found");
        Assert.True(direct >= files / 2, $"only {direct} of {files} read directly");
    }

    [Fact]
    public void Mutated_front_matter_reads_as_YamlDotNet_reads_it_or_is_declined()
    {
        var seeds = RealMarkdownFiles.All()
            .Select(path => FrontMatter.Split(File.ReadAllText(path)).Yaml)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var random = new Random(20261207);
        var cases = 0;
        var direct = 0;
        for (var n = 0; n < 12000; n++)
        {
            var yaml = n % 3 == 0 ? Generate(random) : Mutate(seeds[random.Next(seeds.Count)], random);
            cases++;
            if (AssertSameOrDeclined(yaml, $"case {n}:\n{yaml}")) direct++;
        }
        output.WriteLine($"{cases} generated and mutated front matters, {direct} read directly");
        Assert.InRange(direct, cases / 10, cases - cases / 10);
    }

    /// <returns>True when the direct reader accepted the text (and matched).</returns>
    private static bool AssertSameOrDeclined(string yaml, string where)
    {
        var fast = FrontMatterYaml.TryReadSimple(yaml);
        if (fast is null) return false;
        var full = FrontMatterYaml.ReadWithYamlDotNet(yaml, out var error);
        Assert.True(error is null && full is not null, $"YamlDotNet rejects what the direct reader accepted ({error?.Message}): {where}");
        Assert.True(Describe(full!).SequenceEqual(Describe(fast)), $"{where}\nYamlDotNet: {string.Join("; ", Describe(full!))}\ndirect:     {string.Join("; ", Describe(fast))}");
        return true;
    }

    private static readonly string[] Keys = ["title", "tags", "categories", "lecture", "notes", "LOrder", "date", "video", "x-y", "a_b", "K9", "my key", "9lives", "Ünï"];

    private static readonly string[] Values =
    [
        "plain words", "2026-04-14", "12", "yes", "null", "~", "true", "1e3", "0x1F", "C# and F#", "a: b", "a #b", "a#b", "ends:", ":starts",
        "'single'", "\"double\"", "\"open", "it's", "[a, b]", "{a: b}", "&anchor x", "*alias", "!tag x", "!!str 3", "|", ">", "|-", "- item",
        "? key", "%percent", "@at", "`tick`", "a\tb", "trailing   ", "  leading", "<a href=\"x\">y</a>", "Ünïcödé — dash", "日本語",
        "a,b", "a, b", "50%", "x:y", "http://x.org/a:b", "a -- b", "---", "...", "#", "", " ", "a ]", "a }", "\\back", "é\u00A0nbsp",
    ];

    private static readonly string[] Indents = ["", " ", "  ", "   ", "    ", "\t", " \t"];

    /// <summary>A front matter made from keys, values, list items and odd lines, most of it plausible.</summary>
    private static string Generate(Random random)
    {
        var sb = new StringBuilder();
        var lines = random.Next(1, 10);
        for (var l = 0; l < lines; l++)
        {
            var key = random.Next(4) == 0 ? Keys[random.Next(Keys.Length)] : Keys[random.Next(6)];
            switch (random.Next(10))
            {
                case < 5:
                    sb.Append(key).Append(':').Append(random.Next(10) == 0 ? "" : " ").Append(Pick(random)).Append('\n');
                    break;
                case < 8:
                    sb.Append(key).Append(":\n");
                    var indent = random.Next(3) == 0 ? Indents[random.Next(Indents.Length)] : Indents[random.Next(3)];
                    for (var i = random.Next(0, 4); i > 0; i--)
                        sb.Append(random.Next(8) == 0 ? Indents[random.Next(Indents.Length)] : indent).Append(random.Next(12) == 0 ? "-" : "- ").Append(Pick(random)).Append('\n');
                    break;
                case 8:
                    sb.Append(Indents[random.Next(Indents.Length)]).Append(Pick(random)).Append('\n');
                    break;
                default:
                    sb.Append(random.Next(2) == 0 ? "\n" : "# a comment\n");
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Pick(Random random) =>
        random.Next(3) == 0 ? Values[random.Next(Values.Length)] : Values[random.Next(3)] + (random.Next(4) == 0 ? " " + Values[random.Next(Values.Length)] : "");

    /// <summary>A real front matter with one to three lines changed, inserted, joined or re-indented.</summary>
    private static string Mutate(string yaml, Random random)
    {
        var lines = yaml.Split('\n').ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(lines.Count);
            var line = lines[at];
            switch (random.Next(12))
            {
                case 0: lines[at] = Indents[random.Next(Indents.Length)] + line; break;
                case 1: lines[at] = line.TrimStart(); break;
                case 2: lines[at] = line + Values[random.Next(Values.Length)]; break;
                case 3: lines[at] = line + " " + Values[random.Next(Values.Length)]; break;
                case 4: lines.Insert(at, Keys[random.Next(Keys.Length)] + ": " + Pick(random)); break;
                case 5: lines.Insert(at, Indents[random.Next(Indents.Length)] + "- " + Pick(random)); break;
                case 6: lines.Insert(at, "  continued " + Pick(random)); break;
                case 7: if (line.Length > 1) lines[at] = line.Insert(random.Next(line.Length), Values[random.Next(Values.Length)]); break;
                case 8: if (line.Length > 1) lines[at] = line.Remove(random.Next(line.Length), 1); break;
                case 9: lines.Insert(at, line); break;
                case 10: lines[at] = line.Replace(": ", random.Next(2) == 0 ? ":" : ":  "); break;
                default:
                    if (line.Length > 1)
                    {
                        var c = "\"'#:&*!|>-[]{},%@`\t~?"[random.Next(20)];
                        lines[at] = line.Insert(random.Next(line.Length), c.ToString());
                    }
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    private static List<string> Describe(IReadOnlyList<FrontMatterEntry> entries) =>
        entries.Select(e => $"{e.Key}@{e.Line}:{e.Column} {e.Kind} [{e.Scalar}] ({string.Join("|", e.Items)})").ToList();
}
