namespace SiteGen.Search;

/// <summary>A field of the index; Boost multiplies its scores like lunr's <c>builder.field(name, {boost})</c>.</summary>
public sealed record LunrField(string Name, double Boost = 1);

/// <summary>One inverted-index entry: the term, its lunr <c>_index</c>, and per field the doc refs holding it.</summary>
public sealed record LunrPosting(string Term, int Index, IReadOnlyList<IReadOnlyList<string>> DocsByField);

/// <summary>One field vector: <c>field/docRef</c> with (term index, score) pairs in ascending term index.</summary>
public sealed record LunrFieldVector(string FieldRef, IReadOnlyList<int> TermIndexes, IReadOnlyList<double> Scores);

/// <summary>
/// A built lunr 2.3.9 index: postings sorted by term (ordinal), vectors in lunr's insertion order (document, then
/// field). Held as flat arrays, which is what the JSON is written from; <see cref="InvertedIndex"/> and
/// <see cref="FieldVectors"/> give the same content as records.
/// </summary>
public sealed class LunrIndex
{
    public const string Version = "2.3.9";

    private readonly string[] _fields;
    private readonly string[] _refs;
    private readonly string[] _terms;              // by term index
    private readonly int[] _termsByText;           // term indexes in ordinal order of their text
    private readonly int[] _vectorStarts;          // vector v = document * fields + field: pairs [start[v], start[v + 1])
    private readonly int[] _vectorTerms;           // ascending within a vector
    private readonly int[] _vectorThousandths;     // score * 1000 (an integer: scores are rounded to thousandths), or -1
    private readonly IReadOnlyDictionary<int, double> _otherScores; // the scores at -1 above (negative or huge: odd boosts)
    private readonly int[][] _postingStarts;       // per field, by term index: documents [start[t], start[t + 1])
    private readonly int[][] _postingDocuments;    // document ordinals, in the order lunr lists them

    private IReadOnlyList<LunrPosting>? _invertedIndex;
    private IReadOnlyList<LunrFieldVector>? _fieldVectors;

    internal LunrIndex(string[] fields, string[] refs, string[] terms, int[] termsByText, int[] vectorStarts, int[] vectorTerms,
        int[] vectorThousandths, IReadOnlyDictionary<int, double> otherScores, int[][] postingStarts, int[][] postingDocuments)
    {
        (_fields, _refs, _terms, _termsByText) = (fields, refs, terms, termsByText);
        (_vectorStarts, _vectorTerms, _vectorThousandths, _otherScores) = (vectorStarts, vectorTerms, vectorThousandths, otherScores);
        (_postingStarts, _postingDocuments) = (postingStarts, postingDocuments);
    }

    public IReadOnlyList<string> Fields => _fields;

    public IReadOnlyList<LunrPosting> InvertedIndex => _invertedIndex ??= _termsByText.Select(t => new LunrPosting(_terms[t], t,
        _fields.Select((_, f) => (IReadOnlyList<string>)PostingDocuments(f, t).ToArray().Select(d => _refs[d]).ToArray()).ToArray())).ToArray();

    public IReadOnlyList<LunrFieldVector> FieldVectors => _fieldVectors ??= Enumerable.Range(0, _vectorStarts.Length - 1).Select(v =>
    {
        var range = new Range(_vectorStarts[v], _vectorStarts[v + 1]);
        var scores = Enumerable.Range(_vectorStarts[v], _vectorStarts[v + 1] - _vectorStarts[v]).Select(Score).ToArray();
        return new LunrFieldVector(_fields[v % _fields.Length] + "/" + _refs[v / _fields.Length], _vectorTerms[range], scores);
    }).ToArray();

    /// <summary>The rounded score at a vector slot: k / 1000 is the same double as lunr's Math.round(s * 1000) / 1000.</summary>
    private double Score(int slot) => _vectorThousandths[slot] >= 0 ? _vectorThousandths[slot] / 1000.0 : _otherScores[slot];

    private ReadOnlySpan<int> PostingDocuments(int field, int term) =>
        _postingDocuments[field].AsSpan(_postingStarts[field][term], _postingStarts[field][term + 1] - _postingStarts[field][term]);

    /// <summary>Compact JSON, what lunr's <c>JSON.stringify(index)</c> writes for the same index (see <see cref="ToUtf8Json"/>).</summary>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());

