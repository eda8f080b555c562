using BenchmarkDotNet.Attributes;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Benchmarks;

/// <summary>How the backtest scales with the history (issue #13: the old backtest matched warnings to breaches in quadratic
/// time, 2.7 s at 20,000 events and 8.5 s at 40,000): one standard with an event every 10 minutes that fails for two hours
/// a day, so every day has a warning episode and a breach, backtested at 20,000 to 160,000 events. Baseline: the legacy
/// policy (burn-rate rules and individual-value charts); measured: the default policy.</summary>
/// <remarks>The step is fixed at 10 minutes, one judged instant per event. Linear or n log n scaling shows as a constant
/// time per event from size to size.</remarks>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 5)]
public class BacktestBenchmarks
{
    // A fixed step of 10 minutes, one judged instant per event, so that the judged instants grow with the history too (the
    // default step would be widened to keep 200,000 of them).
    private readonly ReliabilityEvaluator _evaluator = new(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromMinutes(10) });
    private ReliabilityStandardSet _standards = null!;
    private List<ReliabilityMeasurement> _events = null!;

    /// <summary>Gets the event counts: 20,000 to 160,000, or only 20,000 when <c>CX_BENCH_SMALL=1</c>.</summary>
    public static IEnumerable<int> EventCounts =>
        Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [20_000] : [20_000, 40_000, 80_000, 160_000];

    [ParamsSource(nameof(EventCounts))]
    public int EventCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _standards = ReliabilityStandardSet.Create([ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "daily-bursts", TouchpointId = "t", Name = "Two bad hours a day", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost,
            Threshold = 48, Objective = 0.95, Window = EvaluationWindow.Rolling(Duration.FromDays(1)), MinimumEvents = 20, Owner = "Owner",
            ReferenceInterval = new NodaTime.Interval(Instant.FromUtc(2020, 1, 1, 0, 0), Instant.FromUtc(2020, 1, 8, 0, 0)),
        })]);
        Instant start = Instant.FromUtc(2020, 1, 1, 0, 0);
        _events = [.. Enumerable.Range(0, EventCount).Select(i =>
        {
            Instant at = start + Duration.FromMinutes(10 * i);
            bool burst = at.InUtc().Hour >= 22 && i >= 7 * 144;
            return new ReliabilityMeasurement("daily-bursts", at, burst ? 72 : 20 + (i % 7));
        })];
    }

    [Benchmark(Baseline = true, Description = "backtest, legacy policy")]
    public int Legacy() => _evaluator.Backtest(_standards, _events, policy: EarlyWarningPolicy.Legacy).EpisodeCount;

    [Benchmark(Description = "backtest, default policy")]
    public int Default() => _evaluator.Backtest(_standards, _events).EpisodeCount;
}
