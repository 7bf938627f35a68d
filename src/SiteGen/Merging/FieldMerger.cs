using SiteGen.Model;

namespace SiteGen.Merging;

/// <summary>
/// One cluster of records -> one paper, each field chosen by a stated priority and recorded in <see cref="Paper.Provenance"/>:
/// title: a complete (not cut) title, from a session before Hugging Face, natural case before all-caps/lower, the longest;
/// arXiv id: from any record (versions seen are kept); abstract: the longest copy that is neither cut nor glued;
/// authors: the fullest list, session first; author count: the largest stated count, else the list length;
/// date: the earliest arXiv submission, else the earliest Hugging Face date; URL, DOI, comments: session first, then in source order.
/// </summary>
internal static class FieldMerger
{
    private static int KindRank(SourceKind k) => k switch { SourceKind.Session => 0, SourceKind.HfListing => 1, _ => 2 };

    private static int AbstractKindRank(SourceKind k) => k switch { SourceKind.Session => 0, SourceKind.ArxivListing => 1, _ => 2 };

    private static int CompareSource(SourceRef a, SourceRef b)
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.StartLine.CompareTo(b.StartLine);
        return c != 0 ? c : a.EndLine.CompareTo(b.EndLine);
    }

    /// <summary>
    /// Every choice below is "the first record, in source order, that is best by the stated priorities": a plain scan
    /// that keeps the first of equals, as a stable sort would. Most clusters hold one or two records, so no LINQ here.
    /// </summary>
    public static Paper Merge(int[] cluster, IReadOnlyList<PaperRecord> records, RecordFeatures[] f, bool[] shifted)
    {
        var idx = cluster.ToArray();
        if (idx.Length > 1)
            Array.Sort(idx, (x, y) =>
            {
                var c = CompareSource(records[x].Source, records[y].Source);
                return c != 0 ? c : string.CompareOrdinal(f[x].Key, f[y].Key);
            });
        var provenance = new List<FieldSource>(8);
        var rs = new List<PaperRecord>(idx.Length);
        foreach (var i in idx) rs.Add(records[i]);

        // Title: not cut, session before listings, natural case, longest.
        string? title = null;
        int bestTitle = -1, bestCut = 0, bestKind = 0, bestCase = 0, bestLength = 0;
        var anyCut = false;
        foreach (var i in idx)
        {
            if (f[i].Squashed.Length == 0 || string.IsNullOrWhiteSpace(records[i].Title)) continue;
            var cut = IsCutTitle(i, idx, records, f) ? 1 : 0;
            anyCut |= cut == 1;
            var kind = KindRank(records[i].Source.Kind);
            var natural = NaturalCase(records[i].Title!) ? 0 : 1;
            var length = f[i].Squashed.Length;
            if (bestTitle < 0 || cut < bestCut || (cut == bestCut && (kind < bestKind || (kind == bestKind && (natural < bestCase || (natural == bestCase && length > bestLength))))))
                (bestTitle, bestCut, bestKind, bestCase, bestLength) = (i, cut, kind, natural, length);
        }
        if (bestTitle >= 0)
        {
            title = Clean(records[bestTitle].Title!);
            var rule = records[bestTitle].Source.Kind == SourceKind.Session ? "session title" : "listing title (no session gave a complete one)";
            if (anyCut) rule += "; cut copies skipped";
            provenance.Add(new FieldSource("title", records[bestTitle].Source, rule));
        }

        // arXiv id and versions.
        string? arxivId = null;
        List<int>? versions = null;
        foreach (var i in idx)
        {
            if (f[i].Arxiv is not { } a) continue;
            if (arxivId is null)
            {
                arxivId = a.BaseId;
                provenance.Add(new FieldSource("arxivId", records[i].Source, "arXiv id from " + records[i].Source.KindName));
            }
            if (string.Equals(a.BaseId, arxivId, StringComparison.Ordinal) && a.Version is { } v && !(versions ??= []).Contains(v)) versions.Add(v);
        }
        versions?.Sort();

        // Abstract: complete and not glued first, then the longest.
        string? abstractText = null;
        int bestAbstract = -1, bestGlued = 0, bestComplete = 0, bestTokens = 0, bestAbstractKind = 0;
        var anyGlued = false;
        foreach (var i in idx)
        {
            if (!HasAbstract(i, records, f)) continue;
            var glued = IsGlued(i, idx, records, f, shifted) ? 1 : 0;
            anyGlued |= glued == 1;
            var complete = f[i].AbstractComplete ? 0 : 1;
            var tokens = f[i].AbstractTokens;
            var kind = AbstractKindRank(records[i].Source.Kind);
            if (bestAbstract < 0 || glued < bestGlued || (glued == bestGlued && (complete < bestComplete || (complete == bestComplete && (tokens > bestTokens || (tokens == bestTokens && kind < bestAbstractKind))))))
                (bestAbstract, bestGlued, bestComplete, bestTokens, bestAbstractKind) = (i, glued, complete, tokens, kind);
        }
        if (bestAbstract >= 0)
        {
            abstractText = records[bestAbstract].Abstract!.Trim();
            var rule = bestGlued == 1 ? "longest copy (every copy looks glued)"
                : f[bestAbstract].AbstractComplete ? "longest complete copy" : "longest copy (every copy looks cut)";
            if (anyGlued && bestGlued == 0) rule += "; glued copy skipped";
            provenance.Add(new FieldSource("abstract", records[bestAbstract].Source, rule));
        }

        // Authors and count: the fullest list, session first.
        IReadOnlyList<string> authors = [];
        var bestAuthors = -1;
        foreach (var i in idx)
        {
            var n = records[i].Authors.Count;
            if (n == 0) continue;
            if (bestAuthors < 0 || n > records[bestAuthors].Authors.Count
                || (n == records[bestAuthors].Authors.Count && KindRank(records[i].Source.Kind) < KindRank(records[bestAuthors].Source.Kind)))
                bestAuthors = i;
        }
        if (bestAuthors >= 0)
        {
            authors = records[bestAuthors].Authors;
            provenance.Add(new FieldSource("authors", records[bestAuthors].Source, "fullest author list"));
        }
        int? authorCount = authors.Count > 0 ? authors.Count : null;
        var stated = -1;
        foreach (var i in idx)
            if (records[i].AuthorCount is { } c && (stated < 0 || c > records[stated].AuthorCount!.Value)) stated = i;
        if (stated >= 0 && records[stated].AuthorCount > (authorCount ?? 0))
        {
            authorCount = records[stated].AuthorCount;
            provenance.Add(new FieldSource("authorCount", records[stated].Source, "largest stated author count"));
        }
        else if (authorCount is not null)
            provenance.Add(new FieldSource("authorCount", records[bestAuthors].Source, "length of the author list"));

        // Date: the earliest arXiv submission, else the earliest listing date.
        DateOnly? date = null;
        var submitted = -1;
        foreach (var i in idx)
            if (records[i].Submitted is { } d && (submitted < 0 || d < records[submitted].Submitted!.Value)) submitted = i;
        if (submitted >= 0)
        {
            date = records[submitted].Submitted;
            provenance.Add(new FieldSource("date", records[submitted].Source, "earliest arXiv submission date"));
        }
        else
        {
            var published = -1;
            foreach (var i in idx)
                if (records[i].Published is { } d && (published < 0 || d < records[published].Published!.Value)) published = i;
            if (published >= 0)
            {
                date = records[published].Published;
                provenance.Add(new FieldSource("date", records[published].Source, "earliest listing date"));
            }
        }

        var url = First(idx, records, static r => r.Url, "url", "session URL first, then in source order", provenance);
        var doi = First(idx, records, static r => r.Doi, "doi", "first DOI in source order", provenance);
        var comments = First(idx, records, static r => r.Comments, "comments", "session comments first, then in source order", provenance);

        var sessions = new List<string>();
        foreach (var r in rs)
            if (r.Source.Kind == SourceKind.Session && !string.IsNullOrEmpty(r.Session) && !sessions.Contains(r.Session, StringComparer.Ordinal))
                sessions.Add(r.Session);
        if (sessions.Count > 1) sessions.Sort(StringComparer.Ordinal);

        return new Paper
        {
            Id = "",
            Title = title,
            ArxivId = arxivId,
            ArxivVersions = versions is null ? [] : versions.ToArray(),
            Authors = authors,
            AuthorCount = authorCount,
            Abstract = abstractText,
            Url = url,
            Doi = doi,
            Date = date,
            Comments = comments,
            Records = rs,
            Provenance = provenance,
            Sessions = sessions,
        };
    }

    /// <summary>Another titled record's squashed title is longer and starts with this one's: this copy was cut.</summary>
    private static bool IsCutTitle(int i, int[] idx, IReadOnlyList<PaperRecord> records, RecordFeatures[] f)
    {
        if (idx.Length == 1) return false;
        var own = f[i].Squashed;
        foreach (var k in idx)
            if (f[k].Squashed.Length > own.Length && !string.IsNullOrWhiteSpace(records[k].Title) && f[k].Squashed.StartsWith(own, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static bool HasAbstract(int i, IReadOnlyList<PaperRecord> records, RecordFeatures[] f) =>
        !string.IsNullOrWhiteSpace(records[i].Abstract) && f[i].AbstractTokens > 0;

    /// <summary>Marked as carrying glued text while scoring, or a complete abstract of another record is mostly inside this longer one.</summary>
    private static bool IsGlued(int i, int[] idx, IReadOnlyList<PaperRecord> records, RecordFeatures[] f, bool[] shifted)
    {
        if (shifted[i]) return true;
        foreach (var k in idx)
            if (k != i && HasAbstract(k, records, f) && f[k].AbstractComplete
                && f[i].Shingles.Length * 4 >= f[k].Shingles.Length * 5
                && f[k].Shingles.Length > 0
                && RecordFeatures.Intersect(f[k].Shingles, f[i].Shingles) * 100 >= f[k].Shingles.Length * 85)
                return true;
        return false;
    }

    private static string? First(int[] idx, IReadOnlyList<PaperRecord> records, Func<PaperRecord, string?> field, string name, string rule, List<FieldSource> provenance)
    {
        var best = -1;
        foreach (var i in idx)
            if (!string.IsNullOrWhiteSpace(field(records[i])) && (best < 0 || KindRank(records[i].Source.Kind) < KindRank(records[best].Source.Kind))) best = i;
        if (best < 0) return null;
        provenance.Add(new FieldSource(name, records[best].Source, rule));
        return field(records[best])!.Trim();
    }

    /// <summary>Mixed case reads as written by the authors; ALL CAPS or all lower is a scrape's change.</summary>
    private static bool NaturalCase(string s)
    {
        bool upper = false, lower = false;
        foreach (var c in s)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
            if (upper && lower) return true;
        }
        return false;
    }

    /// <summary>Whitespace runs to one space, ends trimmed; most titles already are, and are returned as they are.</summary>
    private static string Clean(string s)
    {
        var clean = s.Length > 0 && !char.IsWhiteSpace(s[0]) && !char.IsWhiteSpace(s[^1]);
        for (var i = 1; clean && i < s.Length; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || s[i - 1] == ' ')) clean = false;
        return clean ? s : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
