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

    /// <summary>The largest a of a usable fit. Beyond it the beta distribution of drop-out chances has collapsed towards
    /// one chance for everybody (a and b run off together, a/(a + b) fixed): the likelihood is flat along that ridge, the
    /// standard errors are many times the estimates, and the hypergeometric series of the expectations needs about
    /// a·z/(1 − z) terms, so scoring would take minutes and end in NaN.</summary>
    public const double MaxDropOutShapeA = 1000;

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
        ModelFit<BgNbdParameters> fit = FitRunner.Run(likelihood.Evaluate, start, analyticGradient: true, options, Names, groups.CustomerCount,
            t => new BgNbdParameters(t[0], t[1], t[2], t[3]), (PurchaseModel.MinParameter, PurchaseModel.MaxParameter));
        return RejectCollapsedDropOut(fit);
    }

    /// <summary>Reports a fit whose a ran past <see cref="MaxDropOutShapeA"/> as <see cref="FitStatus.ParameterAtBoundary"/>,
    /// with the drop-out chance the data point to, so nothing is computed from it.</summary>
    private static ModelFit<BgNbdParameters> RejectCollapsedDropOut(ModelFit<BgNbdParameters> fit)
    {
        BgNbdParameters p = fit.Parameters;
        if (!fit.IsConverged || p.A <= MaxDropOutShapeA)
        {
            return fit;
        }

        return FitRunner.AtBoundary(fit, string.Create(CultureInfo.InvariantCulture,
            $"the drop-out shapes ran off to infinity together (a = {p.A:G3}, b = {p.B:G3}): the data fit one drop-out chance of {p.A / (p.A + p.B) * 100:F1}% after every purchase for all customers, the limit where the model's spread of drop-out chances collapses, and the model cannot score customers there"),
            withoutStandardErrors: false);
    }
}
