using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>The movement counters of a subset of customers: partial results that merge associatively into the whole.</summary>
/// <remarks>
/// <para>Movements are computed customer by customer, so a host can split customers across workers (a Spark job, an
/// Orleans cluster, a queue), compute a partial on each, and <see cref="Merge(AssetMovementPartial)"/> them: merging
/// partials of disjoint customer sets gives exactly the partial of their union, in any grouping and order.
/// Every customer's rows must stay within one partition.</para>
/// <para>Immutable: merging returns a new partial.</para>
/// </remarks>
public sealed class AssetMovementPartial
{
    private readonly MovementTotals _totals;

    internal AssetMovementPartial(PeriodGrid grid, MeasureUnit unit, int activityWindow, MovementTotals totals, long excludedRecordCount, long flooredCellCount)
    {
        Grid = grid;
        Unit = unit;
        ActivityWindow = activityWindow;
        _totals = totals;
        ExcludedRecordCount = excludedRecordCount;
        FlooredCellCount = flooredCellCount;
    }

    /// <summary>Gets the grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the unit of the values.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the activity window.</summary>
    public int ActivityWindow { get; }

    /// <summary>Gets the number of customers counted.</summary>
    public long CustomerCount => _totals.CustomerCount;

    /// <summary>Gets the records excluded after the grid.</summary>
    public long ExcludedRecordCount { get; }

    /// <summary>Gets the customer-periods floored at zero.</summary>
    public long FlooredCellCount { get; }

    /// <summary>Merges two partials over disjoint customers.</summary>
    /// <param name="other">The other partial; same grid, unit and activity window.</param>
    /// <returns>The partial of both customer sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The grids, units or windows differ.</exception>
    /// <exception cref="InvalidOperationException">A merged total overflows 64 bits.</exception>
    public AssetMovementPartial Merge(AssetMovementPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Grid.Equals(other.Grid) || Unit != other.Unit || ActivityWindow != other.ActivityWindow)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected partials of one calculation, got {Grid}, {Unit}, W={ActivityWindow} and {other.Grid}, {other.Unit}, W={other.ActivityWindow}. Compute every partition with the same grid, unit and activity window."),
                nameof(other));
        }

        MovementTotals sum = _totals.Clone();
        try
        {
            sum.Add(other._totals);
        }
        catch (OverflowException)
        {
            throw new InvalidOperationException("Merging these partials overflows a 64-bit total; the values are too large to add exactly.");
        }

        return new AssetMovementPartial(Grid, Unit, ActivityWindow, sum, ExcludedRecordCount + other.ExcludedRecordCount, FlooredCellCount + other.FlooredCellCount);
    }

    /// <summary>Merges any number of partials of one calculation.</summary>
    /// <param name="partials">At least one partial.</param>
    /// <returns>The merged partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No partials, or they belong to different calculations.</exception>
    /// <exception cref="InvalidOperationException">A merged total overflows 64 bits.</exception>
    public static AssetMovementPartial MergeAll(IEnumerable<AssetMovementPartial> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        AssetMovementPartial? result = null;
        foreach (AssetMovementPartial partial in partials)
        {
            ArgumentNullException.ThrowIfNull(partial, nameof(partials));
            result = result is null ? partial : result.Merge(partial);
        }

        return result ?? throw new ArgumentException("Expected at least one partial to merge, got none.", nameof(partials));
    }

    /// <summary>Builds the report of the customers counted so far.</summary>
    /// <returns>The report.</returns>
    /// <exception cref="Validation.CxValidationException">A running opening or closing total overflows 64 bits (CX0111).</exception>
    public AssetMovementReport ToReport()
    {
        AssetMovementReport? report = null;
        OverflowGuard.Run(() => report = BuildReport());
        return report!;
    }

    private AssetMovementReport BuildReport()
    {
        int n = Grid.Count;
        var periods = ImmutableArray.CreateBuilder<PeriodMovement>(n);
        long active = _totals.OpeningActive;
        long activeRun = 0;
        var classes = new MovementTotal[MovementTotals.ClassCount];
        long closing = _totals.OpeningValue;
        for (int t = 0; t < n; t++)
        {
            long opening = closing;

            // Summed in 128 bits: gains and losses may straddle 2^63 on the way to a closing that fits, and only a closing
            // that does not fit is refused (the per-class totals fit whenever their period's opening and closing do).
            Int128 sum = closing;
            for (int c = 1; c < MovementTotals.ClassCount; c++)
            {
                classes[c] = new MovementTotal(_totals.ClassCustomers[(c * n) + t], _totals.ClassValue[(c * n) + t]);
                sum += classes[c].Value;
            }

            closing = checked((long)sum);

            activeRun += _totals.ActiveDelta[t];
            var customers = new CustomerActivity(
                openingActiveCount: active,
                activeCount: activeRun,
                incomingNewCount: _totals.IncomingNew[t],
                incomingReturningCount: _totals.IncomingReturning[t],
                incomingValue: _totals.IncomingValue[t],
                lostCount: _totals.LostCustomers[t],
                lostValue: _totals.LostValue[t]);
            active = activeRun;
            periods.Add(new PeriodMovement(Grid[t], opening, closing, classes, customers, Unit));
        }

        return new AssetMovementReport(Grid, Unit, ActivityWindow, _totals.CustomerCount, ExcludedRecordCount, FlooredCellCount, periods.MoveToImmutable());
    }

    internal bool ContentEquals(AssetMovementPartial other) => _totals.ContentEquals(other._totals);
}
