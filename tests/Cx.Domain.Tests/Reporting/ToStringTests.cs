using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Reporting;

/// <summary><c>ToString()</c> of results and money-bearing records: short, invariant, amounts in currency units (issue #9:
/// <c>Console.WriteLine(report.Periods[0])</c> printed minor units).</summary>
public sealed class ToStringTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

    private static AssetLedger QuickStart()
    {
        AssetRecord Sale(string who, int month, decimal usd) => new(CustomerId.From(who), new LocalDate(2024, month, 15), Money.FromDecimal(usd, Currency.Usd));
        return AssetLedger.FromRecords([Sale("A", 1, 100m), Sale("A", 2, 150m), Sale("B", 2, 80m), Sale("B", 3, 60m)], Grid);
    }

    [Fact]
    public void PeriodMovement_ToString_ShowsCurrencyUnits()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(QuickStart());

        Assert.Equal("2024-02: opening USD 100.00, closing USD 230.00, net USD 130.00; new 1, reactivated 0, expansion 1, contraction 0, churned 0", report.Periods[1].ToString());
        Assert.Equal(MeasureUnit.ForCurrency(Currency.Usd), report.Periods[1].Unit);
    }

    [Fact]
    public void AssetRecords_ToString_ShowCurrencyUnits()
    {
        AssetLedger ledger = QuickStart();
        var calculator = new AssetMovementCalculator();

        Assert.Equal("A 2024-03 Churned: USD 150.00 -> USD 0.00", calculator.CustomerMovements(ledger).Single(m => m.Class == MovementClass.Churned).ToString());
        Assert.Equal("cohort 2024-01: 1 customer, initial USD 100.00, 3 ages", new CohortCalculator().Calculate(ledger).Rows[0].ToString());
        Assert.Equal("age 1 (2024-02): 1 customer, USD 150.00", new CohortCalculator().Calculate(ledger).Rows[0].Cells[1].ToString());
        // March: (230 - 20 - 150) / 230 = 26.1%; no gains, so the quick ratio is 0.
        Assert.Equal("2024-03: NRR 26.1%, GRR 26.1%, quick ratio 0.00 (opening USD 230.00)", new RetentionCalculator().PeriodMetrics(calculator.Calculate(ledger))[2].ToString());
        Assert.Equal("2024-03: opening USD 230.00, closing USD 60.00, migration in USD 0.00", calculator.BySegment(ledger).Segments[0].Periods[2].ToString());
    }

    [Fact]
    public void AttributionResult_ToString_ShowsTheUnitAndCounts()
    {
        AttributionResult result = Hostile.Attribution();

        Assert.StartsWith("Linear attribution over journey '<script>alert(1)</script>': earned USD ", result.ToString(), StringComparison.Ordinal);
        Assert.Contains(" gains), lost USD ", result.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"^.+: earned USD [0-9,]+\.[0-9]{2} \([0-9,]+ gains?\), lost USD [0-9,]+\.[0-9]{2} \([0-9,]+ loss(es)?\)$", result.Stages[0].ToString());
        Assert.Equal(result.Unit, result.Stages[0].Unit);
        Assert.Equal("USD", result.Unit.Name);
    }

    [Fact]
    public void AttributionResult_FromMovementsWithoutUnit_UsesPlainUnits()
    {
        AssetLedger ledger = QuickStart();
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger);

        AttributionResult plain = new JourneyAttributionCalculator().Calculate(Journeys.Small(), movements, []);
        AttributionResult euros = new JourneyAttributionCalculator().Calculate(Journeys.Small(), movements, [], new AttributionOptions { Unit = MeasureUnit.ForCurrency(Currency.Eur) });

        // Earned: A new 100 + B new 80 + A expansion 50 = 230.00 (23,000 minor units).
        Assert.Equal("units", plain.Unit.Name);
        Assert.Null(plain.Grid);
        Assert.Contains("earned 23,000 units", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("earned EUR 230.00", euros.ToString(), StringComparison.Ordinal);
    }
}
