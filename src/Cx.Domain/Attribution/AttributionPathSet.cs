using System.Buffers;
using Cx.Domain.Journey;

namespace Cx.Domain.Attribution;

/// <summary>Every path of one direction: for each analysed period and customer with touches in the window, the touches in
/// time order, and whether the customer moved in that direction (a converting path) or not (a null path).</summary>
/// <remarks>Built by <see cref="JourneyAttributionCalculator"/> and handed to <see cref="IAttributionModel.Fit"/>. Paths are
/// ordered by period, then customer id (ordinal), so a fit never depends on input order. A converting path may be empty
/// (a movement with no touch: it goes to the unattributed bucket); a null path never is.
/// <para>A path set lives in pooled buffers that the calculator reuses once the calculation that built it returns: read it
/// in <see cref="IAttributionModel.Fit"/> and in the fit's <see cref="AttributionModelFit.Weigh"/>, and keep what the fit
/// needs (counts, weights), never the path set; afterwards its paths throw <see cref="InvalidOperationException"/>.</para></remarks>
public sealed class AttributionPathSet
{
    private int[] _starts;
    private int[] _touchpoints;
    private long[] _ages;
    private bool[] _converting;
    private bool _released;

    /// <summary>Takes buffers rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Release"/> returns them.</summary>
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

    /// <summary>Hands the buffers back to the pool; the paths are unreadable from then on.</summary>
    internal void Release()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_touchpoints);
        ArrayPool<long>.Shared.Return(_ages);
        ArrayPool<bool>.Shared.Return(_converting);
        _starts = [];
        _touchpoints = [];
        _ages = [];
        _converting = [];
    }

    private int Check(int path) =>
        _released ? throw new InvalidOperationException("Expected a path set of a running calculation, got one whose calculation has returned. Keep what the fit needs, not the path set.")
        : path >= 0 && path < PathCount ? path : throw new ArgumentOutOfRangeException(nameof(path), path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a path index from 0 to {PathCount - 1}, got {path}."));
}
