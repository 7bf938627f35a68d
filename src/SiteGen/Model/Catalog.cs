namespace SiteGen.Model;

/// <summary>Which source gave a merged field's value, and by which rule.</summary>
public sealed record FieldSource(string Field, SourceRef Source, string Rule);

/// <summary>One distinct paper after duplicates are merged.</summary>
public sealed record Paper
{
    /// <summary>Stable id from content (arXiv id when known, else a hash of the normalised title/abstract); same input gives the same id.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? ArxivId { get; init; }
    public IReadOnlyList<int> ArxivVersions { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
    public int? AuthorCount { get; init; }
    public string? Abstract { get; init; }
    public string? Url { get; init; }
    public string? Doi { get; init; }
    public DateOnly? Date { get; init; }
    public string? Comments { get; init; }
    /// <summary>Every record merged into this paper, in a stable order.</summary>
    public IReadOnlyList<PaperRecord> Records { get; init; } = [];
    public IReadOnlyList<FieldSource> Provenance { get; init; } = [];
    /// <summary>Session names (file basenames) that assign this paper, ordinal order.</summary>
    public IReadOnlyList<string> Sessions { get; init; } = [];
}

/// <summary>A pair the resolver was unsure of, or a cluster it split; shown for the instructor to decide.</summary>
public sealed record ReviewItem(string KeyA, string KeyB, string PaperA, string PaperB, double Score, IReadOnlyList<string> Reasons, string Kind);

/// <param name="PaperIdBySource">Which paper each record (by its unique source span) was merged into.</param>
public sealed record Catalog(IReadOnlyList<Paper> Papers, IReadOnlyList<ReviewItem> Review, IReadOnlyDictionary<SourceRef, string> PaperIdBySource)
{
    /// <summary>The instructor's answers to the duplicate review, in the content folder.</summary>
    public const string DecisionsFileName = "dedup-decisions.yml";

    /// <summary>Each record's key (every record of the catalog has one) (a hash of its own content) as used in the review and content/dedup-decisions.yml.</summary>
    public IReadOnlyDictionary<SourceRef, string> RecordKeyBySource { get; init; } = new Dictionary<SourceRef, string>();

    public static Catalog Empty { get; } = new([], [], new Dictionary<SourceRef, string>());
}
