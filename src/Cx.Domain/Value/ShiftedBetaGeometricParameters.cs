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
        return Math.Exp(LogChurn(Alpha, Beta, period));
    }

    /// <summary>The probability that a new customer is still active after t periods: S(t), with S(0) = 1.</summary>
    /// <param name="period">t, at least 0.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is negative.</exception>
    public double Survival(int period)
    {
        AtLeast(period, 0, nameof(period));
        return period == 0 ? 1 : Math.Exp(LogSurvival(Alpha, Beta, period));
    }

    /// <summary>The share of customers active in period t − 1 who renew for period t: r(t) = (β + t − 1)/(α + β + t − 1).</summary>
    /// <param name="period">t, at least 1.</param>
    /// <returns>The retention rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public double RetentionRate(int period)
    {
        AtLeast(period, 1, nameof(period));
        return (Beta + period - 1) / (Alpha + Beta + period - 1);
    }

    /// <summary>The discounted expected residual lifetime, in periods, of a customer who has been active for
    /// <paramref name="periodsActive"/> periods (made that many minus one renewals), evaluated just before their next
    /// renewal decision: Σ_{t ≥ n} S(t)/S(n − 1) / (1 + d)^(t − n) = (β + n − 1)/(α + β + n − 1) ·
    /// ₂F₁(1, β + n; α + β + n; 1/(1 + d)).</summary>
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
        return (Beta + periodsActive - 1) / (Alpha + Beta + periodsActive - 1)
            * SpecialFunctions.Hypergeometric1(Beta + periodsActive, Alpha + Beta + periodsActive, 1 / (1 + discountRate));
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

    internal static double LogLikelihood(double alpha, double beta, IReadOnlyList<long> active)
    {
        double sum = 0;
        for (int t = 1; t < active.Count; t++)
        {
            long lost = active[t - 1] - active[t];
            if (lost > 0)
            {
                sum += lost * LogChurn(alpha, beta, t);
            }
        }

        long remaining = active[^1];
        return remaining > 0 ? sum + (remaining * LogSurvival(alpha, beta, active.Count - 1)) : sum;
    }

    private static double LogChurn(double alpha, double beta, int t) => SpecialFunctions.LogBeta(alpha + 1, beta + t - 1) - SpecialFunctions.LogBeta(alpha, beta);

    private static double LogSurvival(double alpha, double beta, int t) => SpecialFunctions.LogBeta(alpha, beta + t) - SpecialFunctions.LogBeta(alpha, beta);

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
