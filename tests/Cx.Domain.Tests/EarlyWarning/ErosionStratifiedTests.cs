using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The stratified estimates end to end: customers built so that the engine's tables are the tolbutamide data of
/// Modern Epidemiology (segment "younger": exposed 8 of 106 churned, unexposed 5 of 120; segment "older": 22 of 98 against
/// 16 of 85), so its Mantel-Haenszel figures must be the published and R ones (see <see cref="RiskStatisticsTests"/>).</summary>
public sealed class ErosionStratifiedTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

    private static ImpactEstimate Impact()
    {
        var records = new List<AssetRecord>();
        var measurements = new List<ReliabilityMeasurement>();
        int n = 0;
        void Group(string segment, bool exposed, int count, int churned)
        {
            for (int i = 0; i < count; i++)
            {
                var id = CustomerId.From($"c{n++:D4}");
                int months = i < churned ? 2 : 3; // churners have no value in March
                for (int m = 1; m <= months; m++)
                {
                    records.Add(new AssetRecord(id, new LocalDate(2024, m, 10), Money.FromDecimal(100m, Currency.Usd), segment));
                }

                if (exposed)
                {
                    measurements.Add(new ReliabilityMeasurement("s", Instant.FromUtc(2024, 2, 15, 9, 0), 99, id));
                }
            }
        }

        Group("younger", exposed: true, 106, 8);
        Group("younger", exposed: false, 120, 5);
        Group("older", exposed: true, 98, 22);
        Group("older", exposed: false, 85, 16);
        JourneyFramework journey = JourneyFramework.Create("J", [new JourneyStage("x", "X", 1)], [new Touchpoint("t", "T", "x", TouchpointCategory.ManagingCustomersAtRisk, "Owner")]);
        ReliabilityStandardSet standards = ReliabilityStandardSet.Create(
            [ReliabilityStandard.Create(new ReliabilityStandardDefinition
            {
                Id = "s", TouchpointId = "t", Name = "S", Metric = "hours", Comparison = ThresholdComparison.AtMost, Threshold = 24, Objective = 0.9,
                Window = EvaluationWindow.Calendar(Grid), Owner = "Owner",
            })],
            journey);
        ErosionInput input = ErosionInput.Create(AssetLedger.FromRecords(records, Grid), journey, standards, measurements, []);
        var options = new EarlyWarningOptions { Horizon = 2, TenureBandStarts = [] };
        return new RevenueErosionCalculator(options).Analyze(input).ForStandard("s").Impact(Grid[2]);
    }

    [Fact]
    public void Churn_TolbutamideTables_GiveThePublishedMantelHaenszelFigures()
    {
        RiskComparison churn = Impact().Churn;

        Assert.Equal((204L, 30L, 205L, 21L), (churn.ExposedCount, churn.ExposedCases, churn.UnexposedCount, churn.UnexposedCases));
        Assert.Equal(2, churn.ComparableStrataCount);

        // metafor::rma.mh(ai=c(8,22), n1i=c(106,98), ci=c(5,16), n2i=c(120,85), measure="RR"): 1.32555532415511 (0.797907040146486 to 2.20213236503511).
        Assert.Equal(1.32555532415511, churn.StratifiedRiskRatio!.Value.Estimate, 12);
        Assert.Equal(0.797907040146486, churn.StratifiedRiskRatio.Value.Lower, 12);
        Assert.Equal(2.20213236503511, churn.StratifiedRiskRatio.Value.Upper, 12);

        // Greenland-Robins (1985) in base R (see RiskStatisticsTests): 0.0349002693369182 (-0.027618814088285 to 0.0974193527621213).
        Assert.Equal(0.0349002693369182, churn.StratifiedRiskDifference!.Value.Estimate, 12);
        Assert.Equal(-0.027618814088285, churn.StratifiedRiskDifference.Value.Lower, 12);
        Assert.Equal(0.0974193527621213, churn.StratifiedRiskDifference.Value.Upper, 12);

        // Crude: 30/204 against 21/205, the log interval from R: 1.43557422969188 (0.851022073679916 to 2.42164502272424).
        Assert.Equal(1.43557422969188, churn.RiskRatio!.Value.Estimate, 12);
        Assert.Equal(0.851022073679916, churn.RiskRatio.Value.Lower, 12);
        Assert.Equal(EvidenceVerdict.IncludesNoEffect, churn.Evidence);
    }

    [Fact]
    public void Strata_TolbutamideTables_AreListedBySegment()
    {
        IReadOnlyList<ImpactStratum> strata = Impact().Strata;

        Assert.Equal(["older", "younger"], strata.Select(s => s.Segment));
        Assert.Equal((98L, 22L, 85L, 16L), (strata[0].Exposed.Count, strata[0].Exposed.ChurnedCount, strata[0].Unexposed.Count, strata[0].Unexposed.ChurnedCount));
        Assert.Equal((106L, 8L, 120L, 5L), (strata[1].Exposed.Count, strata[1].Exposed.ChurnedCount, strata[1].Unexposed.Count, strata[1].Unexposed.ChurnedCount));
    }
}
