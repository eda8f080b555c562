using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Internal;

/// <summary>The lookback windows of the analysed periods: <c>[end − Lookback, end)</c> where <c>end</c> is the start of the
/// day after the period's last day in the options' time zone; and the events that fall in none of them.</summary>
internal static class AttributionWindows
{
    /// <summary>The window of each period, in Unix ticks: start inclusive, end exclusive.</summary>
    public static (long[] Start, long[] End) Of(IReadOnlyList<GridPeriod> periods, AttributionOptions options)
    {
        long[] starts = new long[periods.Count];
        long[] ends = new long[periods.Count];
        for (int i = 0; i < periods.Count; i++)
        {
            (Instant start, Instant end) = Window(periods[i], options);
            starts[i] = start.ToUnixTimeTicks();
            ends[i] = end.ToUnixTimeTicks();
        }

        return (starts, ends);
    }

    /// <summary>The window of one period.</summary>
    public static (Instant Start, Instant End) Window(GridPeriod period, AttributionOptions options)
    {
        DateTimeZone zone = options.TimeZone;
        LocalDate endDate = period.End.PlusDays(1);
        Instant end = zone.AtStartOfDay(endDate).ToInstant();
        LocalDateTime startLocal = endDate.AtMidnight() - options.Lookback;
        Instant start = startLocal.TimeOfDay == LocalTime.Midnight
            ? zone.AtStartOfDay(startLocal.Date).ToInstant()
            : zone.AtLeniently(startLocal).ToInstant();
        return (start, end);
    }

    /// <summary>Counts the touches of an index that fall in no analysed period's window.</summary>
    /// <param name="index">The index.</param>
    /// <param name="degree">The number of threads to count on.</param>
    public static long CountOutside(AttributionIndex index, int degree = 1)
    {
        // The union of the windows as sorted, disjoint intervals.
        var union = new List<(long Start, long End)>();
        foreach ((long start, long end) in index.WindowStart.Zip(index.WindowEnd).OrderBy(w => w.First))
        {
            if (union.Count > 0 && start <= union[^1].End)
            {
                union[^1] = (union[^1].Start, Math.Max(union[^1].End, end));
            }
            else
            {
                union.Add((start, end));
            }
        }

        long[] starts = union.Select(u => u.Start).ToArray();
        long[] ends = union.Select(u => u.End).ToArray();
        long[] outside = new long[degree];
        AttributionTouch[] touches = index.Touches;
        int count = index.TouchCount;
        Parallelism.ForEach(degree, k =>
        {
            (int from, int to) = AttributionEngine.Chunk(count, k, degree);
            long n = 0;
            foreach (AttributionTouch touch in touches.AsSpan(from, to - from))
            {
                int i = Array.BinarySearch(starts, touch.Ticks);
                i = i >= 0 ? i : ~i - 1;
                if (i < 0 || touch.Ticks >= ends[i])
                {
                    n++;
                }
            }

            outside[k] = n;
        });
        return outside.Sum();
    }
}
