using Cx.Domain.Internal;

namespace Cx.Domain.Tests.Listening;

/// <summary>The distributions behind spike detection and survey intervals, against R 4 (<c>stats</c>).</summary>
/// <remarks>Reference values from (R, <c>options(digits = 17)</c>):
/// <c>qnorm(c(1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999, 1-1e-12))</c>;
/// <c>pnorm(c(0.5, 1.96, 3, 5, 8), lower.tail = FALSE)</c>;
/// <c>pt(2, 5, lower.tail = FALSE)</c> and friends; <c>qt(0.975, 4)</c>, <c>qt(0.995, 29)</c>, <c>qt(0.9, 2.5)</c>;
/// <c>lgamma(c(0.5, 1, 10.3, 1e5, 3.7e-3))</c>; <c>qnbinom(0.99, 7.2/0.8, 1/1.8)</c> (mean 7.2, dispersion 1.8) and the
/// others below; <c>pnbinom(19, 7.2/0.8, 1/1.8, lower.tail = FALSE)</c> (P(Y &gt;= 20)) and the others below.</remarks>
public sealed class DistributionTests
{
    private static void Near(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), 1e-300),
            FormattableString.Invariant($"expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):E2})"));

    [Theory]
    [InlineData(1e-10, -6.3613409024040557)]
    [InlineData(0.001, -3.0902323061678132)]
    [InlineData(0.025, -1.9599639845400538)]
    [InlineData(0.3, -0.52440051270804067)]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.999, 3.0902323061678132)]
    [InlineData(1 - 1e-12, 7.0344869100478356)]
    public void NormalQuantile_MatchesR(double p, double expected) => Near(expected, NormalDistribution.Quantile(p), 1e-14);

    [Fact]
    public void NormalQuantile_AtOneHalf_IsZero() => Assert.Equal(0, NormalDistribution.Quantile(0.5));

    [Theory]
    [InlineData(0.5, 0.30853753872598694)]
    [InlineData(1.96, 0.024997895148220428)]
    [InlineData(3, 0.0013498980316300946)]
    [InlineData(5, 2.8665157187919391e-07)]
    [InlineData(8, 6.2209605742717849e-16)]
    public void NormalUpperTail_MatchesR(double x, double expected) => Near(expected, NormalDistribution.UpperTail(x), 1e-12);

    [Theory]
    [InlineData(2, 5, 0.05096973941492914)]
    [InlineData(1.3, 23.7, 0.10305140924282523)]
    [InlineData(0.5, 1, 0.35241638234956679)]
    [InlineData(-1.2, 9, 0.86961340130476927)]
    public void StudentUpperTail_MatchesR(double t, double df, double expected) => Near(expected, StudentTDistribution.UpperTail(t, df), 1e-11);

    [Theory]
    [InlineData(0.975, 4, 2.7764451051977934)]
    [InlineData(0.995, 29, 2.7563859036706049)]
    [InlineData(0.9, 2.5, 1.7302509288071761)]
    public void StudentQuantile_MatchesR(double p, double df, double expected) => Near(expected, StudentTDistribution.Quantile(p, df), 1e-11);

    [Theory]
    [InlineData(0.5, 0.57236494292470008)]
    [InlineData(10.3, 13.482036786138359)]
    [InlineData(1e5, 1051287.7089736569)]
    [InlineData(3.7e-3, 5.5972980007001487)]
    public void LogGamma_MatchesR(double x, double expected) => Near(expected, SpecialFunctions.LogGamma(x), 1e-13);

    [Fact]
    public void LogGamma_AtOne_IsZero() => Assert.True(Math.Abs(SpecialFunctions.LogGamma(1)) < 1e-15);

    [Theory]
    [InlineData(7.2, 1.8, 0.99, 17)]
    [InlineData(150, 3, 0.99, 203)]
    [InlineData(7.24, 1, 0.99, 14)]
    [InlineData(0.3, 1, 0.99, 2)]
    [InlineData(150, 3, 0.01, 104)]
    [InlineData(2500, 1, 0.999, 2656)]
    public void CountQuantile_MatchesQnbinomAndQpois(double mean, double dispersion, double p, long expected) =>
        Assert.Equal(expected, new CountDistribution(mean, dispersion).Quantile(p));

    [Theory]
    [InlineData(7.2, 1.8, 20, 0.0035751221048132883)]
    [InlineData(150, 3, 300, 4.584439000776965e-09)]
    [InlineData(7.24, 1, 30, 2.1802767736188032e-10)]
    [InlineData(150, 3, 100, 0.99546591292525122)]
    [InlineData(2500, 1, 2600, 0.023833475846575684)]
    [InlineData(7.24, 1, 60, 3.7548428450508363e-34)]
    public void CountUpperTail_MatchesPnbinomAndPpois(double mean, double dispersion, long y, double expected) =>
        Near(expected, new CountDistribution(mean, dispersion).UpperTail(y), 1e-10);

    [Theory]
    [InlineData(1.0000000000000004)]
    [InlineData(1.000001)]
    [InlineData(1.001)]
    public void CountDistribution_WithDispersionJustAboveOne_IsAlmostPoisson(double dispersion)
    {
        // R: qpois(0.99, 1/6) = 2; ppois(1, 1/6, lower.tail = FALSE) = 0.012437987627616914 (P(Y >= 2)); with φ = 1.001, pnbinom gives 0.0124967 (0.5% more).
        var nearlyPoisson = new CountDistribution(1.0 / 6, dispersion);

        Assert.Equal(2, nearlyPoisson.Quantile(0.99));
        Near(0.012437987627616914, nearlyPoisson.UpperTail(2), 6e-3);
    }

    [Fact]
    public void CountDistribution_WithZeroMean_PutsAllMassAtZero()
    {
        var zero = new CountDistribution(0, 1);

        Assert.Equal(0, zero.Quantile(0.999));
        Assert.Equal(1, zero.UpperTail(0));
        Assert.Equal(0, zero.UpperTail(1));
    }
}
