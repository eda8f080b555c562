using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Benchmarks;

/// <summary>Exposure and impact of 6 standards and 12 touchpoints for the customers of <see cref="PerfWorkload"/> (1M
/// customers, 36 months) from columns of measurements (5M and 10M), against a naive LINQ count of the exposed customers per
/// standard and month.</summary>
/// <remarks>The timed operation is <see cref="RevenueErosionCalculator.Analyze(ErosionColumns, EarlyWarningOptions?)"/>
/// plus the impact estimate as of the last month of every subject (the estimates are built on demand). Two measurement counts
/// for one customer count show whether allocation grows with the measurements.</remarks>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 3)]
public class EarlyWarningBenchmarks
{
    private ErosionColumns _columns = null!;
    private readonly RevenueErosionCalculator _calculator = new();
    private int[] _standard = [];
    private int[] _customer = [];
    private long[] _ticks = [];
    private double[] _value = [];
    private long[] _monthStarts = [];

    /// <summary>Gets the customer count: 1M, or 100,000 when <c>CX_BENCH_SMALL=1</c> (CI's dry job).</summary>
    public static IEnumerable<int> CustomerCounts => Small ? [100_000] : [1_000_000];

    /// <summary>Gets the measurement counts: 5M and 10M, or 1M when <c>CX_BENCH_SMALL=1</c>.</summary>
    public static IEnumerable<int> MeasurementCounts => Small ? [1_000_000] : [5_000_000, 10_000_000];

    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [ParamsSource(nameof(MeasurementCounts))]
    public int Measurements { get; set; }

    private static bool Small => Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1";

    /// <summary>Builds the ledger from the perf workload (2022-01..2024-12), a 12-touchpoint journey with 6 standards, and the
    /// measurement columns: a uniform instant over the 36 months, 80% with a uniform customer, 5% failing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2022, 1), new YearMonth(2024, 12));
        PerfColumns rows = PerfWorkload.Generate(Customers).Sorted;
        CustomerId[] ids = Enumerable.Range(0, Customers).Select(c => CustomerId.From("C" + c.ToString("D7", CultureInfo.InvariantCulture))).ToArray();
        AssetLedger ledger = AssetLedger.FromPeriodValues(
            Enumerable.Range(0, rows.Length).Select(i => new AssetPeriodValue(ids[rows.CustomerIndex[i]], rows.PeriodIndex[i], Money.FromMinorUnits(rows.ValueInCents[i], Currency.Usd), (rows.CustomerIndex[i] % 3).ToString(CultureInfo.InvariantCulture))),
            grid);
        JourneyFramework journey = JourneyFramework.Create(
            "Benchmark",
            Enumerable.Range(0, 4).Select(s => new JourneyStage($"s{s}", $"Stage {s}", s + 1)),
            Enumerable.Range(0, 12).Select(t => new Touchpoint($"t{t}", $"Touchpoint {t}", $"s{t / 3}", (TouchpointCategory)((t % 4) + 1), "Owner")));
        ReliabilityStandardSet standards = ReliabilityStandardSet.Create(Enumerable.Range(0, 6).Select(s => ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = $"std{s}", TouchpointId = $"t{s * 2}", Name = $"Standard {s}", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost,
            Threshold = 48, Objective = 0.95, Window = EvaluationWindow.Calendar(grid), Owner = "Owner",
        })), journey);

        var random = new Random(20_261_122);
        long start = Instant.FromUtc(2022, 1, 1, 0, 0).ToUnixTimeTicks();
        long span = Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeTicks() - start;
        _standard = new int[Measurements];
        _customer = new int[Measurements];
        _ticks = new long[Measurements];
        _value = new double[Measurements];
        for (int i = 0; i < Measurements; i++)
        {
            _standard[i] = random.Next(6);
            _customer[i] = random.Next(10) < 8 ? random.Next(Customers) : -1;
            _ticks[i] = start + (long)(random.NextDouble() * span);
            _value[i] = random.Next(100) < 5 ? 72 : 24;
        }

        _monthStarts = [.. grid.Periods.Select(p => p.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().ToUnixTimeTicks()), Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeTicks()];

        // Customer index n is "C" + n: the ledger orders its customers by id, which is the index order here.
        if (!ledger.Customers[^1].Equals(ids[^1]))
        {
            throw new InvalidOperationException("Expected the ledger's customers in index order.");
        }

        _columns = new ErosionColumns(ledger, journey, standards, _standard, _customer, _ticks, _value);
    }

    [Benchmark(Baseline = true, Description = "naive LINQ exposed customers per standard and month")]
    public int NaiveLinq() =>
        Enumerable.Range(0, Measurements)
            .Where(i => _value[i] > 48 && _customer[i] >= 0)
            .Select(i => (Standard: _standard[i], Customer: _customer[i], Month: Array.BinarySearch(_monthStarts, _ticks[i]) is int k && k >= 0 ? k : ~k - 1))
            .Distinct()
            .GroupBy(x => (x.Standard, x.Month))
            .Count();

    [Benchmark(Description = "exposure and impact (columns)")]
    public long ExposureAndImpact()
    {
        ErosionAnalysis analysis = _calculator.Analyze(_columns);
        GridPeriod last = analysis.Grid[^1];
        long exposed = 0;
        foreach (ErosionSubject subject in analysis.Subjects)
        {
            exposed += subject.Impact(last).ChurnOrContraction.ExposedCount;
        }

        return exposed;
    }
}
