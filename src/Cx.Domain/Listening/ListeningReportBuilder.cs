using System.Collections.Immutable;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>Turns listening counts into the report: volumes, spike checks, survey metrics, changes and confirmations.</summary>
internal static class ListeningReportBuilder
{
    private const string NoStage = "(no stage)";
    private const string AllStages = "All stages";

    private static readonly string[] KindNames = ["unaided", "complaint", "survey"];
    private static readonly string[] SourceNames = ["call-center", "web", "store", "email", "chat", "social", "survey", "other"];
    private static readonly string[] KindDisplay = ["Unaided", "Complaint", "Survey"];
    private static readonly string[] SourceDisplay = ["Call center", "Web", "Store", "Email", "Chat", "Social", "Survey", "Other"];

    /// <summary>The lower-case key of a kind, as in breakdowns (<c>unaided</c>, <c>complaint</c>, <c>survey</c>).</summary>
    public static string KindKey(FeedbackKind kind) => KindNames[(int)kind - 1];

    /// <summary>The key of a source, as in breakdowns (<c>call-center</c>, <c>web</c>...).</summary>
    public static string SourceKey(FeedbackSource source) => SourceNames[(int)source - 1];

    public static ListeningReport Build(ListeningCounts counts, ListeningOptions options, long[]? active)
    {
        ListeningLayout layout = counts.Layout;
        JourneyFramework journey = layout.Journey;
        PeriodGrid grid = layout.Grid;
        var periods = ImmutableArray.CreateBuilder<ListeningPeriod>(layout.PeriodCount);
        for (int p = 0; p < layout.PeriodCount; p++)
        {
            periods.Add(Period(counts, p, active?[p]));
        }

        ImmutableArray<SpikeCheck> checks = SpikeChecks(counts, options);
        double z = NormalDistribution.Quantile(1 - ((1 - options.ConfidenceLevel) / 2));
        var metrics = new SurveyMetric?[layout.PeriodCount, layout.StageSlots, 3];
        var surveys = ImmutableArray.CreateBuilder<SurveyMetric>();
        for (int p = 0; p < layout.PeriodCount; p++)
        {
            // The whole company first (index StageSlots - 1 holds it in 'metrics'; "no stage" has no metric of its own).
            for (int s = -1; s < layout.StageSlots - 1; s++)
            {
                for (int instrument = 1; instrument <= 3; instrument++)
                {
                    SurveyMetric? metric = Metric(counts, grid[p], s, (SurveyInstrument)instrument, options, z);
                    metrics[p, s < 0 ? layout.StageSlots - 1 : s, instrument - 1] = metric;
                    if (metric is not null)
                    {
                        surveys.Add(metric);
                    }
                }
            }
        }

        double level = 1 - options.ConfidenceLevel;
        var changes = ImmutableArray.CreateBuilder<SurveyChange>();
        var changeAt = new SurveyChange?[layout.PeriodCount, layout.StageSlots, 3];
        for (int p = 1; p < layout.PeriodCount; p++)
        {
            foreach (int s in CompanyThenStages(layout))
            {
                for (int i = 0; i < 3; i++)
                {
                    if (metrics[p - 1, s, i] is { ResponseCount: >= 2 } previous && metrics[p, s, i] is { ResponseCount: >= 2 } current)
                    {
                        SurveyChange change = Change(previous, current, level);
                        changeAt[p, s, i] = change;
                        changes.Add(change);
                    }
                }
            }
        }

        var confirmations = ImmutableArray.CreateBuilder<SpikeConfirmation>();
        foreach (SpikeCheck spike in checks.Where(c => c.IsSpike))
        {
            confirmations.Add(Confirm(spike, layout, metrics, changeAt));
        }

        return new ListeningReport(grid, journey.Name, layout.Topics, new ListeningSettings(options), counts.BeforeGrid, counts.AfterGrid, periods.MoveToImmutable(),
            checks, surveys.ToImmutable(), changes.ToImmutable(), confirmations.ToImmutable(), active is not null);
    }

