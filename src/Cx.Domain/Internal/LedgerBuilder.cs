using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Internal;

/// <summary>Turns validated rows (customer, period relative to the grid, value in units, segment) into <see cref="LedgerCells"/>:
/// groups by customer with a counting sort, sums each customer-period exactly, applies the negative-value policy.</summary>
internal sealed class LedgerBuilder
{
    private readonly PeriodGrid _grid;
    private readonly NegativeValuePolicy _negativeValues;
    private readonly bool _periodValues;
    private readonly FailureCollector _failures;
    private readonly Dictionary<CustomerId, int> _slots = [];
    private readonly Dictionary<string, int> _segmentIndex = new(StringComparer.Ordinal);
    private int[] _slot;
    private int[] _rel;
    private long[] _units;
    private int[] _segment;
    private int[] _dateKey;
    private long[] _position;

    // Set when the rows come as columns (FromColumns): the builder reads them in place instead of copying.
    private readonly ReadOnlyMemory<int> _slotColumn;
    private readonly ReadOnlyMemory<long> _unitsColumn;
    private readonly ReadOnlyMemory<int> _segmentColumn;
    private readonly bool _columns;

    /// <summary>The relative period of a row left out (after the grid) in the columnar path.</summary>
    public const int ExcludedRow = int.MinValue;

    public LedgerBuilder(PeriodGrid grid, NegativeValuePolicy negativeValues, bool periodValues, FailureCollector failures, int capacityHint)
    {
        _grid = grid;
        _negativeValues = negativeValues;
        _periodValues = periodValues;
        _failures = failures;
        int capacity = Math.Max(16, capacityHint);
        _slot = new int[capacity];
        _rel = new int[capacity];
        _units = new long[capacity];
        _segment = [];
        _dateKey = periodValues ? [] : new int[capacity];
        _position = periodValues ? new long[capacity] : [];
    }

    /// <summary>Initializes a builder over columns whose customers and segments are already dense indexes: the rows are
    /// read in place; <paramref name="rel"/> holds each row's period relative to the grid (<see cref="ExcludedRow"/> for a
    /// row left out) and <paramref name="dateKey"/> its epoch day (only read when there are segments).</summary>
    public LedgerBuilder(PeriodGrid grid, NegativeValuePolicy negativeValues, FailureCollector failures, IReadOnlyList<CustomerId> customers,
        ReadOnlyMemory<int> slot, int[] rel, ReadOnlyMemory<long> units, IReadOnlyList<string> segments, ReadOnlyMemory<int> segment, int[] dateKey)
    {
        _grid = grid;
        _negativeValues = negativeValues;
        _failures = failures;
        _columns = true;
        _slotColumn = slot;
        _unitsColumn = units;
        _segmentColumn = segment;
        _slot = [];
        _rel = rel;
        _units = [];
        _segment = [];
        _dateKey = dateKey;
        _position = [];
        Customers = [.. customers];
        Segments = [.. segments];
        RowCount = slot.Length;
    }

    public List<CustomerId> Customers { get; } = [];

    public List<string> Segments { get; } = [];

    public int RowCount { get; private set; }

    public long ExcludedCount { get; set; }

    public List<FlooredCell> Floored { get; } = [];

    public void Add(long position, CustomerId customer, int rel, long units, string? segment, int dateKey)
    {
        if (RowCount == _slot.Length)
        {
            Grow();
        }

        if (!_slots.TryGetValue(customer, out int slot))
        {
            slot = Customers.Count;
            _slots.Add(customer, slot);
            Customers.Add(customer);
        }

        int seg = -1;
        if (segment is not null && !_segmentIndex.TryGetValue(segment, out seg))
        {
            seg = Segments.Count;
            _segmentIndex.Add(segment, seg);
            Segments.Add(segment);
        }

        int i = RowCount++;
        if (seg >= 0 && _segment.Length == 0)
        {
            // The first segment seen: from now on every row keeps one (earlier rows had none).
            _segment = new int[_slot.Length];
            _segment.AsSpan(0, i).Fill(-1);
        }

        if (_segment.Length > 0)
        {
            _segment[i] = seg;
        }

        _slot[i] = slot;
        _rel[i] = _grid.IsRegular ? rel : Math.Max(rel, -1);
        _units[i] = units;
        if (_periodValues)
        {
            _position[i] = position;
        }
        else
        {
            _dateKey[i] = dateKey;
        }
    }

