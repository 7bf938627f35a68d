namespace SiteGen.Corpus.Records;

/// <summary>Pairwise precision, recall and F1 of a clustering against the truth (every pair of records counts once).</summary>
public sealed record PairMetrics(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>From cluster labels: counts pairs through cluster sizes, so it is linear, not quadratic.</summary>
    public static PairMetrics Compute<TTruth, TPredicted>(IReadOnlyList<TTruth> truth, IReadOnlyList<TPredicted> predicted)
        where TTruth : notnull where TPredicted : notnull
    {
        static long Pairs(long k) => k * (k - 1) / 2;
        var t = new Dictionary<TTruth, long>();
        var p = new Dictionary<TPredicted, long>();
        var both = new Dictionary<(TTruth, TPredicted), long>();
        for (var i = 0; i < truth.Count; i++)
        {
            t[truth[i]] = t.GetValueOrDefault(truth[i]) + 1;
            p[predicted[i]] = p.GetValueOrDefault(predicted[i]) + 1;
            var key = (truth[i], predicted[i]);
            both[key] = both.GetValueOrDefault(key) + 1;
        }
        return new PairMetrics(t.Values.Sum(Pairs), p.Values.Sum(Pairs), both.Values.Sum(Pairs));
    }

    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"precision {Precision:0.0000} recall {Recall:0.0000} F1 {F1:0.0000} (true pairs {TruePairs}, predicted {PredictedPairs}, correct {CorrectPairs})");
}
