using SiteGen.Model;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Catalog;

/// <summary>PaperRecords built by hand from lines of the seed course's files, as the parsers would give them.</summary>
internal static class SeedRecords
{
    public const string Session = "sessions/W13.1-T3-smallLLM-agents.md";
    public const string Arxiv = "listings/arxiv-agents-listing.txt";
    public const string HfDaily = "listings/hf-daily-papers-agents-with-metadata.txt";
    public const string Hf1 = "listings/hf-papers-agents-1.txt";
    public const string Hf2 = "listings/hf-papers-agents-2.txt";

    private static readonly Dictionary<string, string[]> Files = new(StringComparer.Ordinal);

    public static string Line(string file, int line)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(file, out var lines))
                Files[file] = lines = File.ReadAllText(Path.Combine(RepoPaths.Content, file)).Replace("\r\n", "\n").Split('\n');
            return lines[line - 1];
        }
    }

    private static string Plus(string s) => s.TrimStart().StartsWith("+ ", StringComparison.Ordinal) ? s.TrimStart()[2..].Trim() : s.Trim();

    public static PaperRecord SessionReading(int titleLine, int authorsLine, int abstractLine, int endLine, string? url = null, DateOnly? submitted = null) => new()
    {
        Source = new SourceRef(Session, titleLine, endLine, SourceKind.Session),
        Title = Line(Session, titleLine).TrimStart('#').Trim(),
        Authors = Plus(Line(Session, authorsLine)).Split(", ").ToList(),
        Abstract = Plus(Line(Session, abstractLine)),
        Url = url,
        Submitted = submitted,
        Session = "W13.1-T3-smallLLM-agents",
        Section = ReadingSection.Required,
    };

    /// <summary>An arXiv listing entry: the abstract (after the previous entry's "arXiv:ID" on the same line) and the id on the next id line.</summary>
    public static PaperRecord ArxivEntry(int abstractLine, string id)
    {
        var text = Line(Arxiv, abstractLine);
        return new PaperRecord
        {
            Source = new SourceRef(Arxiv, abstractLine, abstractLine + 1, SourceKind.ArxivListing),
            Abstract = System.Text.RegularExpressions.Regex.Replace(text, @"^arXiv:\d{4}\.\d{4,5}", ""),
            ArxivId = id,
        };
    }

    /// <summary>A Hugging Face block: title, blank, abstract, and "• N authors" two lines later when present.</summary>
    public static PaperRecord HfEntry(string file, int titleLine)
    {
        var countLine = SafeLine(file, titleLine + 4);
        int? count = null;
        var m = System.Text.RegularExpressions.Regex.Match(countLine, @"(\d+) authors");
        if (m.Success) count = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new PaperRecord
        {
            Source = new SourceRef(file, titleLine, titleLine + 2, SourceKind.HfListing),
            Title = Line(file, titleLine).Trim(),
            Abstract = Line(file, titleLine + 2).Trim(),
            AuthorCount = count,
        };
    }

    private static string SafeLine(string file, int line)
    {
        try { return Line(file, line); }
        catch (IndexOutOfRangeException) { return ""; }
    }

    public static PaperRecord FoundationSession => SessionReading(22, 24, 25, 25, submitted: new DateOnly(2025, 3, 31));
    public static PaperRecord FoundationArxiv => ArxivEntry(9, "2504.01990");
    public static PaperRecord FoundationHf => HfEntry(Hf1, 119);
    public static PaperRecord SurveyOptimization => HfEntry(HfDaily, 61);
    public static PaperRecord SurveyAutonomousDaily => HfEntry(HfDaily, 85);
    public static PaperRecord SurveyAutonomous1 => HfEntry(Hf1, 155);
    public static PaperRecord SurveyAutonomous2 => HfEntry(Hf2, 127);
    public static PaperRecord ReviewParadigms => SessionReading(29, 31, 32, 33, url: "https://arxiv.org/abs/2406.05804");
    public static PaperRecord Phi4 => SessionReading(53, 55, 56, 56, url: "https://arxiv.org/abs/2412.08905");
    public static PaperRecord RStarMath => SessionReading(38, 40, 41, 41, submitted: new DateOnly(2025, 1, 8));
    public static PaperRecord RoutingArxiv => ArxivEntry(3, "2506.22716");

    public static IReadOnlyList<PaperRecord> All =>
    [
        FoundationSession, ReviewParadigms, RStarMath, Phi4, FoundationArxiv, RoutingArxiv, FoundationHf,
        SurveyOptimization, SurveyAutonomousDaily, SurveyAutonomous1, SurveyAutonomous2,
    ];
}
