namespace SiteGen.Corpus;

/// <summary>A seeded generator (xorshift64*) whose sequence never changes across .NET versions, unlike System.Random's.</summary>
public sealed class CorpusRandom(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong NextULong()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
