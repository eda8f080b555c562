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
///   thresholdMethod = "nbPlugin" (or "delta"), reweight = FALSE, trend = TRUE (or reweight = TRUE, trend = FALSE),
///   weightsThreshold = 2.58, pastWeeksNotIncluded = 0, limit54 = c(5, 4), pThresholdTrend = 0.05))
///   # upperbound, control$expected, $pvalue, $phiVector, $trend, alarms
/// earsC(s, control = list(method = "C2", baseline = 7, alpha = 0.001, minSigma = 0))   # upperbound, alarms
/// </code>
/// Periods are zero-based here (R's k - 1). R leaves the threshold NA when the last four periods hold fewer than five
/// counts; this library still reports it (and flags nothing). R's iterative fit stops at a relative deviance change of 1e-8
/// and computes the dispersion with the previous iteration's weights, so its means and dispersions differ from the exact
/// maximum-likelihood ones by up to about 1e-9 and 1e-4 relative; the tolerances allow that. Reweighting together with a
/// trend is not compared with farringtonFlexible, whose trend test then uses a mis-scaled dispersion (see
/// <see cref="Farrington_TrendTest_UsesThePearsonDispersionOfTheFit"/>).
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
    [InlineData("a", FarringtonThreshold.NegativeBinomialQuantile, false, true, 12, 13.0, 6.33333333333334, 9.40081720241395e-12, 1.0, false, true)]
    [InlineData("a", FarringtonThreshold.TwoThirdsPower, false, true, 12, 13.1228660638402, 6.33333333333334, 6.30529424676977e-12, 1.0, false, true)]
    [InlineData("a", FarringtonThreshold.NegativeBinomialQuantile, true, false, 12, 13.0, 6.33333333333334, 9.40081720241395e-12, 1.0, false, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 12, 33.0, 17.4166666666711, 0.0859568498468408, 1.85254591316795, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 13, 34.0, 18.7500000000017, 0.0391130759629863, 1.70787950327007, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 14, 36.0, 20.2500000000017, 0.0943626112235477, 1.82379424788955, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 15, 36.0, 21.9166666666667, 0.000176755701949392, 1.33944013070976, false, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 16, 56.0, 40.5034750223457, 0.898949505484424, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 17, 56.0, 40.5547207655422, 0.783570452870043, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 18, 58.0, 42.1004244648938, 0.0054303583543073, 1.0, true, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, false, true, 19, 70.0, 52.5085247930842, 0.984596932661967, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 12, 32.8468491443828, 17.4166666666711, 0.0880288237887405, 1.85254591316795, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 13, 34.0054116527731, 18.7500000000017, 0.0394466369843439, 1.70787950327007, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 14, 36.6242660431764, 20.2500000000017, 0.0969579733933419, 1.82379424788955, false, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 15, 36.268474805834, 21.9166666666667, 0.000166759064223765, 1.33944013070976, false, true)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 16, 57.63795754896, 40.5034750223457, 0.868665897677714, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 17, 58.0197422619535, 40.5547207655422, 0.744941134899672, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 18, 60.0083320114624, 42.1004244648938, 0.0100273052122403, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.TwoThirdsPower, false, true, 19, 74.2326439303045, 52.5085247930842, 0.958869152205402, 1.0, true, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 12, 33.0, 17.4166666666711, 0.0859568498468408, 1.85254591316795, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 13, 34.0, 18.7500000000017, 0.0391130759629863, 1.70787950327007, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 14, 36.0, 20.2500000000017, 0.0943626112235477, 1.82379424788955, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 15, 36.0, 21.9166666666667, 0.000176755701949392, 1.33944013070976, false, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 16, 47.0, 24.4166666666709, 0.158113962973587, 2.72882568967357, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 17, 47.0, 26.0000000000009, 0.115894548140921, 2.33566494122779, false, false)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 18, 48.0, 27.5000000000005, 0.000435666083271775, 2.23801696738941, false, true)]
    [InlineData("b", FarringtonThreshold.NegativeBinomialQuantile, true, false, 19, 63.0, 31.0833333333561, 0.263390185792734, 4.2961299807643, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 12, 50.0, 6.75000000816443, 0.256324730081811, 16.462089083343, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 13, 49.0, 7.25000000225734, 0.632280644209539, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 14, 49.0, 7.25000000225735, 0.751159355296527, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 15, 10.0, 4.00000000118035, 1.0, 1.1363912424404, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 16, 11.0, 3.66666666666667, 0.00636375703356423, 1.60330581783222, false, true)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, false, true, 17, 15.0, 4.4166666666667, 0.665566754805952, 2.61235024181447, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 12, 44.5946546494182, 6.75000000816443, 0.422657972292595, 16.462089083343, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 13, 44.1643496858029, 7.25000000225734, 0.717010558628011, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 14, 44.1643496858029, 7.25000000225735, 0.767360697792666, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 15, 10.1500414203286, 4.00000000118035, 0.996572558349407, 1.1363912424404, false, false)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 16, 10.8997296957691, 3.66666666666667, 0.00433647137037477, 1.60330581783222, false, true)]
    [InlineData("c", FarringtonThreshold.TwoThirdsPower, false, true, 17, 14.8214674138036, 4.4166666666667, 0.664913342299644, 2.61235024181447, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 12, 50.0, 6.75000000816443, 0.256324730081811, 16.462089083343, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 13, 49.0, 7.25000000225734, 0.632280644209539, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 14, 49.0, 7.25000000225735, 0.751159355296527, 15.1759272805524, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 15, 10.0, 4.00000000118035, 1.0, 1.1363912424404, false, false)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 16, 11.0, 3.66666666666667, 0.00636375703356423, 1.60330581783222, false, true)]
    [InlineData("c", FarringtonThreshold.NegativeBinomialQuantile, true, false, 17, 15.0, 4.4166666666667, 0.665566754805952, 2.61235024181447, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, false, true, 12, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, false, true, 13, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, false, true, 14, double.NaN, double.NaN, 1.8010654628316e-34, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, false, true, 15, 4.0, 0.250000000351988, 0.015571168370678, 3.00015919252749, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, false, true, 12, double.NaN, double.NaN, 0.500001916967646, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, false, true, 13, double.NaN, double.NaN, 0.500001916967646, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, false, true, 14, double.NaN, double.NaN, 0.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.TwoThirdsPower, false, true, 15, 4.23120395632021, 0.250000000351988, 0.0130233301648103, 3.00015919252749, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, true, false, 12, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, true, false, 13, double.NaN, double.NaN, 1.0, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, true, false, 14, double.NaN, double.NaN, 1.8010654628316e-34, 1.0, false, false)]
    [InlineData("d", FarringtonThreshold.NegativeBinomialQuantile, true, false, 15, 4.0, 0.250000000351988, 0.015571168370678, 3.00015919252749, false, false)]
    public void Farrington_MatchesSurveillanceFarringtonFlexible(string name, FarringtonThreshold method, bool reweight, bool fitTrend, int k, double upper, double expected, double pValue, double phi, bool trend, bool alarm)
    {
        var options = new SpikeDetectionOptions { Threshold = method, Reweight = reweight, FitTrend = fitTrend };

        SpikeDetectors.Outcome outcome = SpikeDetectors.Farrington(Series[name], k, options);

        Assert.Equal(SpikeDetector.Farrington, outcome.Detector);
        Assert.Equal(alarm, outcome.Alarm);
        Assert.Equal(trend, outcome.Trend);
        if (double.IsNaN(expected))
        {
            // A baseline of zeros: R's fit creeps toward zero; the exact limit is an expectation of zero.
            Assert.Equal(0, outcome.Expected);
            Assert.Equal(0, outcome.Threshold);
            Assert.Equal(outcome.Observed > 0 ? 0 : 1, outcome.Probability);
            return;
        }

        Near(expected, outcome.Expected, 1e-7, "expected");
        Near(phi, outcome.Dispersion, 1e-4, "dispersion");
        Near(pValue, outcome.Probability, 2e-3, "p-value");
        if (!double.IsNaN(upper))
        {
            Near(upper, outcome.Threshold, 1e-4, "threshold");
        }
    }

    [Fact]
    public void Farrington_TrendTest_UsesThePearsonDispersionOfTheFit()
    {
        // R: summary(glm(y ~ w, family = quasipoisson)) with y = series a's first 12 counts, w = 1:12 gives the slope's
        // p-value 0.3115360653982532: no significant trend. (farringtonFlexible with reweight = TRUE reports a trend here:
        // it replaces the fit's working weights by the prior weights before summary.glm, which shrinks the dispersion used
        // by the t test by about the mean count; this library keeps the fit's own dispersion.)
        var options = new SpikeDetectionOptions();

        SpikeDetectors.Outcome outcome = SpikeDetectors.Farrington(Series["a"], 12, options);

        Assert.False(outcome.Trend);
        Near(6.333333333333333, outcome.Expected, 1e-12, "expected: the mean of the baseline");

        // The worked example of docs/concepts/listening.md: Pearson dispersion 0.354 < 1, so Poisson(6.333);
        // scipy.stats.poisson.ppf(0.99, 76/12) = 13 and poisson.sf(29, 76/12) = 9.40081720241384e-12.
        Assert.Equal(1, outcome.Dispersion);
        Assert.Equal(13, outcome.Threshold);
        Near(9.40081720241384e-12, outcome.Probability, 1e-9, "p-value");
        Assert.True(outcome.Alarm);
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
