using BenchmarkDotNet.Attributes;
using SiteGen.Merging;
using SiteGen.Corpus.Records;
using SiteGen.Model;

namespace SiteGen.Benchmarks;

/// <summary>The duplicate resolver on generated records (seeded, so every run measures the same input).</summary>
[MemoryDiagnoser]
public class ResolverBenchmarks
{
    private IReadOnlyList<PaperRecord> _records = [];

    [Params(10_000, 50_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _records = RecordGenerator.Generate(new RecordCorpusOptions { Papers = (int)(Records / 2.13), Seed = 42 }).Records;

    [Benchmark]
    public int Resolve() => Resolver.Resolve(_records).Catalog.Papers.Count;

    [Benchmark]
    public int Normalise()
    {
        var n = 0;
        foreach (var r in _records) n += TextNormalizer.Normalize(r.Abstract).Length;
        return n;
    }
}
