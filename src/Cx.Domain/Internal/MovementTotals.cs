using System.Runtime.CompilerServices;
using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>The per-period counters of a movement calculation over some customers; adding two gives the counters over both.</summary>
internal sealed class MovementTotals
{
    public const int ClassCount = 7;

    public MovementTotals(int periodCount)
    {
        PeriodCount = periodCount;
        ClassCustomers = new long[ClassCount * periodCount];
        ClassValue = new long[ClassCount * periodCount];
        ActiveDelta = new long[periodCount + 1];
        IncomingNew = new long[periodCount];
        IncomingReturning = new long[periodCount];
        IncomingValue = new long[periodCount];
        LostCustomers = new long[periodCount];
        LostValue = new long[periodCount];
    }

    public int PeriodCount { get; }

    /// <summary>Customers per class and period, index <c>class * PeriodCount + period</c>.</summary>
    public long[] ClassCustomers { get; }

    /// <summary>Value delta per class and period, same index.</summary>
    public long[] ClassValue { get; }

    /// <summary>The total value of the period just before the grid (the first period's opening); every later opening
    /// and closing follows from it and the class deltas, so the bridge identity holds by construction and the tests
    /// check the closings against a direct sum.</summary>
    public long OpeningValue { get; set; }

    /// <summary>Difference array of customers active under the window: index t adds to grid period t onwards.</summary>
    public long[] ActiveDelta { get; }

    public long OpeningActive { get; set; }

    public long[] IncomingNew { get; }

    public long[] IncomingReturning { get; }

    public long[] IncomingValue { get; }

    public long[] LostCustomers { get; }

    public long[] LostValue { get; }

    public long CustomerCount { get; set; }

    public void Add(MovementTotals other)
    {
        AddInto(ClassCustomers, other.ClassCustomers);
        AddInto(ClassValue, other.ClassValue);
        OpeningValue += other.OpeningValue;
        AddInto(ActiveDelta, other.ActiveDelta);
        AddInto(IncomingNew, other.IncomingNew);
        AddInto(IncomingReturning, other.IncomingReturning);
        AddInto(IncomingValue, other.IncomingValue);
        AddInto(LostCustomers, other.LostCustomers);
        AddInto(LostValue, other.LostValue);
        OpeningActive += other.OpeningActive;
        CustomerCount += other.CustomerCount;
    }

    public MovementTotals Clone()
    {
        var copy = new MovementTotals(PeriodCount);
        copy.Add(this);
        return copy;
    }

    public bool ContentEquals(MovementTotals other) =>
        PeriodCount == other.PeriodCount && OpeningActive == other.OpeningActive && CustomerCount == other.CustomerCount &&
        ClassCustomers.AsSpan().SequenceEqual(other.ClassCustomers) && ClassValue.AsSpan().SequenceEqual(other.ClassValue) &&
        OpeningValue == other.OpeningValue && ActiveDelta.AsSpan().SequenceEqual(other.ActiveDelta) &&
        IncomingNew.AsSpan().SequenceEqual(other.IncomingNew) && IncomingReturning.AsSpan().SequenceEqual(other.IncomingReturning) &&
        IncomingValue.AsSpan().SequenceEqual(other.IncomingValue) && LostCustomers.AsSpan().SequenceEqual(other.LostCustomers) &&
        LostValue.AsSpan().SequenceEqual(other.LostValue);

    private static void AddInto(long[] target, long[] source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}

/// <summary>The sink that adds a sweep's events into <see cref="MovementTotals"/>.</summary>
internal struct TotalsSink : IMovementSink
{
    private readonly long[] _classCustomers;
    private readonly long[] _classValue;
    private readonly long[] _activeDelta;
    private readonly long[] _incomingNew;
    private readonly long[] _incomingReturning;
    private readonly long[] _incomingValue;
    private readonly long[] _lostCustomers;
    private readonly long[] _lostValue;
    private readonly int _first;
    private readonly int _count;
    private long _openingActive;
    private long _openingValue;

    public TotalsSink(MovementTotals totals, int firstReported)
    {
        _classCustomers = totals.ClassCustomers;
        _classValue = totals.ClassValue;
        _activeDelta = totals.ActiveDelta;
        _incomingNew = totals.IncomingNew;
        _incomingReturning = totals.IncomingReturning;
        _incomingValue = totals.IncomingValue;
        _lostCustomers = totals.LostCustomers;
        _lostValue = totals.LostValue;
        _first = firstReported;
        _count = totals.PeriodCount;
        _openingActive = 0;
        _openingValue = 0;
    }

    public readonly long OpeningActive => _openingActive;

    public readonly long OpeningValue => _openingValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Move(int t, MovementClass movementClass, long previous, long current, int segment)
    {
        int i = t - _first;
        int k = ((int)movementClass * _count) + i;
        _classCustomers[k]++;
        _classValue[k] += current - previous;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Incoming(int t, bool returning, long value)
    {
        int i = t - _first;
        if (returning)
        {
            _incomingReturning[i]++;
        }
        else
        {
            _incomingNew[i]++;
        }

        _incomingValue[i] += value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Lost(int t, long value)
    {
        int i = t - _first;
        _lostCustomers[i]++;
        _lostValue[i] += value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Run(int start, int endExclusive)
    {
        long s = (long)start - _first;
        long e = (long)endExclusive - _first;
        if (s <= -1 && e > -1)
        {
            _openingActive++;
        }

        long from = Math.Max(s, 0);
        long to = Math.Min(e, _count);
        if (from < to)
        {
            _activeDelta[from]++;
            _activeDelta[to]--;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ActiveBefore(long value, int segment) => _openingValue += value;
}
