using SiteGen.Diagnostics;
using SiteGen.Model;

namespace SiteGen.Listings;

/// <summary>One line of the build summary per listing file.</summary>
public sealed record ListingSummary(string File, string Format, int Records);

public sealed record ListingsResult(IReadOnlyList<PaperRecord> Records, IReadOnlyList<ListingSummary> Summaries)
{
    public static ListingsResult Empty { get; } = new([], []);
}

/// <summary>Stage: content/listings/* -> paper records with provenance.</summary>
public static class ReadListings
{
    public static ListingsResult Run(ContentSource content, SiteConfig config, DiagnosticBag diagnostics)
    {
        // First working form: filled in by the listing parsers work (issue 3).
        return ListingsResult.Empty;
    }
}
