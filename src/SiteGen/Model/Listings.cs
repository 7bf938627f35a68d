namespace SiteGen.Model;

/// <summary>One line of the build summary per listing file.</summary>
public sealed record ListingSummary(string File, string Format, int Records);

/// <summary>What ReadListings hands on: every record read, in file order, and a summary line per file.</summary>
public sealed record ListingsResult(IReadOnlyList<PaperRecord> Records, IReadOnlyList<ListingSummary> Summaries)
{
    public static ListingsResult Empty { get; } = new([], []);
}
