using SiteGen.Listings;
using SiteGen.Model;

namespace SiteGen.Tests.Listings;

/// <summary>What a listing golden file holds per record: every field, with long abstracts shown by their two ends and length.</summary>
public sealed record ListingRecordView(
    string File, int StartLine, int EndLine, string Kind,
    string? Title, string? ArxivId, int? ArxivVersion, int? AuthorCount, string? Submitter,
    string? Published, int? Upvotes, string? Comments,
    string? AbstractStart, string? AbstractEnd, int AbstractLength, bool AbstractTruncated)
{
    public static ListingRecordView Of(PaperRecord r) => new(
        r.Source.File, r.Source.StartLine, r.Source.EndLine, r.Source.KindName,
        r.Title, r.ArxivId, r.ArxivVersion, r.AuthorCount, r.Submitter,
        r.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.Upvotes, r.Comments,
        r.Abstract is null ? null : r.Abstract[..Math.Min(60, r.Abstract.Length)],
        r.Abstract is null ? null : r.Abstract[Math.Max(0, r.Abstract.Length - 40)..],
        r.Abstract?.Length ?? 0, r.AbstractTruncated);
}

public sealed record ListingFileView(string File, string Format, int Records, IReadOnlyList<ListingRecordView> Entries)
{
    public static ListingFileView Of(string file, string format, IReadOnlyList<PaperRecord> records) =>
        new(file, format, records.Count, records.Select(ListingRecordView.Of).ToList());
}
