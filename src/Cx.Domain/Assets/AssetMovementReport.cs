using System.Collections.Immutable;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>The asset bridge of every period of a grid, with the customer view, and the facts needed to check it.</summary>
/// <remarks>Immutable. Two reports are equal when their grid, unit, window, counts and every period are equal.</remarks>
public sealed class AssetMovementReport : IEquatable<AssetMovementReport>
{
    internal AssetMovementReport(PeriodGrid grid, MeasureUnit unit, int activityWindow, long customerCount, long excludedRecordCount, long flooredCellCount, ImmutableArray<PeriodMovement> periods)
    {
        Grid = grid;
        Unit = unit;
        ActivityWindow = activityWindow;
        CustomerCount = customerCount;
        ExcludedRecordCount = excludedRecordCount;
        FlooredCellCount = flooredCellCount;
        Periods = periods;
    }

    /// <summary>Gets the grid of the report.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the unit of every value in the report.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the activity window W of the customer view, in periods.</summary>
    public int ActivityWindow { get; }

    /// <summary>Gets the number of distinct customers in the input (history included).</summary>
    public long CustomerCount { get; }

    /// <summary>Gets how many input records were left out because they fell after the grid (<see cref="AfterGridPolicy.Exclude"/>).</summary>
    public long ExcludedRecordCount { get; }

    /// <summary>Gets how many customer-periods had a negative net value counted as zero (<see cref="NegativeValuePolicy.FloorAtZero"/>).</summary>
    public long FlooredCellCount { get; }

    /// <summary>Gets the bridge of every grid period, in order.</summary>
    public IReadOnlyList<PeriodMovement> Periods { get; }

    /// <summary>Converts a value of this report to money.</summary>
    /// <param name="units">A value from this report.</param>
    /// <returns>The money.</returns>
    /// <exception cref="InvalidOperationException">The report's unit is not a currency.</exception>
    public Money ToMoney(long units) => Unit.ToMoney(units);

    /// <inheritdoc/>
    public bool Equals(AssetMovementReport? other) =>
        other is not null && Grid.Equals(other.Grid) && Unit == other.Unit && ActivityWindow == other.ActivityWindow &&
        CustomerCount == other.CustomerCount && ExcludedRecordCount == other.ExcludedRecordCount &&
        FlooredCellCount == other.FlooredCellCount && Periods.SequenceEqual(other.Periods);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AssetMovementReport);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Grid, Unit, ActivityWindow, CustomerCount, Periods.Count);

    /// <summary>Tests two instances for equality; see <see cref="Equals(AssetMovementReport?)"/>.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(AssetMovementReport? left, AssetMovementReport? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two instances for inequality.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AssetMovementReport? left, AssetMovementReport? right) => !(left == right);

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>asset movements, monthly 2024-01..2024-12 (12 periods), USD, W=1, 1200 customers</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"asset movements, {Grid}, {Unit}, W={ActivityWindow}, {CustomerCount} customers");
}
