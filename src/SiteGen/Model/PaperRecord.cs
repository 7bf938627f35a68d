namespace SiteGen.Model;

public enum SourceKind { Session, ArxivListing, HfListing }

public enum ReadingSection { None, Required, Further }

/// <summary>Where a record came from: a file relative to the content folder and a 1-based line span.</summary>
public sealed record SourceRef(string File, int StartLine, int EndLine, SourceKind Kind)
{
    /// <summary>The kind as written in papers.json: session, arxiv-listing, hf-listing.</summary>
    public string KindName => Kind switch
    {
        SourceKind.Session => "session",
        SourceKind.ArxivListing => "arxiv-listing",
        _ => "hf-listing",
    };
}

/// <summary>
/// One sighting of a paper, exactly as one source gave it: a session reading or a listing entry.
/// Fields the source did not give are null (or empty lists). Nothing is merged here.
/// </summary>
public sealed record PaperRecord
{
    public required SourceRef Source { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>Author count when the source states it ("16 authors", or listed + "(N additional authors not shown)").</summary>
    public int? AuthorCount { get; init; }
    /// <summary>Submitter or organisation line on Hugging Face ("Gen-Verse Princeton-AI").</summary>
    public string? Submitter { get; init; }
    public string? Abstract { get; init; }
    /// <summary>Base arXiv id without version ("2406.05804", "cs/0112017").</summary>
    public string? ArxivId { get; init; }
    /// <summary>Version seen, e.g. 6 for v6.</summary>
    public int? ArxivVersion { get; init; }
    public string? Doi { get; init; }
    public string? Url { get; init; }
    public DateOnly? Submitted { get; init; }
    public DateOnly? Revised { get; init; }
    /// <summary>Publication date on Hugging Face.</summary>
    public DateOnly? Published { get; init; }
    public int? Upvotes { get; init; }
    public string? Comments { get; init; }
    public ReadingSection Section { get; init; }
    /// <summary>Session file basename for session readings, else null.</summary>
    public string? Session { get; init; }
    /// <summary>True when the abstract looks cut (ends mid-sentence, "...").</summary>
    public bool AbstractTruncated { get; init; }
    /// <summary>Other lines the source gave about the paper, verbatim but trimmed: venue ("ICLR 2026 Poster"), keywords, subjects, citations, highlights.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
