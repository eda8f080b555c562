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

    /// <summary>Drift of one standard's series as of an instant: the baseline, every signal with its time, and the ticks of
    /// the signals in the adverse direction.</summary>
    public static DriftResult Drift(StandardSeries series, ReliabilityStandard standard, Instant asOf, ReliabilityEvaluationOptions options)
    {
        if (!options.DetectDrift)
        {
            return DriftResult.None(null);
        }

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
                return DriftResult.None(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no drift baseline yet: the reference interval ends {Time(reference.End)}, after the evaluation instant"));
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
        signals.AddRange(EwmaChart.Compute(values, baseline, options.Ewma).Signals);
        signals.AddRange(CusumChart.Compute(values, baseline, options.Cusum).Signals);
        signals.AddRange(RunRules.Evaluate(values, baseline, options.RunRules));
        DriftDirection adverse = standard.Comparison == ThresholdComparison.AtMost ? DriftDirection.Up : DriftDirection.Down;
        ImmutableArray<DriftSignal> timed = [.. signals
            .Select(s => s.WithTime(Instant.FromUnixTimeTicks(series.TickAt(monitorFrom + s.Index))))
            .OrderBy(s => s.Index).ThenBy(s => s.Source).ThenBy(s => s.Rule)];
        long[] adverseTicks = timed.Where(s => s.Direction == adverse).Select(s => s.At!.Value.ToUnixTimeTicks()).Distinct().Order().ToArray();
        return new DriftResult(baseline, timed, adverseTicks, null, adverse);
    }

    /// <summary>The latest adverse signal in (t - memory, t], or null.</summary>
    public static DriftSignal? ActiveDrift(DriftResult drift, Instant t, Duration memory)
    {
        DriftSignal? latest = null;
        foreach (DriftSignal s in drift.Signals)
        {
            if (s.Direction == drift.Adverse && s.At is { } at && at <= t && at > t - memory)
            {
                latest = s;
            }
        }

        return latest;
    }

    public static bool DriftActiveFast(DriftResult drift, long t, long memoryTicks)
    {
        long[] ticks = drift.AdverseTicks;
        int i = Array.BinarySearch(ticks, t);
        int at = i >= 0 ? i : ~i - 1;
        return at >= 0 && ticks[at] > t - memoryTicks;
    }

    /// <summary>Builds the evaluation of one standard from its counts and drift.</summary>
    public static StandardEvaluation Build(StandardCounts counts, DriftResult? drift, ReliabilityEvaluationOptions options)
    {
        ReliabilityStandard standard = counts.Standard;
        var windows = ImmutableArray.CreateBuilder<WindowEvaluation>(counts.Starts.Length);
        for (int w = 0; w < counts.Starts.Length; w++)
        {
            bool complete = !counts.IsCalendar || counts.Ends[w] <= counts.AsOf;
            windows.Add(new WindowEvaluation(counts.Labels[w], counts.Starts[w], counts.Ends[w], complete, counts.WindowEvents[w], counts.WindowBad[w], standard));
        }

        WindowEvaluation? current = counts.CurrentIndex >= 0 ? windows[counts.CurrentIndex] : null;
        ImmutableArray<BurnRateAlert> alerts = [.. counts.Policy.Pairs.Select((p, i) =>
            new BurnRateAlert(p, counts.LongEvents[i], counts.LongBad[i], counts.ShortEvents[i], counts.ShortBad[i], standard, options.MinimumEventsInLongWindow))];
        Duration memory = options.DriftMemory ?? counts.Policy.LongestWindow;
        DriftSignal? activeDrift = drift is null ? null : ActiveDrift(drift, counts.AsOf, memory);

        var reasons = ImmutableArray.CreateBuilder<StatusReason>();
        StandardStatus status;
        bool firing = alerts.Any(a => a.IsFiring);
        if (current?.Status == WindowStatus.Breached)
        {
            status = StandardStatus.Breached;
            reasons.Add(WindowReason(current, standard));
        }
        else if (firing || activeDrift is not null)
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
            reasons.Add(new StatusReason(StatusReasonKind.BurnRate, AlertText(alert)));
        }

        if (activeDrift is not null)
        {
            reasons.Add(new StatusReason(StatusReasonKind.Drift, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"drift: {activeDrift.Description} at {Time(activeDrift.At!.Value)}")));
        }

        if (status != StandardStatus.Breached)
        {
            reasons.Add(current is null
                ? new StatusReason(StatusReasonKind.NotEnoughData, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no evaluation window holds {Time(counts.AsOf)} (the calendar grid does not cover it)"))
                : WindowReason(current, standard));
        }

        if (drift?.Unavailable is { } why)
        {
            reasons.Add(new StatusReason(StatusReasonKind.DriftUnavailable, why));
        }

        return new StandardEvaluation(
            standard, counts.AsOf, status, reasons.ToImmutable(), current, windows.MoveToImmutable(), alerts, drift?.Signals ?? [], drift?.Baseline,
            counts.EventCount, counts.AfterAsOf, counts.Outside);
    }

    public static string AlertText(BurnRateAlert a) => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.Pair.Severity.ToString().ToLowerInvariant()}: burn rate {a.LongBurnRate:0.##} over {DurationText.Format(a.Pair.LongWindow)} (n={a.LongEventCount}, bad {a.LongBadEventCount}) and {a.ShortBurnRate:0.##} over {DurationText.Format(a.Pair.ShortWindow)} (n={a.ShortEventCount}, bad {a.ShortBadEventCount}) exceed {a.Pair.Factor:0.##}");

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

/// <summary>The drift of one standard: baseline, timed signals, ticks of adverse signals, or why there is none.</summary>
internal sealed class DriftResult(DriftBaseline? baseline, ImmutableArray<DriftSignal> signals, long[] adverseTicks, string? unavailable, DriftDirection adverse)
{
    public DriftBaseline? Baseline { get; } = baseline;

    public ImmutableArray<DriftSignal> Signals { get; } = signals;

    public long[] AdverseTicks { get; } = adverseTicks;

    public string? Unavailable { get; } = unavailable;

    public DriftDirection Adverse { get; } = adverse;

    public static DriftResult None(string? why) => new(null, [], [], why, DriftDirection.None);
}
