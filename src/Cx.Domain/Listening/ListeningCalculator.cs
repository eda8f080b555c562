using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Listening;

/// <summary>Computes the listening path: volumes per period by stage, touchpoint, topic, kind and source; share of voice
/// and complaint rates; spike detection per stage × topic; survey metrics with intervals, their changes and tests; and the
/// survey confirmation of every spike.</summary>
/// <remarks>
/// <para>Pure and thread-safe (register it as a singleton): no clock, no I/O. The result does not depend on the order of
/// the signals. Each signal falls into the period of the grid that holds its instant in <see cref="ListeningOptions.Zone"/>;
/// signals before or after the grid are counted as such.</para>
/// <para>Bad input is reported, never dropped: every invalid signal is listed with its position, field and code (CX0701 to
/// CX0709, CX0101), columnar rows with CX0717, stage hints with CX0713, an asset report of another grid with CX0716.</para>
/// <para>Two speeds, one semantics: <see cref="Calculate(JourneyFramework, PeriodGrid, IEnumerable{FeedbackSignal}, TopicTaxonomy?, AssetMovementReport?)"/>
/// takes records; <see cref="Calculate(PeriodGrid, FeedbackColumns, AssetMovementReport?)"/> takes columns, allocates
/// nothing per signal, and gives the same report. <see cref="CountPartial(JourneyFramework, PeriodGrid, IEnumerable{FeedbackSignal}, TopicTaxonomy?)"/>
/// and <see cref="Report"/> split the work for hosts that partition it.</para>
/// </remarks>
public sealed class ListeningCalculator
{
    private const int ParallelThreshold = 1 << 20;

    private readonly ListeningOptions _options;

    /// <summary>Initializes a calculator.</summary>
    /// <param name="options">The settings; the defaults when null. They are copied: later changes do not affect the calculator.</param>
    /// <exception cref="CxValidationException">The settings are invalid (CX0714, CX0715).</exception>
    public ListeningCalculator(ListeningOptions? options = null)
    {
        options ??= new ListeningOptions();
        new ListeningOptionsValidator().ValidateOrThrow(options, "listening options");
        SpikeDetectionOptions s = options.Spikes;
        _options = new ListeningOptions
        {
            Zone = options.Zone,
            ConfidenceLevel = options.ConfidenceLevel,
            MinimumResponses = options.MinimumResponses,
            IncludeUnaidedInSpikes = options.IncludeUnaidedInSpikes,
            Spikes = new SpikeDetectionOptions
            {
                BaselinePeriods = s.BaselinePeriods, Alpha = s.Alpha, Threshold = s.Threshold, FitTrend = s.FitTrend, TrendSignificance = s.TrendSignificance,
                Reweight = s.Reweight, ReweightingThreshold = s.ReweightingThreshold, MinimumCount = s.MinimumCount, MinimumCountPeriods = s.MinimumCountPeriods,
                UseEarsForShortHistories = s.UseEarsForShortHistories, EarsBaselinePeriods = s.EarsBaselinePeriods, EarsLag = s.EarsLag, EarsAlpha = s.EarsAlpha,
                EarsMinimumSigma = s.EarsMinimumSigma,
            },
        };
    }

    /// <summary>Computes the listening report of feedback records.</summary>
    /// <param name="journey">The journey framework the signals are about.</param>
    /// <param name="grid">The periods to report.</param>
    /// <param name="signals">The signals, in any order.</param>
    /// <param name="taxonomy">The topic taxonomy; when null, the topics the signals carry, ordered ordinally.</param>
    /// <param name="assets">The asset movements on the same grid, for complaint rates per 1,000 active customers; or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/>, <paramref name="grid"/> or <paramref name="signals"/> is null.</exception>
    /// <exception cref="CxValidationException">A signal, a stage hint or the asset report is invalid; every failure is listed.</exception>
    public ListeningReport Calculate(JourneyFramework journey, PeriodGrid grid, IEnumerable<FeedbackSignal> signals, TopicTaxonomy? taxonomy = null, AssetMovementReport? assets = null)
    {
        long[]? active = ActiveCustomers(grid, assets);
        return ListeningReportBuilder.Build(Count(journey, grid, signals, taxonomy), _options, active);
    }

