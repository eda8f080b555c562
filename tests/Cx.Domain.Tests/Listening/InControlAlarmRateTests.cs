using Cx.Domain.Internal;
using Cx.Domain.Listening;
using Xunit.Abstractions;

namespace Cx.Domain.Tests.Listening;

/// <summary>The in-control alarm rate of each spike detector, by simulation, against its nominal level: series with no
/// outbreak, judged period after period; the share of periods flagged must stay within the tolerance stated in
/// docs/concepts/listening.md.</summary>
/// <remarks>The minimum count is switched off (0) so that the detectors' own thresholds are what is measured. Random numbers
/// come from a seeded <see cref="Random"/>, so every run sees the same series.</remarks>
public sealed class InControlAlarmRateTests(ITestOutputHelper output)
{
    private const int Series = 1500;
    private const int Length = 30;

    /// <summary>Measured (this seed): Poisson mean 20, 0.96%; Poisson mean 5, 1.11%; negative binomial mean 20 with
    /// dispersion 2, 2.53% — over-dispersion estimated from 12 periods is uncertain and reweighting discounts the highest
    /// baseline counts, so over-dispersed series alarm more often than nominal. Stated tolerance: 1.5 α for Poisson
    /// counts, 3 α for dispersion 2.</summary>
    [Theory]
    [InlineData(20.0, 1.0, 1.5)]
    [InlineData(5.0, 1.0, 1.5)]
    [InlineData(20.0, 2.0, 3.0)]
    public void Farrington_InControl_AlarmsWithinTheStatedMultipleOfItsNominalRate(double mean, double dispersion, double multiple)
    {
        var options = new SpikeDetectionOptions { MinimumCount = 0 };
        var random = new Random(20_240_601);
        int alarms = 0;
        int judged = 0;
        var series = new long[Length];
        for (int s = 0; s < Series; s++)
        {
            for (int i = 0; i < Length; i++)
            {
                series[i] = Draw(random, mean, dispersion);
            }

            for (int k = options.BaselinePeriods; k < Length; k++)
            {
                judged++;
                alarms += SpikeDetectors.Farrington(series, k, options).Alarm ? 1 : 0;
            }
        }

        double rate = (double)alarms / judged;
        output.WriteLine(FormattableString.Invariant($"Farrington (negative binomial threshold, α = {options.Alpha}), mean {mean}, dispersion {dispersion}: {alarms} alarms in {judged} periods = {rate:P2}"));
        Assert.InRange(rate, 0, multiple * options.Alpha);
    }

    [Fact]
    public void EarsC2_InControl_AlarmsAtTheRateOfItsEstimatedBaseline()
    {
        // With the mean and standard deviation estimated from n = 7 periods, an in-control count exceeds mean + z·sd with
        // probability P(T(n-1) > z √(n/(n+1))) (Student t: (y - ȳ) / (s √(1 + 1/n)) ~ t(n-1)), not the nominal α:
        // for α = 0.001 (z = 3.0902) that is P(T6 > 2.8908) = 0.01379, about 14 times α. Counts ~ Poisson(400), nearly normal.
        var options = new SpikeDetectionOptions { MinimumCount = 0 };
        int n = options.EarsBaselinePeriods;
        double z = NormalDistribution.Quantile(1 - options.EarsAlpha);
        double expected = StudentTDistribution.UpperTail(z * Math.Sqrt(n / (n + 1.0)), n - 1);
        var random = new Random(19_790_101);
        int alarms = 0;
        int judged = 0;
        var series = new long[Length];
        for (int s = 0; s < 3 * Series; s++)
        {
            for (int i = 0; i < Length; i++)
            {
                series[i] = Draw(random, 400, 1);
            }

            for (int k = n + options.EarsLag; k < Length; k++)
            {
                judged++;
                alarms += SpikeDetectors.EarsC2(series, k, options).Alarm ? 1 : 0;
            }
        }

        double rate = (double)alarms / judged;
        double se = Math.Sqrt(expected * (1 - expected) / judged);
        output.WriteLine(FormattableString.Invariant($"EARS C2 (α = {options.EarsAlpha}): {alarms} alarms in {judged} periods = {rate:P3}; expected {expected:P3} ± {se:P3}"));
        Assert.InRange(expected, 0.0137, 0.0139);
        Assert.InRange(rate, expected - (4 * se), expected + (4 * se));
    }

    /// <summary>A Poisson count (dispersion 1) or a negative binomial one (a gamma-mixed Poisson with variance φ × mean).</summary>
    private static long Draw(Random random, double mean, double dispersion)
    {
        double lambda = dispersion > 1 ? Gamma(random, mean / (dispersion - 1)) * (dispersion - 1) : mean;
        if (lambda > 100)
        {
            // Normal approximation of a large Poisson count, rounded.
            return Math.Max(0, (long)Math.Round(lambda + (Math.Sqrt(lambda) * Normal(random))));
        }

        // Knuth's multiplication method.
        double limit = Math.Exp(-lambda);
        long k = 0;
        double p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Marsaglia and Tsang's gamma sampler (shape ≥ 1; boosted below 1), scale 1.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3);
        double c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x = Normal(random);
            double v = 1 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
