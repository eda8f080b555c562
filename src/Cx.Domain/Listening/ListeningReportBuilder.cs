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
        int[] occupied = counts.Periods();
        var periods = ImmutableArray.CreateBuilder<ListeningPeriod>(layout.PeriodCount);
        EmptyBreakdowns? empty = null;
        for (int p = 0; p < layout.PeriodCount; p++)
        {
            long? activeCount = active?[p];
            long[]? row = counts.RowOf(p);
            if (row is null)
            {
                // A period without signals: zeros everywhere, the same breakdowns (shared) for every such period.
                empty ??= new EmptyBreakdowns(layout);
                periods.Add(new ListeningPeriod(grid[p], 0, activeCount, 0, empty.Kinds, empty.Sources, activeCount is > 0 ? empty.StagesWithActive : empty.Stages,
                    empty.Touchpoints, empty.Topics, 0));
            }
            else
            {
                periods.Add(Period(layout, row, p, activeCount));
            }
        }

        (SpikeCheckList checks, ImmutableArray<SpikeCheck> spikes) = SpikeChecks(counts, occupied, options);

        // Survey metrics exist only where there are responses: in the periods that have a row ('metrics' is by row).
        double z = NormalDistribution.Quantile(1 - ((1 - options.ConfidenceLevel) / 2));
        var metrics = new SurveyMetric?[counts.RowCount, layout.StageSlots, 3];
        var surveys = ImmutableArray.CreateBuilder<SurveyMetric>();
        foreach (int p in occupied)
        {
            long[] row = counts.RowOf(p)!;
            int r = counts.RowIndex(p);

            // The whole company first (index StageSlots - 1 holds it in 'metrics'; "no stage" has no metric of its own).
            for (int s = -1; s < layout.StageSlots - 1; s++)
            {
                for (int instrument = 1; instrument <= 3; instrument++)
                {
                    SurveyMetric? metric = Metric(layout, row, grid[p], s, (SurveyInstrument)instrument, options, z);
                    metrics[r, s < 0 ? layout.StageSlots - 1 : s, instrument - 1] = metric;
                    if (metric is not null)
                    {
                        surveys.Add(metric);
                    }
                }
            }
        }

        double level = 1 - options.ConfidenceLevel;
        var changes = ImmutableArray.CreateBuilder<SurveyChange>();
        var changeAt = new SurveyChange?[counts.RowCount, layout.StageSlots, 3];
        foreach (int p in occupied)
        {
            int previousRow = p >= 1 ? counts.RowIndex(p - 1) : -1;
            if (previousRow < 0)
            {
                continue;
            }

            int r = counts.RowIndex(p);
            foreach (int s in CompanyThenStages(layout))
            {
                for (int i = 0; i < 3; i++)
                {
                    if (metrics[previousRow, s, i] is { ResponseCount: >= 2 } previous && metrics[r, s, i] is { ResponseCount: >= 2 } current)
                    {
                        SurveyChange change = Change(previous, current, level);
                        changeAt[r, s, i] = change;
                        changes.Add(change);
                    }
                }
            }
        }

        var confirmations = ImmutableArray.CreateBuilder<SpikeConfirmation>(spikes.Length);
        foreach (SpikeCheck spike in spikes)
        {
            confirmations.Add(Confirm(spike, counts, metrics, changeAt));
        }

        return new ListeningReport(grid, journey.Name, layout.Topics, new ListeningSettings(options), counts.BeforeGrid, counts.AfterGrid, periods.MoveToImmutable(),
            checks, spikes, surveys.ToImmutable(), changes.ToImmutable(), confirmations.MoveToImmutable(), active is not null);
    }

    /// <summary>The slots of the survey metrics in report order: the whole company (kept in the "no stage" slot), then the stages.</summary>
    private static IEnumerable<int> CompanyThenStages(ListeningLayout layout) => Enumerable.Range(0, layout.StageSlots).Select(i => i == 0 ? layout.StageSlots - 1 : i - 1);

    private static ListeningPeriod Period(ListeningLayout layout, long[] row, int p, long? active)
    {
        JourneyFramework journey = layout.Journey;
        long total = row[0];
        var kinds = ImmutableArray.CreateBuilder<VolumeCount>(ListeningCounts.KindCount);
        for (int k = 0; k < ListeningCounts.KindCount; k++)
        {
            kinds.Add(new VolumeCount(KindNames[k], KindDisplay[k], row[layout.KindAt + k], total));
        }

        var sources = ImmutableArray.CreateBuilder<VolumeCount>(ListeningCounts.SourceCount);
        for (int s = 0; s < ListeningCounts.SourceCount; s++)
        {
            sources.Add(new VolumeCount(SourceNames[s], SourceDisplay[s], row[layout.SourceAt + s], total));
        }

        var stages = ImmutableArray.CreateBuilder<StageVoice>(layout.StageSlots);
        long complaints = 0;
        for (int s = 0; s < layout.StageSlots; s++)
        {
            bool none = s == layout.StageSlots - 1;
            long stageComplaints = row[layout.ComplaintsAt + s];
            complaints += stageComplaints;
            stages.Add(new StageVoice(none ? null : journey.Stages[s].Id, none ? NoStage : journey.Stages[s].Name, row[layout.StageAt + s], total, stageComplaints, active,
                row[layout.StageSentimentSumAt + s], row[layout.StageSentimentCountAt + s]));
        }

        var touchpoints = ImmutableArray.CreateBuilder<VolumeCount>(layout.TouchpointSlots);
        for (int t = 0; t < layout.TouchpointSlots; t++)
        {
            bool none = t == layout.TouchpointSlots - 1;
            touchpoints.Add(new VolumeCount(none ? null : journey.Touchpoints[t].Id, none ? "(no touchpoint)" : journey.Touchpoints[t].Name,
                row[layout.TouchpointAt + t], total));
        }

        var topics = ImmutableArray.CreateBuilder<VolumeCount>(layout.TopicSlots);
        for (int t = 0; t < layout.TopicSlots; t++)
        {
            bool none = t == layout.TopicSlots - 1;
            topics.Add(new VolumeCount(none ? null : layout.Topics.Topics[t].Id, none ? "(untagged)" : layout.Topics.Topics[t].Name, row[layout.TopicAt + t], total));
        }

        long untaggedFeedback = 0;
        for (int s = 0; s < layout.StageSlots; s++)
        {
            int cell = layout.SpikeAt + ((((s * layout.TopicSlots) + layout.TopicSlots - 1)) * 2);
            untaggedFeedback += row[cell] + row[cell + 1];
        }

        return new ListeningPeriod(layout.Grid[p], total, active, complaints, kinds.MoveToImmutable(), sources.MoveToImmutable(), stages.MoveToImmutable(),
            touchpoints.MoveToImmutable(), topics.MoveToImmutable(), untaggedFeedback);
    }

    /// <summary>Judges every stage × topic series that has a count. A detector reads, at period k, the periods from k - reach
    /// to k; where they are all zero (a quiet period) its verdict is the same everywhere, so it is computed once per detector
    /// and those checks are built when read (<see cref="SpikeCheckList"/>); the detectors run only within reach of a count.</summary>
    private static (SpikeCheckList Checks, ImmutableArray<SpikeCheck> Spikes) SpikeChecks(ListeningCounts counts, int[] occupied, ListeningOptions options)
    {
        ListeningLayout layout = counts.Layout;
        int periods = layout.PeriodCount;
        int stages = layout.StageSlots;
        int topics = layout.TopicSlots;
        SpikeDetectionOptions spikes = options.Spikes;
        int farringtonFrom = spikes.BaselinePeriods;
        int earsFrom = spikes.EarsBaselinePeriods + spikes.EarsLag;
        int firstJudged = spikes.UseEarsForShortHistories ? Math.Min(farringtonFrom, earsFrom) : farringtonFrom;
        int reach = Math.Max(Math.Max(farringtonFrom, earsFrom), spikes.MinimumCountPeriods - 1);

        // The verdicts on a period where the detector reads only zeros.
        var zeros = new long[reach + 1];
        var quietFarrington = new SpikeVerdict(SpikeDetectors.Farrington(zeros, farringtonFrom, spikes), spikes);
        var quietEars = new SpikeVerdict(SpikeDetectors.EarsC2(zeros, earsFrom, spikes), spikes);

        var series = new long[periods];
        var labels = new List<SpikeSeriesLabel>();
        var found = new List<(int Period, int Series, SpikeCheck Check)>();
        for (int s = 0; s < stages; s++)
        {
            for (int t = 0; t < topics; t++)
            {
                int cell = layout.SpikeAt + ((((s * topics) + t)) * 2);
                long any = 0;
                foreach (int p in occupied)
                {
                    long[] row = counts.RowOf(p)!;
                    series[p] = row[cell] + (options.IncludeUnaidedInSpikes ? row[cell + 1] : 0);
                    any += series[p];
                }

                if (any == 0)
                {
                    continue;
                }

                bool noStage = s == stages - 1;
                bool untagged = t == topics - 1;
                var label = new SpikeSeriesLabel(noStage ? null : layout.Journey.Stages[s].Id, noStage ? NoStage : layout.Journey.Stages[s].Name,
                    untagged ? null : layout.Topics.Topics[t].Id, untagged ? "(untagged)" : layout.Topics.Topics[t].Name);
                int index = labels.Count;
                labels.Add(label);

                // The periods within reach of a count, each once, in order.
                int next = firstJudged;
                foreach (int p in occupied)
                {
                    if (series[p] == 0)
                    {
                        continue;
                    }

                    for (int k = Math.Max(p, next); k <= Math.Min(p + reach, periods - 1); k++)
                    {
                        SpikeDetectors.Outcome outcome = SpikeDetectors.Judge(series, k, spikes);
                        if (outcome.Detector != SpikeDetector.None)
                        {
                            found.Add((k, index, new SpikeCheck(layout.Grid[k], label, new SpikeVerdict(outcome, spikes))));
                        }

                        next = k + 1;
                    }
                }

                foreach (int p in occupied)
                {
                    series[p] = 0;
                }
            }
        }

        int count = labels.Count;
        var kept = found.Select(f => (checked(((f.Period - firstJudged) * count) + f.Series), f.Check)).ToList();
        var list = new SpikeCheckList(layout.Grid, firstJudged, farringtonFrom, [.. labels], quietFarrington, quietEars, kept);

        // A quiet verdict is never a spike (nothing observed: Farrington alarms only on a count, and EARS C2's threshold,
        // the mean plus z(1 - α) > 0 standard deviations, is not below zero), so the spikes are among the checks kept.
        ImmutableArray<SpikeCheck> spikeList = [.. kept.Where(k => k.Check.IsSpike).OrderBy(k => k.Item1).Select(k => k.Check)];
        return (list, spikeList);
    }

    private static SurveyMetric? Metric(ListeningLayout layout, long[] row, GridPeriod period, int stage, SurveyInstrument instrument, ListeningOptions options, double z)
    {
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
                Sum(row, layout.NpsAt, first, last, h);
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
                Sum(row, layout.CsatAt, first, last, h);
                if (h[0] == 0)
                {
                    return null;
                }

                return new CsatMetric(period, stageId, stageName, h[0], h[1], confidence, h[0] >= options.MinimumResponses, SurveyStatistics.Wilson(h[1], h[0], z));
            }

            default:
            {
                Span<long> h = stackalloc long[ListeningCounts.CesPoints];
                Sum(row, layout.CesAt, first, last, h);
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

    private static void Sum(long[] row, int at, int firstStage, int lastStage, Span<long> into)
    {
        int width = into.Length;
        for (int s = firstStage; s <= lastStage; s++)
        {
            int offset = at + (s * width);
            for (int i = 0; i < width; i++)
            {
                into[i] += row[offset + i];
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

    private static SpikeConfirmation Confirm(SpikeCheck spike, ListeningCounts counts, SurveyMetric?[,,] metrics, SurveyChange?[,,] changeAt)
    {
        ListeningLayout layout = counts.Layout;
        int p = spike.Period.Index;
        int s = spike.StageId is null ? layout.StageSlots - 1 : layout.Journey.IndexOfStage(spike.StageId);
        int best = -1;
        long bestResponses = 0;
        for (int i = 0; i < 3; i++)
        {
            long responses = 0;
            for (int q = Math.Max(0, p - 1); q <= Math.Min(layout.PeriodCount - 1, p + 1); q++)
            {
                int r = counts.RowIndex(q);
                responses += r < 0 ? 0 : metrics[r, s, i]?.ResponseCount ?? 0;
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
            if (q >= 1 && counts.RowIndex(q) is >= 0 and int r && changeAt[r, s, best] is { } change)
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

    /// <summary>The breakdowns of a period without signals: every key with a zero count, built once by
    /// <see cref="Period"/> from a row of zeros and shared by all such periods.</summary>
    private sealed class EmptyBreakdowns(ListeningLayout layout)
    {
        private readonly ListeningPeriod _withoutActive = Period(layout, new long[layout.RowWidth], 0, null);
        private readonly ListeningPeriod _withActive = Period(layout, new long[layout.RowWidth], 0, 1);

        public IReadOnlyList<VolumeCount> Kinds => _withoutActive.Kinds;

        public IReadOnlyList<VolumeCount> Sources => _withoutActive.Sources;

        /// <summary>The stages when the active customers are not known or zero (no complaint rate).</summary>
        public IReadOnlyList<StageVoice> Stages => _withoutActive.Stages;

        /// <summary>The stages when customers are active (a complaint rate of zero).</summary>
        public IReadOnlyList<StageVoice> StagesWithActive => _withActive.Stages;

        public IReadOnlyList<VolumeCount> Touchpoints => _withoutActive.Touchpoints;

        public IReadOnlyList<VolumeCount> Topics => _withoutActive.Topics;
    }
}
