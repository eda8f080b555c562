using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One customer's movement in one period: who moved, which class, by how much.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Period">The period of the movement.</param>
/// <param name="Class">The movement class.</param>
/// <param name="PreviousValue">The customer's value in the period before, in units.</param>
/// <param name="CurrentValue">The customer's value in this period, in units.</param>
/// <param name="Segment">The segment the movement is attributed to (the segment at this period; at the period before for churn), or null.</param>
public sealed record CustomerMovement(CustomerId Customer, Period Period, MovementClass Class, long PreviousValue, long CurrentValue, string? Segment)
{
    /// <summary>Gets the value delta, <c>CurrentValue - PreviousValue</c>: positive for gains, negative for losses, zero when flat.</summary>
    public long ValueDelta => CurrentValue - PreviousValue;

    /// <summary>Gets a value indicating whether the movement is a gain (new, reactivated, expansion).</summary>
    public bool IsGain => Class is MovementClass.New or MovementClass.Reactivated or MovementClass.Expansion;

    /// <summary>Gets a value indicating whether the movement is a loss (contraction, churn).</summary>
    public bool IsLoss => Class is MovementClass.Contraction or MovementClass.Churned;
}
