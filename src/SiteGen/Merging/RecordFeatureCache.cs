using System.Runtime.CompilerServices;
using SiteGen.Model;
using SiteGen.Text;

namespace SiteGen.Merging;

/// <summary>
/// The arXiv id and features of each record the resolver has seen, kept for as long as the record object lives: a
/// process that resolves the same records again (the finder in `serve`, whose listing records come from
/// <c>ListingFileCache</c>) computes them only for new records. Features are a function of the record alone, and
/// records are immutable, so reusing them gives the result of computing them again. `build` resolves without one.
/// </summary>
public sealed class RecordFeatureCache
{
    private readonly ConditionalWeakTable<PaperRecord, Entry> _entries = new();

    internal Entry For(PaperRecord record) => _entries.GetValue(record, static r => new Entry(RecordFeatures.FindId(r)));

    internal sealed class Entry(ArxivIdentifier? id)
    {
        private RecordFeatures? _light, _comparable;

        public ArxivIdentifier? Id { get; } = id;

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
            ? _comparable ??= RecordFeatures.From(record, Id, comparable: true)
            : _light ??= RecordFeatures.From(record, Id, comparable: false);
    }
}
