using BenchmarkDotNet.Attributes;
using TrustAdvisor.Domain.Relationships;
using TrustAdvisor.Domain.Trends;
using TrustAdvisor.Domain.Trust;

namespace TrustAdvisor.Bench.Micro;

/// <summary>The domain's maths over one relationship's 1,000-assessment history (a fixed, seeded random walk).</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private const int HistoryLength = 1_000;
    private static readonly DateOnly Today = new(2026, 11, 22);
    private ScorePoint[] _history = [];
    private double[] _trust = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261122);
        int[] f = [6, 6, 5, 4];
        _history = Enumerable.Range(0, HistoryLength).Select(i =>
        {
            for (var k = 0; k < 4; k++)
            {
                f[k] = Math.Clamp(f[k] + random.Next(-1, 2), TrustFactors.Min, TrustFactors.Max);
            }

            return new ScorePoint(Today.AddDays(i - HistoryLength), new TrustFactors(f[0], f[1], f[2], f[3]));
        }).ToArray();
        _trust = _history.Select(p => TrustEquation.Stored(p.Factors)).ToArray();
    }

    /// <summary>T as stored, for every assessment of the history.</summary>
    [Benchmark(Baseline = true)]
    public double StoredTrust()
    {
        var sum = 0.0;
        foreach (var point in _history)
        {
            sum += TrustEquation.Stored(point.Factors);
        }

        return sum;
    }

    /// <summary>The change between every pair of consecutive assessments, attributed to the factors.</summary>
    [Benchmark]
    public decimal ChangeAttribution()
    {
        var sum = 0m;
        for (var i = 1; i < _history.Length; i++)
        {
            sum += TrustChange.Between(_history[i - 1].Factors, _history[i].Factors).Driver?.Contribution ?? 0m;
        }

        return sum;
    }

    /// <summary>The attention rules evaluated as of every assessment, over the eight before it (as the overview does).</summary>
    [Benchmark]
    public int AttentionRulesAtEveryPoint()
    {
        var alerts = 0;
        for (var i = 1; i <= _history.Length; i++)
        {
            var recent = new ArraySegment<ScorePoint>(_history, Math.Max(0, i - 8), Math.Min(8, i));
            var today = _history[i - 1].Date;
            var ninetyDaysAgo = i > 90 ? _history[i - 91] : (ScorePoint?)null;
            alerts += AttentionRules.Evaluate(new RelationshipSignals(recent, ninetyDaysAgo, RelationshipStage.Maintain, today.AddDays(-3), 4.5, today)).Count;
        }

        return alerts;
    }

    /// <summary>The median and T of the mean factors of the whole history.</summary>
    [Benchmark]
    public double MedianAndTrustOfMeans() =>
        TrustStatistics.Median(_trust)!.Value
        + TrustStatistics.TrustOfMeans(
            _history.Average(p => p.Factors.Credibility), _history.Average(p => p.Factors.Reliability),
            _history.Average(p => p.Factors.Intimacy), _history.Average(p => p.Factors.SelfOrientation));
}
