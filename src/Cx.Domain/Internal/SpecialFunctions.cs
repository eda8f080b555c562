namespace Cx.Domain.Internal;

/// <summary>The special functions of the customer-value models: log-gamma, digamma, the Gauss hypergeometric series in the
/// forms the models need, and the upper incomplete gamma function — all in log space where a value can overflow.</summary>
/// <remarks>Deterministic (no tables computed at run time, no platform maths beyond <see cref="Math"/>). Accuracy is
/// checked against SciPy in <c>SpecialFunctionsTests</c>.</remarks>
internal static class SpecialFunctions
{
    private const double LogSqrtTwoPi = 0.91893853320467274178;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The natural logarithm of the gamma function, for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 10)
        {
            // Stirling's series: the error of the last kept term is below 1e-17 relative for x >= 10.
            double inv = 1 / x;
            double inv2 = inv * inv;
            double series = inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * (1.0 / 1680)))))));
            return ((x - 0.5) * Math.Log(x)) - x + LogSqrtTwoPi + series;
        }

        if (x < 0.5)
        {
            // Reflection keeps the Lanczos sum in its accurate range.
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        double y = x - 1;
        double sum = Lanczos[0];
        for (int i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (y + i);
        }

        double t = y + 7.5;
        return LogSqrtTwoPi + ((y + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>The digamma function ψ(x) = d ln Γ(x)/dx, for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        double result = 0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }

        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * (1.0 / 132)))))))));
        return result + Math.Log(x) - (0.5 * inv) - series;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln(e^a + e^b) without overflow; −∞ when both are −∞.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }

    /// <summary>e^x − 1, accurate for small x (Kahan's trick; the BCL's <c>double.ExpM1</c> computes <c>Exp(x) - 1</c>).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        double um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x), accurate for small x (Goldberg's trick).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>ln(1 − e^a) for a ≤ 0, accurate near 0 and for very negative a (Mächler's split at ln 2).</summary>
    public static double Log1MinusExp(double a) =>
        a > -0.6931471805599453 ? Math.Log(-ExpM1(a)) : Log1P(-Math.Exp(a));

    /// <summary>The hypergeometric series with first parameter 1: Σₙ (b)ₙ/(c)ₙ zⁿ = ₂F₁(1, b; c; z), for 0 ≤ z &lt; 1,
    /// 0 &lt; b &lt; c or b &gt; 0 with any c &gt; 0 (terms positive).</summary>
    /// <returns>The sum, or NaN when it does not settle within a million terms.</returns>
    public static double Hypergeometric1(double b, double c, double z)
    {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < 1_000_000; n++)
        {
            double ratio = (b + n) / (c + n) * z;
            term *= ratio;
            sum += term;
            // Once the ratio is below one it only falls further (b < c) or tends to z < 1: the remainder is at most
            // term · q / (1 − q) with q the current ratio bound.
            double bound = Math.Max(ratio, z);
            if (bound < 1 && term * bound / (1 - bound) <= 1e-17 * sum)
            {
                return sum;
            }
        }

        return double.NaN;
    }

    /// <summary>The part H of ₂F₁(A, ε; C; z) = 1 + ε·H that stays finite as ε → 0:
    /// H = Σₙ≥₁ (A)ₙ (ε + 1)ₙ₋₁ zⁿ / ((C)ₙ n!), for 0 ≤ z &lt; 1, ε &gt; −1 and C &gt; 0.</summary>
    /// <remarks>The series stops once the rest is provably below 1e-17 of the sum. The term ratio is
    /// z · (A + m)/(C + m) · (ε + m)/(m + 1); once A + m &gt; 0 each factor (p + m)/(q + m) moves monotonically towards 1,
    /// so over every later m it is at most max((p + n)/(q + n), 1), and the rest is at most |term| q/(1 − q) with q the
    /// product of those bounds. The number of terms therefore depends on z (about ln(10¹⁷)/(1 − z)) and on how
    /// negative A is, not on the size of A, C or ε: with A and C both near 500,000 (a BG/NBD fit with b → ∞) the sum
    /// settles in a few dozen terms.</remarks>
    /// <returns>H, or NaN when the series does not settle within a million terms.</returns>
    public static double HypergeometricEpsilonPart(double a, double epsilon, double c, double z)
    {
        double term = a * z / c;
        double sum = term;
        double least = z / (1 - z);
        for (int n = 1; n < 1_000_000 && term != 0; n++)
        {
            double r = (a + n) * (epsilon + n) / ((c + n) * (n + 1)) * z;
            term *= r;
            sum += term;
            // Every later ratio (index m > n) is at most z · max((a + n + 1)/(c + n + 1), 1) · max((ε + n + 1)/(n + 2), 1)
            // once a + n + 1 > 0 (ε + n + 1 > 0 and c + n + 1 > 0 always here).
            // Every bound is at least z: the cheap test first.
            if (Math.Abs(term) * least <= 1e-17 * Math.Abs(sum) && a + n + 1 > 0)
            {
                double bound = z * RatioBound(a, epsilon, c, n + 1);
                if (bound < 1 && Math.Abs(term) * bound / (1 - bound) <= 1e-17 * Math.Abs(sum))
                {
                    return sum;
                }
            }
        }

        return term == 0 ? sum : double.NaN;
    }

    private static readonly double[] LegendreNodes = [0.18343464249564980, 0.52553240991632899, 0.79666647741362674, 0.96028985649753623];

    private static readonly double[] LegendreWeights = [0.36268378337836198, 0.31370664587788729, 0.22238103445337447, 0.10122853629037626];

    /// <summary>ln ∫ from <paramref name="from"/> to <paramref name="to"/> of (α + τ)^(−m) (β + τ)^(−n) dτ, for α, β &gt; 0,
    /// m, n ≥ 0 and 0 ≤ from ≤ to; −∞ when from = to. Bounded in time for every argument.</summary>
    /// <remarks>In y = ln(min(α, β) + τ) the integrand is e^ψ(y) with ψ(y) = (1 − n′) y − m′ ln(eʸ + |α − β|) concave
    /// (n′ the exponent of the smaller scale, m′ of the larger): log-concave and unimodal. The integral is summed outwards
    /// from the mode in pieces of width 0.5/(1 + |ψ′| + √|ψ″|), so ψ changes by less than about one within a piece and
    /// 8-point Gauss–Legendre is exact to rounding; a side stops when the rest, at most e^ψ/|ψ′| (ψ is concave past the
    /// mode), is below 1e-18 of the sum. At most about 3,000 pieces over the range of doubles plus O(√max(m, n)) across
    /// the peak.</remarks>
    public static double LogPowerProductIntegral(double alpha, double m, double beta, double n, double from, double to)
    {
        (double small, double nSmall, double large, double mLarge) = alpha <= beta ? (alpha, m, beta, n) : (beta, n, alpha, m);
        double d = large - small;
        double y1 = Math.Log(small + from);
        double y2 = Math.Log(small + to);
        if (!(y2 > y1))
        {
            return double.NegativeInfinity;
        }

        double Psi(double y) => ((1 - nSmall) * y) - (mLarge * Math.Log(Math.Exp(y) + d));
        double Slope(double y)
        {
            double e = Math.Exp(y);
            return (1 - nSmall) - (mLarge * (e / (e + d)));
        }

        double Curvature(double y)
        {
            double e = Math.Exp(y);
            double sum = e + d;
            return mLarge * (d / sum) * (e / sum);
        }

        double mode = Slope(y1) <= 0 ? y1
            : Slope(y2) >= 0 ? y2
            : Math.Clamp(Math.Log((1 - nSmall) * d / (mLarge + nSmall - 1)), y1, y2);
        double peak = Psi(mode);
        double Side(double end, int direction)
        {
            double total = 0;
            double y = mode;
            for (int piece = 0; piece < 1_000_000 && direction * (end - y) > 0; piece++)
            {
                double h = 0.5 / (1 + Math.Abs(Slope(y)) + Math.Sqrt(Curvature(y)));
                double next = direction > 0 ? Math.Min(y + h, end) : Math.Max(y - h, end);
                double center = 0.5 * (y + next);
                double half = 0.5 * Math.Abs(next - y);
                double part = 0;
                for (int k = 0; k < LegendreNodes.Length; k++)
                {
                    part += LegendreWeights[k] * (Math.Exp(Psi(center - (half * LegendreNodes[k])) - peak) + Math.Exp(Psi(center + (half * LegendreNodes[k])) - peak));
                }

                total += part * half;
                y = next;
                double slope = Math.Abs(Slope(y));
                if (slope > 0 && Math.Exp(Psi(y) - peak) / slope <= 1e-18 * total)
                {
                    return total;
                }
            }

            return direction * (end - y) > 0 ? double.NaN : total;
        }

        return peak + Math.Log(Side(y2, 1) + Side(y1, -1));
    }

    /// <summary>A bound on (a + m)(b + m)/((c + m)(m + 1)) over every m ≥ <paramref name="from"/>, for a + from, b + from
    /// and c + from positive: 1 when the ratio never exceeds 1 from there ((a + m)(b + m) − (c + m)(m + 1) =
    /// (a + b − c − 1)·m + ab − c ≤ 0 for all later m), else the product of the two factors' own bounds (each of
    /// (a + m)/(c + m) and (b + m)/(m + 1) moves monotonically towards 1, so it is at most max(its value at from, 1)).</summary>
    private static double RatioBound(double a, double b, double c, int from)
    {
        double slope = a + b - c - 1;
        if (slope <= 0 && (slope * from) + (a * b) - c <= 0)
        {
            return 1;
        }

        return Math.Max((a + from) / (c + from), 1) * Math.Max((b + from) / (from + 1), 1);
    }

    /// <summary>The Gauss hypergeometric function ₂F₁(a, b; c; z) by its series, for 0 ≤ z &lt; 1 and c &gt; 0.</summary>
    /// <remarks>Stops once the rest is provably below 1e-17 of the sum: once a + n, b + n and c + n are positive, each
    /// factor of the term ratio z · (a + m)/(c + m) · (b + m)/(m + 1) moves monotonically towards 1 as m grows, so every
    /// later ratio is at most q = z · max((a + n + 1)/(c + n + 1), 1) · max((b + n + 1)/(n + 2), 1), and the rest at most
    /// |term| q/(1 − q). The number of terms depends on z and on how soon the ratios fall below 1, not on the size of
    /// the parameters.</remarks>
    /// <returns>The sum, or NaN when it does not settle within a million terms.</returns>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        double term = a * b / c * z;
        double sum = 1 + term;
        double least = z / (1 - z);
        for (int n = 1; n < 1_000_000 && term != 0; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            // Every bound is at least z: the cheap test first.
            if (Math.Abs(term) * least <= 1e-17 * Math.Abs(sum) && a + n + 1 > 0 && b + n + 1 > 0)
            {
                double bound = z * RatioBound(a, b, c, n + 1);
                if (bound < 1 && Math.Abs(term) * bound / (1 - bound) <= 1e-17 * Math.Abs(sum))
                {
                    return sum;
                }
            }
        }

        return term == 0 ? sum : double.NaN;
    }

    /// <summary>ln Γ(a, z), the logarithm of the upper incomplete gamma function, for any real a and z &gt; 0.</summary>
    /// <remarks>For a &gt; 0: the series of the lower function (z &lt; a + 1) or Legendre's continued fraction by the modified
    /// Lentz method (Numerical Recipes, 3rd ed., section 6.2). For a ≤ 0: the recurrence Γ(a, z) = (Γ(a + 1, z) − zᵃe⁻ᶻ)/a
    /// from the fractional part (or from E₁(z) = Γ(0, z) when a is an integer); every step adds terms of one sign.</remarks>
    public static double LogUpperIncompleteGamma(double a, double z)
    {
        if (!(z > 0) || double.IsNaN(a))
        {
            return double.NaN;
        }

        if (a > 0)
        {
            return LogUpperIncompleteGammaPositive(a, z);
        }

        if (a < -64 || z >= 1)
        {
            // Far below zero the recurrence would take −a steps (unbounded as s of Pareto/NBD grows); there Legendre's
            // continued fraction converges fast (its b₀ = z + 1 − a is large). So it does from z = 1 on, where the walk
            // down loses digits: each step subtracts two numbers that differ by about (s − 1)/z of themselves, and at
            // s = 17.38, z = 124 the walk lost them all (ln Γ came out −188.6 instead of −207.9).
            return LogUpperIncompleteGammaContinuedFraction(a, z);
        }

        int steps = (int)Math.Ceiling(-a);
        double start = a + steps;
        double value;
        if (start == 0)
        {
            value = ExponentialIntegral1(z);
        }
        else
        {
            if (start < 1e-12)
            {
                start += 1;
                steps += 1;
            }

            value = Math.Exp(LogUpperIncompleteGammaPositive(start, z));
        }

        // Walk down: Γ(s − 1, z) = (Γ(s, z) − z^(s−1) e^(−z)) / (s − 1); with s − 1 < 0 both parts add.
        double s = start;
        for (int k = 0; k < steps; k++)
        {
            double lower = s - 1;
            value = (value - Math.Exp((lower * Math.Log(z)) - z)) / lower;
            s = lower;
        }

        return Math.Log(value);
    }

    private static double LogUpperIncompleteGammaPositive(double a, double z)
    {
        double logPrefix = (a * Math.Log(z)) - z;
        if (z < a + 1)
        {
            // Γ(a, z) = Γ(a) − γ(a, z), γ by its series; here Γ(a, z)/Γ(a) is not small, so the difference is accurate.
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 100_000; n++)
            {
                term *= z / (a + n);
                sum += term;
                if (term < sum * 1e-17)
                {
                    break;
                }
            }

            double lower = Math.Exp(logPrefix + Math.Log(sum));
            double gamma = Math.Exp(LogGamma(a));
            return Math.Log(gamma - lower);
        }

        return LogUpperIncompleteGammaContinuedFraction(a, z);
    }

    /// <summary>E₁(z) = Γ(0, z) for z &gt; 0: its power series below 1, the continued fraction above.</summary>
    private static double ExponentialIntegral1(double z)
    {
        if (z < 1)
        {
            const double EulerGamma = 0.57721566490153286061;
            double sum = 0;
            double term = 1;
            for (int k = 1; k < 1000; k++)
            {
                term *= -z / k;
                double add = term / k;
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }
            }

            return -EulerGamma - Math.Log(z) - sum;
        }

        return Math.Exp(LogUpperIncompleteGammaContinuedFraction(0, z));
    }

    private static double LogUpperIncompleteGammaContinuedFraction(double a, double z)
    {
        const double Tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return (a * Math.Log(z)) - z + Math.Log(h);
    }

    /// <summary>The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a &gt; 0, x &gt;= 0 (the normal
    /// tail of the listening path: P(Z &gt; z) = Q(1/2, z²/2) / 2).</summary>
    public static double GammaQ(double a, double x) => x <= 0 ? 1 : Math.Exp(LogUpperIncompleteGamma(a, x) - LogGamma(a));

    /// <summary>The regularized incomplete beta function I_x(a, b), for a, b &gt; 0 and 0 &lt;= x &lt;= 1 (the Student t tail):
    /// <see cref="Distributions.RegularizedIncompleteBeta"/>, the one implementation.</summary>
    public static double BetaRegularized(double x, double a, double b) => Distributions.RegularizedIncompleteBeta(x, a, b);
}
