using System.Globalization;
using BenchmarkDotNet.Attributes;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Benchmarks;

/// <summary>The asset-movement bridge of the perf workload (perf-workload.md) by four routes: a LINQ baseline, the
/// columnar fast path on sorted and on shuffled rows, and the object path (records, ledger, calculator).</summary>
/// <remarks>
/// <para>Three processes of one warm-up and five measured iterations each (<see cref="FewIterationsJobAttribute"/>):
/// the LINQ baseline and the object path take seconds per invocation at one million customers, the machine is shared,
/// and a full run must stay well under 25 minutes (5 to 6 minutes here, see docs/benchmarks.md). A job given on the
/// command line (<c>--job Dry</c>) replaces this one.</para>
/// <para>Each benchmark's setup builds only the data it reads and checks its route once against the fast path on
/// sorted rows, throwing when a period's opening, closing or any class total differs.</para>
/// <para>Set <c>CX_BENCH_SMALL=1</c> to run 100,000 customers only (CI).</para>
/// </remarks>
[MemoryDiagnoser]
[MedianColumn]
[FewIterationsJob(launchCount: 3, iterationCount: 5)]
public class AssetMovementBenchmarks
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2022, 1), new YearMonth(2024, 12));
    private static readonly ColumnarAssetLayout Layout = new(Grid, MeasureUnit.ForCurrency(Currency.Usd));

    private PerfColumns _sorted = null!;
    private PerfColumns _shuffled = null!;
    private PerfRow[] _rows = [];
    private AssetRecord[] _records = [];

    /// <summary>Gets the customer counts to run: 100,000 and 1,000,000, or only 100,000 when <c>CX_BENCH_SMALL=1</c>.</summary>
    public static IEnumerable<int> CustomerCounts =>
        Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [100_000] : [100_000, 1_000_000];

    /// <summary>Gets or sets N, the number of customers.</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [GlobalSetup(Target = nameof(LinqBaseline))]
    public void SetupLinq()
    {
        Generate();
        _rows = new PerfRow[_sorted.Length];
        for (int i = 0; i < _rows.Length; i++)
        {
            _rows[i] = new PerfRow(_sorted.CustomerIndex[i], _sorted.PeriodIndex[i], _sorted.ValueInCents[i]);
        }

        List<LinqPeriodMovement> linq = LinqAssetMovements.Compute(_rows, PerfWorkload.PeriodCount);
        CheckSame("LINQ baseline", linq, FastPath(_sorted));
    }

    [GlobalSetup(Target = nameof(FastPathSorted))]
    public void SetupSorted()
    {
        Generate();
        AssetMovementReport report = FastPath(_sorted);
        Console.WriteLine($"// Fast path on sorted rows: {report}; last period {report.Periods[^1].Period}, closing {report.Periods[^1].Closing} cents.");
    }

    [GlobalSetup(Target = nameof(FastPathShuffled))]
    public void SetupShuffled()
    {
        PerfWorkload workload = Generate();
        _shuffled = workload.Shuffled();
        CheckSame("fast path on shuffled rows", FastPath(_shuffled), FastPath(_sorted));
    }

    [GlobalSetup(Target = nameof(ObjectPath))]
    public void SetupObjects()
    {
        Generate();
        var ids = new CustomerId[Customers];
        for (int c = 0; c < ids.Length; c++)
        {
            ids[c] = CustomerId.From("C" + c.ToString(CultureInfo.InvariantCulture));
        }

        var dates = new LocalDate[PerfWorkload.PeriodCount];
        for (int p = 0; p < dates.Length; p++)
        {
            dates[p] = new LocalDate(2022, 1, 15).PlusMonths(p);
        }

        _records = new AssetRecord[_sorted.Length];
        for (int i = 0; i < _records.Length; i++)
        {
            _records[i] = new AssetRecord(ids[_sorted.CustomerIndex[i]], dates[_sorted.PeriodIndex[i]], Money.FromMinorUnits(_sorted.ValueInCents[i], Currency.Usd));
        }

        CheckSame("object path", ObjectReport(_records), FastPath(_sorted));
    }

    [Benchmark(Baseline = true)]
    public long LinqBaseline() => LinqAssetMovements.Compute(_rows, PerfWorkload.PeriodCount)[^1].Closing;

    [Benchmark]
    public long FastPathSorted() => FastPath(_sorted).Periods[^1].Closing;

    [Benchmark]
    public long FastPathShuffled() => FastPath(_shuffled).Periods[^1].Closing;

    [Benchmark]
    public long ObjectPath() => ObjectReport(_records).Periods[^1].Closing;

    private static AssetMovementReport FastPath(PerfColumns columns) =>
        ColumnarAssetEngine.Compute(Layout, columns.CustomerIndex, columns.PeriodIndex, columns.ValueInCents).ToReport();

    private static AssetMovementReport ObjectReport(AssetRecord[] records) =>
        new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(records, Grid));

    private static void CheckSame(string what, AssetMovementReport actual, AssetMovementReport expected)
    {
        if (!actual.Equals(expected))
        {
            throw new InvalidOperationException($"The {what} disagrees with the fast path on sorted rows: {actual} versus {expected}.");
        }

        Console.WriteLine($"// Checked: the {what} equals the fast path on sorted rows in all {expected.Periods.Count} periods.");
    }

    private static void CheckSame(string what, List<LinqPeriodMovement> actual, AssetMovementReport expected)
    {
        if (actual.Count != expected.Periods.Count)
        {
            throw new InvalidOperationException($"The {what} gives {actual.Count} periods, the engine {expected.Periods.Count}.");
        }

        for (int p = 0; p < actual.Count; p++)
        {
            PeriodMovement engine = expected.Periods[p];
            LinqPeriodMovement linq = actual[p];
            Require(what, p, "opening", linq.Opening, engine.Opening);
            Require(what, p, "closing", linq.Closing, engine.Closing);
            foreach ((MovementClass movement, (long count, long value)) in linq.Classes)
            {
                MovementTotal total = engine.Get(movement);
                Require(what, p, movement + " count", count, total.CustomerCount);
                Require(what, p, movement + " value", value, total.Value);
            }

            if (!engine.Reconciles())
            {
                throw new InvalidOperationException($"The engine's bridge of period {p} does not reconcile.");
            }
        }

        Console.WriteLine($"// Checked: the {what} equals the engine in all {actual.Count} periods (opening, closing, six classes); last closing {actual[^1].Closing} cents.");
    }

    private static void Require(string what, int period, string figure, long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"The {what} disagrees with the engine in period {period}, {figure}: {actual} versus {expected}.");
        }
    }

    private PerfWorkload Generate()
    {
        PerfWorkload workload = PerfWorkload.Generate(Customers);
        _sorted = workload.Sorted;
        Console.WriteLine($"// Workload: {workload} ({(double)workload.RowCount / workload.CustomerCount:F3} rows per customer).");
        return workload;
    }
}
