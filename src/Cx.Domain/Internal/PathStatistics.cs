namespace Cx.Domain.Internal;

/// <summary>What a data-driven model needs to know about one direction's paths, counted path by path: mergeable, so that
/// counts of customer blocks or partitions add up to the counts of the whole, in any order.</summary>
internal abstract class PathStatistics
{
    /// <summary>Counts one path (at least one touch).</summary>
    /// <param name="touchpoints">The path's touchpoints, oldest first.</param>
    /// <param name="converting">Whether the path ends in a movement of the direction.</param>
    public abstract void Add(ReadOnlySpan<int> touchpoints, bool converting);

    /// <summary>Adds another count of the same kind (other paths) to this one.</summary>
    public abstract void Add(PathStatistics other);

    /// <summary>An empty count of the same kind and shape.</summary>
    public abstract PathStatistics CreateEmpty();

    /// <summary>A copy.</summary>
    public PathStatistics Clone()
    {
        PathStatistics copy = CreateEmpty();
        copy.Add(this);
        return copy;
    }
}
