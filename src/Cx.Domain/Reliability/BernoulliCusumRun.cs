using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Runs a <see cref="BernoulliCusumDetector"/> over one standard's events in time order and returns the spans in
/// which it fires.</summary>
/// <remarks>The decision interval is redesigned every quarter of the standard's window length, counted from the first event,
/// from the events of the window before (scaled up to a whole window while less than one has passed); in the first quarter
/// the chart waits. Events with one instant are all counted before the state is read.</remarks>
internal static class BernoulliCusumRun
{
    public static List<FiringInterval> Run(StandardSeries series, ReliabilityStandard standard, BernoulliCusumDetector detector, long horizon, out BernoulliCusumDesign? lastDesign)
    {
        var intervals = new List<FiringInterval>();
        lastDesign = null;
        int n = series.UpperBound(horizon);
        if (n == 0)
        {
            return intervals;
        }

        long window = standard.Window.NominalLength.BclCompatibleTicks;
        long quarter = Math.Max(1, window / 4);
        long first = series.TickAt(0);
        double p0 = detector.InControlShareFor(standard);
        double threshold = standard.Threshold;
        bool atMost = standard.Comparison == ThresholdComparison.AtMost;
        (int a, int m) = BernoulliCusumDesign.ScaledReference(p0, Math.Min(detector.DesignShareFactor * p0, (1 + p0) / 2));
        int up = m - a;
        long nextRedesign = first + quarter;
        int trailing = 0;
        BernoulliCusumDesign? design = null;
        long s = 0;
        long runEvents = 0;
        long runBad = 0;
        long openStart = -1;
        string? openText = null;
        int i = 0;
        while (i < n)
        {
            long tick = series.TickAt(i);
            if (tick >= nextRedesign)
            {
                // Redesign at the last quarter-window boundary at or before this event, from the traffic of the window before it
                // (scaled up while less than a window has passed since the first event).
                long boundary = nextRedesign + ((tick - nextRedesign) / quarter * quarter);
                while (series.TickAt(trailing) <= boundary - window)
                {
                    trailing++;
                }

                long events = i - trailing;
                long elapsed = boundary - first;
                double perWindow = elapsed < window ? events * (double)window / elapsed : events;
                design = perWindow >= 1 ? detector.DesignFor(standard, (long)Math.Ceiling(perWindow)) : null;
                lastDesign = design ?? lastDesign;
                nextRedesign = boundary + quarter;
            }

            // Every event with this instant, then the state.
            for (; i < n && series.TickAt(i) == tick; i++)
            {
                if (design is null)
                {
                    continue;
                }

                double v = series.ValueAt(i);
                bool bad = atMost ? !(v <= threshold) : !(v >= threshold);
                s = bad ? s + up : Math.Max(0, s - a);
                s = Math.Min(s, design.ScaledDecisionInterval + up);
                runEvents = s == 0 ? 0 : runEvents + 1;
                runBad = s == 0 ? 0 : runBad + (bad ? 1 : 0);
            }

            bool firing = design is not null && s >= design.ScaledDecisionInterval;
            if (firing && openStart < 0)
            {
                openStart = tick;
                openText = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Bernoulli CUSUM {(double)s / m:0.##} reached h {design!.DecisionInterval:0.##}: {runBad} bad of {runEvents} events since it last stood at 0 ({(double)runBad / runEvents * 100:0.#}% against the {p0 * 100:0.##}% allowed; designed for {design.DesignShare * 100:0.##}%, in-control ANSS {design.InControlAnss:0} events) at {ReliabilityEngine.Time(Instant.FromUnixTimeTicks(tick))}");
            }
            else if (!firing && openStart >= 0)
            {
                intervals.Add(new FiringInterval(openStart, tick, openText!));
                openStart = -1;
            }
        }

        if (openStart >= 0)
        {
            intervals.Add(new FiringInterval(openStart, long.MaxValue, openText!));
        }

        return intervals;
    }
}
