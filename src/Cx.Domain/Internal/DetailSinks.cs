using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>Collects per-customer movements for drill-down.</summary>
internal struct MovementListSink : IMovementSink
{
    private readonly List<(int Customer, int Period, MovementClass Class, long Previous, long Current, int Segment)> _moves;
    private readonly int _first;

    public MovementListSink(List<(int, int, MovementClass, long, long, int)> moves, int firstReported)
    {
        _moves = moves;
        _first = firstReported;
        Customer = 0;
    }

    public int Customer { get; set; }

    public readonly void Move(int t, MovementClass movementClass, long previous, long current, int segment) =>
        _moves.Add((Customer, t - _first, movementClass, previous, current, segment));

    public readonly void Incoming(int t, bool returning, long value)
    {
    }

    public readonly void Lost(int t, long value)
    {
    }

    public readonly void Run(int start, int endExclusive)
    {
    }

    public readonly void ActiveBefore(long value, int segment)
    {
    }
}

/// <summary>Adds movements into per-segment counters; segment -1 (none) goes to the last bucket.</summary>
internal readonly struct SegmentSink : IMovementSink
{
    private readonly long[] _customers;
    private readonly long[] _value;
    private readonly long[] _opening;
    private readonly long[] _closing;
    private readonly int _first;
    private readonly int _count;
    private readonly int _none;

    public SegmentSink(int segmentCount, int periodCount, int firstReported)
    {
        _count = periodCount;
        _first = firstReported;
        _none = segmentCount;
        int buckets = segmentCount + 1;
        _customers = new long[buckets * MovementTotals.ClassCount * periodCount];
        _value = new long[buckets * MovementTotals.ClassCount * periodCount];
        _opening = new long[buckets * periodCount];
        _closing = new long[buckets * (periodCount + 1)];
    }

    public void Move(int t, MovementClass movementClass, long previous, long current, int segment)
    {
        int s = segment < 0 ? _none : segment;
        int i = t - _first;
        int k = (((s * MovementTotals.ClassCount) + (int)movementClass) * _count) + i;
        _customers[k]++;
        _value[k] += current - previous;
        _opening[(s * _count) + i] += previous;
        _closing[(s * (_count + 1)) + i + 1] += current;
    }

    public void Incoming(int t, bool returning, long value)
    {
    }

    public void Lost(int t, long value)
    {
    }

    public void Run(int start, int endExclusive)
    {
    }

    public void ActiveBefore(long value, int segment) => _closing[(segment < 0 ? _none : segment) * (_count + 1)] += value;

    public MovementTotal Class(int segment, MovementClass movementClass, int t)
    {
        int k = (((segment * MovementTotals.ClassCount) + (int)movementClass) * _count) + t;
        return new MovementTotal(_customers[k], _value[k]);
    }

    public long Opening(int segment, int t) => _opening[(segment * _count) + t];

    public long Closing(int segment, int t) => _closing[(segment * (_count + 1)) + t + 1];

    public long ClosingBefore(int segment, int t) => _closing[(segment * (_count + 1)) + t];

    public bool Any(int segment)
    {
        for (int t = 0; t <= _count; t++)
        {
            if (_closing[(segment * (_count + 1)) + t] != 0)
            {
                return true;
            }
        }

        for (int c = 1; c < MovementTotals.ClassCount; c++)
        {
            for (int t = 0; t < _count; t++)
            {
                if (Class(segment, (MovementClass)c, t).CustomerCount != 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
