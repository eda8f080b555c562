using Cx.Domain.Internal;

namespace Cx.Domain.Value;

/// <summary>Fits the shifted-beta-geometric model (<see cref="ShiftedBetaGeometricParameters"/>) to a contract cohort by
/// maximum likelihood.</summary>
/// <remarks>Default starting values α = 1, β = 1. On the "regular" and "high end" series of Fader and Hardie (2007) it
/// gives their published α = 0.704, β = 1.182 and α = 0.668, β = 3.806.</remarks>
public static class ShiftedBetaGeometricModel
{
    private static readonly string[] Names = ["alpha", "beta"];

    /// <summary>Fits the model.</summary>
    /// <param name="cohort">The cohort.</param>
    /// <param name="options">Starting values and iteration limit; defaults when null.</param>
    /// <returns>The fit; check <see cref="ModelFit{TParameters}.IsConverged"/>. A cohort in which nobody left (or everybody
    /// left in the first period) has no finite maximum and is reported as such.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cohort"/> is null.</exception>
    /// <exception cref="Validation.CxValidationException">The options are invalid.</exception>
    public static ModelFit<ShiftedBetaGeometricParameters> Fit(ContractCohort cohort, ModelFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        double[] start = FitRunner.Start(options, Names, [1, 1], "sBG fit options");
        IReadOnlyList<long> active = cohort.ActiveCustomers;
        double LogLikelihood(double[] logParameters, double[]? gradient)
        {
            double ll = ShiftedBetaGeometricParameters.LogLikelihood(Math.Exp(logParameters[0]), Math.Exp(logParameters[1]), active);
            return double.IsFinite(ll) ? ll : double.NaN;
        }

        return FitRunner.Run(LogLikelihood, start, analyticGradient: false, options, Names, active[0], t => new ShiftedBetaGeometricParameters(t[0], t[1]));
    }
}
