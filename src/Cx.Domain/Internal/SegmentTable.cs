using System.Collections;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>One segment's bridge in compact form: only the periods where the segment has a movement are stored (a
/// segment's opening and closing are zero in every other period), so a report's memory grows with the movements, not
/// with segments x periods.</summary>
internal sealed class SegmentTable
{
    /// <summary>Figures per stored period: opening, closing, then customers and value of each class 1 to 6.</summary>
    public const int Stride = 2 + (2 * (MovementTotals.ClassCount - 1));

    public SegmentTable(int[] periods, long[] figures, long closingBeforeGrid)
    {
        Periods = periods;
        Figures = figures;
        ClosingBeforeGrid = closingBeforeGrid;
    }

    /// <summary>The grid periods with a movement, increasing.</summary>
    public int[] Periods { get; }

    public long[] Figures { get; }

    /// <summary>The segment's value in the period just before the grid (the history's last period).</summary>
    public long ClosingBeforeGrid { get; }

    public bool IsEmpty => Periods.Length == 0 && ClosingBeforeGrid == 0;

    public SegmentPeriodMovement At(PeriodGrid grid, int t, MeasureUnit unit)
    {
        int k = Array.BinarySearch(Periods, t);
        long closingBefore = t == 0 ? ClosingBeforeGrid : Closing(t - 1);
        if (k < 0)
        {
            var none = default(MovementTotal);
            return new SegmentPeriodMovement(grid[t], 0, 0, none, none, none, none, none, none, -closingBefore, unit);
        }

        int f = k * Stride;
        long opening = Figures[f];
        return new SegmentPeriodMovement(
            grid[t], opening, Figures[f + 1],
            Class(f, MovementClass.New), Class(f, MovementClass.Reactivated), Class(f, MovementClass.Expansion),
            Class(f, MovementClass.Contraction), Class(f, MovementClass.Flat), Class(f, MovementClass.Churned),
            opening - closingBefore, unit);
    }

    private long Closing(int t)
    {
        int k = Array.BinarySearch(Periods, t);
        return k < 0 ? 0 : Figures[(k * Stride) + 1];
    }

    private MovementTotal Class(int f, MovementClass movementClass)
    {
        int i = f + 2 + (2 * ((int)movementClass - 1));
        return new MovementTotal(Figures[i], Figures[i + 1]);
    }
}

/// <summary>The periods of one segment's bridge, built on access from its <see cref="SegmentTable"/>.</summary>
internal sealed class SegmentPeriodList : IReadOnlyList<SegmentPeriodMovement>
{
    private readonly PeriodGrid _grid;
    private readonly SegmentTable _table;
    private readonly MeasureUnit _unit;

    public SegmentPeriodList(PeriodGrid grid, SegmentTable table, MeasureUnit unit)
    {
        _grid = grid;
        _table = table;
        _unit = unit;
    }

    public int Count => _grid.Count;

