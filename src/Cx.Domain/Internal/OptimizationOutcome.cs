namespace Cx.Domain.Internal;

/// <summary>Where a minimiser stopped and why.</summary>
/// <param name="Minimizer">The best point found.</param>
/// <param name="Value">The objective at <paramref name="Minimizer"/>.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Evaluations">Objective evaluations used (a gradient evaluation counts once).</param>
/// <param name="Converged">Whether the stopping rule was met (rather than the iteration limit or a failed line search).</param>
/// <param name="Message">Why it stopped, in words.</param>
/// <param name="RanOff">Whether it stopped because a coordinate ran beyond the run-off bound (the objective kept falling
/// towards the boundary of the parameter space).</param>
internal sealed record OptimizationOutcome(double[] Minimizer, double Value, int Iterations, int Evaluations, bool Converged, string Message, bool RanOff = false);
