namespace Cx.Domain.Attribution;

/// <summary>A model fitted on one direction's paths: gives every touch of a path a weight.</summary>
/// <remarks>Weights must be finite and zero or more; only their ratios within one path matter. When every touch of a path
/// weighs zero, the calculator shares that movement equally over its touches and counts it in
/// <see cref="AttributionResult.EqualSplitFallbackCount"/>.</remarks>
public abstract class AttributionModelFit
{
    /// <summary>Gets the learned score of each player (touchpoint or stage) for data-driven models; empty for heuristic ones.</summary>
    public virtual IReadOnlyList<PlayerScore> Scores => [];

    /// <summary>Weighs the touches of one path.</summary>
    /// <param name="touchpoints">The touchpoints met, as indexes into the framework's touchpoints, oldest first.</param>
    /// <param name="ageTicks">For each touch, its age in NodaTime ticks (100 ns) at the end of the movement's period (positive).</param>
    /// <param name="weights">Receives one weight per touch.</param>
    public abstract void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights);

    /// <summary>Gets a value indicating whether the weights are learned in floating point (data-driven models), so that the
    /// split treats remainders equal to rounding noise as tied.</summary>
    internal virtual bool HasLearnedWeights => false;

    /// <summary>Weighs the touches of one path exactly: touch <c>i</c> weighs <c>numerators[i] / denominators[i]</c>, so
    /// that a weight such as 1/6 or 0.2/7 reaches the largest-remainder split without rounding. By default the weights of
    /// <see cref="Weigh"/> over 1.</summary>
    internal virtual void WeighExact(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> numerators, Span<long> denominators)
    {
        Weigh(touchpoints, ageTicks, numerators);
        denominators.Fill(1);
    }
}
