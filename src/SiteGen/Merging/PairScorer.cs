using System.Globalization;

namespace SiteGen.Merging;

internal enum TitleMatch : byte { Missing, Exact, Prefix, VerySimilar, Similar, Neutral, Different }

internal enum AbstractMatch : byte { Missing, Contained, SharedStart, ContainedShort, Shifted, Overlap, Neutral, Different }

internal enum AuthorMatch : byte { Missing, Shared, Disjoint, Neutral }

/// <summary>Why two records scored what they did; reasons are only spelled out for the review report.</summary>
internal readonly record struct PairEvidence(
    TitleMatch Title, double TitleSimilarity, AbstractMatch Abstract, double Containment,
    AuthorMatch Authors, bool FirstAuthor, int CountMatch, bool YearsApart, double Score);

/// <summary>Scores one candidate pair by summed evidence weights (see <see cref="ResolverOptions"/>).</summary>
internal static class PairScorer
{
    public static PairEvidence Score(RecordFeatures a, RecordFeatures b, ResolverOptions o)
    {
        double score = 0;

        var title = TitleMatch.Missing;
        double dice = 0;
        if (a.Squashed.Length > 0 && b.Squashed.Length > 0)
        {
            var (shorter, longer) = a.Squashed.Length <= b.Squashed.Length ? (a.Squashed, b.Squashed) : (b.Squashed, a.Squashed);
            dice = Dice(a.TitleSet, b.TitleSet);
            if (shorter.Length == longer.Length && string.Equals(shorter, longer, StringComparison.Ordinal)) title = TitleMatch.Exact;
            else if (shorter.Length >= 12 && longer.StartsWith(shorter, StringComparison.Ordinal)) title = TitleMatch.Prefix;
            else if (dice >= 0.9) title = TitleMatch.VerySimilar;
            else if (dice >= 0.7) title = TitleMatch.Similar;
            else if (dice < 0.5) title = TitleMatch.Different;
            else title = TitleMatch.Neutral;
            score += title switch
            {
                TitleMatch.Exact => o.TitleExact,
                TitleMatch.Prefix => o.TitlePrefix,
                TitleMatch.VerySimilar => o.TitleVerySimilar,
                TitleMatch.Similar => o.TitleSimilar,
                TitleMatch.Different => o.TitleDifferent,
                _ => 0,
            };
        }

        var abs = AbstractMatch.Missing;
        double containment = 0;
        if (a.Shingles.Length > 0 && b.Shingles.Length > 0)
        {
            var (small, large) = a.Shingles.Length <= b.Shingles.Length ? (a, b) : (b, a);
            var shared = RecordFeatures.Intersect(small.Shingles, large.Shingles);
            containment = (double)shared / small.Shingles.Length;
            var aligned = Aligned(small.Head, large.Head, o.AlignedRun);
            var enough = small.Shingles.Length >= o.MinShingles;
            if (containment >= o.ContainedAt)
                abs = !aligned ? (enough ? AbstractMatch.Shifted : AbstractMatch.Neutral) : enough ? AbstractMatch.Contained : AbstractMatch.ContainedShort;
            // A long common start survives a cut copy with text inserted or glued on: more shared words than any stock opening.
            else if (aligned && shared >= o.MinSharedStart && containment >= 0.3) abs = AbstractMatch.SharedStart;
            else if (containment >= 0.5) abs = AbstractMatch.Overlap;
            else if (containment < 0.2 && enough) abs = AbstractMatch.Different;
            else abs = AbstractMatch.Neutral;
            score += abs switch
            {
                AbstractMatch.Contained or AbstractMatch.SharedStart => o.AbstractContained,
                AbstractMatch.ContainedShort => o.AbstractContainedShort,
                AbstractMatch.Shifted => o.AbstractShifted,
                AbstractMatch.Overlap => o.AbstractOverlap,
                AbstractMatch.Different => o.AbstractDifferent,
                _ => 0,
            };
        }

        var authors = AuthorMatch.Missing;
        var firstAuthor = false;
        if (a.Surnames.Length > 0 && b.Surnames.Length > 0)
        {
            var shared = RecordFeatures.Intersect(a.Surnames, b.Surnames);
            var min = Math.Min(a.Surnames.Length, b.Surnames.Length);
            authors = shared * 2 >= min ? AuthorMatch.Shared : shared == 0 ? AuthorMatch.Disjoint : AuthorMatch.Neutral;
            firstAuthor = a.FirstSurname == b.FirstSurname;
            score += authors switch { AuthorMatch.Shared => o.AuthorsShared, AuthorMatch.Disjoint => o.AuthorsDisjoint, _ => 0 };
            if (firstAuthor) score += o.FirstAuthorSame;
        }

        var countMatch = 0;
        if (a.AuthorCount is { } ca && b.AuthorCount is { } cb)
        {
            if (ca == cb && ca >= 2) { countMatch = 1; score += o.AuthorCountEqual; }
            else if (Math.Abs(ca - cb) >= 2) { countMatch = -1; score += o.AuthorCountDiffers; }
        }

        var yearsApart = a.Year is { } ya && b.Year is { } yb && Math.Abs(ya - yb) > 1;
        if (yearsApart) score += o.YearsApart;

        return new PairEvidence(title, dice, abs, containment, authors, firstAuthor, countMatch, yearsApart, score);
    }

