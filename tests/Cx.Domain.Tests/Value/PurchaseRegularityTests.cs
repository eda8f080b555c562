using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Value;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Value;

/// <summary>Wheat and Morrison's regularity estimate: by hand, against an independent NumPy computation on CDNOW, on
/// simulated Erlang-k purchasing (the estimator's premise), and its laws.</summary>
public sealed class PurchaseRegularityTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    private static AssetRecord Buy(string customer, int day, decimal amount = 10m) =>
        new(CustomerId.From(customer), Start.PlusDays(day), Money.FromDecimal(amount, Currency.Usd));

    /// <summary>Customers whose last two intervals are the given pairs of days.</summary>
    private static List<AssetRecord> LastTwoIntervals(params (int T1, int T2)[] pairs)
    {
        var records = new List<AssetRecord>();
        for (int i = 0; i < pairs.Length; i++)
        {
            string c = "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            records.Add(Buy(c, 0));
            records.Add(Buy(c, pairs[i].T1));
            records.Add(Buy(c, pairs[i].T1 + pairs[i].T2));
        }

        return records;
    }

    [Fact]
    public void Measure_HandComputedIntervals_GivesTheMomentEstimate()
    {
        // M = t1/(t1 + t2): 5 customers at 1/4 (10, 30 days), 5 at 1/2 (20, 20): Var(M) = (5 * 1/16 + 5 * 0) / 10 = 1/32,
        // k = (1 - 4/32) / (8/32) = 3.5. Nearly equal: the 5 at exactly 1/2.
        var pairs = Enumerable.Repeat((10, 30), 5).Concat(Enumerable.Repeat((20, 20), 5)).ToArray();

        PurchaseRegularity r = PurchaseRegularity.Measure(LastTwoIntervals(pairs), Start.PlusDays(100));

        Assert.Equal(10, r.CustomerCount);
        Assert.Equal(1.0 / 32, r.VarianceOfShare, 15);
        Assert.Equal(3.5, r.Estimate!.Value, 12);
        Assert.Equal(0.5, r.EvenIntervalShare);
        Assert.Equal(20, r.MedianIntervalDays); // every customer's two intervals average 20 days
        Assert.True(r.IsRegular);
        Assert.True(r.IsClockLike);
    }

    [Fact]
    public void Measure_CdnowSample_MatchesAnIndependentNumPyComputation()
    {
        // /usr/bin/python3: per CDNOW sample customer, the purchase days up to 1997-09-30 (same-day amounts summed, days
        // netting >= 0), M = t1/(t1 + t2) of the last two intervals of customers with 3+ days; v = mean((M - 0.5)^2),
        // k = (1 - 4v)/(8v), even = mean(|M - 0.5| <= 1/40) -> 507 customers, v = 0.08072526495187847, k = 1.04846193536205,
        // even = 0.07495069033530571. CDNOW buyers purchase about at random (k near 1), as BG/NBD assumes.
        PurchaseRegularity r = PurchaseRegularity.Measure(Cdnow.Sample, Cdnow.CalibrationEnd);

        Assert.Equal(507, r.CustomerCount);
        Assert.Equal(0.08072526495187847, r.VarianceOfShare, 12);
        Assert.Equal(1.04846193536205, r.Estimate!.Value, 10);
        Assert.Equal(0.07495069033530571, r.EvenIntervalShare, 12);
        Assert.False(r.IsRegular);
        Assert.False(r.IsClockLike);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Measure_SimulatedErlangK_RecoversK(int k)
    {
        // Wheat and Morrison (1990): for Erlang-k intervals M ~ Beta(k, k), Var(M) = 1/(4(2k + 1)), whatever each
        // customer's rate. 4,000 customers with rates spread over two orders of magnitude; intervals in whole days as the
        // data have them (rates low enough that rounding is small). Tolerance: 4 standard errors of the moment estimate.
        var random = new Random(20240101 + k);
        var records = new List<AssetRecord>();
        for (int i = 0; i < 4000; i++)
        {
            double meanInterval = 30 * Math.Exp((random.NextDouble() * 3) - 1); // 11 to 221 days
            int day = 0;
            string c = "C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            records.Add(Buy(c, day));
            for (int n = 0; n < 2; n++)
            {
                double gap = 0;
                for (int j = 0; j < k; j++)
                {
                    gap -= Math.Log(1 - random.NextDouble()) * meanInterval / k;
                }

                day += Math.Max(1, (int)Math.Round(gap));
                records.Add(Buy(c, day));
            }
        }

        PurchaseRegularity r = PurchaseRegularity.Measure(records, Start.PlusDays(100_000));

        double variance = 1.0 / (4 * ((2 * k) + 1));
        Assert.Equal(4000, r.CustomerCount);
        Assert.InRange(r.VarianceOfShare, variance * 0.9, variance * 1.1);
        Assert.InRange(r.Estimate!.Value, k * 0.8, k * 1.25);
        Assert.Equal(k > 3, r.IsRegular); // k = 3 sits on the threshold
        Assert.False(r.IsClockLike);
    }

    [Fact]
    public void Measure_MonthlyBillingWithAFewOneOffPurchases_IsClockLike()
    {
        // A subscription: 60 customers billed on the 1st of every month; 6 of them also bought once mid-month. The moment
        // estimate k falls (the one-off purchases inflate Var(M)), the share of even intervals stays high.
        var records = new List<AssetRecord>();
        for (int i = 0; i < 60; i++)
        {
            var c = CustomerId.From("S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (int month = 0; month < 12; month++)
            {
                records.Add(new AssetRecord(c, new LocalDate(2024, 1, 1).PlusMonths(month), Money.FromDecimal(29m, Currency.Usd)));
            }

            if (i % 10 == 0)
            {
                records.Add(new AssetRecord(c, new LocalDate(2024, 12, 10), Money.FromDecimal(15m, Currency.Usd)));
            }
        }

        PurchaseRegularity r = PurchaseRegularity.Measure(records, new LocalDate(2024, 12, 31));

        Assert.Equal(60, r.CustomerCount);
        Assert.Equal(54.0 / 60, r.EvenIntervalShare, 12); // Oct-Nov 31 days, Nov-Dec 30: even; the 6 one-off buyers are not
        Assert.True(r.IsClockLike);
        Assert.True(r.IsRegular);
        Assert.Equal(30.5, r.MedianIntervalDays); // (31 + 30) / 2 for 54 customers, (30 + 9) / 2 for 6
    }

    [Fact]
    public void Measure_SameDayRecordsRefundDaysAndLaterDays_FollowTheSummaries()
    {
        // Customer A: days 0, 10, 10 (two records, one purchase), 20 (a net refund: not a purchase), 40, and 200 after
        // the calibration end: purchase days 0, 10, 40, M = 10/40. Customer B: days 0 and 30 only: not measured.
        List<AssetRecord> records =
        [
            Buy("A", 0), Buy("A", 10), Buy("A", 10, 5m), Buy("A", 20, -8m), Buy("A", 40), Buy("A", 200), Buy("B", 0), Buy("B", 30),
        ];

        PurchaseRegularity r = PurchaseRegularity.Measure(records, Start.PlusDays(100));

        Assert.Equal(1, r.CustomerCount);
        Assert.Equal(0.0625, r.VarianceOfShare, 15); // (1/4 - 1/2)^2
        Assert.Null(r.Estimate); // fewer than 10 customers
        Assert.False(r.IsRegular);
        Assert.Contains("not estimated", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_NoCustomerWithThreePurchaseDays_HasNoEstimate()
    {
        PurchaseRegularity r = PurchaseRegularity.Measure([Buy("A", 0), Buy("A", 5)], Start.PlusDays(10));

        Assert.Equal(0, r.CustomerCount);
        Assert.True(double.IsNaN(r.VarianceOfShare));
        Assert.True(double.IsNaN(r.EvenIntervalShare));
        Assert.True(double.IsNaN(r.MedianIntervalDays));
        Assert.Null(r.Estimate);
        Assert.False(r.IsClockLike);
    }

    [Fact]
    public void Measure_AnyOrderOfTheRecords_GivesTheSameBits()
    {
        List<AssetRecord> records = [.. Cdnow.Sample.Take(3000)];
        PurchaseRegularity expected = PurchaseRegularity.Measure(records, Cdnow.CalibrationEnd);
        Properties.Check(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            AssetRecord[] shuffled = [.. records];
            new Random(seed).Shuffle(shuffled);
            PurchaseRegularity actual = PurchaseRegularity.Measure(shuffled, Cdnow.CalibrationEnd);
            Assert.Equal(expected.CustomerCount, actual.CustomerCount);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.VarianceOfShare), BitConverter.DoubleToInt64Bits(actual.VarianceOfShare));
            Assert.Equal(expected.EvenIntervalShare, actual.EvenIntervalShare);
        }, 20);
    }

    [Fact]
    public void Measure_Always_EstimateIsTheMomentFormulaAndShareIsAFraction()
    {
        Arbitrary<(int T1, int T2)[]> pairs = Gen.Choose(1, 400).Two().Select(t => (t.Item1, t.Item2)).ArrayOf().Where(a => a.Length > 0).ToArbitrary();
        Properties.Check(pairs, p =>
        {
            PurchaseRegularity r = PurchaseRegularity.Measure(LastTwoIntervals(p), Start.PlusDays(1000));
            Assert.Equal(p.Length, r.CustomerCount);
            Assert.InRange(r.VarianceOfShare, 0, 0.25);
            Assert.InRange(r.EvenIntervalShare, 0, 1);
            if (r.Estimate is { } k && double.IsFinite(k))
            {
                Assert.Equal((1 - (4 * r.VarianceOfShare)) / (8 * r.VarianceOfShare), k, 9);
            }

            Assert.Equal(p.Length >= PurchaseRegularity.MinimumCustomers, r.Estimate is not null);
        });
    }

    [Fact]
    public void Measure_NullRecords_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PurchaseRegularity.Measure(null!, Start));
    }
}
