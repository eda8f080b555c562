using Cx.Domain.Internal;
using Cx.Domain.Reliability;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The run lengths of the new detectors as they run (not only their designs), by simulation with fixed seeds, against
/// the exactly computed values, and worked examples of the value drift.</summary>
public sealed class DetectorRunLengthTests
{
    private static StandardSeries Series(double[] values, ReliabilityStandard standard, long spacing)
    {
        long[] ticks = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            ticks[i] = Jan1.ToUnixTimeTicks() + (i * spacing);
        }

        int[] prefix = new int[values.Length + 1];
        StandardSeries.Prepare(ticks, values, prefix, 0, values.Length, 0, standard);
        return new StandardSeries(ticks, values, prefix, 0, values.Length, 0);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The value-drift chart on one-value subgroups of normal data at the tolerated shift signals after the target
    /// run length on average: 2,000 runs (seed fixed) of a chart designed for 200 subgroups (h from Page's integral equation,
    /// 3.502 for k 0.5, as <c>Rscript -e 'library(spc); xcusum.crit(0.5, 200, 0, sided="one")'</c> gives), within 5% (the
    /// standard error of the mean is about 2.2%; runs are cut at 2,000 values, ten times the target).</summary>
    [Fact]
    public void ValueDrift_NormalSubgroupsAtTheToleratedShift_SignalAfterTheTargetRunLength()
    {
        ValueDriftDetector drift = ValueDriftDetector.Create(ValueDriftSubgroup.Events, 1, targetInControlSubgroups: 200, toleratedShiftShare: 0);
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), baseline: DriftBaseline.FromMeanAndSigma(0, 1));
        var random = new Random(20261124);
        const int runs = 2_000;
        const int length = 2_000;
        long total = 0;
        for (int r = 0; r < runs; r++)
        {
            double[] values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = Normal(random);
            }

            StandardSeries series = Series(values, standard, NodaConstants.TicksPerMinute);
            List<FiringInterval> spans = ValueDriftRun.Run(series, standard, drift, long.MaxValue - 1, out _, out _);
            total += spans.Count == 0 ? length : ((spans[0].Start - Jan1.ToUnixTimeTicks()) / NodaConstants.TicksPerMinute) + 1;
        }

        Assert.Equal(3.502037094, drift.DecisionInterval, 6);
        Assert.Equal(200, NormalCusumArl.Arl(0.5, drift.DecisionInterval, 0), 1e-6);
        Assert.InRange(total / (double)runs, 200 * 0.95, 200 * 1.05);
    }

    /// <summary>The Bernoulli CUSUM as it runs on a standard's stream signals after the design's exact ANSS: events every
    /// minute for a one-day rolling window (1,440 events a window, so the chart is designed for an in-control ANSS of
    /// 2 x 1,440 rounded up to 2^(92/8) = 2,896 events); after its first quarter window of waiting, 1,000 runs at the design
    /// share 20% (p0 5%) signal after ANSS(p1) events on average, within 5%.</summary>
    [Fact]
    public void BernoulliCusum_AtTheDesignShare_SignalsAfterTheExactAnss()
    {
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(1)));
        BernoulliCusumDetector detector = BernoulliCusumDetector.Create();
        BernoulliCusumDesign design = detector.DesignFor(standard, 1440);
        double target = Math.Pow(2, 92 / 8.0);
        Assert.True(design.InControlAnss >= target && BernoulliCusumDesign.Anss(0.05, design.ScaledReferenceValue, design.Scale, design.ScaledDecisionInterval - 1) < target, design.ToString());
        double expected = design.AverageEventsToSignal(0.2);
        var random = new Random(20261125);
        const int runs = 1_000;
        const int warmUp = 360;
        long total = 0;
        for (int r = 0; r < runs; r++)
        {
            // A full first window keeps the traffic estimate at 1,440 from the first quarter on.
            double[] values = new double[warmUp + 1440];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = i < warmUp ? 24 : random.NextDouble() < 0.2 ? 72 : 24;
            }

            List<FiringInterval> spans = BernoulliCusumRun.Run(Series(values, standard, NodaConstants.TicksPerMinute), standard, detector, long.MaxValue - 1, out BernoulliCusumDesign? used);
            Assert.Equal(design, used);
            total += ((spans[0].Start - Jan1.ToUnixTimeTicks()) / NodaConstants.TicksPerMinute) + 1 - warmUp;
        }

        Assert.InRange(total / (double)runs, expected * 0.95, expected * 1.05);
    }

    /// <summary>A worked example of the value drift with a given baseline (docs/concepts/reliability.md): 20 ± 6 hours
    /// against "at most 48 h for 95%". The breaching shift is δ* = 48 - (20 + 1.6449 x 6) = 18.13 h, the tolerated shift 10%
    /// of it, 1.813 h. Days of four test drives at 26 h give z = (26 - 20 - 1.813) / (6 / 2) = 1.396 and the chart grows by
    /// z - k = 0.896 a day; with h = 8.97 (ARL 50,000 days: R, spc::xcusum.crit(0.5, 50000, 0, sided = "one") = 8.9688) it fires after the
    /// 11th day, at 11 x 0.896 = 9.85.</summary>
    [Fact]
    public void ValueDrift_WorkedExample_FiresAfterTheEleventhDayOfDrift()
    {
        ReliabilityStandard standard = TestDrive(baseline: DriftBaseline.FromMeanAndSigma(20, 6));
        ValueDriftDetector drift = ValueDriftDetector.Create();
        double[] values = Enumerable.Repeat(26.0, 4 * 20).ToArray();

        StandardSeries series = Series(values, standard, NodaConstants.TicksPerHour * 6);
        List<FiringInterval> spans = ValueDriftRun.Run(series, standard, drift, long.MaxValue - 1, out RobustBaseline? baseline, out string? why);

        Assert.Null(why);
        Assert.Equal(1.813, baseline!.Tolerance, 3);
        double h = drift.DecisionInterval;
        Assert.Equal(8.97, h, 2);
        int days = (int)Math.Floor(h / 0.896) + 1;
        Assert.Equal(11, days);
        FiringInterval first = Assert.Single(spans);
        Assert.Equal(Jan1 + Duration.FromDays(days), Instant.FromUnixTimeTicks(first.Start));
        Assert.StartsWith("value drift: CUSUM 9.85 above h 8.97 after the mean 26 h of 4 events on 2026-01-11 against the baseline median 20 h (+1.4 subgroup sigmas beyond the tolerated shift)", first.Description, StringComparison.Ordinal);
    }
}
