namespace SiteGen.Merging;

/// <summary>
/// Weights and limits of the resolver. A pair's score is the sum of its evidence weights (Fellegi-Sunter style:
/// agreement on a discriminating field adds, disagreement subtracts, a missing field adds 0).
/// The same arXiv id decides a match and different ids forbid one, before any weight is looked at.
/// The title weights are capped below <see cref="MergeAt"/> so that a title alone never merges two records.
/// </summary>
public sealed record ResolverOptions
{
    public static ResolverOptions Default { get; } = new();

    /// <summary>Score at or above which two records are the same paper.</summary>
    public double MergeAt { get; init; } = 8;
    /// <summary>Score at or above which (and below <see cref="MergeAt"/>) a pair goes to the instructor.</summary>
    public double ReviewAt { get; init; } = 4;

    public double TitleExact { get; init; } = 6;           // same letters and digits after normalising
    public double TitlePrefix { get; init; } = 4;          // one title is the other cut short (mid-word too)
    public double TitleVerySimilar { get; init; } = 4;     // token Dice >= 0.9
    public double TitleSimilar { get; init; } = 1;         // token Dice >= 0.7 (look-alike surveys land here)
    public double TitleDifferent { get; init; } = -4;      // token Dice < 0.5
    public double AbstractContained { get; init; } = 8;    // >= 85% of the shorter abstract inside the longer, aligned at the start
    public double AbstractContainedShort { get; init; } = 3; // as above but the shorter has too few shingles to be sure
    public double AbstractShifted { get; init; } = 3;      // contained, but not at the start: a glued abstract or a lead-in
    public double AbstractOverlap { get; init; } = 2;      // 50-85% contained: a revised abstract
    public double AbstractDifferent { get; init; } = -6;   // < 20% contained
    public double AuthorsShared { get; init; } = 2;        // half the shorter list's surnames shared
    public double FirstAuthorSame { get; init; } = 1;
    public double AuthorsDisjoint { get; init; } = -3;     // two lists, no surname in common
    public double AuthorCountEqual { get; init; } = 2;     // same stated count (>= 2 authors)
    public double AuthorCountDiffers { get; init; } = -1;  // counts differ by 2 or more
    public double YearsApart { get; init; } = -2;          // dates more than a year apart

    /// <summary>Containment at or above which an abstract counts as contained.</summary>
    public double ContainedAt { get; init; } = 0.85;
    /// <summary>The shorter abstract needs this many word 3-shingles for containment to decide.</summary>
    public int MinShingles { get; init; } = 10;
    /// <summary>Shingles two abstracts that start alike must share to count as one text when extra text is inserted or glued (stock openings share under 10).</summary>
    public int MinSharedStart { get; init; } = 15;
    /// <summary>Of the shorter abstract's first 16 shingles, how many must occur in the longer one's first 24 for both to start alike (stock openings share at most 8).</summary>
    public int AlignedRun { get; init; } = 10;
    /// <summary>Candidate blocks larger than this are common phrases, not evidence; they are skipped.</summary>
    public int MaxBlockSize { get; init; } = 64;
    /// <summary>Abstract MinHash LSH: bands x rows hashes. 16 x 2 finds pairs at Jaccard 0.5 with p = 0.99, at 0.3 with p = 0.78.</summary>
    public int LshBands { get; init; } = 16;
    public int LshRows { get; init; } = 2;
    /// <summary>Degree of parallelism; null uses every core.</summary>
    public int? Threads { get; init; }
}
