using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Validation;

namespace Cx.Domain.Value;

/// <summary>Fits the BG/NBD model (<see cref="BgNbdParameters"/>) to customer summaries by maximum likelihood.</summary>
/// <remarks>
/// <para>Customers with the same (x, t_x, T) are evaluated once (weighted), the log-likelihood and its analytic gradient
/// are summed in fixed blocks on all cores and reduced in block order, so the fit is deterministic and does not depend on
/// the order of the customers. BFGS on the logarithms of the parameters; Nelder–Mead and BFGS again if that stalls;
/// standard errors from the observed information. See <see cref="ModelFit{TParameters}"/>.</para>
/// <para>Default starting values: r = 1, α = 1 + mean T / 10, a = 1, b = 1.</para>
/// <para>On the CDNOW sample (2,357 customers, 39 weeks) it gives the published r = 0.243, α = 4.414, a = 0.793,
/// b = 2.426, LL = −9582.4 (Fader, Hardie and Lee 2005).</para>
/// </remarks>
public static class BgNbdModel
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>The largest repeat-purchase count accepted (the likelihood tabulates up to it).</summary>
    public const int MaxFrequency = 10_000_000;

    /// <summary>Fits the model.</summary>
    /// <param name="summaries">The customers.</param>
    /// <param name="options">Starting values and iteration limit; defaults when null.</param>
    /// <returns>The fit; check <see cref="ModelFit{TParameters}.IsConverged"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, or a frequency is above <see cref="MaxFrequency"/>.</exception>
    public static ModelFit<BgNbdParameters> Fit(CustomerSummarySet summaries, ModelFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        SummaryGroups groups = SummaryGroups.From(summaries.AsSpan());
        if (groups.MaxFrequency > MaxFrequency)
        {
            var failures = new FailureCollector();
            failures.Add(null, "customer summaries", "Frequency", CxErrorCodes.SummaryFrequencyInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected repeat-purchase counts of at most {MaxFrequency}, got {groups.MaxFrequency}."));
            failures.ThrowIfAny("customer summaries");
        }

        double meanAge = summaries.Summaries.Average(s => s.Age);
        double[] start = FitRunner.Start(options, Names, [1, 1 + (meanAge / 10), 1, 1], "BG/NBD fit options");
        var likelihood = new BgNbdLikelihood(groups);
        return FitRunner.Run(likelihood.Evaluate, start, analyticGradient: true, options, Names, groups.CustomerCount,
            t => new BgNbdParameters(t[0], t[1], t[2], t[3]));
    }
}
