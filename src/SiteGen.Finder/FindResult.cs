namespace SiteGen.Finder;

/// <summary>One place a paper was seen: a file relative to the content folder, its first line, and its kind (session, arxiv-listing, hf-listing).</summary>
public sealed record FoundSource(string File, int Line, string Kind);

/// <summary>One paper found, with what the outputs show of it.</summary>
public sealed record FoundPaper
{
    public required int Rank { get; init; }
    public required float Score { get; init; }
    public required string Id { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public int AuthorCount { get; init; }
    public DateOnly? Date { get; init; }
    public string? ArxivId { get; init; }
    public string? Url { get; init; }
    public string? Abstract { get; init; }
    public IReadOnlyList<FoundSource> Sources { get; init; } = [];
    /// <summary>Names of the sessions that assign the paper; empty when it is still a candidate.</summary>
    public IReadOnlyList<string> Sessions { get; init; } = [];
    /// <summary>The best-matching passage, with each matched word between <see cref="Snippets.MarkStart"/> and <see cref="Snippets.MarkEnd"/>.</summary>
    public string Snippet { get; init; } = "";
}

/// <summary>A query problem: one line with the column of the query where it is.</summary>
public sealed record QueryProblem(string Code, int Column, string Message, string Hint);

/// <summary>What a search found: the papers in rank order and how many matched in all; or why the query was not run.</summary>
public sealed record FindResult(IReadOnlyList<FoundPaper> Papers, int TotalHits, QueryProblem? Problem = null)
{
    public static FindResult Failed(QueryProblem problem) => new([], 0, problem);
}
