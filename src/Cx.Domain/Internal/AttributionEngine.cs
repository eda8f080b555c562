using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>Runs the stages of an attribution: read into an index (<see cref="AttributionIndex"/>), build each direction's
/// paths over the windows (<see cref="AttributionPaths"/>), fit the model and allocate every movement to the cent
/// (<see cref="AttributionAllocator"/>), then assemble the result (<see cref="AttributionAssembler"/>).</summary>
/// <remarks>With a built-in model (one that fits from <see cref="PathStatistics"/>) and a large input, the customers, in
/// ordinal order of their ids, are cut into contiguous blocks that build their paths, count them and allocate on their own
/// thread; the counts are merged before the fit and the totals after the allocation. Counts and totals are integers and the
/// drill-down is sorted at the end, so the result is identical for any number of blocks.</remarks>
internal static class AttributionEngine
{
    private const int MaxDegreeOfParallelism = 8;

    private static readonly AttributionDirection[] Directions = [AttributionDirection.Gains, AttributionDirection.Losses];

    /// <summary>Gets or sets the number of events plus movements from which a calculation is split into customer blocks
    /// across cores (internal so tests can lower it).</summary>
    internal static int ParallelThreshold { get; set; } = 1 << 18;

    /// <summary>Gets or sets a number of customer blocks to use instead of one per core (internal, for tests).</summary>
    internal static int? BlockCountOverride { get; set; }

    /// <summary>The number of threads for an input of a size: one per core (at most eight) from the threshold on.</summary>
    public static int DegreeFor(long size) =>
        size >= ParallelThreshold ? BlockCountOverride ?? Math.Clamp(Environment.ProcessorCount, 1, MaxDegreeOfParallelism) : 1;

    /// <summary>The bounds of part <paramref name="k"/> of <paramref name="degree"/> equal parts of <paramref name="length"/> items.</summary>
    public static (int From, int To) Chunk(int length, int k, int degree) =>
        ((int)((long)length * k / degree), (int)((long)length * (k + 1) / degree));

    /// <summary>One whole attribution.</summary>
    public static AttributionResult Run(JourneyFramework framework, AttributionOptions options, IAttributionModel model, MeasureUnit unit, PeriodGrid? grid, Action<AttributionIndex> read, bool columnar)
    {
        var counts = new AttributionCounts();
        using var index = new AttributionIndex(framework, options, counts);
        read(index);
        counts.OutsideEveryWindow = AttributionWindows.CountOutside(index, DegreeFor(index.TouchCount));
        int[] order = index.RankCustomers(checkDistinct: columnar);
        int[] rankOf = RankOf(order);
        var statisticsModel = model as IPathStatisticsModel;
        int degree = statisticsModel is not null ? DegreeFor((long)index.TouchCount + index.Movements.Count) : 1;
        degree = Math.Max(1, Math.Min(degree, order.Length));
        Block[] blocks = [.. Enumerable.Range(0, degree).Select(b => new Block(framework, options, index.Periods.Length, order, b, degree))];
        var scores = new List<PlayerScore>();
        var pools = new double[]?[2];
        foreach (AttributionDirection direction in Directions)
        {
            var paths = new AttributionPaths?[degree];
            var statistics = new PathStatistics?[degree];
            try
            {
                Parallelism.ForEach(degree, b =>
                {
                    paths[b] = AttributionPaths.Build(framework, index, direction, options.FilterOf(direction), blocks[b].Order.Span);
                    statistics[b] = Count(statisticsModel?.CreateStatistics(framework, options), paths[b]!);
                });
                long nullPaths = paths.Sum(p => (long)p!.Set.NullPathCount);
                if (direction == AttributionDirection.Gains)
                {
                    counts.GainNullPaths = nullPaths;
                }
                else
                {
                    counts.LossNullPaths = nullPaths;
                }

                AttributionModelFit fit = statisticsModel is null
                    ? model.Fit(paths[0]!.Set, options)
                    : statisticsModel.Fit(Merge(statistics), framework, options, direction);
                scores.AddRange(fit.Scores);
                double[]? pooled = PooledWeights(fit, options);
                pools[(int)direction - 1] = pooled;
                Parallelism.ForEach(degree, b => blocks[b].Allocator.Allocate(paths[b]!, fit, pooled, index, rankOf, blocks[b].Totals, blocks[b].Credits));
            }
            finally
            {
                foreach (AttributionPaths? built in paths)
                {
                    built?.Dispose();
                }
            }
        }

        AttributionTotals totals = blocks[0].Totals;
        foreach (Block block in blocks.Skip(1))
        {
            totals.Add(block.Totals);
        }

        SharePools(framework, totals, pools, blocks[0].Allocator);
        IEnumerable<MovementCredit> credits = options.IncludeMovementCredits
            ? blocks.SelectMany(b => b.Credits!).OrderBy(c => c.Period).ThenBy(c => c.Rank).ThenBy(c => c.Direction).Select(c => c.Credit)
            : [];
        return AttributionAssembler.Assemble(framework, options, unit, grid, index.Periods, totals, credits, scores, counts);
    }