    /// <summary>The slots of the survey metrics in report order: the whole company (kept in the "no stage" slot), then the stages.</summary>
    private static IEnumerable<int> CompanyThenStages(ListeningLayout layout) => Enumerable.Range(0, layout.StageSlots).Select(i => i == 0 ? layout.StageSlots - 1 : i - 1);

    private static ListeningPeriod Period(ListeningCounts counts, int p, long? active)
    {
        ListeningLayout layout = counts.Layout;
        JourneyFramework journey = layout.Journey;
        long total = counts.Total[p];
        var kinds = ImmutableArray.CreateBuilder<VolumeCount>(ListeningCounts.KindCount);
        for (int k = 0; k < ListeningCounts.KindCount; k++)
        {
            kinds.Add(new VolumeCount(KindNames[k], KindDisplay[k], counts.Kind[(p * ListeningCounts.KindCount) + k], total));
        }

        var sources = ImmutableArray.CreateBuilder<VolumeCount>(ListeningCounts.SourceCount);
        for (int s = 0; s < ListeningCounts.SourceCount; s++)
        {
            sources.Add(new VolumeCount(SourceNames[s], SourceDisplay[s], counts.Source[(p * ListeningCounts.SourceCount) + s], total));
        }

        var stages = ImmutableArray.CreateBuilder<StageVoice>(layout.StageSlots);
        long complaints = 0;
        for (int s = 0; s < layout.StageSlots; s++)
        {
            int ps = (p * layout.StageSlots) + s;
            bool none = s == layout.StageSlots - 1;
            complaints += counts.Complaints[ps];
            stages.Add(new StageVoice(none ? null : journey.Stages[s].Id, none ? NoStage : journey.Stages[s].Name, counts.Stage[ps], total, counts.Complaints[ps], active,
                counts.StageSentimentSum[ps], counts.StageSentimentCount[ps]));
        }

        var touchpoints = ImmutableArray.CreateBuilder<VolumeCount>(layout.TouchpointSlots);
        for (int t = 0; t < layout.TouchpointSlots; t++)
        {
            bool none = t == layout.TouchpointSlots - 1;
            touchpoints.Add(new VolumeCount(none ? null : journey.Touchpoints[t].Id, none ? "(no touchpoint)" : journey.Touchpoints[t].Name,
                counts.Touchpoint[(p * layout.TouchpointSlots) + t], total));
        }

        var topics = ImmutableArray.CreateBuilder<VolumeCount>(layout.TopicSlots);
        for (int t = 0; t < layout.TopicSlots; t++)
        {
            bool none = t == layout.TopicSlots - 1;
            topics.Add(new VolumeCount(none ? null : layout.Topics.Topics[t].Id, none ? "(untagged)" : layout.Topics.Topics[t].Name, counts.Topic[(p * layout.TopicSlots) + t], total));
        }

        long untaggedFeedback = 0;
        for (int s = 0; s < layout.StageSlots; s++)
        {
            int cell = ((((p * layout.StageSlots) + s) * layout.TopicSlots) + layout.TopicSlots - 1) * 2;
            untaggedFeedback += counts.SpikeSeries[cell] + counts.SpikeSeries[cell + 1];
        }

        return new ListeningPeriod(layout.Grid[p], total, active, complaints, kinds.MoveToImmutable(), sources.MoveToImmutable(), stages.MoveToImmutable(),
            touchpoints.MoveToImmutable(), topics.MoveToImmutable(), untaggedFeedback);
    }

