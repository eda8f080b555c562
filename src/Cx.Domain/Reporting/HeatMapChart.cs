using System.Globalization;
using Cx.Domain.Assets;

namespace Cx.Domain.Reporting;

/// <summary>Draws a cohort matrix as a heat map: one row per cohort, one column per age, each cell shaded by the share of
/// the cohort retained (customers or value).</summary>
internal static class HeatMapChart
{
    private const double Left = 86;
    private const double Top = 92;
    private const double MaxCell = 44;
    private const double PlotWidth = 780;

    public static SvgChart Draw(CohortMatrix matrix, bool value)
    {
        MeasureUnit unit = matrix.Unit;
        int ages = matrix.Rows.Count == 0 ? 0 : matrix.Rows.Max(r => r.Cells.Length);
        int rows = matrix.Rows.Count;
        double cell = Math.Max(6, Math.Min(MaxCell, PlotWidth / Math.Max(1, ages)));
        double cellHeight = Math.Max(10, Math.Min(MaxCell * 0.7, cell));
        double width = Math.Max(640, Left + (ages * cell) + 30);
        double height = Top + (rows * cellHeight) + 78;
        double[] fractions = [.. matrix.Rows.SelectMany(r => Enumerable.Range(0, r.Cells.Length).Select(a => value ? r.ValueRetentionFraction(a) : r.CustomerRetentionFraction(a))).OfType<double>()];
        double scaleMax = value ? Math.Max(1, Math.Min(2, fractions.DefaultIfEmpty(1).Max())) : 1;

        // The colour scale starts at the lowest share seen (rounded down to 10%), so high-retention matrices keep contrast.
        double scaleMin = Math.Min(0.9, Math.Floor(fractions.DefaultIfEmpty(0).Min() * 10) / 10);
        string what = value ? "value retained (share of the cohort's first-period value)" : "customers active (share of the cohort)";
        string title = value ? $"Cohort value retention by age ({unit.Name})" : "Cohort customer retention by age";
        string summary = string.Create(CultureInfo.InvariantCulture, $"{rows} cohorts of {matrix.Grid}, {matrix.Rows.Sum(r => r.CustomerCount):N0} customers; each cell: {what}.");
        var canvas = new SvgCanvas((int)Math.Ceiling(width), (int)Math.Ceiling(height), title, summary);
        canvas.Text(24, 26, title, size: 16, bold: true);
        canvas.Text(24, 46, summary, size: 12, fill: SvgCanvas.Muted);
        canvas.Text(Left, Top - 26, "age (periods since the cohort's first period)", size: 11, fill: SvgCanvas.Muted);
        canvas.Text(Left - 8, Top - 8, "cohort", "end", 11, SvgCanvas.Muted);

        int ageLabelEvery = cell >= 22 ? 1 : (int)Math.Ceiling(22 / cell);
        for (int a = 0; a < ages; a += ageLabelEvery)
        {
            canvas.Text(Left + (a * cell) + (cell / 2), Top - 8, a.ToString(CultureInfo.InvariantCulture), "middle", 10.5, SvgCanvas.Muted);
        }

        int rowLabelEvery = cellHeight >= 13 ? 1 : (int)Math.Ceiling(13 / cellHeight);
        bool showText = cell >= 30 && cellHeight >= 16;
        for (int r = 0; r < rows; r++)
        {
            CohortRow row = matrix.Rows[r];
            double y = Top + (r * cellHeight);
            if (r % rowLabelEvery == 0)
            {
                canvas.Text(Left - 8, y + (cellHeight / 2) + 4, row.Cohort.Label, "end", 10.5);
            }

            for (int a = 0; a < row.Cells.Length; a++)
            {
                CohortCell c = row.Cells[a];
                double? fraction = value ? row.ValueRetentionFraction(a) : row.CustomerRetentionFraction(a);
                string fill = fraction is { } f ? Color((f - scaleMin) / (scaleMax - scaleMin)) : "#f2f2f2";
                string tip = string.Create(CultureInfo.InvariantCulture,
                    $"cohort {row.Cohort.Label}, age {a} ({c.Period.Label}): {ReportText.Percent(fraction)}; {c.ActiveCustomerCount:N0} of {row.CustomerCount:N0} customers active, {ChartText.Exact(unit, c.Value)}");
                canvas.Rect(Left + (a * cell), y, cell - 1, cellHeight - 1, fill, tip);
                if (showText && fraction is { } shown)
                {
                    canvas.Text(Left + (a * cell) + (cell / 2), y + (cellHeight / 2) + 4, (shown * 100).ToString("F0", CultureInfo.InvariantCulture) + "%", "middle", 10,
                        (shown - scaleMin) / (scaleMax - scaleMin) > 0.55 ? "#ffffff" : SvgCanvas.Ink);
                }
            }
        }

        // Legend: the colour scale.
        double ly = height - 34;
        canvas.Text(Left, ly - 6, value ? "value retained" : "customers active", size: 11, fill: SvgCanvas.Muted);
        const int steps = 10;
        for (int i = 0; i < steps; i++)
        {
            canvas.Rect(Left + 110 + (i * 22), ly - 17, 22, 14, Color((i + 0.5) / steps));
        }

        canvas.Text(Left + 110, ly + 12, (scaleMin * 100).ToString("F0", CultureInfo.InvariantCulture) + "%" + (scaleMin > 0 ? " or less" : string.Empty), "middle", 10.5, SvgCanvas.Muted);
        canvas.Text(Left + 110 + (steps * 22), ly + 12, (scaleMax * 100).ToString("F0", CultureInfo.InvariantCulture) + "%" + (value && scaleMax >= 2 ? " or more" : string.Empty), "middle", 10.5, SvgCanvas.Muted);
        canvas.Rect(Left + 110 + (steps * 22) + 60, ly - 17, 14, 14, "#f2f2f2", stroke: SvgCanvas.Grid);
        canvas.Text(Left + 110 + (steps * 22) + 80, ly - 6, "undefined (empty cohort)", size: 10.5, fill: SvgCanvas.Muted);
        return canvas.ToChart();
    }

    /// <summary>A sequential blue scale from near white (0) to dark blue (1), clamped.</summary>
    internal static string Color(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        (double r, double g, double b) light = (239, 246, 255);
        (double r, double g, double b) dark = (8, 48, 107);
        int R = (int)Math.Round(light.r + ((dark.r - light.r) * t));
        int G = (int)Math.Round(light.g + ((dark.g - light.g) * t));
        int B = (int)Math.Round(light.b + ((dark.b - light.b) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");
    }
}
