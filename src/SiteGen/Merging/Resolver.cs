using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Merging;

/// <summary>An instructor's answer from content/dedup-decisions.yml: two record keys are the same paper, or different ones.</summary>
public sealed record DedupDecision(string KeyA, string KeyB, bool Same, int Line = 0, string? Note = null);

/// <summary>What a resolver run did, for benchmarks and the build summary.</summary>
public sealed record ResolverStats(int Records, int Papers, long CandidatePairs, int MergeEdges, int ReviewPairs, int Splits, int Blocks)
{
    /// <summary>Seconds per phase, for benchmarks (not part of any output file).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> PhaseSeconds { get; init; } = [];
}

/// <summary>A decision the records no longer match (a key not found), or one that could not be applied.</summary>
public sealed record DecisionProblem(DedupDecision Decision, string Message);

public sealed record ResolverResult(Model.Catalog Catalog, ResolverStats Stats, IReadOnlyList<DecisionProblem> DecisionProblems);

/// <summary>
/// Normalise, block, score, cluster, merge. Work stays near linear in the number of records: records are only compared
/// inside candidate blocks (same squashed title, title prefix, rare title word, abstract start, abstract MinHash band),
/// and blocks bigger than <see cref="ResolverOptions.MaxBlockSize"/> are common phrases and are skipped.
/// </summary>
public static partial class Resolver
{
    // Salts keep the key families apart in one hash space.
    private const ulong SaltSquash = 0x1000000000000001UL, SaltPrefix = 0x2000000000000003UL, SaltSquashPrefix = 0x3000000000000005UL,
        SaltRare = 0x4000000000000007UL, SaltHead = 0x5000000000000009UL, SaltLsh = 0x600000000000000BUL;

    /// <param name="cache">Ids and features of records seen by an earlier call, reused for the same record objects; null computes all.</param>
    public static ResolverResult Resolve(IReadOnlyList<PaperRecord> records, IReadOnlyList<DedupDecision>? decisions = null, ResolverOptions? options = null, RecordFeatureCache? cache = null)
    {
        var o = options ?? ResolverOptions.Default;
        decisions ??= [];
        var n = records.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads ?? Environment.ProcessorCount };

        var timings = new List<KeyValuePair<string, double>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            timings.Add(new(name, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
        // Two records with arXiv ids are never scored (their ids decide), so when every record has one, as in a course
        // without listings, blocking would find no pair worth scoring: it is skipped, and so are the hash lists it
        // compares, until a record turns out to share its cluster (below).
        var ids = new ArxivIdentifier?[n];
        var cached = cache?.EntriesFor(records);
        if (cached is null) Parallel.For(0, n, parallel, i => ids[i] = RecordFeatures.FindId(records[i]));
        else Parallel.For(0, n, parallel, i => ids[i] = cached[i].Id(records[i]));
        var withoutId = ids.Count(id => id is null);
        var scoring = withoutId > 0;
        var features = new RecordFeatures[n];
        if (cached is null) Parallel.For(0, n, parallel, i => features[i] = RecordFeatures.From(records[i], ids[i], comparable: scoring));
        else Parallel.For(0, n, parallel, i => features[i] = cached[i].Features(records[i], comparable: scoring));

        Phase("features");
        var blocks = scoring ? BuildBlocks(features, o, parallel) : Blocks.None(n);
        Phase("blocks");
        var uf = new ClusterSet(n, features);
        var problems = new List<DecisionProblem>();

        // Instructor answers first: they outrank every rule.
        // Records by key, only when there are answers to look up (a list per record is a lot of garbage at 1M records).
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n && decisions.Count > 0; i++)
        {
            if (!byKey.TryGetValue(features[i].Key, out var list)) byKey[features[i].Key] = list = [];
            list.Add(i);
        }
        var answered = new HashSet<(string, string)>();
        foreach (var d in decisions)
        {
            var foundA = byKey.TryGetValue(d.KeyA, out var ra);
            var foundB = byKey.TryGetValue(d.KeyB, out var rb);
            if (!foundA || !foundB)
            {
                var missing = !foundA && !foundB ? $"{d.KeyA} and {d.KeyB} match" : $"{(!foundA ? d.KeyA : d.KeyB)} matches";
                problems.Add(new DecisionProblem(d, $"Stale dedup decision: {missing} no record any more."));
                continue;
            }
            answered.Add(Ordered(d.KeyA, d.KeyB));
            if (!d.Same) uf.CannotLink(ra!, rb!);
        }
        foreach (var d in decisions.Where(d => d.Same))
            if (byKey.TryGetValue(d.KeyA, out var ra) && byKey.TryGetValue(d.KeyB, out var rb))
                foreach (var x in ra.Concat(rb))
                    if (uf.Union(ra[0], x) == UnionOutcome.IdConflict)
                        problems.Add(new DecisionProblem(d, $"Dedup decision 'same' for {d.KeyA} and {d.KeyB} joins papers with different arXiv ids; not applied."));

        // The same arXiv id decides.
        var firstById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (features[i].Arxiv is not { } id) continue;
            if (firstById.TryGetValue(id.BaseId, out var first)) uf.Union(first, i);
            else firstById[id.BaseId] = i;
        }

