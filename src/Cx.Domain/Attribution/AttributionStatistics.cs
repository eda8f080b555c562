using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Attribution;

/// <summary>Phase one of an attribution split across customer partitions: the path statistics of some customers — per grid
/// period and direction, the null paths and what the model learns from (Markov transition counts, Shapley coalition counts) —
/// with the periods their movements fall in and their events per window. Partials of disjoint customers merge associatively
/// into the statistics of all of them.</summary>
/// <remarks>
/// <para>The two phases: <see cref="JourneyAttributionCalculator.Count(JourneyFramework, PeriodGrid, IEnumerable{Assets.CustomerMovement}, IEnumerable{ExperienceEvent}, AttributionOptions?, IEnumerable{CustomerId}?)"/>
/// on each partition, <see cref="MergeAll"/>, then <see cref="JourneyAttributionCalculator.Fit(AttributionStatistics)"/> once
/// (the data-driven models need every path before any movement is split); then
/// <see cref="JourneyAttributionCalculator.Allocate(FittedAttribution, IEnumerable{Assets.CustomerMovement}, IEnumerable{ExperienceEvent}, IEnumerable{CustomerId}?)"/>
/// on each partition with that fit, <see cref="AttributionPartial.MergeAll"/> and <see cref="AttributionPartial.ToResult"/>.
/// The result is exactly that of one calculation over all customers. Every customer's movements and events must stay
/// within one partition.</para>
/// <para>Statistics are kept for every period of the grid, because a partition cannot know which periods the others' movements
/// fall in: the analysed periods are those with a movement (of any class, flat included) in any partition, decided when the
/// statistics are fitted. Memory grows with the periods, times the touchpoints squared for the Markov chain. Immutable:
/// merging returns new statistics.</para>
/// </remarks>
public sealed class AttributionStatistics
{
    private readonly PathStatistics?[][] _statistics;
    private readonly long[][] _nullPaths;
    private readonly bool[] _periodHasMovement;
    private readonly WindowHistogram _histogram;

    internal AttributionStatistics(
        JourneyFramework framework,
        AttributionOptions options,
        PeriodGrid grid,
        MeasureUnit unit,
        PeriodGrid? resultGrid,
        bool[] periodHasMovement,
        PathStatistics?[][] statistics,
        long[][] nullPaths,
        WindowHistogram histogram,
        long eventCount)
    {
        Framework = framework;
        Options = options;
        Grid = grid;
        Unit = unit;
        ResultGrid = resultGrid;
        _periodHasMovement = periodHasMovement;
        _statistics = statistics;
        _nullPaths = nullPaths;
        _histogram = histogram;
        EventCount = eventCount;
        (WindowStart, WindowEnd) = AttributionWindows.Of(grid.Periods, options);
    }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the period grid the statistics are kept for.</summary>
    public PeriodGrid Grid { get; }

    /// <summary>Gets the model the statistics are for.</summary>
    public AttributionModel Model => Options.Model;

    /// <summary>Gets the number of experience events counted.</summary>
    public long EventCount { get; }

    /// <summary>Gets the periods with a movement so far (of any class): the periods a fit of these statistics analyses.</summary>
    public IReadOnlyList<GridPeriod> AnalysedPeriods => ImmutableArray.CreateRange(Grid.Periods.Where((_, i) => _periodHasMovement[i]));

    /// <summary>Gets the unit of the movement values: the ledger's, or <see cref="AttributionOptions.Unit"/>.</summary>
    public MeasureUnit Unit { get; }

    internal AttributionOptions Options { get; }

    /// <summary>Gets the grid the result reports: the ledger's when ledgers were counted, null for movements given directly.</summary>
    internal PeriodGrid? ResultGrid { get; }

    internal long[] WindowStart { get; }

    internal long[] WindowEnd { get; }