    /// <summary>Compact JSON as UTF-8, byte for byte lunr's <c>JSON.stringify(index)</c> encoded as UTF-8.</summary>
    /// <remarks>
    /// Tens of megabytes on big courses: the text is measured first, in chunks in parallel, by the same code that writes
    /// it; then each chunk is written straight into its place in one array of the total length, in parallel too.
    /// </remarks>
    public byte[] ToUtf8Json()
    {
        // A loop, not Enumerable.Max: its generic vector code is compiled at run time, for one call per build.
        var maxThousandths = 0;
        foreach (var thousandths in _vectorThousandths) maxThousandths = Math.Max(maxThousandths, thousandths);
        var json = JsonParts.Of(_fields, _refs, _terms, maxThousandths);
        var vectorCount = _vectorStarts.Length - 1;
        var vectorChunks = (vectorCount + ChunkSize - 1) / ChunkSize;
        var postingChunks = (_termsByText.Length + ChunkSize - 1) / ChunkSize;
        var chunks = vectorChunks + postingChunks;
        var lengths = new int[chunks];
        Parallel.For(0, chunks, c =>
        {
            var writer = JsonWriter.Measuring();
            WriteChunk(ref writer, json, c, vectorChunks);
            lengths[c] = writer.Length;
        });
        // The header, the vector chunks, Middle, the posting chunks, End.
        var header = JsonWriter.Measuring();
        WriteHeader(ref header, json);
        var starts = new long[chunks];
        long at = header.Length, middleAt = -1;
        for (var c = 0; c < chunks; c++)
        {
            if (c == vectorChunks) (middleAt, at) = (at, at + Middle.Length);
            starts[c] = at;
            at += lengths[c];
        }
        if (middleAt < 0) (middleAt, at) = (at, at + Middle.Length);
        var total = at + End.Length;
        if (total > Array.MaxLength) throw new InvalidOperationException($"The search index would be {total} bytes, more than an array holds.");

        var bytes = new byte[total];
        var headerWriter = new JsonWriter(bytes);
        WriteHeader(ref headerWriter, json);
        Middle.CopyTo(bytes.AsSpan((int)middleAt));
        End.CopyTo(bytes.AsSpan((int)at));
        Parallel.For(0, chunks, c =>
        {
            var slice = bytes.AsSpan((int)starts[c], lengths[c]);
            var writer = new JsonWriter(slice);
            WriteChunk(ref writer, json, c, vectorChunks);
            if (writer.Length != slice.Length) throw new InvalidOperationException("JSON text shorter than measured.");
        });
        return bytes;
    }

    private void WriteChunk(ref JsonWriter writer, JsonParts json, int chunk, int vectorChunks)
    {
        if (chunk < vectorChunks) WriteVectors(ref writer, json, chunk);
        else WritePostings(ref writer, json, chunk - vectorChunks);
    }

    private const int ChunkSize = 512;
    private static readonly byte[] VersionUtf8 = System.Text.Encoding.UTF8.GetBytes(Version);
    private static ReadOnlySpan<byte> Middle => "],\"invertedIndex\":["u8;
    private static ReadOnlySpan<byte> End => "],\"pipeline\":[\"stemmer\"]}"u8;

    /// <summary>
    /// Field names, refs and terms escaped and encoded once: item i is <c>Text[Starts[i]..Starts[i + 1]]</c>. A ref is held
    /// as its posting entry <c>,"ref":{}</c>, which also holds the ref alone.
    /// </summary>
    /// <remarks>Term indexes and scores are written from tables of their text (scores above the table's range, never seen
    /// with lunr's boosts, digit by digit).</remarks>
    private sealed record JsonParts(EncodedStrings Fields, EncodedStrings RefEntries, EncodedStrings Terms, PackedNumbers TermIndexes, PackedNumbers Scores)
    {
        public static JsonParts Of(string[] fields, string[] refs, string[] terms, int maxThousandths) =>
            new(EncodedStrings.Of(fields, "", ""), EncodedStrings.Of(refs, ",\"", "\":{}"), EncodedStrings.Of(terms, "", ""),
                PackedNumbers.Integers(terms.Length), PackedNumbers.Thousandths(Math.Min(maxThousandths, 1 << 20) + 1));

