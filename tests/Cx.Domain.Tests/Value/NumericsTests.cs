using Cx.Domain.Internal;

namespace Cx.Domain.Tests.Value;

/// <summary>The special functions and optimisers behind the value models, against SciPy 1.10
/// (/usr/bin/python3: scipy.special.gammaln, digamma, hyp2f1, gammaincc, hyperu) and textbook minima.</summary>
public sealed class NumericsTests
{
    [Theory]
    [InlineData(0.1, 2.252712651734206, -10.423754940411076)]
    [InlineData(0.5, 0.5723649429247, -1.9635100260214235)]
    [InlineData(1.5, -0.12078223763524526, 0.03648997397857652)]
    [InlineData(3.7, 1.428072326665388, 1.1671535393615113)]
    [InlineData(9.99, 12.779315214350195, 2.250700372831201)]
    [InlineData(10.0, 12.801827480081469, 2.251752589066721)]
    [InlineData(123.4, 469.3360974421906, 4.8113737751162775)]
    public void LogGammaAndDigamma_AgreeWithScipy(double x, double logGamma, double digamma)
    {
        Assert.Equal(logGamma, SpecialFunctions.LogGamma(x), 1e-13 * Math.Max(1, Math.Abs(logGamma)));
        Assert.Equal(digamma, SpecialFunctions.Digamma(x), 1e-12 * Math.Max(1, Math.Abs(digamma)));
    }

    [Fact]
    public void Hypergeometric_AgreesWithScipy()
    {
        // scipy.special.hyp2f1(0.3, 2.1, 1.7, 0.95) and hyp2f1(-0.4, 0.6, 3.2, 0.5).
        Assert.Equal(3.97107361122517, SpecialFunctions.Hypergeometric2F1(0.3, 2.1, 1.7, 0.95), 1e-11);
        Assert.Equal(0.9600005046822605, SpecialFunctions.Hypergeometric2F1(-0.4, 0.6, 3.2, 0.5), 1e-13);
        // 2F1(A, eps; C; z) = 1 + eps * H.
        double h = SpecialFunctions.HypergeometricEpsilonPart(0.3, -0.4, 2.2, 0.7);
        Assert.Equal(SpecialFunctions.Hypergeometric2F1(0.3, -0.4, 2.2, 0.7), 1 + (-0.4 * h), 1e-14);
        // Large b and c (a BG/NBD fit with a and b in the hundreds of thousands): the series used to wait until n passed
        // |a| + |b| + |c| before it trusted its stopping bound (a million terms, then NaN); now it stops on a bound valid
        // for every later term. scipy.special.hyp2f1(0.24069030867279825, 1407.3692249444296, 2090.7243705971118, 0.99)
        // and hyp2f1(2.5, 491310, 491311, 0.6).
        Assert.Equal(1.302628322545603, SpecialFunctions.Hypergeometric2F1(0.24069030867279825, 1407.3692249444296, 2090.7243705971118, 0.99), 1e-13);
        Assert.Equal(9.882042262185227, SpecialFunctions.Hypergeometric2F1(2.5, 491310, 491311, 0.6), 1e-11);
        // 2F1(1, b; c; z) with the general series.
        Assert.Equal(SpecialFunctions.Hypergeometric2F1(1, 2.5, 4.1, 0.9), SpecialFunctions.Hypergeometric1(2.5, 4.1, 0.9), 1e-12);
    }

    [Theory]
    // (scipy.special.hyp2f1(A, eps, C, z) - 1) / eps, SciPy 1.10. The first is the holdout check of a BG/NBD fit with
    // a -> 0 and b -> infinity (a = 3.6e-6, b = 491,310; A and C near 491,308): the series used to wait until n passed
    // |A| + |C| (about a million terms) before it trusted its stopping bound, 20 ms a call, and a property-test shop
    // (CustomerValueAnalysisRegressionTests) ran for minutes. Now it stops on a bound valid for every later term.
    [InlineData(491308.1438227328, -0.9999963996217864, 491308.7915622824, 0.6048960140798403, 0.6048960734754539)]
    [InlineData(-3.5, 2.5, 1.5, 0.95, -0.400484481395125)] // terms change sign while A + n < 0
    [InlineData(1e6, 0.5, 1000003.0, 0.5, 0.8284228821309578)]
    public void HypergeometricEpsilonPart_LargeOrNegativeFirstParameter_AgreesWithScipy(double a, double epsilon, double c, double z, double expected) =>
        Assert.Equal(expected, SpecialFunctions.HypergeometricEpsilonPart(a, epsilon, c, z), 1e-12 * Math.Abs(expected));

