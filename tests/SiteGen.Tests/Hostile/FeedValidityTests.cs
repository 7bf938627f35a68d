using System.Text;
using System.Xml;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Hostile;

/// <summary>
/// Control characters, a bare CR and long emoji titles in sessions and readings: atom.xml and sitemap.xml parse with a
/// strict XML parser, calendar.ics with an iCalendar parser, with no injected line, every line at most 75 octets, valid
/// UTF-8 and all-day dates that stay on their day.
/// </summary>
public sealed class FeedValidityTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string Emoji = string.Concat(Enumerable.Repeat("😀", 60));

    private string BuildHostileCourse()
    {
        var content = MiniCourse.Write(_dir.Path, 0);
        File.WriteAllText(Path.Combine(content, "site.yml"), "title: \"Course\\x01 of\\x07 tests\"\nurl: https://course.example.org\n");
        File.WriteAllText(Path.Combine(content, "sessions", "S01.md"),
            "---\ntitle: \"Bell\\x07 and \\x1b escape \\uFFFE end\"\ndate: 2026-02-03\n---\n\n## Required Readings:\n\n#### A paper\u0001 with\u0008 controls\n+ [URL](https://arxiv.org/abs/2401.00001)\n+ Author One\n+ An abstract.\n");
        File.WriteAllText(Path.Combine(content, "sessions", "S02.md"),
            "---\ntitle: \"Split\\rEND:VEVENT\\rBEGIN:VEVENT\\rSUMMARY:injected\"\ndate: 2026-02-05\n---\n\nText.\n");
        File.WriteAllText(Path.Combine(content, "sessions", "S03.md"), $"---\ntitle: \"x{Emoji}\"\ndate: 2026-12-31\n---\n\nText.\n");
        var site = _dir.Combine("site");
        var result = MiniCourse.Build(content, site);
        Assert.True(result.Succeeded, string.Join("\n", MiniCourse.Lines(result)));
        return site;
    }

    private static XmlDocument ParseStrict(string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true };
        using var reader = XmlReader.Create(file, settings);
        var document = new XmlDocument();
        document.Load(reader);
        return document;
    }

    [Fact]
    public void Atom_and_sitemap_parse_strictly_without_the_forbidden_characters()
    {
        var site = BuildHostileCourse();
        var atom = ParseStrict(Path.Combine(site, "atom.xml"));
        var ns = new XmlNamespaceManager(atom.NameTable);
        ns.AddNamespace("a", "http://www.w3.org/2005/Atom");
        Assert.Equal("Course of tests", atom.SelectSingleNode("/a:feed/a:title", ns)!.InnerText);
        var titles = atom.SelectNodes("/a:feed/a:entry/a:title", ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
        Assert.Equal(["Bell and  escape  end", "Split\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:injected", "x" + Emoji], titles);
        Assert.Contains("Readings: A paper with controls", atom.SelectSingleNode("/a:feed/a:entry/a:summary", ns)!.InnerText, StringComparison.Ordinal);
        var sitemap = ParseStrict(Path.Combine(site, "sitemap.xml"));
        Assert.Contains("https://course.example.org/sessions/S01/", sitemap.DocumentElement!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_parses_with_no_injected_line_every_line_75_octets_and_valid_UTF8()
    {
        var site = BuildHostileCourse();
        var bytes = File.ReadAllBytes(Path.Combine(site, "calendar.ics"));
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.DoesNotContain('\uFFFD', text);
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.DoesNotContain('\r', string.Join("", lines));
        Assert.DoesNotContain('\n', string.Join("", lines));
        Assert.Equal(3, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(3, lines.Count(l => l == "END:VEVENT"));
        Assert.All(text, c => Assert.False(c < 0x20 && c is not ('\r' or '\n'), $"control character U+{(int)c:X4}"));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal("Course of tests", calendar.Properties["X-WR-CALNAME"]!.Value);
        var events = calendar.Events.OrderBy(e => e.Uid, StringComparer.Ordinal).ToList();
        Assert.Equal(["S01@course.example.org", "S02@course.example.org", "S03@course.example.org"], events.Select(e => e.Uid));
        Assert.Equal(["Bell and  escape  end", "Split\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected", "x" + Emoji], events.Select(e => e.Summary));
        Assert.All(events, e => Assert.False(e.DtStart!.HasTime));
        Assert.Equal([new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 5), new DateOnly(2026, 12, 31)], events.Select(e => e.DtStart!.Date));
        Assert.Equal([new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 6), new DateOnly(2027, 1, 1)], events.Select(e => e.DtEnd!.Date));
    }
}
