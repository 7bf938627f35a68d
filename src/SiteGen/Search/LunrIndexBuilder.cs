using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SiteGen.Search;

/// <summary>A field of the index; Boost multiplies its scores like lunr's <c>builder.field(name, {boost})</c>.</summary>
public sealed record LunrField(string Name, double Boost = 1);

/// <summary>One inverted-index entry: the term, its lunr <c>_index</c>, and per field the doc refs holding it.</summary>
public sealed record LunrPosting(string Term, int Index, IReadOnlyList<IReadOnlyList<string>> DocsByField);

/// <summary>One field vector: <c>field/docRef</c> with (term index, score) pairs in ascending term index.</summary>
public sealed record LunrFieldVector(string FieldRef, IReadOnlyList<int> TermIndexes, IReadOnlyList<double> Scores);

/// <summary>A built lunr 2.3.9 index: postings sorted by term (ordinal), vectors in lunr's insertion order.</summary>
public sealed record LunrIndex(IReadOnlyList<string> Fields, IReadOnlyList<LunrPosting> InvertedIndex, IReadOnlyList<LunrFieldVector> FieldVectors)
{
    public const string Version = "2.3.9";

    /// <summary>Compact JSON, byte for byte what lunr's <c>JSON.stringify(index)</c> writes for the same index.</summary>
    public string ToJson()
    {
        // Vectors and postings are written in chunks on all cores, then joined in order.
        var vectors = Chunks(FieldVectors.Count, AppendVector);
        var postings = Chunks(InvertedIndex.Count, AppendPosting);
        var sb = new StringBuilder(vectors.Sum(c => c.Length) + postings.Sum(c => c.Length) + 256);
        sb.Append("{\"version\":\"").Append(Version).Append("\",\"fields\":[");
        for (var f = 0; f < Fields.Count; f++)
        {
            if (f > 0) sb.Append(',');
            JsonText.AppendString(sb, Fields[f]);
        }
        sb.Append("],\"fieldVectors\":[");
        foreach (var chunk in vectors) sb.Append(chunk);
        sb.Append("],\"invertedIndex\":[");
        foreach (var chunk in postings) sb.Append(chunk);
        sb.Append("],\"pipeline\":[\"stemmer\"]}");
        return sb.ToString();
    }

    /// <summary>Items [0, count) written by <paramref name="append"/>, comma-separated, as ordered chunks of text.</summary>
    private static string[] Chunks(int count, Action<StringBuilder, int> append)
    {
        const int ChunkSize = 256;
        var chunks = new string[(count + ChunkSize - 1) / ChunkSize];
        Parallel.For(0, chunks.Length, c =>
        {
            var sb = new StringBuilder(ChunkSize * 128);
            for (var i = c * ChunkSize; i < Math.Min(count, (c + 1) * ChunkSize); i++)
            {
                if (i > 0) sb.Append(',');
                append(sb, i);
            }
            chunks[c] = sb.ToString();
        });
        return chunks;
    }

    private void AppendVector(StringBuilder sb, int v)
    {
        var vector = FieldVectors[v];
        sb.Append('[');
        JsonText.AppendString(sb, vector.FieldRef);
        sb.Append(",[");
        for (var i = 0; i < vector.TermIndexes.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{vector.TermIndexes[i]},");
            JsonText.AppendNumber(sb, vector.Scores[i]);
        }
        sb.Append("]]");
    }

    private void AppendPosting(StringBuilder sb, int t)
    {
        var posting = InvertedIndex[t];
        sb.Append('[');
        JsonText.AppendString(sb, posting.Term);
        sb.Append(CultureInfo.InvariantCulture, $",{{\"_index\":{posting.Index}");
        for (var f = 0; f < Fields.Count; f++)
        {
            sb.Append(',');
            JsonText.AppendString(sb, Fields[f]);
            sb.Append(":{");
            var docs = posting.DocsByField[f];
            for (var d = 0; d < docs.Count; d++)
            {
                if (d > 0) sb.Append(',');
                JsonText.AppendString(sb, docs[d]);
                sb.Append(":{}");
            }
            sb.Append('}');
        }
        sb.Append("}]");
    }
}

