using SiteGen.Merging;
using SiteGen.Corpus.Records;
using Xunit.Abstractions;

namespace SiteGen.Tests.Catalog;

/// <summary>Precision, recall and F1 of the resolver on generated records whose truth is known.</summary>
public sealed class GeneratedAccuracyTests(ITestOutputHelper output)
{
    internal static PairMetrics Measure(GeneratedRecords data)
    {
        var catalog = Resolver.Resolve(data.Records).Catalog;
        var predicted = data.Records.Select(r => catalog.PaperIdBySource[r.Source]).ToList();
        return PairMetrics.Compute(data.Truth, predicted);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Mixed_corruptions_reach_f1_of_0_99(ulong seed)
    {
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 3000, Seed = seed });
        var m = Measure(data);
        output.WriteLine($"seed {seed}: {data.Records.Count} records, {data.Papers} papers: {m}");
        Assert.True(m.F1 >= 0.99, m.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_corruption_kind_alone_reaches_f1_of_0_99(Corruption kind)
    {
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 1500, Seed = 11, Only = [kind] });
        var m = Measure(data);
        output.WriteLine($"{kind}: {data.Records.Count} records: {m}");
        Assert.True(m.F1 >= 0.99, $"{kind}: {m}");
    }

    /// <summary>The id is dropped as well, so only title, abstract and authors can find the copy.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_corruption_kind_without_ids_reaches_f1_of_0_99(Corruption kind)
    {
        var data = RecordGenerator.Generate(new RecordCorpusOptions { Papers = 1500, Seed = 12, Only = [Corruption.DropId, kind] });
        var m = Measure(data);
        output.WriteLine($"DropId+{kind}: {data.Records.Count} records: {m}");
        Assert.True(m.F1 >= 0.99, $"DropId+{kind}: {m}");
    }

    public static TheoryData<Corruption> Kinds()
    {
        var data = new TheoryData<Corruption>();
        foreach (var k in Enum.GetValues<Corruption>()) data.Add(k);
        return data;
    }
}
