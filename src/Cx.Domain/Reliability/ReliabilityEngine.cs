using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reliability;

/// <summary>The judgement shared by evaluation and backtest: drift per standard, status and reasons from counts.</summary>
internal static class ReliabilityEngine
{
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");

    public static string Time(Instant at) => TimePattern.Format(at);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The individual-value charts of one standard's series as of an instant: the baseline, every signal with its
    /// time, and the ticks of the signals in the adverse direction.</summary>
    public static DriftResult Drift(StandardSeries series, ReliabilityStandard standard, Instant asOf, IndividualValueCharts charts)
    {
        long t = asOf.ToUnixTimeTicks();
        int upTo = series.UpperBound(t);
        int monitorFrom = 0;
        DriftBaseline baseline;
        if (standard.Baseline is { } given)
        {
            baseline = given;
        }
        else if (standard.ReferenceInterval is { } reference)
        {
            if (reference.End > asOf)
            {
                return DriftResult.None($"no drift baseline yet: the reference interval ends {Time(reference.End)}, after the evaluation instant");
            }

            int a = series.LowerBound(reference.Start.ToUnixTimeTicks());
            int b = series.LowerBound(reference.End.ToUnixTimeTicks());
            var referenceValues = new ArraySegment<double>(series.Values, series.Offset + a, b - a);
            if (!DriftBaseline.TryFromMovingRange(referenceValues, out baseline, out string? problem))
            {
                return DriftResult.None("no drift baseline: " + problem);
            }

            monitorFrom = b;
        }
        else
        {
            return DriftResult.None("no drift baseline: the standard gives neither a baseline nor a reference interval");
        }

        var values = new ArraySegment<double>(series.Values, series.Offset + monitorFrom, Math.Max(0, upTo - monitorFrom));
        var signals = new List<DriftSignal>();
        signals.AddRange(EwmaChart.Compute(values, baseline, charts.Ewma).Signals);
        signals.AddRange(CusumChart.Compute(values, baseline, charts.Cusum).Signals);
        signals.AddRange(RunRules.Evaluate(values, baseline, charts.RunRules));
        DriftDirection adverse = standard.Comparison == ThresholdComparison.AtMost ? DriftDirection.Up : DriftDirection.Down;
        ImmutableArray<DriftSignal> timed = [.. signals
            .Select(s => s.WithTime(Instant.FromUnixTimeTicks(series.TickAt(monitorFrom + s.Index))))
            .OrderBy(s => s.Index).ThenBy(s => s.Source).ThenBy(s => s.Rule)];
        return new DriftResult(baseline, timed, null, adverse);
    }

