using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Value;

namespace Cx.Domain.Tests.Value;

/// <summary>Per-customer scores against independent SciPy computations of the papers' formulas (/usr/bin/python3,
/// scipy.special.hyp2f1 and hyperu on the untransformed expressions; DERT also by numerical integration,
/// scipy.integrate.quad of e^(-δt) dE[Y(t)]/dt).</summary>
public sealed class ScoringTests
{
    private static readonly BgNbdParameters BgNbd = new(0.2425945, 4.4136024, 0.7929221, 2.4259069);
    private static readonly ParetoNbdParameters ParetoNbd = new(0.55327554, 10.57761244, 0.60621369, 11.66791393);

    [Theory]
    [InlineData(0, 0, 38.86, 39, 1.0, 0.19478201639981868)]
    [InlineData(2, 30.43, 38.86, 39, 0.7266091509589709, 1.225906780897098)]
    [InlineData(7, 35.0, 38.0, 52, 0.8620043608487094, 5.728689932886936)]
    [InlineData(50, 37.0, 38.5, 200, 0.9156429377574957, 97.54137095869797)]
    public void BgNbd_Scores_AgreeWithScipy(int x, double tx, double t, double horizon, double alive, double expected)
    {
        Assert.Equal(alive, BgNbd.ProbabilityAlive(x, tx, t), 1e-12);
        Assert.Equal(expected, BgNbd.ExpectedPurchases(x, tx, t, horizon), 1e-10 * expected);
    }

    [Fact]
    public void BgNbd_NewCustomer_AgreesWithScipy()
    {
        Assert.Equal(1.1950098365223705, BgNbd.ExpectedPurchasesNewCustomer(39), 1e-12);
        Assert.Equal(1.8579580637211546, BgNbd.ExpectedPurchasesNewCustomer(78), 1e-12);
    }

    [Fact]
    public void BgNbd_AEqualsOne_IsTheLimitOfItsNeighbours()
    {
        // a = 1 is a removable singularity of equation 10; the series form is exact there.
        double at = new BgNbdParameters(0.3, 4, 1, 2.5).ExpectedPurchases(3, 20, 30, 26);
        double below = new BgNbdParameters(0.3, 4, 1 - 1e-6, 2.5).ExpectedPurchases(3, 20, 30, 26);
        double above = new BgNbdParameters(0.3, 4, 1 + 1e-6, 2.5).ExpectedPurchases(3, 20, 30, 26);
        Assert.Equal((below + above) / 2, at, 1e-9);
    }

    [Theory]
    [InlineData(0, 0, 38.86, -0.5212018059421415, 0.2950971296660105, 0.10705978489685396, 0.6012807662848444)]
    [InlineData(2, 30.43, 38.86, -9.55433318602496, 0.8691187008859554, 1.455112897197147, 8.172362747605073)]
    [InlineData(10, 35, 38, -26.910516796731095, 0.9478545960602266, 6.658088776857473, 37.22015594848133)]
    public void ParetoNbd_Scores_AgreeWithScipy(int x, double tx, double t, double ll, double alive, double expected39, double dert)
    {
        double delta = Math.Log(1.1) / (365.25 / 7);
        Assert.Equal(ll, ParetoNbd.LogLikelihood(x, tx, t), 1e-11);
        Assert.Equal(alive, ParetoNbd.ProbabilityAlive(x, tx, t), 1e-12);
        Assert.Equal(expected39, ParetoNbd.ExpectedPurchases(x, tx, t, 39), 1e-12);
        Assert.Equal(dert, ParetoNbd.DiscountedExpectedResidualPurchases(x, tx, t, delta), 1e-10 * dert);
        Assert.Equal(1.2134080785456418, ParetoNbd.ExpectedPurchasesNewCustomer(39), 1e-12);
    }

    [Fact]
    public void ShiftedBetaGeometric_Derl_EqualsTheDiscountedSumAndScipy()
    {
        // Fader and Hardie (2010), equation 5, high-end parameters, d = 10%: scipy.special.hyp2f1 gives 5.414856048374033
        // (n = 1) and 6.89705739774609 (n = 5); the explicit sum of S(t)/S(n-1)/1.1^(t-n) agrees to 1e-14.
        var sbg = new ShiftedBetaGeometricParameters(0.668, 3.806);
        Assert.Equal(5.414856048374033, sbg.DiscountedExpectedResidualLifetime(0.1, 1), 1e-12);
        Assert.Equal(6.89705739774609, sbg.DiscountedExpectedResidualLifetime(0.1, 5), 1e-12);
        double sum = 0;
        for (int t = 5; t < 3000; t++)
        {
            sum += sbg.Survival(t) / sbg.Survival(4) / Math.Pow(1.1, t - 5);
        }

        Assert.Equal(sum, sbg.DiscountedExpectedResidualLifetime(0.1, 5), 1e-10);
        Assert.Equal(sbg.Survival(3), sbg.Survival(2) * sbg.RetentionRate(3), 1e-13);
        Assert.Equal(1 - sbg.Survival(1), sbg.ChurnProbability(1), 1e-13);
    }

    [Fact]
    public void CustomerValue_HandExample_DiscountsEachStepsPurchases()
    {
        // One customer, Pareto/NBD, one yearly step, 10%: value = spend × E[Y(52.18)] / 1.1 with E from the model.
        CustomerSummarySet one = CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("A"), 2, 30.43, 38.86, 40)], ValueTimeUnit.Weeks);
        CustomerValueReport report = new CustomerValueCalculator().Calculate(ParetoNbd, null, one,
            new CustomerValueOptions { AnnualDiscountRate = 0.10, PeriodsPerYear = 1, HorizonPeriods = 1 });
        CustomerValue value = report.Customers[0];
        double expected = ParetoNbd.ExpectedPurchases(2, 30.43, 38.86, 365.25 / 7);

        Assert.Equal(40 * expected / 1.1, value.ResidualValue, 1e-9);
        Assert.Equal(value.ResidualValue / value.ProbabilityAlive, value.ResidualValueIfAlive, 1e-9);
        Assert.Equal(expected, value.ExpectedPurchases, 1e-12);
        Assert.Equal(40 * 8.172362747605073, value.ClosedFormValue!.Value, 1e-6);
    }

    [Fact]
    public void AtRiskAndLostValue_Cdnow_RankBySegmentAndValueForward()
    {
        CustomerSummarySet split = Cdnow.Split;
        var calculator = new CustomerValueCalculator();
        CustomerValueReport values = calculator.Calculate(BgNbdModel.Fit(split).Parameters, GammaGammaModel.Fit(split).Parameters, split);
        CustomersAtRisk atRisk = calculator.FindAtRisk(values, new AtRiskOptions { ProbabilityAliveThreshold = 0.3, MaxCustomers = 10 });

        Assert.Equal(values.Customers.Count(c => c.ProbabilityAlive < 0.3), atRisk.SelectedCount);
        Assert.True(atRisk.SelectedCount > 10);
        Assert.Equal(10, atRisk.Customers.Count);
        Assert.All(atRisk.Customers.Zip(atRisk.Customers.Skip(1)), p => Assert.True(p.First.ValueAtRisk >= p.Second.ValueAtRisk));
        Assert.Equal(atRisk.TotalValueAtRisk, atRisk.Segments.Sum(s => s.ValueAtRisk), 1e-6);
        Assert.All(values.Customers.Where(c => c.Frequency == 0), c => Assert.Equal(1, c.ProbabilityAlive));
        Assert.Equal(values.TotalResidualValue + values.TotalValueAtRisk, values.Customers.Sum(c => c.ResidualValueIfAlive), 1e-6);
    }
}
