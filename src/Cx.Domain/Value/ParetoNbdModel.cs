using System.Globalization;
using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>Fits the Pareto/NBD model (<see cref="ParetoNbdParameters"/>) to customer summaries by maximum likelihood.</summary>
/// <remarks>
/// <para>Customers with the same (x, t_x, T) are evaluated once; blocks are summed on all cores in a fixed order
/// (deterministic, independent of customer order). BFGS with a central-difference gradient on the log scale, Nelder–Mead
/// and BFGS again if that stalls, standard errors from the observed information.</para>
/// <para>Default starting values: r = 1, α = 1 + mean T / 10, s = 1, β = 1 + mean T / 10.</para>
/// <para>On the CDNOW sample it gives the published r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0
/// (Fader, Hardie and Lee 2005).</para>
/// </remarks>
public static class ParetoNbdModel
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>A converged fit with the drop-out shape s above this is reported as <see cref="FitStatus.ParameterAtBoundary"/>:
    /// s and β ran off to infinity together (s/β fixed), the limit where the gamma distribution of drop-out rates collapses
    /// to one rate for everybody (its coefficient of variation 1/√s is then below 0.1%). The likelihood rises along that
    /// ridge ever more slowly, so the search stops there with a vanishing gradient; the point is not a maximum.</summary>
    public const double MaxDropOutShapeS = 1e6;

    /// <summary>Fits the model.</summary>
    /// <param name="summaries">The customers.</param>
    /// <param name="options">Starting values and iteration limit; defaults when null.</param>
    /// <returns>The fit; check <see cref="ModelFit{TParameters}.IsConverged"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="Validation.CxValidationException">The options are invalid.</exception>
    public static ModelFit<ParetoNbdParameters> Fit(CustomerSummarySet summaries, ModelFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        SummaryGroups g = SummaryGroups.From(summaries.AsSpan());
        double scale = 1 + (summaries.Summaries.Average(s => s.Age) / 10);
        double[] start = FitRunner.Start(options, Names, [1, scale, 1, scale], "Pareto/NBD fit options");
        double LogLikelihood(double[] logParameters, double[]? gradient)
        {
            double r = Math.Exp(logParameters[0]), alpha = Math.Exp(logParameters[1]), s = Math.Exp(logParameters[2]), beta = Math.Exp(logParameters[3]);
            double total = g.Sum((from, to, noGradient) =>
            {
                double sum = 0;
                for (int i = from; i < to; i++)
                {
                    sum += g.Weight[i] * ParetoNbdParameters.LogLikelihood(r, alpha, s, beta, g.Frequency[i], g.Recency[i], g.Age[i]);
                }

                return sum;
            }, null);
            return double.IsFinite(total) ? total : double.NaN;
        }

        ModelFit<ParetoNbdParameters> fit = FitRunner.Run(LogLikelihood, start, analyticGradient: false, options, Names, g.CustomerCount,
            t => new ParetoNbdParameters(t[0], t[1], t[2], t[3]), (PurchaseModel.MinParameter, PurchaseModel.MaxParameter));
        return RejectCollapsedDropOut(fit);
    }

    /// <summary>Reports a converged fit whose s ran past <see cref="MaxDropOutShapeS"/> as
    /// <see cref="FitStatus.ParameterAtBoundary"/>, with the drop-out rate the data point to.</summary>
    private static ModelFit<ParetoNbdParameters> RejectCollapsedDropOut(ModelFit<ParetoNbdParameters> fit)
    {
        ParetoNbdParameters p = fit.Parameters;
        if (!fit.IsConverged || p.S <= MaxDropOutShapeS)
        {
            return fit;
        }

        return FitRunner.AtBoundary(fit, string.Create(CultureInfo.InvariantCulture,
            $"the drop-out shape ran off to infinity with its scale (s = {p.S:G3}, beta = {p.Beta:G3}): the data fit one drop-out rate of {p.S / p.Beta:G3} per time unit for all customers, the limit where the model's spread of drop-out rates collapses, not a maximum of the likelihood"),
            withoutStandardErrors: true);
    }
}