    /// <summary>Computes the listening report of feedback columns (the fast path; the same report as the record path).</summary>
    /// <param name="grid">The periods to report.</param>
    /// <param name="columns">The signals in columns, with their journey and taxonomy.</param>
    /// <param name="assets">The asset movements on the same grid, or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grid"/> or <paramref name="columns"/> is null.</exception>
    /// <exception cref="CxValidationException">A row is invalid (CX0717, with its position and column), a stage hint is
    /// unknown (CX0713), or the asset report is on another grid (CX0716).</exception>
    public ListeningReport Calculate(PeriodGrid grid, FeedbackColumns columns, AssetMovementReport? assets = null)
    {
        long[]? active = ActiveCustomers(grid, assets);
        return ListeningReportBuilder.Build(Count(grid, columns), _options, active);
    }

    /// <summary>Counts a part of the feedback records; see <see cref="ListeningPartial"/>.</summary>
    /// <param name="journey">The journey framework.</param>
    /// <param name="grid">The periods.</param>
    /// <param name="signals">This part's signals; may be empty.</param>
    /// <param name="taxonomy">The taxonomy, or null for the topics the signals carry.</param>
    /// <returns>The partial counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/>, <paramref name="grid"/> or <paramref name="signals"/> is null.</exception>
    /// <exception cref="CxValidationException">A signal or a stage hint is invalid.</exception>
    public ListeningPartial CountPartial(JourneyFramework journey, PeriodGrid grid, IEnumerable<FeedbackSignal> signals, TopicTaxonomy? taxonomy = null) =>
        new(Count(journey, grid, signals, taxonomy));

    /// <summary>Counts a part of the feedback in columns; see <see cref="ListeningPartial"/>.</summary>
    /// <param name="grid">The periods.</param>
    /// <param name="columns">This part's signals.</param>
    /// <returns>The partial counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grid"/> or <paramref name="columns"/> is null.</exception>
    /// <exception cref="CxValidationException">A row or a stage hint is invalid.</exception>
    public ListeningPartial CountPartial(PeriodGrid grid, FeedbackColumns columns) => new(Count(grid, columns));

    /// <summary>Builds the report from (merged) partial counts: the same report as computing the whole at once.</summary>
    /// <param name="partial">The counts.</param>
    /// <param name="assets">The asset movements on the same grid, or null.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partial"/> is null.</exception>
    /// <exception cref="CxValidationException">The asset report is on another grid (CX0716).</exception>
    public ListeningReport Report(ListeningPartial partial, AssetMovementReport? assets = null)
    {
        ArgumentNullException.ThrowIfNull(partial);
        return ListeningReportBuilder.Build(partial.Counts, _options, ActiveCustomers(partial.Grid, assets));
    }

    private static long[]? ActiveCustomers(PeriodGrid grid, AssetMovementReport? assets)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (assets is null)
        {
            return null;
        }

        if (assets.Grid != grid)
        {
            var failures = new FailureCollector();
            failures.Add(null, "asset movements", "Grid", CxErrorCodes.ListeningAssetsMismatch,
                $"Expected the asset movements on the listening grid {grid}, got {assets.Grid}. Compute the movements on the same grid.");
            failures.ThrowIfAny("listening input");
        }

        var active = new long[grid.Count];
        foreach (PeriodMovement m in assets.Periods)
        {
            active[m.Period.Index] = m.Customers.ActiveCount;
        }

