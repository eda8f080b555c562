namespace Cx.Domain.Value;

/// <summary>One step of the holdout check: actual against expected cumulative purchases at the end of holdout step k.</summary>
public sealed class HoldoutStep
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="step">k, 1 for the first time unit after calibration.</param>
    /// <param name="actualCumulative">Holdout purchases of all customers up to the end of step k.</param>
    /// <param name="expectedCumulative">Σ E[Y(k) | x, t_x, T]: the conditional expectation.</param>
    /// <param name="trackedCumulative">Σ E[X(T + k)]: the unconditional tracking from each customer's first purchase,
    /// calibration included (the paper's tracking plot).</param>
    /// <param name="actualCumulativeSinceFirstPurchase">Σ x plus <paramref name="actualCumulative"/>.</param>
    public HoldoutStep(int step, long actualCumulative, double expectedCumulative, double trackedCumulative, long actualCumulativeSinceFirstPurchase)
    {
        Step = step;
        ActualCumulative = actualCumulative;
        ExpectedCumulative = expectedCumulative;
        TrackedCumulative = trackedCumulative;
        ActualCumulativeSinceFirstPurchase = actualCumulativeSinceFirstPurchase;
    }

    /// <summary>Gets k.</summary>
    public int Step { get; }

    /// <summary>Gets the actual holdout purchases to the end of step k.</summary>
    public long ActualCumulative { get; }

    /// <summary>Gets the conditional expectation of the same.</summary>
    public double ExpectedCumulative { get; }

    /// <summary>Gets the unconditional expected repeat purchases since each customer's first purchase.</summary>
    public double TrackedCumulative { get; }

    /// <summary>Gets the actual repeat purchases since each customer's first purchase.</summary>
    public long ActualCumulativeSinceFirstPurchase { get; }

    /// <summary>Returns the step and the figures.</summary>
    /// <returns>For example <c>k=39: actual 1882, expected 1653.4, tracked 4165.7 vs 4339</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"k={Step}: actual {ActualCumulative}, expected {ExpectedCumulative:F1}, tracked {TrackedCumulative:F1} vs {ActualCumulativeSinceFirstPurchase}");
}
