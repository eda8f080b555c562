using System.Collections.Immutable;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Internal;

/// <summary>The last stage of an attribution: the totals turned into the result — touchpoints, stages and categories in
/// journey (or enum) order, the unattributed bucket, the stage-attributed bridge per period and the drill-down.</summary>
internal static class AttributionAssembler
{
    public static AttributionResult Assemble(
        JourneyFramework framework,
        AttributionOptions options,
        MeasureUnit unit,
        PeriodGrid? grid,
        IReadOnlyList<GridPeriod> periods,
        AttributionTotals totals,
        IEnumerable<MovementCredit> movementCredits,
        IReadOnlyList<PlayerScore> scores,
        AttributionCounts counts)
    {
        IReadOnlyList<Touchpoint> tps = framework.Touchpoints;
        IReadOnlyList<JourneyStage> stages = framework.Stages;
        var touchpointCredits = ImmutableArray.CreateRange(tps.Select((t, i) =>
            new TouchpointCredit(t, totals.TouchpointValue[0][i], totals.TouchpointCount[0][i], totals.TouchpointValue[1][i], totals.TouchpointCount[1][i], unit)));

        StageCredit Stage(int s, int period)
        {
            long earned = 0, lost = 0;
            for (int p = period < 0 ? 0 : period; p < (period < 0 ? periods.Count : period + 1); p++)
            {
                earned += totals.StageValue[0][(p * stages.Count) + s];
                lost += totals.StageValue[1][(p * stages.Count) + s];
            }

            long gains = 0, losses = 0;
            for (int p = period < 0 ? 0 : period; p < (period < 0 ? periods.Count : period + 1); p++)
            {
                gains += totals.StageCount[0][(p * stages.Count) + s];
                losses += totals.StageCount[1][(p * stages.Count) + s];
            }

            return new StageCredit(stages[s], earned, gains, lost, losses, unit);
        }

        var stageCredits = ImmutableArray.CreateRange(Enumerable.Range(0, stages.Count).Select(s => Stage(s, -1)));
        var categoryCredits = ImmutableArray.CreateRange(Enum.GetValues<TouchpointCategory>().Where(c => c != TouchpointCategory.Unknown).Select(c =>
        {
            int k = (int)c;
            long earned = 0, lost = 0;
            for (int t = 0; t < tps.Count; t++)
            {
                if (tps[t].Category == c)
                {
                    earned += totals.TouchpointValue[0][t];
                    lost += totals.TouchpointValue[1][t];
                }
            }

            return new CategoryCredit(c, earned, totals.CategoryCount[0][k], lost, totals.CategoryCount[1][k], unit);
        }));
        var unattributed = new UnattributedCredit(totals.UnattributedValue[0].Sum(), totals.UnattributedCount[0].Sum(), totals.UnattributedValue[1].Sum(), totals.UnattributedCount[1].Sum(), unit);
        var bridge = ImmutableArray.CreateRange(periods.Select((period, p) => new StageBridgePeriod(
            period,
            ImmutableArray.CreateRange(Enumerable.Range(0, stages.Count).Select(s => Stage(s, p))),
            new UnattributedCredit(totals.UnattributedValue[0][p], totals.UnattributedCount[0][p], totals.UnattributedValue[1][p], totals.UnattributedCount[1][p], unit))));
        counts.Fallbacks = totals.Fallbacks;
        return new AttributionResult(framework, options, unit, grid, touchpointCredits, stageCredits, categoryCredits, unattributed, bridge, ImmutableArray.CreateRange(movementCredits), scores.ToImmutableArray(), counts);
    }
}
