using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

/// <summary>The worked example of docs/concepts/customer-asset.md, computed by hand there and checked here.</summary>
public sealed class WorkedExampleTests
{
    private static AssetRecord Sale(string customer, int year, int month, int day, decimal amount) =>
        new(CustomerId.From(customer), new LocalDate(year, month, day), Money.FromDecimal(amount, Currency.Usd));

    internal static AssetLedger Ledger() => AssetLedger.FromRecords(
        [
            Sale("A", 2023, 12, 5, 100m), Sale("A", 2024, 1, 5, 100m), Sale("A", 2024, 2, 5, 150m),
            Sale("B", 2024, 1, 10, 200m), Sale("B", 2024, 2, 10, 120m), Sale("B", 2024, 3, 10, 120m),
            Sale("C", 2023, 11, 20, 50m), Sale("C", 2024, 2, 20, 80m),
            Sale("D", 2023, 12, 15, 70m),
            Sale("E", 2024, 3, 1, 90m), Sale("E", 2024, 3, 20, -10m),
        ],
        PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3)));

    [Fact]
    public void Calculate_WorkedExample_MatchesHandComputedBridge()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(Ledger());

        PeriodMovement jan = report.Periods[0];
        Assert.Equal("2024-01", jan.Period.Label);
        Assert.Equal(17_000, jan.Opening);
        Assert.Equal(new MovementTotal(1, 20_000), jan.New);
        Assert.Equal(new MovementTotal(1, 0), jan.Flat);
        Assert.Equal(new MovementTotal(1, -7_000), jan.Churned);
        Assert.Equal(30_000, jan.Closing);

        PeriodMovement feb = report.Periods[1];
        Assert.Equal(new MovementTotal(1, 5_000), feb.Expansion);
        Assert.Equal(new MovementTotal(1, -8_000), feb.Contraction);
        Assert.Equal(new MovementTotal(1, 8_000), feb.Reactivated);
        Assert.Equal(35_000, feb.Closing);

        PeriodMovement mar = report.Periods[2];
        Assert.Equal(new MovementTotal(2, -23_000), mar.Churned);
        Assert.Equal(new MovementTotal(1, 8_000), mar.New);
        Assert.Equal(new MovementTotal(1, 0), mar.Flat);
        Assert.Equal(20_000, mar.Closing);
        Assert.All(report.Periods, p => Assert.True(p.Reconciles()));
    }

    [Fact]
    public void Calculate_WorkedExample_CustomerViewMatchesHandCount()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(Ledger());

        Assert.Equal(new CustomerActivity(2, 2, 1, 0, 20_000, 1, 7_000), report.Periods[0].Customers);
        Assert.Equal(new CustomerActivity(2, 3, 0, 1, 8_000, 0, 0), report.Periods[1].Customers);
        Assert.Equal(new CustomerActivity(3, 2, 1, 0, 8_000, 2, 23_000), report.Periods[2].Customers);
    }
}
