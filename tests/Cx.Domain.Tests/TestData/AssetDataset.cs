using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>A small random customer base: the value of each customer in each period of a monthly axis whose first
/// <see cref="History"/> periods precede the grid. Prints as a readable matrix when FsCheck reports a counterexample.</summary>
public sealed class AssetDataset
{
    private static readonly string?[] SegmentNames = [null, "basic", "pro"];

    public AssetDataset(int history, int gridCount, long[][] values, int[][] segments)
    {
        History = history;
        GridCount = gridCount;
        Values = values;
        Segments = segments;
    }

    public int History { get; }

    public int GridCount { get; }

    public int AxisLength => History + GridCount;

    /// <summary>Values[c][axis period], in cents; 0 is inactive.</summary>
    public long[][] Values { get; }

    /// <summary>Segments[c][axis period]: 0 none, 1 basic, 2 pro.</summary>
    public int[][] Segments { get; }

    public int CustomerCount => Values.Length;

    public static YearMonth FirstGridMonth => new(2024, 1);

    public PeriodGrid Grid => PeriodGrid.Monthly(FirstGridMonth, FirstGridMonth.PlusMonths(GridCount - 1));

    public static MeasureUnit Usd => MeasureUnit.ForCurrency(Currency.Usd);

    public static CustomerId Id(int c) => CustomerId.From("C" + c.ToString("D3", CultureInfo.InvariantCulture));

    public static string? SegmentName(int code) => SegmentNames[code];

    public YearMonth MonthOf(int axis) => FirstGridMonth.PlusMonths(axis - History);

    /// <summary>Dated records whose per-period sums are the values: some cells are split into a sale and a refund,
    /// some inactive cells get a sale and an equal refund (net zero), so netting and zero cells are exercised.</summary>
    public IReadOnlyList<AssetRecord> Records(bool withSegments = true)
    {
        var records = new List<AssetRecord>();
        for (int c = 0; c < CustomerCount; c++)
        {
            for (int t = 0; t < AxisLength; t++)
            {
                long v = Values[c][t];
                string? segment = withSegments ? SegmentName(Segments[c][t]) : null;
                YearMonth month = MonthOf(t);
                LocalDate early = month.OnDayOfMonth(1 + ((c + t) % 10));
                LocalDate late = month.OnDayOfMonth(15 + ((c * 7 + t) % 13));
                if (v > 0 && (c + t) % 3 == 0)
                {
                    records.Add(new AssetRecord(Id(c), early, Money.FromMinorUnits(v + 250, Currency.Usd), segment));
                    records.Add(new AssetRecord(Id(c), late, Money.FromMinorUnits(-250, Currency.Usd), segment));
                }
                else if (v > 0)
                {
                    records.Add(new AssetRecord(Id(c), late, Money.FromMinorUnits(v, Currency.Usd), segment));
                }
                else if ((c + t) % 4 == 1)
                {
                    records.Add(new AssetRecord(Id(c), early, Money.FromMinorUnits(990, Currency.Usd), segment));
                    records.Add(new AssetRecord(Id(c), late, Money.FromMinorUnits(-990, Currency.Usd), segment));
                }
            }
        }

        return records;
    }

    /// <summary>One row per active cell, plus a zero-valued row where <see cref="Records"/> nets a sale and a refund to
    /// zero (so both inputs know the same customers), sorted by (customer, axis period).</summary>
    public (int[] Customer, int[] Period, long[] Value) Columns()
    {
        var customer = new List<int>();
        var period = new List<int>();
        var value = new List<long>();
        for (int c = 0; c < CustomerCount; c++)
        {
            for (int t = 0; t < AxisLength; t++)
            {
                if (Values[c][t] > 0 || (c + t) % 4 == 1)
                {
                    customer.Add(c);
                    period.Add(t);
                    value.Add(Values[c][t]);
                }
            }
        }

        return (customer.ToArray(), period.ToArray(), value.ToArray());
    }

    public ColumnarAssetLayout Layout(int window = 1) => new(Grid, Usd, History, window);

    public static Gen<AssetDataset> Generator(int maxCustomers = 7, int maxHistory = 3, int maxGrid = 6) =>
        from history in Gen.Choose(0, maxHistory)
        from grid in Gen.Choose(1, maxGrid)
        from n in Gen.Choose(0, maxCustomers)
        from flat in Gen.Choose(0, 2999).Select(x => x < 1300 ? 0L : x < 1600 ? 1000L : x - 1299L).ArrayOf(n * (history + grid))
        from segs in Gen.Choose(0, 2).ArrayOf(n * (history + grid))
        select new AssetDataset(
            history,
            grid,
            Enumerable.Range(0, n).Select(c => flat.Skip(c * (history + grid)).Take(history + grid).ToArray()).ToArray(),
            Enumerable.Range(0, n).Select(c => segs.Skip(c * (history + grid)).Take(history + grid).ToArray()).ToArray());

    public static Arbitrary<AssetDataset> Arbitrary(int maxCustomers = 7) => Generator(maxCustomers).ToArbitrary();

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"history {History}, grid {GridCount} periods, {CustomerCount} customers");
        for (int c = 0; c < CustomerCount; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  C{c}: ").AppendJoin(' ', Values[c].Select((v, t) => (t == History ? "| " : string.Empty) + v.ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }
}