    [Theory]
    [InlineData(0.4, 2.5, -3.221626296181658)] // ln(gammaincc(0.4, 2.5) * gamma(0.4))
    [InlineData(0.394, 0.1, 0.2282994107794357)] // ln(hyperu(0.606, 0.606, 0.1) * exp(-0.1)) = ln Γ(1 - 0.606, 0.1)
    [InlineData(-0.7, 0.3, 0.25570445875477593)] // s = 1.7
    [InlineData(0, 0.3, -0.09907293324693402)] // s = 1: E1(0.3)
    [InlineData(-2, 2.0, -4.8884161194102544)] // s = 3
    // Negative a with a large z: the walk down from a + ceil(-a) subtracts two nearly equal numbers at every step (they
    // differ by about (s - 1)/z), so at s = 17.38, z = 124 (a Pareto/NBD DERT with delta = 5.23 per unit; fuzz finding V-6)
    // it lost every digit and gave NaN. ln Γ(a, z) = -z + ln U(1 - a, 1 - a, z) (DLMF 8.5.3) with scipy.special.hyperu.
    [InlineData(-16.38, 124.0, -207.9068040777168)]
    [InlineData(-5.5, 3.0, -11.224199813245221)]
    [InlineData(-16.38, 10.0, -51.003335593556336)]
    [InlineData(-40.2, 60.0, -229.2057660469037)]
    [InlineData(-3.3, 500.0, -526.7313612118975)]
    [InlineData(-16.38, 0.5, 8.02576556322633)] // z below 1: the walk down, whose steps add
    [InlineData(-5.5, 0.9, -2.200941914121715)]
    [InlineData(-0.3, 0.999, -1.6433695799648973)]
    [InlineData(-63.9, 0.2, 98.48258879957811)]
    public void LogUpperIncompleteGamma_AgreesWithScipy(double a, double z, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogUpperIncompleteGamma(a, z), 1e-12);

