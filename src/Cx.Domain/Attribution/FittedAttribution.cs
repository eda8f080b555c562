using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Attribution;

/// <summary>The model of an attribution split across customer partitions, fitted once on the merged statistics of all of
/// them: the analysed periods, each direction's weights, and the counts only the whole knows (null paths, events outside
/// every window). Hand it to every partition's allocation.</summary>
/// <remarks>Made by <see cref="JourneyAttributionCalculator.Fit(AttributionStatistics)"/>; immutable and thread-safe, so
/// partitions may allocate with one instance concurrently. See <see cref="AttributionStatistics"/> for the two phases.</remarks>
public sealed class FittedAttribution
{
    private readonly AttributionModelFit _gains;
    private readonly AttributionModelFit _losses;
    private readonly double[]? _gainPool;
    private readonly double[]? _lossPool;

    internal FittedAttribution(
        JourneyFramework framework,
        AttributionOptions options,
        MeasureUnit unit,
        PeriodGrid? resultGrid,
        GridPeriod[] periods,
        AttributionModelFit gains,
        AttributionModelFit losses,
        long gainNullPaths,
        long lossNullPaths,
        long outsideEveryWindow)
    {
        Framework = framework;
        Options = options;
        Unit = unit;
        ResultGrid = resultGrid;
        Periods = periods;
        _gains = gains;
        _losses = losses;
        _gainPool = AttributionEngine.PooledWeights(gains, options);
        _lossPool = AttributionEngine.PooledWeights(losses, options);
        GainNullPathCount = gainNullPaths;
        LossNullPathCount = lossNullPaths;
        EventsOutsideEveryWindowCount = outsideEveryWindow;
        Scores = ImmutableArray.CreateRange(gains.Scores.Concat(losses.Scores));
    }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the model.</summary>
    public AttributionModel Model => Options.Model;

    /// <summary>Gets the analysed periods (those with a movement in any partition), in grid order.</summary>
    public IReadOnlyList<GridPeriod> AnalysedPeriods => Periods;

    /// <summary>Gets what a data-driven model learned per player and direction, gains first; empty for heuristic models.</summary>
    public IReadOnlyList<PlayerScore> Scores { get; }

    /// <summary>Gets the number of null paths of the gains direction over all partitions.</summary>
    public long GainNullPathCount { get; }

    /// <summary>Gets the number of null paths of the losses direction over all partitions.</summary>
    public long LossNullPathCount { get; }

    /// <summary>Gets the number of events, over all partitions, in no analysed period's window.</summary>
    public long EventsOutsideEveryWindowCount { get; }

    /// <summary>Gets the unit of the movement values.</summary>
    public MeasureUnit Unit { get; }

    internal AttributionOptions Options { get; }

    internal PeriodGrid? ResultGrid { get; }

    internal GridPeriod[] Periods { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>MarkovChain fit over journey 'Car buyers': 35 analysed periods, 24 scores</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Model} fit over journey '{Framework.Name}': {Periods.Length} analysed periods, {Scores.Count} scores");

    internal AttributionModelFit FitOf(AttributionDirection direction) => direction == AttributionDirection.Losses ? _losses : _gains;

    internal double[]? PoolOf(AttributionDirection direction) => direction == AttributionDirection.Losses ? _lossPool : _gainPool;
}
