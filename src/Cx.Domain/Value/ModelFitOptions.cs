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

    /// <summary>Gets or sets the iteration limit of each optimiser stage (BFGS; Nelder–Mead gets ten times as many), at least 1.</summary>
    public int MaxIterations { get; set; } = DefaultMaxIterations;
}
