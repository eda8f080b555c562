using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;
using Interval = NodaTime.Interval;

namespace Cx.Domain.Benchmarks;

/// <summary>Full-history evaluation of 1,000 monthly standards over 2026 with the default early-warning policy (burn-rate
/// rules with their evidence gates, the Bernoulli CUSUM, the robust daily value drift from a January reference interval, and
/// the open warning episode of each standard), from columns of events in time order (as a log or a warehouse query delivers
/// them), against a naive LINQ count per standard and window.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ReliabilityBenchmarks
{
    private const int StandardCount = 1_000;
    private ReliabilityStandardSet _standards = null!;
    private ReliabilityEvaluator _evaluator = null!;
    private int[] _standard = null!;
    private Instant[] _at = null!;
    private double[] _value = null!;
    private Instant[] _monthStarts = null!;
    private Instant _asOf;

    /// <summary>Gets the sizes to run: 1M and 10M measurements (two sizes show that allocation does not grow with the
    /// measurement count), or only 1M when <c>CX_BENCH_SMALL=1</c> (CI's dry job).</summary>
    public static IEnumerable<int> MeasurementCounts =>
        Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [1_000_000] : [1_000_000, 10_000_000];

    [ParamsSource(nameof(MeasurementCounts))]
    public int MeasurementCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2026, 1), new YearMonth(2026, 12));
        _standards = ReliabilityStandardSet.Create(Enumerable.Range(0, StandardCount).Select(i => ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = $"s{i}", TouchpointId = $"t{i % 12}", Name = $"Standard {i}", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost, Threshold = 48,
            Objective = 0.95, Window = EvaluationWindow.Calendar(grid), MinimumEvents = 20, Owner = "Owner",
            ReferenceInterval = new Interval(Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0)),
        })));
        _evaluator = new ReliabilityEvaluator();
        var random = new Random(42);
        Instant start = Instant.FromUtc(2026, 1, 1, 0, 0);
        long spanTicks = Duration.FromDays(365).BclCompatibleTicks;
        _standard = new int[MeasurementCount];
        _at = new Instant[MeasurementCount];
        _value = new double[MeasurementCount];
        for (int i = 0; i < MeasurementCount; i++)
        {
            _standard[i] = random.Next(StandardCount);
            _at[i] = start + Duration.FromTicks(spanTicks / MeasurementCount * i);
            // Hours around 24 (usual values vary, failures are 72 h), 3% bad: a process inside its 95% objective.
            _value[i] = random.NextDouble() < 0.03 ? 72 : 16 + (16 * random.NextDouble());
        }

        _monthStarts = [.. grid.Periods.Select(p => p.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()), grid.End.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()];
        _asOf = Instant.FromUtc(2026, 12, 31, 23, 0);
    }

    [Benchmark(Baseline = true, Description = "naive LINQ per-window count")]
    public long NaiveLinq()
    {
        long breached = 0;
        foreach (IGrouping<int, int> group in Enumerable.Range(0, MeasurementCount).Where(i => _at[i] <= _asOf).GroupBy(i => _standard[i]))
        {
            for (int w = 0; w < _monthStarts.Length - 1; w++)
            {
                int events = group.Count(i => _at[i] >= _monthStarts[w] && _at[i] < _monthStarts[w + 1]);
                int bad = group.Count(i => _at[i] >= _monthStarts[w] && _at[i] < _monthStarts[w + 1] && _value[i] > 48);
                breached += events >= 20 && bad > 0.05 * events ? 1 : 0;
            }
        }

        return breached;
    }

    [Benchmark(Description = "evaluation with the default early warnings (columns)")]
    public int Evaluate() =>
        _evaluator.Evaluate(_standards, _standard, _at, _value, _asOf).CountWith(StandardStatus.Watch);
}
