using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, "Counting your customers", <i>Management
/// Science</i> 33(1)): while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); their lifetime is exponential with
/// rate μ ~ Gamma(s, β).</summary>
/// <remarks>
/// <para>The likelihood is the log of equation 18 of Fader and Hardie (2005), "A note on deriving the Pareto/NBD model and
/// related expressions", written as CLVTools does (a log-sum-exp of its two parts, the x-dependent power taken out of
/// A₀). Its Gaussian hypergeometric functions are evaluated after Euler's transformation, which turns them into
/// ₂F₁(1, b; c; z) series of positive, falling terms: for α ≥ β, ₂F₁(r+s+x, s+1; r+s+x+1; z) =
/// (1 − z)^(−s) ₂F₁(1, r+x; r+s+x+1; z); for α &lt; β, ₂F₁(r+s+x, r+x; r+s+x+1; z) = (1 − z)^(1−r−x) ₂F₁(1, s+1; r+s+x+1; z).
/// The difference of the two A₀ terms is taken in log space (ln(1 − eᵈ)), so nothing overflows for large x.</para>
/// <para>P(alive), the conditional expectation and DERT follow the same note and Fader, Hardie and Lee (2005), "RFM and
/// CLV: using iso-value curves for customer base analysis", <i>Journal of Marketing Research</i> 42(4), equation 2, with
/// the confluent hypergeometric function U(s, s; z) = e^z Γ(1 − s, z).</para>
/// </remarks>
public sealed class ParetoNbdParameters : PurchaseModel
{
    /// <summary>Initializes the parameters.</summary>
    /// <param name="r">Shape of the gamma distribution of purchase rates.</param>
    /// <param name="alpha">Scale of the gamma distribution of purchase rates (per time unit).</param>
    /// <param name="s">Shape of the gamma distribution of drop-out rates.</param>
    /// <param name="beta">Scale of the gamma distribution of drop-out rates (per time unit).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite, or lies outside
    /// <see cref="PurchaseModel.MinParameter"/> (1e-300) to <see cref="PurchaseModel.MaxParameter"/> (1e300).</exception>
    public ParetoNbdParameters(double r, double alpha, double s, double beta)
    {
        R = Positive(r, nameof(r));
        Alpha = Positive(alpha, nameof(alpha));
        S = Positive(s, nameof(s));
        Beta = Positive(beta, nameof(beta));
    }

    /// <summary>Gets r, the shape of the purchase-rate distribution.</summary>
    public double R { get; }

    /// <summary>Gets α, the scale of the purchase-rate distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets s, the shape of the drop-out-rate distribution.</summary>
    public double S { get; }

    /// <summary>Gets β, the scale of the drop-out-rate distribution.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override string Name => "Pareto/NBD";

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, double>> Values => [new("r", R), new("alpha", Alpha), new("s", S), new("beta", Beta)];

    /// <inheritdoc/>
    public override bool HasClosedFormDert => true;

    /// <inheritdoc/>
    public override double LogLikelihood(int frequency, double recency, double age) =>
        LogLikelihood(R, Alpha, S, Beta, frequency, recency, age);

    /// <inheritdoc/>
    public override double ProbabilityAlive(int frequency, double recency, double age)
    {
        // 1/(1 + death/alive), the ratio formed directly: where each part alone leaves the doubles (r, s or β near the
        // largest double, α or β near 0) the ratio is still ±∞ or finite, and P(alive) 0 or 1 rather than ∞/∞.
        return age <= recency ? 1 : 1 / (1 + Math.Exp(LogDeadOdds(R, Alpha, S, Beta, frequency, recency, age)));
    }

    /// <summary>ln P(alive) = −ln(1 + e^D), D the log-odds of having dropped out.</summary>
    private double LogProbabilityAlive(int frequency, double recency, double age) =>
        age <= recency ? 0 : -SpecialFunctions.SoftPlus(LogDeadOdds(R, Alpha, S, Beta, frequency, recency, age));

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

        double ifAlive = ExpectedPurchasesIfAlive(frequency, recency, age, horizon);
        double alive = ProbabilityAlive(frequency, recency, age);
        if (double.IsFinite(ifAlive) && alive > 0)
        {
            return ifAlive * alive;
        }

