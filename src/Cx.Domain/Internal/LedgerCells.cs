namespace Cx.Domain.Internal;

/// <summary>A ledger's values in compressed sparse rows: customer c owns cells CustomerStart[c] to CustomerStart[c + 1] - 1,
/// sorted by axis period, each with a positive value and a segment index (-1 when none).</summary>
/// <remarks>Axis periods 0 to FirstReported - 1 are history; FirstReported to AxisLength - 1 are the grid.</remarks>
internal sealed class LedgerCells
{
    public LedgerCells(int[] customerStart, int[] period, long[] value, int[]? segment, bool[]? activeBeforeAxis, int firstReported, int axisLength)
    {
        CustomerStart = customerStart;
        Period = period;
        Value = value;
        Segment = segment;
        ActiveBeforeAxis = activeBeforeAxis;
        FirstReported = firstReported;
        AxisLength = axisLength;
    }

    public int CustomerCount => CustomerStart.Length - 1;

    public int[] CustomerStart { get; }

    public int[] Period { get; }

    public long[] Value { get; }

    public int[]? Segment { get; }

    public bool[]? ActiveBeforeAxis { get; }

    public int FirstReported { get; }

    public int AxisLength { get; }

    public ReadOnlySpan<int> PeriodsOf(int customer) => Period.AsSpan(CustomerStart[customer], CustomerStart[customer + 1] - CustomerStart[customer]);

    public ReadOnlySpan<long> ValuesOf(int customer) => Value.AsSpan(CustomerStart[customer], CustomerStart[customer + 1] - CustomerStart[customer]);

    public ReadOnlySpan<int> SegmentsOf(int customer) =>
        Segment is null ? default : Segment.AsSpan(CustomerStart[customer], CustomerStart[customer + 1] - CustomerStart[customer]);

    public bool IsActiveBeforeAxis(int customer) => ActiveBeforeAxis is not null && ActiveBeforeAxis[customer];

    public void Sweep<TSink>(int customer, int window, ref TSink sink)
        where TSink : struct, IMovementSink =>
        MovementSweep.Customer(PeriodsOf(customer), ValuesOf(customer), SegmentsOf(customer), IsActiveBeforeAxis(customer), FirstReported, AxisLength, window, ref sink);
}
