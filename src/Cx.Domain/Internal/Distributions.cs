namespace Cx.Domain.Internal;

/// <summary>The distribution functions the early-warning detectors need, in double precision and without a maths library:
/// the regularized incomplete beta function (for binomial tails), the normal distribution function and Gauss-Legendre
/// quadrature nodes. Log-gamma comes from <see cref="SpecialFunctions"/>.</summary>
/// <remarks>
/// <para>Incomplete beta: the continued fraction evaluated by the modified Lentz method, on the side where it converges fast
/// (W. H. Press et al., <i>Numerical Recipes</i>, 3rd ed., section 6.4).</para>
/// <para>Normal distribution: <c>erfc</c> from the all-positive series <c>erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^n x^(2n+1) /
/// (1 3 5 ... (2n+1))</c> below 2.5 and Laplace's continued fraction above (Abramowitz and Stegun 7.1.6 and 7.1.14): no
/// cancellation in either, relative error about 1e-15.</para>
/// <para>Checked against SciPy in <c>BernoulliCusumDesignTests</c>.</para>
/// </remarks>
internal static class Distributions
{
    private const double InverseSqrtPi = 0.56418958354775628694807945156077;

    /// <summary>The regularized incomplete beta function I_x(a, b) for a, b &gt; 0 and x in [0, 1]: the binomial tails of the
    /// listening path and (through <see cref="SpecialFunctions.BetaRegularized"/>) the Student t tails of the survey tests.</summary>
    /// <remarks>The continued fraction of Press et al., <i>Numerical Recipes</i> (3rd ed., section 6.4), by the modified Lentz
    /// method, with the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) where it converges faster; the prefactor from
    /// <see cref="SpecialFunctions.LogBeta"/> and ln(1 - x) by log1p. At tens of thousands of trials the sum ln Γ(a) + ln Γ(b) − ln Γ(a + b)
    /// loses about 1e-10 to cancellation, which the split of <see cref="SpecialFunctions.LogBeta"/> avoids (IncompleteBetaTests pins R's
    /// <c>pbeta</c> there).</remarks>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        double logFront = (a * Math.Log(x)) + (b * SpecialFunctions.Log1P(-x)) - SpecialFunctions.LogBeta(a, b);
        double front = Math.Exp(logFront);
        return x < (a + 1) / (a + b + 2)
            ? front * BetaContinuedFraction(x, a, b) / a
            : 1 - (front * BetaContinuedFraction(1 - x, b, a) / b);
    }

    /// <summary>P(X ≥ <paramref name="k"/>) for X binomial with <paramref name="n"/> trials of probability <paramref name="p"/>.</summary>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (k > n || p <= 0)
        {
            return 0;
        }

        return p >= 1 ? 1 : RegularizedIncompleteBeta(p, k, n - k + 1);
    }

    /// <summary>The complementary error function erfc(x).</summary>
    public static double Erfc(double x)
    {
        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x > 27)
        {
            return 0;
        }

        double e = Math.Exp(-x * x);
        if (x < 2.5)
        {
            // erf(x) = 2/sqrt(pi) e^(-x^2) sum_n 2^n x^(2n+1) / (2n+1)!!, every term positive.
            double term = x;
            double sum = x;
            for (int n = 1; n < 200 && term > sum * 1e-17; n++)
            {
                term *= 2 * x * x / ((2 * n) + 1);
                sum += term;
            }

            return 1 - (2 * InverseSqrtPi * e * sum);
        }

        // erfc(x) = e^(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), by the modified Lentz method.
        const double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++)
        {
            double an = n / 2.0;
            d = x + (an * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = x + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return e * InverseSqrtPi / f;
    }

    /// <summary>The standard normal distribution function Φ(x).</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>The standard normal density φ(x).</summary>
    public static double NormalPdf(double x) => Math.Exp(-0.5 * x * x) * 0.39894228040143267793994605993438;

    /// <summary>The nodes and weights of the n-point Gauss-Legendre rule on [a, b].</summary>
    public static (double[] Nodes, double[] Weights) GaussLegendre(int n, double a, double b)
    {
        double[] nodes = new double[n];
        double[] weights = new double[n];
        double middle = (a + b) / 2;
        double half = (b - a) / 2;
        for (int i = 0; i < (n + 1) / 2; i++)
        {
            // Newton's method on the Legendre polynomial P_n from Tricomi's initial guess.
            double z = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1;
                double p1 = 0;
                for (int j = 1; j <= n; j++)
                {
                    double p2 = p1;
                    p1 = p0;
                    p0 = (((2 * j) - 1) * z * p1 - ((j - 1) * p2)) / j;
                }

                derivative = n * ((z * p0) - p1) / ((z * z) - 1);
                double previous = z;
                z = previous - (p0 / derivative);
                if (Math.Abs(z - previous) < 1e-15)
                {
                    break;
                }
            }

            nodes[i] = middle - (half * z);
            nodes[n - 1 - i] = middle + (half * z);
            weights[i] = weights[n - 1 - i] = 2 * half / ((1 - (z * z)) * derivative * derivative);
        }

        return (nodes, weights);
    }

    private static double BetaContinuedFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 100_000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }
}
