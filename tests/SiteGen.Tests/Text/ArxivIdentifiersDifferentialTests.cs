using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Tests.Support;
using SiteGen.Text;
using Xunit.Abstractions;

namespace SiteGen.Tests.Text;

/// <summary>
/// The catalog's id functions were regular expressions; the one hand-written reader must give what they gave, on every
/// line of the real markdown that mentions arXiv or Hugging Face and on thousands of generated near-ids.
/// </summary>
public sealed partial class ArxivIdentifiersDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Real_lines_give_what_the_regular_expressions_gave()
    {
        var cases = 0;
        var found = 0;
        foreach (var path in RealMarkdownFiles.All())
            foreach (var line in File.ReadLines(path))
            {
                cases++;
                if (AssertSame(line)) found++;
            }
        output.WriteLine($"{cases} real lines, {found} with an id");
        Assert.True(found >= 100, $"only {found} lines with an id");
    }

    [Fact]
    public void Generated_near_ids_give_what_the_regular_expressions_gave()
    {
        string[] lead = ["", " ", "arXiv:", "arxiv : ", "ARXIV:", "10.48550/arXiv.", "10.48550/ARXIV.", "https://arxiv.org/abs/", "http://export.arxiv.org/pdf/",
            "https://www.alphaxiv.org/overview/", "arxiv.org/format/", "arxiv.org/list/", "https://huggingface.co/papers/", "HuggingFace.co/Papers/", "see ", "doi:", "x"];
        string[] ids = ["2406.05804", "0704.0001", "0703.0001", "1412.1234", "1412.12345", "1501.1234", "1501.12345", "2413.12345", "2400.12345", "2406.058041", "2406.058",
            "cs/0112017", "CS/0112017", "math.AG/0601001", "math.ag/0601001", "hep-th/9901001", "-th/9901001", "cs/01120170", "cs/011201", "cs/0113017", "q-bio.NC/0405001", "a/0112017", "cs.A/0112017"];
        string[] tail = ["", "v1", "v12", "v123", "v1234", "V2", "v", "va", ".pdf", "?utm=1", "1", "Citations", " ", " trailing", ")", "v2.pdf", "\n"];
        var random = new Random(20261207);
        var cases = 0;
        var found = 0;
        for (var n = 0; n < 20000; n++)
        {
            var sb = new StringBuilder();
            for (var parts = random.Next(1, 3); parts > 0; parts--)
                sb.Append(lead[random.Next(lead.Length)]).Append(ids[random.Next(ids.Length)]).Append(tail[random.Next(tail.Length)]);
            cases++;
            if (AssertSame(sb.ToString())) found++;
        }
        output.WriteLine($"{cases} generated texts, {found} with an id");
        Assert.InRange(found, cases / 10, cases - cases / 10);
    }

    /// <returns>True when the text holds an id.</returns>
    private static bool AssertSame(string text)
    {
        Assert.True(RegexParseBare(text) == ArxivIdentifiers.ParseBare(text), "ParseBare: " + text);
        Assert.True(RegexFindInText(text) == ArxivIdentifiers.FindInText(text), "FindInText: " + text);
        var find = ArxivIdentifiers.Find(text);
        Assert.True((RegexParseBare(text) ?? RegexFindInText(text)) == find, "Find: " + text);
        return find is not null;
    }

    // ---- The regular expressions the catalog used before (SiteGen.Catalog.ArxivIds up to 91f6a1c), as the reference. ----

    private const string NewId = @"(?<new>\d{4}\.\d{4,5})";
    private const string OldId = @"(?<old>[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})";
    private const string Version = @"(?:v(?<v>\d{1,3}))?(?!\d)";

    [GeneratedRegex(@"(?:(?:ar|alpha)xiv\.org/(?:abs|pdf|html|overview|format)/|huggingface\.co/papers/|arxiv\s*:\s*|10\.48550/arxiv\.)(?:" + NewId + "|" + OldId + ")" + Version,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    [GeneratedRegex(@"^\s*(?:arxiv\s*:\s*|10\.48550/arxiv\.)?(?:" + NewId + "|" + OldId + ")" + Version + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    private static ArxivIdentifier? RegexParseBare(string text) => FromMatch(Bare().Match(text));

    private static ArxivIdentifier? RegexFindInText(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!text.Contains("xiv", StringComparison.OrdinalIgnoreCase) && !text.Contains("huggingface", StringComparison.OrdinalIgnoreCase))
            return null;
        for (var m = InText().Match(text); m.Success; m = m.NextMatch())
            if (FromMatch(m) is { } id) return id;
        return null;
    }

    private static ArxivIdentifier? FromMatch(Match m)
    {
        if (!m.Success) return null;
        int? version = m.Groups["v"].Success ? int.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture) : null;
        if (m.Groups["new"].Success)
        {
            var id = m.Groups["new"].Value;
            var yy = (id[0] - '0') * 10 + (id[1] - '0');
            var mm = (id[2] - '0') * 10 + (id[3] - '0');
            if (mm is < 1 or > 12) return null;
            var valid = id.Length - 5 == 4 ? yy is >= 7 and <= 14 && (yy > 7 || mm >= 4) : yy >= 15;
            return valid ? new ArxivIdentifier(id, version) : null;
        }
        var old = m.Groups["old"].Value;
        var slash = old.IndexOf('/');
        var archive = old[..slash];
        var dot = archive.IndexOf('.');
        archive = dot < 0 ? archive.ToLowerInvariant() : archive[..dot].ToLowerInvariant() + archive[dot..].ToUpperInvariant();
        var digits = old[(slash + 1)..];
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new ArxivIdentifier(archive + "/" + digits, version) : null;
    }
}
