using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Per-segment asset bridges that add up to the total bridge.</summary>
/// <param name="Grid">The grid.</param>
/// <param name="Unit">The unit of the values.</param>
/// <param name="Segments">One bridge per segment, ordered by name (the unsegmented bucket, if any, last).</param>
public sealed record SegmentMovementReport(PeriodGrid Grid, MeasureUnit Unit, IReadOnlyList<SegmentBridge> Segments);