    [Theory]
    // ln B(a, b) at the ends of double (fuzz finding V-7): the sum ln Γ(a) + ln Γ(b) − ln Γ(a + b) is ∞ − ∞ there. Exact values
    // from mpmath 1.2.1 (Debian python3-mpmath; SciPy's betaln is 2e-12 off at (1e300, 1e300) and 1.7e-9 off at
    // (3.6e-6, 491310)): /usr/bin/python3 -c "import mpmath as mp; mp.mp.dps=700; a,b=mp.mpf(A),mp.mpf(B);
    // print(mp.nstr(mp.loggamma(a)+mp.loggamma(b)-mp.loggamma(a+b),17))"
    [InlineData(double.MaxValue, 15.63, -11067.014255944529)]
    [InlineData(1e300, 1e300, -1.3862943611198907e300)]
    [InlineData(1e-300, 1e-300, 691.46867507877365)]
    [InlineData(0.668, 3.806, -0.56280106787599713)]
    [InlineData(5e-324, 1e308, 744.44007192138126)]
    [InlineData(12.5, 1e308, -8846.2182605151394)]
    [InlineData(1e5, 2e5, -190958.88527911685)]
    [InlineData(3.6e-6, 491310, 12.534527457150079)] // the BG/NBD fit with a -> 0, b -> infinity
    [InlineData(684, 1407, -1323.9045963892716)] // and the one with a = 684, b = 1407
    [InlineData(10.0, 9.9, -13.664081196934862)]
    public void LogBeta_AcrossTheRangeOfDouble_AgreesWithMpmath(double a, double b, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogBeta(a, b), 4e-15 * Math.Max(1, Math.Abs(expected)));
        Assert.Equal(expected, SpecialFunctions.LogBeta(b, a), 4e-15 * Math.Max(1, Math.Abs(expected)));
    }

    [Fact]
    public void LogBeta_BelowTheSmallestDouble_IsMinusInfinityNotNaN() =>
        // ln B(1.7e308, 1.7e308) = -2.3567e308 (mpmath) is below -double.MaxValue.
        Assert.Equal(double.NegativeInfinity, SpecialFunctions.LogBeta(1.7e308, 1.7e308));

    [Theory]
    // ln[(x)_n / (x + s)_n] against the same sum in exact arithmetic: /usr/bin/python3 -c "import mpmath as mp; mp.mp.dps=700;
    // x,s,n=mp.mpf(X),mp.mpf(S),N; print(mp.nstr(mp.loggamma(x+n)-mp.loggamma(x)-mp.loggamma(x+s+n)+mp.loggamma(x+s),17))"
    [InlineData(1e6, 1e-6, 100000, -9.5310225258839318e-8)] // shift small beside x: no difference of two numbers near n
    [InlineData(3.806, 0.668, 2000000000, -13.44196747924274)]
    [InlineData(1e300, 1e300, 40, -27.725887222397812)]
    [InlineData(15.63, double.MaxValue, 1, -707.03352074895061)]
    [InlineData(0.5, 2.0, 12, -5.4161004022044201)]
    public void LogRisingRatio_AgreesWithMpmath(double x, double shift, int n, double expected) =>
        Assert.Equal(expected, SpecialFunctions.LogRisingRatio(x, shift, n), 2e-15 * Math.Max(1, Math.Abs(expected)));

    [Theory]
    // The sBG's DERL series sum_k (b)_k/(b + s)_k z^k at z = 1 and next to it (fuzz finding V-4): Gauss's theorem gives
    // (b + s - 1)/(s - 1) at z = 1; /usr/bin/python3 -c "import mpmath as mp; mp.mp.dps=400; print(mp.nstr(mp.hyp2f1(1,B,B+S,Z),17))"
    [InlineData(13.0, 19.1, 1.0, 1.718232044198895)]
    [InlineData(4.0, 30.0, 1.0, 1.1379310344827586)] // 33/29
    [InlineData(2.0, 1e300, 0.999, 1.0)]
    public void HypergeometricOneShifted_AtAndNextToOne_AgreesWithGaussAndMpmath(double b, double shift, double z, double expected) =>
        Assert.Equal(expected, SpecialFunctions.HypergeometricOneShifted(b, shift, z, 100_000), 1e-14 * expected);

    [Fact]
    public void HypergeometricOneShifted_ThatCannotSettle_IsNotANumber() =>
        // shift <= 1 at z = 1 diverges: the series says so rather than returning a partial sum.
        Assert.True(double.IsNaN(SpecialFunctions.HypergeometricOneShifted(2, 0.5, 1, 100_000)));

    [Fact]
    public void Optimisers_Rosenbrock_FindTheMinimum()
    {
        static double Rosenbrock(double[] p) => Math.Pow(1 - p[0], 2) + (100 * Math.Pow(p[1] - (p[0] * p[0]), 2));
        static double WithGradient(double[] p, double[] g)
        {
            g[0] = (-2 * (1 - p[0])) - (400 * p[0] * (p[1] - (p[0] * p[0])));
            g[1] = 200 * (p[1] - (p[0] * p[0]));
            return Rosenbrock(p);
        }

        OptimizationOutcome bfgs = Bfgs.Minimize(WithGradient, [-1.2, 1], maxIterations: 1000);
        OptimizationOutcome simplex = NelderMead.Minimize(Rosenbrock, [-1.2, 1]);

        Assert.True(bfgs.Converged, bfgs.Message);
        Assert.Equal(1, bfgs.Minimizer[0], 1e-6);
        Assert.Equal(1, bfgs.Minimizer[1], 1e-6);
        Assert.True(simplex.Converged, simplex.Message);
        Assert.Equal(1, simplex.Minimizer[0], 1e-4);
        Assert.Equal(1, simplex.Minimizer[1], 1e-4);
    }

    [Fact]
    public void Optimisers_QuadraticBowlIn4D_FindTheMinimum()
    {
        double[] centre = [0.5, -2, 3, 1];
        double Bowl(double[] p, double[] g)
        {
            double f = 0;
            for (int i = 0; i < 4; i++)
            {
                double w = i + 1;
                f += w * (p[i] - centre[i]) * (p[i] - centre[i]);
                g[i] = 2 * w * (p[i] - centre[i]);
            }

            return f;
        }

        OptimizationOutcome bfgs = Bfgs.Minimize(Bowl, [0, 0, 0, 0]);

        Assert.True(bfgs.Converged);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(centre[i], bfgs.Minimizer[i], 1e-7));
    }

    [Fact]
    public void CholeskyInverse_KnownMatrix_InvertsAndRejectsIndefinite()
    {
        double[] inverse = Cholesky.Inverse([4, 2, 2, 3], 2)!;

        // [[4,2],[2,3]]^-1 = [[3,-2],[-2,4]] / 8.
        Assert.Equal([0.375, -0.25, -0.25, 0.5], inverse.Select(v => Math.Round(v, 12)));
        Assert.Null(Cholesky.Inverse([1, 2, 2, 1], 2));
    }
}
