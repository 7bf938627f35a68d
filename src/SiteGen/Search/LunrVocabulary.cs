using System.Collections.Concurrent;

namespace SiteGen.Search;

/// <summary>
/// The stems seen so far, numbered, and for each trimmed token its stem's number (or <see cref="StopWord"/>), shared by
/// all threads of the text pipeline: each distinct token goes through the stop-word filter and the stemmer once, and
/// analyzed fields hold stem numbers instead of strings. The numbers are private to the builder; the index numbers
/// terms itself, in lunr's order.
/// </summary>
internal sealed class LunrVocabulary
{
    /// <summary>The number of a token that the stop-word filter removes.</summary>
    public const int StopWord = -1;

    private readonly ConcurrentDictionary<string, int> _stemIdByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _stemIdByTokenSpan;
    // Written under _lock; read without it only once the parallel pipeline has finished.
    private readonly Dictionary<string, int> _stemIds = new(StringComparer.Ordinal);
    private readonly List<string> _stems = [];
    private readonly Lock _lock = new();

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

    /// <summary>The number of the stem of an already trimmed token, or <see cref="StopWord"/>.</summary>
    public int StemId(ReadOnlySpan<char> trimmedToken) =>
        _stemIdByTokenSpan.TryGetValue(trimmedToken, out var id) ? id : Add(trimmedToken);

    private int Add(ReadOnlySpan<char> trimmedToken)
    {
        var token = trimmedToken.ToString();
        var id = StopWord;
        if (!LunrText.IsStopWord(token))
        {
            var stem = PorterStemmer.Stem(token);
            lock (_lock)
            {
                if (!_stemIds.TryGetValue(stem, out id))
                {
                    id = _stems.Count;
                    _stems.Add(stem);
                    _stemIds.Add(stem, id);
                }
            }
        }
        // Another thread may have added the same token meanwhile, with the same number.
        _stemIdByToken.TryAdd(token, id);
        return id;
    }
}