        // P(alive) has underflowed (parameters hundreds of orders of magnitude apart): the product from its logarithms.
        return Math.Exp(LogProbabilityAlive(frequency, recency, age) + Math.Log(ifAlive));
    }

    /// <inheritdoc/>
    public override double ExpectedPurchasesIfAlive(int frequency, double recency, double age, double horizon)
    {
        return horizon == 0 ? 0 : !(horizon > 0) ? double.NaN : FirstOrderInHorizon(R + frequency, Alpha + age, horizon, S + 1, Beta + age) is { } tiny ? tiny
            : Expectation(R + frequency, Beta + age, Alpha + age, S - 1, -SpecialFunctions.Log1PRatio(horizon, Beta + age));
    }

    /// <summary>shape · scale / rate · share with share = (1 − e^(ε·ln q))/ε (see <see cref="OneMinusPower"/>), from the
    /// logarithms where a partial product overflows: r or β near 1e300, where shape · scale / rate exceeds the doubles but
    /// the share, of order 1/s, brings the result back; or β + T near 0 and s below 1, where the share, about
    /// ((β + T + t)/(β + T))^(1 − s), exceeds the doubles but the scale β + T brings it back.</summary>
    private static double Expectation(double shape, double scale, double rate, double epsilon, double logBase)
    {
        double value = shape * scale / rate * OneMinusPower(epsilon, logBase);
        return double.IsFinite(value)
            ? value
            : Math.Exp(Math.Log(shape) + Math.Log(scale) - Math.Log(rate) + LogOneMinusPower(epsilon, logBase));
    }

    /// <inheritdoc/>
    public override double ExpectedPurchasesNewCustomer(double horizon) =>
        horizon == 0 ? 0 : !(horizon > 0) ? double.NaN : FirstOrderInHorizon(R, Alpha, horizon, S + 1, Beta) is { } tiny ? tiny
            : Expectation(R, Beta, Alpha, S - 1, -SpecialFunctions.Log1PRatio(horizon, Beta));

    /// <inheritdoc/>
    /// <exception cref="Validation.CxValidationException"><paramref name="continuousDiscountRate"/> is not positive and finite
    /// (CX0913).</exception>
    public override double DiscountedExpectedResidualPurchases(int frequency, double recency, double age, double continuousDiscountRate)
    {
        ValidateDiscountRate(continuousDiscountRate);

        // Fader, Hardie and Lee (2005), equation 2, divided through by the likelihood's alive part: DERT = (r + x)/(α + T) ·
        // P(alive) · z^s U(s, s; z)/δ with z = δ(β + T), U(s, s; z) = e^z Γ(1 − s, z). Nothing forms r ln α or s ln β, whose
        // cancellation against the likelihood lost digits at large parameters (and gave NaN where either left the doubles).
        double z = continuousDiscountRate * (Beta + age);
        double logAlive = LogProbabilityAlive(frequency, recency, age);
        double scaledU = (S * Math.Log(z)) + z + SpecialFunctions.LogUpperIncompleteGamma(1 - S, z);
        if (!(z < ConfluentLimit && S < ConfluentLimit && scaledU <= 0))
        {
            // From here z^s U(s, s; z) ≤ 1 would be a difference of terms of order z or s ln z: its integral instead.
            scaledU = SpecialFunctions.LogScaledConfluentU(S, z);
        }

        return Math.Exp(Math.Log(R + frequency) - Math.Log(Alpha + age) + logAlive + scaledU - Math.Log(continuousDiscountRate));
    }

    /// <summary>Up to this z = δ(β + T) and s the DERT's z^s U(s, s; z) comes from ln Γ(1 − s, z) (a continued fraction, a few
    /// terms); beyond, their logarithms of order z and s ln z would cancel to noise, and it is integrated.</summary>
    private const double ConfluentLimit = 1e3;

    /// <summary>Above this argument z of the hypergeometric series at t_x the likelihood's second part is integrated
    /// instead: the series' terms fall like zⁿ, so it needs up to ln(1e-19)/ln z ≈ 4,400 terms at z = 0.99 and without
    /// bound as z → 1 (α ≫ β + t_x or β ≫ α + t_x, where an optimiser can wander).</summary>
    internal const double SeriesLimit = 0.99;

    /// <summary>The log-likelihood of one customer. Bounded in time for every positive parameter value: at most about 4,400
    /// series terms, or the integral of <see cref="SpecialFunctions.LogRelativePowerProductIntegral"/>.</summary>
    /// <remarks>The factor α^r β^s Γ(r + x)/Γ(r) of both parts is carried as ratios, (α/(α + t))^r = e^(−r ln(1 + t/α)), and
    /// <see cref="SpecialFunctions.LogGammaRatio"/>: nothing forms r ln α or s ln β, which at r or s = 1e12 are of order 1e13,
    /// where one rounding (0.004) is more than a likelihood near 0 can take.</remarks>
    internal static double LogLikelihood(double r, double alpha, double s, double beta, int frequency, double recency, double age)
    {
        double x = frequency;
        double logRising = SpecialFunctions.LogGammaRatio(r, x);
        double alive = logRising + LogSurvivalFactor(r, alpha, s, beta, x, age);
        if (age <= recency)
        {
            return alive;
        }

        double death = DeathOverSurvival(r, alpha, s, beta, x, recency, age);
        double ll = double.IsNegativeInfinity(death)
            ? alive
            : SpecialFunctions.LogAddExp(alive, logRising + LogSurvivalFactor(r, alpha, s, beta, x, recency) + death);

        // With no repeat purchase the likelihood is the probability of none (at most 1); its two parts can add up to 1 plus
        // a rounding when the customer is all but certain to buy nothing.
        return frequency == 0 ? Math.Min(0, ll) : ll;
    }

    /// <summary>ln(death part) − S(t_x) (see <see cref="LogDeadOdds"/>): by the series where it converges fast (z at t_x at
    /// most <see cref="SeriesLimit"/>), else by the integral.</summary>
    private static double DeathOverSurvival(double r, double alpha, double s, double beta, double x, double recency, double age) =>
        Math.Abs(alpha - beta) / (Math.Max(alpha, beta) + recency) > SeriesLimit
            ? DeathOverSurvivalByIntegral(r, alpha, s, beta, x, recency, age)
            : DeathOverSurvivalBySeries(r, alpha, s, beta, x, recency, age);

    /// <summary>ln[α^r β^s / ((α + t)^(r+x) (β + t)^s)] = −r ln(1 + t/α) − x ln(α + t) − s ln(1 + t/β).</summary>
    private static double LogSurvivalFactor(double r, double alpha, double s, double beta, double x, double t) =>
        t == 0
            ? -x * Math.Log(alpha)
            : (-r * SpecialFunctions.Log1PRatio(t, alpha)) - (x == 0 ? 0 : x * Math.Log(alpha + t)) - (s * SpecialFunctions.Log1PRatio(t, beta));

    /// <summary>ln[α^r β^s · s/(r + s + x) A₀], the part of the likelihood of a customer who dropped out in (t_x, T] (without
    /// Γ(r + x)/Γ(r)), by the two hypergeometric terms of A₀ (Fader and Hardie 2005, equation 18); −∞ when they cancel to
    /// nothing.</summary>
    internal static double LogDeathTermBySeries(double r, double alpha, double s, double beta, double x, double recency, double age) =>
        LogSurvivalFactor(r, alpha, s, beta, x, recency) + DeathOverSurvivalBySeries(r, alpha, s, beta, x, recency, age);

    /// <summary>The same part as the integral it comes from: α^r β^s s ∫ from t_x to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ
    /// (the customer buys x times and drops out at τ, integrated over the gamma-distributed rates).</summary>
    internal static double LogDeathTermByIntegral(double r, double alpha, double s, double beta, double x, double recency, double age) =>
        LogSurvivalFactor(r, alpha, s, beta, x, recency) + DeathOverSurvivalByIntegral(r, alpha, s, beta, x, recency, age);

    /// <summary>ln(death part / alive part) of the likelihood, the log-odds that the customer has dropped out, formed without
    /// either part: [S(t_x) − S(T)] + ln(death part / S(t_x)), S the <see cref="LogSurvivalFactor"/>, whose difference is
    /// (r + x) ln(1 + (T − t_x)/(α + t_x)) + s ln(1 + (T − t_x)/(β + t_x)).</summary>
    internal static double LogDeadOdds(double r, double alpha, double s, double beta, int frequency, double recency, double age)
    {
        double x = frequency;
        double gap = age - recency;
        double survivalDrop = ((r + x) * SpecialFunctions.Log1PRatio(gap, (alpha + recency))) + (s * SpecialFunctions.Log1PRatio(gap, (beta + recency)));
        double death = DeathOverSurvival(r, alpha, s, beta, x, recency, age);
        return double.IsNegativeInfinity(death) ? death : survivalDrop + death;
    }

    /// <summary>ln[s/(r + s + x) A₀ α^r β^s] − S(t_x) by the series: ln[s/(r + s + x)] + ln ₂F₁(t_x) (+ ln((α + t_x)/(β + t_x))
    /// when α &lt; β) + ln(1 − e^d), d the log of A₀'s second term over its first, formed from ln(1 + (T − t_x)/(scale + t_x))
    /// rather than as a difference of the two terms, which at s = 1e12 are each of order 1e13.</summary>
    private static double DeathOverSurvivalBySeries(double r, double alpha, double s, double beta, double x, double recency, double age)
    {
        double atRecencySeries = Hypergeometric(r, alpha, s, beta, x, recency);
        double gap = age - recency;
        double series = Math.Log(Hypergeometric(r, alpha, s, beta, x, age) / atRecencySeries);
        double difference = alpha >= beta
            ? (-(r + x) * SpecialFunctions.Log1PRatio(gap, (alpha + recency))) - (s * SpecialFunctions.Log1PRatio(gap, (beta + recency))) + series
            : (-(r + x - 1) * SpecialFunctions.Log1PRatio(gap, (alpha + recency))) - ((s + 1) * SpecialFunctions.Log1PRatio(gap, (beta + recency))) + series;
        if (!(difference < 0))
        {
            return double.NegativeInfinity;
        }

        return Math.Log(s) - Math.Log(r + s + x) + Math.Log(atRecencySeries) + (alpha >= beta ? 0 : Math.Log(alpha + recency) - Math.Log(beta + recency))
            + SpecialFunctions.Log1MinusExp(difference);
    }

    /// <summary>ln[s ∫ from t_x to T of (α + τ)^−(r+x) (β + τ)^−(s+1) dτ α^r β^s] − S(t_x): ln s − ln(β + t_x) plus the
    /// integral relative to its value at t_x.</summary>
    private static double DeathOverSurvivalByIntegral(double r, double alpha, double s, double beta, double x, double recency, double age) =>
        Math.Log(s) - Math.Log(beta + recency) + SpecialFunctions.LogRelativePowerProductIntegral(alpha, r + x, beta, s + 1, recency, age);

    /// <summary>The ₂F₁(1, b; r + s + x + 1; z(t)) of one of A₀'s two terms after Euler's transformation: b = r + x,
    /// z = (α − β)/(α + t) when α ≥ β (the term is then α^r β^s ₂F₁ / ((α + t)^(r+x) (β + t)^s)); b = s + 1,
    /// z = (β − α)/(β + t) otherwise (α^r β^s ₂F₁ / ((α + t)^(r+x−1) (β + t)^(s+1))).</summary>
    private static double Hypergeometric(double r, double alpha, double s, double beta, double x, double t) =>
        alpha >= beta
            ? SpecialFunctions.Hypergeometric1(r + x, r + s + x + 1, (alpha - beta) / (alpha + t))
            : SpecialFunctions.Hypergeometric1(s + 1, r + s + x + 1, (beta - alpha) / (beta + t));

    /// <summary>(1 − e^(εL))/ε, and its limit −L at ε = 0.</summary>
    private static double OneMinusPower(double epsilon, double logBase) =>
        epsilon == 0 ? -logBase : -SpecialFunctions.ExpM1(epsilon * logBase) / epsilon;

    /// <summary>ln of <see cref="OneMinusPower"/>, also where it overflows: for ε·ln q beyond 700 (ε &lt; 0, q tiny),
    /// ln(e^z − 1) − ln(−ε) = z + ln(1 − e^(−z)) − ln(−ε) with z = ε·ln q.</summary>
    private static double LogOneMinusPower(double epsilon, double logBase)
    {
        double z = epsilon * logBase;
        return epsilon == 0 ? Math.Log(-logBase)
            : z > 700 ? z + SpecialFunctions.Log1MinusExp(-z) - Math.Log(-epsilon)
            : Math.Log(OneMinusPower(epsilon, logBase));
    }
}