    /// <summary>Phase one of a partitioned attribution: the path statistics of some customers, period by period over a grid.</summary>
    public static AttributionStatistics Count(JourneyFramework framework, AttributionOptions options, IPathStatisticsModel model, PeriodGrid grid, MeasureUnit unit, PeriodGrid? resultGrid, Action<AttributionIndex> read, bool columnar)
    {
        var counts = new AttributionCounts();
        GridPeriod[] periods = [.. grid.Periods];
        using var index = new AttributionIndex(framework, options, counts);
        read(index);
        var histogram = new WindowHistogram(index.WindowStart, index.WindowEnd);
        histogram.Count(index.Touches.AsSpan(0, index.TouchCount));
        int[] order = index.RankCustomers(checkDistinct: columnar);
        var statistics = new PathStatistics?[2][];
        var nullPaths = new long[2][];
        foreach (AttributionDirection direction in Directions)
        {
            int d = (int)direction - 1;
            statistics[d] = new PathStatistics?[periods.Length];
            nullPaths[d] = new long[periods.Length];
            using AttributionPaths paths = AttributionPaths.Build(framework, index, direction, options.FilterOf(direction), order);
            AttributionPathSet set = paths.Set;
            for (int p = 0; p < set.PathCount; p++)
            {
                int period = paths.PeriodOfPath[p];
                bool converting = set.IsConverting(p);
                if (!converting)
                {
                    nullPaths[d][period]++;
                }

                ReadOnlySpan<int> path = set.Touchpoints(p);
                if (!path.IsEmpty)
                {
                    (statistics[d][period] ??= model.CreateStatistics(framework, options))?.Add(path, converting);
                }
            }
        }

        return new AttributionStatistics(framework, options, grid, unit, resultGrid, index.PeriodHasMovement, statistics, nullPaths, histogram, counts.Events);
    }

    /// <summary>Phase two of a partitioned attribution: some customers' movements allocated with a fit of the whole.</summary>
    public static AttributionPartial Allocate(FittedAttribution fitted, Action<AttributionIndex> read, bool columnar)
    {
        JourneyFramework framework = fitted.Framework;
        AttributionOptions options = fitted.Options;
        var counts = new AttributionCounts();
        using var index = new AttributionIndex(framework, options, counts);
        read(index);
        int[] order = index.RankCustomers(checkDistinct: columnar);
        int[] rankOf = RankOf(order);
        var block = new Block(framework, options, index.Periods.Length, order, 0, 1);
        foreach (AttributionDirection direction in Directions)
        {
            using AttributionPaths paths = AttributionPaths.Build(framework, index, direction, options.FilterOf(direction), order);
            block.Allocator.Allocate(paths, fitted.FitOf(direction), fitted.PoolOf(direction), index, rankOf, block.Totals, block.Credits);
        }

        IReadOnlyList<(int Period, MovementCredit Credit)> credits = block.Credits is null ? [] : [.. block.Credits.Select(c => (c.Period, c.Credit))];
        return new AttributionPartial(fitted, block.Totals, credits, counts.Events, counts.ExcludedMovements, counts.Gains, counts.Losses);
    }

