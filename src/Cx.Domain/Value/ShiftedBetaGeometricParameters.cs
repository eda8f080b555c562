using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>The shifted-beta-geometric (sBG) model of contract retention (Fader and Hardie 2007, "How to project customer
/// retention", <i>Journal of Interactive Marketing</i> 21(1)): each customer renews each period with a constant
/// probability 1 − θ, and θ ~ Beta(α, β) across customers.</summary>
/// <remarks>P(T = t) = B(α + 1, β + t − 1)/B(α, β) and S(t) = B(α, β + t)/B(α, β) (the paper's equations 5 and 6, in log
/// space); the retention rate (β + t − 1)/(α + β + t − 1) rises with t as the customers most likely to leave leave
/// first. DERL is equation 5 of Fader and Hardie (2010), "Customer-base valuation in a contractual setting: the perils of
/// ignoring heterogeneity", <i>Marketing Science</i> 29(1).</remarks>
public sealed class ShiftedBetaGeometricParameters
{
    /// <summary>Initializes the parameters.</summary>
    /// <param name="alpha">First shape of the distribution of churn probabilities.</param>
    /// <param name="beta">Second shape of the distribution of churn probabilities.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not positive and finite.</exception>
    public ShiftedBetaGeometricParameters(double alpha, double beta)
    {
        Alpha = alpha > 0 && double.IsFinite(alpha) ? alpha : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Expected a positive finite alpha.");
        Beta = beta > 0 && double.IsFinite(beta) ? beta : throw new ArgumentOutOfRangeException(nameof(beta), beta, "Expected a positive finite beta.");
    }

    /// <summary>Gets α.</summary>
    public double Alpha { get; }

    /// <summary>Gets β.</summary>
    public double Beta { get; }

    /// <summary>The probability that a new customer's last period is period t: P(T = t), t ≥ 1.</summary>
    /// <param name="period">t, at least 1.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public double ChurnProbability(int period)
    {
        AtLeast(period, 1, nameof(period));
        double rest = Beta + (period - 1);
        return SpecialFunctions.Share(Alpha, rest) * SpecialFunctions.RisingRatio(Beta, Alpha, period - 1);
    }

    /// <summary>The probability that a new customer is still active after t periods: S(t), with S(0) = 1.</summary>
    /// <param name="period">t, at least 0.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is negative.</exception>
    public double Survival(int period)
    {
        AtLeast(period, 0, nameof(period));
        return SpecialFunctions.RisingRatio(Beta, Alpha, period);
    }

    /// <summary>The share of customers active in period t − 1 who renew for period t: r(t) = (β + t − 1)/(α + β + t − 1).</summary>
    /// <param name="period">t, at least 1.</param>
    /// <returns>The retention rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public double RetentionRate(int period)
    {
        AtLeast(period, 1, nameof(period));
        return 1 / (1 + (Alpha / (Beta + (period - 1)))); // α + β can overflow where the ratio is ordinary
    }

    /// <summary>The discounted expected residual lifetime, in periods, of a customer who has been active for
    /// <paramref name="periodsActive"/> periods (made that many minus one renewals), evaluated just before their next
    /// renewal decision: Σ_{t ≥ n} S(t)/S(n − 1) / (1 + d)^(t − n) = (β + n − 1)/(α + β + n − 1) ·
    /// ₂F₁(1, β + n; α + β + n; 1/(1 + d)).</summary>
    /// <remarks>
    /// <para>Finite for every positive d, however small: as d → 0 the DERL tends to the expected residual lifetime
    /// (β + n − 1)/(α − 1) when α &gt; 1 (Gauss's theorem at z = 1), and grows without bound like d^(α − 1) (like ln(1/d) at
    /// α = 1) when α ≤ 1 — large but finite for each d &gt; 0. Only where that value exceeds the largest double (α near 0
    /// and d below about 1e-308) is the result +∞.</para>
    /// <para>The series is summed when it settles within a few thousand terms (d not tiny, or α well above 1: its tail at
    /// z = 1 is known in closed form); otherwise DERL = (1 + d)/B(α, b) ∫₀¹ θ^(α−1)(1 − θ)^b/(θ + d) dθ with b = β + n − 1
    /// (the expectation of (1 − θ)/(θ + d) over the customer's posterior θ ~ Beta(α, b)), a log-concave integral that does
    /// not slow down as d → 0. Where α and b are both large (ln B(α, b) beyond about 16) the expectation is formed as the
    /// ratio of two integrals centred on the posterior's mode, which keeps its digits up to α and β near the largest
    /// double.</para>
    /// </remarks>
    /// <param name="discountRate">d per period, positive.</param>
    /// <param name="periodsActive">n, at least 1.</param>
    /// <returns>DERL; multiply by the margin per period for the customer's residual value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">d is not positive and finite, or n is below 1.</exception>
    public double DiscountedExpectedResidualLifetime(double discountRate, int periodsActive)
    {
        if (!(discountRate > 0) || !double.IsFinite(discountRate))
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "Expected a positive finite discount rate per period.");
        }

        AtLeast(periodsActive, 1, nameof(periodsActive));
        double b = Beta + (periodsActive - 1); // n − 1 first: β + n − 1 would lose a tiny β
        double series = SpecialFunctions.HypergeometricOneShifted(Beta + periodsActive, Alpha, 1 / (1 + discountRate), SeriesTerms);
        if (!double.IsNaN(series))
        {
            return series * SpecialFunctions.Share(b, Alpha); // b/(α + b): α/b overflows at α near the largest double
        }

        // Where ln B(α, b) is large its difference with the integral's logarithm keeps few digits (none at α = 1e300):
        // the mean is formed there as a ratio of two integrals that each stay of order one.
        return SpecialFunctions.BetaKernelScale(Alpha, b) > CentredIntegralScale
            ? (1 + discountRate) * SpecialFunctions.SbgResidualMean(Alpha, b, discountRate)
            : (1 + discountRate) * Math.Exp(SpecialFunctions.LogSbgResidualIntegral(Alpha, b, discountRate) - SpecialFunctions.LogBeta(Alpha, b));
    }

    /// <summary>The log-likelihood of a cohort: Σ (lost in t) ln P(T = t) + (still active) ln S(n).</summary>
    /// <param name="cohort">The cohort.</param>
    /// <returns>The natural logarithm of the likelihood.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cohort"/> is null.</exception>
    public double LogLikelihood(ContractCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        return LogLikelihood(Alpha, Beta, cohort.ActiveCustomers);
    }

    /// <summary>Returns the parameters.</summary>
    /// <returns>For example <c>sBG alpha=0.668, beta=3.806</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sBG alpha={Alpha:G4}, beta={Beta:G4}");

    /// <summary>Above this α ln(1 + b/α) + b ln(1 + α/b) — the size of ln B(α, b) less its kernel's peak — the integral
    /// path forms the mean as a ratio (<see cref="SpecialFunctions.SbgResidualMean"/>): below it the difference of
    /// logarithms loses at most 16 units in the last place.</summary>
    private const double CentredIntegralScale = 16;

    /// <summary>The DERL's ₂F₁ series gets this many terms before the integral takes over (a few microseconds).</summary>
    private const int SeriesTerms = 4_000;

    internal static double LogLikelihood(double alpha, double beta, IReadOnlyList<long> active)
    {
        // ln P(T = t) = ln(α/(α + β + t − 1)) + ln S(t − 1), with ln S(t) = ln S(t − 1) − ln(1 + α/(β + t − 1)) accumulated.
        double sum = 0;
        double logSurvival = 0;
        for (int t = 1; t < active.Count; t++)
        {
            long lost = active[t - 1] - active[t];
            if (lost > 0)
            {
                sum += lost * (LogChurnShare(alpha, beta + (t - 1)) + logSurvival);
            }

            logSurvival -= SpecialFunctions.Log1P(alpha / (beta + (t - 1)));
        }

        long remaining = active[^1];
        return remaining > 0 ? sum + (remaining * logSurvival) : sum;
    }

    /// <summary>ln(α/(α + rest)) without forming α + rest, which can overflow.</summary>
    private static double LogChurnShare(double alpha, double rest) =>
        alpha >= rest ? -SpecialFunctions.Log1P(rest / alpha) : Math.Log(alpha) - Math.Log(rest) - SpecialFunctions.Log1P(alpha / rest);

    /// <summary>Refuses a period below <paramref name="least"/>, with the number in the invariant culture (the runtime's own
    /// guard formats it in the current one).</summary>
    private static void AtLeast(int value, int least, string name)
    {
        if (value < least)
        {
            throw new ArgumentOutOfRangeException(name, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected {name} of {least} or more, got {value}."));
        }
    }
}
