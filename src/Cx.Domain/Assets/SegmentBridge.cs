using System.Collections.Immutable;

namespace Cx.Domain.Assets;

/// <summary>The asset bridge of one segment (plan, region, channel) over every period.</summary>
public sealed record SegmentBridge
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="segment">The segment name; null for customers without a segment.</param>
    /// <param name="periods">The segment's bridge per period, in grid order.</param>
    public SegmentBridge(string? segment, ImmutableArray<SegmentPeriodMovement> periods)
    {
        Segment = segment;
        Periods = periods;
    }

    /// <summary>The segment name; null for customers without a segment.</summary>
    public string? Segment { get; }

    /// <summary>The segment's bridge per period, in grid order.</summary>
    public ImmutableArray<SegmentPeriodMovement> Periods { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>segment 'Pro': 12 periods</c>, or <c>no segment: 12 periods</c>.</returns>
    public override string ToString() =>
        (Segment is null ? "no segment" : $"segment '{Segment}'") + $": {(Periods.IsDefault ? 0 : Periods.Length)} periods";
}
