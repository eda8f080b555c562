using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Per-segment asset bridges that add up to the total bridge.</summary>
public sealed record SegmentMovementReport
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <param name="segments">One bridge per segment, ordered by name (the unsegmented bucket, if any, last).</param>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="segments"/> holds a null bridge.</exception>
    public SegmentMovementReport(PeriodGrid grid, MeasureUnit unit, IReadOnlyList<SegmentBridge> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Any(b => b is null))
        {
            throw new ArgumentException("Expected a bridge per segment, got a null bridge.", nameof(segments));
        }

        Grid = grid;
        Unit = unit;
        Segments = segments;
    }

    /// <summary>The grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>The unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>One bridge per segment, ordered by name (the unsegmented bucket, if any, last).</summary>
    public IReadOnlyList<SegmentBridge> Segments { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>segment movements, monthly 2024-01..2024-12 (12 periods), USD, 3 segments</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"segment movements, {Grid}, {Unit}, {Segments.Count} segments");
}
