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
            return ((x - 0.5) * Math.Log(x)) - x + LogSqrtTwoPi + StirlingRemainder(x);
        }

        if (x < 1e-17)
        {
            // ln Γ(x) = −ln x − γx + O(x²); the reflection below overflows at subnormal x (π/sin(πx) > 1.8e308).
            return -Math.Log(x) - (0.57721566490153286061 * x);
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

        return result + Math.Log(x) - (0.5 / x) - DigammaSeries(x);
    }

    /// <summary>ψ(y + n) − ψ(y) = Σ_{k &lt; n} 1/(y + k) for y &gt; 0 and a whole n ≥ 0, without the cancellation of two
    /// digamma values of a large argument (each about ln y, while their difference is about n/y).</summary>
    /// <remarks>Up to <see cref="DirectRisingFactors"/> terms the sum itself; else the terms below 10 directly and, from
    /// z ≥ 10, ln(1 + n/z) − ½(1/(z + n) − 1/z) − [S(z + n) − S(z)] with S the asymptotic series
    /// Σ B₂ₖ/(2k z^(2k)) of <see cref="Digamma"/>, whose leading terms cancel analytically.</remarks>
    public static double DigammaDifference(double y, double n)
    {
        double sum = 0;
        while (n > 0 && (n <= DirectRisingFactors || y < 10))
        {
            sum += 1 / y;
            y += 1;
            n -= 1;
        }

        if (n <= 0)
        {
            return sum;
        }

        double end = y + n;
        return sum + Log1P(n / y) - (0.5 * ((1 / end) - (1 / y))) - (DigammaSeries(end) - DigammaSeries(y));
    }

    /// <summary>Σ B₂ₖ/(2k x^(2k)) for x ≥ 10, five terms: ψ(x) = ln x − 1/(2x) − this.</summary>
    private static double DigammaSeries(double x)
    {
        double inv = 1 / x;
        double inv2 = inv * inv;
        return inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * (1.0 / 132)))))))));
    }

    /// <summary>Stirling's remainder δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10 (0 at +∞): seven terms of
    /// its asymptotic series, whose first left-out term is below 3e-17 at x = 10.</summary>
    public static double StirlingRemainder(double x)
    {
        double inv = 1 / x;
        double inv2 = inv * inv;
        return inv * ((1.0 / 12) - (inv2 * ((1.0 / 360) - (inv2 * ((1.0 / 1260) - (inv2 * ((1.0 / 1680) - (inv2 * ((1.0 / 1188) - (inv2 * ((691.0 / 360360) - (inv2 * (1.0 / 156)))))))))))));
    }

    /// <summary>ln B(a, b) for every a, b &gt; 0 up to the largest double, without forming a + b where it overflows.</summary>
    /// <remarks>With p = min(a, b) and q = max(a, b): for p ≥ 10 Stirling's leading terms cancel analytically,
    /// ln B = ½ ln 2π − ½ ln q − (p − ½) ln(1 + q/p) − q ln(1 + p/q) + δ(p) + δ(q) − δ(p + q); for p &lt; 10 ≤ q,
    /// ln B = ln Γ(p) − p ln q − (q − ½ + p) ln(1 + p/q) + p + δ(q) − δ(p + q) (the split of R's <c>lbeta</c>,
    /// nmath/lbeta.c, with ln(p + q) written as ln q + ln(1 + p/q)); below 10 the three log-gammas. Only a result
    /// below −1.8e308 (a and b both near the largest double) is −∞. Checked against SciPy's <c>betaln</c> in
    /// <c>NumericsTests</c>.</remarks>
    public static double LogBeta(double a, double b)
    {
        double p = Math.Min(a, b);
        double q = Math.Max(a, b);
        if (p >= 10)
        {
            double corr = StirlingRemainder(p) + StirlingRemainder(q) - StirlingRemainder(p + q);
            return LogSqrtTwoPi - (0.5 * Math.Log(q)) + corr - ((p - 0.5) * Log1P(q / p)) - (q * Log1P(p / q));
        }

        if (q >= 10)
        {
            double corr = StirlingRemainder(q) - StirlingRemainder(p + q);
            double log1pRatio = Log1P(p / q);
            return LogGamma(p) + corr + p - (p * (Math.Log(q) + log1pRatio)) - ((q - 0.5) * log1pRatio);
        }

        return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
    }

    /// <summary>ln Γ(x + n) − ln Γ(x) = ln (x)ₙ for x &gt; 0 and a whole n ≥ 0, without the cancellation of two log-gammas of a large
    /// argument (each about x ln x, so at x = 1e12 their difference alone would carry an error of 0.004).</summary>
    /// <remarks>Up to <see cref="DirectRisingFactors"/> factors the sum of ln(x + k); from x ≥ 10 Stirling's series with its
    /// leading terms cancelled, (x − ½) ln(1 + n/x) + n ln(x + n) − n + δ(x + n) − δ(x); else the two log-gammas (each at
    /// most a few thousand, so a few ulps of the result).</remarks>
    public static double LogGammaRatio(double x, double n)
    {
        if (n <= DirectRisingFactors)
        {
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                sum += Math.Log(x + k);
            }

            return sum;
        }

        return x >= 10
            ? ((x - 0.5) * Log1P(n / x)) + (n * Math.Log(x + n)) - n + StirlingRemainder(x + n) - StirlingRemainder(x)
            : LogGamma(x + n) - LogGamma(x);
    }

    /// <summary>Up to this many factors <see cref="RisingRatio"/> and <see cref="LogRisingRatio"/> take directly.</summary>
    public const int DirectRisingFactors = 16;

    /// <summary>(x)ₙ / (x + shift)ₙ = Πₖ₌₀ⁿ⁻¹ 1/(1 + shift/(x + k)) for x, shift &gt; 0 and n ≥ 0: the product itself up to
    /// <see cref="DirectRisingFactors"/> factors (a few ulps, where e^ln would lose |ln| ulps), else e^<see cref="LogRisingRatio"/>.</summary>
    public static double RisingRatio(double x, double shift, double n)
    {
        if (n > DirectRisingFactors)
        {
            return Math.Exp(LogRisingRatio(x, shift, n));
        }

        double product = 1;
        for (int k = 0; k < n; k++)
        {
            product /= 1 + (shift / (x + k));
        }

        return product;
    }

    /// <summary>ln[(x)ₙ / (x + shift)ₙ] = Σₖ₌₀ⁿ⁻¹ −ln(1 + shift/(x + k)), the log of a ratio of rising factorials (Pochhammer
    /// symbols), for x, shift &gt; 0 and n ≥ 0, at every size up to the largest double: never NaN, at most 0.</summary>
    /// <remarks>The first <see cref="DirectRisingFactors"/> factors are summed directly (terms of one sign, each to a few ulps); the rest, from u = x + 16,
    /// by Stirling's series with its leading terms cancelled analytically:
    /// Σ = h(u + shift) − h(u) + m ln(1 + shift/(u + m)) + δ(u + shift + m) − δ(u + shift) − δ(u + m) + δ(u), with
    /// h(v) = (v − ½) ln(1 + m/v) (its limit m when v overflows) and m the count left. Nothing forms a Γ of a huge argument,
    /// so the ratio is right where each factorial alone would overflow (the sBG's survival at α and β near 1e308).</remarks>
    public static double LogRisingRatio(double x, double shift, double n)
    {
        double sum = 0;
        int k = 0;
        for (; k < n && k < DirectRisingFactors; k++)
        {
            sum -= Log1PRatio(shift, x + k);
        }

        double m = n - k;
        if (!(m > 0) || double.IsNegativeInfinity(sum))
        {
            return sum;
        }

        double u = x + k;
        double v = u + shift;
        double difference;
        if (shift < u)
        {
            // h(v) − h(u) = shift·ln(1 + m/v) + (u − ½)·ln(1 − m·shift/(v(u + m))): no difference of two numbers near m, so
            // the error stays a few ulps of shift·ln(1 + m/v) (the sum itself) when shift is small beside u.
            difference = (shift * Log1P(m / v)) + ((u - 0.5) * Log1P(-(m / (u + m)) * (shift / v)));
        }
        else
        {
            double hv = double.IsPositiveInfinity(v) ? m : (v - 0.5) * Log1P(m / v);
            difference = hv - ((u - 0.5) * Log1P(m / u));
        }

        double tail = difference + (m * Log1P(shift / (u + m)))
            + StirlingRemainder(v + m) - StirlingRemainder(v) - StirlingRemainder(u + m) + StirlingRemainder(u);
        return Math.Min(0, sum - tail);
    }

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
        return um1 == -1 ? -1 : double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x), accurate for small x (Goldberg's trick).</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : x > 1e300 ? Math.Log(x) : Math.Log(u) * x / (u - 1); // ln(u)·x overflows past 1e305
    }

    /// <summary>ln(1 + t/scale) for t ≥ 0 and scale &gt; 0, also where t/scale overflows (a scale near 0): then
    /// ln(scale + t) − ln scale.</summary>
    public static double Log1PRatio(double t, double scale)
    {
        double ratio = t / scale;
        return double.IsFinite(ratio) ? Log1P(ratio) : Math.Log(scale + t) - Math.Log(scale);
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

    /// <summary>The BG/NBD expectation's series with the shape R = r + x taken out: Σₙ≥₁ (a)ₙ₋₁/n! · (1 − (c − R)ₙ/(c)ₙ) · zⁿ,
    /// for a &gt; 0, 0 &lt; R &lt; c and 0 ≤ z &lt; 1; then (a + b + x − 1)(1 − z)^(a − 1) times it is
    /// (c/(a − 1))[1 − (1 − z)^(a−1) ₂F₁(c − R, a − 1; c; z)], E[Y(t) | alive] of BG/NBD, with c = a + b + x − 1.</summary>
    /// <remarks>The difference (A)ₙ − (c)ₙ at A = c − R is built by its own recurrence,
    /// eₙ₊₁ = eₙ(1 − R/(c + n)) − R/(c + n) with eₙ = (c − R)ₙ/(c)ₙ − 1, so every term is positive and no digit is lost as
    /// R → 0, where the ε-part form subtracts two numbers of order one to get one of order R. Stops once the rest is
    /// provably below 1e-17 of the sum: with gₙ = (a)ₙ₋₁zⁿ/n!, whose later ratios are at most
    /// q = z·max((a + n)/(n + 2), 1), and −eₖ ≤ −eₙ + R(k − n)/(c + n), the rest is at most
    /// gₙ₊₁/(1 − q)·(−eₙ + R/((c + n)(1 − q))).</remarks>
    /// <returns>The sum, or NaN when it does not settle within a million terms.</returns>
    public static double HypergeometricShapeDifference(double a, double shape, double c, double z)
    {
        double g = z;
        double e = -shape / c;
        double sum = g * -e;
        for (int n = 1; n < 1_000_000 && g != 0; n++)
        {
            double q = z * Math.Max((a + n) / (n + 2), 1);
            double next = g * z * (a + n - 1) / (n + 1);
            if (q < 1 && next / (1 - q) * (-e + (shape / ((c + n) * (1 - q)))) <= 1e-17 * sum)
            {
                return sum;
            }

            double step = shape / (c + n);
            e = (e * (1 - step)) - step;
            g = next;
            sum += g * -e;
        }

        return g == 0 ? sum : double.NaN;
    }

    /// <summary>ln ∫ from <paramref name="from"/> to <paramref name="to"/> of (α + τ)^(−m) (β + τ)^(−n) dτ, for α, β &gt; 0,
    /// m, n ≥ 0 and 0 ≤ from ≤ to; −∞ when from = to. Bounded in time for every argument.</summary>
    /// <remarks>−m ln(α + from) − n ln(β + from) + <see cref="LogRelativePowerProductIntegral"/>.</remarks>
    public static double LogPowerProductIntegral(double alpha, double m, double beta, double n, double from, double to) =>
        (-m * Math.Log(alpha + from)) - (n * Math.Log(beta + from)) + LogRelativePowerProductIntegral(alpha, m, beta, n, from, to);

    /// <summary>ln ∫ from <paramref name="from"/> to <paramref name="to"/> of (1 + v/A)^(−m) (1 + v/B)^(−n) dτ with
    /// v = τ − from, A = α + from, B = β + from: the integral of (α + τ)^(−m) (β + τ)^(−n) divided by its value at
    /// <paramref name="from"/>, for α, β &gt; 0, m, n ≥ 0 and 0 ≤ from ≤ to; −∞ when from = to. Bounded in time for every
    /// argument, and accurate where m or n is near the largest double (nothing forms m ln(α + τ) or n ln(β + τ)).</summary>
    /// <remarks>With S = min(A, B), its exponent n′ and the other exponent m′, substitute u = ln(1 + v/S): the integral is
    /// S ∫₀^U e^ψ(u) du, U = ln(1 + (to − from)/S), with ψ(u) = (1 − n′) u − m′ ln(1 + q(eᵘ − 1)), q = S/max(A, B).
    /// ψ(0) = 0 and ψ″ = −m′ q eᵘ (1 − q)/(1 − q + q eᵘ)² ≤ 0: log-concave and unimodal, summed by
    /// <see cref="LogConcaveIntegral"/>. The variable starts at exactly 0, so the pieces near the start (of width about
    /// 1/max(m, n) when the integrand falls steeply) keep full precision; in ln(S + v), as before, they were a few hundred
    /// ulps of ln S wide at m = 1e12, and the Pareto/NBD likelihood came out above 0.</remarks>
    public static double LogRelativePowerProductIntegral(double alpha, double m, double beta, double n, double from, double to)
    {
        if (!(to > from))
        {
            return double.NegativeInfinity;
        }

        double a = alpha + from;
        double b = beta + from;
        (double small, double nSmall, double large, double mLarge) = a <= b ? (a, m, b, n) : (b, n, a, m);
        var curve = new RelativePowerProduct(1 - nSmall, mLarge, Math.Log(small) - Math.Log(large), Math.Abs(alpha - beta) / large);
        double end = Log1P((to - from) / small);
        if (!(end > 0))
        {
            // A range too short to move the variable (to − from below an ulp of S): the integrand is 1 across it.
            return Math.Log(to - from);
        }

        double mode = curve.Slope(0) <= 0 ? 0 : curve.Slope(end) >= 0 ? end : Math.Clamp(curve.ModeOfSlope(), 0, end);
        return Math.Log(small) + LogConcaveIntegral(curve, mode, 0, end, double.NaN, double.NaN);
    }

    /// <summary>ln[z^s U(s, s; z)] = ln[z^s e^z Γ(1 − s, z)] = ln ∫₀^∞ e^(−v) (1 + v/z)^(−s) dv for s, z &gt; 0, each up to the
    /// largest double: the Pareto/NBD DERT's confluent hypergeometric factor, a number in (0, 1], without the cancellation
    /// of s ln z against ln U (each of order 1e302 at s = 1e300) or of z against ln Γ(1 − s, z) (at z = 1e299).</summary>
    /// <remarks>In u = ln(1 + v/z) the integral is z ∫₀^∞ e^ψ(u) du with ψ(u) = (1 − s) u − z(eᵘ − 1), concave (ψ″ = −z eᵘ),
    /// its maximum at 0 or, when 1 − s &gt; z, at ln((1 − s)/z); summed by <see cref="LogConcaveIntegral"/>.</remarks>
    public static double LogScaledConfluentU(double s, double z)
    {
        var curve = new ScaledGammaTail(1 - s, z);
        double mode = 1 - s > z ? Math.Log((1 - s) / z) : 0;
        return Math.Log(z) + LogConcaveIntegral(curve, mode, 0, double.PositiveInfinity, double.NaN, double.NaN);
    }

    /// <summary>ln ∫₀¹ θ^(α − 1) (1 − θ)^b (θ + d)^(−1) dθ for α, b, d &gt; 0, each up to the largest double: the integral of
    /// the sBG's discounted expected residual lifetime, B(α, b) · DERL/(1 + d) with b = β + n − 1.</summary>
    /// <remarks>In the logit y = ln(θ/(1 − θ)) the integrand (times dθ/dy = θ(1 − θ)) is e^ψ(y) with
    /// ψ(y) = α ln σ(y) + (b + 1) ln σ(−y) − ln(σ(y) + d), σ the logistic function; ψ″ = −σ(1 − σ)(α + b + 1) +
    /// σ(1 − σ)(σ² + 2σd − d)/(σ + d)² &lt; −σ(1 − σ)(α + b) &lt; 0, so it is log-concave, with slopes α at −∞ and −(b + 1)
    /// at +∞, and <see cref="LogConcaveIntegral"/> sums it from the mode (found by bisection on ψ′). Its left tail is
    /// e^(αy)/d times 1 + O(σ/d): once ψ′ is α to 1e-15 the rest is added in closed form, so a tiny α (a tail of length
    /// 1/α) costs no more than a few hundred pieces. Unlike the ₂F₁ series this does not slow down as d → 0.</remarks>
    public static double LogSbgResidualIntegral(double alpha, double b, double d)
    {
        var curve = new SbgResidual(alpha, b, d);
        return LogConcaveIntegral(curve, Mode(curve), double.NegativeInfinity, double.PositiveInfinity, alpha, double.NaN);
    }

    /// <summary>ln ∫₀¹ p^(a − 1) (1 − p)^b (1 − (1 + pk)^(−R)) dp for a, b, R &gt; 0 and k = <paramref name="horizon"/>/<paramref name="scale"/>
    /// &gt; 0 (which may overflow), each up to the largest double: B(a, b)
    /// times the BG/NBD expectation if alive, E[(1 − (1 + pk)^(−R))/p] over p ~ Beta(a, b) (with b = b + x, R = r + x,
    /// k = t/(α + T)), the mean of (1 − e^(−λpt))/p over the posterior drop-out chance p and rate λ ~ Gamma(R, α + T).</summary>
    /// <remarks>The rescue of the hypergeometric forms where they fail (a + b + x − 1 ≤ 0, r far above a + b, b near 1e300):
    /// in the logit y of p, ψ(y) = a ln σ(y) + b ln σ(−y) + ln F − ln σ(y) with F = 1 − (1 + σk)^(−R), log-concave in ln p
    /// (the CDF of a log-Lomax law); ψ is concave when a + b ≥ 1 and within ¼ of it otherwise. Slopes a at −∞ and −b at +∞,
    /// so both tails are added in closed form once reached (a tail of length 1/a or 1/b).</remarks>
    public static double LogDropOutIntegral(double a, double b, double horizon, double scale, double shape)
    {
        var curve = new DropOutIntegrand(a, b, new DropOutRate(horizon, scale, shape));
        return LogConcaveIntegral(curve, Mode(curve), double.NegativeInfinity, double.PositiveInfinity, a, b, DropOutPieceScale);
    }

    /// <summary>E[(1 − (1 + pk)^(−R))/p] over p ~ Beta(a, b), for a, b, R &gt; 0 and k = <paramref name="horizon"/>/<paramref name="scale"/>
    /// &gt; 0 (which may overflow): the BG/NBD expectation if alive with
    /// b = b + x, R = r + x and k = t/(α + T), as the ratio of two integrals that share the beta's kernel.</summary>
    /// <remarks>
    /// <para><see cref="LogDropOutIntegral"/> less ln B(a, b) is the same number, but both logarithms are about
    /// a ln((a + b)/a) + b ln((a + b)/b) — 1.4e12 at a = b = 1e12, where their difference keeps no digit (the expectation
    /// at a = b = 1e15 came out e^0.5 too large). Here neither integral is of that size: both run in the offset d of the
    /// logit of p from the kernel's mode, where the kernel σ(y₀ + d)^a σ(−y₀ − d)^b over its value at d = 0 is
    /// exp(−a·G(q₀, −d) − b·G(p₀, d)), with p₀ = a/(a + b), q₀ = b/(a + b) and G(w, u) = ln(1 + w(eᵘ − 1)) − wu, the
    /// first-order terms of the two logarithms (each of order a·d, which cancel exactly) taken out analytically, so
    /// that ψ near the mode — of order one — is formed to a few ulps, not to ulps of a·d.</para>
    /// <para>The mean is ∫ kernel·g / ∫ kernel with g = F(p)/p, each by <see cref="LogConcaveIntegral"/>.</para>
    /// </remarks>
    public static double DropOutMean(double a, double b, double horizon, double scale, double shape) =>
        BetaMean(a, b, new DropOutWeight(new DropOutRate(horizon, scale, shape)), b);

    /// <summary>E[(1 − θ)/(θ + d)] over θ ~ Beta(α, b), for α, b, d &gt; 0 each up to the largest double: the sBG's
    /// discounted expected residual lifetime over 1 + d, with b = β + n − 1, as the ratio of two integrals that share the
    /// beta's kernel.</summary>
    /// <remarks><see cref="LogSbgResidualIntegral"/> less ln B(α, b) is the same number, but where α and b are large both
    /// logarithms are about α ln((α + b)/α) + b ln((α + b)/b) (1.9e301 at α = 1e300, b = 1.8e308), and their difference
    /// keeps no digit. As in <see cref="DropOutMean"/>, both integrals here run in the offset from the kernel's mode.</remarks>
    public static double SbgResidualMean(double alpha, double b, double d) =>
        BetaMean(alpha, b, new SbgResidualWeight(d), b + 1);

    /// <summary>part/(part + other) for positive values up to the largest double, without forming part + other (which
    /// overflows where both are near it) or other/part (which overflows where part is tiny).</summary>
    public static double Share(double part, double other) =>
        part >= other ? 1 / (1 + (other / part)) : part / other / (1 + (part / other));

    /// <summary>The cancellation-free size test of <see cref="DropOutMean"/> and <see cref="SbgResidualMean"/>:
    /// a ln(1 + b/a) + b ln(1 + a/b), about −ln B(a, b) for large shapes, the size of the two logarithms whose difference
    /// the direct forms take.</summary>
    public static double BetaKernelScale(double a, double b) => (a * Log1PRatio(b, a)) + (b * Log1PRatio(a, b));

    /// <summary>E[g(p)] over p ~ Beta(a, b) as ∫ kernel·g / ∫ kernel, both in the offset of logit p from the kernel's mode;
    /// <paramref name="rightDescent"/> is the limit of −ψ′ of the weighted integrand at +∞.</summary>
    private static double BetaMean<TWeight>(double a, double b, TWeight weight, double rightDescent)
        where TWeight : struct, IBetaWeight
    {
        double share = Share(a, b);
        double rest = Share(b, a);
        double logShare = -Log1PRatio(b, a);
        double logRest = -Log1PRatio(a, b);
        var kernel = new CentredBeta<TWeight>(a, b, share, rest, logShare, logRest, weight, withWeight: false);
        var weighted = new CentredBeta<TWeight>(a, b, share, rest, logShare, logRest, weight, withWeight: true);
        double curvature = -kernel.Curvature(0); // (a + b)p₀q₀
        double width = 1 / Math.Sqrt(curvature); // the kernel's width in logit p
        bool trapezoid = curvature >= 1 && Math.Min(a, b) >= 1;
        // ∫ kernel = B(a, b)/(p₀^a q₀^b): from shapes of 10 on, by Stirling's series with its leading terms cancelled
        // analytically, ½ ln 2π + ½ ln(1/a + 1/b) + δ(a) + δ(b) − δ(a + b), nothing left to cancel (half the work).
        double logKernel = Math.Min(a, b) >= 10
            ? LogSqrtTwoPi + (0.5 * Math.Log((1 / a) + (1 / b))) + StirlingRemainder(a) + StirlingRemainder(b) - StirlingRemainder(a + b)
            : trapezoid ? LogTrapezoid(kernel, 0, TrapezoidStep(width), a, b)
            : LogConcaveIntegral(kernel, Mode(kernel, width), double.NegativeInfinity, double.PositiveInfinity, a, b);
        // The trapezoidal rule needs no mode: the weight's slope is at most 2 in size and the kernel's curvature at least 1,
        // so the weighted integrand's maximum lies within 2 of the kernel's and at most e² above its value there.
        double logWeighted = trapezoid
            ? LogTrapezoid(weighted, 0, TrapezoidStep(width), a, rightDescent)
            : LogConcaveIntegral(weighted, Mode(weighted, width), double.NegativeInfinity, double.PositiveInfinity, a, rightDescent, DropOutPieceScale);
        return Math.Exp(logWeighted - logKernel);
    }

    /// <summary>The step of <see cref="LogTrapezoid"/>: a third of the kernel's width 1/√((a + b)p₀q₀), and at most
    /// <see cref="WidestTrapezoidStep"/>.</summary>
    private static double TrapezoidStep(double width) => Math.Min(width / 3, WidestTrapezoidStep);

    /// <summary>Where the kernel is near its widest (one unit of logit p) the error is set by the singularities at
    /// Im d = ±π, not by the width: steps of 0.4 put the widest cases 1e-12 off the direct integrals, 0.33 within 1e-13
    /// of them, and 0.15 leaves a margin of e^(−2π·(π/2)/0.15), about 1e-29, over that strip.</summary>
    private const double WidestTrapezoidStep = 0.15;

    /// <summary>ln ∫ e^ψ(d) dd over the whole line by the trapezoidal rule with step <paramref name="step"/> from
    /// <paramref name="origin"/> (at or near the maximum), for the two integrands of <see cref="BetaMean{TWeight}"/> where the
    /// kernel is at most one unit of logit p wide and both shapes are at least one.</summary>
    /// <remarks>
    /// <para>For an integrand analytic in the strip |Im d| &lt; δ the trapezoidal rule over the line converges like
    /// e^(−2πδ/h) (Trefethen and Weideman, "The exponentially convergent trapezoidal rule", SIAM Review 56, 2014, §5).
    /// These integrands are analytic for |Im d| &lt; π (ln σ, ln(1 + pk) and ln(θ + d) are singular only where p is a
    /// negative number, at Im d = ±π), and near their maximum they are Gaussian-like with width w ≥ 1/√((a + b)p₀q₀)
    /// (the weight adds a curvature of order one), where the error is about e^(−2π²w²/h²): at h = w/3, e^(−89) or less; and
    /// the step is at most 0.15, for the strip (see <see cref="WidestTrapezoidStep"/>). So a few dozen to a few hundred points give the integral to rounding, where
    /// the piecewise Gauss–Legendre rule of <see cref="LogConcaveIntegral"/>, which assumes nothing of the sort, takes
    /// thousands (3 ms a call at a = 1e6, b = 3, where a value calculation over CDNOW took 52 s).</para>
    /// <para>A side stops once past the maximum the last term bounds the rest: with ψ falling at least at the rate
    /// min(−ψ′, its limit at infinity) — ψ is concave there, or flattens towards that limit — the rest is at most
    /// term/(e^(rate·h) − 1), and it stops below 1e-18 of the sum. NaN when a side does not settle in 100,000 steps.</para>
    /// </remarks>
    private static double LogTrapezoid<T>(T curve, double origin, double step, double leftSlopeLimit, double rightDescentLimit)
        where T : struct, ILogConcaveCurve
    {
        double peak = curve.Psi(origin);
        double total = 1;
        for (int direction = 1; direction >= -1; direction -= 2)
        {
            double limit = direction > 0 ? rightDescentLimit : leftSlopeLimit;
            bool settled = false;
            for (int j = 1; j <= 100_000; j++)
            {
                double y = origin + (direction * j * step);
                double term = Math.Exp(curve.Psi(y) - peak);
                total += term;
                if (term <= 1e-15 * total)
                {
                    double descent = -direction * curve.Slope(y);
                    double rate = descent > limit ? limit : descent;
                    if (rate > 0 && term / ExpM1(rate * step) <= 1e-18 * total)
                    {
                        settled = true;
                        break;
                    }
                }
            }

            if (!settled)
            {
                return double.NaN;
            }
        }

        return peak + Math.Log(total * step);
    }

    /// <summary>ln(1 + w(eᵘ − 1)) − wu for 0 ≤ w ≤ 1 with 1 − w given as <paramref name="other"/> and ln w, ln(1 − w) as
    /// <paramref name="logWeight"/>, <paramref name="logOther"/>: the cumulant function of a Bernoulli(w) law less its
    /// linear term, ≥ 0 and of order w(1 − w)u²/2 near 0.</summary>
    /// <remarks>Formed as ln(1 + (1 − w)·h(−wu) + w·h((1 − w)u)) with h(x) = eˣ − 1 − x ≥ 0: two non-negative terms, so
    /// nothing cancels; where h overflows, as ln((1 − w)e^(−wu) + w e^((1 − w)u)) from logarithms.</remarks>
    private static double CentredBernoulliLog(double weight, double other, double logWeight, double logOther, double u)
    {
        double down = -weight * u;
        double up = other * u;
        if (down < 700 && up < 700)
        {
            double sum = ScaledExcess(other, logOther, down) + ScaledExcess(weight, logWeight, up);
            return Log1P(sum);
        }

        return LogAddExp(logOther + down, logWeight + up);
    }

    /// <summary>w·(eˣ − 1 − x) for x below 700, from ln w where w is too small to multiply.</summary>
    private static double ScaledExcess(double weight, double logWeight, double x)
    {
        double excess = ExpM1MinusLinear(x);
        return weight > 1e-280 || excess == 0 ? weight * excess : Math.Exp(logWeight + Math.Log(excess));
    }

    /// <summary>eˣ − 1 − x, accurate for small x (its Taylor series below |x| = 0.5, where the difference loses more
    /// than a factor of four).</summary>
    private static double ExpM1MinusLinear(double x)
    {
        if (Math.Abs(x) >= 0.5)
        {
            return ExpM1(x) - x;
        }

        double term = x * x / 2;
        double sum = term;
        for (int n = 3; n < 40 && Math.Abs(term) > 1e-18 * sum; n++)
        {
            term *= x / n;
            sum += term;
        }

        return sum;
    }

    /// <summary>A weight g(p) of <see cref="BetaMean{TWeight}"/>: ln g and d ln g/d logit p, given ln p and ln(1 − p).</summary>
    private interface IBetaWeight
    {
        double LogG(double logP, double logOneMinusP);

        double Slope(double logP, double logOneMinusP);
    }

    /// <summary>g = (1 − (1 + pk)^(−R))/p, the weight of <see cref="DropOutMean"/>.</summary>
    private readonly struct DropOutWeight(DropOutRate rate) : IBetaWeight
    {
        public double LogG(double logP, double logOneMinusP) => rate.LogF(logP) - logP;

        /// <summary>(1 − p)(ρ − 1), as in <see cref="DropOutIntegrand"/>.</summary>
        public double Slope(double logP, double logOneMinusP) => rate.ExcessSlope(logP, Math.Exp(logOneMinusP));
    }

    /// <summary>g = (1 − θ)/(θ + d), the weight of <see cref="SbgResidualMean"/>.</summary>
    private readonly struct SbgResidualWeight(double d) : IBetaWeight
    {
        private readonly double _logD = Math.Log(d);

        public double LogG(double logP, double logOneMinusP) => logOneMinusP - LogAddExp(logP, _logD);

        /// <summary>−θ − θ(1 − θ)/(θ + d).</summary>
        public double Slope(double logP, double logOneMinusP)
        {
            double p = Math.Exp(logP);
            return -p - (p * Math.Exp(logOneMinusP) / (p + d));
        }
    }

    /// <summary>The kernel of Beta(a, b) in the offset d of logit p from its mode, over its value at the mode — and, with
    /// <c>withWeight</c>, times the weight g(p): the two integrands of <see cref="BetaMean{TWeight}"/>.</summary>
    private readonly struct CentredBeta<TWeight>(
        double a, double b, double share, double rest, double logShare, double logRest, TWeight weight, bool withWeight)
        : ILogConcaveCurve
        where TWeight : struct, IBetaWeight
    {
        public double Psi(double d)
        {
            // G(q₀, −d) and G(p₀, d) once each: the kernel and ln p, ln(1 − p) share them.
            double down = CentredBernoulliLog(rest, share, logRest, logShare, -d);
            double up = CentredBernoulliLog(share, rest, logShare, logRest, d);
            double kernel = -(a * down) - (b * up);
            return withWeight ? kernel + weight.LogG(logShare + ((rest * d) - down), logRest - up - (share * d)) : kernel;
        }

        public double Slope(double d)
        {
            // (a + b)(p₀ − p), with p − p₀ = p₀(e^(ln p − ln p₀) − 1) formed without the difference of two near numbers:
            // ln p − ln p₀ = q₀d − G(q₀, −d) itself, not ln p less ln p₀ (which rounds to a multiple of 1e-16 and left
            // the slope noise within 1e-16 of the mode, where a kernel at shapes of 1e100 is 1e-50 wide).
            double moved = share * ExpM1(LogPMoved(d));
            double kernel = -(a * moved) - (b * moved);
            return withWeight ? kernel + WeightSlope(d) : kernel;
        }

        public double Curvature(double d)
        {
            double p = Math.Exp(LogP(d));
            double s = p * Math.Exp(LogOneMinusP(d));
            double kernel = (-s * a) - (s * b);
            if (!withWeight)
            {
                return kernel;
            }

            const double H = 1e-4;
            return kernel - Math.Abs((WeightSlope(d + H) - WeightSlope(d - H)) / (2 * H));
        }

        /// <summary>ln p = ln p₀ + ln σ(y₀ + d) − ln σ(y₀) = ln p₀ − G(q₀, −d) + q₀d.</summary>
        private double LogP(double d) => logShare + LogPMoved(d);

        /// <summary>ln p − ln p₀ = q₀d − G(q₀, −d).</summary>
        private double LogPMoved(double d) => (rest * d) - CentredBernoulliLog(rest, share, logRest, logShare, -d);

        /// <summary>ln(1 − p) = ln q₀ + ln σ(−y₀ − d) − ln σ(−y₀) = ln q₀ − G(p₀, d) − p₀d.</summary>
        private double LogOneMinusP(double d) => logRest - CentredBernoulliLog(share, rest, logShare, logRest, d) - (share * d);

        private double WeightSlope(double d) => weight.Slope(LogP(d), LogOneMinusP(d));
    }

    /// <summary>The root of ψ′ by bisection on [−1600, 800] (ψ′ falls; every mode of these integrands lies there).</summary>
    /// <remarks>With <paramref name="width"/>, the integrand's width about its mode, the bisection goes on to a thousandth of it:
    /// a centred beta kernel at shapes of 1e100 is 1e-50 wide, where 1e-12 would leave the mode 1e38 widths off and its
    /// peak, the integral's reference level, hundreds of orders of magnitude below the integrand.</remarks>
    private static double Mode<T>(T curve, double width = double.PositiveInfinity)
        where T : struct, ILogConcaveCurve
    {
        double lo = -1600;
        double hi = 800;
        for (int i = 0; i < 1200 && hi - lo > Math.Min(1e-12 * (1 + Math.Abs(lo)), 1e-3 * width); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break; // adjacent doubles
            }

            if (curve.Slope(mid) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>A log-concave integrand e^ψ(y): ψ, ψ′ and ψ″.</summary>
    private interface ILogConcaveCurve
    {
        double Psi(double y);

        double Slope(double y);

        double Curvature(double y);
    }

    /// <summary>ln ∫ e^ψ(y) dy from <paramref name="from"/> to <paramref name="to"/> (either may be infinite) for a concave ψ
    /// with its maximum at <paramref name="mode"/>, from ≤ mode ≤ to; NaN when a side does not settle in a million pieces.</summary>
    /// <remarks>Summed outwards from the mode in pieces of width 0.5/(1 + |ψ′| + √|ψ″|), so ψ changes by less than about
    /// one within a piece and 8-point Gauss–Legendre is exact to rounding; a side stops when the rest, at most
    /// e^ψ/|ψ′| (ψ is concave past the mode), is below 1e-18 of the sum, or — on the left, given the limit
    /// <paramref name="leftSlopeLimit"/> of ψ′ at −∞ — once ψ′ has reached that limit to 1e-15, when the rest, between
    /// e^ψ/limit and e^ψ/ψ′, is added in closed form.</remarks>
    private static double LogConcaveIntegral<T>(T curve, double mode, double from, double to, double leftSlopeLimit, double rightDescentLimit, double pieceScale = 0.5)
        where T : struct, ILogConcaveCurve
    {
        double peak = curve.Psi(mode);
        return peak + LogAddExp(Side(curve, mode, peak, to, 1, rightDescentLimit, pieceScale), Side(curve, mode, peak, from, -1, leftSlopeLimit, pieceScale));
    }

    /// <summary>The drop-out integrals of the BG/NBD expectation and the sBG DERL take pieces twice as wide as the others
    /// (half the work): the mpmath references of both (311 and 168 cases) still agree to 1e-12, where pieces four times as
    /// wide did not (2e-12 off at a = b = 1e12).</summary>
    private const double DropOutPieceScale = 1;

    /// <summary>ln of one side of <see cref="LogConcaveIntegral"/>, in units of e^peak.</summary>
    private static double Side<T>(T curve, double mode, double peak, double end, int direction, double slopeLimit, double pieceScale)
        where T : struct, ILogConcaveCurve
    {
        double total = 0;
        double y = mode;
        for (int piece = 0; piece < 1_000_000 && direction * (end - y) > 0; piece++)
        {
            double h = pieceScale / (1 + Math.Abs(curve.Slope(y)) + Math.Sqrt(Math.Abs(curve.Curvature(y))));
            double next = direction > 0 ? Math.Min(y + h, end) : Math.Max(y - h, end);
            double center = 0.5 * (y + next);
            double half = 0.5 * Math.Abs(next - y);
            double part = 0;
            for (int k = 0; k < LegendreNodes.Length; k++)
            {
                part += LegendreWeights[k] * (Math.Exp(curve.Psi(center - (half * LegendreNodes[k])) - peak) + Math.Exp(curve.Psi(center + (half * LegendreNodes[k])) - peak));
            }

            total += part * half;
            y = next;
            double descent = -direction * curve.Slope(y);
            if (descent > 0 && direction * (end - y) > 0)
            {
                // Past the mode a concave ψ falls at least as fast as here; where ψ is not concave (a tail that flattens
                // towards its limit from above) the limit bounds the fall instead.
                double edge = curve.Psi(y) - peak;
                if (Math.Exp(edge) / (descent > slopeLimit ? slopeLimit : descent) <= 1e-18 * total)
                {
                    return Math.Log(total);
                }

                if (Math.Abs(descent - slopeLimit) <= 1e-15 * slopeLimit)
                {
                    return LogAddExp(Math.Log(total), edge - Math.Log(descent));
                }
            }
        }

        return direction * (end - y) > 0 ? double.NaN : Math.Log(total);
    }

    /// <summary>ψ(u) = c·u − m ln(1 + q(eᵘ − 1)), the integrand of <see cref="LogRelativePowerProductIntegral"/>, with
    /// ln q and 1 − q given separately (1 − q = |α − β|/max(A, B), exact where q is near 1).</summary>
    private readonly struct RelativePowerProduct(double linear, double power, double logQ, double oneMinusQ) : ILogConcaveCurve
    {
        public double Psi(double u)
        {
            if (u > 700)
            {
                return (linear * u) - (power * LogAddExp(Math.Log(oneMinusQ), logQ + u));
            }

            double grown = ExpM1(u);
            if (logQ > -700)
            {
                return (linear * u) - (power * Log1P(Math.Exp(logQ) * grown));
            }

            // q itself underflows (α and β two hundred orders of magnitude apart): y = q(eᵘ − 1) from its logarithm, and
            // m ln(1 + y) = m·y from its logarithm too once y is below 1e-304.
            double logY = logQ + Math.Log(grown);
            return logY > -700
                ? (linear * u) - (power * Log1P(Math.Exp(logY)))
                : (linear * u) - Math.Exp(Math.Log(power) + logY);
        }

        public double Slope(double u)
        {
            (double share, _) = Shares(u);
            return linear - (power * share);
        }

        public double Curvature(double u)
        {
            (double share, double other) = Shares(u);
            return power * share * other;
        }

        /// <summary>Where ψ′ = 0 when 0 &lt; c &lt; m: q eᵘ/(1 − q + q eᵘ) = c/m, so u = ln[(1 − q) c/((m − c) q)].</summary>
        public double ModeOfSlope() => Math.Log(oneMinusQ) + Math.Log(linear) - Math.Log(power - linear) - logQ;

        /// <summary>q eᵘ/(1 − q + q eᵘ) and (1 − q)/(1 − q + q eᵘ), from t = (1 − q)/(q eᵘ) without overflow at either end.</summary>
        private (double Share, double Other) Shares(double u)
        {
            double t = oneMinusQ == 0 ? 0 : oneMinusQ * Math.Exp(-(logQ + u));
            return (1 / (1 + t), 1 / (1 + (1 / t)));
        }
    }

    /// <summary>ψ(u) = c·u − z(eᵘ − 1), the integrand of <see cref="LogScaledConfluentU"/>.</summary>
    private readonly struct ScaledGammaTail(double linear, double z) : ILogConcaveCurve
    {
        public double Psi(double u) => (linear * u) - (z * ExpM1(u));

        public double Slope(double u) => linear - (z * Math.Exp(u));

        public double Curvature(double u) => z * Math.Exp(u);
    }

    /// <summary>ψ(y) = α ln σ(y) + (b + 1) ln σ(−y) − ln(σ(y) + d), the integrand of <see cref="LogSbgResidualIntegral"/>.</summary>
    private readonly struct SbgResidual(double alpha, double b, double d) : ILogConcaveCurve
    {
        private readonly double _logD = Math.Log(d);

        public double Psi(double y)
        {
            double logSigma = -SoftPlus(-y);
            return (alpha * logSigma) - ((b + 1) * SoftPlus(y)) - LogAddExp(logSigma, _logD);
        }

        public double Slope(double y)
        {
            double sigma = Logistic(y);
            double rest = Logistic(-y);
            return (alpha * rest) - ((b + 1) * sigma) - (sigma * rest / (sigma + d));
        }

        public double Curvature(double y)
        {
            double sigma = Logistic(y);
            double s = sigma * Logistic(-y);
            double sum = sigma + d;
            return (-s * alpha) - (s * (b + 1)) + (s / sum * (((sigma * sigma) + (2 * sigma * d) - d) / sum)); // sum² can underflow
        }
    }

    /// <summary>ψ(y) = (a − 1) ln σ(y) + b ln σ(−y) + ln F(σ(y)), F(p) = 1 − (1 + pk)^(−R): the integrand of
    /// <see cref="LogDropOutIntegral"/>. ψ″ by a central difference of ψ′ (it only sets the width of a piece).</summary>
    private readonly struct DropOutIntegrand(double a, double b, DropOutRate rate) : ILogConcaveCurve
    {
        public double Psi(double y)
        {
            double logSigma = -SoftPlus(-y);
            return ((a - 1) * logSigma) - (b * SoftPlus(y)) + rate.LogF(logSigma);
        }

        public double Slope(double y)
        {
            // ψ′ = a(1 − σ) − bσ + d ln(F/σ)/dy.
            double sigma = Logistic(y);
            double rest = Logistic(-y);
            return (a * rest) - (b * sigma) + rate.ExcessSlope(-SoftPlus(-y), rest);
        }

        public double Curvature(double y)
        {
            // The beta part's −σ(1 − σ)(a + b) exactly, plus a central difference of the slope for the rest: an estimate
            // on the large side, which only narrows the pieces (a peak narrower than the difference's step is not missed).
            const double H = 1e-4;
            double s = Logistic(y) * Logistic(-y);
            return (-s * a) - (s * b) - Math.Abs((Slope(y + H) - Slope(y - H)) / (2 * H));
        }

    }

    /// <summary>The purchase side of the drop-out integrands: F(p) = 1 − (1 + pk)^(−R) with k = t/(α + T), kept as k and
    /// ln k both, since k overflows where α + T is near 0 and t is not (a new customer at α = 1e-300).</summary>
    private readonly struct DropOutRate(double horizon, double scale, double shape)
    {
        private readonly double _k = horizon / scale;
        private readonly double _logK = Math.Log(horizon) - Math.Log(scale);
        private readonly double _logShape = Math.Log(shape);

        /// <summary>ln F(p) from v = R ln(1 + pk): ln(1 − e^(−v)), or ln v + ln(1 − v/2 + v²/6) for tiny v, with ln v from
        /// ln p where pk underflows.</summary>
        public double LogF(double logP)
        {
            (double u, double log1pU) = Grown(logP);
            double logV = u > 1e-10 ? _logShape + Math.Log(log1pU) : _logShape + _logK + logP - (0.5 * u);
            double v = Math.Exp(logV);
            return v > 1e-5 ? Log1MinusExp(-v) : logV + Log1P((-0.5 * v) + (v * v / 6));
        }

        /// <summary>d ln(F(p)/p)/d logit p = (1 − p)(ρ − 1) with ρ = [u/((1 + u) ln(1 + u))]·[v/(eᵛ − 1)], u = pk,
        /// v = R ln(1 + u): both factors tend to 1 as p → 0, where the slope must keep a = 1e-300 beside terms of order
        /// one, so ρ − 1 is formed from the two factors' own distances from 1.</summary>
        public double ExcessSlope(double logP, double oneMinusP)
        {
            (double u, double log1pU) = Grown(logP);
            double v = shape * log1pU;
            double first = u < 1e-5 ? u * ((5.0 / 12 * u) - 0.5) : (1 / ((1 + (1 / u)) * log1pU)) - 1;
            double second = v < 1e-5 ? v * ((v / 12) - 0.5) : (v / ExpM1(v)) - 1;
            return oneMinusP * (first + second + (first * second));
        }

        /// <summary>u = pk and ln(1 + u), from ln p + ln k where p is below 1e-300 (at r = 1e100 the purchases turn on at
        /// pk ≈ 1e-100, with p far below the smallest double) or pk overflows.</summary>
        private (double U, double Log1PU) Grown(double logP)
        {
            double p = Math.Exp(logP);
            double u = p * _k;
            if (double.IsFinite(u) && p > 1e-300)
            {
                return (u, Log1P(u));
            }

            double logU = logP + _logK;
            return (Math.Exp(logU), SoftPlus(logU));
        }
    }

    /// <summary>ln(1 + eˣ) without overflow; 0 at −∞.</summary>
    public static double SoftPlus(double x) => x > 0 ? x + Log1P(Math.Exp(-x)) : Log1P(Math.Exp(x));

    /// <summary>1/(1 + e⁻ˣ) without overflow.</summary>
    private static double Logistic(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>Σₖ (b)ₖ/(b + shift)ₖ zᵏ = ₂F₁(1, b; b + shift; z) for b, shift &gt; 0 and 0 ≤ z ≤ 1 (z = 1 only with shift &gt; 1),
    /// with each term ratio z/(1 + shift/(b + k)), so nothing overflows when b + shift would.</summary>
    /// <remarks>Stops on either of two bounds on the rest after term n, both valid for every later term: the ratios rise
    /// towards z, so the rest is at most termₙ·z/(1 − z); and by Gauss's theorem the tail of the series at z = 1 is
    /// (b)ₙ₊₁/(b + shift)ₙ₊₁ · (b + shift + n)/(shift − 1), so for shift &gt; 1 the rest is at most termₙ·z·(b + n)/(shift − 1)
    /// — which settles fast when z is at or next to 1 but shift is well above 1.</remarks>
    /// <returns>The sum, or NaN when neither bound falls below 1e-17 of the sum within <paramref name="maxTerms"/> terms.</returns>
    public static double HypergeometricOneShifted(double b, double shift, double z, int maxTerms)
    {
        double term = 1;
        double sum = 1;
        double gauss = shift > 1 ? z / (shift - 1) : double.PositiveInfinity;
        double geometric = z < 1 ? z / (1 - z) : double.PositiveInfinity;
        for (int n = 0; n < maxTerms; n++)
        {
            if (Math.Min(term * geometric, term * gauss * (b + n)) <= 1e-17 * sum)
            {
                return sum;
            }

            term *= z / (1 + (shift / (b + n)));
            sum += term;
        }

        return double.NaN;
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
    /// <returns>The sum; ±∞ as soon as it overflows; NaN when it does not settle within a million terms.</returns>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        double term = a * b / c * z;
        double sum = 1 + term;
        double least = z / (1 - z);
        for (int n = 1; n < 1_000_000 && term != 0; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (!double.IsFinite(sum))
            {
                return sum; // overflowed: no later term brings it back
            }

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
