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
    private readonly double[] _vectorScores;
    private readonly int[][] _postingStarts;       // per field, by term index: documents [start[t], start[t + 1])
    private readonly int[][] _postingDocuments;    // document ordinals, in the order lunr lists them

    private IReadOnlyList<LunrPosting>? _invertedIndex;
    private IReadOnlyList<LunrFieldVector>? _fieldVectors;

    internal LunrIndex(string[] fields, string[] refs, string[] terms, int[] termsByText,
        int[] vectorStarts, int[] vectorTerms, double[] vectorScores, int[][] postingStarts, int[][] postingDocuments)
    {
        (_fields, _refs, _terms, _termsByText) = (fields, refs, terms, termsByText);
        (_vectorStarts, _vectorTerms, _vectorScores) = (vectorStarts, vectorTerms, vectorScores);
        (_postingStarts, _postingDocuments) = (postingStarts, postingDocuments);
    }

    public IReadOnlyList<string> Fields => _fields;

    public IReadOnlyList<LunrPosting> InvertedIndex => _invertedIndex ??= _termsByText.Select(t => new LunrPosting(_terms[t], t,
        _fields.Select((_, f) => (IReadOnlyList<string>)PostingDocuments(f, t).ToArray().Select(d => _refs[d]).ToArray()).ToArray())).ToArray();

    public IReadOnlyList<LunrFieldVector> FieldVectors => _fieldVectors ??= Enumerable.Range(0, _vectorStarts.Length - 1).Select(v =>
    {
        var range = new Range(_vectorStarts[v], _vectorStarts[v + 1]);
        return new LunrFieldVector(_fields[v % _fields.Length] + "/" + _refs[v / _fields.Length], _vectorTerms[range], _vectorScores[range]);
    }).ToArray();

    private ReadOnlySpan<int> PostingDocuments(int field, int term) =>
        _postingDocuments[field].AsSpan(_postingStarts[field][term], _postingStarts[field][term + 1] - _postingStarts[field][term]);

    /// <summary>Compact JSON, byte for byte what lunr's <c>JSON.stringify(index)</c> writes for the same index.</summary>
    /// <remarks>
    /// Tens of megabytes on big courses: the text is measured first (in parallel, by the same code that writes it), then
    /// written once into a string of that length, with no growing buffers or pieces to join.
    /// </remarks>
    public string ToJson()
    {
        var json = new JsonParts(_fields.Select(JsonText.Escape).ToArray(), _refs.Select(JsonText.Escape).ToArray(), _terms.Select(JsonText.Escape).ToArray());
        var vectorCount = _vectorStarts.Length - 1;
        var vectorChunks = (vectorCount + ChunkSize - 1) / ChunkSize;
        var postingChunks = (_termsByText.Length + ChunkSize - 1) / ChunkSize;
        var chunkLengths = new long[vectorChunks + postingChunks];
        Parallel.For(0, chunkLengths.Length, c =>
        {
            var writer = JsonWriter.Measuring();
            if (c < vectorChunks) WriteVectors(ref writer, json, c);
            else WritePostings(ref writer, json, c - vectorChunks);
            chunkLengths[c] = writer.Length;
        });
        var header = JsonWriter.Measuring();
        WriteHeader(ref header, json);
        var total = header.Length + chunkLengths.Sum() + Middle.Length + End.Length;
        if (total > Array.MaxLength) throw new InvalidOperationException($"The search index would be {total} characters, more than a string holds.");

        return string.Create((int)total, (Index: this, Json: json, VectorChunks: vectorChunks, PostingChunks: postingChunks), static (span, state) =>
        {
            var writer = new JsonWriter(span);
            WriteHeader(ref writer, state.Json);
            for (var c = 0; c < state.VectorChunks; c++) state.Index.WriteVectors(ref writer, state.Json, c);
            writer.Raw(Middle);
            for (var c = 0; c < state.PostingChunks; c++) state.Index.WritePostings(ref writer, state.Json, c);
            writer.Raw(End);
            if (writer.Length != span.Length) throw new InvalidOperationException("JSON text shorter than measured.");
        });
    }

    private const int ChunkSize = 512;
    private const string Middle = "],\"invertedIndex\":[";
    private const string End = "],\"pipeline\":[\"stemmer\"]}";

    /// <summary>Field names, refs and terms with JSON escapes applied (the same strings when none is needed).</summary>
    private sealed record JsonParts(string[] Fields, string[] Refs, string[] Terms);

    private static void WriteHeader(ref JsonWriter writer, JsonParts json)
    {
        writer.Raw("{\"version\":\"");
        writer.Raw(Version);
        writer.Raw("\",\"fields\":[");
        for (var f = 0; f < json.Fields.Length; f++)
        {
            if (f > 0) writer.Raw(',');
            writer.Raw('"');
            writer.Raw(json.Fields[f]);
            writer.Raw('"');
        }
        writer.Raw("],\"fieldVectors\":[");
    }

    private void WriteVectors(ref JsonWriter writer, JsonParts json, int chunk)
    {
        var end = Math.Min(_vectorStarts.Length - 1, (chunk + 1) * ChunkSize);
        for (var v = chunk * ChunkSize; v < end; v++)
        {
            if (v > 0) writer.Raw(',');
            writer.Raw("[\"");
            writer.Raw(json.Fields[v % _fields.Length]);
            writer.Raw('/');
            writer.Raw(json.Refs[v / _fields.Length]);
            writer.Raw("\",[");
            for (var i = _vectorStarts[v]; i < _vectorStarts[v + 1]; i++)
            {
                if (i > _vectorStarts[v]) writer.Raw(',');
                writer.Int(_vectorTerms[i]);
                writer.Raw(',');
                writer.Number(_vectorScores[i]);
            }
            writer.Raw("]]");
        }
    }

    private void WritePostings(ref JsonWriter writer, JsonParts json, int chunk)
    {
        var end = Math.Min(_termsByText.Length, (chunk + 1) * ChunkSize);
        for (var p = chunk * ChunkSize; p < end; p++)
        {
            var term = _termsByText[p];
            if (p > 0) writer.Raw(',');
            writer.Raw("[\"");
            writer.Raw(json.Terms[term]);
            writer.Raw("\",{\"_index\":");
            writer.Int(term);
            for (var f = 0; f < _fields.Length; f++)
            {
                writer.Raw(",\"");
                writer.Raw(json.Fields[f]);
                writer.Raw("\":{");
                var docs = PostingDocuments(f, term);
                for (var d = 0; d < docs.Length; d++)
                {
                    if (d > 0) writer.Raw(',');
                    writer.Raw('"');
                    writer.Raw(json.Refs[docs[d]]);
                    writer.Raw("\":{}");
                }
                writer.Raw('}');
            }
            writer.Raw("}]");
        }
    }
}
