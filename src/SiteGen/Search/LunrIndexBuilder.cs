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
        var sb = new StringBuilder(1 << 16);
        sb.Append("{\"version\":\"").Append(Version).Append("\",\"fields\":[");
        for (var f = 0; f < Fields.Count; f++)
        {
            if (f > 0) sb.Append(',');
            JsonText.AppendString(sb, Fields[f]);
        }
        sb.Append("],\"fieldVectors\":[");
        for (var v = 0; v < FieldVectors.Count; v++)
        {
            var vector = FieldVectors[v];
            if (v > 0) sb.Append(',');
            sb.Append('[');
            JsonText.AppendString(sb, vector.FieldRef);
            sb.Append(",[");
            for (var i = 0; i < vector.TermIndexes.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(vector.TermIndexes[i].ToString(CultureInfo.InvariantCulture)).Append(',');
                JsonText.AppendNumber(sb, vector.Scores[i]);
            }
            sb.Append("]]");
        }
        sb.Append("],\"invertedIndex\":[");
        for (var t = 0; t < InvertedIndex.Count; t++)
        {
            var posting = InvertedIndex[t];
            if (t > 0) sb.Append(',');
            sb.Append('[');
            JsonText.AppendString(sb, posting.Term);
            sb.Append(",{\"_index\":").Append(posting.Index.ToString(CultureInfo.InvariantCulture));
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
        sb.Append("],\"pipeline\":[\"stemmer\"]}");
        return sb.ToString();
    }
}

/// <summary>
/// Builds a lunr 2.3.9 index the way lunr.Builder does (default pipeline trimmer, stop-word filter, stemmer;
/// BM25 with k1 = 1.2, b = 0.75; no position metadata). Add documents, then Build once.
/// </summary>
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
    private readonly HashSet<string> _refSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Term>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    // Stems are cached per distinct trimmed token: most tokens repeat, so stemming runs once per word.
    private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;
    private readonly List<FieldEntry> _entries = [];
    private readonly List<Range> _tokens = [];
    private readonly Dictionary<Term, int> _frequencies = new(ReferenceEqualityComparer.Instance);
    private readonly List<Term> _order = [];

    public LunrIndexBuilder(IReadOnlyList<LunrField> fields)
    {
        if (fields.Count == 0) throw new ArgumentException("At least one field is needed.", nameof(fields));
        foreach (var field in fields)
        {
            if (field.Name.Contains('/')) throw new ArgumentException($"Field '{field.Name}' contains illegal character '/'.", nameof(fields));
        }
        _fields = [.. fields];
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int DocumentCount => _refs.Count;

    /// <summary>Adds a document; <paramref name="fieldValues"/> follows the order of the fields.</summary>
    public void Add(string docRef, IReadOnlyList<string?> fieldValues)
    {
        if (fieldValues.Count != _fields.Length) throw new ArgumentException($"Expected {_fields.Length} field values, got {fieldValues.Count}.", nameof(fieldValues));
        if (!_refSet.Add(docRef)) throw new ArgumentException($"Duplicate document ref '{docRef}'.", nameof(docRef));
        var doc = _refs.Count;
        _refs.Add(docRef);

        for (var f = 0; f < _fields.Length; f++)
        {
            var value = fieldValues[f];
            var lowered = value is null ? "" : LunrText.ToLowerJs(value);
            _tokens.Clear();
            LunrText.Tokenize(lowered, _tokens);
            _frequencies.Clear();
            _order.Clear();
            var length = 0;
            foreach (var range in _tokens)
            {
                // Trimmer, then stop-word filter, then stemmer. A token trimmed to "" stays (as in lunr).
                var trimmed = LunrText.Trim(lowered.AsSpan(range));
                if (LunrText.IsStopWord(trimmed)) continue;
                var stem = StemCached(trimmed);
                length++;

                if (!_termLookup.TryGetValue(stem, out var term))
                {
                    term = new Term(stem, _terms.Count, _fields.Length);
                    _terms.Add(stem, term);
                }
                if (_frequencies.TryGetValue(term, out var tf))
                {
                    _frequencies[term] = tf + 1;
                }
                else
                {
                    _frequencies[term] = 1;
                    _order.Add(term);
                    term.Docs[f].Add(doc);
                }
            }
            var frequencies = new (Term, int)[_order.Count];
            for (var i = 0; i < _order.Count; i++) frequencies[i] = (_order[i], _frequencies[_order[i]]);
            _entries.Add(new FieldEntry(doc, f, length, frequencies));
        }
    }

    private string StemCached(ReadOnlySpan<char> token)
    {
        if (_stemLookup.TryGetValue(token, out var stem)) return stem;
        var text = token.ToString();
        stem = PorterStemmer.Stem(text);
        _stems.Add(text, stem);
        return stem;
    }

    public LunrIndex Build()
    {
        var fieldCount = _fields.Length;
        var n = _refs.Count;

        // Average field length per field (lunr.Builder.calculateAverageFieldLengths).
        var lengthSums = new double[fieldCount];
        var withField = new int[fieldCount];
        foreach (var entry in _entries)
        {
            lengthSums[entry.Field] += entry.Length;
            withField[entry.Field]++;
        }
        var averages = new double[fieldCount];
        for (var f = 0; f < fieldCount; f++) averages[f] = lengthSums[f] / withField[f];

        // idf counts (field, doc) postings over all fields (lunr.idf).
        var idf = new double[_terms.Count];
        foreach (var term in _terms.Values)
        {
            var withTerm = 0;
            foreach (var docs in term.Docs) withTerm += docs.Count;
            var x = (n - withTerm + 0.5) / (withTerm + 0.5);
            idf[term.Index] = Math.Log(1 + Math.Abs(x));
        }

        var vectors = new List<LunrFieldVector>(_entries.Count);
        foreach (var entry in _entries)
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
        var postings = new List<LunrPosting>(_terms.Count);
        foreach (var term in _terms.Values.OrderBy(t => t.Text, StringComparer.Ordinal))
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
