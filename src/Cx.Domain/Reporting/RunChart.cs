using System.Globalization;
using Cx.Domain.Reliability;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>Draws a reliability run chart: the measurements of one standard over time against its threshold, the
/// compliance of each evaluation window against the objective, and vertical markers for warnings and breaches.</summary>
internal static class RunChart
{
    private const int Width = 900;
    private const double Left = 76;
    private const double Right = 150;
    private const double TopBase = 84;
    private const double ValuesHeight = 230;
    private const double Gap = 46;
    private const double ComplianceHeight = 130;
    private const int MaxPoints = 1500;

    private const int LegendRow = 18;
    private const string Good = "#607d8b";
    private const string WarningColor = "#f9a825";

    public static SvgChart Draw(
        ReliabilityStandard standard,
        IEnumerable<ReliabilityMeasurement> measurements,
        IReadOnlyList<WindowEvaluation> windows,
        IEnumerable<RunChartMarker> markers,
        Instant? asOf)
    {
        ReliabilityMeasurement[] points = [.. measurements.Where(m => Matches(standard, m) && double.IsFinite(m.Value)).OrderBy(m => m.At)];
        RunChartMarker[] marks = [.. markers.OrderBy(m => m.At)];
        bool compliancePanel = windows.Any(w => w.Compliance is not null);
        double height = 0;
        string comparison = standard.Comparison == ThresholdComparison.AtMost ? "at most" : "at least";
        string unit = standard.Unit.Length == 0 ? string.Empty : " " + standard.Unit;
        string title = $"{standard.Name} ({standard.Id})";
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{standard.Metric}: {comparison} {standard.Threshold:G6}{unit} in {ReportText.Percent(standard.Objective)} of events per {standard.Window}; {points.Length:N0} measurement{(points.Length == 1 ? string.Empty : "s")}{(marks.Length > 0 ? $", {marks.Length:N0} marker{(marks.Length == 1 ? string.Empty : "s")}" : string.Empty)}.");
        double Top = TopBase + ((SvgCanvas.Wrap(summary, Width - 48).Count - 1) * 16);
        height = Top + ValuesHeight + (compliancePanel ? Gap + ComplianceHeight : 0) + 64;
        // Time axis: the measurements, the windows, the markers and the evaluation instant.
        var instants = points.Select(p => p.At).Concat(marks.Select(m => m.At)).Concat(windows.Select(w => w.Start)).ToList();
        if (asOf is { } a)
        {
            instants.Add(a);
        }

        Instant start = instants.Count == 0 ? Instant.FromUnixTimeSeconds(0) : instants.Min();
        Instant end = instants.Count == 0 ? start + Duration.FromDays(1) : instants.Max();
        if (end <= start)
        {
            // One instant: an hour's axis after it, or before it at the end of time (9999-12-31T23:59:59Z and later).
            if (Instant.MaxValue - start >= Duration.FromHours(1))
            {
                end = start + Duration.FromHours(1);
            }
            else
            {
                start = end - Duration.FromHours(1);
            }
        }

        double plotWidth = Width - Left - Right;
        double X(Instant t) => Left + ((t - start).TotalSeconds / (end - start).TotalSeconds * plotWidth);

        // The legend, laid out before the canvas is sized: items that do not fit in the plot's width go on another row.
        int buckets = (int)(plotWidth / 3);
        var legend = new List<(string Color, string Label, bool Line)>();
        if (points.Length <= MaxPoints)
        {
            legend.Add((Good, "measurement", false));
            legend.Add((SvgCanvas.Loss, "failed the threshold", false));
        }
        else
        {
            double seconds = (end - start).TotalSeconds / buckets;
            string per = ReportText.Human(Duration.FromSeconds(seconds > 86_400 ? Math.Round(seconds / 3600) * 3600 : seconds > 7_200 ? Math.Round(seconds / 60) * 60 : seconds));
            legend.Add((Good, $"median per {per} (bar: 10th to 90th percentile)", false));
            legend.Add((SvgCanvas.Loss, "over the error budget", false));
        }

        legend.Add((SvgCanvas.Threshold, "threshold", true));
        if (compliancePanel)
        {
            legend.Add((SvgCanvas.Objective, "objective", true));
        }

        if (marks.Any(m => m.Kind == RunChartMarkerKind.Warning))
        {
            legend.Add((WarningColor, "warning", true));
        }

        if (marks.Any(m => m.Kind == RunChartMarkerKind.Breach))
        {
            legend.Add((SvgCanvas.Loss, "breach", true));
        }

        var placed = new List<(double X, int Row, string Color, string Label, bool Line)>();
        double lx = Left;
        int row = 0;
        foreach ((string color, string label, bool line) in legend)
        {
            double width = (line ? 20 : 16) + (label.Length * 6.6) + 24;
            if (lx > Left && lx + width > Width - 8)
            {
                row++;
                lx = Left;
            }

            placed.Add((lx, row, color, label, line));
            lx += width;
        }

        height += row * LegendRow;
        var canvas = new SvgCanvas(Width, (int)height, title, summary);
        canvas.Text(24, 26, title, size: 16, bold: true);
        canvas.Paragraph(24, 46, summary, Width - 48);

        // Values panel: a robust range (1st to 99th percentile) and the threshold; outliers are drawn at the edge.
        double[] sorted = [.. points.Select(p => p.Value).Order()];
        double low = sorted.Length == 0 ? standard.Threshold : Math.Min(Percentile(sorted, 0.01), standard.Threshold);
        double high = sorted.Length == 0 ? standard.Threshold : Math.Max(Percentile(sorted, 0.99), standard.Threshold);
        (double[] ticks, double step) = SvgCanvas.NiceTicks(Math.Min(0, low), high, 5);
        double vLow = ticks[0];
        double vHigh = ticks[^1];
        double Yv(double v) => Top + ((vHigh - Math.Clamp(v, vLow, vHigh)) / (vHigh - vLow) * ValuesHeight);
        foreach (double t in ticks)
        {
            canvas.Line(Left, Yv(t), Left + plotWidth, Yv(t), SvgCanvas.Grid, 0.8);
            canvas.Text(Left - 8, Yv(t) + 4, SvgCanvas.Tick(t, step), "end", 11, SvgCanvas.Muted);
        }

        canvas.Text(18, Top + (ValuesHeight / 2), standard.Unit.Length == 0 ? "value" : standard.Unit, "middle", 11, SvgCanvas.Muted, rotate: -90);
        bool Bad(double v) => standard.Comparison == ThresholdComparison.AtMost ? v > standard.Threshold : v < standard.Threshold;
        int outside = points.Count(p => p.Value > vHigh || p.Value < vLow);
        if (points.Length <= MaxPoints)
        {
            foreach (ReliabilityMeasurement p in points)
            {
                canvas.Circle(X(p.At), Yv(p.Value), 2.2, Bad(p.Value) ? SvgCanvas.Loss : Good,
                    string.Create(CultureInfo.InvariantCulture, $"{ReportText.Instant(p.At)}: {p.Value:G6}{unit}{(p.Customer is { } c ? $" ({c})" : string.Empty)}"));
            }
        }
        else
        {
            // Too many to draw one by one: per column of pixels, the range and the median, red where the column's share of
            // bad events exceeds the error budget.
            double span = (end - start).TotalSeconds;
            foreach (IGrouping<int, ReliabilityMeasurement> bucket in points.GroupBy(p => Math.Min(buckets - 1, (int)((p.At - start).TotalSeconds / span * buckets))))
            {
                double[] values = [.. bucket.Select(p => p.Value).Order()];
                double x = Left + ((bucket.Key + 0.5) * plotWidth / buckets);
                double badShare = (double)values.Count(Bad) / values.Length;
                string color = badShare > 1 - standard.Objective ? SvgCanvas.Loss : Good;
                canvas.Line(x, Yv(Percentile(values, 0.1)), x, Yv(Percentile(values, 0.9)), "#cfd8dc", 2);
                canvas.Circle(x, Yv(Percentile(values, 0.5)), 1.8, color);
            }
        }

        canvas.Line(Left, Yv(standard.Threshold), Left + plotWidth, Yv(standard.Threshold), SvgCanvas.Threshold, 1.6, "6 4");
        canvas.Text(Left + plotWidth + 6, Yv(standard.Threshold) + 4, string.Create(CultureInfo.InvariantCulture, $"threshold {standard.Threshold:G6}{unit}"), size: 11, fill: SvgCanvas.Threshold);
        double bottom = Top + ValuesHeight;

        // Compliance panel: each window's compliance against the objective.
        if (compliancePanel)
        {
            double top = bottom + Gap;
            double cLow = Math.Max(0, Math.Floor(Math.Min(standard.Objective, windows.Where(w => w.Compliance is not null).Min(w => w.Compliance!.Value)) * 20 - 1) / 20);
            double Yc(double c) => top + ((1 - c) / (1 - cLow) * ComplianceHeight);
            (double[] cTicks, double cStep) = SvgCanvas.NiceTicks(cLow, 1, 4);
            foreach (double t in cTicks.Where(t => t >= cLow - 1e-9 && t <= 1 + 1e-9))
            {
                canvas.Line(Left, Yc(t), Left + plotWidth, Yc(t), SvgCanvas.Grid, 0.8);
                canvas.Text(Left - 8, Yc(t) + 4, (t * 100).ToString(cStep < 0.01 ? "F1" : "F0", CultureInfo.InvariantCulture) + "%", "end", 11, SvgCanvas.Muted);
            }

            canvas.Text(18, top + (ComplianceHeight / 2), "compliance", "middle", 11, SvgCanvas.Muted, rotate: -90);
            foreach (WindowEvaluation w in windows.Where(w => w.Compliance is not null))
            {
                double c = w.Compliance!.Value;
                string color = c + 1e-12 < w.Objective ? SvgCanvas.Loss : Good;
                string tip = string.Create(CultureInfo.InvariantCulture, $"{w.Label}: {ReportText.Percent(c)} of {w.EventCount:N0} events good ({ReportText.Camel(w.Status)})");
                canvas.Line(Math.Max(Left, X(w.Start)), Yc(c), Math.Min(Left + plotWidth, X(w.End)), Yc(c), color, 3, tooltip: tip);
            }

            canvas.Line(Left, Yc(standard.Objective), Left + plotWidth, Yc(standard.Objective), SvgCanvas.Objective, 1.6, "6 4");
            canvas.Text(Left + plotWidth + 6, Yc(standard.Objective) + 4, "objective " + ReportText.Percent(standard.Objective), size: 11, fill: SvgCanvas.Objective);
            bottom = top + ComplianceHeight;
        }

        // Markers across both panels.
        foreach (RunChartMarker m in marks)
        {
            string color = m.Kind switch
            {
                RunChartMarkerKind.Warning => WarningColor,
                RunChartMarkerKind.Breach => SvgCanvas.Loss,
                _ => SvgCanvas.Neutral,
            };
            canvas.Line(X(m.At), Top, X(m.At), bottom, color, 1.2, m.Kind == RunChartMarkerKind.Breach ? null : "2 2",
                $"{ReportText.Camel(m.Kind)} at {ReportText.Instant(m.At)}: {m.Label}");
        }

        TimeAxis(canvas, start, end, X, bottom);
        double ly = height - 16 - (row * LegendRow);
        foreach ((double x, int r, string color, string label, bool line) in placed)
        {
            canvas.Legend(x, ly + (r * LegendRow), color, label, line);
        }

        if (outside > 0)
        {
            canvas.Text(Left + plotWidth, Top - 8, string.Create(CultureInfo.InvariantCulture, $"{outside:N0} value(s) beyond the scale drawn at its edge"), "end", 10.5, SvgCanvas.Muted);
        }

        return canvas.ToChart();
    }

