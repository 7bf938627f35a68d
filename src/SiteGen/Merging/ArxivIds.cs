using System.Globalization;
using System.Text.RegularExpressions;

namespace SiteGen.Merging;

/// <summary>A base arXiv id ("2406.05804", "cs/0112017") and the version seen, if any.</summary>
public readonly record struct ArxivRef(string BaseId, int? Version);

/// <summary>
/// Finds arXiv ids in any form a scrape gives: bare ids with an optional vN, old-style archive/YYMMNNN,
/// arxiv.org/abs|pdf|html URLs (and mirrors), huggingface.co/papers URLs, arXiv: prefixes and the DOI 10.48550/arXiv.{id}.
/// </summary>
public static partial class ArxivIds
{
    private const string NewId = @"(?<new>\d{4}\.\d{4,5})";
    private const string OldId = @"(?<old>[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})";
    private const string Version = @"(?:v(?<v>\d{1,3}))?(?!\d)";

    // In free text an id counts only where something says it is one: a URL, "arXiv:", or the arXiv DOI.
    [GeneratedRegex(@"(?:(?:ar|alpha)xiv\.org/(?:abs|pdf|html|overview|format)/|huggingface\.co/papers/|arxiv\s*:\s*|10\.48550/arxiv\.)(?:" + NewId + "|" + OldId + ")" + Version,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InText();

    // A field that holds only an id (PaperRecord.ArxivId, a DOI field).
    [GeneratedRegex(@"^\s*(?:arxiv\s*:\s*|10\.48550/arxiv\.)?(?:" + NewId + "|" + OldId + ")" + Version + @"\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bare();

    /// <summary>The id in a field that should hold only an id (or the arXiv DOI), else null.</summary>
    public static ArxivRef? ParseBare(string? text) => text is null ? null : FromMatch(Bare().Match(text));

    /// <summary>The first id that free text marks as one (URL, "arXiv:", DOI), else null.</summary>
    public static ArxivRef? FindInText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!text.Contains("xiv", StringComparison.OrdinalIgnoreCase) && !text.Contains("huggingface", StringComparison.OrdinalIgnoreCase))
            return null;
        for (var m = InText().Match(text); m.Success; m = m.NextMatch())
            if (FromMatch(m) is { } id) return id;
        return null;
    }

    /// <summary>Bare first (a field that is an id), then marked ids in text.</summary>
    public static ArxivRef? Find(string? text) => ParseBare(text) ?? FindInText(text);

    private static ArxivRef? FromMatch(Match m)
    {
        if (!m.Success) return null;
        int? version = m.Groups["v"].Success ? int.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture) : null;
        if (m.Groups["new"].Success)
        {
            var id = m.Groups["new"].Value;
            return IsValidNew(id) ? new ArxivRef(id, version) : null;
        }
        var old = m.Groups["old"].Value;
        var slash = old.IndexOf('/');
        // Archive names are lower case (math.AG keeps its upper-case subject class).
        var archive = old[..slash];
        var dot = archive.IndexOf('.');
        archive = dot < 0 ? archive.ToLowerInvariant() : archive[..dot].ToLowerInvariant() + archive[dot..].ToUpperInvariant();
        var digits = old[(slash + 1)..];
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? new ArxivRef(archive + "/" + digits, version) : null;
    }

    /// <summary>YYMM.NNNN from 0704 to 1412, YYMM.NNNNN from 1501 on; the month is 01-12.</summary>
    private static bool IsValidNew(string id)
    {
        var yy = (id[0] - '0') * 10 + (id[1] - '0');
        var mm = (id[2] - '0') * 10 + (id[3] - '0');
        if (mm is < 1 or > 12) return false;
        var digits = id.Length - 5;
        return digits == 4 ? yy is >= 7 and <= 14 && (yy > 7 || mm >= 4) : yy >= 15;
    }
}
