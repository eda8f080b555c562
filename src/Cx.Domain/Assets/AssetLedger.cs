using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Assets;

/// <summary>The value of every customer in every period of a grid (plus the history before it): the validated, immutable
/// input of the asset calculators.</summary>
/// <remarks>
/// <para>Built from dated records (<see cref="FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/>, <see cref="FromQuantities(IEnumerable{QuantityRecord}, PeriodGrid, MeasureUnit, AssetLedgerOptions?)"/>) or from per-period values
/// (<see cref="FromPeriodValues"/>). Records in a period are summed per customer, exactly; refunds (negative records)
/// are fine while the period's net value stays at or above zero. Records before the grid are history: they decide
/// whether a customer is new or reactivated and what the period before the grid looked like. Records after the grid
/// are rejected, or left out and counted (<see cref="AfterGridPolicy.Exclude"/>). Nothing is dropped silently.</para>
/// <para>Dates lie in the supported range of time (<see cref="SupportedRange"/>): a record dated before 0001-01-01 is
/// rejected (CX0114); one dated after 9998-12-31, such as the "no end date" placeholder 9999-12-31, is after every grid,
/// so it is rejected (CX0114) or, with <see cref="AfterGridPolicy.Exclude"/>, left out and counted. A per-period value's
/// history reaches back at most to the period holding 0001-01-01 (CX0115).</para>
/// <para>For a custom grid, history has no periods: any net value before the grid only marks the customer as
/// previously active, so the first period's opening is zero and customers with history come in as reactivated.
/// Use a regular grid when the period before the grid matters.</para>
/// <para>A customer's segment in a period is the segment of its latest-dated record there that has one (ties: the
/// ordinally greatest name), so input order never changes a result.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AssetLedger
{
    private readonly ImmutableArray<CustomerId> _customers;
    private readonly ImmutableArray<string> _segments;
    private readonly Lazy<ImmutableArray<int>> _customerOrder;
    private readonly Lazy<ImmutableArray<CustomerId>> _sortedCustomers;
    private readonly Lazy<Dictionary<CustomerId, int>> _slotOf;

    private AssetLedger(PeriodGrid grid, MeasureUnit unit, LedgerBuilder builder, LedgerCells cells, long recordCount)
    {
        Grid = grid;
        Unit = unit;
        Cells = cells;
        RecordCount = recordCount;
        ExcludedRecordCount = builder.ExcludedCount;
        FlooredCells = builder.Floored.ToImmutableArray();
        _customers = builder.Customers.ToImmutableArray();
        _segments = builder.Segments.ToImmutableArray();
        _customerOrder = new Lazy<ImmutableArray<int>>(
            () => Enumerable.Range(0, _customers.Length).OrderBy(i => _customers[i]).ToImmutableArray(),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _sortedCustomers = new Lazy<ImmutableArray<CustomerId>>(() => CustomerOrder.Select(i => _customers[i]).ToImmutableArray(), LazyThreadSafetyMode.ExecutionAndPublication);
        _slotOf = new Lazy<Dictionary<CustomerId, int>>(
            () =>
            {
                var slots = new Dictionary<CustomerId, int>(_customers.Length);
                for (int i = 0; i < _customers.Length; i++)
                {
                    slots.Add(_customers[i], i);
                }

                return slots;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the grid.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the unit of the values (a currency, or a non-money measure).</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the number of distinct customers, history included.</summary>
    public int CustomerCount => _customers.Length;

    /// <summary>Gets the customers, ordered ordinally by id.</summary>
    public IReadOnlyList<CustomerId> Customers => _sortedCustomers.Value;

    /// <summary>Gets the segment names seen, ordered ordinally.</summary>
    public IReadOnlyList<string> Segments => _segments.Order(StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Gets how many input records were read, excluded ones included.</summary>
    public long RecordCount { get; }

    /// <summary>Gets how many records were left out because they fell after the grid (<see cref="AfterGridPolicy.Exclude"/>).</summary>
    public long ExcludedRecordCount { get; }

    /// <summary>Gets every customer-period whose negative net value was counted as zero (<see cref="NegativeValuePolicy.FloorAtZero"/>).</summary>
    public IReadOnlyList<FlooredCell> FlooredCells { get; }

    /// <summary>Gets the number of history periods kept before the grid (0 for a custom grid).</summary>
    public int HistoryPeriodCount => Cells.FirstReported;

    internal LedgerCells Cells { get; }

    internal ImmutableArray<CustomerId> CustomerSlots => _customers;

    internal ImmutableArray<string> SegmentSlots => _segments;

    internal ImmutableArray<int> CustomerOrder => _customerOrder.Value;

    /// <summary>Builds a ledger from dated money records.</summary>
    /// <param name="records">The records, in any order.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="options">The currency and policies; defaults when null.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="grid"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, the input is empty, or records are invalid: every
    /// failure is reported with its record position (or customer and period) and field.</exception>
    public static AssetLedger FromRecords(IEnumerable<AssetRecord> records, PeriodGrid grid, AssetLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(grid);
        options = ValidOptions(options);
        var failures = new FailureCollector();
        Currency? currency = options.Currency;
        var builder = new LedgerBuilder(grid, options.NegativeValues, periodValues: false, failures, CapacityOf(records));
        AssetRecordValidator? validator = null;
        long position = 0;
        foreach (AssetRecord record in records)
        {
            if (currency is null && record.Amount.Currency != Currency.None)
            {
                currency = record.Amount.Currency;
            }

            if (!AssetRecordValidator.IsValid(record, currency))
            {
                if (validator is null || validator.Currency != currency)
                {
                    validator = new AssetRecordValidator(currency);
                }

                failures.AddRange(position, validator.Validate(record));
            }
            else
            {
                AddDated(builder, failures, grid, options, position, record.Customer, record.Date, record.Amount.MinorUnits, record.Segment);
            }

            position++;
        }

        return Finish(grid, currency is { } c ? MeasureUnit.ForCurrency(c) : null, builder, failures, position, "asset records");
    }

    /// <summary>Builds a ledger from dated money records, observing a cancellation token and reporting progress while it
    /// reads them (the long part of building a large ledger).</summary>
    /// <param name="records">The records, in any order.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="options">The currency and policies; defaults when null.</param>
    /// <param name="cancellationToken">Checked every few thousand records and once they are all read.</param>
    /// <param name="progress">Receives <c>reading records</c> reports (with the total when the input's count is known); none when null.</param>
    /// <returns>The ledger, the same as <see cref="FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/> gives.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="grid"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, the input is empty, or records are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static AssetLedger FromRecords(IEnumerable<AssetRecord> records, PeriodGrid grid, AssetLedgerOptions? options, CancellationToken cancellationToken, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return FromRecords(Monitored.Wrap(records, "reading records", cancellationToken, progress), grid, options);
    }

    /// <summary>Builds a ledger from dated records of a non-money measure, observing a cancellation token and reporting
    /// progress while it reads them.</summary>
    /// <param name="records">The records, in any order.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="unit">The measure's unit.</param>
    /// <param name="options">The policies; defaults when null.</param>
    /// <param name="cancellationToken">Checked every few thousand records and once they are all read.</param>
    /// <param name="progress">Receives <c>reading records</c> reports; none when null.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, <paramref name="grid"/> or <paramref name="unit"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, the input is empty, or records are invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static AssetLedger FromQuantities(IEnumerable<QuantityRecord> records, PeriodGrid grid, MeasureUnit unit, AssetLedgerOptions? options, CancellationToken cancellationToken, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return FromQuantities(Monitored.Wrap(records, "reading records", cancellationToken, progress), grid, unit, options);
    }

    /// <summary>Builds a ledger from dated records of a non-money measure (usage, visits, seats).</summary>
    /// <param name="records">The records, in any order.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="unit">The measure's unit; quantities are rounded half to even to its decimals.</param>
    /// <param name="options">The policies (the currency option is ignored); defaults when null.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/>, <paramref name="grid"/> or <paramref name="unit"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, the input is empty, or records are invalid.</exception>
    public static AssetLedger FromQuantities(IEnumerable<QuantityRecord> records, PeriodGrid grid, MeasureUnit unit, AssetLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(unit);
        options = ValidOptions(options);
        var failures = new FailureCollector();
        var builder = new LedgerBuilder(grid, options.NegativeValues, periodValues: false, failures, CapacityOf(records));
        long position = 0;
        foreach (QuantityRecord record in records)
        {
            if (!QuantityRecordValidator.IsValid(record, unit, out long units))
            {
                failures.AddRange(position, new QuantityRecordValidator(unit).Validate(record));
            }
            else
            {
                AddDated(builder, failures, grid, options, position, record.Customer, record.Date, units, record.Segment);
            }

            position++;
        }

        return Finish(grid, unit, builder, failures, position, "quantity records");
    }

    /// <summary>Builds a ledger from per-period values (one per customer and period, already summed).</summary>
    /// <param name="values">The values, in any order; period indices relative to the grid, negative for history.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="options">The currency and after-grid policy; defaults when null.</param>
    /// <returns>The ledger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="grid"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid, the input is empty, values are invalid or
    /// duplicated (same customer and period).</exception>
    public static AssetLedger FromPeriodValues(IEnumerable<AssetPeriodValue> values, PeriodGrid grid, AssetLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(grid);
        options = ValidOptions(options);
        var failures = new FailureCollector();
        Currency? currency = options.Currency;
        var builder = new LedgerBuilder(grid, options.NegativeValues, periodValues: true, failures, CapacityOf(values));
        long position = 0;
        foreach (AssetPeriodValue value in values)
        {
            if (currency is null && value.Value.Currency != Currency.None)
            {
                currency = value.Value.Currency;
            }

            if (!AssetPeriodValueValidator.IsValid(value, currency))
            {
                failures.AddRange(position, new AssetPeriodValueValidator(currency).Validate(value));
            }
            else if (grid.IsRegular && value.PeriodIndex < grid.FirstSupportedIndex)
            {
                failures.Add(position, null, "PeriodIndex", CxErrorCodes.PeriodIndexOutOfRange, string.Create(CultureInfo.InvariantCulture,
                    $"Expected a period index of {grid.FirstSupportedIndex} or more (the period holding {TimeRangeText.Date(SupportedRange.FirstDate)}, the first day of the supported range), got {value.PeriodIndex}. History reaches back at most to the year 1; check how the index was computed (grid.IndexOf(date))."));
            }
            else if (value.PeriodIndex >= grid.Count)
            {
                if (options.AfterGrid == AfterGridPolicy.Exclude)
                {
                    builder.ExcludedCount++;
                }
                else
                {
                    failures.Add(position, null, "PeriodIndex", CxErrorCodes.PeriodIndexAfterGrid,
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a period index below {grid.Count} (the grid ends at {grid[grid.Count - 1].Label}), got {value.PeriodIndex}. Extend the grid, or set AfterGrid = Exclude."));
                }
            }
            else
            {
                builder.Add(position, value.Customer, value.PeriodIndex, value.Value.MinorUnits, value.Segment, 0);
            }

            position++;
        }

        return Finish(grid, currency is { } c ? MeasureUnit.ForCurrency(c) : null, builder, failures, position, "per-period values");
    }

    /// <summary>Builds a ledger from dated money records given as columns, with customers as dense indexes: the bulk
    /// path of file readers. Gives exactly the ledger <see cref="FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/> gives for the same rows as records
    /// (same values, customers, segments, floored cells, exclusions and failures), without a per-row object.</summary>
    /// <param name="columns">The rows; see <see cref="AssetColumns"/>.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="options">The policies; when <see cref="AssetLedgerOptions.Currency"/> is set it must be the columns'
    /// currency. Defaults when null.</param>
    /// <returns>The ledger.</returns>
    /// <remarks>Row numbers in failures are 0-based positions in the columns, like record positions in
    /// <see cref="FromRecords(IEnumerable{AssetRecord}, PeriodGrid, AssetLedgerOptions?)"/>. As there, customers and segments are known in order of first appearance among the rows
    /// kept: customers (and segments) whose every row falls after the grid, or that no row names, are not in the ledger.
    /// Columns interned in order of appearance (as file readers do) are read in place; others are renumbered into a
    /// copy of the index columns.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or <paramref name="grid"/> is null.</exception>
    /// <exception cref="CxValidationException">The options are invalid or name another currency, the columns differ in
    /// length, the input is empty, customer ids or segment names are empty, invalid or repeated, or rows are invalid
    /// (customer or segment index out of range, a date not in the ISO calendar or after the grid): every failure with its
    /// row or list position and field.</exception>
    public static AssetLedger FromColumns(AssetColumns columns, PeriodGrid grid, AssetLedgerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(grid);
        options = ValidOptions(options);
        const string What = "asset columns";
        var failures = new FailureCollector();
        if (!ColumnarInput.CheckShape(columns, options, failures))
        {
            ColumnarInput.CheckNames(columns, failures);
            failures.ThrowIfAny(What);
        }

        // The names (a set of every customer id) are checked while the rows are mapped; their failures come first, as
        // when one ran after the other.
        int rows = columns.RowCount;
        int[] rel = new int[rows];
        bool segmented = !columns.SegmentIndex.IsEmpty;
        int[] dateKey = segmented ? new int[rows] : [];
        var rowFailures = new FailureCollector();
        long excluded = 0;
        Parallelism.Invoke(
            () => ColumnarInput.CheckNames(columns, failures),
            () => excluded = ColumnarInput.MapRows(columns, grid, options, rel, dateKey, rowFailures));
        failures.ThrowIfAny(What);
        failures.AddFrom(rowFailures);
        failures.ThrowIfAny(What);

        (IReadOnlyList<CustomerId> customers, ReadOnlyMemory<int> slot, IReadOnlyList<string> segments, ReadOnlyMemory<int> segment) =
            ColumnarInput.InOrderOfAppearance(columns, rel);
        var builder = new LedgerBuilder(grid, options.NegativeValues, failures, customers, slot, rel, columns.AmountInMinorUnits, segments, segment, dateKey)
        {
            ExcludedCount = excluded,
        };
        return Finish(grid, MeasureUnit.ForCurrency(columns.Currency), builder, failures, rows, What);
    }

    /// <summary>Returns a customer's value in a period.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="periodIndex">The period index relative to the grid, any <see cref="int"/>; negative for history
    /// (regular grids; for a custom grid history has no periods and gives zero).</param>
    /// <returns>The value in units; zero for an unknown customer or a period without value.</returns>
    /// <remarks>O(log k) for a customer with k active periods: customers are found through an index built on the first
    /// call (thread-safe), not by a scan.</remarks>
    public long ValueOf(CustomerId customer, int periodIndex)
    {
        if (!_slotOf.Value.TryGetValue(customer, out int slot))
        {
            return 0;
        }

        long axis = (long)periodIndex + Cells.FirstReported;
        if (axis < 0 || axis >= Cells.AxisLength)
        {
            return 0;
        }

        ReadOnlySpan<int> periods = Cells.PeriodsOf(slot);
        int found = periods.BinarySearch((int)axis);
        return found >= 0 ? Cells.ValuesOf(slot)[found] : 0;
    }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>ledger USD, monthly 2024-01..2024-12 (12 periods), 1200 customers, 14000 records</c>.</returns>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ledger {Unit}, {Grid}, {CustomerCount} customers, {RecordCount} records");

    private static void AddDated(LedgerBuilder builder, FailureCollector failures, PeriodGrid grid, AssetLedgerOptions options, long position, CustomerId customer, NodaTime.LocalDate date, long units, string? segment)
    {
        if (LedgerDates.TooEarly(date))
        {
            failures.Add(position, null, "Date", CxErrorCodes.TimeOutOfRange, LedgerDates.TooEarlyMessage(date));
            return;
        }

        int rel = grid.IndexOf(date);
        if (rel >= grid.Count)
        {
            if (options.AfterGrid == AfterGridPolicy.Exclude)
            {
                builder.ExcludedCount++;
            }
            else
            {
                (string code, string message) = LedgerDates.AfterGrid(grid, date);
                failures.Add(position, null, "Date", code, message);
            }

            return;
        }

        builder.Add(position, customer, rel, units, segment, (int)CalendarMath.EpochDay(date));
    }

    private static AssetLedger Finish(PeriodGrid grid, MeasureUnit? unit, LedgerBuilder builder, FailureCollector failures, long recordCount, string what)
    {
        if (recordCount == 0)
        {
            failures.Add(null, what, "records", CxErrorCodes.InputEmpty, "Expected at least one record, got none. Check the query or file that produced the input.");
        }

        failures.ThrowIfAny(what);
        LedgerCells cells = builder.Build();
        failures.ThrowIfAny(what);
        return new AssetLedger(grid, unit ?? MeasureUnit.ForCurrency(Currency.Usd), builder, cells, recordCount);
    }

    private static AssetLedgerOptions ValidOptions(AssetLedgerOptions? options) =>
        new AssetLedgerOptionsValidator().ValidateOrThrow(options ?? new AssetLedgerOptions(), "asset ledger options");

    private static int CapacityOf<T>(IEnumerable<T> items) => items.TryGetNonEnumeratedCount(out int count) ? count : 1024;
}
