using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>The BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way", <i>Marketing Science</i>
/// 24(2)): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with
/// probability p ~ Beta(a, b).</summary>
/// <remarks>
/// <para>Formulas of the paper: the likelihood (its equation 6, in log space with log-gamma), P(alive) (the paper's
/// equation for P(τ &gt; T)), E[X(t)] (equation 9) and the conditional expectation E[Y(t) | x, t_x, T] (equation 10).
/// The Gaussian hypergeometric function of equations 9 and 10 is evaluated after Euler's transformation,
/// ₂F₁(r + x, b + x; a + b + x − 1; z) = (1 − z)^(a − 1 − r − x) ₂F₁(a + b − 1 − r, a − 1; a + b + x − 1; z), which
/// cancels the power (α + T)^(r + x) against (1 − z)^(r + x) so nothing overflows for large x, and the factor 1/(a − 1)
/// is taken into the series so that a = 1 (a removable singularity) is exact. When that series would first grow past
/// e^30 (ε·ln(1/(1 − z)) &gt; 30: a in the hundreds, or z near 1 with a &gt; 1) the direct form is summed instead: its terms
/// fall at once, and with ε large its prefactor (a + b + x − 1)/(a − 1) is modest. Both series stop on a bound valid for
/// every later term and give up after a million terms; the direct form is not tried where its terms would rise for more
/// than 10⁴ terms, nor kept once it overflows: a horizon so long that z = t/(α + T + t) is near 1 takes the integral below
/// (finite and right, about 2 ms a call: V-1 of issue #13 was NaN there).</para>
/// <para>At the edges of the parameters (issue #13's V-3): with r + x below an eighth of a + b + x − 1 the expectation if
/// alive is summed as a series of positive terms with r + x taken out (the forms above subtract two numbers of order one
/// to get one of order r); where the hypergeometric forms fail — a + b + x − 1 = 0 (a = b = 0.5 and no repeat
/// purchases), r far above a + b (the ε-part series alternates through huge terms), b near 1e300, a large a beside a
/// small r — it is the integral E[(1 − (1 + pt/(α + T))^(−r−x))/p] over the posterior drop-out chance p ~ Beta(a, b + x),
/// log-concave in the logit of p (a point mass at a/(a + b + x) from a = 1e17 on). Where a and b + x are both large that
/// mean is the ratio of two integrals sharing the beta kernel, run in the offset from its mode: ln of one integral less
/// ln B(a, b + x), both of order a ln 2, kept no digit at a = b = 1e15. A conditional expectation below
/// (r + x)·t/(α + T)·P(alive) &lt; 5e-324 is 0. Expectations whose true value exceeds the largest double (r near 1e308 with
/// a small α) are not representable.</para>
/// <para>P(alive) = 1 for a customer without repeat purchases: under BG/NBD a customer can only drop out right after a
/// purchase.</para>
/// </remarks>
public sealed class BgNbdParameters : PurchaseModel
{
    /// <summary>Initializes the parameters.</summary>
    /// <param name="r">Shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">Scale of the gamma distribution of purchase rates (per time unit).</param>
    /// <param name="a">First shape of the beta distribution of drop-out probabilities.</param>
    /// <param name="b">Second shape of the beta distribution of drop-out probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite, or lies outside
    /// <see cref="PurchaseModel.MinParameter"/> (1e-300) to <see cref="PurchaseModel.MaxParameter"/> (1e300).</exception>
    public BgNbdParameters(double r, double alpha, double a, double b)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        A = Positive(a, nameof(a));
        B = Positive(b, nameof(b));
    }

    /// <summary>Gets r, the shape of the purchase-rate distribution.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the purchase-rate distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets a, the first shape of the drop-out distribution.</summary>
    public double A { get; }

    /// <summary>Gets b, the second shape of the drop-out distribution.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public override string Name => "BG/NBD";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Values => [new("r", R), new("alpha", Alpha), new("a", A), new("b", B)];

    /// <inheritdoc/>
    /// <remarks>ln L = ln[Γ(r + x)/Γ(r)] + ln[B(a, b + x)/B(a, b)] + ln[(α/(α + T))^r (α + T)^(−x) + δ(x &gt; 0) a/(b + x − 1)
    /// (α/(α + t_x))^r (α + t_x)^(−x)] (Fader, Hardie and Lee 2005, equation 6), each factor formed as a ratio
    /// (<see cref="SpecialFunctions.LogGammaRatio"/>, <see cref="SpecialFunctions.LogRisingRatio"/>, −r ln(1 + T/α)): nothing
    /// forms r ln α or ln Γ(a + b), which at r = 1e12 or a + b = 1e12 are of order 1e13, where one rounding is more than a
    /// likelihood near 0 can take.</remarks>
    public override double LogLikelihood(int frequency, double recency, double age)
    {
        double x = frequency;
        double common = SpecialFunctions.LogGammaRatio(R, x) + SpecialFunctions.LogRisingRatio(B, A, x);
        double stayed = (-R * SpecialFunctions.Log1PRatio(age, Alpha)) - (x == 0 ? 0 : x * Math.Log(Alpha + age));
        if (frequency == 0)
        {
            return common + stayed;
        }

        double left = Math.Log(A) - Math.Log(B + (x - 1)) - (R * SpecialFunctions.Log1PRatio(recency, Alpha)) - (x * Math.Log(Alpha + recency));
        return common + SpecialFunctions.LogAddExp(stayed, left);
    }

    /// <inheritdoc/>
    public override double ProbabilityAlive(int frequency, double recency, double age) =>
        frequency == 0 ? 1 : 1 / (1 + Math.Exp(LogDeadOdds(frequency, recency, age)));

    /// <inheritdoc/>
    public override double ExpectedPurchases(int frequency, double recency, double age, double horizon)
    {
        if (horizon == 0)
        {
            return 0;
        }

        if (!(horizon > 0))
        {
            return double.NaN; // a negative or NaN horizon: not a number, as the class promises, never a negative count
        }

        double logDeadOdds = frequency == 0 ? double.NegativeInfinity : LogDeadOdds(frequency, recency, age);
        return Negligible(frequency, age, horizon, logDeadOdds) ? 0 : Unconditional(frequency, Alpha + age, horizon) / (1 + Math.Exp(logDeadOdds));
    }

    /// <summary>Below this first parameter a + b − 1 − r the ε-part series alternates through terms about (1 + z)^|A| times
    /// its sum and loses that many digits: the integral is used instead.</summary>
    private const double MostNegativeFirstParameter = 20;

    /// <summary>Below this squared relative spread of the drop-out chance, Var(p)/E[p]² = (b + x)/(a (a + b + x + 1)), the
    /// beta distribution is a point mass to double precision: the expectation of a smooth function of p differs from its
    /// value at the mean by about the spread times the function's relative curvature there, which is of order one for
    /// (1 − (1 + pk)^(−r))/p.</summary>
    private const double PointMassSpread = 1e-17;

    /// <summary>Above this a + b + x − 1 the hypergeometric forms are not tried: the integral is.</summary>
    private const double LargestSeriesC = 1e15;

    /// <summary>Past this first term ratio (r + x)(b + x)z/(a + b + x − 1) of the direct ₂F₁ its terms rise for about as
    /// many terms before they fall: the integral is faster.</summary>
    private const double LongestDirectSeries = 1e4;

    /// <summary>Above this a ln(1 + (b + x)/a) + (b + x) ln(1 + a/(b + x)) — the size of ln B(a, b + x) less its kernel's peak —
    /// the integral path forms the mean as a ratio (<see cref="SpecialFunctions.DropOutMean"/>): below it the difference of
    /// logarithms loses at most 16 units in the last place.</summary>
    private const double CentredIntegralScale = 16;

    /// <summary>ln of half the smallest positive double: a value whose logarithm is below this rounds to 0.</summary>
    private const double UnderflowLog = -745.2;

    /// <summary>Whether E[Y(t) | x, t_x, T] ≤ (r + x)·t/(α + T)·P(alive) — the expectation if alive is at most the posterior
    /// mean rate times t — is below the smallest double: P(alive) has underflowed (r = 1e300 and a few purchases), and the
    /// expectation if alive, which can overflow there, is not needed.</summary>
    /// <remarks>The common case is settled without a logarithm (three of them and a soft-plus cost a third of the columnar
    /// scoring): a rate term (r + x)·t/(α + T) of at least 1e-100 and dead odds of at most e^500 put the bound above
    /// e^(−230.3 − 500.1), far from underflow.</remarks>
    private bool Negligible(int frequency, double age, double horizon, double logDeadOdds) =>
        !(logDeadOdds <= 500 && (R + frequency) * horizon >= 1e-100 * (Alpha + age))
        && Math.Log(R + frequency) + Math.Log(horizon) - Math.Log(Alpha + age) - SpecialFunctions.SoftPlus(logDeadOdds) < UnderflowLog;

    /// <inheritdoc/>
    public override double ExpectedPurchasesIfAlive(int frequency, double recency, double age, double horizon) =>
        horizon == 0 ? 0 : !(horizon > 0) ? double.NaN : Unconditional(frequency, Alpha + age, horizon);

    /// <inheritdoc/>
    public override double ExpectedPurchasesNewCustomer(double horizon) => horizon == 0 ? 0 : !(horizon > 0) ? double.NaN : Unconditional(0, Alpha, horizon);

    /// <inheritdoc/>
    private protected override unsafe void ScoreProbabilityAlive(ColumnBlock block, int from, int to)
    {
        double logA = Math.Log(A);
        for (int i = from; i < to; i++)
        {
            int x = block.Frequency[i];
            block.Destination[i] = x == 0 ? 1 : 1 / (1 + Math.Exp(LogDeadOdds(logA, x, block.Recency[i], block.Age[i])));
        }
    }

    /// <inheritdoc/>
    private protected override unsafe void ScoreExpectedPurchases(ColumnBlock block, double horizon, int from, int to)
    {
        // E[Y(t) | x, t_x, T] = U(x, T) / (1 + dead odds): the hypergeometric part U depends on (x, T) only, which real
        // summaries share widely (T counts whole days from a handful of first-purchase dates), so it is computed once per
        // distinct pair in this block. The same numbers as the scalar method, bit for bit.
        double logA = Math.Log(A);
        var cache = new Dictionary<FrequencyAge, double>();
        for (int i = from; i < to; i++)
        {
            int x = block.Frequency[i];
            double age = block.Age[i];
            if (horizon == 0)
            {
                block.Destination[i] = 0;
                continue;
            }

            var key = new FrequencyAge(x, age);
            if (!cache.TryGetValue(key, out double unconditional))
            {
                unconditional = Unconditional(x, Alpha + age, horizon);
                cache.Add(key, unconditional);
            }

            double logDeadOdds = x == 0 ? double.NegativeInfinity : LogDeadOdds(logA, x, block.Recency[i], age);
            block.Destination[i] = Negligible(x, age, horizon, logDeadOdds) ? 0 : unconditional / (1 + Math.Exp(logDeadOdds));
        }
    }

    /// <summary>Past ε·ln(1/(1 − z)) of this, <see cref="Unconditional"/> sums the direct form of ₂F₁: the series of the
    /// ε-part would first grow by more than e^30.</summary>
    private const double LargeDropOutExponent = 30;

    /// <summary>The log-odds of having dropped out with ln a given.</summary>
    /// <remarks>ln((α + T)/(α + t_x)) as ln(1 + (T − t_x)/(α + t_x)): at r = 1e12 the difference of the two logarithms
    /// kept four digits of the odds.</remarks>
    private double LogDeadOdds(double logA, int frequency, double recency, double age) =>
        logA - Math.Log(B + (frequency - 1)) + ((R + frequency) * SpecialFunctions.Log1PRatio(age - recency, Alpha + recency));

    /// <summary>ln[a/(b + x − 1) ((α + T)/(α + t_x))^(r + x)], the log-odds of having dropped out.</summary>
    private double LogDeadOdds(int frequency, double recency, double age) => LogDeadOdds(Math.Log(A), frequency, recency, age);

    /// <summary>(a + b + x − 1)/(a − 1) [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))], with α + T given
    /// as <paramref name="scale"/>: the numerator of equation 10, and equation 9 with x = 0 and scale α.</summary>
    private double Unconditional(int frequency, double scale, double horizon)
    {
        // (1 − (1 + pk)^(−R))/p = Rk(1 − (R + 1)pk/2 + …): every other form multiplies or divides a subnormal t and kept a
        // fraction of its digits (4.9e-319 where the bound is 3.1e-319 at t = 5e-324, x = 100000).
        if (FirstOrderInHorizon(R + frequency, scale, horizon, R + frequency + 1, scale) is { } tiny)
        {
            return tiny;
        }

        double series = UnconditionalBySeries(frequency, scale, horizon);
        if (series >= 0 && double.IsFinite(series))
        {
            return series;
        }

        // The series failed (a + b + x − 1 ≤ 0 divides by zero or cancels; r far above a + b overflows; b near 1e300):
        // E[(1 − (1 + pk)^(−R))/p] over p ~ Beta(a, b + x), k = t/(α + T).
        double k = horizon / scale; // positive: a k below the smallest normal double took the first-order form above
        if ((B + frequency) / A / (A + B + frequency + 1) < PointMassSpread)
        {
            // Var(p)/E[p]² below 1e-17: the drop-out chance is a point mass at a/(a + b + x) to double precision (where
            // ln B(a, b + x) would be of order a and the integral's difference with it meaningless, and the integral over a
            // kernel 1e-12 wide took 6 ms a call: a = 1e12, b = 3, fuzz seed 17).
            double p = 1 / (1 + ((B + frequency) / A));
            return -SpecialFunctions.ExpM1(-(R + frequency) * SpecialFunctions.Log1P(p * k)) / p;
        }

        // Where ln B(a, b + x) is large its difference with the integral's logarithm keeps few digits (none at a = 1e15):
        // the mean is formed there as a ratio of two integrals that each stay of order one.
        double bx = B + frequency;
        return SpecialFunctions.BetaKernelScale(A, bx) > CentredIntegralScale
            ? SpecialFunctions.DropOutMean(A, bx, horizon, scale, R + frequency)
            : Math.Exp(SpecialFunctions.LogDropOutIntegral(A, bx, horizon, scale, R + frequency) - SpecialFunctions.LogBeta(A, bx));
    }

    /// <summary>The hypergeometric forms of <see cref="Unconditional"/>; NaN, infinite or negative where they fail.</summary>
    private double UnconditionalBySeries(int frequency, double scale, double horizon)
    {
        // c = a + b + x − 1 huge (b near 1e300): c times a difference of order 1/c loses digits in every form below (the
        // difference series came out 1.7% above its bound at b = 1e300, r = 1e-12); the integral has no such product.
        if (A + B + frequency - 1 <= 0 || A + B - 1 - R < -MostNegativeFirstParameter || A + B + frequency - 1 > LargestSeriesC)
        {
            return double.NaN;
        }

        double z = horizon / (scale + horizon);
        double logRemain = -SpecialFunctions.Log1P(horizon / scale);
        double epsilon = A - 1;
        double c = A + B + frequency - 1;
        if (epsilon * logRemain < -LargeDropOutExponent)
        {
            // A large a: the series of H grows like (1 − z)^(−ε) before it falls (10^600 and more at a = 700), while the
            // direct form's terms fall at once (the ratio starts near z·b/(a + b)), and with ε large its prefactor c/ε
            // is modest, so 1 − (1 − z)^(r+x) ₂F₁ loses no digits worth the name — unless r + x is small beside c (the
            // difference is then of order r + x, all noise at r = 1e-12) or the terms rise for more than LongestDirectSeries
            // terms (a million terms take 20 ms; the integral 2): those take the integral.
            if ((R + frequency) * 8 < c || (R + frequency) * (B + frequency) / c * z > LongestDirectSeries)
            {
                return double.NaN;
            }

            double direct = SpecialFunctions.Hypergeometric2F1(R + frequency, B + frequency, c, z);
            return c / epsilon * -SpecialFunctions.ExpM1(((R + frequency) * logRemain) + Math.Log(direct));
        }

        double shape = R + frequency;
        if (shape * 8 < c)
        {
            // r + x small beside a + b + x − 1 (r near 0): the two parts below cancel to O(r + x), every digit lost at
            // r = 1e-300; the difference series is the same number with no cancellation.
            return c * Math.Exp(epsilon * logRemain) * SpecialFunctions.HypergeometricShapeDifference(A, shape, c, z);
        }

        double h = SpecialFunctions.HypergeometricEpsilonPart(A + B - 1 - R, epsilon, c, z);
        double power = Math.Exp(epsilon * logRemain);
        double firstPart = epsilon == 0 ? -logRemain : -SpecialFunctions.ExpM1(epsilon * logRemain) / epsilon;
        return c * (firstPart - (power * h));
    }
}
