using System.Collections.Immutable;

namespace Cx.Domain.Assets;

/// <summary>The asset bridge of one segment (plan, region, channel) over every period.</summary>
/// <param name="Segment">The segment name; null for customers without a segment.</param>
/// <param name="Periods">The segment's bridge per period, in grid order.</param>
public sealed record SegmentBridge(string? Segment, ImmutableArray<SegmentPeriodMovement> Periods);
