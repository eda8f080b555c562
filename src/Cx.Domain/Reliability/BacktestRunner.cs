using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The backtest of one standard under one policy in a single pass over the judged instants: rolling counts by
/// cursors that only move forward, sequential detectors by pointers into their firing spans, then episodes and breaches
/// matched by two-pointer sweeps. Linear in judged instants plus events plus episodes and breaches.</summary>
internal static class BacktestRunner
{
    public static StandardBacktest Run(StandardSeries series, ReliabilityStandard standard, EarlyWarningPolicy policy, Instant from, Instant to, Duration step)
    {
        var detectors = new StandardWarnings(series, standard, policy, to);
        BurnRateWindowPair[] pairs = detectors.Pairs;
        var longCursors = new RollingCursor[pairs.Length];
        var shortCursors = new RollingCursor[pairs.Length];
        for (int p = 0; p < pairs.Length; p++)
        {
            longCursors[p] = new RollingCursor(series, pairs[p].LongWindow.BclCompatibleTicks);
            shortCursors[p] = new RollingCursor(series, pairs[p].ShortWindow.BclCompatibleTicks);
        }

        var windowCursor = new RollingCursor(series, detectors.Window.BclCompatibleTicks);
        var breachCursor = new RollingCursor(series, standard.Window.Kind == EvaluationWindowKind.Rolling ? standard.Window.Length.BclCompatibleTicks : 1);
        int[] spanAt = new int[detectors.Intervals.Length];
        Instant[]? bounds = standard.Window.Kind == EvaluationWindowKind.Calendar ? standard.Window.CalendarBoundaries() : null;
        long[]? boundTicks = bounds?.Select(b => b.ToUnixTimeTicks()).ToArray();
        int period = -1;
        int periodFirst = 0;
        int lastBreachPeriod = -1;
        var machine = new EpisodeMachine(detectors, from.ToUnixTimeTicks());
        var breaches = new List<(Instant At, string Label, Instant Since)>();
        bool previousBreached = false;
        Instant lastBreachEnd = Instant.MinValue;
        long stepTicks = step.BclCompatibleTicks;
        long end = to.ToUnixTimeTicks();
        for (long tick = from.ToUnixTimeTicks(); tick <= end; tick += stepTicks)
        {
            Instant t = Instant.FromUnixTimeTicks(tick);

            // The breach verdict of the current window.
            bool breached;
            string? label = null;
            breachCursor.Advance(tick);
            if (boundTicks is not null)
            {
                while (period + 1 < boundTicks.Length && boundTicks[period + 1] <= tick)
                {
                    period++;
                    if (period < boundTicks.Length - 1)
                    {
                        periodFirst = series.LowerBound(boundTicks[period]);
                    }
                }

                bool hasWindow = period >= 0 && period < boundTicks.Length - 1;
                long events = hasWindow ? breachCursor.High - periodFirst : 0;
                long bad = events > 0 ? series.Bad(periodFirst, breachCursor.High) : 0;
                breached = hasWindow && Breached(standard, events, bad);
                if (breached && period != lastBreachPeriod)
                {
                    label = standard.Window.Grid![period].Label;
                    lastBreachPeriod = period;
                }
            }
            else
            {
                breached = Breached(standard, breachCursor.Count, breachCursor.Bad);
                if (breached && !previousBreached)
                {
                    label = ReliabilityEngine.Time(t - standard.Window.Length) + ".." + ReliabilityEngine.Time(t);
                }
            }

            if (label is not null)
            {
                breaches.Add((t, label, Instant.Max(lastBreachEnd, t - detectors.Window)));
            }

            if (!breached && previousBreached)
            {
                lastBreachEnd = t;
            }

            previousBreached = breached;

            // The firing set.
            ulong mask = 0;
            if (pairs.Length > 0)
            {
                windowCursor.Advance(tick);
                for (int p = 0; p < pairs.Length; p++)
                {
                    longCursors[p].Advance(tick);
                    if (longCursors[p].Bad == 0)
                    {
                        continue;
                    }

                    shortCursors[p].Advance(tick);
                    if (BurnRateGate.Fires(pairs[p], longCursors[p].Count, longCursors[p].Bad, shortCursors[p].Count, shortCursors[p].Bad, windowCursor.Count, standard, detectors.Rules!))
                    {
                        mask |= 1UL << p;
                    }
                }
            }

            for (int d = 0; d < spanAt.Length; d++)
            {
                List<FiringInterval> spans = detectors.Intervals[d];
                while (spanAt[d] < spans.Count && spans[spanAt[d]].End <= tick)
                {
                    spanAt[d]++;
                }

                if (spanAt[d] < spans.Count && spans[spanAt[d]].Start <= tick)
                {
                    mask |= 1UL << (pairs.Length + d);
                }
            }

            machine.Step(tick, mask, breached);
        }

        List<WarningEpisode> episodes = machine.Finish();
        Duration horizon = policy.TrueEpisodeHorizonFor(standard);

        // Each episode against the first breach at or after its opening; breaches and openings are both in time order.
        var judged = new List<WarningEpisode>(episodes.Count);
        int j = 0;
        foreach (WarningEpisode e in episodes)
        {
            while (j < breaches.Count && breaches[j].At < e.OpenedAt)
            {
                j++;
            }

            bool isTrue = j < breaches.Count && (breaches[j].At < (e.ClosedAt ?? Instant.MaxValue) || breaches[j].At <= e.OpenedAt + horizon);
            judged.Add(e.Judged(isTrue ? EpisodeVerdict.True : EpisodeVerdict.False, isTrue ? breaches[j].At : null));
        }

        // Each breach against the first episode still open at its look-back start; the look-back starts only move forward.
        var breachResults = new List<BacktestBreach>(breaches.Count);
        int i = 0;
        foreach ((Instant at, string label, Instant since) in breaches)
        {
            while (i < judged.Count && judged[i].ClosedAt is { } closed && closed <= since)
            {
                i++;
            }

            Instant? warned = i < judged.Count && judged[i].OpenedAt < at ? Instant.Max(since, judged[i].OpenedAt) : null;
            breachResults.Add(new BacktestBreach(at, label, warned));
        }

        return new StandardBacktest(standard, from, to, step, judged, breachResults, detectors.Unavailable);
    }

