using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>The one implementation of the movement definitions: a single pass over one customer's cells at a time.</summary>
/// <remarks>
/// Cells are (axis period, value) pairs fed in strictly increasing period order, values zero or more (zero is
/// inactive). Axis periods 0 to <c>firstReported</c> - 1 are history; <c>firstReported</c> to <c>axisLength</c> - 1 are
/// the grid. Every path (object ledger, columnar sorted, columnar unsorted) feeds this cursor, so they agree by
/// construction; tests check it against a brute-force oracle of the definitions.
/// </remarks>
internal struct MovementSweep
{
    private readonly int _first;
    private readonly int _axis;
    private readonly int _window;
    private bool _has;
    private long _pa;
    private long _pv;
    private int _pseg;
    private long _runStart;

    public MovementSweep(int firstReported, int axisLength, int window)
    {
        _first = firstReported;
        _axis = axisLength;
        _window = window;
        _has = false;
        _pa = 0;
        _pv = 0;
        _pseg = -1;
        _runStart = 0;
    }

    /// <summary>Sweeps one customer's cells.</summary>
    public static void Customer<TSink>(ReadOnlySpan<int> periods, ReadOnlySpan<long> values, ReadOnlySpan<int> segments, bool activeBeforeAxis, int firstReported, int axisLength, int window, ref TSink sink)
        where TSink : struct, IMovementSink
    {
        var sweep = new MovementSweep(firstReported, axisLength, window);
        sweep.Begin(activeBeforeAxis);
        bool hasSegments = !segments.IsEmpty;
        for (int i = 0; i < periods.Length; i++)
        {
            sweep.Cell(periods[i], values[i], hasSegments ? segments[i] : -1, ref sink);
        }

        sweep.End(ref sink);
    }

    /// <summary>Starts a customer; history before the axis (custom grids) acts as a cell infinitely far back.</summary>
    public void Begin(bool activeBeforeAxis)
    {
        _has = activeBeforeAxis;
        _pa = activeBeforeAxis ? int.MinValue : 0;
        _pv = 0;
        _pseg = -1;
        _runStart = _pa;
    }

    /// <summary>Feeds the customer's next cell.</summary>
    public void Cell<TSink>(int a, long v, int seg, ref TSink sink)
        where TSink : struct, IMovementSink
    {
        if (v == 0)
        {
            return;
        }

        bool reported = a >= _first;
        if (!_has)
        {
            if (reported)
            {
                sink.Move(a, MovementClass.New, 0, v, seg);
                sink.Incoming(a, returning: false, v);
            }

            _runStart = a;
        }
        else
        {
            long pa = _pa;
            long pv = _pv;
            if (a == pa + 1)
            {
                if (reported)
                {
                    sink.Move(a, v > pv ? MovementClass.Expansion : v < pv ? MovementClass.Contraction : MovementClass.Flat, pv, v, seg);
                }
            }
            else
            {
                if (pa + 1 >= _first)
                {
                    sink.Move((int)(pa + 1), MovementClass.Churned, pv, 0, _pseg);
                }

                if (reported)
                {
                    sink.Move(a, MovementClass.Reactivated, 0, v, seg);
                }
            }

            if (a - pa > _window)
            {
                long lostAt = pa + _window;
                if (lostAt >= _first)
                {
                    sink.Lost((int)lostAt, pv);
                }

                sink.Run(ClampToInt(_runStart), (int)lostAt);
                if (reported)
                {
                    sink.Incoming(a, returning: true, v);
                }

                _runStart = a;
            }
        }

        if (a == _first - 1)
        {
            sink.ActiveBefore(v, seg);
        }

        _has = true;
        _pa = a;
        _pv = v;
        _pseg = seg;
    }

    /// <summary>Ends the customer: the churn and loss after its last active cell.</summary>
    public readonly void End<TSink>(ref TSink sink)
        where TSink : struct, IMovementSink
    {
        if (!_has)
        {
            return;
        }

        if (_pa + 1 < _axis && _pa + 1 >= _first)
        {
            sink.Move((int)(_pa + 1), MovementClass.Churned, _pv, 0, _pseg);
        }

        long lostAt = _pa + _window;
        if (lostAt < _axis && lostAt >= _first)
        {
            sink.Lost((int)lostAt, _pv);
        }

        sink.Run(ClampToInt(_runStart), ClampToInt(lostAt));
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
