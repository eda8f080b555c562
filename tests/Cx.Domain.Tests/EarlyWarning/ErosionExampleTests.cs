using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The worked example of docs/concepts/revenue-at-risk.md, computed by hand: four customers over January to June
/// 2024, one standard, horizon 2, one stratum.</summary>
/// <remarks>
/// <para>Values (USD): A 100 every month; B 100 in January and February, then nothing (churns in March); C 200 from January
/// to March, then 150 (contracts in April); D 50 every month. Failing measurements: D on January 15 (D had no value
/// before January: not active), B on February 10, C on March 5, A on June 3; a good one for A on March 6.</para>
/// <para>Active customer-periods (value in the month before): February 4, March 4, April 3, May 3, June 3. With h = 2 the
/// history whose horizon has closed by June is February to May (14 customer-periods); exposed: B in February (churns in
/// March within the horizon, loses 100 of 100) and C in March (contracts in April, loses 50 of 200).</para>
/// </remarks>
public sealed class ErosionExampleTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 6));

    internal static ErosionInput Input()
    {
        var records = new List<AssetRecord>();
        void Monthly(string who, params decimal[] usd)
        {
            for (int m = 0; m < usd.Length; m++)
            {
                if (usd[m] > 0)
                {
                    records.Add(new AssetRecord(CustomerId.From(who), new LocalDate(2024, m + 1, 15), Money.FromDecimal(usd[m], Currency.Usd)));
                }
            }
        }

        Monthly("A", 100, 100, 100, 100, 100, 100);
        Monthly("B", 100, 100);
        Monthly("C", 200, 200, 200, 150, 150, 150);
        Monthly("D", 50, 50, 50, 50, 50, 50);
        JourneyFramework journey = JourneyFramework.Create(
            "Example",
            [new JourneyStage("purchase", "Purchase", 1)],
            [new Touchpoint("approval", "Financing approval", "purchase", TouchpointCategory.RespondingToCustomerNeeds, "Finance")]);
        ReliabilityStandardSet standards = ReliabilityStandardSet.Create(
            [ReliabilityStandard.Create(new ReliabilityStandardDefinition
            {
                Id = "approval-24h", TouchpointId = "approval", Name = "Decision within 24 hours", Metric = "hours to decision", Unit = "h",
                Comparison = ThresholdComparison.AtMost, Threshold = 24, Objective = 0.9, Window = EvaluationWindow.Calendar(Grid),
            })],
            journey);
        ReliabilityMeasurement M(string who, int month, int day, double hours) =>
            new("approval-24h", Instant.FromUtc(2024, month, day, 12, 0), hours, CustomerId.From(who));
        return ErosionInput.Create(
            AssetLedger.FromRecords(records, Grid),
            journey,
            standards,
            [M("D", 1, 15, 30), M("B", 2, 10, 40), M("C", 3, 5, 26), M("A", 3, 6, 5), M("A", 6, 3, 50)],
            []);
    }

    internal static EarlyWarningOptions Options() => new() { Horizon = 2, TenureBandStarts = [], MinimumExposedCount = 1 };

    private static ErosionSubject Standard() => new RevenueErosionCalculator().Analyze(Input(), Options()).ForStandard("approval-24h");

    [Fact]
    public void Exposure_ByHand_CountsFailingEventsCustomersAndOpeningValue()
    {
        ErosionSubject s = Standard();

        PeriodExposure january = s.Periods[0];
        Assert.Equal((1, 1, 1, 1, 0, 0L), (january.EventCount, january.FailingEventCount, january.FailingEventsWithCustomerCount, january.ExposedCustomerCount, january.ExposedActiveCustomerCount, january.ExposedValue));
        Assert.Equal((0L, 0L), (january.ActiveCustomerCount, january.ActiveValue));

        PeriodExposure march = s.Periods[2];
        Assert.Equal((2L, 1L, 1L, 1L, 20_000L), (march.EventCount, march.FailingEventCount, march.ExposedCustomerCount, march.ExposedActiveCustomerCount, march.ExposedValue));
        Assert.Equal((4L, 45_000L, 3L, 25_000L), (march.ActiveCustomerCount, march.ActiveValue, march.UnexposedActiveCustomerCount, march.UnexposedValue));

        PeriodExposure june = s.Periods[5];
        Assert.Equal((1L, 10_000L, 3L, 30_000L), (june.ExposedActiveCustomerCount, june.ExposedValue, june.ActiveCustomerCount, june.ActiveValue));
    }

    [Fact]
    public void Impact_ByHand_CountsEveryCustomerPeriodOfTheClosedHistory()
    {
        ImpactEstimate impact = Standard().Impact(Grid[5]);

        Assert.Equal("2024-01", impact.FirstExposurePeriod!.Label);
        Assert.Equal("2024-05", impact.LastExposurePeriod!.Label);
        Assert.Equal((2L, 1L, 12L, 1L), (impact.Churn.ExposedCount, impact.Churn.ExposedCases, impact.Churn.UnexposedCount, impact.Churn.UnexposedCases));
        Assert.Equal((1L, 1L), (impact.Contraction.ExposedCases, impact.Contraction.UnexposedCases));
        Assert.Equal((2L, 2L), (impact.ChurnOrContraction.ExposedCases, impact.ChurnOrContraction.UnexposedCases));

        // Churn: 1/2 against 1/12, difference 5/12, ratio 6; one stratum, so Mantel-Haenszel equals the crude figures.
        Assert.Equal(5.0 / 12, impact.Churn.RiskDifference!.Value.Estimate, 12);
        Assert.Equal(6, impact.Churn.RiskRatio!.Value.Estimate, 12);
        Assert.Equal(5.0 / 12, impact.Churn.StratifiedRiskDifference!.Value.Estimate, 12);
        Assert.Equal(6, impact.Churn.StratifiedRiskRatio!.Value.Estimate, 12);
        Assert.Equal(1, impact.Churn.ComparableStrataCount);
    }

    /// <summary>Loss shares: exposed lost 150 of 300 (0.5), unexposed 150 of 1,250 (0.12), excess 0.38. The interval by hand
    /// (python3 with scipy: ratio variances n/(n-1) Σ(l - R b)²/(Σb)² = 0.111111 and 0.00700975, z = 1.959964):
    /// 0.38 ± 1.959964 × sqrt(0.118121) = -0.293614 to 1.053614.</summary>
    [Fact]
    public void LossShare_ByHand_GivesTheExcessAndItsInterval()
    {
        LossShareComparison share = Standard().Impact(Grid[5]).LossShare;

        Assert.Equal((30_000L, 15_000L), (share.Exposed.BaseValue, share.Exposed.LostValue));
        Assert.Equal((125_000L, 15_000L), (share.Unexposed.BaseValue, share.Unexposed.LostValue));
        Assert.Equal(0.12, share.StandardizedUnexposedShare!.Value, 12);
        Assert.Equal(0.38, share.ExcessShare!.Value.Estimate, 12);
        Assert.Equal(-0.29361443449653524, share.ExcessShare.Value.Lower, 10);
        Assert.Equal(1.0536144344965352, share.ExcessShare.Value.Upper, 10);
        Assert.Equal(EvidenceVerdict.IncludesNoEffect, share.Evidence);
    }

    [Fact]
    public void RevenueAtRisk_June_IsExposedValueTimesExcessShare_AndSaysItIsNotActionable()
    {
        RevenueAtRisk risk = Standard().RevenueAtRisk(Grid[5]);

        Assert.Equal(10_000, risk.ExposedValue);
        Assert.Equal(3_800, risk.Estimate);
        Assert.Equal(Money.FromDecimal(38m, Currency.Usd), risk.ToMoney());
        Assert.False(risk.IsActionable);
        Assert.Equal("too little evidence: the interval includes no effect (USD 38 (95% CI USD -29 to USD 105))", risk.ToString());
    }

    [Fact]
    public void Impact_BeforeAnyHorizonCloses_HasNoHistory()
    {
        ImpactEstimate impact = Standard().Impact(Grid[0]);

        Assert.Null(impact.FirstExposurePeriod);
        Assert.Equal(0, impact.Churn.ExposedCount);
        Assert.Equal(EvidenceVerdict.NoComparison, new RevenueErosionCalculator().Analyze(Input(), new EarlyWarningOptions { Horizon = 2, MinimumExposedCount = 1 }).ForStandard("approval-24h").Impact(Grid[0]).Evidence);
    }
}