    /// <summary>Tells whether a measurement belongs to the standard: its subject is the standard's id or its touchpoint.</summary>
    internal static bool Matches(ReliabilityStandard standard, ReliabilityMeasurement m) =>
        string.Equals(m.SubjectId, standard.Id, StringComparison.Ordinal) || string.Equals(m.SubjectId, standard.TouchpointId, StringComparison.Ordinal);

    private static double Percentile(double[] sorted, double q)
    {
        double index = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(index);
        int upper = Math.Min(sorted.Length - 1, lower + 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (index - lower));
    }

    /// <summary>Labels the time axis in UTC: months (every k-th) for long spans, days for short ones, hours within a day.</summary>
    private static void TimeAxis(SvgCanvas canvas, Instant start, Instant end, Func<Instant, double> x, double bottom)
    {
        canvas.Line(Left, bottom, Width - Right, bottom, SvgCanvas.Muted, 1);
        var ticks = new List<(Instant At, string Label)>();

        // Ticks only inside the supported range: a marker or measurement at NodaTime's ends would otherwise step the
        // calendar past the year 9999 (an OverflowException from NodaTime).
        start = Instant.Max(start, SupportedRange.Start);
        end = Instant.Max(start, Instant.Min(end, SupportedRange.End));
        Duration span = end - start;
        LocalDateTime from = start.InUtc().LocalDateTime;
        if (span > Duration.FromDays(62))
        {
            var month = new LocalDate(from.Year, from.Month, 1).PlusMonths(1);
            var all = new List<LocalDate>();
            for (; month.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() <= end; month = month.PlusMonths(1))
            {
                all.Add(month);
            }

            int every = Math.Max(1, (int)Math.Ceiling(all.Count / 12.0));
            int[] allowed = [1, 2, 3, 4, 6, 12];
            every = allowed.FirstOrDefault(k => k >= every, every);
            ticks.AddRange(all.Where(d => (d.Month - 1) % every == 0).Select(d => (d.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), d.ToString("yyyy-MM", CultureInfo.InvariantCulture))));
        }
        else if (span > Duration.FromDays(2))
        {
            int every = Math.Max(1, (int)Math.Ceiling(span.TotalDays / 10));
            for (LocalDate day = from.Date.PlusDays(1); day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() <= end; day = day.PlusDays(every))
            {
                ticks.Add((day.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            int every = Math.Max(1, (int)Math.Ceiling(span.TotalHours / 8));
            Instant hour = Instant.FromUnixTimeSeconds((start.ToUnixTimeSeconds() / 3600 + 1) * 3600);
            for (; hour <= end; hour += Duration.FromHours(every))
            {
                ticks.Add((hour, hour.InUtc().LocalDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }
        }

        foreach ((Instant at, string label) in ticks)
        {
            canvas.Line(x(at), bottom, x(at), bottom + 5, SvgCanvas.Muted, 1);
            canvas.Text(x(at), bottom + 18, label, "middle", 10.5, SvgCanvas.Muted);
        }

        canvas.Text(Width - Right, bottom + 34, "UTC", "end", 10.5, SvgCanvas.Muted);
    }
}