    /// <summary>
    /// Both texts start alike: most of the shorter one's first shingles occur among the longer one's first shingles.
    /// A stock opening ("Large language models (LLMs) have demonstrated remarkable capabilities in") gives at most 8 of them;
    /// a few words inserted near the start (a lost link) cost about 4.
    /// </summary>
    private static bool Aligned(ReadOnlySpan<uint> small, ReadOnlySpan<uint> large, int needed)
    {
        var n = Math.Min(small.Length, 16);
        if (n == 0 || large.Length == 0) return false;
        var found = 0;
        for (var i = 0; i < n; i++)
            if (large.Contains(small[i])) found++;
        return found >= Math.Min(needed, n - 2);
    }

    private static double Dice(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b) =>
        a.Length + b.Length == 0 ? 0 : 2.0 * RecordFeatures.Intersect(a, b) / (a.Length + b.Length);

    /// <summary>The evidence in words, with the weight each piece added, for the review page.</summary>
    public static IReadOnlyList<string> Reasons(PairEvidence e, ResolverOptions o)
    {
        var reasons = new List<string>();
        static string W(double w) => (w >= 0 ? "+" : "") + w.ToString("0.#", CultureInfo.InvariantCulture);
        static string P(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
        switch (e.Title)
        {
            case TitleMatch.Exact: reasons.Add($"title: identical after normalising ({W(o.TitleExact)})"); break;
            case TitleMatch.Prefix: reasons.Add($"title: one is the other cut short ({W(o.TitlePrefix)})"); break;
            case TitleMatch.VerySimilar: reasons.Add($"title: word overlap {P(e.TitleSimilarity)} ({W(o.TitleVerySimilar)})"); break;
            case TitleMatch.Similar: reasons.Add($"title: similar, word overlap {P(e.TitleSimilarity)} ({W(o.TitleSimilar)})"); break;
            case TitleMatch.Neutral: reasons.Add($"title: word overlap {P(e.TitleSimilarity)} (+0)"); break;
            case TitleMatch.Different: reasons.Add($"title: different, word overlap {P(e.TitleSimilarity)} ({W(o.TitleDifferent)})"); break;
            default: reasons.Add("title: missing on one side (+0)"); break;
        }
        switch (e.Abstract)
        {
            case AbstractMatch.Contained: reasons.Add($"abstract: {P(e.Containment)} of the shorter inside the longer, same start ({W(o.AbstractContained)})"); break;
            case AbstractMatch.SharedStart: reasons.Add($"abstract: same start and a long shared passage, {P(e.Containment)} of the shorter ({W(o.AbstractContained)})"); break;
            case AbstractMatch.ContainedShort: reasons.Add($"abstract: the shorter is contained but too short to decide ({W(o.AbstractContainedShort)})"); break;
            case AbstractMatch.Shifted: reasons.Add($"abstract: {P(e.Containment)} contained but not at the start (glued text?) ({W(o.AbstractShifted)})"); break;
            case AbstractMatch.Overlap: reasons.Add($"abstract: {P(e.Containment)} overlap (revised?) ({W(o.AbstractOverlap)})"); break;
            case AbstractMatch.Neutral: reasons.Add($"abstract: {P(e.Containment)} overlap (+0)"); break;
            case AbstractMatch.Different: reasons.Add($"abstract: different, {P(e.Containment)} overlap ({W(o.AbstractDifferent)})"); break;
            default: reasons.Add("abstract: missing on one side (+0)"); break;
        }
        if (e.Authors == AuthorMatch.Shared) reasons.Add($"authors: surnames shared ({W(o.AuthorsShared)})");
        if (e.Authors == AuthorMatch.Disjoint) reasons.Add($"authors: no surname in common ({W(o.AuthorsDisjoint)})");
        if (e.FirstAuthor) reasons.Add($"authors: same first author ({W(o.FirstAuthorSame)})");
        if (e.CountMatch > 0) reasons.Add($"authors: same author count ({W(o.AuthorCountEqual)})");
        if (e.CountMatch < 0) reasons.Add($"authors: author counts differ ({W(o.AuthorCountDiffers)})");
        if (e.YearsApart) reasons.Add($"dates: more than a year apart ({W(o.YearsApart)})");
        reasons.Add($"score {e.Score.ToString("0.#", CultureInfo.InvariantCulture)}: merge at {o.MergeAt.ToString(CultureInfo.InvariantCulture)}, review at {o.ReviewAt.ToString(CultureInfo.InvariantCulture)}");
        return reasons;
    }
}
