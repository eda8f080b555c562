using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Tests.Listening;

/// <summary>The survey intervals and tests against SciPy 1.10 (<c>/usr/bin/python3</c>) and, for the NPS, the formula of
/// Rocks (2016) computed by hand.</summary>
public sealed class SurveyStatisticsTests
{
    private const double Z95 = 1.959963984540054;

    private static readonly GridPeriod March = PeriodGrid.Monthly(new YearMonth(2025, 3), new YearMonth(2025, 4))[0];
    private static readonly GridPeriod April = PeriodGrid.Monthly(new YearMonth(2025, 3), new YearMonth(2025, 4))[1];

    private static void Near(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, FormattableString.Invariant($"expected {expected:R}, got {actual:R}"));

    [Fact]
    public void Nps_AdjustedWald_MatchesTheFormulaOfRocks2016()
    {
        // The published paper's example numbers could not be retrieved here, so this is the formula worked by hand:
        // 40 promoters, 35 passives, 25 detractors (n = 100): NPS = 40 - 25 = 15.
        // p' = 40.75 / 103 = 0.395631..., d' = 25.75 / 103 = 0.25, NPS' = 0.145631...,
        // Var = (0.645631... - 0.145631...²) / 103 = 0.00606236..., SE = 0.0778611..., 95%: 14.5631 ± 1.96 × 7.78611.
        // Checked with /usr/bin/python3 (numpy, scipy.stats.norm.ppf(0.975)): [-0.6973947134123193, 29.823608305645326].
        SurveyInterval nps = SurveyStatistics.Nps(40, 25, 100, Z95);

        Assert.Equal(15, nps.Estimate);
        Near(14.563106796116504, nps.Center);
        Near(7.7861132295806, nps.StandardError);
        Near(-0.6973947134123193, nps.Lower);
        Near(29.823608305645326, nps.Upper);
    }

    [Fact]
    public void Nps_OfOnePromoter_HasItsIntervalBelowTheRawScore()
    {
        // The adjusted-Wald interval shrinks small samples toward 0: one promoter scores 100, yet
        // p' = 1.75 / 4, d' = 0.75 / 4, NPS' = 0.25, SE = 0.375 → upper = 25 + 1.96 × 37.5 = 98.5 (documented on NpsMetric).
        SurveyInterval nps = SurveyStatistics.Nps(1, 0, 1, Z95);

        Assert.Equal(100, nps.Estimate);
        Near(25 + (Z95 * 37.5), nps.Upper);
        Assert.True(nps.Upper < nps.Estimate);
    }

    [Fact]
    public void Csat_Wilson_MatchesScipyBinomtest()
    {
        // scipy.stats.binomtest(72, 90).proportion_ci(0.95, method='wilson') → (0.7058626364885745, 0.8695759881728293)
        SurveyInterval csat = SurveyStatistics.Wilson(72, 90, Z95);

        Near(80, csat.Estimate);
        Near(70.58626364885745, csat.Lower, 1e-9);
        Near(86.95759881728293, csat.Upper, 1e-9);
        Near(100 * Math.Sqrt(0.8 * 0.2 / 90), csat.StandardError);
    }

    [Fact]
    public void Csat_WilsonWithNoneSatisfied_StartsAtZero()
    {
        // scipy.stats.binomtest(0, 12).proportion_ci(0.95, method='wilson') → (0.0, 0.24249400665524085)
        SurveyInterval csat = SurveyStatistics.Wilson(0, 12, Z95);

        Assert.Equal(0, csat.Lower);
        Near(24.249400665524085, csat.Upper, 1e-9);
    }

    [Fact]
    public void Ces_MeanAndTInterval_MatchScipyTtest1samp()
    {
        // Scores 1..7 with counts 2, 3, 5, 10, 20, 25, 15 (n = 80):
        // numpy mean 5.225, std(ddof=1) 1.4667194083343993; scipy.stats.ttest_1samp(x, 4).confidence_interval(0.95)
        // → (4.898597584723366, 5.551402415276633)
        (SurveyInterval mean, double sd) = SurveyStatistics.Mean([2, 3, 5, 10, 20, 25, 15], 1, 0.95);

        Near(5.225, mean.Estimate, 1e-12);
        Near(1.4667194083343993, sd, 1e-12);
        Near(4.898597584723366, mean.Lower, 1e-9);
        Near(5.551402415276633, mean.Upper, 1e-9);
    }

    [Fact]
    public void CesChange_Welch_MatchesScipyTtestInd()
    {
        // Before: the 80 scores above; after: counts 6, 8, 10, 14, 15, 12, 5 (n = 70, mean 4.142857...).
        // scipy.stats.ttest_ind(after, before, equal_var=False) → statistic -4.12469950142181, p 6.411023084131725e-05;
        // Welch–Satterthwaite df 136.74680837061655.
        CesMetric before = Ces(March, [2, 3, 5, 10, 20, 25, 15]);
        CesMetric after = Ces(April, [6, 8, 10, 14, 15, 12, 5]);

        (double se, double t, double df, double p) = SurveyStatistics.CesChange(before, after);

        Near(-4.12469950142181, t, 1e-9);
        Near(136.74680837061655, df, 1e-8);
        Near(6.411023084131725e-05, p, 1e-12);
        Near((after.Estimate - before.Estimate) / t, se, 1e-12);
    }

    [Fact]
    public void CsatChange_PooledZ_MatchesScipyChiSquare()
    {
        // 72 of 90 satisfied, then 51 of 85: scipy.stats.chi2_contingency([[72, 18], [51, 34]], correction=False)
        // → p 0.0038095793727453285, chi² = z² with z = -2.893513480643241.
        var before = new CsatMetric(March, null, "All stages", 90, 72, 0.95, true, SurveyStatistics.Wilson(72, 90, Z95));
        var after = new CsatMetric(April, null, "All stages", 85, 51, 0.95, true, SurveyStatistics.Wilson(51, 85, Z95));

        (double _, double z, double p) = SurveyStatistics.CsatChange(before, after);

        Near(-2.893513480643241, z, 1e-10);
        Near(0.0038095793727453285, p, 1e-12);
    }

    [Fact]
    public void NpsChange_OnAdjustedScores_MatchesTheFormula()
    {
        // 40/35/25 (n = 100), then 30 promoters, 20 passives, 40 detractors (n = 90): NPS' = 14.5631 then -10.7527;
        // z = (-0.107527 - 0.145631) / √(Var₁ + Var₂) = -2.1240890182120724, p = 0.033662700624795996 (numpy, scipy.stats.norm.sf),
        // SE = 11.918424675755254 points.
        var before = new NpsMetric(March, null, "All stages", 40, 35, 25, 0.95, true, SurveyStatistics.Nps(40, 25, 100, Z95));
        var after = new NpsMetric(April, null, "All stages", 30, 20, 40, 0.95, true, SurveyStatistics.Nps(30, 40, 90, Z95));

        (double se, double z, double p) = SurveyStatistics.NpsChange(before, after);

        Near(-2.1240890182120724, z, 1e-10);
        Near(0.033662700624795996, p, 1e-12);
        Near(11.918424675755254, se, 1e-9);
    }

    private static CesMetric Ces(GridPeriod period, long[] histogram)
    {
        (SurveyInterval mean, double sd) = SurveyStatistics.Mean(histogram, 1, 0.95);
        long n = histogram.Sum();
        return new CesMetric(period, null, "All stages", n, sd, histogram[^1], 0.95, true, mean, SurveyStatistics.Wilson(histogram[^1], n, Z95));
    }
}