    /// <summary>The step of a backtest: the configured one, or the shortest short window of the standard's burn-rate rules
    /// (of the workbook's derived rules without any), widened so that the span needs at most <paramref name="maxSteps"/>.</summary>
    public static Duration Step(ReliabilityStandard standard, EarlyWarningPolicy policy, Duration? configured, Duration span, int maxSteps)
    {
        Duration step = configured ?? (policy.BurnRatePolicyFor(standard) ?? BurnRatePolicy.Derive(standard.Window.NominalLength)).ShortestWindow;
        if (span / step > maxSteps)
        {
            // Widened to whole minutes, so that judged instants read well.
            long ticks = (long)Math.Ceiling(span.BclCompatibleTicks / (double)maxSteps);
            step = Duration.FromTicks((ticks + NodaTime.NodaConstants.TicksPerMinute - 1) / NodaTime.NodaConstants.TicksPerMinute * NodaTime.NodaConstants.TicksPerMinute);
        }

        return step;
    }

    internal static bool Breached(ReliabilityStandard standard, long events, long bad) =>
        events >= standard.MinimumEvents && standard.Allowed.Exceeded(events, bad);

    /// <summary>Events and bad events in the rolling range (t - length, t] for a t that only grows.</summary>
    private sealed class RollingCursor(StandardSeries series, long length)
    {
        private int _low;

        public int High { get; private set; }

        public long Count => High - _low;

        public long Bad => High > _low ? series.Bad(_low, High) : 0;

        public void Advance(long t)
        {
            int n = series.Count;
            while (High < n && series.TickAt(High) <= t)
            {
                High++;
            }

            long from = t - length;
            while (_low < n && series.TickAt(_low) <= from)
            {
                _low++;
            }
        }
    }
}