        // Score candidate pairs inside blocks; keep those worth merging or reviewing.
        var edgeLists = new List<List<Edge>>();
        long candidates = 0;
        var shifted = new bool[n];
        // Each worker owns a "seen" stamp array and takes chunks of records from a shared counter.
        var workers = Math.Max(1, Math.Min(parallel.MaxDegreeOfParallelism, Math.Max(1, n / 1024)));
        var next = 0;
        const int Chunk = 256;
        Parallel.For(0, workers, parallel, _ =>
        {
            var seen = new int[n];
            Array.Fill(seen, -1);
            var local = new List<Edge>();
            long count = 0;
            for (var start = Interlocked.Add(ref next, Chunk) - Chunk; start < n; start = Interlocked.Add(ref next, Chunk) - Chunk)
            {
                var end = Math.Min(n, start + Chunk);
                for (var i = start; i < end; i++)
                {
                    var fi = features[i];
                    for (var p = blocks.RecordStart[i]; p < blocks.RecordStart[i + 1]; p++)
                    {
                        var b = blocks.RecordBlocks[p];
                        for (var q = blocks.BlockStart[b]; q < blocks.BlockStart[b + 1]; q++)
                        {
                            var j = blocks.Members[q];
                            if (j <= i || seen[j] == i) continue;
                            seen[j] = i;
                            var fj = features[j];
                            if (fi.Arxiv is not null && fj.Arxiv is not null) continue; // decided by ids already
                            count++;
                            var e = PairScorer.Score(fi, fj, o);
                            if (e.Abstract == AbstractMatch.Shifted)
                                shifted[fi.Shingles.Length >= fj.Shingles.Length ? i : j] = true; // the longer one carries glued text
                            if (e.Score >= o.ReviewAt) local.Add(new Edge(i, j, e.Score));
                        }
                    }
                }
            }
            lock (edgeLists)
            {
                edgeLists.Add(local);
                candidates += count;
            }
        });
        Phase("score");
        var edges = edgeLists.SelectMany(l => l).ToArray();
        // Strongest evidence first, ties by position: the same input always unions in the same order.
        Array.Sort(edges, static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));

        var conflicts = new List<Edge>();
        var review = new List<Edge>();
        var mergeEdges = 0;
        foreach (var e in edges)
        {
            if (e.Score >= o.MergeAt)
            {
                mergeEdges++;
                var outcome = uf.Union(e.A, e.B);
                if (outcome == UnionOutcome.IdConflict) conflicts.Add(e);
            }
            else review.Add(e);
        }

        Phase("cluster");
        var clusters = uf.Clusters();
        // Merging fields compares the copies of a paper: records that share a cluster get their full features now.
        if (!scoring)
            Parallel.For(0, clusters.Count, parallel, c =>
            {
                if (clusters[c].Length < 2) return;
                foreach (var i in clusters[c]) features[i] = cached is null ? RecordFeatures.From(records[i], ids[i], comparable: true) : cached[i].Features(records[i], comparable: true);
            });
        var papers = new Paper[clusters.Count];
        Parallel.For(0, clusters.Count, parallel, c => papers[c] = cached is not null && clusters[c].Length == 1
            ? cached[clusters[c][0]].Alone(clusters[c], records, features, shifted)
            : FieldMerger.Merge(clusters[c], records, features, shifted));
        AssignIds(papers, clusters, records, features);

        Phase("merge fields");
        var paperOf = new string[n];
        for (var c = 0; c < clusters.Count; c++)
            foreach (var i in clusters[c]) paperOf[i] = papers[c].Id;
        var bySource = new Dictionary<SourceRef, string>(n);
        var keyBySource = new Dictionary<SourceRef, string>(n);
        for (var i = 0; i < n; i++)
        {
            bySource[records[i].Source] = paperOf[i];
            keyBySource[records[i].Source] = features[i].Key;
        }

        var items = ReviewItems(review, conflicts, features, paperOf, answered, o);
        // Ids are unique (AssignIds), so an unstable sort gives the one order there is.
        Array.Sort(papers, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var sorted = new List<Paper>(papers);
        Phase("review and ids");
        var stats = new ResolverStats(n, sorted.Count, candidates, mergeEdges, items.Count(r => r.Kind == "uncertain"), items.Count(r => r.Kind == "split"), blocks.BlockCount)
        {
            PhaseSeconds = timings,
        };
        return new ResolverResult(new Model.Catalog(sorted, items, bySource) { RecordKeyBySource = keyBySource }, stats, problems);
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>Uncertain pairs (best pair per two papers) and refused merges between papers with different ids.</summary>
    private static List<ReviewItem> ReviewItems(List<Edge> review, List<Edge> conflicts, RecordFeatures[] f, string[] paperOf,
        HashSet<(string, string)> answered, ResolverOptions o)
    {
        var items = new Dictionary<(string, string), ReviewItem>();
        void Add(Edge e, string kind, string? extra)
        {
            var (pa, pb) = (paperOf[e.A], paperOf[e.B]);
            if (string.Equals(pa, pb, StringComparison.Ordinal)) return; // merged anyway through other records
            var (ka, kb) = (f[e.A].Key, f[e.B].Key);
            if (answered.Contains(Ordered(ka, kb))) return;
            var pair = Ordered(pa, pb);
            if (items.TryGetValue(pair, out var existing) && (existing.Kind == "split" || existing.Score >= e.Score) && kind != "split") return;
            var reasons = PairScorer.Reasons(PairScorer.Score(f[e.A], f[e.B], o), o).ToList();
            if (extra is not null) reasons.Insert(0, extra);
            if (string.CompareOrdinal(pa, pb) > 0) (ka, kb, pa, pb) = (kb, ka, pb, pa);
            items[pair] = new ReviewItem(ka, kb, pa, pb, Math.Round(e.Score, 2), reasons, kind);
        }
        foreach (var e in conflicts)
        {
            Add(e, "split", "split: the records score as one paper, but their clusters hold different arXiv ids, so they were kept apart");
        }
        foreach (var e in review) Add(e, "uncertain", null);
        return items.Values
            .OrderBy(r => r.Kind == "split" ? 0 : 1).ThenByDescending(r => r.Score)
            .ThenBy(r => r.PaperA, StringComparer.Ordinal).ThenBy(r => r.PaperB, StringComparer.Ordinal)
            .ThenBy(r => r.KeyA, StringComparer.Ordinal).ThenBy(r => r.KeyB, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>arXiv id when known (old-style "cs/0112017" as "cs-0112017", URL-safe); else "p" + FNV-1a of the normalised title or abstract start. Clashes get -2, -3 in a stable order.</summary>
    private static void AssignIds(Paper[] papers, List<int[]> clusters, IReadOnlyList<PaperRecord> records, RecordFeatures[] f)
    {
        var baseIds = new string[papers.Length];
        for (var c = 0; c < papers.Length; c++)
        {
            var p = papers[c];
            if (p.ArxivId is { } id) { baseIds[c] = id.Replace('/', '-'); continue; }
            var title = TextNormalizer.Squash(TextNormalizer.Normalize(p.Title));
            var content = title.Length > 0 ? "t:" + title : "a:" + string.Join(' ', TextNormalizer.Normalize(p.Abstract).Split(' ').Take(30));
            baseIds[c] = "p" + StableHash.Hex(StableHash.Fnv1a(content.AsSpan()))[..12];
        }
        // Clashing clusters take -2, -3 in the order of their smallest record key, which does not depend on input order.
        // Only clashes need that order: a base id no other cluster has is the id as it is.
        var uses = new Dictionary<string, int>(papers.Length, StringComparer.Ordinal);
        foreach (var id in baseIds) uses[id] = uses.GetValueOrDefault(id) + 1;
        var clashing = new List<(int Cluster, string Base, string Min)>();
        for (var c = 0; c < papers.Length; c++)
        {
            if (uses[baseIds[c]] == 1)
            {
                papers[c] = papers[c] with { Id = baseIds[c] };
                continue;
            }
            var min = f[clusters[c][0]].Key;
            foreach (var i in clusters[c])
                if (string.CompareOrdinal(f[i].Key, min) < 0) min = f[i].Key;
            clashing.Add((c, baseIds[c], min));
        }
        // Stable, as the full ordering was: equal (base, min) pairs keep cluster order.
        var ordered = clashing.Select((x, k) => (x, k)).ToList();
        ordered.Sort((a, b) =>
        {
            var cmp = string.CompareOrdinal(a.x.Base, b.x.Base);
            if (cmp == 0) cmp = string.CompareOrdinal(a.x.Min, b.x.Min);
            return cmp != 0 ? cmp : a.k.CompareTo(b.k);
        });
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((c, baseId, _), _) in ordered)
        {
            var id = baseId;
            for (var k = 2; !used.Add(id); k++) id = baseId + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            papers[c] = papers[c] with { Id = id };
        }
    }
}