    private static ImmutableArray<SpikeCheck> SpikeChecks(ListeningCounts counts, ListeningOptions options)
    {
        ListeningLayout layout = counts.Layout;
        int periods = layout.PeriodCount;
        int stages = layout.StageSlots;
        int topics = layout.TopicSlots;
        SpikeDetectionOptions spikes = options.Spikes;
        var series = new long[periods];
        var found = new List<(int Period, int Stage, int Topic, SpikeCheck Check)>();
        for (int s = 0; s < stages; s++)
        {
            for (int t = 0; t < topics; t++)
            {
                long any = 0;
                for (int p = 0; p < periods; p++)
                {
                    int cell = ((((p * stages) + s) * topics) + t) * 2;
                    series[p] = counts.SpikeSeries[cell] + (options.IncludeUnaidedInSpikes ? counts.SpikeSeries[cell + 1] : 0);
                    any += series[p];
                }

                if (any == 0)
                {
                    continue;
                }

                for (int p = 0; p < periods; p++)
                {
                    SpikeDetectors.Outcome outcome = SpikeDetectors.Judge(series, p, spikes);
                    if (outcome.Detector == SpikeDetector.None)
                    {
                        continue;
                    }

                    SpikeStatus status = outcome.Alarm ? SpikeStatus.Spike
                        : outcome.Observed > outcome.Threshold && outcome.Observed != 0 ? SpikeStatus.TooFewCounts
                        : SpikeStatus.WithinBaseline;
                    bool farrington = outcome.Detector == SpikeDetector.Farrington;
                    bool noStage = s == stages - 1;
                    bool untagged = t == topics - 1;
                    found.Add((p, s, t, new SpikeCheck(layout.Grid[p], noStage ? null : layout.Journey.Stages[s].Id, noStage ? NoStage : layout.Journey.Stages[s].Name,
                        untagged ? null : layout.Topics.Topics[t].Id, untagged ? "(untagged)" : layout.Topics.Topics[t].Name, outcome.Detector, status,
                        outcome.Observed, outcome.Expected, outcome.Threshold, outcome.Probability, farrington ? spikes.Alpha : spikes.EarsAlpha,
                        outcome.Dispersion, outcome.Trend, farrington ? spikes.BaselinePeriods : spikes.EarsBaselinePeriods)));
                }
            }
        }

        return [.. found.OrderBy(f => f.Period).ThenBy(f => f.Stage).ThenBy(f => f.Topic).Select(f => f.Check)];
    }

    private static SurveyMetric? Metric(ListeningCounts counts, GridPeriod period, int stage, SurveyInstrument instrument, ListeningOptions options, double z)
    {
        ListeningLayout layout = counts.Layout;
        int p = period.Index;
        int first = stage < 0 ? 0 : stage;
        int last = stage < 0 ? layout.StageSlots - 1 : stage;
        string? stageId = stage < 0 ? null : layout.Journey.Stages[stage].Id;
        string stageName = stage < 0 ? AllStages : layout.Journey.Stages[stage].Name;
        double confidence = options.ConfidenceLevel;
        switch (instrument)
        {
            case SurveyInstrument.Nps:
            {
                Span<long> h = stackalloc long[ListeningCounts.NpsPoints];
                Sum(counts.Nps, p, first, last, layout.StageSlots, h);
                long promoters = h[9] + h[10];
                long passives = h[7] + h[8];
                long n = Total(h);
                if (n == 0)
                {
                    return null;
                }

                return new NpsMetric(period, stageId, stageName, promoters, passives, n - promoters - passives, confidence, n >= options.MinimumResponses,
                    SurveyStatistics.Nps(promoters, n - promoters - passives, n, z));
            }

            case SurveyInstrument.Csat:
            {
                Span<long> h = stackalloc long[2];
                Sum(counts.Csat, p, first, last, layout.StageSlots, h);
                if (h[0] == 0)
                {
                    return null;
                }

                return new CsatMetric(period, stageId, stageName, h[0], h[1], confidence, h[0] >= options.MinimumResponses, SurveyStatistics.Wilson(h[1], h[0], z));
            }

            default:
            {
                Span<long> h = stackalloc long[ListeningCounts.CesPoints];
                Sum(counts.Ces, p, first, last, layout.StageSlots, h);
                long n = Total(h);
                if (n == 0)
                {
                    return null;
                }

                (SurveyInterval mean, double sd) = SurveyStatistics.Mean(h, 1, confidence);
                return new CesMetric(period, stageId, stageName, n, sd, h[^1], confidence, n >= options.MinimumResponses, mean, SurveyStatistics.Wilson(h[^1], n, z));
            }
        }
    }

