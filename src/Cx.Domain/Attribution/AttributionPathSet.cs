using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>Every path of one direction: for each analysed period and customer with touches in the window, the touches in
/// time order, and whether the customer moved in that direction (a converting path) or not (a null path).</summary>
/// <remarks>Built by <see cref="JourneyAttributionCalculator"/> and handed to <see cref="IAttributionModel.Fit"/>. Paths are
/// ordered by period, then customer id (ordinal), so a fit never depends on input order. A converting path may be empty
/// (a movement with no touch: it goes to the unattributed bucket); a null path never is.</remarks>
public sealed class AttributionPathSet
{
    private readonly int[] _starts;
    private readonly int[] _touchpoints;
    private readonly long[] _ages;
    private readonly bool[] _converting;

    internal AttributionPathSet(JourneyFramework framework, AttributionDirection direction, int[] starts, int[] touchpoints, long[] ages, bool[] converting, int pathCount)
    {
        Framework = framework;
        Direction = direction;
        _starts = starts;
        _touchpoints = touchpoints;
        _ages = ages;
        _converting = converting;
        PathCount = pathCount;
        for (int i = 0; i < pathCount; i++)
        {
            if (converting[i])
            {
                ConvertingPathCount++;
            }
        }
    }

    /// <summary>Gets the journey framework the touchpoint indexes refer to.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the direction of the paths.</summary>
    public AttributionDirection Direction { get; }

    /// <summary>Gets the number of paths.</summary>
    public int PathCount { get; }

    /// <summary>Gets the number of converting paths (movements in this direction, with or without touches).</summary>
    public int ConvertingPathCount { get; }

    /// <summary>Gets the number of null paths (touches in the window, no movement in this direction).</summary>
    public int NullPathCount => PathCount - ConvertingPathCount;

    /// <summary>Returns whether a path ends in a movement of this direction.</summary>
    /// <param name="path">The path's index, 0 to <see cref="PathCount"/> − 1.</param>
    /// <returns><see langword="true"/> for a converting path.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="path"/> is out of range.</exception>
    public bool IsConverting(int path) => _converting[Check(path)];

    /// <summary>Returns a path's touchpoints (indexes into <see cref="JourneyFramework.Touchpoints"/>), oldest first.</summary>
    /// <param name="path">The path's index.</param>
    /// <returns>The touchpoints.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="path"/> is out of range.</exception>
    public ReadOnlySpan<int> Touchpoints(int path) => _touchpoints.AsSpan(_starts[Check(path)], _starts[path + 1] - _starts[path]);

    /// <summary>Returns the ages of a path's touches at the end of its period, in NodaTime ticks (100 ns).</summary>
    /// <param name="path">The path's index.</param>
    /// <returns>The ages, aligned with <see cref="Touchpoints(int)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="path"/> is out of range.</exception>
    public ReadOnlySpan<long> AgeTicks(int path) => _ages.AsSpan(_starts[Check(path)], _starts[path + 1] - _starts[path]);

    private int Check(int path) =>
        path >= 0 && path < PathCount ? path : throw new ArgumentOutOfRangeException(nameof(path), path, $"Expected a path index from 0 to {PathCount - 1}, got {path}.");
}
