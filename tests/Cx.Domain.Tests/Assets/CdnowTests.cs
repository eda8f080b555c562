using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Tests.Assets;

/// <summary>The engine on real data no one here wrote: the CDNOW purchase log (tests/data/cdnow, from the lifetimes
/// project). Reference: Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
/// describe the master file as the 23,570 customers who made their first purchase at CDNOW in the first quarter of
/// 1997, followed through June 1998.</summary>
public sealed class CdnowTests
{
    private static readonly Lazy<AssetRecord[]> Records = new(() =>
    {
        LocalDatePattern pattern = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd");
        return File.ReadLines(TestFiles.PathOf("cdnow/CDNOW_master.txt"))
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new AssetRecord(CustomerId.From(f[0]), pattern.Parse(f[1]).Value, Money.FromDecimal(decimal.Parse(f[3], CultureInfo.InvariantCulture), Currency.Usd)))
            .ToArray();
    });

    private static readonly PeriodGrid Months = PeriodGrid.Monthly(new YearMonth(1997, 1), new YearMonth(1998, 6));

    [Fact]
    public void Movements_CdnowMaster_NewCustomersFollowFirstPaidPurchase()
    {
        AssetLedger ledger = AssetLedger.FromRecords(Records.Value, Months);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);

        Assert.Equal(69_659, ledger.RecordCount);
        Assert.Equal(23_570, ledger.CustomerCount);

        // Active means value above zero. All 23,570 customers first bought in 1997-Q1, but some of those first
        // purchases were $0.00 items: 68 customers never spent anything and never become active, and 2 become new
        // only at their first paid purchase after the quarter. New counts follow the first paid purchase exactly.
        Dictionary<string, int> firstPaid = Records.Value.Where(r => r.Amount.MinorUnits > 0)
            .GroupBy(r => r.Customer)
            .Select(g => Months[Months.IndexOf(g.Min(r => r.Date))].Label)
            .GroupBy(label => label)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(23_502, firstPaid.Values.Sum());
        Assert.Equal(23_500, report.Periods.Take(3).Sum(p => p.New.CustomerCount));
        Assert.All(report.Periods, p => Assert.Equal(firstPaid.GetValueOrDefault(p.Period.Label), p.New.CustomerCount));
        Assert.All(report.Periods, p => Assert.True(p.Reconciles()));
        Assert.Equal(0, report.Periods[0].Opening);
    }

    [Fact]
    public void Movements_CdnowMaster_ClosingValuesAddUpToTheFileTotal()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(Records.Value, Months));

        // The dollar_value column of CDNOW_master.txt sums to $2,500,315.63.
        Assert.Equal(250_031_563L, report.Periods.Sum(p => p.Closing));
    }

    [Fact]
    public void Movements_CdnowMasterShuffledAndColumnar_GiveTheSameBridge()
    {
        AssetLedger ledger = AssetLedger.FromRecords(Records.Value, Months);
        AssetRecord[] shuffled = Records.Value.ToArray();
        new Random(20261122).Shuffle(shuffled);
        var calculator = new AssetMovementCalculator();
        AssetMovementReport expected = calculator.Calculate(ledger, new AssetMovementOptions { ActivityWindow = 3 });

        Assert.Equal(expected, calculator.Calculate(AssetLedger.FromRecords(shuffled, Months), new AssetMovementOptions { ActivityWindow = 3 }));

        // The same data through the columnar fast path: sum each customer-month, then one row each.
        var cells = Records.Value
            .GroupBy(r => (Customer: int.Parse(r.Customer.Value, CultureInfo.InvariantCulture), Month: Months.IndexOf(r.Date)))
            .Select(g => (g.Key.Customer, g.Key.Month, Value: g.Sum(r => r.Amount.MinorUnits)))
            .ToArray();
        AssetMovementReport columnar = ColumnarAssetEngine.Compute(
            new ColumnarAssetLayout(Months, MeasureUnit.ForCurrency(Currency.Usd), 0, 3),
            cells.Select(c => c.Customer).ToArray(), cells.Select(c => c.Month).ToArray(), cells.Select(c => c.Value).ToArray()).ToReport();
        Assert.Equal(expected.Periods, columnar.Periods);
    }
}
