using Cx.Domain.Attribution;
using Cx.Domain.Journey;

namespace Cx.Domain.Internal;

/// <summary>Runs the stages of one attribution: read into an index (<see cref="AttributionIndex"/>), build each direction's
/// paths over the windows (<see cref="AttributionPaths"/>), fit the model and allocate every movement to the cent
/// (<see cref="AttributionAllocator"/>), then assemble the result (<see cref="AttributionAssembler"/>).</summary>
internal static class AttributionEngine
{
    private static readonly AttributionDirection[] Directions = [AttributionDirection.Gains, AttributionDirection.Losses];

    public static AttributionResult Run(JourneyFramework framework, AttributionOptions options, IAttributionModel model, Action<AttributionIndex> read, bool columnar)
    {
        var counts = new AttributionCounts();
        using var index = new AttributionIndex(framework, options, counts);
        read(index);
        counts.OutsideEveryWindow = AttributionWindows.CountOutside(index);
        int[] order = index.RankCustomers(checkDistinct: columnar);
        int[] rankOf = new int[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            rankOf[order[i]] = i;
        }

        int[] stageOf = StagesOf(framework);
        int[] categoryOf = framework.Touchpoints.Select(t => (int)t.Category).ToArray();
        var totals = new AttributionTotals(framework.Touchpoints.Count, framework.Stages.Count, index.Periods.Length);
        List<RankedCredit>? credits = options.IncludeMovementCredits ? [] : null;
        var scores = new List<PlayerScore>();
        var allocator = new AttributionAllocator(framework, options, stageOf, categoryOf);
        foreach (AttributionDirection direction in Directions)
        {
            using AttributionPaths paths = AttributionPaths.Build(framework, index, direction, options.FilterOf(direction), order);
            if (direction == AttributionDirection.Gains)
            {
                counts.GainNullPaths = paths.Set.NullPathCount;
            }
            else
            {
                counts.LossNullPaths = paths.Set.NullPathCount;
            }

            AttributionModelFit fit = model.Fit(paths.Set, options);
            scores.AddRange(fit.Scores);
            allocator.Allocate(paths, fit, index, rankOf, totals, credits);
        }

        IEnumerable<MovementCredit> ordered = credits is null ? [] : credits.OrderBy(c => c.Period).ThenBy(c => c.Rank).ThenBy(c => c.Direction).Select(c => c.Credit);
        return AttributionAssembler.Assemble(framework, options, index.Periods, totals, ordered, scores, counts);
    }

    /// <summary>The stage position of each touchpoint.</summary>
    public static int[] StagesOf(JourneyFramework framework) => framework.Touchpoints.Select(t => framework.IndexOfStage(t.StageId)).ToArray();
}
