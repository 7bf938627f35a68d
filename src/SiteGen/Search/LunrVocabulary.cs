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
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemIdByTokenSpan;
    // Written under _lock; read without it only once the parallel pipeline has finished.
    private readonly List<string> _stems = [];

    public LunrVocabulary() => _stemIdByTokenSpan = _stemIdByToken.GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>
    /// The number of the stem of an already trimmed token, or <see cref="StopWord"/>; <paramref name="token"/> is the
    /// vocabulary's string of it, so threads share one string per distinct token.
    /// </summary>
    public int StemId(ReadOnlySpan<char> trimmedToken, out string token)
    {
        lock (_lock)
        {
            if (_stemIdByTokenSpan.TryGetValue(trimmedToken, out token!, out var id)) return id;
            token = trimmedToken.ToString();
            id = StopWord;
            if (!LunrText.IsStopWord(token))
            {
                var stem = PorterStemmer.Stem(token);
                if (!_stemIds.TryGetValue(stem, out id))
                {
                    id = _stems.Count;
                    _stems.Add(stem);
                    _stemIds.Add(stem, id);
                }
            }
            _stemIdByToken.Add(token, id);
            return id;
        }
    }

    /// <summary>
    /// One thread's lookups of token -> stem number, asking the shared vocabulary only about tokens new to it. Every token
    /// of every field is looked up here, so it is a small open-addressing table with an FNV-1a hash of the chars (tokens
    /// are a few chars long) rather than a Dictionary, whose span lookup costs more (BENCHMARKS.md).
    /// </summary>
    public sealed class TokenLookup(LunrVocabulary vocabulary)
    {
        private string?[] _tokens = new string?[4096];
        private int[] _hashes = new int[4096];
        private int[] _ids = new int[4096];
        private int _count;

        /// <summary>The id of the token's stem, with the token's <see cref="Hash"/> worked out by the caller.</summary>
        public int StemId(ReadOnlySpan<char> trimmedToken, int hash)
        {
            var mask = _tokens.Length - 1;
            var slot = hash & mask;
            while (_tokens[slot] is { } known)
            {
                if (_hashes[slot] == hash && trimmedToken.SequenceEqual(known)) return _ids[slot];
                slot = (slot + 1) & mask;
            }
            var id = vocabulary.StemId(trimmedToken, out var token);
            (_tokens[slot], _hashes[slot], _ids[slot]) = (token, hash, id);
            if (++_count * 2 > _tokens.Length) Grow();
            return id;
        }

        /// <summary>FNV-1a over the chars, made non-negative: <see cref="HashStart"/>, then <see cref="HashStep"/> per char.</summary>
        public static int Hash(ReadOnlySpan<char> token)
        {
            var hash = HashStart;
            foreach (var c in token) hash = HashStep(hash, c);
            return HashEnd(hash);
        }

        public const uint HashStart = 2166136261u;

        public static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619u;

        public static int HashEnd(uint hash) => (int)(hash & int.MaxValue);

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