    public LedgerCells Build()
    {
        int n = Customers.Count;
        int rows = RowCount;
        ReadOnlySpan<int> slots = _columns ? _slotColumn.Span : _slot.AsSpan(0, rows);
        ReadOnlySpan<int> relative = _rel.AsSpan(0, rows);
        ReadOnlySpan<long> units = _columns ? _unitsColumn.Span : _units.AsSpan(0, rows);
        ReadOnlySpan<int> segments = _columns ? _segmentColumn.Span : _segment.AsSpan(0, _segment.Length == 0 ? 0 : rows);
        int minRel = 0;
        for (int i = 0; i < rows; i++)
        {
            int rel = relative[i];
            if (rel != ExcludedRow)
            {
                minRel = Math.Min(minRel, rel);
            }
        }

        int history = _grid.IsRegular ? -minRel : 0;
        int axisLength = checked(history + _grid.Count);

        // Counting sort of row ids by customer slot.
        int[] start = new int[n + 1];
        int kept = 0;
        for (int i = 0; i < rows; i++)
        {
            if (relative[i] != ExcludedRow)
            {
                start[slots[i] + 1]++;
                kept++;
            }
        }

        for (int c = 0; c < n; c++)
        {
            start[c + 1] += start[c];
        }

        int[] next = (int[])start.Clone();
        int[] perm = new int[kept];
        for (int i = 0; i < rows; i++)
        {
            if (relative[i] != ExcludedRow)
            {
                perm[next[slots[i]]++] = i;
            }
        }

        int[] cellStart = new int[n + 1];
        int[] cellPeriod = new int[kept];
        long[] cellValue = new long[kept];
        bool segmented = !segments.IsEmpty;
        int[] cellSegment = segmented ? new int[kept] : [];
        bool[]? activeBefore = _grid.IsRegular ? null : new bool[n];
        int cells = 0;
        int[] keys = new int[16];
        for (int c = 0; c < n; c++)
        {
            cellStart[c] = cells;
            int k = start[c + 1] - start[c];
            if (keys.Length < k)
            {
                keys = new int[Math.Max(k, keys.Length * 2)];
            }

            Span<int> ids = perm.AsSpan(start[c], k);
            Span<int> rels = keys.AsSpan(0, k);
            for (int j = 0; j < k; j++)
            {
                rels[j] = relative[ids[j]];
            }

            rels.Sort(ids);
            int j0 = 0;
            while (j0 < k)
            {
                int rel = rels[j0];
                int j1 = j0 + 1;
                while (j1 < k && rels[j1] == rel)
                {
                    j1++;
                }

                if (!TryCell(c, rel, ids[j0..j1], units, segments, out long value, out int segment))
                {
                    j0 = j1;
                    continue;
                }

                if (!_grid.IsRegular && rel < 0)
                {
                    activeBefore![c] = value > 0;
                }
                else if (value > 0)
                {
                    cellPeriod[cells] = rel + history;
                    cellValue[cells] = value;
                    if (segmented)
                    {
                        cellSegment[cells] = segment;
                    }

                    cells++;
                }

                j0 = j1;
            }
        }

        cellStart[n] = cells;
        Array.Resize(ref cellPeriod, cells);
        Array.Resize(ref cellValue, cells);
        if (segmented)
        {
            Array.Resize(ref cellSegment, cells);
        }

        return new LedgerCells(cellStart, cellPeriod, cellValue, segmented ? cellSegment : null, activeBefore, history, axisLength);
    }

    private bool TryCell(int customer, int rel, ReadOnlySpan<int> ids, ReadOnlySpan<long> units, ReadOnlySpan<int> segments, out long value, out int segment)
    {
        value = 0;
        segment = -1;
        if (_periodValues && ids.Length > 1)
        {
            _failures.Add(null, Subject(customer, rel), "PeriodIndex", CxErrorCodes.DuplicatePeriodValue,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected one value per customer and period, got {ids.Length} (records {string.Join(", ", ids.ToArray().Select(i => "#" + _position[i].ToString(CultureInfo.InvariantCulture)))}). Sum them into one value first."));
            return false;
        }

        int bestDate = int.MinValue;
        try
        {
            foreach (int id in ids)
            {
                value = checked(value + units[id]);
                int seg = segments.IsEmpty ? -1 : segments[id];
                if (seg >= 0)
                {
                    int date = _periodValues ? 0 : _dateKey[id];
                    if (segment < 0 || date > bestDate || (date == bestDate && string.CompareOrdinal(Segments[seg], Segments[segment]) > 0))
                    {
                        segment = seg;
                        bestDate = date;
                    }
                }
            }
        }
        catch (OverflowException)
        {
            _failures.Add(null, Subject(customer, rel), "Amount", CxErrorCodes.ValueOverflow,
                "The customer's net value in this period overflows 64-bit minor units. Check the records for a wrong amount.");
            return false;
        }

        if (value < 0)
        {
            if (_negativeValues == NegativeValuePolicy.FloorAtZero)
            {
                Floored.Add(new FlooredCell(Customers[customer], rel, _grid.LabelAt(rel), value));
                value = 0;
                return true;
            }

            _failures.Add(null, Subject(customer, rel), "Amount", CxErrorCodes.NetValueNegative,
                string.Create(CultureInfo.InvariantCulture, $"Expected the customer's net value in the period to be zero or more, got {value} units (refunds exceed purchases). Fix the records, or build the ledger with NegativeValues = FloorAtZero to count it as zero."));
            return false;
        }

        return true;
    }

    private string Subject(int customer, int rel) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"customer '{Customers[customer]}', period {_grid.LabelAt(rel)}");

    private void Grow()
    {
        int size = checked(_slot.Length * 2);
        Array.Resize(ref _slot, size);
        Array.Resize(ref _rel, size);
        Array.Resize(ref _units, size);
        if (_segment.Length > 0)
        {
            Array.Resize(ref _segment, size);
        }
        if (_periodValues)
        {
            Array.Resize(ref _position, size);
        }
        else
        {
            Array.Resize(ref _dateKey, size);
        }
    }
}
