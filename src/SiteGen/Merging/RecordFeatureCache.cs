using System.Runtime.CompilerServices;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Merging;

/// <summary>
/// The arXiv id and features of each record the last resolve saw: a process that resolves the same record objects
/// again (the finder in `serve`, whose listing records come from <c>ListingFileCache</c>) computes them only for new
/// records. Features are a function of the record alone, and records are immutable, so reusing them gives the result
/// of computing them again. `build` resolves without one.
/// A plain dictionary by reference, replaced at each resolve by the records that resolve was given (so records no
/// longer read are dropped): a ConditionalWeakTable did the same with a dependent handle per record, which every
/// garbage collection scanned (BENCHMARKS.md, "Finder: the serve read cache on a plain dictionary").
/// </summary>
public sealed class RecordFeatureCache
{
    private Dictionary<PaperRecord, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();

    /// <summary>The entry of each record, kept or new; what is kept afterwards is exactly these records' entries.</summary>
    internal Entry[] EntriesFor(IReadOnlyList<PaperRecord> records)
    {
        lock (_gate)
        {
            var kept = new Dictionary<PaperRecord, Entry>(records.Count, ReferenceEqualityComparer.Instance);
            var entries = new Entry[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                if (!kept.TryGetValue(record, out var entry))
                    kept[record] = entry = _entries.TryGetValue(record, out var known) ? known : new Entry();
                entries[i] = entry;
            }
            _entries = kept;
            return entries;
        }
    }

    internal sealed class Entry
    {
        private RecordFeatures? _light, _comparable;
        // Boxed so that two threads given the same record object publish it whole.
        private StrongBox<ArxivIdentifier?>? _id;

        public ArxivIdentifier? Id(PaperRecord record) => (_id ??= new StrongBox<ArxivIdentifier?>(RecordFeatures.FindId(record))).Value;

        private (RecordFeatures Features, bool Shifted, Paper Paper)? _alone;

        /// <summary>
        /// The paper this record makes on its own (a cluster of one, before its id is given): the same as last time when
        /// the record, its features and whether its abstract looked glued are, since that is all the merge reads.
        /// </summary>
        public Paper Alone(int[] cluster, IReadOnlyList<PaperRecord> records, RecordFeatures[] features, bool[] shifted)
        {
            var i = cluster[0];
            if (_alone is { } known && ReferenceEquals(known.Features, features[i]) && known.Shifted == shifted[i]) return known.Paper;
            var paper = FieldMerger.Merge(cluster, records, features, shifted);
            _alone = (features[i], shifted[i], paper);
            return paper;
        }

        /// <summary>Made on first use for each kind; two threads may both make one, and either result is the same.</summary>
        public RecordFeatures Features(PaperRecord record, bool comparable) => comparable
            ? _comparable ??= RecordFeatures.From(record, Id(record), comparable: true)
            : _light ??= RecordFeatures.From(record, Id(record), comparable: false);
    }
}
