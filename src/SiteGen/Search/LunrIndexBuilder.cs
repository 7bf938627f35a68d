using System.Collections.Concurrent;
using System.Globalization;
using SiteGen.Text;

namespace SiteGen.Search;

/// <summary>
/// One field of one document after the pipeline: its length (tokens kept) and its terms as
/// (stem number, count) pairs, flattened, in first-occurrence order. Stem numbers are the <see cref="LunrVocabulary"/>'s.
/// </summary>
internal readonly record struct AnalyzedField(int Length, int[] StemCounts)
{
    public static readonly AnalyzedField Empty = new(0, []);
}

/// <summary>
/// The text pipeline's results per distinct text, kept between builds of one process. Entries not used by a build
/// are dropped at its end, so the cache holds one build's text at most. The vocabulary (token -> stem) it numbers
/// stems with is kept whole: it grows only by the distinct words of the course, and kept entries rely on its numbers.
/// </summary>
public sealed class LunrAnalysisCache
{
    private ConcurrentDictionary<string, AnalyzedField> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, AnalyzedField> _current = new(StringComparer.Ordinal);

    internal LunrVocabulary Vocabulary { get; } = new();

    /// <summary>Distinct texts kept from the last build.</summary>
    public int Count => _previous.Count;

    internal AnalyzedField GetOrAdd(string text, Func<string, AnalyzedField> analyze)
    {
        if (_current.TryGetValue(text, out var field)) return field;
        if (!_previous.TryGetValue(text, out field)) field = analyze(text);
        _current[text] = field;
        return field;
    }

    internal void EndBuild()
    {
        _previous = _current;
        _current = new ConcurrentDictionary<string, AnalyzedField>(StringComparer.Ordinal);
    }
}