/// <summary>One field of one document after the pipeline: its length and its terms with their counts, in first-occurrence order.</summary>
internal readonly record struct AnalyzedField(int Length, string[] Terms, int[] Counts);

/// <summary>
/// The text pipeline's results per distinct text, kept between builds of one process. Entries not used by a build
/// are dropped at its end, so the cache holds one build's text at most.
/// </summary>
public sealed class LunrAnalysisCache
{
    private ConcurrentDictionary<string, AnalyzedField> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, AnalyzedField> _current = new(StringComparer.Ordinal);

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
/// Build runs the text pipeline of all documents in parallel (the cost: lower-casing, tokenizing, stemming), then
/// assigns term indexes in one ordered pass, so the index is the same as lunr's, which numbers terms in the order
/// they first occur.
/// </remarks>
public sealed class LunrIndexBuilder
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private sealed class Term(string text, int index, int fieldCount)
    {
        public readonly string Text = text;
        public readonly int Index = index;
        // Per field, the ordinals of the documents holding the term, in insertion order.
        public readonly List<int>[] Docs = Enumerable.Range(0, fieldCount).Select(_ => new List<int>(2)).ToArray();
    }

    private readonly record struct FieldEntry(int Doc, int Field, int Length, (Term Term, int Tf)[] Frequencies);


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

    /// <summary>Adds a document; <paramref name="fieldValues"/> follows the order of the fields.</summary>
    public void Add(string docRef, IReadOnlyList<string?> fieldValues)
    {
        if (fieldValues.Count != _fields.Length) throw new ArgumentException($"Expected {_fields.Length} field values, got {fieldValues.Count}.", nameof(fieldValues));
        if (!_refSet.Add(docRef)) throw new ArgumentException($"Duplicate document ref '{docRef}'.", nameof(docRef));
        _refs.Add(docRef);
        _values.Add([.. fieldValues]);
    }

    /// <summary>
    /// The text pipeline of one worker thread. Stems are cached per distinct trimmed token: most tokens repeat, so
    /// stemming runs about once per word and thread.
    /// </summary>
    private sealed class Analyzer
    {
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];
        private readonly List<Range> _tokens = [];

        public Analyzer() => _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