        public void WriteTermIndex(ref JsonWriter writer, int term)
        {
            if ((uint)term < (uint)TermIndexes.Count) writer.Packed(TermIndexes, term);
            else writer.Int(term);
        }

        /// <summary>A ref's escaped UTF-8 alone.</summary>
        public ReadOnlySpan<byte> Ref(int document) => RefEntries[document][2..^4];
    }

    private sealed record EncodedStrings(byte[] Text, int[] Starts)
    {
        public ReadOnlySpan<byte> this[int i] => Text.AsSpan(Starts[i], Starts[i + 1] - Starts[i]);

        /// <summary>Each string's escaped UTF-8 between an ASCII prefix and suffix.</summary>
        public static EncodedStrings Of(string[] values, string prefix, string suffix)
        {
            var starts = new int[values.Length + 1];
            for (var i = 0; i < values.Length; i++)
            {
                var measure = JsonWriter.Measuring();
                measure.StringContents(values[i]);
                starts[i + 1] = checked(starts[i] + prefix.Length + measure.Length + suffix.Length);
            }
            var text = new byte[starts[^1]];
            for (var i = 0; i < values.Length; i++)
            {
                var writer = new JsonWriter(text.AsSpan(starts[i], starts[i + 1] - starts[i]));
                foreach (var c in prefix) writer.Raw(c);
                writer.StringContents(values[i]);
                foreach (var c in suffix) writer.Raw(c);
            }
            return new EncodedStrings(text, starts);
        }
    }

    private static void WriteHeader(ref JsonWriter writer, JsonParts json)
    {
        writer.Raw("{\"version\":\""u8);
        writer.Raw(VersionUtf8);
        writer.Raw("\",\"fields\":["u8);
        for (var f = 0; f < json.Fields.Starts.Length - 1; f++)
        {
            if (f > 0) writer.Raw(',');
            writer.Raw('"');
            writer.Raw(json.Fields[f]);
            writer.Raw('"');
        }
        writer.Raw("],\"fieldVectors\":["u8);
    }

    private void WriteVectors(ref JsonWriter writer, JsonParts json, int chunk)
    {
        var end = Math.Min(_vectorStarts.Length - 1, (chunk + 1) * ChunkSize);
        for (var v = chunk * ChunkSize; v < end; v++)
        {
            writer.Raw(v > 0 ? ",[\""u8 : "[\""u8);
            writer.Raw(json.Fields[v % _fields.Length]);
            writer.Raw('/');
            writer.Raw(json.Ref(v / _fields.Length));
            writer.Raw("\",["u8);
            for (var i = _vectorStarts[v]; i < _vectorStarts[v + 1]; i++)
            {
                if (i > _vectorStarts[v]) writer.Raw(',');
                json.WriteTermIndex(ref writer, _vectorTerms[i]);
                writer.Raw(',');
                var thousandths = _vectorThousandths[i];
                if ((uint)thousandths < (uint)json.Scores.Count) writer.Packed(json.Scores, thousandths);
                else if (thousandths >= 0) writer.Thousandths(thousandths);
                else writer.Number(_otherScores[i]);
            }
            writer.Raw("]]"u8);
        }
    }

    private void WritePostings(ref JsonWriter writer, JsonParts json, int chunk)
    {
        var end = Math.Min(_termsByText.Length, (chunk + 1) * ChunkSize);
        for (var p = chunk * ChunkSize; p < end; p++)
        {
            var term = _termsByText[p];
            writer.Raw(p > 0 ? ",[\""u8 : "[\""u8);
            writer.Raw(json.Terms[term]);
            writer.Raw("\",{\"_index\":"u8);
            json.WriteTermIndex(ref writer, term);
            for (var f = 0; f < _fields.Length; f++)
            {
                writer.Raw(",\""u8);
                writer.Raw(json.Fields[f]);
                writer.Raw("\":{"u8);
                var docs = PostingDocuments(f, term);
                // Each entry is held with a leading comma, which the first one leaves out.
                for (var d = 0; d < docs.Length; d++) writer.Raw(d > 0 ? json.RefEntries[docs[d]] : json.RefEntries[docs[d]][1..]);
                writer.Raw('}');
            }
            writer.Raw("}]"u8);
        }
    }
}
