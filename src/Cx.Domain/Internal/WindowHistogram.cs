namespace Cx.Domain.Internal;

/// <summary>Touches counted per elementary interval of the windows of a set of periods (the intervals between consecutive
/// window starts and ends), so that the touches outside every window of any subset of those periods can be told later:
/// an interval lies inside a window or outside it, never across. Mergeable.</summary>
internal sealed class WindowHistogram
{
    private readonly long[] _boundaries;
    private readonly long[] _counts;

    public WindowHistogram(long[] windowStart, long[] windowEnd)
    {
        _boundaries = [.. windowStart.Concat(windowEnd).Distinct().Order()];
        _counts = new long[_boundaries.Length + 1];
    }

    /// <summary>Counts touches: interval k holds the instants in [boundary k − 1, boundary k).</summary>
    public void Count(ReadOnlySpan<AttributionTouch> touches)
    {
        foreach (AttributionTouch touch in touches)
        {
            int k = Array.BinarySearch(_boundaries, touch.Ticks);
            _counts[k >= 0 ? k + 1 : ~k]++;
        }
    }

    public void Add(WindowHistogram other)
    {
        for (int k = 0; k < _counts.Length; k++)
        {
            _counts[k] += other._counts[k];
        }
    }

    public WindowHistogram Clone() => new(this);

    /// <summary>The touches in no window of the periods chosen.</summary>
    /// <param name="windowStart">The window starts (the same periods the histogram was made for).</param>
    /// <param name="windowEnd">The window ends.</param>
    /// <param name="analysed">Which of the periods count.</param>
    public long Outside(long[] windowStart, long[] windowEnd, bool[] analysed)
    {
        long outside = _counts[0] + _counts[^1];
        for (int k = 1; k < _boundaries.Length; k++)
        {
            bool covered = false;
            for (int p = 0; p < analysed.Length && !covered; p++)
            {
                covered = analysed[p] && windowStart[p] <= _boundaries[k - 1] && _boundaries[k] <= windowEnd[p];
            }

            if (!covered)
            {
                outside += _counts[k];
            }
        }

        return outside;
    }

    private WindowHistogram(WindowHistogram source)
    {
        _boundaries = source._boundaries;
        _counts = (long[])source._counts.Clone();
    }
}
