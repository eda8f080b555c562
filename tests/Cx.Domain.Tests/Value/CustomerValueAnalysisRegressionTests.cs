using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Tests.Value;

/// <summary>Shops the property test <see cref="CustomerValueAnalysisPropertyTests"/> found, kept as facts.</summary>
public sealed class CustomerValueAnalysisRegressionTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    [Fact]
    public void Run_DropOutShapesRunOffTogether_ReportsTheFitAsUnusableAndComputesNothing()
    {
        // Found by the seeded property test (seed 20261130). On this shop BFGS stops with a vanishing gradient at r = 0.393,
        // alpha = 42.1, a = 1.68e8, b = 9.73e8 (standard errors ~190 times the estimates): a and b run off to infinity
        // together with a/(a + b) = 14.7%, the limit where the beta distribution of drop-out chances collapses to one
        // chance for everybody. It was reported converged, and scoring then summed the hypergeometric series of E[Y(t)]
        // with epsilon = a - 1 = 1.7e8, which needs ~a z/(1 - z) terms: each evaluation ran the million-term cap and
        // returned NaN, so every residual value was NaN and the run took 7 minutes. Now a beyond
        // BgNbdModel.MaxDropOutShapeA is a parameter at its boundary, with a finding saying why, and nothing is scored.
        var shop = new CustomerValueAnalysisPropertyTests.Shop(144219185, 78, 0.5366, 41.74, 0.6536, 2.79, 0.43665, 278);

        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(shop.Records(), new CustomerValueAnalysisOptions
        {
            TimeUnit = ValueTimeUnit.Days,
            CalibrationEnd = Start.PlusDays(shop.CalibrationDays),
            AtRisk = new AtRiskOptions { ProbabilityAliveThreshold = shop.Threshold, MaxCustomers = 5 },
        });

        Assert.Equal(FitStatus.ParameterAtBoundary, analysis.PurchaseFit.Diagnostics.Status);
        Assert.True(analysis.PurchaseFit.Parameters.Values[2].Value > BgNbdModel.MaxDropOutShapeA);
        Assert.Null(analysis.Values);
        Assert.Null(analysis.AtRisk);
        Assert.Null(analysis.Holdout);
        ValueFinding finding = Assert.Single(analysis.Findings, f => f.Kind == ValueFindingKind.PurchaseFitNotConverged);
        Assert.Contains("one drop-out chance of 14.7% after every purchase for all customers", finding.Message, StringComparison.Ordinal);
    }
}
