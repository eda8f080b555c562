using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>Describes a columnar input for <see cref="ColumnarAssetEngine"/>: how period indices map onto the grid,
/// the unit of the values and the activity window.</summary>
/// <remarks>
/// Period index <c>0</c> to <c>HistoryPeriodCount - 1</c> are history before the grid (they decide new versus
/// reactivated); <c>HistoryPeriodCount + k</c> is grid period <c>k</c>. Immutable.
/// </remarks>
public sealed class ColumnarAssetLayout
{
    /// <summary>Initializes a layout.</summary>
    /// <param name="grid">The grid of the reported periods.</param>
    /// <param name="unit">The unit of the values (for example <c>MeasureUnit.ForCurrency(Currency.Usd)</c>: values in cents).</param>
    /// <param name="historyPeriodCount">How many period indices come before the grid's first period; 0 or more.</param>
    /// <param name="activityWindow">The customer view's activity window, 1 to <see cref="AssetMovementOptions.MaxActivityWindow"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="grid"/> or <paramref name="unit"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyPeriodCount"/> or <paramref name="activityWindow"/> is out of range.</exception>
    public ColumnarAssetLayout(PeriodGrid grid, MeasureUnit unit, int historyPeriodCount = 0, int activityWindow = 1)
    {
        Grid = Guard.NotNull(grid);
        Unit = Guard.NotNull(unit);
        HistoryPeriodCount = Guard.InRange(historyPeriodCount, 0, int.MaxValue - grid.Count);
        ActivityWindow = Guard.InRange(activityWindow, 1, AssetMovementOptions.MaxActivityWindow);
    }

    /// <summary>Gets the grid of the reported periods.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets how many period indices precede the grid.</summary>
    public int HistoryPeriodCount { get; }

    /// <summary>Gets the activity window of the customer view.</summary>
    public int ActivityWindow { get; }

    /// <summary>Gets the number of valid period indices: history plus grid.</summary>
    public int PeriodCount => HistoryPeriodCount + Grid.Count;
}
