using Cx.Domain.Internal;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The Bernoulli CUSUM's exact average number of events to signal (ANSS) against R's <c>surveillance</c> package and
/// against simulation, the design from a target, and the special functions behind the other detectors.</summary>
public sealed class BernoulliCusumDesignTests
{
    /// <summary>The Markov chain of the integer-scaled chart equals R's: <c>surveillance::arlCusum</c> (M. Höhle, package
    /// surveillance 1.20.3, Debian r-cran-surveillance) builds the chain of a discrete CUSUM with a reference value and
    /// decision interval on a decimal grid; with <c>distr = "binomial", W = 1</c> it is the Bernoulli CUSUM of Reynolds and
    /// Stoumbos (1999). A reference value k = 0.07 is a = 7 over m = 100, and h = 4 is H = 400 states.</summary>
    /// <remarks>Values from <c>Rscript -e 'library(surveillance); arlCusum(h=4, k=0.07, theta=0.05, distr="binomial", W=1,
    /// digits=2)$ARL'</c> and likewise for the other rows.</remarks>
    [Theory]
    [InlineData(4, 7, 100, 0.05, 1137.208878)]
    [InlineData(4, 7, 100, 0.10, 106.5950556)]
    [InlineData(4, 7, 100, 0.02, 159418.9567)]
    [InlineData(2.5, 15, 100, 0.10, 198.7139412)]
    [InlineData(2.5, 15, 100, 0.30, 15.91272105)]
    [InlineData(6, 2, 100, 0.01, 252714.4442)]
    public void Anss_AgainstRSurveillance_AgreesToTenDigits(double h, int a, int m, double p, double expected)
    {
        double anss = BernoulliCusumDesign.Anss(p, a, m, (int)Math.Round(h * m));

        Assert.Equal(expected, anss, expected * 1e-9);
    }

    /// <summary>The exact ANSS against simulation (fixed seed): 20,000 runs of Bernoulli events at each share, each until the
    /// chart signals; the mean is within 5% (the standard error of a mean of 20,000 roughly geometric run lengths is about
    /// 0.7%).</summary>
    [Theory]
    [InlineData(0.05, 0.10, 400, 0.05)]
    [InlineData(0.05, 0.10, 400, 0.10)]
    [InlineData(0.05, 0.10, 400, 0.20)]
    [InlineData(0.10, 0.20, 150, 0.10)]
    [InlineData(0.01, 0.02, 2000, 0.01)]
    public void Anss_AgainstSimulation_WithinFivePercent(double p0, double p1, double target, double share)
    {
        BernoulliCusumDesign design = BernoulliCusumDesign.Create(p0, p1, target);
        var random = new Random(20261123);
        const int runs = 20_000;
        long total = 0;
        for (int r = 0; r < runs; r++)
        {
            long s = 0;
            long n = 0;
            do
            {
                n++;
                s = random.NextDouble() < share ? s + design.Scale - design.ScaledReferenceValue : Math.Max(0, s - design.ScaledReferenceValue);
            }
            while (s < design.ScaledDecisionInterval);
            total += n;
        }

        double simulated = (double)total / runs;
        double exact = design.AverageEventsToSignal(share);
        Assert.InRange(simulated, exact * 0.95, exact * 1.05);
    }

    [Fact]
    public void Create_Target_PicksTheSmallestIntervalThatReachesIt()
    {
        BernoulliCusumDesign design = BernoulliCusumDesign.Create(0.05, 0.10, 3000);

        // gamma = ln(0.95/0.9) / ln(0.1*0.95/(0.05*0.9)) = 0.0723584..., within 1% of 4/55 = 0.072727 (the smallest such m).
        Assert.Equal(0.0723584, design.ReferenceValue, 7);
        Assert.Equal((4, 55), (design.ScaledReferenceValue, design.Scale));
        Assert.True(design.InControlAnss >= 3000, design.ToString());
        Assert.True(BernoulliCusumDesign.Anss(0.05, 4, 55, design.ScaledDecisionInterval - 1) < 3000, design.ToString());
        Assert.True(design.AverageEventsToSignal(0.10) < design.AverageEventsToSignal(0.05) / 10);
        Assert.Equal(double.PositiveInfinity, design.AverageEventsToSignal(0));
    }

    /// <summary>The worked example of docs/concepts/reliability.md: p0 5%, p1 20%, gamma 0.1103 within 1% of 1/9, and the
    /// ANSS table of the chain, from numpy: <c>/usr/bin/python3</c>, Q[s, s + 8] += p when s + 8 &lt; H (else the chain signals)
    /// and Q[s, max(0, s - 1)] += 1 - p over the states 0 to H - 1, N = numpy.linalg.solve(I - Q, 1), N[0].</summary>
    [Theory]
    [InlineData(1, 19.999999999999982, 5.000000000000001, 10.000000000000002)]
    [InlineData(10, 86.03280314028828, 11.312897098484592, 29.084701916395797)]
    [InlineData(18, 366.6776001512274, 19.64375079173856, 69.60150599561462)]
    [InlineData(23, 874.8995516931454, 25.37618451612668, 108.97725648710654)]
    [InlineData(24, 1075.797729999272, 26.76669694049917, 119.47781943422673)]
    [InlineData(27, 1819.439371596723, 30.321088878483103, 151.06173824254086)]
    [InlineData(36, 9012.168249954126, 41.56752579421992, 279.8003475702012)]
    public void Anss_WorkedExample_IsTheDocumentedTable(int states, double atP0, double atP1, double atTenPercent)
    {
        Assert.Equal(atP0, BernoulliCusumDesign.Anss(0.05, 1, 9, states), atP0 * 1e-10);
        Assert.Equal(atP1, BernoulliCusumDesign.Anss(0.20, 1, 9, states), atP1 * 1e-10);
        Assert.Equal(atTenPercent, BernoulliCusumDesign.Anss(0.10, 1, 9, states), atTenPercent * 1e-10);
    }