/// <summary>
/// Builds a lunr 2.3.9 index the way lunr.Builder does (default pipeline trimmer, stop-word filter, stemmer;
/// BM25 with k1 = 1.2, b = 0.75; no position metadata). Add documents, then Build once.
/// </summary>
/// <remarks>
/// Build runs the text pipeline of all documents in parallel (the cost: lower-casing, tokenizing, stemming), with
/// stems numbered by a shared vocabulary, then assigns term indexes in one ordered pass, so the index is the same as
/// lunr's, which numbers terms in the order they first occur. Postings and vectors are kept in flat arrays.
/// </remarks>
public sealed class LunrIndexBuilder
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly LunrField[] _fields;
    private readonly List<string> _refs = [];
    private readonly List<string?[]> _values = [];
    private readonly HashSet<string> _refSet = new(StringComparer.Ordinal);
    private readonly LunrAnalysisCache? _cache;

    /// <param name="cache">Pipeline results kept from earlier builds of this process, or null.</param>
    public LunrIndexBuilder(IReadOnlyList<LunrField> fields, LunrAnalysisCache? cache = null)
    {
        _cache = cache;
        if (fields.Count == 0) throw new ArgumentException("At least one field is needed.", nameof(fields));
        foreach (var field in fields)
        {
            if (field.Name.Contains('/')) throw new ArgumentException($"Field '{field.Name}' contains illegal character '/'.", nameof(fields));
        }
        _fields = [.. fields];
    }

    public int DocumentCount => _refs.Count;

    /// <summary>
    /// Whether field values are accent-folded (<see cref="AccentFolding.Fold"/>) before lunr's pipeline, as if added
    /// folded. An analysis cache must be used with one setting only.
    /// </summary>
    public bool FoldAccents { get; init; }

    /// <summary>Adds a document; <paramref name="fieldValues"/> follows the order of the fields.</summary>
    public void Add(string docRef, IReadOnlyList<string?> fieldValues)
    {
        if (fieldValues.Count != _fields.Length) throw new ArgumentException($"Expected {_fields.Length} field values, got {fieldValues.Count}.", nameof(fieldValues));
        if (!_refSet.Add(docRef)) throw new ArgumentException($"Duplicate document ref '{docRef}'.", nameof(docRef));
        _refs.Add(docRef);
        _values.Add([.. fieldValues]);
    }

    /// <summary>
    /// The text pipeline of one worker thread: lunr's tokenizer, then per token the vocabulary's stem number (trimmer,
    /// stop-word filter and stemmer, worked out once per distinct token), counted per field. Its buffers are reused
    /// from field to field, so a field costs one array, its result.
    /// </summary>
    private sealed class Analyzer(LunrVocabulary vocabulary, bool foldAccents)
    {
        private char[] _folded = [];
        private readonly LunrVocabulary.TokenLookup _tokens = new(vocabulary);
        private char[] _lowered = new char[1024];
        // Per stem number: 1 + the stem's position in _stemCounts for the field being analyzed, 0 when not in it yet.
        private int[] _positions = new int[1024];
        private int[] _stemCounts = new int[256];

        private const byte Other = 0, Word = 1, Separator = 2;

        /// <summary>ASCII chars as the tokenizer and trimmer see them (others: separators or not, never word chars).</summary>
        private static readonly byte[] CharClasses = Enumerable.Range(0, 128)
            .Select(c => LunrText.IsSeparator((char)c) ? Separator : LunrText.IsWordChar((char)c) ? Word : Other).ToArray();

        public AnalyzedField Analyze(string? value)
        {
            if (string.IsNullOrEmpty(value)) return AnalyzedField.Empty;
            ReadOnlySpan<char> text = value;
            // Accents folded into a buffer rather than a new string: the same chars as AccentFolding.Fold(value).
            var foldFrom = foldAccents ? AccentFolding.FirstCandidate(text) : -1;
            if (foldFrom >= 0)
            {
                var most = AccentFolding.MaxFoldedLength(text.Length);
                if (_folded.Length < most) _folded = new char[Math.Max(most, _folded.Length * 2)];
                text = _folded.AsSpan(0, AccentFolding.Fold(text, foldFrom, _folded));
            }
            if (_lowered.Length < text.Length) _lowered = new char[Math.Max(text.Length, _lowered.Length * 2)];
            var lowered = LunrText.TryLowerJs(text, _lowered) ? _lowered.AsSpan(0, text.Length) : LunrText.ToLowerJs(text.ToString()).AsSpan();

            // lunr's tokenizer and trimmer in one pass over the chars: a token runs to the next separator; trimmed, it is
            // its first word char to its last (or "", which stays, as in lunr). The lookup's hash is worked out on the way,
            // as it stood at the token's last word char.
            var length = 0;
            var pairs = 0;
            var classes = CharClasses;
            for (var i = 0; i < lowered.Length; i++)
            {
                var first = -1;
                var last = -1;
                var hash = LunrVocabulary.TokenLookup.HashStart;
                var trimmedHash = hash;
                var start = i;
                for (; i < lowered.Length; i++)
                {
                    var c = lowered[i];
                    var kind = c < classes.Length ? classes[c] : LunrText.IsSeparator(c) ? Separator : Other;
                    if (kind == Separator) break;
                    if (kind == Word)
                    {
                        if (first < 0) first = i;
                        hash = LunrVocabulary.TokenLookup.HashStep(hash, c);
                        (last, trimmedHash) = (i, hash);
                    }
                    else if (first >= 0)
                    {
                        hash = LunrVocabulary.TokenLookup.HashStep(hash, c);
                    }
                }
                if (i == start) continue;
                var trimmed = first < 0 ? [] : lowered[first..(last + 1)];
                var stem = _tokens.StemId(trimmed, LunrVocabulary.TokenLookup.HashEnd(trimmedHash));
                if (stem == LunrVocabulary.StopWord) continue;
                length++;
                if (stem >= _positions.Length) Array.Resize(ref _positions, Math.Max(stem + 1, _positions.Length * 2));
                var position = _positions[stem];
                if (position == 0)
                {
                    if (pairs * 2 + 2 > _stemCounts.Length) Array.Resize(ref _stemCounts, _stemCounts.Length * 2);
                    _stemCounts[pairs * 2] = stem;
                    _stemCounts[pairs * 2 + 1] = 1;
                    _positions[stem] = ++pairs;
                }
                else
                {
                    _stemCounts[position * 2 - 1]++;
                }
            }

            if (pairs == 0) return AnalyzedField.Empty;
            var result = _stemCounts.AsSpan(0, pairs * 2).ToArray();
            for (var i = 0; i < result.Length; i += 2) _positions[result[i]] = 0;
            return new AnalyzedField(length, result);
        }
    }

    /// <summary>Every field of every document through the pipeline, in parallel; result [doc * fields + field].</summary>
    private AnalyzedField[] AnalyzeAll(LunrVocabulary vocabulary)
    {
        var fieldCount = _fields.Length;
        var analyzed = new AnalyzedField[_refs.Count * fieldCount];
        // One analyzer per worker for the whole pass (its buffers are then warm), taking chunks of documents in turn.
        const int ChunkSize = 64;
        var chunks = (_refs.Count + ChunkSize - 1) / ChunkSize;
        var nextChunk = -1;
        Parallel.For(0, Math.Min(Environment.ProcessorCount, chunks), _ =>
        {
            var analyzer = new Analyzer(vocabulary, FoldAccents);
            int chunk;
            while ((chunk = Interlocked.Increment(ref nextChunk)) < chunks)
            {
                for (var doc = chunk * ChunkSize; doc < Math.Min(_refs.Count, (chunk + 1) * ChunkSize); doc++)
                    for (var f = 0; f < fieldCount; f++)
                        analyzed[doc * fieldCount + f] = _cache is null ? analyzer.Analyze(_values[doc][f]) : _cache.GetOrAdd(_values[doc][f] ?? "", analyzer.Analyze);
            }
        });
        _cache?.EndBuild();
        return analyzed;
    }

    /// <summary>The fields' scores outside lunr's usual range in one table (usually none).</summary>
    private static Dictionary<int, double> Merged(Dictionary<int, double>[] perField)
    {
        var all = new Dictionary<int, double>();
        foreach (var field in perField)
            foreach (var (slot, score) in field) all[slot] = score;
        return all;
    }

    public LunrIndex Build()
    {
        var fieldCount = _fields.Length;
        var n = _refs.Count;
        var vocabulary = _cache?.Vocabulary ?? new LunrVocabulary();
        var analyzed = AnalyzeAll(vocabulary);
        var stemCount = vocabulary.Count;

        // Term indexes in order of first occurrence: documents, then fields, then tokens, as lunr.Builder.add numbers
        // them. Meanwhile count each term's documents per field and sum the field lengths.
        var termOfStem = new int[stemCount];
        Array.Fill(termOfStem, -1);
        var stemOfTerm = new int[stemCount];
        var termCount = 0;
        var postingCounts = new int[fieldCount][];
        for (var f = 0; f < fieldCount; f++) postingCounts[f] = new int[stemCount + 1];
        var vectorStarts = new int[analyzed.Length + 1];
        var lengthSums = new double[fieldCount];
        var withField = new int[fieldCount];
        for (var v = 0; v < analyzed.Length; v++)
        {
            var f = v % fieldCount;
            var field = analyzed[v];
            lengthSums[f] += field.Length;
            withField[f]++;
            var stemCounts = field.StemCounts;
            for (var i = 0; i < stemCounts.Length; i += 2)
            {
                ref var term = ref termOfStem[stemCounts[i]];
                if (term < 0)
                {
                    term = termCount++;
                    stemOfTerm[term] = stemCounts[i];
                }
                postingCounts[f][term]++;
            }
            vectorStarts[v + 1] = vectorStarts[v] + stemCounts.Length / 2;
        }

        var terms = new string[termCount];
        for (var t = 0; t < termCount; t++) terms[t] = vocabulary.Stem(stemOfTerm[t]);

        // Average field length per field (lunr.Builder.calculateAverageFieldLengths).
        var averages = new double[fieldCount];
        for (var f = 0; f < fieldCount; f++) averages[f] = lengthSums[f] / withField[f];

        // idf counts (field, doc) postings over all fields (lunr.idf).
        var idf = new double[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var withTerm = 0;
            for (var f = 0; f < fieldCount; f++) withTerm += postingCounts[f][t];
            var x = (n - withTerm + 0.5) / (withTerm + 0.5);
            idf[t] = Math.Log(1 + Math.Abs(x));
        }

        // Postings: per field, each term's documents (and the term's count in them) in one array, in document order;
        // the counts become start offsets, then fill cursors.
        var postingStarts = new int[fieldCount][];
        var postingDocuments = new int[fieldCount][];
        var postingTermCounts = new int[fieldCount][];
        for (var f = 0; f < fieldCount; f++)
        {
            var starts = new int[termCount + 1];
            for (var t = 0; t < termCount; t++) starts[t + 1] = starts[t] + postingCounts[f][t];
            postingStarts[f] = starts;
            postingDocuments[f] = new int[starts[termCount]];
            postingTermCounts[f] = new int[starts[termCount]];
            Array.Copy(starts, postingCounts[f], termCount);
        }
        for (var v = 0; v < analyzed.Length; v++)
        {
            var f = v % fieldCount;
            var stemCounts = analyzed[v].StemCounts;
            for (var i = 0; i < stemCounts.Length; i += 2)
            {
                var at = postingCounts[f][termOfStem[stemCounts[i]]]++;
                postingDocuments[f][at] = v / fieldCount;
                postingTermCounts[f][at] = stemCounts[i + 1];
            }
        }

        // Vectors: each field's (term index, score) pairs in ascending term index. Walking the postings term by term
        // appends to every vector in term order, so no vector needs sorting. Fields fill disjoint vectors, in parallel.
        var vectorTerms = new int[vectorStarts[^1]];
        var vectorThousandths = new int[vectorStarts[^1]];
        var otherScores = new Dictionary<int, double>[fieldCount];
        var vectorFill = (int[])vectorStarts.Clone();
        Parallel.For(0, fieldCount, f =>
        {
            var others = otherScores[f] = [];
            var (starts, docs, counts) = (postingStarts[f], postingDocuments[f], postingTermCounts[f]);
            var boost = _fields[f].Boost;
            for (var t = 0; t < termCount; t++)
            {
                for (var i = starts[t]; i < starts[t + 1]; i++)
                {
                    var v = docs[i] * fieldCount + f;
                    var length = analyzed[v].Length;
                    var tf = counts[i];
                    // Same operation order as lunr's builder.js so the doubles agree before rounding.
                    var score = idf[t] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (length / averages[f])) + tf);
                    score *= boost;
                    var slot = vectorFill[v]++;
                    vectorTerms[slot] = t;
                    // JavaScript's Math.round rounds halves up, unlike Math.Round's default. The score is kept as the
                    // integer k of lunr's k / 1000, which the JSON is written from; other values (only with negative or
                    // huge boosts) as the double.
                    var thousandths = Math.Floor(score * 1000 + 0.5);
                    if (thousandths is >= 0 and <= int.MaxValue && !double.IsNegative(thousandths))
                    {
                        vectorThousandths[slot] = (int)thousandths;
                    }
                    else
                    {
                        vectorThousandths[slot] = -1;
                        others[slot] = thousandths / 1000;
                    }
                }
            }
        });

        var docOrder = JsKeyOrder(_refs);
        if (docOrder is not null)
        {
            for (var f = 0; f < fieldCount; f++)
                for (var t = 0; t < termCount; t++)
                    postingDocuments[f].AsSpan(postingStarts[f][t], postingStarts[f][t + 1] - postingStarts[f][t]).Sort((a, b) => docOrder[a].CompareTo(docOrder[b]));
        }

        var termsByText = new int[termCount];
        for (var t = 0; t < termCount; t++) termsByText[t] = t;
        Array.Sort((string[])terms.Clone(), termsByText, StringComparer.Ordinal);

        return new LunrIndex(_fields.Select(f => f.Name).ToArray(), [.. _refs], terms, termsByText,
            vectorStarts, vectorTerms, vectorThousandths, Merged(otherScores), postingStarts, postingDocuments);
    }

    /// <summary>
    /// JavaScript objects list integer-like keys ("0", "17") first in numeric order, then the rest in insertion
    /// order; postings are objects keyed by doc ref, so mimic that. Null when insertion order already matches.
    /// </summary>
    private static long[]? JsKeyOrder(List<string> refs)
    {
        if (!refs.Any(IsArrayIndex)) return null;
        var order = new long[refs.Count];
        for (var i = 0; i < refs.Count; i++)
            order[i] = IsArrayIndex(refs[i]) ? long.Parse(refs[i], CultureInfo.InvariantCulture) : (1L << 33) + i;
        return order;
    }

    private static bool IsArrayIndex(string s) =>
        s.Length is > 0 and <= 10 && s.All(char.IsAsciiDigit) && (s == "0" || s[0] != '0')
        && long.Parse(s, CultureInfo.InvariantCulture) < uint.MaxValue;
}
