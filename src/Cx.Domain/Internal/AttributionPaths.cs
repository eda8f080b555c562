using System.Buffers;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;

namespace Cx.Domain.Internal;

/// <summary>The second stage of an attribution: one direction's paths over the windows of the analysed periods — for each
/// period and customer (in the order given), the filtered touches in the window, and whether the customer moved in that
/// direction (a converting path) or not (a null path; only when it has touches).</summary>
/// <remarks>Everything lives in pooled buffers; Dispose releases the path set and returns them.</remarks>
internal sealed class AttributionPaths : IDisposable
{
    private bool _disposed;

    private AttributionPaths(AttributionPathSet set, int[] movementOfPath, int[] periodOfPath)
    {
        Set = set;
        MovementOfPath = movementOfPath;
        PeriodOfPath = periodOfPath;
    }

    /// <summary>Gets the paths.</summary>
    public AttributionPathSet Set { get; }

    /// <summary>Gets, per path, its movement (an index into <see cref="AttributionIndex.Movements"/>), or −1 for a null path.</summary>
    public int[] MovementOfPath { get; }

    /// <summary>Gets, per path, its period's position among the analysed periods.</summary>
    public int[] PeriodOfPath { get; }

    /// <summary>Builds one direction's paths for some customers, period by period, customers in the order given.</summary>
    public static AttributionPaths Build(JourneyFramework framework, AttributionIndex index, AttributionDirection direction, TouchFilter filter, ReadOnlySpan<int> order)
    {
        int expectedPaths = Math.Max(16, order.Length);
        int[] starts = ArrayPool<int>.Shared.Rent(expectedPaths + 1);
        long expectedTouches = (long)index.TouchCount * order.Length / Math.Max(1, index.CustomerCount);
        int[] touchpoints = ArrayPool<int>.Shared.Rent((int)Math.Clamp(expectedTouches, 16, Array.MaxLength));
        long[] ages = ArrayPool<long>.Shared.Rent(touchpoints.Length);
        bool[] converting = ArrayPool<bool>.Shared.Rent(expectedPaths);
        int[] movementOfPath = ArrayPool<int>.Shared.Rent(expectedPaths);
        int[] periodOfPath = ArrayPool<int>.Shared.Rent(expectedPaths);
        starts[0] = 0;
        int pathCount = 0;
        int touchCount = 0;
        AttributionTouch[] all = index.Touches;
        List<CountedMovement> counted = index.Movements;
        int[] movementHead = index.MovementHead;
        int[] movementNext = index.MovementNext;
        for (int p = 0; p < index.Periods.Length; p++)
        {
            long windowStart = index.WindowStart[p];
            long windowEnd = index.WindowEnd[p];
            foreach (int c in order)
            {
                int movement = -1;
                for (int m = movementHead[c]; m >= 0; m = movementNext[m])
                {
                    if (counted[m].Period == p)
                    {
                        movement = counted[m].Direction == direction ? m : -1;
                        break;
                    }
                }

                int from = index.LowerBound(c, windowStart);
                int to = index.LowerBound(c, windowEnd);
                int before = touchCount;
                if (touchCount + (to - from) > touchpoints.Length)
                {
                    AttributionIndex.Grow(ref touchpoints, touchCount, touchCount + (to - from));
                    AttributionIndex.Grow(ref ages, touchCount, touchpoints.Length);
                }

                for (int e = from; e < to; e++)
                {
                    AttributionTouch touch = all[e];
                    if (filter == TouchFilter.All
                        || (filter == TouchFilter.UnreliableOnly && touch.Outcome == ExperienceOutcome.Unreliable)
                        || (filter == TouchFilter.ReliableOnly && touch.Outcome == ExperienceOutcome.Reliable))
                    {
                        touchpoints[touchCount] = touch.Touchpoint;
                        ages[touchCount] = windowEnd - touch.Ticks;
                        touchCount++;
                    }
                }

                if (movement < 0 && touchCount == before)
                {
                    continue;
                }

                if (pathCount == converting.Length || pathCount + 1 == starts.Length)
                {
                    AttributionIndex.Grow(ref converting, pathCount, pathCount + 1);
                    AttributionIndex.Grow(ref movementOfPath, pathCount, pathCount + 1);
                    AttributionIndex.Grow(ref periodOfPath, pathCount, pathCount + 1);
                    AttributionIndex.Grow(ref starts, pathCount + 1, pathCount + 2);
                }

                converting[pathCount] = movement >= 0;
                movementOfPath[pathCount] = movement;
                periodOfPath[pathCount] = p;
                pathCount++;
                starts[pathCount] = touchCount;
            }
        }

        var set = new AttributionPathSet(framework, direction, starts, touchpoints, ages, converting, pathCount);
        return new AttributionPaths(set, movementOfPath, periodOfPath);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Set.Release();
        ArrayPool<int>.Shared.Return(MovementOfPath);
        ArrayPool<int>.Shared.Return(PeriodOfPath);
    }
}
