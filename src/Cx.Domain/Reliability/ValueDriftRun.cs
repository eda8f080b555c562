using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Runs a <see cref="ValueDriftDetector"/> over one standard's values in time order and returns the spans in which
/// it fires, or why it cannot run.</summary>
internal static class ValueDriftRun
{
    private const double MadToSigma = 1.4826;

    public static List<FiringInterval> Run(StandardSeries series, ReliabilityStandard standard, ValueDriftDetector detector, long horizon, out RobustBaseline? baseline, out string? unavailable)
    {
        var intervals = new List<FiringInterval>();
        baseline = null;
        unavailable = null;
        int upTo = series.UpperBound(horizon);
        int monitorFrom;
        if (standard.Baseline is { } given)
        {
            double centre = detector.LogTransform ? Math.Log(Math.Max(given.Mean, double.Epsilon)) : given.Mean;
            double spread = detector.LogTransform ? given.Sigma / Math.Max(given.Mean, double.Epsilon) : given.Sigma;
            // The (1 - p0) quantile of a normal baseline stands for the reference quantile.
            double z = InverseNormal(1 - standard.Allowed.Double);
            double quantile = standard.Comparison == ThresholdComparison.AtMost ? centre + (z * spread) : centre - (z * spread);
            baseline = new RobustBaseline(centre, spread, centre - (detector.WinsorLimit * spread), centre + (detector.WinsorLimit * spread), centre, spread, 0,
                Tolerance(standard, detector, quantile));
            monitorFrom = 0;
        }
        else if (standard.ReferenceInterval is { } reference)
        {
            if (reference.End.ToUnixTimeTicks() > horizon)
            {
                unavailable = $"no value-drift baseline yet: the reference interval ends {ReliabilityEngine.Time(reference.End)}, after the evaluation instant";
                return intervals;
            }

            int a = series.LowerBound(reference.Start.ToUnixTimeTicks());
            int b = series.LowerBound(reference.End.ToUnixTimeTicks());
            baseline = Estimate(series, a, b, standard, detector, out unavailable);
            if (baseline is null)
            {
                return intervals;
            }

            monitorFrom = b;
        }
        else
        {
            unavailable = "no value-drift baseline: the standard gives neither a baseline nor a reference interval";
            return intervals;
        }

        RobustBaseline bl = baseline;
        double sign = standard.Comparison == ThresholdComparison.AtMost ? 1 : -1;
        double k = detector.ReferenceValue;
        double h = detector.DecisionInterval;
        double cap = 1.5 * h;
        double c = 0;
        long openStart = -1;
        string? openText = null;
        double sum = 0;
        int count = 0;
        DateTimeZone zone = standard.Window.Zone ?? DateTimeZone.Utc;
        bool utc = zone == DateTimeZone.Utc;
        long dayEnd = long.MinValue;
        LocalDate day = default;

        void Complete(long at, LocalDate? on)
        {
            double mean = sum / count;
            // The baseline mean is itself an estimate from bl.Count values: its error adds to the subgroup mean's.
            double z = ((sign * (mean - bl.Mean)) - bl.Tolerance) / (bl.Sigma * Math.Sqrt((1.0 / count) + (bl.Count > 0 ? 1.0 / bl.Count : 0)));
            c = Math.Min(cap, Math.Max(0, c + z - k));
            bool firing = c > h;
            if (firing && openStart < 0)
            {
                openStart = at;
                double shown = detector.LogTransform ? Math.Exp(mean) : mean;
                double centre = detector.LogTransform ? Math.Exp(bl.Median) : bl.Median;
                string label = on is { } date ? "on " + LocalDatePatternText(date) : "to " + ReliabilityEngine.Time(Instant.FromUnixTimeTicks(at));
                openText = string.Create(
                    CultureInfo.InvariantCulture,
                    $"value drift: CUSUM {c:0.##} above h {h:0.##} after the {(detector.LogTransform ? "geometric " : string.Empty)}mean {shown:G4}{Unit(standard)} of {count} events {label} against the baseline median {centre:G4}{Unit(standard)} ({z:+0.##;-0.##} subgroup sigmas beyond the tolerated shift)");
            }
            else if (!firing && openStart >= 0)
            {
                intervals.Add(new FiringInterval(openStart, at, openText!));
                openStart = -1;
            }

            sum = 0;
            count = 0;
        }

        for (int i = monitorFrom; i < upTo; i++)
        {
            long tick = series.TickAt(i);
            if (detector.Subgroup == ValueDriftSubgroup.Day && tick >= dayEnd)
            {
                if (count > 0)
                {
                    Complete(dayEnd, day);
                }

                if (utc)
                {
                    // UTC days are whole multiples of a day's ticks from the Unix epoch: no time-zone arithmetic per day.
                    long dayNumber = Internal.CalendarMath.FloorDiv(tick, NodaConstants.TicksPerDay);
                    dayEnd = (dayNumber + 1) * NodaConstants.TicksPerDay;
                    day = new LocalDate(1970, 1, 1).PlusDays((int)dayNumber);
                }
                else
                {
                    day = Instant.FromUnixTimeTicks(tick).InZone(zone).Date;
                    dayEnd = zone.AtStartOfDay(day.PlusDays(1)).ToInstant().ToUnixTimeTicks();
                }
            }

            sum += bl.Clip(detector.LogTransform ? Math.Log(Math.Max(series.ValueAt(i), double.Epsilon)) : series.ValueAt(i));
            count++;
            if (detector.Subgroup == ValueDriftSubgroup.Events && count == detector.SubgroupSize)
            {
                Complete(tick, null);
            }
        }

        if (detector.Subgroup == ValueDriftSubgroup.Day && count > 0 && dayEnd <= horizon)
        {
            Complete(dayEnd, day);
        }

        if (openStart >= 0)
        {
            intervals.Add(new FiringInterval(openStart, long.MaxValue, openText!));
        }

        return intervals;
    }