    /// <summary>The global weights of a pooled Markov allocation, or null for a per-path one (or when no weight is positive:
    /// the movements are then split over their own paths, with the equal-split fallback).</summary>
    public static double[]? PooledWeights(AttributionModelFit fit, AttributionOptions options)
    {
        if (options.Model != AttributionModel.MarkovChain || options.MarkovAllocation != MarkovAllocation.Pooled)
        {
            return null;
        }

        if (fit is not PlayerWeightFit { PlayerOf: null } weights)
        {
            throw new InvalidOperationException(
                $"Expected the built-in Markov chain model for MarkovAllocation.Pooled (one removal-effect weight per touchpoint), got a fit of type {fit.GetType().Name}. Use MarkovAllocation.PerPath with a custom model.");
        }

        double[] pooled = weights.Weights.ToArray();
        return pooled.Any(w => w > 0) ? pooled : null;
    }

    /// <summary>Shares each period's pool of a pooled direction over the touchpoints (and their stages) by the global weights.</summary>
    public static void SharePools(JourneyFramework framework, AttributionTotals totals, double[]?[] pools, AttributionAllocator allocator)
    {
        int[] stageOf = StagesOf(framework);
        int stages = framework.Stages.Count;
        for (int d = 0; d < 2; d++)
        {
            if (pools[d] is not { } weights)
            {
                continue;
            }

            long[] parts = new long[weights.Length];
            double[] fractions = new double[weights.Length];
            for (int p = 0; p < totals.PooledValue[d].Length; p++)
            {
                long value = totals.PooledValue[d][p];
                if (value == 0)
                {
                    continue;
                }

                allocator.Pool(value, weights, parts, fractions);
                for (int t = 0; t < weights.Length; t++)
                {
                    totals.TouchpointValue[d][t] += parts[t];
                    totals.StageValue[d][(p * stages) + stageOf[t]] += parts[t];
                }
            }
        }
    }

    /// <summary>The stage position of each touchpoint.</summary>
    public static int[] StagesOf(JourneyFramework framework) => framework.Touchpoints.Select(t => framework.IndexOfStage(t.StageId)).ToArray();

    private static int[] RankOf(int[] order)
    {
        int[] rankOf = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rankOf[order[i]] = i;
        }

        return rankOf;
    }

    private static PathStatistics? Count(PathStatistics? statistics, AttributionPaths paths)
    {
        if (statistics is null)
        {
            return null;
        }

        AttributionPathSet set = paths.Set;
        for (int p = 0; p < set.PathCount; p++)
        {
            ReadOnlySpan<int> path = set.Touchpoints(p);
            if (!path.IsEmpty)
            {
                statistics.Add(path, set.IsConverting(p));
            }
        }

        return statistics;
    }

    private static PathStatistics? Merge(PathStatistics?[] statistics)
    {
        PathStatistics? merged = statistics[0];
        for (int b = 1; merged is not null && b < statistics.Length; b++)
        {
            merged.Add(statistics[b]!);
        }

        return merged;
    }

    /// <summary>One block of customers (a contiguous slice of the ordinal order) with its own scratch, totals and drill-down.</summary>
    private sealed class Block
    {
        public Block(JourneyFramework framework, AttributionOptions options, int periods, int[] order, int block, int blocks)
        {
            (int from, int to) = Chunk(order.Length, block, blocks);
            Order = order.AsMemory(from, to - from);
            Allocator = new AttributionAllocator(framework, options, StagesOf(framework), framework.Touchpoints.Select(t => (int)t.Category).ToArray());
            Totals = new AttributionTotals(framework.Touchpoints.Count, framework.Stages.Count, periods);
            Credits = options.IncludeMovementCredits ? [] : null;
        }

        public ReadOnlyMemory<int> Order { get; }

        public AttributionAllocator Allocator { get; }

        public AttributionTotals Totals { get; }

        public List<RankedCredit>? Credits { get; }
    }
}
