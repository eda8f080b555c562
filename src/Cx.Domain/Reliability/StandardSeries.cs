namespace Cx.Domain.Reliability;

/// <summary>One standard's events in time order (ties by value), as Unix ticks, values and a prefix count of bad events:
/// a view over arrays that may be shared by every standard of an evaluation.</summary>
internal sealed class StandardSeries
{
    private readonly long[] _ticks;
    private readonly int[] _badPrefix;
    private readonly int _offset;
    private readonly int _prefixOffset;

    public StandardSeries(long[] ticks, double[] values, int[] badPrefix, int offset, int count, int prefixOffset)
    {
        _ticks = ticks;
        Values = values;
        _badPrefix = badPrefix;
        _offset = offset;
        Count = count;
        _prefixOffset = prefixOffset;
    }

    public int Count { get; }

    public double[] Values { get; }

    public int Offset => _offset;

    public long TickAt(int i) => _ticks[_offset + i];

    public double ValueAt(int i) => Values[_offset + i];

    /// <summary>Sorts a segment by tick, then value, and fills the bad-event prefix counts.</summary>
    public static void Prepare(long[] ticks, double[] values, int[] badPrefix, int offset, int count, int prefixOffset, ReliabilityStandard standard)
    {
        bool sorted = true;
        for (int i = offset + 1; i < offset + count && sorted; i++)
        {
            sorted = ticks[i - 1] < ticks[i] || (ticks[i - 1] == ticks[i] && values[i - 1] <= values[i]);
        }

        if (!sorted)
        {
            Array.Sort(ticks, values, offset, count);
            int run = offset;
            for (int i = offset + 1; i <= offset + count; i++)
            {
                if (i == offset + count || ticks[i] != ticks[run])
                {
                    if (i - run > 1)
                    {
                        Array.Sort(values, run, i - run);
                    }

                    run = i;
                }
            }
        }

        badPrefix[prefixOffset] = 0;
        double threshold = standard.Threshold;
        bool atMost = standard.Comparison == ThresholdComparison.AtMost;
        int bad = 0;
        for (int i = 0; i < count; i++)
        {
            double v = values[offset + i];
            bad += (atMost ? v <= threshold : v >= threshold) ? 0 : 1;
            badPrefix[prefixOffset + i + 1] = bad;
        }
    }

    /// <summary>The number of events with tick at most <paramref name="tick"/>.</summary>
    public int UpperBound(long tick)
    {
        int lo = 0;
        int hi = Count;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (_ticks[_offset + mid] <= tick)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The number of events with tick below <paramref name="tick"/>.</summary>
    public int LowerBound(long tick)
    {
        int lo = 0;
        int hi = Count;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (_ticks[_offset + mid] < tick)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The bad events among positions [from, to).</summary>
    public int Bad(int from, int to) => _badPrefix[_prefixOffset + to] - _badPrefix[_prefixOffset + from];

    /// <summary>Events and bad events in the rolling range (fromExclusive, toInclusive].</summary>
    public (long Events, long Bad) Rolling(long fromExclusive, long toInclusive)
    {
        int a = UpperBound(fromExclusive);
        int b = UpperBound(toInclusive);
        return b <= a ? (0, 0) : (b - a, Bad(a, b));
    }
}
