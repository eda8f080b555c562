using Cx.Domain.Internal;
using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Attribution;

/// <summary>One period of the stage-attributed bridge: for each stage, the asset earned and lost in the period.</summary>
/// <remarks>Reads as a waterfall: opening + Σ stage earned + unattributed earned − Σ stage lost − unattributed lost =
/// closing, when every movement class is attributed. <see cref="EarnedValue"/> equals new + reactivated + expansion of the
/// asset bridge, and <see cref="LostValue"/> contraction + churned.</remarks>
public sealed class StageBridgePeriod
{
    internal StageBridgePeriod(GridPeriod period, IReadOnlyList<StageCredit> stages, UnattributedCredit unattributed)
    {
        Period = period;
        Stages = stages;
        Unattributed = unattributed;
        EarnedValue = stages.Sum(s => s.EarnedValue) + unattributed.EarnedValue;
        LostValue = stages.Sum(s => s.LostValue) + unattributed.LostValue;
    }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets each stage's earned and lost value in the period, in journey order.</summary>
    public IReadOnlyList<StageCredit> Stages { get; }

    /// <summary>Gets the movements of the period without a touch in their window.</summary>
    public UnattributedCredit Unattributed { get; }

    /// <summary>Gets the total value earned in the period (stages plus unattributed).</summary>
    public long EarnedValue { get; }

    /// <summary>Gets the total value lost in the period (stages plus unattributed).</summary>
    public long LostValue { get; }

    /// <summary>Gets earned minus lost value: the period's change of the customer asset.</summary>
    public long NetValue => EarnedValue - LostValue;

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>2024-03: earned USD 12.00, lost USD 4.00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period}: earned {Amounts.Format(Unattributed.Unit, EarnedValue)}, lost {Amounts.Format(Unattributed.Unit, LostValue)}");
}
