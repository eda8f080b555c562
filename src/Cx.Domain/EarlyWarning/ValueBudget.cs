using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.EarlyWarning;

/// <summary>A standard's error budget and burn in a period, in value as well as in events: how much revenue the failures it
/// allows would put at risk, and how much its actual failures did.</summary>
/// <remarks>
/// <para>The value of a failure is the period's revenue at risk divided by its failing events (failing events without a
/// known customer carry nothing, so they dilute it); without failures in the period, the history's: the excess loss share
/// times the exposed value of the periods up to this one, divided by their failing events. Then budget = allowed failures ×
/// value per failure, burn = failing events × value per failure (the period's revenue at risk), remaining = budget - burn.
/// All null when the excess loss share cannot be formed; given with <see cref="Evidence"/> otherwise.</para>
/// </remarks>
public sealed class ValueBudget
{
    internal ValueBudget(ReliabilityStandard standard, GridPeriod period, MeasureUnit unit, long events, long failing, double? valuePerFailure, EvidenceVerdict evidence)
    {
        Standard = standard;
        Period = period;
        Unit = unit;
        EventCount = events;
        FailingEventCount = failing;
        AllowedFailures = (double)(standard.AllowedBadShare * events);
        ValuePerFailure = valuePerFailure;
        Evidence = evidence;
        if (valuePerFailure is { } v)
        {
            Budget = (long)Math.Round(AllowedFailures * v, MidpointRounding.ToEven);
            Burn = (long)Math.Round(failing * v, MidpointRounding.ToEven);
            Remaining = Budget - Burn;
        }
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the period (of the ledger's grid).</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the number of measurements in the period.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of failing measurements in the period.</summary>
    public long FailingEventCount { get; }

    /// <summary>Gets the error budget in events: <c>(1 - objective) × events</c>.</summary>
    public double AllowedFailures { get; }

    /// <summary>Gets the revenue at risk one failure carries, in the ledger's unit, or null.</summary>
    public double? ValuePerFailure { get; }

    /// <summary>Gets the error budget in value, whole units, or null.</summary>
    public long? Budget { get; }

    /// <summary>Gets the burn in value (the period's revenue at risk), whole units, or null.</summary>
    public long? Burn { get; }

    /// <summary>Gets the budget left, budget - burn (negative when overspent), or null.</summary>
    public long? Remaining { get; }

    /// <summary>Gets the verdict of the excess loss share the value rests on.</summary>
    public EvidenceVerdict Evidence { get; }

    /// <summary>Returns a short description such as <c>financing-approval-24h 2025-12: budget USD 1,200, burn USD 9,800 (158 of 412 failing, 20.6 allowed)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Standard.Id} {Period}: budget {(Budget is { } b ? ErosionText.Amount(b, Unit) : "-")}, burn {(Burn is { } u ? ErosionText.Amount(u, Unit) : "-")} ({FailingEventCount} of {EventCount} failing, {AllowedFailures:0.#} allowed), {Evidence}");
}
