using BenchmarkDotNet.Attributes;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;

namespace Cx.Domain.Benchmarks;

/// <summary>The backtest of the sample company (six standards, about 130,000 measurements over three years, judged every
/// 8 minutes) under the default early-warning policy, and the comparison of the default and the legacy policy in one call
/// (what <c>cx reliability --sample --backtest</c> and <c>--compare</c> run); the bar is under 2 seconds. Baseline: the
/// legacy policy alone.</summary>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 5)]
public class SampleBacktestBenchmarks
{
    private readonly ReliabilityEvaluator _evaluator = new();
    private SampleCompany _company = null!;

    [GlobalSetup]
    public void Setup()
    {
        _company = SampleCompany.Generate();
        _ = _company.ReliabilityMeasurements;
    }

    [Benchmark(Baseline = true, Description = "sample backtest, legacy policy")]
    public int Legacy() => _evaluator.Backtest(_company.ReliabilityStandards, _company.ReliabilityMeasurements, policy: EarlyWarningPolicy.Legacy).EpisodeCount;

    [Benchmark(Description = "sample backtest, default policy")]
    public int Default() => _evaluator.Backtest(_company.ReliabilityStandards, _company.ReliabilityMeasurements).EpisodeCount;

    [Benchmark(Description = "sample comparison, default and legacy")]
    public int Compare() =>
        _evaluator.Compare(_company.ReliabilityStandards, _company.ReliabilityMeasurements, [EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy]).Backtests.Sum(b => b.EpisodeCount);
}