    /// <summary>Median, MAD-based sigma, winsorizing limits, and the mean and standard deviation of the winsorized reference values.</summary>
    private static RobustBaseline? Estimate(StandardSeries series, int from, int to, ReliabilityStandard standard, ValueDriftDetector detector, out string? problem)
    {
        int n = to - from;
        if (n < 10)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"no value-drift baseline: the reference interval holds {n} events, fewer than the 10 a robust baseline needs");
            return null;
        }

        double[] values = System.Buffers.ArrayPool<double>.Shared.Rent(n);
        double[] deviations = System.Buffers.ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                double v = series.ValueAt(from + i);
                values[i] = detector.LogTransform ? Math.Log(Math.Max(v, double.Epsilon)) : v;
            }

            double median = Median(values, n);
            double deviationSum = 0;
            for (int i = 0; i < n; i++)
            {
                deviations[i] = Math.Abs(values[i] - median);
                deviationSum += deviations[i];
            }

            double robust = MadToSigma * Median(deviations, n);
            if (!(robust > 0))
            {
                // More than half the reference values are equal: fall back to the mean absolute deviation (scaled to a normal sigma).
                robust = deviationSum / n * 1.2533141373155;
            }

            if (!(robust > 0) || !double.IsFinite(robust))
            {
                problem = "no value-drift baseline: the reference values do not vary";
                return null;
            }

            return Finish(values, n, median, robust, standard, detector, out problem);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(values);
            System.Buffers.ArrayPool<double>.Shared.Return(deviations);
        }
    }

    private static RobustBaseline? Finish(double[] values, int n, double median, double robust, ReliabilityStandard standard, ValueDriftDetector detector, out string? problem)
    {
        double low = median - (detector.WinsorLimit * robust);
        double high = median + (detector.WinsorLimit * robust);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Clamp(values[i], low, high);
        }

        double mean = sum / n;
        for (int i = 0; i < n; i++)
        {
            double d = Math.Clamp(values[i], low, high) - mean;
            squares += d * d;
        }

        double sigma = Math.Sqrt(squares / (n - 1));
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            problem = "no value-drift baseline: the winsorized reference values do not vary";
            return null;
        }

        // The reference values' quantile at the allowed bad share: the value a share p0 of them exceed (for "at most").
        double p0 = standard.Allowed.Double;
        double quantile = Select(values, n, standard.Comparison == ThresholdComparison.AtMost
            ? Math.Clamp((int)Math.Ceiling((1 - p0) * n) - 1, 0, n - 1)
            : Math.Clamp((int)Math.Ceiling(p0 * n) - 1, 0, n - 1));
        problem = null;
        return new RobustBaseline(median, robust, low, high, mean, sigma, n, Tolerance(standard, detector, quantile));
    }

    /// <summary>The tolerated shift on the charted scale: a share of the distance from the reference quantile at the allowed
    /// bad share to the threshold, the shift that would make the usual values alone breach the standard.</summary>
    private static double Tolerance(ReliabilityStandard standard, ValueDriftDetector detector, double quantile)
    {
        double threshold = detector.LogTransform ? Math.Log(Math.Max(standard.Threshold, double.Epsilon)) : standard.Threshold;
        double gap = standard.Comparison == ThresholdComparison.AtMost ? threshold - quantile : quantile - threshold;
        return detector.ToleratedShiftShare * Math.Max(0, gap);
    }

    /// <summary>Φ⁻¹(p) by bisection on Φ, to 1e-12.</summary>
    private static double InverseNormal(double p)
    {
        double low = -40;
        double high = 40;
        while (high - low > 1e-12)
        {
            double middle = (low + high) / 2;
            if (Internal.Distributions.NormalCdf(middle) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>The median of the first n values (reordering them).</summary>
    private static double Median(double[] values, int n)
    {
        double upper = Select(values, n, n / 2);
        if (n % 2 == 1)
        {
            return upper;
        }

        // After selection every value below position n/2 is at most the upper middle one: the lower middle is their maximum.
        double lower = values[0];
        for (int i = 1; i < n / 2; i++)
        {
            lower = Math.Max(lower, values[i]);
        }

        return (lower + upper) / 2;
    }

    /// <summary>The k-th smallest of the first n values (zero-based), by quickselect with a median-of-three pivot (Hoare, 1961):
    /// expected linear time; the values are reordered so that positions below k hold no larger value and above k no smaller.</summary>
    private static double Select(double[] a, int n, int k)
    {
        int left = 0;
        int right = n - 1;
        while (left < right)
        {
            int middle = left + ((right - left) / 2);
            if (a[middle] < a[left])
            {
                (a[middle], a[left]) = (a[left], a[middle]);
            }

            if (a[right] < a[left])
            {
                (a[right], a[left]) = (a[left], a[right]);
            }

            if (a[right] < a[middle])
            {
                (a[right], a[middle]) = (a[middle], a[right]);
            }

            double pivot = a[middle];
            int i = left;
            int j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return a[k];
            }
        }

        return a[k];
    }

    private static string Unit(ReliabilityStandard standard) => standard.Unit.Length == 0 ? string.Empty : " " + standard.Unit;

    private static string LocalDatePatternText(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}

/// <summary>The value-drift baseline on the charted scale: median and robust sigma, winsorizing limits, the mean and
/// standard deviation of the winsorized reference values (Count of them; 0 when given), and the tolerated shift.</summary>
internal sealed record RobustBaseline(double Median, double RobustSigma, double Low, double High, double Mean, double Sigma, int Count, double Tolerance)
{
    public double Clip(double value) => value < Low ? Low : value > High ? High : value;
}
