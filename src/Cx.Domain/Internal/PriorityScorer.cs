using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.Internal;

/// <summary>Scores every touchpoint for a period and ranks them: the documented, reproducible score of <see cref="PriorityScore"/>.</summary>
internal static class PriorityScorer
{
    /// <summary>The signal of a standard's evaluation: breached 1, watch 0.6, reliable 0.3 × min(1, current burn rate), else 0.</summary>
    public static double Signal(StandardEvaluation evaluation) => evaluation.Status switch
    {
        StandardStatus.Breached => 1.0,
        StandardStatus.Watch => 0.6,
        StandardStatus.Reliable => 0.3 * Math.Min(1, evaluation.CurrentWindow?.BurnRate ?? 0),
        _ => 0,
    };

    /// <summary>Ranks every touchpoint with a score above zero: score, then revenue at risk, then journey order; with the
    /// listening report's spike checks (feedback given), the complaint part joins the score.</summary>
    public static List<Priority> Rank(ErosionAnalysis analysis, GridPeriod period, ReliabilityReport? status, StageBridgePeriod? bridge, EarlyWarningOptions o, IReadOnlyList<SpikeCheck>? spikes = null)
    {
        // The spikes of the period at each stage (by topic, so the sums do not depend on the checks' order), and the
        // complaints above baseline they hold.
        SpikeCheck[][]? stageSpikes = spikes is null ? null : [.. analysis.Framework.Stages.Select(stage => spikes
            .Where(c => c.IsSpike && c.Period.Index == period.Index && string.Equals(c.StageId, stage.Id, StringComparison.Ordinal))
            .OrderBy(c => c.TopicId ?? string.Empty, StringComparer.Ordinal).ThenBy(c => c.TopicId is null ? 0 : 1)
            .ToArray())];
        double[]? excess = stageSpikes?.Select(list => list.Sum(c => Math.Max(0, c.Observed - c.Expected))).ToArray();
        double maxExcess = excess is null || excess.Length == 0 ? 0 : excess.Max();
        var touchpoints = analysis.Subjects.Where(s => s.Kind == ErosionSubjectKind.Touchpoint).ToArray();
        var risks = touchpoints.Select(t => t.RevenueAtRisk(period)).ToArray();
        long[] usable = risks.Select(r => r.IsActionable && r.Estimate > 0 ? r.Estimate!.Value : 0).ToArray();
        long maxRisk = usable.Length == 0 ? 0 : usable.Max();
        long maxStage = bridge is null || bridge.Stages.Count == 0 ? 0 : bridge.Stages.Max(s => s.LostValue);
        var candidates = new List<(Priority Priority, long Risk, int Order)>();
        for (int i = 0; i < touchpoints.Length; i++)
        {
            ErosionSubject subject = touchpoints[i];
            StandardEvaluation? strongest = null;
            double signal = 0;
            if (status is not null)
            {
                for (int s = 0; s < analysis.Standards.Count; s++)
                {
                    if (string.Equals(analysis.Standards.Standards[s].TouchpointId, subject.Touchpoint.Id, StringComparison.Ordinal))
                    {
                        StandardEvaluation e = status.Standards[s];
                        double value = Signal(e);
                        if (strongest is null || value > signal)
                        {
                            strongest = e;
                            signal = value;
                        }
                    }
                }
            }

            int stageIndex = analysis.Framework.IndexOfStage(subject.Stage.Id);
            long stageLost = bridge?.Stages[stageIndex].LostValue ?? 0;
            double? complaints = excess is null ? null : maxExcess > 0 ? excess[stageIndex] / maxExcess : 0;
            var score = new PriorityScore(
                maxRisk > 0 ? (double)usable[i] / maxRisk : 0,
                signal,
                maxStage > 0 ? (double)stageLost / maxStage : 0,
                o.RevenueAtRiskWeight,
                o.SignalWeight,
                o.StageLossWeight,
                complaints,
                o.ComplaintWeight);
            PeriodExposure? measured = strongest is null ? null : analysis.ForStandard(strongest.Standard.Id).Periods[period.Index];
            IReadOnlyList<SpikeCheck> heard = stageSpikes?[stageIndex] ?? [];
            candidates.Add((new Priority(0, subject, period, score, risks[i], strongest, measured, stageLost, bridge?.LostValue ?? 0, heard), usable[i], i));
        }

        return candidates
            .Where(c => c.Priority.Score.Value > 0)
            .OrderByDescending(c => c.Priority.Score.Value).ThenByDescending(c => c.Risk).ThenBy(c => c.Order)
            .Select((c, rank) => new Priority(rank + 1, c.Priority.Subject, period, c.Priority.Score, c.Priority.RevenueAtRisk, c.Priority.SignalEvaluation, c.Priority.StandardExposure, c.Priority.StageLostValue, c.Priority.PeriodLostValue, c.Priority.ComplaintSpikes))
            .ToList();
    }
}
