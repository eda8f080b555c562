using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Assets;

/// <summary>Computes how the customer asset grew or shrank: the bridge of every period (new, reactivated, expansion,
/// contraction, flat, churned, opening, closing), the customer view, per-customer movements and per-segment bridges.</summary>
/// <remarks>
/// Stateless and thread-safe; register it as a singleton. Definitions: <c>docs/concepts/customer-asset.md</c>. The bridge
/// identity <c>Closing = Opening + New + Reactivated + Expansion + Contraction + Churned</c> holds exactly in every period.
/// </remarks>
public sealed class AssetMovementCalculator
{
    private static readonly AssetMovementOptionsValidator OptionsValidator = new();
    private readonly AssetMovementOptions _defaults;

    /// <summary>Initializes a calculator with the default options (activity window 1).</summary>
    public AssetMovementCalculator()
        : this(new AssetMovementOptions())
    {
    }

    /// <summary>Initializes a calculator whose default options are <paramref name="defaults"/>.</summary>
    /// <param name="defaults">The options used when a call passes none; validated now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> is null.</exception>
    /// <exception cref="CxValidationException"><paramref name="defaults"/> is invalid.</exception>
    public AssetMovementCalculator(AssetMovementOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = new AssetMovementOptions { ActivityWindow = OptionsValidator.ValidateOrThrow(defaults, "asset movement options").ActivityWindow };
    }

    /// <summary>Computes the bridge and customer view of every grid period.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="options">The activity window; the calculator's defaults when null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, or a period total overflows 64 bits (CX0111).</exception>
    public AssetMovementReport Calculate(AssetLedger ledger, AssetMovementOptions? options = null) =>
        CalculatePartial(ledger, options).ToReport();

    /// <summary>Computes the mergeable partial of a ledger (typically one partition of customers).</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="options">The activity window; the calculator's defaults when null.</param>
    /// <returns>The partial; merge it with partials of other customers, then call <see cref="AssetMovementPartial.ToReport"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, or a period total overflows 64 bits (CX0111).</exception>
    public AssetMovementPartial CalculatePartial(AssetLedger ledger, AssetMovementOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        int window = Window(options);
        LedgerCells cells = ledger.Cells;
        var totals = new MovementTotals(ledger.Grid.Count) { CustomerCount = cells.CustomerCount };
        var sink = new TotalsSink(totals, cells.FirstReported);
        OverflowGuard.Run(() =>
        {
            for (int c = 0; c < cells.CustomerCount; c++)
            {
                cells.Sweep(c, window, ref sink);
            }

            totals.OpeningActive = sink.OpeningActive;
            totals.OpeningValue = sink.OpeningValue;
        });
        return new AssetMovementPartial(ledger.Grid, ledger.Unit, window, totals, ledger.ExcludedRecordCount, ledger.FlooredCells.Count);
    }

    /// <summary>Lists every customer's movement in every grid period: the drill-down behind the bridge, and the input of
    /// journey-stage attribution.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="includeFlat">Whether to list flat movements (active in both periods, same value); false by default.</param>
    /// <returns>The movements ordered by period, then customer id (ordinal), deterministic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    public IReadOnlyList<CustomerMovement> CustomerMovements(AssetLedger ledger, bool includeFlat = false)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerCells cells = ledger.Cells;
        var moves = new List<(int Customer, int Period, MovementClass Class, long Previous, long Current, int Segment)>();
        var sink = new MovementListSink(moves, cells.FirstReported);
        ImmutableArray<int> order = ledger.CustomerOrder;
        foreach (int c in order)
        {
            sink.Customer = c;
            cells.Sweep(c, 1, ref sink);
        }

        int[] rank = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        ImmutableArray<string> segments = ledger.SegmentSlots;
        return moves
            .Where(m => includeFlat || m.Class != MovementClass.Flat)
            .OrderBy(m => m.Period).ThenBy(m => rank[m.Customer])
            .Select(m => new CustomerMovement(ledger.CustomerSlots[m.Customer], ledger.Grid[m.Period], m.Class, m.Previous, m.Current, m.Segment < 0 ? null : segments[m.Segment], ledger.Unit))
            .ToImmutableArray();
    }

    /// <summary>Computes one bridge per segment: each movement goes to the segment the customer was in at the period
    /// (at the period before for churn). The segment bridges add up to the total bridge, figure by figure.</summary>
    /// <param name="ledger">The ledger.</param>
    /// <returns>The per-segment bridges; customers without a segment form a bucket named null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> is null.</exception>
    /// <exception cref="CxValidationException">A total overflows 64 bits (CX0111).</exception>
    public SegmentMovementReport BySegment(AssetLedger ledger) => SegmentBridges(ledger, dense: null);

    /// <summary>The per-segment bridges; <paramref name="dense"/> forces the accumulation (tests check both agree).</summary>
    internal static SegmentMovementReport SegmentBridges(AssetLedger ledger, bool? dense)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerCells cells = ledger.Cells;
        ImmutableArray<string> names = ledger.SegmentSlots;
        var accumulator = new SegmentAccumulator(names.Length, ledger.Grid.Count, cells.FirstReported, dense);
        var sink = new SegmentSink(accumulator);
        SegmentTable[] tables = [];
        OverflowGuard.Run(() =>
        {
            for (int c = 0; c < cells.CustomerCount; c++)
            {
                cells.Sweep(c, 1, ref sink);
            }

            tables = accumulator.Build();
        });

        var bridges = new List<SegmentBridge>();
        IEnumerable<int> order = Enumerable.Range(0, names.Length).OrderBy(s => names[s], StringComparer.Ordinal).Append(names.Length);
        foreach (int s in order)
        {
            if (s == names.Length && tables[s].IsEmpty)
            {
                continue;
            }

            bridges.Add(new SegmentBridge(s == names.Length ? null : names[s], new SegmentPeriodList(ledger.Grid, tables[s], ledger.Unit)));
        }

        return new SegmentMovementReport(ledger.Grid, ledger.Unit, bridges.ToImmutableArray());
    }

    private int Window(AssetMovementOptions? options) =>
        options is null ? _defaults.ActivityWindow : OptionsValidator.ValidateOrThrow(options, "asset movement options").ActivityWindow;
}