    private static void Sum(long[] cells, int period, int firstStage, int lastStage, int stageSlots, Span<long> into)
    {
        int width = into.Length;
        for (int s = firstStage; s <= lastStage; s++)
        {
            int offset = ((period * stageSlots) + s) * width;
            for (int i = 0; i < width; i++)
            {
                into[i] += cells[offset + i];
            }
        }
    }

    private static long Total(ReadOnlySpan<long> histogram)
    {
        long n = 0;
        foreach (long c in histogram)
        {
            n += c;
        }

        return n;
    }

    private static SurveyChange Change(SurveyMetric previous, SurveyMetric current, double level)
    {
        switch (current)
        {
            case NpsMetric nps:
            {
                (double se, double z, double p) = SurveyStatistics.NpsChange((NpsMetric)previous, nps);
                return new SurveyChange(previous, current, se, SurveyTest.AdjustedWaldZ, z, null, p, level);
            }

            case CsatMetric csat:
            {
                (double se, double z, double p) = SurveyStatistics.CsatChange((CsatMetric)previous, csat);
                return new SurveyChange(previous, current, se, SurveyTest.TwoProportionZ, z, null, p, level);
            }

            default:
            {
                (double se, double t, double df, double p) = SurveyStatistics.CesChange((CesMetric)previous, (CesMetric)current);
                return new SurveyChange(previous, current, se, SurveyTest.WelchT, t, df, p, level);
            }
        }
    }

    private static SpikeConfirmation Confirm(SpikeCheck spike, ListeningLayout layout, SurveyMetric?[,,] metrics, SurveyChange?[,,] changeAt)
    {
        int p = spike.Period.Index;
        int s = spike.StageId is null ? layout.StageSlots - 1 : layout.Journey.IndexOfStage(spike.StageId);
        int best = -1;
        long bestResponses = 0;
        for (int i = 0; i < 3; i++)
        {
            long responses = 0;
            for (int q = Math.Max(0, p - 1); q <= Math.Min(layout.PeriodCount - 1, p + 1); q++)
            {
                responses += metrics[q, s, i]?.ResponseCount ?? 0;
            }

            if (responses > bestResponses)
            {
                best = i;
                bestResponses = responses;
            }
        }

        if (best < 0)
        {
            return new SpikeConfirmation(spike, ConfirmationVerdict.NotEnoughResponses, SurveyInstrument.None, null, []);
        }

        var comparisons = new List<SurveyChange>();
        for (int q = p; q <= Math.Min(layout.PeriodCount - 1, p + 1); q++)
        {
            if (q >= 1 && changeAt[q, s, best] is { } change)
            {
                comparisons.Add(change);
            }
        }

        SurveyChange? fall = comparisons.FirstOrDefault(c => c.IsSignificant && c.Statistic < 0);
        SurveyChange? rise = comparisons.FirstOrDefault(c => c.IsSignificant && c.Statistic > 0);
        SurveyChange? closest = comparisons.Where(c => c.HasEnoughResponses).OrderBy(c => c.PValue).FirstOrDefault();
        ConfirmationVerdict verdict = fall is not null ? ConfirmationVerdict.Confirmed
            : rise is not null ? ConfirmationVerdict.Contradicted
            : closest is not null ? ConfirmationVerdict.NotConfirmed
            : ConfirmationVerdict.NotEnoughResponses;
        return new SpikeConfirmation(spike, verdict, (SurveyInstrument)(best + 1), fall ?? rise ?? closest, [.. comparisons]);
    }
}
