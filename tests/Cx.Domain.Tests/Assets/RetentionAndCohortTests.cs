using Cx.Domain.Assets;

namespace Cx.Domain.Tests.Assets;

/// <summary>Retention metrics and the cohort matrix on the worked example of docs/concepts/customer-asset.md.</summary>
public sealed class RetentionAndCohortTests
{
    [Fact]
    public void PeriodMetrics_WorkedExample_MatchHandComputation()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(WorkedExampleTests.Ledger());

        PeriodRetention feb = new RetentionCalculator().PeriodMetrics(report)[1];

        // February: opening 300, expansion +50, contraction -80, reactivated +80, no churn, no new.
        Assert.Equal(270.0 / 300, feb.NetRevenueRetentionFraction!.Value, 12);
        Assert.Equal(220.0 / 300, feb.GrossRevenueRetentionFraction!.Value, 12);
        Assert.Equal(80.0 / 300, feb.GrossRevenueChurnFraction!.Value, 12);
        Assert.Equal(-50.0 / 300, feb.NetRevenueChurnFraction!.Value, 12);
        Assert.Equal(130.0 / 80, feb.QuickRatio!.Value, 12);
    }

    [Fact]
    public void PeriodMetrics_NoLosses_QuickRatioIsNull()
    {
        AssetMovementReport report = new AssetMovementCalculator().Calculate(WorkedExampleTests.Ledger());
        PeriodRetention jan = new RetentionCalculator().PeriodMetrics(report)[0];

        // January lost D (-70): quick ratio (200) / 70.
        Assert.Equal(200.0 / 70, jan.QuickRatio!.Value, 12);
    }

    [Fact]
    public void CohortMetrics_WorkedExampleHorizonOne_MatchesHandComputation()
    {
        CohortRetention feb = new RetentionCalculator().CohortMetrics(WorkedExampleTests.Ledger(), 1)[1];

        // Active in January: A (100) and B (200). In February A is worth 150 and B 120.
        Assert.Equal(("2024-01", 2L, 30_000L, 2L, 27_000L, 22_000L), (feb.BasePeriodLabel, feb.BaseCustomerCount, feb.BaseValue, feb.RetainedCustomerCount, feb.RetainedValue, feb.GrossRetainedValue));
        Assert.Equal(0.9, feb.NetRevenueRetentionFraction!.Value, 12);
        Assert.Equal(22.0 / 30, feb.GrossRevenueRetentionFraction!.Value, 12);
    }

    [Fact]
    public void CohortMetrics_HorizonOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionCalculator().CohortMetrics(WorkedExampleTests.Ledger(), 0));
    }

    [Fact]
    public void Cohorts_WorkedExample_MatchHandCount()
    {
        CohortMatrix matrix = new CohortCalculator().Calculate(WorkedExampleTests.Ledger());

        // A, C and D were first active before the grid; B starts in January, E in March.
        Assert.Equal(3, matrix.CustomersFirstActiveBeforeGrid);
        CohortRow jan = matrix.Rows[0];
        Assert.Equal(1, jan.CustomerCount);
        Assert.Equal([20_000L, 12_000, 12_000], jan.Cells.Select(c => c.Value).ToArray());
        Assert.Equal(0.6, jan.ValueRetentionFraction(2)!.Value, 12);
        Assert.Equal(1.0, jan.CustomerRetentionFraction(2)!.Value, 12);
        Assert.Equal(0, matrix.Rows[1].CustomerCount);
        Assert.Equal(1, matrix.Rows[2].CustomerCount);
        Assert.Equal(8_000, matrix.Rows[2].InitialValue);
    }
}
