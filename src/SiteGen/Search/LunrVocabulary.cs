namespace SiteGen.Search;

/// <summary>
/// The stems seen so far, numbered, and for each trimmed token its stem's number (or <see cref="StopWord"/>), shared by
/// all threads of the text pipeline: each distinct token goes through the stop-word filter and the stemmer once, and
/// analyzed fields hold stem numbers instead of strings. Threads keep their own token lookups in front of it (see
/// <see cref="TokenLookup"/>), so it is asked about each distinct token once per thread. The numbers are private to
/// the builder; the index numbers terms itself, in lunr's order.
/// </summary>
internal sealed class LunrVocabulary
{
    /// <summary>The number of a token that the stop-word filter removes.</summary>
    public const int StopWord = -1;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _stemIdByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    // Written under _lock; read without it only once the parallel pipeline has finished.
    private readonly List<string> _stems = [];

    /// <summary>Stems numbered so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _stems.Count;
        }
    }

    /// <summary>The stem numbered <paramref name="id"/>; call once the pipeline's threads are done.</summary>
    public string Stem(int id) => _stems[id];

    /// <summary>The number of the stem of an already trimmed token, or <see cref="StopWord"/>.</summary>
    public int StemId(string trimmedToken)
    {
        lock (_lock)
        {
            if (_stemIdByToken.TryGetValue(trimmedToken, out var id)) return id;
            id = StopWord;
            if (!LunrText.IsStopWord(trimmedToken))
            {
                var stem = PorterStemmer.Stem(trimmedToken);
                if (!_stemIds.TryGetValue(stem, out id))
                {
                    id = _stems.Count;
                    _stems.Add(stem);
                    _stemIds.Add(stem, id);
                }
            }
            _stemIdByToken.Add(trimmedToken, id);
            return id;
        }
    }

    /// <summary>One thread's lookups of token -> stem number, asking the shared vocabulary only about tokens new to it.</summary>
    public sealed class TokenLookup
    {
        private readonly LunrVocabulary _vocabulary;
        private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _knownBySpan;

        public TokenLookup(LunrVocabulary vocabulary)
        {
            _vocabulary = vocabulary;
            _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public int StemId(ReadOnlySpan<char> trimmedToken)
        {
            if (_knownBySpan.TryGetValue(trimmedToken, out var id)) return id;
            var token = trimmedToken.ToString();
            id = _vocabulary.StemId(token);
            _known.Add(token, id);
            return id;
        }
    }
}