    /// <summary>Builds the evaluation of one standard from its counts and, for a whole evaluation, its detectors and open
    /// episode (without them, as for merged partial counts, the burn-rate rules firing now decide the watch).</summary>
    public static StandardEvaluation Build(StandardCounts counts, StandardWarnings? warnings, WarningEpisode? episode, EarlyWarningPolicy policy)
    {
        ReliabilityStandard standard = counts.Standard;
        var windows = ImmutableArray.CreateBuilder<WindowEvaluation>(counts.Starts.Length);
        for (int w = 0; w < counts.Starts.Length; w++)
        {
            bool complete = !counts.IsCalendar || counts.Ends[w] <= counts.AsOf;
            windows.Add(new WindowEvaluation(counts.Labels[w], counts.Starts[w], counts.Ends[w], complete, counts.WindowEvents[w], counts.WindowBad[w], standard));
        }

        WindowEvaluation? current = counts.CurrentIndex >= 0 ? windows[counts.CurrentIndex] : null;
        BurnRateRules? rules = policy.BurnRate;
        ImmutableArray<BurnRateAlert> alerts = rules is null || counts.Policy is null ? [] : [.. counts.Policy.Pairs.Select((p, i) =>
            new BurnRateAlert(p, counts.LongEvents[i], counts.LongBad[i], counts.ShortEvents[i], counts.ShortBad[i], counts.TrafficEvents, standard, rules))];

        var reasons = ImmutableArray.CreateBuilder<StatusReason>();
        StandardStatus status;
        bool firing = alerts.Any(a => a.IsFiring);
        if (current?.Status == WindowStatus.Breached)
        {
            status = StandardStatus.Breached;
            reasons.Add(WindowReason(current, standard));
        }
        else if (warnings is null ? firing : episode is not null)
        {
            status = StandardStatus.Watch;
        }
        else if (current is null || current.Status == WindowStatus.NotEnoughData)
        {
            status = StandardStatus.NoData;
        }
        else
        {
            status = StandardStatus.Reliable;
        }

        foreach (BurnRateAlert alert in alerts.Where(a => a.IsFiring))
        {
            reasons.Add(new StatusReason(StatusReasonKind.BurnRate, BurnRateGate.Describe(alert.Pair, alert.LongEventCount, alert.LongBadEventCount, alert.ShortEventCount, alert.ShortBadEventCount, counts.TrafficEvents, standard, rules!)));
        }

        if (warnings is not null)
        {
            long t = counts.AsOf.ToUnixTimeTicks();
            for (int d = 0; d < warnings.Intervals.Length; d++)
            {
                int at = StandardWarnings.SpanAt(warnings.Intervals[d], t);
                if (at >= 0)
                {
                    WarningDetectorKind kind = warnings.Kinds[warnings.Pairs.Length + d];
                    FiringInterval span = warnings.Intervals[d][at];

                    // The figures are those of the crossing; say when it was, so that an old crossing does not read as news.
                    string since = Time(Instant.FromUnixTimeTicks(span.Start));
                    string text = span.Description.Contains(since, StringComparison.Ordinal) ? span.Description : $"{span.Description}; firing since {since}";
                    reasons.Add(new StatusReason(kind == WarningDetectorKind.BernoulliCusum ? StatusReasonKind.BernoulliCusum : StatusReasonKind.Drift, text));
                }
            }
        }

        if (episode is not null)
        {
            reasons.Add(new StatusReason(StatusReasonKind.Episode, EpisodeText(episode, counts.AsOf, warnings!.Quiet)));
        }

        if (status != StandardStatus.Breached)
        {
            reasons.Add(current is null
                ? new StatusReason(StatusReasonKind.NotEnoughData, $"no evaluation window holds {Time(counts.AsOf)} (the calendar grid does not cover it)")
                : WindowReason(current, standard));
        }

        if (warnings?.Unavailable is { } why)
        {
            reasons.Add(new StatusReason(StatusReasonKind.DriftUnavailable, why));
        }

        DriftBaseline? baseline = warnings?.Drift?.Baseline
            ?? (warnings?.ValueDriftBaseline is { } robust ? DriftBaseline.FromMeanAndSigma(robust.Mean, robust.Sigma) : null);
        return new StandardEvaluation(
            standard, counts.AsOf, status, reasons.ToImmutable(), current, windows.MoveToImmutable(), alerts, warnings?.Drift?.Signals ?? [], baseline,
            counts.EventCount, counts.AfterAsOf, counts.Outside, episode);
    }

    private static string EpisodeText(WarningEpisode e, Instant asOf, Duration quiet)
    {
        string since = e.OpenedBeforeFirstJudgedInstant ? "at least since " + Time(e.OpenedAt) : "since " + Time(e.OpenedAt);
        string detectors = string.Join(", ", e.Detectors);
        string last = e.LastFiringAt == asOf || asOf - e.LastFiringAt < Duration.FromTicks(1)
            ? string.Empty
            : $"; nothing has fired since {Time(e.LastFiringAt)}, it closes after {DurationText.Format(quiet)} without firing";
        return $"warning episode open {since} (peak {e.PeakSeverity.ToString().ToLowerInvariant()}; {detectors}){last}";
    }

    private static StatusReason WindowReason(WindowEvaluation w, ReliabilityStandard standard) => w.Status switch
    {
        WindowStatus.Breached => new StatusReason(StatusReasonKind.ObjectiveBreached, string.Create(
            CultureInfo.InvariantCulture,
            $"compliance {Percent(w.Compliance!.Value)} (bad {w.BadEventCount} of {w.EventCount}) is below the objective {Percent(standard.Objective)} in {w.Label}; budget consumed {Percent(w.BudgetConsumed)}")),
        WindowStatus.Met => new StatusReason(StatusReasonKind.ObjectiveMet, string.Create(
            CultureInfo.InvariantCulture,
            $"compliance {Percent(w.Compliance!.Value)} (bad {w.BadEventCount} of {w.EventCount}) meets the objective {Percent(standard.Objective)} in {w.Label}; budget consumed {Percent(w.BudgetConsumed)}")),
        _ => new StatusReason(StatusReasonKind.NotEnoughData, string.Create(
            CultureInfo.InvariantCulture,
            $"{w.EventCount} event{(w.EventCount == 1 ? string.Empty : "s")} in {w.Label}, fewer than the {standard.MinimumEvents} needed for a verdict")),
    };
}

/// <summary>The individual-value charts of one standard: baseline, timed signals, or why there is none.</summary>
internal sealed class DriftResult(DriftBaseline? baseline, ImmutableArray<DriftSignal> signals, string? unavailable, DriftDirection adverse)
{
    public DriftBaseline? Baseline { get; } = baseline;

    public ImmutableArray<DriftSignal> Signals { get; } = signals;

    public string? Unavailable { get; } = unavailable;

    public DriftDirection Adverse { get; } = adverse;

    public static DriftResult None(string? why) => new(null, [], why, DriftDirection.None);
}