        public AnalyzedField Analyze(string? value)
        {
            var lowered = value is null ? "" : LunrText.ToLowerJs(value);
            _tokens.Clear();
            LunrText.Tokenize(lowered, _tokens);
            _counts.Clear();
            _order.Clear();
            var length = 0;
            foreach (var range in _tokens)
            {
                // Trimmer, then stop-word filter, then stemmer. A token trimmed to "" stays (as in lunr).
                var trimmed = LunrText.Trim(lowered.AsSpan(range));
                if (LunrText.IsStopWord(trimmed)) continue;
                var stem = Stem(trimmed);
                length++;
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, stem, out var existed);
                if (!existed) _order.Add(stem);
                count++;
            }
            var terms = _order.ToArray();
            var counts = new int[terms.Length];
            for (var i = 0; i < terms.Length; i++) counts[i] = _counts[terms[i]];
            return new AnalyzedField(length, terms, counts);
        }

        private string Stem(ReadOnlySpan<char> token)
        {
            if (_stemLookup.TryGetValue(token, out var stem)) return stem;
            var text = token.ToString();
            stem = PorterStemmer.Stem(text);
            _stems.Add(text, stem);
            return stem;
        }
    }

    /// <summary>Every field of every document through the pipeline, in parallel; result [doc * fields + field].</summary>
    private AnalyzedField[] AnalyzeAll()
    {
        var fieldCount = _fields.Length;
        var analyzed = new AnalyzedField[_refs.Count * fieldCount];
        // Chunks of documents per task: a worker's stem cache then serves many documents.
        Parallel.ForEach(Partitioner.Create(0, _refs.Count, 64), () => new Analyzer(), (range, _, analyzer) =>
        {
            for (var doc = range.Item1; doc < range.Item2; doc++)
                for (var f = 0; f < fieldCount; f++)
                    analyzed[doc * fieldCount + f] = _cache is null ? analyzer.Analyze(_values[doc][f]) : _cache.GetOrAdd(_values[doc][f] ?? "", analyzer.Analyze);
            return analyzer;
        }, _ => { });
        _cache?.EndBuild();
        return analyzed;
    }

    public LunrIndex Build()
    {
        var fieldCount = _fields.Length;
        var n = _refs.Count;

        // Term indexes in order of first occurrence: documents, then fields, then tokens, as lunr.Builder.add numbers them.
        var analyzed = AnalyzeAll();
        var terms = new Dictionary<string, Term>(StringComparer.Ordinal);
        var entries = new List<FieldEntry>(analyzed.Length);
        for (var doc = 0; doc < n; doc++)
        {
            for (var f = 0; f < fieldCount; f++)
            {
                var field = analyzed[doc * fieldCount + f];
                var frequencies = new (Term, int)[field.Terms.Length];
                for (var i = 0; i < field.Terms.Length; i++)
                {
                    var text = field.Terms[i];
                    if (!terms.TryGetValue(text, out var term))
                    {
                        term = new Term(text, terms.Count, fieldCount);
                        terms.Add(text, term);
                    }
                    term.Docs[f].Add(doc);
                    frequencies[i] = (term, field.Counts[i]);
                }
                entries.Add(new FieldEntry(doc, f, field.Length, frequencies));
            }
        }

        // Average field length per field (lunr.Builder.calculateAverageFieldLengths).
        var lengthSums = new double[fieldCount];
        var withField = new int[fieldCount];
        foreach (var entry in entries)
        {
            lengthSums[entry.Field] += entry.Length;
            withField[entry.Field]++;
        }
        var averages = new double[fieldCount];
        for (var f = 0; f < fieldCount; f++) averages[f] = lengthSums[f] / withField[f];

        // idf counts (field, doc) postings over all fields (lunr.idf).
        var idf = new double[terms.Count];
        foreach (var term in terms.Values)
        {
            var withTerm = 0;
            foreach (var docs in term.Docs) withTerm += docs.Count;
            var x = (n - withTerm + 0.5) / (withTerm + 0.5);
            idf[term.Index] = Math.Log(1 + Math.Abs(x));
        }

        var vectors = new List<LunrFieldVector>(entries.Count);
        foreach (var entry in entries)
        {
            var boost = _fields[entry.Field].Boost;
            var pairs = entry.Frequencies;
            var indexes = new int[pairs.Length];
            var scores = new double[pairs.Length];
            for (var i = 0; i < pairs.Length; i++)
            {
                var (term, tf) = pairs[i];
                // Same operation order as lunr's builder.js so the doubles agree before rounding.
                var score = idf[term.Index] * ((K1 + 1) * tf) / (K1 * (1 - B + B * (entry.Length / averages[entry.Field])) + tf);
                score *= boost;
                indexes[i] = term.Index;
                // JavaScript's Math.round rounds halves up, unlike Math.Round's default.
                scores[i] = Math.Floor(score * 1000 + 0.5) / 1000;
            }
            Array.Sort(indexes, scores);
            vectors.Add(new LunrFieldVector(_fields[entry.Field].Name + "/" + _refs[entry.Doc], indexes, scores));
        }

        var docOrder = JsKeyOrder(_refs);
        var postings = new List<LunrPosting>(terms.Count);
        foreach (var term in terms.Values.OrderBy(t => t.Text, StringComparer.Ordinal))
        {
            var byField = new IReadOnlyList<string>[fieldCount];
            for (var f = 0; f < fieldCount; f++)
            {
                var docs = term.Docs[f];
                if (docOrder is not null) docs.Sort((a, b) => docOrder[a].CompareTo(docOrder[b]));
                var refs = new string[docs.Count];
                for (var d = 0; d < docs.Count; d++) refs[d] = _refs[docs[d]];
                byField[f] = refs;
            }
            postings.Add(new LunrPosting(term.Text, term.Index, byField));
        }

        return new LunrIndex(_fields.Select(f => f.Name).ToArray(), postings, vectors);
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
