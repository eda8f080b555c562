using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Value;
using FsCheck;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Value;

/// <summary>The laws of the value models, on random parameters and customers (FsCheck).</summary>
public sealed class ValuePropertyTests
{
    /// <summary>A random customer history and model parameters.</summary>
    public sealed record ModelCase(int X, double Tx, double T, double Horizon, double R, double Alpha, double A, double B)
    {
        public CustomerSummary Summary => new(CustomerId.From("c"), X, Tx, T, 25);

        public BgNbdParameters BgNbd => new(R, Alpha, A, B);

        public ParetoNbdParameters ParetoNbd => new(R, Alpha, A, B);
    }

    private static Gen<double> Positive(double low, double high) => Gen.Choose(0, 10_000).Select(i => low + ((high - low) * i / 10_000.0));

    private static Arbitrary<ModelCase> Cases() =>
        (from x in Gen.Frequency((3, Gen.Choose(0, 5)), (1, Gen.Choose(6, 300)))
         from age in Positive(0.1, 200)
         from share in Positive(0, 1)
         from horizon in Positive(0.01, 500)
         from r in Positive(0.05, 5)
         from alpha in Positive(0.1, 50)
         from a in Positive(0.05, 5)
         from b in Positive(0.05, 10)
         select new ModelCase(x, x == 0 ? 0 : age * share, age, horizon, r, alpha, a, b)).ToArbitrary();

    [Fact]
    public void ProbabilityAlive_AnyCustomer_IsAProbability()
    {
        Properties.Check(Cases(), c =>
        {
            double bg = c.BgNbd.ProbabilityAlive(c.Summary);
            double pn = c.ParetoNbd.ProbabilityAlive(c.Summary);
            Assert.InRange(bg, 0, 1);
            Assert.InRange(pn, 0, 1);
        }, 500);
    }

    [Fact]
    public void ProbabilityAlive_BgNbdWithoutRepeatPurchase_IsOne()
    {
        Properties.Check(Cases(), c => Assert.Equal(1, c.BgNbd.ProbabilityAlive(0, 0, c.T)));
    }

    [Fact]
    public void ExpectedPurchases_LongerHorizon_IsNotSmaller()
    {
        Properties.Check(Cases(), c =>
        {
            foreach (PurchaseModel model in new PurchaseModel[] { c.BgNbd, c.ParetoNbd })
            {
                double shorter = model.ExpectedPurchases(c.Summary, c.Horizon);
                double longer = model.ExpectedPurchases(c.Summary, c.Horizon * 1.5);
                Assert.True(shorter >= 0 && double.IsFinite(shorter), $"{model}: {shorter}");
                Assert.True(longer >= shorter * (1 - 1e-12), $"{model}: E({c.Horizon * 1.5}) = {longer} < E({c.Horizon}) = {shorter}");
                Assert.True(model.ExpectedPurchasesNewCustomer(c.Horizon * 1.5) >= model.ExpectedPurchasesNewCustomer(c.Horizon) * (1 - 1e-12));
            }
        }, 300);
    }

    [Fact]
    public void ExpectedPurchases_Always_IsProbabilityAliveTimesIfAlive()
    {
        Properties.Check(Cases(), c =>
        {
            foreach (PurchaseModel m in new PurchaseModel[] { c.BgNbd, c.ParetoNbd })
            {
                double e = m.ExpectedPurchases(c.X, c.Tx, c.T, c.Horizon);
                Assert.Equal(m.ProbabilityAlive(c.X, c.Tx, c.T) * m.ExpectedPurchasesIfAlive(c.X, c.Tx, c.T, c.Horizon), e, 1e-9 * Math.Max(1, e));
            }
        });
    }

    [Fact]
    public void ResidualValue_MoreSpendOrLowerDiscount_IsWorthMore()
    {
        var calculator = new CustomerValueCalculator();
        Properties.Check(Cases(), c =>
        {
            CustomerSummarySet low = CustomerSummarySet.FromSummaries([c.Summary with { MeanRepeatSpend = 20 }], ValueTimeUnit.Weeks);
            CustomerSummarySet high = CustomerSummarySet.FromSummaries([c.Summary with { MeanRepeatSpend = 30 }], ValueTimeUnit.Weeks);
            var cheapMoney = new CustomerValueOptions { AnnualDiscountRate = 0.05, HorizonPeriods = 12 };
            var dearMoney = new CustomerValueOptions { AnnualDiscountRate = 0.20, HorizonPeriods = 12 };
            if (c.X == 0)
            {
                return;
            }

            double lowValue = calculator.Calculate(c.BgNbd, null, low, cheapMoney).TotalResidualValue;
            Assert.True(calculator.Calculate(c.BgNbd, null, high, cheapMoney).TotalResidualValue >= lowValue);
            Assert.True(calculator.Calculate(c.BgNbd, null, low, dearMoney).TotalResidualValue <= lowValue);
            double pnLow = calculator.Calculate(c.ParetoNbd, null, low, cheapMoney).TotalClosedFormValue!.Value;
            Assert.True(calculator.Calculate(c.ParetoNbd, null, low, dearMoney).TotalClosedFormValue!.Value <= pnLow);
        }, 100);
    }

    [Fact]
    public void FitsAndValues_ShuffledCustomers_AreIdentical()
    {
        // Customer order never changes a fit or a value: the likelihood sums distinct histories in sorted order.
        CustomerSummary[] customers = [.. Cdnow.Published.Summaries.Take(800)];
        CustomerSummarySet original = CustomerSummarySet.FromSummaries(customers, ValueTimeUnit.Weeks);
        Properties.Check(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            CustomerSummary[] shuffled = [.. customers];
            new Random(seed).Shuffle(shuffled);
            CustomerSummarySet reordered = CustomerSummarySet.FromSummaries(shuffled, ValueTimeUnit.Weeks);
            ModelFit<BgNbdParameters> a = BgNbdModel.Fit(original);
            ModelFit<BgNbdParameters> b = BgNbdModel.Fit(reordered);
            Assert.Equal(a.LogLikelihood, b.LogLikelihood);
            Assert.Equal(a.Parameters.Values, b.Parameters.Values);
            var calculator = new CustomerValueCalculator();
            Assert.Equal(calculator.Calculate(a.Parameters, null, original).TotalResidualValue, calculator.Calculate(b.Parameters, null, reordered).TotalResidualValue);
        }, 5);
    }

    [Fact]
    public void DiscretePareto_LongHorizon_ApproachesTheClosedForm()
    {
        // With weekly steps over 60 years the discrete sum approaches the continuous DERT (the steps pay at their end,
        // so the sum is slightly below).
        var model = new ParetoNbdParameters(0.55, 10.6, 0.61, 11.7);
        CustomerSummarySet one = CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("A"), 3, 30, 38, 10)], ValueTimeUnit.Weeks);
        CustomerValue v = new CustomerValueCalculator().Calculate(model, null, one,
            new CustomerValueOptions { PeriodsPerYear = 52, HorizonPeriods = 52 * 60 }).Customers[0];
        Assert.InRange(v.ResidualValue / v.ClosedFormValue!.Value, 0.97, 1.0);
    }
}