    /// <summary>Merges two statistics of disjoint customers.</summary>
    /// <param name="other">The other statistics; same journey, grid and options.</param>
    /// <returns>The statistics of both customer sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The journeys, grids or options differ.</exception>
    public AttributionStatistics Merge(AttributionStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameJourney(Framework, other.Framework) || !Grid.Equals(other.Grid) || !Options.SameAs(other.Options)
            || Unit != other.Unit || (ResultGrid is null) != (other.ResultGrid is null))
        {
            throw new ArgumentException(
                $"Expected statistics of one calculation, got journeys '{Framework.Name}' and '{other.Framework.Name}', grids {Grid} and {other.Grid}, models {EnumText.Of(Model)} and {EnumText.Of(other.Model)}, units {Unit.Name} and {other.Unit.Name}. Count every partition with the same journey, grid, options and overload (ledgers, or movements).",
                nameof(other));
        }

        var statistics = new PathStatistics?[2][];
        var nullPaths = new long[2][];
        for (int d = 0; d < 2; d++)
        {
            statistics[d] = new PathStatistics?[_statistics[d].Length];
            nullPaths[d] = new long[_nullPaths[d].Length];
            for (int p = 0; p < statistics[d].Length; p++)
            {
                PathStatistics? mine = _statistics[d][p];
                PathStatistics? theirs = other._statistics[d][p];
                PathStatistics? sum = mine?.Clone() ?? theirs?.Clone();
                if (mine is not null && theirs is not null)
                {
                    sum!.Add(theirs);
                }

                statistics[d][p] = sum;
                nullPaths[d][p] = _nullPaths[d][p] + other._nullPaths[d][p];
            }
        }

        WindowHistogram histogram = _histogram.Clone();
        histogram.Add(other._histogram);
        bool[] periods = [.. _periodHasMovement.Zip(other._periodHasMovement, (a, b) => a || b)];
        return new AttributionStatistics(Framework, Options, Grid, Unit, ResultGrid, periods, statistics, nullPaths, histogram, EventCount + other.EventCount);
    }

    /// <summary>Merges any number of statistics of one calculation.</summary>
    /// <param name="statistics">At least one.</param>
    /// <returns>The merged statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statistics"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">None given, or they belong to different calculations.</exception>
    public static AttributionStatistics MergeAll(IEnumerable<AttributionStatistics> statistics) =>
        Merging.MergeAll(statistics, (a, b) => a.Merge(b), "statistics", nameof(statistics));

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>MarkovChain statistics over journey 'Car buyers', 2023-01..2025-12: 12 analysed periods, 46024 events</c>.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Model} statistics over journey '{Framework.Name}', {Grid}: {_periodHasMovement.Count(x => x)} analysed periods, {EventCount} events");

    /// <summary>Whether two frameworks have the same stages and touchpoints in the same order (so indexes mean the same).</summary>
    internal static bool SameJourney(JourneyFramework a, JourneyFramework b) =>
        ReferenceEquals(a, b)
        || (a.Name == b.Name
            && a.Stages.Select(s => s.Id).SequenceEqual(b.Stages.Select(s => s.Id), StringComparer.Ordinal)
            && a.Touchpoints.Select(t => (t.Id, t.StageId, t.Category)).SequenceEqual(b.Touchpoints.Select(t => (t.Id, t.StageId, t.Category))));

    /// <summary>Whether a grid period (by index) has a movement.</summary>
    internal bool[] PeriodHasMovement => _periodHasMovement;

    /// <summary>The statistics of one direction summed over the periods chosen, or null for a model that learns nothing.</summary>
    internal PathStatistics? Sum(AttributionDirection direction, bool[] analysed, IPathStatisticsModel model)
    {
        PathStatistics? sum = model.CreateStatistics(Framework, Options);
        if (sum is null)
        {
            return null;
        }

        PathStatistics?[] perPeriod = _statistics[(int)direction - 1];
        for (int p = 0; p < perPeriod.Length; p++)
        {
            if (analysed[p] && perPeriod[p] is { } statistics)
            {
                sum.Add(statistics);
            }
        }

        return sum;
    }

    /// <summary>The null paths of one direction over the periods chosen.</summary>
    internal long NullPaths(AttributionDirection direction, bool[] analysed) =>
        _nullPaths[(int)direction - 1].Where((_, p) => analysed[p]).Sum();

    /// <summary>The events in no window of the periods chosen.</summary>
    internal long OutsideEveryWindow(bool[] analysed) => _histogram.Outside(WindowStart, WindowEnd, analysed);
}
