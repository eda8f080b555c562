using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The warning episode open at an evaluation instant: the episode machine run over the judged instants
/// <c>asOf - k step</c>, from the last quiet period before it.</summary>
/// <remarks>It scans back from the evaluation instant for the latest firing within the quiet period (none: no open
/// episode), then further back until a quiet period without firing (at most <see cref="MaxSteps"/> steps, or to the first
/// event), and runs the machine forward from there: its cost grows with the open episode, not with the history, and it
/// opens the episode exactly where a backtest judging the same instants would.</remarks>
internal static class EpisodeLookback
{
    /// <summary>The most judged instants the look-back scans.</summary>
    public const int MaxSteps = 1_000_000;

    public static WarningEpisode? OpenAt(StandardWarnings detectors, Instant asOf, Duration step)
    {
        if (detectors.DetectorCount == 0)
        {
            return null;
        }

        long t0 = asOf.ToUnixTimeTicks();
        long s = step.BclCompatibleTicks;
        long quiet = detectors.Quiet.BclCompatibleTicks;
        long firstEvent = detectors.Series.Count > 0 ? detectors.Series.TickAt(0) : t0;
        long earliest = Math.Max(t0 - (s * (long)Math.Min(MaxSteps, (t0 - firstEvent) / s + 1)), firstEvent - s);
        long? lastFiring = null;
        for (long t = t0; t > t0 - quiet && t >= earliest; t -= s)
        {
            if (detectors.FiringAt(t) != 0)
            {
                lastFiring = t;
                break;
            }
        }

        if (lastFiring is not { } latest)
        {
            return null;
        }

        long start = latest;
        bool truncated = true;
        for (long t = latest - s; t >= earliest; t -= s)
        {
            if (detectors.FiringAt(t) != 0)
            {
                start = t;
            }
            else if (start - t >= quiet)
            {
                truncated = false;
                break;
            }
        }

        if (truncated)
        {
            start = t0 - ((t0 - earliest) / s * s);
        }

        var machine = new EpisodeMachine(detectors, truncated ? start : long.MinValue);
        Instant[]? bounds = detectors.Standard.Window.Kind == EvaluationWindowKind.Calendar ? detectors.Standard.Window.CalendarBoundaries() : null;
        for (long t = start; t <= t0; t += s)
        {
            machine.Step(t, detectors.FiringAt(t), BreachedAt(detectors, bounds, t));
        }

        return machine.Open();
    }

    private static bool BreachedAt(StandardWarnings detectors, Instant[]? bounds, long t)
    {
        ReliabilityStandard standard = detectors.Standard;
        StandardSeries series = detectors.Series;
        if (bounds is null)
        {
            (long events, long bad) = series.Rolling(t - standard.Window.Length.BclCompatibleTicks, t);
            return BacktestRunner.Breached(standard, events, bad);
        }

        Instant at = Instant.FromUnixTimeTicks(t);
        int k = Array.BinarySearch(bounds, at);
        int period = k >= 0 ? k : ~k - 1;
        if (period < 0 || period >= bounds.Length - 1)
        {
            return false;
        }

        (long e, long b) = StandardCounts.CalendarRange(series, bounds[period], bounds[period + 1], series.UpperBound(t));
        return BacktestRunner.Breached(standard, e, b);
    }
}
