using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>One segment's bridge in one period: movements attributed to the segment the customer was in at the period
/// (at the period before for churn).</summary>
/// <param name="Period">The period.</param>
/// <param name="Opening">The period-before value of the customers attributed to this segment in this period.</param>
/// <param name="Closing">This period's value of the customers in this segment.</param>
/// <param name="New">New customers.</param>
/// <param name="Reactivated">Reactivated customers.</param>
/// <param name="Expansion">Expanding customers.</param>
/// <param name="Contraction">Contracting customers.</param>
/// <param name="Flat">Flat customers.</param>
/// <param name="Churned">Churned customers.</param>
/// <param name="NetMigrationIn">Value that moved in with customers who switched into the segment: <c>Opening</c> minus
/// the segment's closing of the period before (negative when customers moved out).</param>
/// <remarks><c>Closing = Opening + New + Reactivated + Expansion + Contraction + Churned</c> holds per segment, and
/// every figure summed over segments equals the total bridge.</remarks>
public sealed record SegmentPeriodMovement(
    Period Period,
    long Opening,
    long Closing,
    MovementTotal New,
    MovementTotal Reactivated,
    MovementTotal Expansion,
    MovementTotal Contraction,
    MovementTotal Flat,
    MovementTotal Churned,
    long NetMigrationIn)
{
    /// <summary>Tells whether the segment's bridge identity holds.</summary>
    /// <returns><see langword="true"/> when opening plus the class values equals closing.</returns>
    public bool Reconciles() =>
        Opening + New.Value + Reactivated.Value + Expansion.Value + Contraction.Value + Flat.Value + Churned.Value == Closing;
}