    public SegmentPeriodMovement this[int index]
    {
        get
        {
            if (unchecked((uint)index >= (uint)_grid.Count))
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a period index from 0 to {_grid.Count - 1}, got {index}."));
            }

            return _table.At(_grid, index, _unit);
        }
    }

    public IEnumerator<SegmentPeriodMovement> GetEnumerator()
    {
        for (int t = 0; t < _grid.Count; t++)
        {
            yield return _table.At(_grid, t, _unit);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Collects the movements of a sweep for the per-segment bridges, then aggregates them per segment and period.
/// Few segments x periods are counted in dense arrays; many (one segment per customer on a daily grid) are collected as
/// events and sorted, so memory follows the movements.</summary>
internal sealed class SegmentAccumulator
{
    /// <summary>Above this many segment-periods the dense arrays would outgrow what the result needs.</summary>
    public const long DenseCellLimit = 1 << 16;

    private readonly int _count;
    private readonly int _first;
    private readonly int _buckets;
    private readonly bool _dense;
    private readonly long[] _closingBefore;

    // Dense: figures per bucket and period.
    private readonly long[] _cells;

    // Sparse: one entry per movement.
    private long[] _keys = [];
    private long[] _previous = [];
    private long[] _current = [];
    private byte[] _class = [];
    private int _length;

    public SegmentAccumulator(int segmentCount, int periodCount, int firstReported, bool? dense = null)
    {
        _count = periodCount;
        _first = firstReported;
        _buckets = segmentCount + 1;
        _dense = dense ?? ((long)_buckets * periodCount <= DenseCellLimit);
        _closingBefore = new long[_buckets];
        _cells = _dense ? new long[_buckets * periodCount * SegmentTable.Stride] : [];
    }

    public int NoneBucket => _buckets - 1;

    public void Move(int t, MovementClass movementClass, long previous, long current, int segment)
    {
        int s = segment < 0 ? NoneBucket : segment;
        int i = t - _first;
        if (_dense)
        {
            int f = ((s * _count) + i) * SegmentTable.Stride;
            _cells[f] += previous;
            _cells[f + 1] += current;
            int c = f + 2 + (2 * ((int)movementClass - 1));
            _cells[c]++;
            _cells[c + 1] += current - previous;
            return;
        }

        if (_length == _keys.Length)
        {
            int size = Math.Max(1024, checked(_keys.Length * 2));
            Array.Resize(ref _keys, size);
            Array.Resize(ref _previous, size);
            Array.Resize(ref _current, size);
            Array.Resize(ref _class, size);
        }

        _keys[_length] = ((long)s * _count) + i;
        _previous[_length] = previous;
        _current[_length] = current;
        _class[_length] = (byte)movementClass;
        _length++;
    }

    public void ActiveBefore(long value, int segment) => _closingBefore[segment < 0 ? NoneBucket : segment] += value;

    /// <summary>The table of every bucket (segments in slot order, then the bucket of customers without a segment).</summary>
    public SegmentTable[] Build() => _dense ? BuildDense() : BuildSparse();

    private SegmentTable[] BuildDense()
    {
        var tables = new SegmentTable[_buckets];
        var periods = new List<int>();
        for (int s = 0; s < _buckets; s++)
        {
            periods.Clear();
            for (int t = 0; t < _count; t++)
            {
                if (_cells.AsSpan(((s * _count) + t) * SegmentTable.Stride, SegmentTable.Stride).ContainsAnyExcept(0L))
                {
                    periods.Add(t);
                }
            }

            long[] figures = new long[periods.Count * SegmentTable.Stride];
            for (int k = 0; k < periods.Count; k++)
            {
                Array.Copy(_cells, ((s * _count) + periods[k]) * SegmentTable.Stride, figures, k * SegmentTable.Stride, SegmentTable.Stride);
            }

            tables[s] = new SegmentTable([.. periods], figures, _closingBefore[s]);
        }

        return tables;
    }

    private SegmentTable[] BuildSparse()
    {
        int[] order = new int[_length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        long[] keys = _keys.AsSpan(0, _length).ToArray();
        Array.Sort(keys, order);
        var tables = new SegmentTable[_buckets];
        int j = 0;
        var periods = new List<int>();
        var figures = new List<long>();
        for (int s = 0; s < _buckets; s++)
        {
            periods.Clear();
            figures.Clear();
            long bucketEnd = (long)(s + 1) * _count;
            while (j < keys.Length && keys[j] < bucketEnd)
            {
                long key = keys[j];
                int f = figures.Count;
                figures.AddRange(new long[SegmentTable.Stride]);
                periods.Add((int)(key - ((long)s * _count)));
                for (; j < keys.Length && keys[j] == key; j++)
                {
                    int e = order[j];
                    figures[f] += _previous[e];
                    figures[f + 1] += _current[e];
                    int c = f + 2 + (2 * (_class[e] - 1));
                    figures[c]++;
                    figures[c + 1] += _current[e] - _previous[e];
                }
            }

            tables[s] = new SegmentTable([.. periods], [.. figures], _closingBefore[s]);
        }

        return tables;
    }
}

/// <summary>The sink that feeds a sweep's movements to a <see cref="SegmentAccumulator"/>.</summary>
internal readonly struct SegmentSink : IMovementSink
{
    private readonly SegmentAccumulator _accumulator;

    public SegmentSink(SegmentAccumulator accumulator) => _accumulator = accumulator;

    public void Move(int t, MovementClass movementClass, long previous, long current, int segment) =>
        _accumulator.Move(t, movementClass, previous, current, segment);

    public void Incoming(int t, bool returning, long value)
    {
    }

    public void Lost(int t, long value)
    {
    }

    public void Run(int start, int endExclusive)
    {
    }

    public void ActiveBefore(long value, int segment) => _accumulator.ActiveBefore(value, segment);
}
