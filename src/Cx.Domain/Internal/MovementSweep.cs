using Cx.Domain.Assets;

namespace Cx.Domain.Internal;

/// <summary>The one implementation of the movement definitions: a single pass over one customer's cells.</summary>
/// <remarks>
/// Cells are (axis period, value) pairs sorted by strictly increasing period, values zero or more (zero is inactive).
/// Axis periods 0 to <c>firstReported</c> - 1 are history; <c>firstReported</c> to <c>axisLength</c> - 1 are the
/// grid. Every path (object ledger, columnar sorted, columnar unsorted) ends here, so they agree by construction;
/// tests check this sweep against a brute-force oracle of the definitions.
/// </remarks>
internal static class MovementSweep
{
    public static void Customer<TSink>(
        ReadOnlySpan<int> periods,
        ReadOnlySpan<long> values,
        ReadOnlySpan<int> segments,
        bool activeBeforeAxis,
        int firstReported,
        int axisLength,
        int window,
        ref TSink sink)
        where TSink : struct, IMovementSink
    {
        bool hasSegments = !segments.IsEmpty;

        // "previous active cell": history before the axis (custom grids) acts as a cell infinitely far back.
        bool has = activeBeforeAxis;
        long pa = activeBeforeAxis ? int.MinValue : 0;
        long pv = 0;
        int pseg = -1;
        long runStart = pa;
        int priorPeriod = firstReported - 1;

        for (int i = 0; i < periods.Length; i++)
        {
            long v = values[i];
            if (v == 0)
            {
                continue;
            }

            int a = periods[i];
            int seg = hasSegments ? segments[i] : -1;
            bool reported = a >= firstReported;
            if (!has)
            {
                if (reported)
                {
                    sink.Move(a, MovementClass.New, 0, v, seg);
                    sink.Incoming(a, returning: false, v);
                }

                runStart = a;
            }
            else
            {
                if (a == pa + 1)
                {
                    if (reported)
                    {
                        sink.Move(a, v > pv ? MovementClass.Expansion : v < pv ? MovementClass.Contraction : MovementClass.Flat, pv, v, seg);
                    }
                }
                else
                {
                    if (pa + 1 >= firstReported)
                    {
                        sink.Move((int)(pa + 1), MovementClass.Churned, pv, 0, pseg);
                    }

                    if (reported)
                    {
                        sink.Move(a, MovementClass.Reactivated, 0, v, seg);
                    }
                }

                if (a - pa > window)
                {
                    long lostAt = pa + window;
                    if (lostAt >= firstReported)
                    {
                        sink.Lost((int)lostAt, pv);
                    }

                    sink.Run(ClampToInt(runStart), (int)lostAt);
                    if (reported)
                    {
                        sink.Incoming(a, returning: true, v);
                    }

                    runStart = a;
                }
            }

            if (a == priorPeriod)
            {
                sink.ActiveBefore(v, seg);
            }

            has = true;
            pa = a;
            pv = v;
            pseg = seg;
        }

        if (has)
        {
            if (pa + 1 < axisLength && pa + 1 >= firstReported)
            {
                sink.Move((int)(pa + 1), MovementClass.Churned, pv, 0, pseg);
            }

            long lostAt = pa + window;
            if (lostAt < axisLength && lostAt >= firstReported)
            {
                sink.Lost((int)lostAt, pv);
            }

            sink.Run(ClampToInt(runStart), ClampToInt(lostAt));
        }
    }

    private static int ClampToInt(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}
