namespace Cx.Domain.Internal;

/// <summary>The transition counts of the first-order Markov chain: from start (state 0) and each touchpoint (state t + 1) to
/// each touchpoint, the outcome (column n) and null (column n + 1), with n = touchpoints + 1.</summary>
internal sealed class MarkovTransitionCounts : PathStatistics
{
    public MarkovTransitionCounts(int touchpointCount)
    {
        TouchpointCount = touchpointCount;
        Counts = new long[States * Columns];
    }

    public int TouchpointCount { get; }

    /// <summary>Gets the number of transient states (start and one per touchpoint).</summary>
    public int States => TouchpointCount + 1;

    /// <summary>Gets the number of columns per state (transient states, outcome, null).</summary>
    public int Columns => TouchpointCount + 3;

    /// <summary>Gets the counts, row-major by state.</summary>
    public long[] Counts { get; }

    public override void Add(ReadOnlySpan<int> touchpoints, bool converting)
    {
        long[] counts = Counts;
        int columns = Columns;
        int previous = 0;
        foreach (int t in touchpoints)
        {
            counts[(previous * columns) + t + 1]++;
            previous = t + 1;
        }

        counts[(previous * columns) + (converting ? States : States + 1)]++;
    }

    public override void Add(PathStatistics other)
    {
        long[] source = ((MarkovTransitionCounts)other).Counts;
        for (int i = 0; i < Counts.Length; i++)
        {
            Counts[i] += source[i];
        }
    }

    public override PathStatistics CreateEmpty() => new MarkovTransitionCounts(TouchpointCount);
}
