using SiteGen.Model;

namespace SiteGen.Catalog;

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

    public static Paper Merge(int[] cluster, IReadOnlyList<PaperRecord> records, RecordFeatures[] f, bool[] shifted)
    {
        var idx = cluster.ToArray();
        Array.Sort(idx, (x, y) =>
        {
            var c = CompareSource(records[x].Source, records[y].Source);
            return c != 0 ? c : string.CompareOrdinal(f[x].Key, f[y].Key);
        });
        var provenance = new List<FieldSource>();
        var rs = idx.Select(i => records[i]).ToList();

        // Title.
        string? title = null;
        var titled = idx.Where(i => f[i].Squashed.Length > 0 && !string.IsNullOrWhiteSpace(records[i].Title)).ToList();
        if (titled.Count > 0)
        {
            bool IsCut(int i) => titled.Any(k => f[k].Squashed.Length > f[i].Squashed.Length && f[k].Squashed.StartsWith(f[i].Squashed, StringComparison.Ordinal));
            var best = titled
                .OrderBy(i => IsCut(i) ? 1 : 0)
                .ThenBy(i => KindRank(records[i].Source.Kind))
                .ThenBy(i => NaturalCase(records[i].Title!) ? 0 : 1)
                .ThenByDescending(i => f[i].Squashed.Length)
                .First();
            title = Clean(records[best].Title!);
            var rule = records[best].Source.Kind == SourceKind.Session ? "session title" : "listing title (no session gave a complete one)";
            if (titled.Any(IsCut)) rule += "; cut copies skipped";
            provenance.Add(new FieldSource("title", records[best].Source, rule));
        }

        // arXiv id and versions.
        string? arxivId = null;
        var versions = new SortedSet<int>();
        foreach (var i in idx)
        {
            if (f[i].Arxiv is not { } a) continue;
            if (arxivId is null)
            {
                arxivId = a.BaseId;
                provenance.Add(new FieldSource("arxivId", records[i].Source, "arXiv id from " + records[i].Source.KindName));
            }
            if (string.Equals(a.BaseId, arxivId, StringComparison.Ordinal) && a.Version is { } v) versions.Add(v);
        }

        // Abstract: complete and not glued first, then the longest.
        string? abstractText = null;
        var withAbstract = idx.Where(i => !string.IsNullOrWhiteSpace(records[i].Abstract) && f[i].AbstractTokens > 0).ToList();
        if (withAbstract.Count > 0)
        {
            bool Glued(int i) => shifted[i] || withAbstract.Any(k => k != i && f[k].AbstractComplete
                && f[i].Shingles.Length * 4 >= f[k].Shingles.Length * 5
                && f[k].Shingles.Length > 0
                && RecordFeatures.Intersect(f[k].Shingles, f[i].Shingles) * 100 >= f[k].Shingles.Length * 85);
            var best = withAbstract
                .OrderBy(i => Glued(i) ? 1 : 0)
                .ThenBy(i => f[i].AbstractComplete ? 0 : 1)
                .ThenByDescending(i => f[i].AbstractTokens)
                .ThenBy(i => AbstractKindRank(records[i].Source.Kind))
                .First();
            abstractText = records[best].Abstract!.Trim();
            var rule = Glued(best) ? "longest copy (every copy looks glued)"
                : f[best].AbstractComplete ? "longest complete copy" : "longest copy (every copy looks cut)";
            if (withAbstract.Any(Glued) && !Glued(best)) rule += "; glued copy skipped";
            provenance.Add(new FieldSource("abstract", records[best].Source, rule));
        }

        // Authors and count.
        IReadOnlyList<string> authors = [];
        var withAuthors = idx.Where(i => records[i].Authors.Count > 0).ToList();
        if (withAuthors.Count > 0)
        {
            var best = withAuthors.OrderByDescending(i => records[i].Authors.Count).ThenBy(i => KindRank(records[i].Source.Kind)).First();
            authors = records[best].Authors;
            provenance.Add(new FieldSource("authors", records[best].Source, "fullest author list"));
        }
        int? authorCount = authors.Count > 0 ? authors.Count : null;
        var stated = idx.Where(i => records[i].AuthorCount is not null).OrderByDescending(i => records[i].AuthorCount!.Value).FirstOrDefault(-1);
        if (stated >= 0 && records[stated].AuthorCount > (authorCount ?? 0))
        {
            authorCount = records[stated].AuthorCount;
            provenance.Add(new FieldSource("authorCount", records[stated].Source, "largest stated author count"));
        }
        else if (authorCount is not null)
            provenance.Add(new FieldSource("authorCount", records[withAuthors.OrderByDescending(i => records[i].Authors.Count).ThenBy(i => KindRank(records[i].Source.Kind)).First()].Source, "length of the author list"));

        // Date.
        DateOnly? date = null;
        var submitted = idx.Where(i => records[i].Submitted is not null).OrderBy(i => records[i].Submitted!.Value).FirstOrDefault(-1);
        if (submitted >= 0)
        {
            date = records[submitted].Submitted;
            provenance.Add(new FieldSource("date", records[submitted].Source, "earliest arXiv submission date"));
        }
        else
        {
            var published = idx.Where(i => records[i].Published is not null).OrderBy(i => records[i].Published!.Value).FirstOrDefault(-1);
            if (published >= 0)
            {
                date = records[published].Published;
                provenance.Add(new FieldSource("date", records[published].Source, "earliest listing date"));
            }
        }

        var url = First(idx, records, r => r.Url, "url", "session URL first, then in source order", provenance);
        var doi = First(idx, records, r => r.Doi, "doi", "first DOI in source order", provenance);
        var comments = First(idx, records, r => r.Comments, "comments", "session comments first, then in source order", provenance);

        var sessions = rs.Where(r => r.Source.Kind == SourceKind.Session && !string.IsNullOrEmpty(r.Session))
            .Select(r => r.Session!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        return new Paper
        {
            Id = "",
            Title = title,
            ArxivId = arxivId,
            ArxivVersions = [.. versions],
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

    private static string? First(int[] idx, IReadOnlyList<PaperRecord> records, Func<PaperRecord, string?> field, string name, string rule, List<FieldSource> provenance)
    {
        var best = idx.Where(i => !string.IsNullOrWhiteSpace(field(records[i]))).OrderBy(i => KindRank(records[i].Source.Kind)).FirstOrDefault(-1);
        if (best < 0) return null;
        provenance.Add(new FieldSource(name, records[best].Source, rule));
        return field(records[best])!.Trim();
    }

    /// <summary>Mixed case reads as written by the authors; ALL CAPS or all lower is a scrape's change.</summary>
    private static bool NaturalCase(string s) => s.Any(char.IsUpper) && s.Any(char.IsLower);

    private static string Clean(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
