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

        CustomerValueAnalysis analysis = Run(shop);

        Assert.Equal(FitStatus.ParameterAtBoundary, analysis.PurchaseFit.Diagnostics.Status);
        Assert.True(analysis.PurchaseFit.Parameters.Values[2].Value > BgNbdModel.MaxDropOutShapeA);
        Assert.Null(analysis.Values);
        Assert.Null(analysis.AtRisk);
        Assert.Null(analysis.Holdout);
        ValueFinding finding = Assert.Single(analysis.Findings, f => f.Kind == ValueFindingKind.PurchaseFitNotConverged);
        Assert.Contains("one drop-out chance of 14.7% after every purchase for all customers", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DropOutChanceFitsZero_ScoresAndChecksTheHoldout()
    {
        // Found by the property test with random seeds (about one run in five did not finish within 90 s). BFGS converges
        // at r = 0.648, alpha = 111, a = 3.6e-6, b = 491,310: the data point to no drop-out at all, the NBD limit of the
        // model. The holdout check then sums the 2F1 series of E[X(t)] with A and C near 491,308, and the series waited
        // until n passed |A| + |C| before it trusted its stopping bound: a million terms per customer and holdout day,
        // minutes in all. The series now stops on a bound valid for every later term (a few dozen terms here) and the
        // whole run takes a fraction of a second.
        var shop = new CustomerValueAnalysisPropertyTests.Shop(1945376219, 52, 0.2882, 22.985, 1.1432, 4.155, 0.27135, 169);

        CustomerValueAnalysis analysis = Run(shop);

        Assert.True(analysis.PurchaseFit.IsConverged);
        Assert.True(analysis.PurchaseFit.Parameters.Values[2].Value < 1e-4);
        HoldoutComparison holdout = Assert.IsType<HoldoutComparison>(analysis.Holdout);
        Assert.Equal(228, holdout.Steps.Count);
        Assert.Equal(57, holdout.Total.ActualCumulative);
        Assert.Equal(69.2, holdout.Total.ExpectedCumulative, 0.05);
        Assert.All(holdout.Steps, s => Assert.True(double.IsFinite(s.ExpectedCumulative) && double.IsFinite(s.TrackedCumulative)));
        Assert.Single(analysis.Findings, f => f.Kind == ValueFindingKind.HoldoutMismatch);
    }

    [Fact]
    public void Run_LargeDropOutShapes_ScoresEveryCustomerAndAgreesWithScipy()
    {
        // Found by the property test with random seeds (about one run in a hundred): BFGS converges at r = 0.2407,
        // alpha = 3.514, a = 684.4, b = 1407 (a below BgNbdModel.MaxDropOutShapeA, though its standard error is 176 times
        // the estimate). Scoring summed the 2F1 series of the epsilon-part, whose terms grow like (1 - z)^-(a - 1) before
        // they fall: past 10^308 at a 36-month horizon, so every residual value was NaN and the run threw CX0914. With a
        // large a the expectation now sums the direct form, whose terms fall at once.
        var shop = new CustomerValueAnalysisPropertyTests.Shop(851200359, 41, 1.2764, 10.940000000000001, 1.8368, 2.5300000000000002, 0.62855, 161);

        CustomerValueAnalysis analysis = Run(shop);

        Assert.True(analysis.PurchaseFit.IsConverged);
        var model = Assert.IsType<BgNbdParameters>(analysis.PurchaseFit.Parameters);
        Assert.InRange(model.A, 600, BgNbdModel.MaxDropOutShapeA);
        CustomerValueReport values = Assert.IsType<CustomerValueReport>(analysis.Values);
        Assert.All(values.Customers, v => Assert.True(double.IsFinite(v.ResidualValue) && v.ResidualValue >= 0));

        // E[X(t)] of a new customer = (a + b - 1)/(a - 1) (1 - (alpha/(alpha + t))^r 2F1(r, b; a + b - 1; t/(alpha + t))), from
        // /usr/bin/python3 with scipy.special.hyp2f1 (SciPy 1.10) at the parameters above (r = 0.24069030867279825,
        // alpha = 3.5144302323332335, a = 684.3551456526822, b = 1407.3692249444296): 0.8392075528497915 at t = 30,
        // 1.7586405799461666 at t = 365 and 2.056471458194867 at t = 1096.
        var pinned = new BgNbdParameters(0.24069030867279825, 3.5144302323332335, 684.3551456526822, 1407.3692249444296);
        Assert.Equal(0.8392075528497915, pinned.ExpectedPurchasesNewCustomer(30), 1e-12);
        Assert.Equal(1.7586405799461666, pinned.ExpectedPurchasesNewCustomer(365), 1e-12);
        Assert.Equal(2.056471458194867, pinned.ExpectedPurchasesNewCustomer(1096), 1e-12);
    }

    /// <summary>The workflow as the property test runs it: days, the shop's split and at-risk threshold, five at risk.</summary>
    private static CustomerValueAnalysis Run(CustomerValueAnalysisPropertyTests.Shop shop) =>
        CustomerValueAnalysis.Run(shop.Records(), new CustomerValueAnalysisOptions
        {
            TimeUnit = ValueTimeUnit.Days,
            CalibrationEnd = Start.PlusDays(shop.CalibrationDays),
            AtRisk = new AtRiskOptions { ProbabilityAliveThreshold = shop.Threshold, MaxCustomers = 5 },
        });
}
