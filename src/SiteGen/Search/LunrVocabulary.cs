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

    /// <summary>
    /// One thread's lookups of token -> stem number, asking the shared vocabulary only about tokens new to it. Every token
    /// of every field is looked up here, so it is a small open-addressing table with an FNV-1a hash of the chars (tokens
    /// are a few chars long) rather than a Dictionary, whose span lookup costs about twice as much.
    /// </summary>
    public sealed class TokenLookup(LunrVocabulary vocabulary)
    {
        private string?[] _tokens = new string?[4096];
        private int[] _hashes = new int[4096];
        private int[] _ids = new int[4096];
        private int _count;

        public int StemId(ReadOnlySpan<char> trimmedToken)
        {
            var hash = Hash(trimmedToken);
            var mask = _tokens.Length - 1;
            var slot = hash & mask;
            while (_tokens[slot] is { } known)
            {
                if (_hashes[slot] == hash && trimmedToken.SequenceEqual(known)) return _ids[slot];
                slot = (slot + 1) & mask;
            }
            var token = trimmedToken.ToString();
            var id = vocabulary.StemId(token);
            (_tokens[slot], _hashes[slot], _ids[slot]) = (token, hash, id);
            if (++_count * 2 > _tokens.Length) Grow();
            return id;
        }

        private static int Hash(ReadOnlySpan<char> token)
        {
            var hash = 2166136261u;
            foreach (var c in token) hash = (hash ^ c) * 16777619u;
            return (int)(hash & int.MaxValue);
        }

        // Kept at most half full, so probe runs stay short.
        private void Grow()
        {
            var (tokens, hashes, ids) = (_tokens, _hashes, _ids);
            _tokens = new string?[tokens.Length * 2];
            _hashes = new int[tokens.Length * 2];
            _ids = new int[tokens.Length * 2];
            var mask = _tokens.Length - 1;
            for (var i = 0; i < tokens.Length; i++)
            {
                if (tokens[i] is null) continue;
                var slot = hashes[i] & mask;
                while (_tokens[slot] is not null) slot = (slot + 1) & mask;
                (_tokens[slot], _hashes[slot], _ids[slot]) = (tokens[i], hashes[i], ids[i]);
            }
        }
    }
}
