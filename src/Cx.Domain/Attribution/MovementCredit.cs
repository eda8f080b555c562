using Cx.Domain.Assets;

namespace Cx.Domain.Attribution;

/// <summary>The drill-down of one movement: its value and the touchpoints credited with it.</summary>
/// <remarks>Listed when <see cref="AttributionOptions.IncludeMovementCredits"/> is set. The shares sum to <see cref="Value"/>
/// exactly; an empty list means the movement is in the unattributed bucket. With <see cref="MarkovAllocation.Pooled"/> a
/// movement's shares spread its value over every touchpoint by the global weights (what the movement contributes to the
/// pool); the touchpoint totals are the pools of the periods shared out once, so they can differ from the sum of these
/// shares by a few cents.</remarks>
public sealed class MovementCredit
{
    internal MovementCredit(CustomerMovement movement, AttributionDirection direction, long value, IReadOnlyList<TouchpointShare> shares)
    {
        Movement = movement;
        Direction = direction;
        Value = value;
        Shares = shares;
    }

    /// <summary>Gets the movement.</summary>
    public CustomerMovement Movement { get; }

    /// <summary>Gets whether it is a gain or a loss.</summary>
    public AttributionDirection Direction { get; }

    /// <summary>Gets the value attributed: the increase for a gain, the decrease for a loss (positive).</summary>
    public long Value { get; }

    /// <summary>Gets the shares, in journey order of the touchpoints.</summary>
    public IReadOnlyList<TouchpointShare> Shares { get; }

    /// <summary>Gets a value indicating whether the movement had no touch in its window.</summary>
    public bool IsUnattributed => Shares.Count == 0;

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>C-00001 2024-03 Churned 4900: proposal 2450, service-repair 2450</c>.</returns>
    public override string ToString() =>
        $"{Movement.Customer} {Movement.Period} {Movement.Class} {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {(IsUnattributed ? "unattributed" : string.Join(", ", Shares))}";
}
