using System.Globalization;
using Cx.Domain.Primitives;
using Cx.Domain.Value;

namespace Cx.Domain.Tests.Value;

/// <summary>The bulk and columnar scorers give the scalar methods' numbers bit for bit, on one thread and on all cores, and
/// the value calculator's (x, T) cache changes nothing.</summary>
public sealed class ColumnarScoringTests
{
    private static readonly PurchaseModel[] Models = [new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new ParetoNbdParameters(0.553, 10.578, 0.606, 11.669)];

    /// <summary>Customers on a day grid (shared (x, T) pairs, as real data), above the parallel threshold.</summary>
    private static CustomerSummary[] Customers(int count)
    {
        var random = new Random(20261130);
        var list = new CustomerSummary[count];
        for (int i = 0; i < count; i++)
        {
            double age = random.Next(1, 274) / 7.0;
            int x = random.Next(0, 4) == 0 ? 0 : random.Next(1, 40);
            double recency = x == 0 ? 0 : Math.Floor(random.NextDouble() * age * 7) / 7;
            list[i] = new CustomerSummary(CustomerId.From("c" + i.ToString(CultureInfo.InvariantCulture)), x, recency, age, x == 0 ? 0 : 5 + (i % 70));
        }

        return list;
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(70_000)]
    public void BulkScoring_EqualsScalarCalls(int count)
    {
        CustomerSummary[] customers = Customers(count);
        int[] x = [.. customers.Select(c => c.Frequency)];
        double[] tx = [.. customers.Select(c => c.Recency)];
        double[] t = [.. customers.Select(c => c.Age)];
        foreach (PurchaseModel model in Models)
        {
            double[] alive = new double[count];
            double[] aliveColumns = new double[count];
            double[] expected = new double[count];
            double[] expectedColumns = new double[count];
            model.ProbabilityAlive(customers, alive);
            model.ProbabilityAlive(x, tx, t, aliveColumns);
            model.ExpectedPurchases(customers, 39, expected);
            model.ExpectedPurchases(x, tx, t, 39, expectedColumns);
            for (int i = 0; i < count; i++)
            {
                CustomerSummary c = customers[i];
                Assert.Equal(model.ProbabilityAlive(c.Frequency, c.Recency, c.Age), alive[i]);
                Assert.Equal(alive[i], aliveColumns[i]);
                Assert.Equal(model.ExpectedPurchases(c.Frequency, c.Recency, c.Age, 39), expected[i]);
                Assert.Equal(expected[i], expectedColumns[i]);
            }
        }
    }

    [Fact]
    public void ColumnarScoring_ColumnsOfDifferentLengths_AreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Models[0].ProbabilityAlive(new int[3], new double[2], new double[3], new double[3]));
        Assert.Contains("one length", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Models[0].ExpectedPurchases(new int[3], new double[3], new double[3], 1, new double[2]));
    }

    [Fact]
    public void Calculate_CachedValueIfAlive_EqualsTheDiscountedSumPerCustomer()
    {
        CustomerSummary[] customers = Customers(5_000);
        CustomerSummarySet set = CustomerSummarySet.FromSummaries(customers, ValueTimeUnit.Weeks);
        var options = new CustomerValueOptions();
        double step = 365.25 / 7 / options.PeriodsPerYear;
        double perStep = Math.Pow(1 + options.AnnualDiscountRate, 1.0 / options.PeriodsPerYear) - 1;
        foreach (PurchaseModel model in Models)
        {
            CustomerValueReport report = new CustomerValueCalculator().Calculate(model, null, set, options);
            foreach (CustomerValue v in report.Customers.Take(500))
            {
                double previous = 0, discounted = 0;
                for (int k = 1; k <= options.HorizonPeriods; k++)
                {
                    double cumulative = model.ExpectedPurchasesIfAlive(v.Frequency, v.Recency, v.Age, k * step);
                    discounted += (cumulative - previous) * Math.Pow(1 + perStep, -k);
                    previous = cumulative;
                }

                Assert.Equal(options.Margin * v.ExpectedSpend * discounted, v.ResidualValueIfAlive);
                Assert.Equal(previous * v.ProbabilityAlive, v.ExpectedPurchases);
            }
        }
    }
}
