using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

/// <summary>The ledger's build on inputs large enough for its parallel passes (more than 65,536 kept rows: rows scattered
/// by customer bucket on all cores, buckets summed on all cores), against a plain group-by written here: every cell's
/// value, every floored cell in customer order, every cell's segment (the segment of the latest row, ties to the
/// ordinal greatest name), the same from records and from columns, and the same whatever the order of the rows.</summary>
public sealed class LedgerBuildLargeTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2023, 1), new YearMonth(2024, 12));
    private static readonly LocalDate Epoch = new(2022, 7, 1);
    private static readonly string[] SegmentNames = ["North", "South", "East", "West", "Online"];

    private static List<AssetRecord> Records(int seed, int count, int customers)
    {
        var random = new Random(seed);
        var records = new List<AssetRecord>(count);
        for (int i = 0; i < count; i++)
        {
            var customer = CustomerId.From("C" + random.Next(customers).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

            // From July 2022 (history before the grid) to March 2025 (after it: excluded).
            LocalDate date = Epoch.PlusDays(random.Next(1000));
            long cents = random.Next(10) == 0 ? -random.Next(1, 40_000) : random.Next(1, 20_000);
            string? segment = random.Next(7) == 0 ? null : SegmentNames[random.Next(SegmentNames.Length)];
            records.Add(new AssetRecord(customer, date, Money.FromMinorUnits(cents, Currency.Usd), segment));
        }

        return records;
    }

    private static readonly AssetLedgerOptions Options = new() { NegativeValues = NegativeValuePolicy.FloorAtZero, AfterGrid = AfterGridPolicy.Exclude };

    /// <summary>The plain group-by: per customer and period, the net value and the segment of the latest row.</summary>
    private static Dictionary<(CustomerId Customer, int Period), (long Value, string? Segment)> Expected(IEnumerable<AssetRecord> records) =>
        records.Where(r => Grid.IndexOf(r.Date) < Grid.Count)
            .GroupBy(r => (r.Customer, Grid.IndexOf(r.Date)))
            .ToDictionary(g => g.Key, g => (
                g.Sum(r => r.Amount.MinorUnits),
                g.Where(r => r.Segment is not null).OrderByDescending(r => r.Date).ThenByDescending(r => r.Segment, StringComparer.Ordinal).Select(r => r.Segment).FirstOrDefault()));

    [Fact]
    public void FromRecords_LargeInput_MatchesAPlainGroupBy()
    {
        List<AssetRecord> records = Records(20261130, 150_000, 20_000);
        var expected = Expected(records);

        AssetLedger ledger = AssetLedger.FromRecords(records, Grid, Options);

        Assert.Equal(expected.Keys.Select(k => k.Customer).Distinct().Count(), ledger.CustomerCount);
        Assert.Equal(records.Count(r => Grid.IndexOf(r.Date) >= Grid.Count), ledger.ExcludedRecordCount);
        foreach (((CustomerId customer, int period), (long value, _)) in expected)
        {
            Assert.Equal(Math.Max(0, value), ledger.ValueOf(customer, period));
        }

        // Floored cells: every negative net value, customers in order of first appearance, periods ascending.
        var firstSeen = records.Where(r => Grid.IndexOf(r.Date) < Grid.Count).Select(r => r.Customer).Distinct()
            .Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var floored = expected.Where(e => e.Value.Value < 0).OrderBy(e => firstSeen[e.Key.Customer]).ThenBy(e => e.Key.Period)
            .Select(e => (e.Key.Customer, e.Key.Period, e.Value.Value)).ToList();
        Assert.True(floored.Count > 1000, "the data should floor many cells");
        Assert.Equal(floored, ledger.FlooredCells.Select(f => (f.Customer, f.PeriodIndex, f.NetValue)).ToList());

        // Segments: each period's closing per segment is the sum of the positive cells whose latest row names it.
        SegmentMovementReport bySegment = new AssetMovementCalculator().BySegment(ledger);
        foreach (SegmentBridge bridge in bySegment.Segments)
        {
            for (int p = 0; p < Grid.Count; p++)
            {
                long closing = expected.Where(e => e.Key.Period == p && e.Value.Value > 0 && e.Value.Segment == bridge.Segment).Sum(e => e.Value.Value);
                Assert.Equal(closing, bridge.Periods[p].Closing);
            }
        }
    }

    [Fact]
    public void FromColumns_LargeInput_GivesTheLedgerOfTheRecords_InAnyRowOrder()
    {
        List<AssetRecord> records = Records(7, 120_000, 9_000);
        List<AssetRecord> shuffled = [.. records];
        new Random(11).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        AssetLedger fromRecords = AssetLedger.FromRecords(records, Grid, Options);
        AssetLedger fromColumns = AssetLedger.FromColumns(AssetColumns.FromRecords(records, Currency.Usd), Grid, Options);
        AssetLedger fromShuffled = AssetLedger.FromColumns(AssetColumns.FromRecords(shuffled, Currency.Usd), Grid, Options);

        var calculator = new AssetMovementCalculator();
        Assert.Equal(calculator.Calculate(fromRecords).Periods, calculator.Calculate(fromColumns).Periods);
        Assert.Equal(calculator.Calculate(fromRecords).Periods, calculator.Calculate(fromShuffled).Periods);
        Assert.Equal(fromRecords.FlooredCells, fromColumns.FlooredCells);
        Assert.Equal(fromRecords.FlooredCells.ToHashSet(), fromShuffled.FlooredCells.ToHashSet());
        Assert.Equal(
            calculator.BySegment(fromRecords).Segments.SelectMany(s => s.Periods.Select(p => (s.Segment, p.Closing, p.NetMigrationIn))),
            calculator.BySegment(fromShuffled).Segments.SelectMany(s => s.Periods.Select(p => (s.Segment, p.Closing, p.NetMigrationIn))));
        foreach (CustomerId customer in fromRecords.Customers)
        {
            for (int p = -fromRecords.HistoryPeriodCount; p < Grid.Count; p++)
            {
                Assert.Equal(fromRecords.ValueOf(customer, p), fromShuffled.ValueOf(customer, p));
            }
        }
    }

    [Fact]
    public void FromRecords_LargeInput_RowsWhoseSumFitsAreNotRefused_InAnyOrder()
    {
        // 70,000 small rows, and one customer-period whose rows straddle 2^63 on the way: long.MaxValue, +1, -1. Summed in
        // 128 bits the net value fits, so it is kept, wherever the rows fall.
        List<AssetRecord> records = Records(3, 70_000, 5_000);
        var big = CustomerId.From("BIG");
        records.Insert(100, new AssetRecord(big, new LocalDate(2024, 3, 1), Money.FromMinorUnits(long.MaxValue, Currency.Usd)));
        records.Insert(40_000, new AssetRecord(big, new LocalDate(2024, 3, 2), Money.FromMinorUnits(1, Currency.Usd)));
        records.Insert(20, new AssetRecord(big, new LocalDate(2024, 3, 3), Money.FromMinorUnits(-1, Currency.Usd)));

        AssetLedger ledger = AssetLedger.FromRecords(records, Grid, Options);

        Assert.Equal(long.MaxValue, ledger.ValueOf(big, Grid.IndexOf(new LocalDate(2024, 3, 1))));
    }
}
