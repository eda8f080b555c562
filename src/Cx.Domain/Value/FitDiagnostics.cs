using System.Globalization;
using Cx.Domain.Internal;
namespace Cx.Domain.Value;

/// <summary>How a maximum-likelihood fit went: status, effort, the gradient where it stopped, and why.</summary>
public sealed class FitDiagnostics
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="status">How the fit ended.</param>
    /// <param name="iterations">Optimiser iterations, over all stages.</param>
    /// <param name="evaluations">Log-likelihood evaluations, over all stages.</param>
    /// <param name="gradientNorm">The largest absolute component of the log-likelihood's gradient (with respect to the
    /// logarithms of the parameters) where the fit stopped.</param>
    /// <param name="message">Why the fit stopped, in words.</param>
    /// <param name="startingValues">The parameter values the fit started from.</param>
    public FitDiagnostics(FitStatus status, int iterations, int evaluations, double gradientNorm, string message, IReadOnlyList<double> startingValues)
    {
        Status = status;
        Iterations = iterations;
        Evaluations = evaluations;
        GradientNorm = gradientNorm;
        Message = message;
        StartingValues = startingValues;
    }

    /// <summary>Gets how the fit ended.</summary>
    public FitStatus Status { get; }

    /// <summary>Gets a value indicating whether the fit reached a proper maximum (<see cref="FitStatus.Converged"/>).</summary>
    public bool IsConverged => Status == FitStatus.Converged;

    /// <summary>Gets the optimiser iterations used.</summary>
    public int Iterations { get; }

    /// <summary>Gets the log-likelihood evaluations used.</summary>
    public int Evaluations { get; }

    /// <summary>Gets the largest absolute gradient component (log-parameter scale) where the fit stopped.</summary>
    public double GradientNorm { get; }

    /// <summary>Gets why the fit stopped.</summary>
    public string Message { get; }

    /// <summary>Gets the parameter values the fit started from.</summary>
    public IReadOnlyList<double> StartingValues { get; }

    /// <summary>Returns the status and message.</summary>
    /// <returns>For example <c>Converged: gradient below tolerance (41 iterations)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{EnumText.Of(Status)}: {Message} ({Iterations} iterations)");
}
