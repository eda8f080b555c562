namespace Cx.Domain.Internal;

/// <summary>The running sums of an allocation (index 0 gains, 1 losses): what every touchpoint, stage (per period) and
/// category earned and lost and how many movements they count, and the unattributed bucket per period.</summary>
/// <remarks>Sums of 64-bit integers (overflow is checked), so totals of customer blocks or partitions add up to the totals of the
/// whole exactly, in any order (<see cref="Add"/>).</remarks>
internal sealed class AttributionTotals
{
    private readonly int _stages;

    public AttributionTotals(int touchpoints, int stages, int periods)
    {
        _stages = stages;
        TouchpointValue = [new long[touchpoints], new long[touchpoints]];
        TouchpointCount = [new long[touchpoints], new long[touchpoints]];
        StageValue = [new long[stages * periods], new long[stages * periods]];
        StageCount = [new long[stages * periods], new long[stages * periods]];
        CategoryCount = [new long[5], new long[5]];
        UnattributedValue = [new long[periods], new long[periods]];
        UnattributedCount = [new long[periods], new long[periods]];
        PooledValue = [new long[periods], new long[periods]];
    }

    public long[][] TouchpointValue { get; }

    public long[][] TouchpointCount { get; }

    /// <summary>Gets the stage values, <c>[period × stages + stage]</c>.</summary>
    public long[][] StageValue { get; }

    public long[][] StageCount { get; }

    public long[][] CategoryCount { get; }

    public long[][] UnattributedValue { get; }

    public long[][] UnattributedCount { get; }

    /// <summary>Gets, per period, the value of the movements with touches that a pooled allocation shares out at the end
    /// (<see cref="Attribution.MarkovAllocation.Pooled"/>); zero otherwise.</summary>
    public long[][] PooledValue { get; }

    /// <summary>Gets or sets the number of movements whose touches all weighed zero (shared equally instead).</summary>
    public long Fallbacks { get; set; }

    public void Unattributed(bool losses, int period, long value)
    {
        int d = losses ? 1 : 0;
        UnattributedValue[d][period] += value;
        UnattributedCount[d][period]++;
    }

    public void Credit(bool losses, int period, int touchpoint, int stage, long value, bool credited)
    {
        int d = losses ? 1 : 0;
        TouchpointValue[d][touchpoint] += value;
        StageValue[d][(period * _stages) + stage] += value;
        if (credited)
        {
            TouchpointCount[d][touchpoint]++;
        }
    }

    public void CountTouchpoint(bool losses, int touchpoint) => TouchpointCount[losses ? 1 : 0][touchpoint]++;

    public void AddToPool(bool losses, int period, long value) => PooledValue[losses ? 1 : 0][period] += value;

    public void CountStage(bool losses, int period, int stage) => StageCount[losses ? 1 : 0][(period * _stages) + stage]++;

    public void CountCategory(bool losses, int category) => CategoryCount[losses ? 1 : 0][category]++;

    /// <summary>Adds another allocation's sums (over other customers, the same periods) to these.</summary>
    public void Add(AttributionTotals other)
    {
        for (int d = 0; d < 2; d++)
        {
            AddTo(TouchpointValue[d], other.TouchpointValue[d]);
            AddTo(TouchpointCount[d], other.TouchpointCount[d]);
            AddTo(StageValue[d], other.StageValue[d]);
            AddTo(StageCount[d], other.StageCount[d]);
            AddTo(CategoryCount[d], other.CategoryCount[d]);
            AddTo(UnattributedValue[d], other.UnattributedValue[d]);
            AddTo(UnattributedCount[d], other.UnattributedCount[d]);
            AddTo(PooledValue[d], other.PooledValue[d]);
        }

        Fallbacks += other.Fallbacks;
    }

    /// <summary>A copy, so that merging never changes a partial.</summary>
    public AttributionTotals Clone()
    {
        var copy = new AttributionTotals(TouchpointValue[0].Length, _stages, UnattributedValue[0].Length);
        copy.Add(this);
        return copy;
    }

    private static void AddTo(long[] target, long[] source)
    {
        for (int i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
