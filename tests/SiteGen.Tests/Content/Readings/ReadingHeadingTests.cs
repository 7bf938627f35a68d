using SiteGen.Content.Readings;
using SiteGen.Tests.Listings;

namespace SiteGen.Tests.Content.Readings;

/// <summary>ReadingsParser.IsReadingHeading reads headings over spans; it must answer as the plain rule below does.</summary>
public class ReadingHeadingTests
{
    [Theory]
    [InlineData("Required Readings: ACTION & TOOL USE", true)]
    [InlineData("More readings", true)]
    [InlineData("Reading", true)]
    [InlineData("Multiple system ML readings", true)]
    [InlineData("**Readings**", true)]
    [InlineData("Readings.", true)]
    [InlineData("  Further   Readings  :", true)]
    [InlineData("One two three four readings", true)]
    [InlineData("One two three four five readings", false)]
    [InlineData("Readings list", false)]
    [InlineData("Paper\treadings", false)]
    [InlineData("", false)]
    [InlineData(":", false)]
    [InlineData("*. *", false)]
    [InlineData(" Readings on Efficient Model Serving : ", true)]
    [InlineData("Readings for week 3", true)]
    [InlineData("Reading Between the Lines: Modeling User Behavior", false)]
    [InlineData("Readings list of papers", false)]
    [InlineData("Readings on one two three four", false)]
    public void Reading_headings(string heading, bool expected)
    {
        Assert.Equal(expected, Rule(heading));
        Assert.Equal(expected, ReadingsParser.IsReadingHeading(heading));
    }

    [Fact]
    public void Every_corpus_heading_is_read_as_the_plain_rule_reads_it()
    {
        var headings = Directory.EnumerateFiles(Fixtures.PathOf("readings"), "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith('#'))
            .Select(line => line.Trim().TrimStart('#').Trim())
            .ToList();
        Assert.NotEmpty(headings);
        foreach (var heading in headings) Assert.True(Rule(heading) == ReadingsParser.IsReadingHeading(heading), heading);
    }

    private static bool Rule(string text)
    {
        var colon = text.IndexOf(':');
        var head = (colon >= 0 ? text[..colon] : text).Trim().TrimEnd('.', '*', ' ').TrimStart('*');
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5) return false;
        var last = words[^1];
        if (last.Equals("reading", StringComparison.OrdinalIgnoreCase) || last.Equals("readings", StringComparison.OrdinalIgnoreCase)) return true;
        string[] prepositions = ["on", "for", "about", "in", "from"];
        return words.Length > 1 && words[0].Equals("readings", StringComparison.OrdinalIgnoreCase)
            && prepositions.Contains(words[1], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Section_kinds_are_what_the_lowercased_words_say()
    {
        string[] pieces =
        [
            "Required", "REQUIRED", "required", "more", "More", "Further", "extra", "Background", "bac\u212Aground", "requİred", "Additional",
            "optional", "Other", "supplementary", "Supplementary", "Readings", "reading", ":", " ", "  ", "\t", "**", "x", "requiredx", "ſupplementary",
        ];
        var random = new Random(17);
        var headings = Directory.EnumerateFiles(Fixtures.PathOf("readings"), "*.md", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines).Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim()).ToList();
        for (var n = 0; n < 20000; n++)
            headings.Add(string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => pieces[random.Next(pieces.Length)])));
        foreach (var heading in headings)
            Assert.True(SectionRule(heading) == ReadingsParser.ClassifySection(heading), heading);
    }

    /// <summary>The section rule over strings: the text before ':' lowercased and split at spaces.</summary>
    private static SiteGen.Model.ReadingSection? SectionRule(string text)
    {
        var colon = text.IndexOf(':');
        var words = (colon >= 0 ? text[..colon] : text).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Contains("required")) return SiteGen.Model.ReadingSection.Required;
        string[] further = ["more", "further", "extra", "background", "additional", "optional", "other", "supplementary"];
        if (words.Any(w => further.Contains(w, StringComparer.Ordinal))) return SiteGen.Model.ReadingSection.Further;
        return null;
    }
}
