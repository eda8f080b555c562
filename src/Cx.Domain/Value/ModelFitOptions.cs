namespace Cx.Domain.Value;

/// <summary>Where a maximum-likelihood fit starts and how long it may search.</summary>
/// <remarks>Validated when used (CX0911). Each model documents its default starting values.</remarks>
public sealed class ModelFitOptions
{
    /// <summary>The default iteration limit of each optimiser stage.</summary>
    public const int DefaultMaxIterations = 500;

    /// <summary>Gets or sets the starting values, one per parameter in the model's order, each positive and finite; null for
    /// the model's documented defaults.</summary>
    public IReadOnlyList<double>? StartingValues { get; set; }

    /// <summary>The default limit on log-likelihood evaluations of a whole fit.</summary>
    public const int DefaultMaxEvaluations = 20_000;

    /// <summary>The smallest evaluation limit accepted.</summary>
    public const int MinEvaluations = 100;

    /// <summary>Gets or sets the iteration limit of each optimiser stage (BFGS; Nelder–Mead gets ten times as many), at least 1.</summary>
    public int MaxIterations { get; set; } = DefaultMaxIterations;

    /// <summary>Gets or sets the limit on log-likelihood evaluations of the whole fit (every stage, each finite-difference
    /// probe, the final gradient and Hessian; an evaluation with an analytic gradient counts once), at least
    /// <see cref="MinEvaluations"/>. A fit that reaches it stops and is reported as it stands — the best point evaluated,
    /// <see cref="FitStatus.NotConverged"/> (or <see cref="FitStatus.ParameterAtBoundary"/>) unless the gradient vanished
    /// there — so the time a fit takes is bounded by this many evaluations whatever the data.</summary>
    public int MaxEvaluations { get; set; } = DefaultMaxEvaluations;
}