    [Fact]
    public void Create_WorkedExample_PicksOneNinthAndTwentyThreeStates()
    {
        BernoulliCusumDesign design = BernoulliCusumDesign.Create(0.05, 0.20, 800);

        Assert.Equal(0.1103, design.ReferenceValue, 4);
        Assert.Equal((1, 9, 23), (design.ScaledReferenceValue, design.Scale, design.ScaledDecisionInterval));
        Assert.Equal(874.8995516931454, design.InControlAnss, 1e-6);
    }

    [Fact]
    public void Anss_BadShare_DecreasesAsTheShareGrows()
    {
        BernoulliCusumDesign design = BernoulliCusumDesign.WithDecisionInterval(0.05, 0.10, 5);
        double[] anss = [.. new[] { 0.01, 0.03, 0.05, 0.08, 0.1, 0.2, 0.5, 1 }.Select(design.AverageEventsToSignal)];

        Assert.Equal(anss.OrderDescending(), anss);

        // With every event bad the statistic climbs by (m - a)/m a step: ceil(H / (m - a)) events.
        Assert.Equal(Math.Ceiling((double)design.ScaledDecisionInterval / (design.Scale - design.ScaledReferenceValue)), anss[^1], 9);
    }

    [Fact]
    public void Create_BadSettings_AreRejectedWithCodes()
    {
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BernoulliCusumDesign.Create(0.1, 0.05, 100)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BernoulliCusumDesign.Create(0.05, 0.1, double.NaN)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, Assert.Throws<CxValidationException>(() => BernoulliCusumDesign.Create(0.05, 0.1, 1e300)).Failures[0].ErrorCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => BernoulliCusumDesign.Create(0.05, 0.1, 10).AverageEventsToSignal(1.5));
    }

    /// <summary>One-sided normal CUSUM run lengths against R: <c>Rscript -e 'library(spc); xcusum.arl(0.5, 5, 0,
    /// sided="one")'</c> (package spc, S. Knoth; Debian r-cran-spc) and likewise for the other rows.</summary>
    [Theory]
    [InlineData(0.5, 5, 0, 930.8870121)]
    [InlineData(0.5, 4, 0, 335.3675776)]
    [InlineData(0.25, 8, 0, 736.7877465)]
    [InlineData(0.5, 6.5, 0, 4218.999445)]
    [InlineData(0.5, 5, 1, 10.3759753)]
    [InlineData(0.25, 8, 1, 11.39320826)]
    public void NormalCusumArl_AgainstRSpc_AgreesWithinOneInTenThousand(double k, double h, double mu, double expected)
    {
        Assert.Equal(expected, NormalCusumArl.Arl(k, h, mu), expected * 1e-4);
    }

    [Fact]
    public void NormalCusumDecisionInterval_Target_InvertsTheRunLength()
    {
        double h = NormalCusumArl.DecisionInterval(0.5, 930.8870121);

        Assert.Equal(5, h, 4);
    }

    /// <summary>Binomial tails, log-gamma and the normal distribution against SciPy 1.x (<c>/usr/bin/python3 -c "from
    /// scipy.stats import binom; print(binom.sf(k - 1, n, p))"</c>, <c>scipy.special.gammaln</c>, <c>scipy.stats.norm.cdf</c>).</summary>
    [Theory]
    [InlineData(3, 20, 0.05, 0.07548367378849626)]
    [InlineData(10, 100, 0.05, 0.028188294163416113)]
    [InlineData(1, 1, 0.3, 0.3)]
    [InlineData(50, 1000, 0.04, 0.06630587123134778)]
    [InlineData(6000, 100000, 0.058, 0.0036083924019958287)]
    [InlineData(0, 10, 0.5, 1.0)]
    [InlineData(7, 60, 0.05, 0.02969410195488331)]
    public void BinomialUpperTail_AgainstSciPy_AgreesToTwelveDigits(long k, long n, double p, double expected)
    {
        Assert.Equal(expected, Distributions.BinomialUpperTail(k, n, p), Math.Max(expected * 1e-10, 1e-15));
    }

    [Fact]
    public void LogGammaAndNormalCdf_AgainstSciPy_AgreeToThirteenDigits()
    {
        double[] x = [0.1, 0.5, 1, 2.5, 10, 1e6];
        double[] lgamma = [2.252712651734206, 0.5723649429247, 0.0, 0.2846828704729192, 12.801827480081469, 12815504.569147611];
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(lgamma[i], SpecialFunctions.LogGamma(x[i]), Math.Max(Math.Abs(lgamma[i]) * 1e-13, 1e-14));
        }

        double[] z = [-8, -3, -1, 0, 0.5, 2, 3.5];
        double[] cdf = [6.22096057427174e-16, 0.0013498980316300933, 0.15865525393145707, 0.5, 0.6914624612740131, 0.9772498680518208, 0.9997673709209645];
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(cdf[i], Distributions.NormalCdf(z[i]), cdf[i] * 1e-13);
        }
    }
}
