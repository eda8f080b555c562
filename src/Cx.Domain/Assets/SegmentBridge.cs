namespace Cx.Domain.Assets;

/// <summary>The asset bridge of one segment (plan, region, channel) over every period.</summary>
/// <remarks>The bridges that <see cref="AssetMovementCalculator.BySegment"/> returns keep only the periods where the
/// segment moved and build each <see cref="SegmentPeriodMovement"/> when it is read, so their memory grows with the
/// movements, not with segments x periods (thousands of segments over a daily grid of years stay small).</remarks>
public sealed record SegmentBridge
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="segment">The segment name; null for customers without a segment.</param>
    /// <param name="periods">The segment's bridge per period, in grid order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> is null.</exception>
    public SegmentBridge(string? segment, IReadOnlyList<SegmentPeriodMovement> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        Segment = segment;
        Periods = periods;
    }

    /// <summary>The segment name; null for customers without a segment.</summary>
    public string? Segment { get; }

    /// <summary>The segment's bridge per period, in grid order (read-only).</summary>
    public IReadOnlyList<SegmentPeriodMovement> Periods { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>segment 'Pro': 12 periods</c>, or <c>no segment: 12 periods</c>.</returns>
    public override string ToString() =>
        (Segment is null ? "no segment" : $"segment '{Segment}'") + string.Create(System.Globalization.CultureInfo.InvariantCulture, $": {Periods.Count} periods");
}
