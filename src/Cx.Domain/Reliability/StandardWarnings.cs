using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The early-warning detectors of one standard under one policy, run over its series up to a horizon: the burn-rate
/// rules (judged from counts at each instant) and the firing spans of the sequential detectors.</summary>
/// <remarks>Detector numbers: the burn-rate rules first, in their order, then the Bernoulli CUSUM, the value drift and the
/// individual-value charts when the policy has them and they can run; at most 64 in all, so a firing set is a bit mask.</remarks>
internal sealed class StandardWarnings
{
    public StandardWarnings(StandardSeries series, ReliabilityStandard standard, EarlyWarningPolicy policy, Instant horizon)
    {
        Series = series;
        Standard = standard;
        Policy = policy;
        Rules = policy.BurnRate;
        BurnRatePolicy? burnRate = policy.BurnRatePolicyFor(standard);
        Pairs = burnRate is null ? [] : [.. burnRate.Pairs];
        Window = standard.Window.NominalLength;
        Quiet = policy.QuietPeriodFor(standard);
        long h = horizon.ToUnixTimeTicks();
        var kinds = new List<WarningDetectorKind>();
        var severities = new List<AlertSeverity>();
        var names = new List<string>();
        foreach (BurnRateWindowPair pair in Pairs)
        {
            kinds.Add(WarningDetectorKind.BurnRate);
            severities.Add(pair.Severity);
            names.Add(pair.ToString());
        }

        var intervals = new List<List<FiringInterval>>();
        var unavailable = new List<string>();
        if (policy.BernoulliCusum is { } bernoulli)
        {
            intervals.Add(BernoulliCusumRun.Run(series, standard, bernoulli, h, out BernoulliCusumDesign? design));
            BernoulliDesign = design;
            kinds.Add(WarningDetectorKind.BernoulliCusum);
            severities.Add(bernoulli.Severity);
            names.Add("Bernoulli CUSUM");
        }

        if (policy.ValueDrift is { } drift)
        {
            List<FiringInterval> spans = ValueDriftRun.Run(series, standard, drift, h, out RobustBaseline? baseline, out string? why);
            ValueDriftBaseline = baseline;
            if (why is not null)
            {
                unavailable.Add(why);
            }
            else
            {
                intervals.Add(spans);
                kinds.Add(WarningDetectorKind.ValueDrift);
                severities.Add(drift.Severity);
                names.Add("value drift");
            }
        }

        if (policy.IndividualCharts is { } charts)
        {
            Drift = ReliabilityEngine.Drift(series, standard, horizon, charts);
            if (Drift.Unavailable is { } why)
            {
                unavailable.Add(why);
            }
            else
            {
                long memory = (charts.Memory ?? (burnRate ?? BurnRatePolicy.Derive(Window)).LongestWindow).BclCompatibleTicks;
                intervals.Add(IndividualSpans(Drift, memory));
                kinds.Add(WarningDetectorKind.IndividualValueCharts);
                severities.Add(AlertSeverity.Ticket);
                names.Add("individual-value charts");
            }
        }

        if (kinds.Count > 64)
        {
            throw new InvalidOperationException("Expected at most 64 early-warning detectors per standard.");
        }

        Kinds = [.. kinds];
        Severities = [.. severities];
        Names = [.. names];
        Intervals = [.. intervals];
        Unavailable = unavailable.Count == 0 ? null : string.Join("; ", unavailable);
    }

    public StandardSeries Series { get; }

    public ReliabilityStandard Standard { get; }

    public EarlyWarningPolicy Policy { get; }

    public BurnRateRules? Rules { get; }

    public BurnRateWindowPair[] Pairs { get; }

    public Duration Window { get; }

    public Duration Quiet { get; }

    public WarningDetectorKind[] Kinds { get; }

    public AlertSeverity[] Severities { get; }

    public string[] Names { get; }

    /// <summary>The firing spans of each sequential detector (detector number Pairs.Length + index), sorted and disjoint.</summary>
    public List<FiringInterval>[] Intervals { get; }

    public BernoulliCusumDesign? BernoulliDesign { get; }

    public RobustBaseline? ValueDriftBaseline { get; }

    public DriftResult? Drift { get; }

    /// <summary>Why a configured detector cannot run, or null.</summary>
    public string? Unavailable { get; }

    public int DetectorCount => Kinds.Length;

    public AlertSeverity SeverityOf(ulong mask)
    {
        AlertSeverity peak = AlertSeverity.None;
        for (int d = 0; mask != 0; d++, mask >>= 1)
        {
            if ((mask & 1) != 0 && Severities[d] > peak)
            {
                peak = Severities[d];
            }
        }

        return peak;
    }

    /// <summary>The firing set at an instant by binary searches (the as-of evaluation's path).</summary>
    public ulong FiringAt(long t)
    {
        ulong mask = 0;
        if (Pairs.Length > 0)
        {
            long windowEvents = Series.Rolling(t - Window.BclCompatibleTicks, t).Events;
            for (int p = 0; p < Pairs.Length; p++)
            {
                BurnRateWindowPair pair = Pairs[p];
                (long le, long lb) = Series.Rolling(t - pair.LongWindow.BclCompatibleTicks, t);
                if (le == 0 || lb == 0)
                {
                    continue;
                }

                (long se, long sb) = Series.Rolling(t - pair.ShortWindow.BclCompatibleTicks, t);
                if (BurnRateGate.Fires(pair, le, lb, se, sb, windowEvents, Standard, Rules!))
                {
                    mask |= 1UL << p;
                }
            }
        }

        for (int d = 0; d < Intervals.Length; d++)
        {
            if (SpanAt(Intervals[d], t) >= 0)
            {
                mask |= 1UL << (Pairs.Length + d);
            }
        }

        return mask;
    }

    /// <summary>The figures of a firing detector at an instant.</summary>
    public string Describe(int detector, long t)
    {
        if (detector < Pairs.Length)
        {
            BurnRateWindowPair pair = Pairs[detector];
            (long le, long lb) = Series.Rolling(t - pair.LongWindow.BclCompatibleTicks, t);
            (long se, long sb) = Series.Rolling(t - pair.ShortWindow.BclCompatibleTicks, t);
            long windowEvents = Series.Rolling(t - Window.BclCompatibleTicks, t).Events;
            return BurnRateGate.Describe(pair, le, lb, se, sb, windowEvents, Standard, Rules!);
        }

        List<FiringInterval> spans = Intervals[detector - Pairs.Length];
        int at = SpanAt(spans, t);
        return at >= 0 ? spans[at].Description : Names[detector];
    }

    /// <summary>The index of the span holding t, or -1.</summary>
    public static int SpanAt(List<FiringInterval> spans, long t)
    {
        int lo = 0;
        int hi = spans.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (spans[mid].Start > t)
            {
                hi = mid - 1;
            }
            else if (spans[mid].End <= t)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    private static List<FiringInterval> IndividualSpans(DriftResult drift, long memory)
    {
        var spans = new List<FiringInterval>();
        foreach (DriftSignal s in drift.Signals)
        {
            if (s.Direction != drift.Adverse || s.At is not { } at)
            {
                continue;
            }

            long start = at.ToUnixTimeTicks();
            long end = start > long.MaxValue - memory ? long.MaxValue : start + memory;
            if (spans.Count > 0 && spans[^1].End >= start)
            {
                spans[^1] = spans[^1] with { End = Math.Max(spans[^1].End, end) };
            }
            else
            {
                spans.Add(new FiringInterval(start, end, $"drift: {s.Description} at {ReliabilityEngine.Time(at)}"));
            }
        }

        return spans;
    }
}