        return active;
    }

    private ListeningCounts Count(JourneyFramework journey, PeriodGrid grid, IEnumerable<FeedbackSignal> signals, TopicTaxonomy? taxonomy)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(signals);
        IReadOnlyList<FeedbackSignal> list = signals as IReadOnlyList<FeedbackSignal> ?? [.. signals];
        TopicTaxonomy topics = taxonomy ?? TopicTaxonomy.FromIds(list.Where(s => s?.Topics is not null).SelectMany(s => s.Topics));
        topics.ValidateStageHints(journey);
        var layout = new ListeningLayout(grid, journey, topics, _options.Zone);
        var counts = new ListeningCounts(layout);
        var failures = new FailureCollector();
        FeedbackSignalValidator? validator = null;
        bool checkTopics = taxonomy is not null;
        Span<int> topicBuffer = stackalloc int[64];
        int[]? bigBuffer = null;
        for (int i = 0; i < list.Count; i++)
        {
            FeedbackSignal signal = list[i];
            if (signal is null)
            {
                failures.Add(i, null, "signal", CxErrorCodes.RecordNull, "Expected a feedback signal, got null.");
                continue;
            }

            if (!IsValid(signal, journey, topics, checkTopics))
            {
                validator ??= new FeedbackSignalValidator(journey, taxonomy);
                failures.AddRange(i, validator.Validate(signal));
                continue;
            }

            int period = layout.PeriodOf(signal.At.ToUnixTimeTicks());
            if (period < 0 || period >= layout.PeriodCount)
            {
                AddOutside(counts, period);
                continue;
            }

            int n = signal.Topics.Count;
            Span<int> topicIndexes = n <= topicBuffer.Length ? topicBuffer[..n] : (bigBuffer = new int[n]);
            for (int t = 0; t < n; t++)
            {
                topicIndexes[t] = topics.IndexOf(signal.Topics[t]);
            }

            int touchpoint = journey.IndexOfTouchpoint(signal.TouchpointId);
            int stage = signal.StageId is null ? -1 : journey.IndexOfStage(signal.StageId);
            SurveyAnswer answer = signal.Survey;
            int score = answer.Instrument == SurveyInstrument.Csat ? (answer.Score >= answer.ScaleMax - 1 ? 1 : 0) : answer.Score;
            counts.Add(counts.Row(period), (int)signal.Source, (int)signal.Kind, StageSlot(layout, stage, touchpoint, topicIndexes),
                touchpoint < 0 ? layout.TouchpointSlots - 1 : touchpoint, topicIndexes, (int)answer.Instrument, score,
                signal.Sentiment is { } sentiment ? ListeningCounts.Milli(sentiment) : int.MinValue);
        }

        failures.ThrowIfAny("feedback signals");
        return counts;
    }

    private ListeningCounts Count(PeriodGrid grid, FeedbackColumns columns)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(columns);
        return CountColumns(grid, columns, _options.Zone);
    }

    private static ListeningCounts CountColumns(PeriodGrid grid, FeedbackColumns columns, NodaTime.DateTimeZone zone)
    {
        JourneyFramework journey = columns.Journey;
        TopicTaxonomy topics = columns.Taxonomy;
        topics.ValidateStageHints(journey);
        var layout = new ListeningLayout(grid, journey, topics, zone);
        ReadOnlySpan<int> starts = columns.TopicStarts.Span;
        if (!starts.IsEmpty && (starts[0] != 0 || starts[^1] != columns.TopicIndexes.Length))
        {
            var failures = new FailureCollector();
            failures.Add(null, "feedback columns", "TopicStarts", CxErrorCodes.FeedbackColumnsInvalid,
                string.Create(CultureInfo.InvariantCulture, $"Expected topic starts from 0 to {columns.TopicIndexes.Length} (the number of topic indexes), got {starts[0]} to {starts[^1]}."));
            failures.ThrowIfAny("feedback columns");
        }

        // Large inputs are counted in blocks on every core, each into counts of its own (a row per period that holds a
        // signal, whatever the number of signals), merged in block order: integer sums, so the result is the same as one pass.
        int n = columns.Count;
        int blocks = n < ParallelThreshold ? 1 : Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, n / (ParallelThreshold / 4)));
        var parts = new ListeningCounts[blocks];
        var partFailures = new FailureCollector[blocks];
        if (blocks == 1)
        {
            parts[0] = new ListeningCounts(layout);
            partFailures[0] = new FailureCollector();
            CountRange(columns, layout, 0, n, parts[0], partFailures[0]);
        }
        else
        {
            Parallel.For(0, blocks, b =>
            {
                parts[b] = new ListeningCounts(layout);
                partFailures[b] = new FailureCollector();
                CountRange(columns, layout, (int)((long)n * b / blocks), (int)((long)n * (b + 1) / blocks), parts[b], partFailures[b]);
            });
        }

        var all = new FailureCollector();
        foreach (FailureCollector f in partFailures)
        {
            all.AddFrom(f);
        }

        all.ThrowIfAny("feedback columns");
        for (int b = 1; b < blocks; b++)
        {
            parts[0].AddFrom(parts[b]);
        }

        return parts[0];
    }

    /// <summary>Counts rows [from, to) of the columns; invalid rows go to the failures with their position.</summary>
    private static void CountRange(FeedbackColumns columns, ListeningLayout layout, int from, int to, ListeningCounts counts, FailureCollector failures)
    {
        int stageCount = layout.Journey.Stages.Count;
        int touchpointCount = layout.Journey.Touchpoints.Count;
        int topicCount = layout.Topics.Count;
        int noTouchpoint = layout.TouchpointSlots - 1;
        int csatMin = columns.CsatScaleMin;
        int csatMax = columns.CsatScaleMax;
        bool csatScaleOk = csatMax > csatMin && (long)csatMax - csatMin < SurveyAnswer.MaxScalePoints;
        ReadOnlySpan<long> ticks = columns.UnixTicks.Span;
        ReadOnlySpan<FeedbackSource> sources = columns.Sources.Span;
        ReadOnlySpan<FeedbackKind> kinds = columns.Kinds.Span;
        ReadOnlySpan<int> stages = columns.StageIndexes.Span;
        ReadOnlySpan<int> touchpoints = columns.TouchpointIndexes.Span;
        ReadOnlySpan<int> starts = columns.TopicStarts.Span;
        ReadOnlySpan<int> topicIndexes = columns.TopicIndexes.Span;
        ReadOnlySpan<SurveyInstrument> instruments = columns.Instruments.Span;
        ReadOnlySpan<short> scores = columns.Scores.Span;
        ReadOnlySpan<double> sentiments = columns.Sentiments.Span;
        bool hasTopics = !starts.IsEmpty;
        bool hasSurveys = !instruments.IsEmpty;
        bool hasSentiments = !sentiments.IsEmpty;
        int[] touchpointStage = layout.TouchpointStage;

        // The period of the previous row: time-ordered input stays in it for long runs, with two comparisons a row.
        int period = -2;
        long periodStart = long.MaxValue;
        long periodEnd = long.MinValue;
        long[] row = [];
        for (int i = from; i < to; i++)
        {
            int source = (int)sources[i];
            int kind = (int)kinds[i];
            int stage = stages[i];
            int touchpoint = touchpoints[i];
            int instrument = hasSurveys ? (int)instruments[i] : 0;
            int score = hasSurveys ? scores[i] : 0;
            double sentiment = hasSentiments ? sentiments[i] : double.NaN;
            ReadOnlySpan<int> rowTopics = default;
            bool ok = unchecked((uint)(source - 1) < 8u && (uint)(kind - 1) < 3u)
                && stage >= -1 && stage < stageCount && touchpoint >= -1 && touchpoint < touchpointCount
                && (stage < 0 || touchpoint < 0 || touchpointStage[touchpoint] == stage)
                && (double.IsNaN(sentiment) || (sentiment >= -1 && sentiment <= 1))
                && ((kind == (int)FeedbackKind.Survey) == (instrument != 0))
                && instrument switch
                {
                    0 => true,
                    (int)SurveyInstrument.Nps => score is >= 0 and <= 10,
                    (int)SurveyInstrument.Ces => score is >= 1 and <= 7,
                    (int)SurveyInstrument.Csat => csatScaleOk && score >= csatMin && score <= csatMax,
                    _ => false,
                };
            if (ok && hasTopics)
            {
                int first = starts[i];
                int last = starts[i + 1];
                ok = first <= last && last <= topicIndexes.Length;
                if (ok)
                {
                    rowTopics = topicIndexes[first..last];
                    for (int a = 0; a < rowTopics.Length && ok; a++)
                    {
                        ok = rowTopics[a] >= 0 && rowTopics[a] < topicCount;
                        for (int b = 0; b < a && ok; b++)
                        {
                            ok = rowTopics[a] != rowTopics[b];
                        }
                    }
                }
            }

            if (!ok)
            {
                ReportRow(failures, columns, layout, i);
                continue;
            }

            long t = ticks[i];
            if (t < periodStart || t >= periodEnd)
            {
                period = layout.PeriodOf(t);
                if (period < 0 || period >= layout.PeriodCount)
                {
                    AddOutside(counts, period);
                    periodStart = long.MaxValue;
                    periodEnd = long.MinValue;
                    continue;
                }

                periodStart = layout.Boundary(period);
                periodEnd = layout.Boundary(period + 1);
                row = counts.Row(period);
            }

            if (instrument == (int)SurveyInstrument.Csat)
            {
                score = score >= csatMax - 1 ? 1 : 0;
            }

            counts.Add(row, source, kind, StageSlot(layout, stage, touchpoint, rowTopics), touchpoint < 0 ? noTouchpoint : touchpoint, rowTopics,
                instrument, score, double.IsNaN(sentiment) ? int.MinValue : ListeningCounts.Milli(sentiment));
        }
    }

    /// <summary>The stage slot of a signal: its stage, else its touchpoint's, else its first topic's hint, else "no stage".</summary>
    private static int StageSlot(ListeningLayout layout, int stage, int touchpoint, ReadOnlySpan<int> topics)
    {
        if (stage >= 0)
        {
            return stage;
        }

        if (touchpoint >= 0)
        {
            return layout.TouchpointStage[touchpoint];
        }

        foreach (int t in topics)
        {
            int hint = layout.TopicStageHint[t];
            if (hint >= 0)
            {
                return hint;
            }
        }

        return layout.StageSlots - 1;
    }

    private static void AddOutside(ListeningCounts counts, int period)
    {
        if (period < 0)
        {
            counts.BeforeGrid++;
        }
        else
        {
            counts.AfterGrid++;
        }
    }

    /// <summary>The same judgement as <see cref="FeedbackSignalValidator"/>, without building failures.</summary>
    private static bool IsValid(FeedbackSignal s, JourneyFramework journey, TopicTaxonomy topics, bool checkTopics)
    {
        if (s.Source is <= FeedbackSource.Unknown or > FeedbackSource.Other || s.Kind is <= FeedbackKind.Unknown or > FeedbackKind.Survey)
        {
            return false;
        }

        int stage = s.StageId is null ? -1 : journey.IndexOfStage(s.StageId);
        int touchpoint = s.TouchpointId is null ? -1 : journey.IndexOfTouchpoint(s.TouchpointId);
        if ((s.StageId is not null && stage < 0) || (s.TouchpointId is not null && touchpoint < 0)
            || (stage >= 0 && touchpoint >= 0 && journey.IndexOfStage(journey.Touchpoints[touchpoint].StageId) != stage))
        {
            return false;
        }

        IReadOnlyList<string>? list = s.Topics;
        if (list is null)
        {
            return false;
        }

        for (int a = 0; a < list.Count; a++)
        {
            if (string.IsNullOrWhiteSpace(list[a]) || (checkTopics && topics.IndexOf(list[a]) < 0))
            {
                return false;
            }

            for (int b = 0; b < a; b++)
            {
                if (string.Equals(list[a], list[b], StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        if (s.Sentiment is { } v && !(double.IsFinite(v) && v >= -1 && v <= 1))
        {
            return false;
        }

        SurveyAnswer answer = s.Survey;
        return (s.Kind == FeedbackKind.Survey) == (answer.Instrument != SurveyInstrument.None)
            && (answer.Instrument == SurveyInstrument.None || answer.IsValid)
            && (s.Customer is null || !s.Customer.Value.IsEmpty);
    }

    private static void ReportRow(FailureCollector failures, FeedbackColumns c, ListeningLayout layout, int i)
    {
        var inv = CultureInfo.InvariantCulture;
        FeedbackSource source = c.Sources.Span[i];
        FeedbackKind kind = c.Kinds.Span[i];
        int stage = c.StageIndexes.Span[i];
        int touchpoint = c.TouchpointIndexes.Span[i];
        string code = CxErrorCodes.FeedbackColumnsInvalid;
        if (source is <= FeedbackSource.Unknown or > FeedbackSource.Other)
        {
            failures.Add(i, null, "Sources", code, $"Expected a source (CallCenter to Other), got {EnumText.Of(source)}.");
        }

        if (kind is <= FeedbackKind.Unknown or > FeedbackKind.Survey)
        {
            failures.Add(i, null, "Kinds", code, $"Expected a kind (Unaided, Complaint or Survey), got {EnumText.Of(kind)}.");
        }

        if (stage < -1 || stage >= layout.Journey.Stages.Count)
        {
            failures.Add(i, null, "StageIndexes", code, string.Create(inv, $"Expected a stage index from -1 (none) to {layout.Journey.Stages.Count - 1}, got {stage}."));
        }

        if (touchpoint < -1 || touchpoint >= layout.Journey.Touchpoints.Count)
        {
            failures.Add(i, null, "TouchpointIndexes", code, string.Create(inv, $"Expected a touchpoint index from -1 (none) to {layout.Journey.Touchpoints.Count - 1}, got {touchpoint}."));
        }
        else if (stage >= 0 && stage < layout.Journey.Stages.Count && touchpoint >= 0 && layout.TouchpointStage[touchpoint] != stage)
        {
            failures.Add(i, null, "TouchpointIndexes", code, string.Create(inv, $"Expected touchpoint {touchpoint} ('{layout.Journey.Touchpoints[touchpoint].Id}') to belong to stage {stage} ('{layout.Journey.Stages[stage].Id}'), but it belongs to '{layout.Journey.Touchpoints[touchpoint].StageId}'."));
        }

        if (!c.TopicStarts.IsEmpty)
        {
            ReadOnlySpan<int> starts = c.TopicStarts.Span;
            int from = starts[i];
            int to = starts[i + 1];
            if (from > to || to > c.TopicIndexes.Length)
            {
                failures.Add(i, null, "TopicStarts", code, string.Create(inv, $"Expected non-decreasing topic starts within the {c.TopicIndexes.Length} topic indexes, got {from} then {to}."));
            }
            else
            {
                ReadOnlySpan<int> row = c.TopicIndexes.Span[from..to];
                for (int a = 0; a < row.Length; a++)
                {
                    if (row[a] < 0 || row[a] >= layout.Topics.Count)
                    {
                        failures.Add(i, null, "TopicIndexes", code, string.Create(inv, $"Expected topic indexes from 0 to {layout.Topics.Count - 1}, got {row[a]}."));
                    }
                    else if (row[..a].Contains(row[a]))
                    {
                        failures.Add(i, null, "TopicIndexes", code, string.Create(inv, $"Expected each topic once per signal, got topic {row[a]} ('{layout.Topics.Topics[row[a]].Id}') again."));
                    }
                }
            }
        }

        double sentiment = c.Sentiments.IsEmpty ? double.NaN : c.Sentiments.Span[i];
        if (!double.IsNaN(sentiment) && !(sentiment >= -1 && sentiment <= 1))
        {
            failures.Add(i, null, "Sentiments", code, string.Create(inv, $"Expected a sentiment from -1 to 1, or NaN for none, got {sentiment}."));
        }

        SurveyInstrument instrument = c.Instruments.IsEmpty ? SurveyInstrument.None : c.Instruments.Span[i];
        int score = c.Scores.IsEmpty ? 0 : c.Scores.Span[i];
        if ((kind == FeedbackKind.Survey) != (instrument != SurveyInstrument.None))
        {
            failures.Add(i, null, "Instruments", code, kind == FeedbackKind.Survey
                ? "Expected an instrument (Nps, Csat or Ces) on a survey row, got None."
                : $"Expected no instrument on a {kind} row, got {instrument}.");
        }
        else if (instrument != SurveyInstrument.None)
        {
            bool scoreOk = instrument switch
            {
                SurveyInstrument.Nps => score is >= 0 and <= 10,
                SurveyInstrument.Ces => score is >= 1 and <= 7,
                SurveyInstrument.Csat => c.CsatScaleMax > c.CsatScaleMin && (long)c.CsatScaleMax - c.CsatScaleMin < SurveyAnswer.MaxScalePoints && score >= c.CsatScaleMin && score <= c.CsatScaleMax,
                _ => false,
            };
            if (!scoreOk)
            {
                failures.Add(i, null, "Scores", code, string.Create(inv, $"Expected a {instrument} score on its scale, got {score} (CSAT scale {c.CsatScaleMin}-{c.CsatScaleMax}, NPS 0-10, CES 1-7)."));
            }
        }
    }
}
