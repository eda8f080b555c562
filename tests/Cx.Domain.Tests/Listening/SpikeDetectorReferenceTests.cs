using Cx.Domain.Listening;

namespace Cx.Domain.Tests.Listening;

/// <summary>The spike detectors against R's <c>surveillance</c> 1.20.3 on four series: a steady one with a spike (a), a
/// trending, over-dispersed one (b), one with an outbreak in its baseline that reweighting must discount (c), and one that
/// is zero for a year (d).</summary>
/// <remarks>
/// Reference values from R (Debian r-cran-surveillance 1.20.3), for each series <c>y</c>:
/// <code>
/// s &lt;- sts(observed = y, frequency = 1)
/// farringtonFlexible(s, control = list(b = 12, w = 0, range = 13:length(y), alpha = 0.01,
///   thresholdMethod = "nbPlugin" (or "delta"), weightsThreshold = 2.58, pastWeeksNotIncluded = 0,
///   limit54 = c(5, 4), trend = TRUE, pThresholdTrend = 0.05))   # upperbound, control$expected, $pvalue, $phiVector, $trend, alarms
/// earsC(s, control = list(method = "C2", baseline = 7, alpha = 0.001, minSigma = 0))   # upperbound, alarms
/// </code>
/// Periods are zero-based here (R's k - 1). R leaves the threshold NA when the last four periods hold fewer than five
/// counts; this library still reports it (and flags nothing). R's iterative fit stops at a relative deviance change of 1e-8,
/// so its fitted means differ from the exact maximum-likelihood ones by up to about 1e-9 relative; the tolerances allow that.
/// </remarks>
public sealed class SpikeDetectorReferenceTests
{
    private static readonly Dictionary<string, long[]> Series = new()
    {
        ["a"] = [5, 7, 4, 6, 8, 5, 6, 9, 7, 6, 5, 8, 30],
        ["b"] = [10, 12, 9, 15, 14, 18, 17, 21, 19, 24, 23, 27, 26, 30, 29, 45, 33, 36, 60, 38],
        ["c"] = [3, 2, 40, 4, 3, 5, 2, 4, 3, 6, 4, 5, 9, 2, 1, 0, 12, 3],
        ["d"] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4],
    };

    private static void Near(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), 1e-12),
            FormattableString.Invariant($"{what}: expected {expected:R}, got {actual:R}"));

    [Theory]
    [InlineData("a", FarringtonThreshold.NegativeBinomialQuantile, 12, 14.0, 7.24063595250943, 2.18469682517192e-10, 1.0, true, true)]
    [InlineData("a", FarringtonThreshold.TwoThirdsPower, 12, 14.4192299601661, 7.24063595250943, 1.4427326925455e-10, 1.0, true, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 12, 33.0, 17.4166666666711, 0.0859568498468408, 1.85254591316795, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 13, 34.0, 18.7500000000017, 0.0391130759629863, 1.70787950327007, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 14, 36.0, 20.2500000000017, 0.0943626112235477, 1.82379424788955, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 15, 36.0, 21.9166666666667, 0.000176755701949392, 1.33944013070976, false, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 16, 56.0, 40.5034750223457, 0.898949505484424, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 17, 56.0, 40.5547207655422, 0.783570452870043, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 18, 58.0, 42.1004244648938, 0.0054303583543073, 1.0, true, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, 19, 70.0, 52.5085247930842, 0.984596932661967, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 12, 32.2212169866207, 17.4166666666711, 0.0800279636952387, 1.85254591316795, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 13, 33.3873980176389, 18.7500000000017, 0.0340123861835147, 1.70787950327007, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 14, 35.9583626352776, 20.2500000000017, 0.0886117530023217, 1.82379424788955, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 15, 35.6895728674995, 21.9166666666667, 9.68131145894579e-05, 1.33944013070976, false, true)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 16, 56.2291141026813, 40.5034750223457, 0.887809355424829, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 17, 56.2967220958812, 40.5547207655422, 0.76630647303253, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 18, 58.1277279443432, 42.1004244648938, 0.00489534596670802, 1.0, true, true)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, 19, 70.3524404094231, 52.5085247930842, 0.981917880351404, 1.0, true, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 12, 30.0, 3.12149451217179, 0.115107443081224, 12.6186094437787, true, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 13, 28.0, 3.23205021133668, 0.410518716701539, 10.6064363938007, true, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 14, 17.0, 1.81072802619839, 0.436195357331138, 7.26702249861145, true, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 15, 10.0, 4.00000000118035, 1.0, 1.1363912424404, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 16, 11.0, 3.66666666666667, 0.00636375703356423, 1.60330581783222, false, true)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, 17, 15.0, 4.4166666666667, 0.665566754805952, 2.61235024181447, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 12, 26.4980367100428, 3.12149451217179, 0.225177478876787, 12.6186094437787, true, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 13, 24.3825097128756, 3.23205021133668, 0.588542072891566, 10.6064363938007, true, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 14, 15.2963699678192, 1.81072802619839, 0.595442114184099, 7.26702249861145, true, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 15, 9.94461251448531, 4.00000000118035, 0.99732651904213, 1.1363912424404, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 16, 10.6610879194861, 3.66666666666667, 0.00345310588363206, 1.60330581783222, false, true)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, 17, 14.4510398889211, 4.4166666666667, 0.669733543569384, 2.61235024181447, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, 12, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, 13, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, 14, double.NaN, double.NaN, 1.8010654628316e-34, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, 15, 4.0, 0.250000000351988, 0.015571168370678, 3.00015919252749, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, 12, double.NaN, double.NaN, 0.500001885694768, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, 13, double.NaN, double.NaN, 0.500001885694768, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, 14, double.NaN, double.NaN, 0.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, 15, 4.83360683989766, 0.250000000351988, 0.0224241252185595, 3.00015919252749, false, false)]
    public void Farrington_MatchesSurveillanceFarringtonFlexible(string name, FarringtonThreshold method, int k, double upper, double expected, double pValue, double phi, bool trend, bool alarm)
    {
        var options = new SpikeDetectionOptions { Threshold = method };

        SpikeDetectors.Outcome outcome = SpikeDetectors.Farrington(Series[name], k, options);

        Assert.Equal(SpikeDetector.Farrington, outcome.Detector);
        Assert.Equal(alarm, outcome.Alarm);
        Assert.Equal(trend, outcome.Trend);
        if (double.IsNaN(expected))
        {
            // A baseline of zeros: R's fit creeps toward zero; the exact limit is an expectation of zero.
            Assert.Equal(0, outcome.Expected);
            Assert.Equal(0, outcome.Threshold);
            Assert.True(pValue < 1e-30 || outcome.Observed == 0, "a count above a zero baseline has no chance under it");
            return;
        }

        Near(expected, outcome.Expected, 1e-7, "expected");
        Near(phi, outcome.Dispersion, 1e-6, "dispersion");
        Near(pValue, outcome.Probability, 1e-5, "p-value");
        if (!double.IsNaN(upper))
        {
            Near(upper, outcome.Threshold, 1e-7, "threshold");
        }
    }

    [Theory]
    [InlineData("a", 9, 10.0140782944639, false)]
    [InlineData("a", 10, 11.7383611911441, false)]
    [InlineData("a", 11, 11.7383611911441, false)]
    [InlineData("a", 12, 10.9792114839927, true)]
    [InlineData("b", 9, 24.105018183179, false)]
    [InlineData("b", 10, 27.4299891155846, false)]
    [InlineData("b", 11, 28.299766024087, false)]
    [InlineData("b", 12, 28.9480287099818, false)]
    [InlineData("b", 13, 30.2601395166262, false)]
    [InlineData("b", 14, 32.3868171402971, false)]
    [InlineData("b", 15, 33.6923364719416, true)]
    [InlineData("b", 16, 35.8089091679555, false)]
    [InlineData("b", 17, 37.1085516793395, false)]
    [InlineData("b", 18, 52.0903773404986, true)]
    [InlineData("b", 19, 52.5589749446263, false)]
    [InlineData("c", 9, 51.5760478656784, false)]
    [InlineData("c", 10, 51.5340731600387, false)]
    [InlineData("c", 11, 51.4487567984063, false)]
    [InlineData("c", 12, 8.01407829446389, true)]
    [InlineData("c", 13, 8.01407829446389, false)]
    [InlineData("c", 14, 8.29979258017817, false)]
    [InlineData("c", 15, 11.7868649827036, false)]
    [InlineData("c", 16, 11.7868649827036, true)]
    [InlineData("c", 17, 12.5995851603563, false)]
    [InlineData("d", 9, 0.0, false)]
    [InlineData("d", 10, 0.0, false)]
    [InlineData("d", 11, 0.0, false)]
    [InlineData("d", 12, 0.0, false)]
    [InlineData("d", 13, 0.0, false)]
    [InlineData("d", 14, 0.0, true)]
    [InlineData("d", 15, 0.0, true)]
    public void EarsC2_MatchesSurveillanceEarsC(string name, int k, double upper, bool rAlarm)
    {
        var options = new SpikeDetectionOptions();

        SpikeDetectors.Outcome outcome = SpikeDetectors.EarsC2(Series[name], k, options);

        Near(upper, outcome.Threshold, 1e-12, "threshold");

        // R has no minimum count; this library flags only with at least 5 counts in the last 4 periods.
        Assert.Equal(rAlarm && outcome.EnoughCases, outcome.Alarm);
        Assert.Equal(outcome.Observed > upper, rAlarm);
    }
}
