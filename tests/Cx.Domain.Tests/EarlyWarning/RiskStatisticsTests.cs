using Cx.Domain.Internal;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The statistics behind the impact estimates, against published tables and reference implementations.</summary>
public sealed class RiskStatisticsTests
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of
    /// eleven methods", Statistics in Medicine 17:873-890, Table II, method 10 (hybrid score, no continuity correction), all
    /// eight examples (a) to (h). The same figures come from R's Epi package, which implements method 10:
    /// <c>Rscript -e 'library(Epi); ci.pd(c(56,9,6,5,0,0,10,10), c(48,3,2,0,0,0,0,0), c(14,1,1,51,10,10,0,0), c(32,7,5,29,20,10,20,10))'</c>.</summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void NewcombeDifference_PublishedExamples_MatchTableII(long a, long n1, long c, long n0, double lower, double upper)
    {
        (double d, double lo, double hi) = RiskStatistics.NewcombeDifference(a, n1, c, n0, Z95);

        Assert.Equal(((double)a / n1) - ((double)c / n0), d, 12);
        Assert.Equal(lower, lo, 4);
        Assert.Equal(upper, hi, 4);
    }

    /// <summary>The Mantel-Haenszel risk ratio with the Greenland-Robins (1985) variance of its log, on the tolbutamide data of
    /// the University Group Diabetes Program stratified by age (Rothman, Greenland and Lash, Modern Epidemiology, 3rd ed.,
    /// ch. 15: exposed 8/106 and 22/98 deaths, unexposed 5/120 and 16/85). Reference: R's metafor, an independent
    /// implementation: <c>Rscript -e 'library(metafor); r &lt;- rma.mh(ai=c(8,22), n1i=c(106,98), ci=c(5,16), n2i=c(120,85),
    /// measure="RR"); print(exp(c(r$beta, r$ci.lb, r$ci.ub)), digits=15)'</c> gives 1.32555532415511, 0.797907040146486,
    /// 2.20213236503511.</summary>
    [Fact]
    public void MantelHaenszelRatio_Tolbutamide_MatchesMetafor()
    {
        (double rr, double lo, double hi) = RiskStatistics.MantelHaenszelRatio([8, 22], [106, 98], [5, 16], [120, 85], Z95)!.Value;

        Assert.Equal(1.32555532415511, rr, 12);
        Assert.Equal(0.797907040146486, lo, 12);
        Assert.Equal(2.20213236503511, hi, 12);
    }

    /// <summary>The Mantel-Haenszel risk difference on the same data (0.0349, as in Modern Epidemiology) with the Greenland and
    /// Robins (1985) variance Σ (a b n0³ + c d n1³) / (n1 n0 N²) / (Σ n1 n0 / N)², computed in base R:
    /// <c>ai &lt;- c(8,22); n1i &lt;- c(106,98); ci &lt;- c(5,16); n2i &lt;- c(120,85); bi &lt;- n1i-ai; di &lt;- n2i-ci; N &lt;- n1i+n2i;
    /// rd &lt;- sum((ai*n2i-ci*n1i)/N)/sum(n1i*n2i/N); v &lt;- sum((ai*bi*n2i^3+ci*di*n1i^3)/(n1i*n2i*N^2))/sum(n1i*n2i/N)^2;
    /// print(c(rd, rd-qnorm(0.975)*sqrt(v), rd+qnorm(0.975)*sqrt(v)), digits=15)</c> gives 0.0349002693369182,
    /// -0.027618814088285, 0.0974193527621213. (metafor's rma.mh uses Sato's 1989 variance instead: -0.0276278, 0.0974284,
    /// within 1e-5 here, as the two agree in large strata.)</summary>
    [Fact]
    public void MantelHaenszelDifference_Tolbutamide_MatchesTheGreenlandRobinsFormula()
    {
        (double rd, double lo, double hi) = RiskStatistics.MantelHaenszelDifference([8, 22], [106, 98], [5, 16], [120, 85], Z95)!.Value;

        Assert.Equal(0.0349002693369182, rd, 12);
        Assert.Equal(-0.027618814088285, lo, 12);
        Assert.Equal(0.0974193527621213, hi, 12);
        Assert.Equal(-0.0276278460122289, lo, 4);
        Assert.Equal(0.0974283846860652, hi, 4);
    }

    /// <summary>With one stratum the Mantel-Haenszel difference is the crude difference and the Greenland-Robins variance
    /// reduces to the Wald variance p1 (1 - p1) / n1 + p0 (1 - p0) / n0.</summary>
    [Theory]
    [InlineData(30, 204, 21, 205)]
    [InlineData(1, 3, 7, 9)]
    [InlineData(0, 50, 12, 400)]
    public void MantelHaenszelDifference_OneStratum_IsTheCrudeWaldInterval(long a, long n1, long c, long n0)
    {
        (double rd, double lo, double hi) = RiskStatistics.MantelHaenszelDifference([a], [n1], [c], [n0], Z95)!.Value;
        double p1 = (double)a / n1;
        double p0 = (double)c / n0;
        double se = Math.Sqrt((p1 * (1 - p1) / n1) + (p0 * (1 - p0) / n0));

        Assert.Equal(p1 - p0, rd, 12);
        Assert.Equal(Math.Max(-1, p1 - p0 - (Z95 * se)), lo, 12);
        Assert.Equal(Math.Min(1, p1 - p0 + (Z95 * se)), hi, 12);
    }

    /// <summary>With one stratum the Mantel-Haenszel ratio is the crude ratio and its Greenland-Robins interval is the log
    /// (Katz) interval: 30/204 vs 21/205 gives 1.43557422969188 (0.851022073679916 to 2.42164502272424), from
    /// <c>Rscript -e 'a&lt;-30;n1&lt;-204;c&lt;-21;n0&lt;-205;rr&lt;-(a/n1)/(c/n0);se&lt;-sqrt(1/a-1/n1+1/c-1/n0);
    /// print(c(rr,rr*exp(-qnorm(0.975)*se),rr*exp(qnorm(0.975)*se)),digits=15)'</c>.</summary>
    [Fact]
    public void LogRatio_CrudeTable_MatchesR_AndEqualsOneStratumMantelHaenszel()
    {
        (double rr, double lo, double hi) = RiskStatistics.LogRatio(30, 204, 21, 205, Z95)!.Value;
        (double mh, double mlo, double mhi) = RiskStatistics.MantelHaenszelRatio([30], [204], [21], [205], Z95)!.Value;

        Assert.Equal(1.43557422969188, rr, 12);
        Assert.Equal(0.851022073679916, lo, 12);
        Assert.Equal(2.42164502272424, hi, 12);
        Assert.Equal(rr, mh, 12);
        Assert.Equal(lo, mlo, 12);
        Assert.Equal(hi, mhi, 12);
    }

    [Fact]
    public void Ratios_WithoutCasesInAGroup_AreNull()
    {
        Assert.Null(RiskStatistics.LogRatio(0, 10, 3, 10, Z95));
        Assert.Null(RiskStatistics.LogRatio(3, 10, 0, 10, Z95));
        Assert.Null(RiskStatistics.MantelHaenszelRatio([0, 0], [5, 6], [1, 2], [7, 8], Z95));
        Assert.Null(RiskStatistics.MantelHaenszelDifference([1], [5], [0], [0], Z95));
    }

    /// <summary>The quantiles against R's qnorm (Wichura's AS 241 in both): <c>Rscript -e 'print(qnorm(c(0.975, 0.995,
    /// 1e-10, 0.3)), digits=15)'</c>.</summary>
    [Theory]
    [InlineData(0.975, 1.95996398454005)]
    [InlineData(0.995, 2.5758293035489)]
    [InlineData(1e-10, -6.36134090240406)]
    [InlineData(0.3, -0.524400512708041)]
    public void NormalQuantile_MatchesR(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), 12);
}
