using System.Globalization;
using System.Text;

namespace Cx.Domain.Value;

/// <summary>A model fitted by maximum likelihood: the parameters (ready to score customers), their estimates with
/// standard errors, the log-likelihood and how the optimiser went.</summary>
/// <typeparam name="TParameters">The model's parameter type, such as <see cref="BgNbdParameters"/>.</typeparam>
/// <remarks>Check <see cref="IsConverged"/> before trusting the numbers: a fit that did not reach a proper maximum is
/// returned as it is (best point found, status and message in <see cref="Diagnostics"/>), never as a silently wrong
/// estimate. Immutable.</remarks>
public sealed class ModelFit<TParameters>
    where TParameters : class
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="parameters">The fitted parameters.</param>
    /// <param name="estimates">The estimates with standard errors, in the model's parameter order.</param>
    /// <param name="logLikelihood">The log-likelihood at the estimates.</param>
    /// <param name="observationCount">How many observations (customers, or cohort members) the fit used.</param>
    /// <param name="diagnostics">How the optimiser went.</param>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/>, <paramref name="estimates"/> or <paramref name="diagnostics"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="estimates"/> holds a null estimate.</exception>
    public ModelFit(TParameters parameters, IReadOnlyList<ParameterEstimate> estimates, double logLikelihood, long observationCount, FitDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (estimates.Any(e => e is null))
        {
            throw new ArgumentException("Expected an estimate for every parameter, got a null one.", nameof(estimates));
        }

        Parameters = parameters;
        Estimates = estimates;
        LogLikelihood = logLikelihood;
        ObservationCount = observationCount;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the fitted parameters.</summary>
    public TParameters Parameters { get; }

    /// <summary>Gets the estimates with their standard errors, in the model's parameter order.</summary>
    public IReadOnlyList<ParameterEstimate> Estimates { get; }

    /// <summary>Gets the log-likelihood at the estimates (natural logarithm, the full likelihood including constants
    /// as the published tables report it).</summary>
    public double LogLikelihood { get; }

    /// <summary>Gets how many observations the fit used.</summary>
    public long ObservationCount { get; }

    /// <summary>Gets how the optimiser went.</summary>
    public FitDiagnostics Diagnostics { get; }

    /// <summary>Gets a value indicating whether the fit reached a proper maximum.</summary>
    public bool IsConverged => Diagnostics.IsConverged;

    /// <summary>Gets the Akaike information criterion, 2k − 2 LL.</summary>
    public double Aic => (2.0 * Estimates.Count) - (2 * LogLikelihood);

    /// <summary>Returns the estimates, log-likelihood and status on one line.</summary>
    /// <returns>For example <c>r = 0.2426 (SE 0.01257), ..., LL = -9582.43, Converged</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendJoin(", ", Estimates);
        text.Append(CultureInfo.InvariantCulture, $", LL = {LogLikelihood:F2}, {Diagnostics.Status}");
        return text.ToString();
    }
}
