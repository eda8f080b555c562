using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Reporting;

/// <summary>Draws the asset bridge as a waterfall: the opening value, each movement class as a rising (gain) or falling
/// (loss) bar, and the closing value.</summary>
internal static class WaterfallChart
{
    private const int Width = 880;
    private const int Height = 440;
    private const double Left = 100;
    private const double Right = 24;
    private const double Top = 70;
    private const double Bottom = 64;

    public static SvgChart Draw(AssetMovementReport report, int first, int last)
    {
        MeasureUnit unit = report.Unit;
        IReadOnlyList<PeriodMovement> periods = report.Periods;
        string range = first == last ? periods[first].Period.Label : periods[first].Period.Label + " to " + periods[last].Period.Label;
        long opening = periods[first].Opening;
        long closing = periods[last].Closing;
        long Sum(Func<PeriodMovement, long> value)
        {
            Int128 total = 0;
            for (int i = first; i <= last; i++)
            {
                total += value(periods[i]);
            }

            return total >= long.MinValue && total <= long.MaxValue ? (long)total : throw ChartText.TooLarge(range);
        }

        (string Label, long Value, bool Total)[] bars =
        [
            ("opening", opening, true),
            ("new", Sum(p => p.New.Value), false),
            ("reactivated", Sum(p => p.Reactivated.Value), false),
            ("expansion", Sum(p => p.Expansion.Value), false),
            ("contraction", Sum(p => p.Contraction.Value), false),
            ("churned", Sum(p => p.Churned.Value), false),
            ("closing", closing, true),
        ];

        // One precision for every label of the chart: whole units when any bar reaches 1,000.
        bool whole = bars.Any(b => Math.Abs(unit.ToDecimal(b.Value)) >= 1000m);
        string Amount(long v) => ChartText.Amount(unit, v, whole);
        string Signed(long v) => (v > 0 ? "+" : string.Empty) + Amount(v);
        long net = (Int128)closing - opening is var n && n >= long.MinValue && n <= long.MaxValue ? (long)n : throw ChartText.TooLarge(range);
        string title = $"Customer asset bridge, {range} ({unit.Name})";
        string summary = $"Opening {Amount(opening)}, closing {Amount(closing)}, net {Signed(net)} {unit.Name}.";
        var canvas = new SvgCanvas(Width, Height, title, summary + " Gains rise in green, losses fall in red.");
        canvas.Text(Left, 26, title, size: 16, bold: true);
        canvas.Text(Left, 46, summary, size: 12, fill: SvgCanvas.Muted);

        // The running total before and after each bar.
        var spans = new List<(double From, double To)>();
        double running = 0;
        foreach ((string _, long value, bool total) in bars)
        {
            double v = (double)unit.ToDecimal(value);
            if (total)
            {
                spans.Add((0, v));
                running = v;
            }
            else
            {
                spans.Add((running, running + v));
                running += v;
            }
        }

        double min = Math.Min(0, spans.Min(s => Math.Min(s.From, s.To)));
        double max = Math.Max(0, spans.Max(s => Math.Max(s.From, s.To)));

        // When the movements are small next to the totals (one period of a large asset), start the axis near the lowest
        // running total so they can be seen, and say so.
        double lowestLevel = spans.Skip(1).SkipLast(1).Min(s => Math.Min(s.From, s.To));
        lowestLevel = Math.Min(lowestLevel, Math.Min(spans[0].To, spans[^1].To));
        bool truncated = min >= 0 && lowestLevel > 0 && max - lowestLevel < 0.35 * max;
        if (truncated)
        {
            min = lowestLevel - ((max - lowestLevel) * 0.25);
        }

        (double[] ticks, double step) = SvgCanvas.NiceTicks(min, max, 5);
        double low = ticks[0];
        double high = ticks[^1];
        if (truncated)
        {
            canvas.Text(Width - Right, 46, $"The axis starts at {SvgCanvas.Tick(low, step)}, not zero.", "end", 12, SvgCanvas.Loss);
        }

        double plotHeight = Height - Top - Bottom;
        double Y(double v) => Top + ((high - v) / (high - low) * plotHeight);
        double plotWidth = Width - Left - Right;
        foreach (double t in ticks)
        {
            canvas.Line(Left, Y(t), Width - Right, Y(t), t == 0 ? SvgCanvas.Muted : SvgCanvas.Grid, t == 0 ? 1 : 0.8);
            canvas.Text(Left - 8, Y(t) + 4, SvgCanvas.Tick(t, step), "end", 11, SvgCanvas.Muted);
        }

        canvas.Text(18, Top + (plotHeight / 2), unit.Name, "middle", 11, SvgCanvas.Muted, rotate: -90);
        double slot = plotWidth / bars.Length;
        double barWidth = slot * 0.62;
        for (int i = 0; i < bars.Length; i++)
        {
            (string label, long value, bool total) = bars[i];
            (double from, double to) = spans[i];
            double x = Left + (i * slot) + ((slot - barWidth) / 2);
            string color = total ? SvgCanvas.Total : value >= 0 ? SvgCanvas.Gain : SvgCanvas.Loss;
            double top = Y(Math.Max(from, to));
            double height = Math.Max(1, Math.Abs(Y(Math.Max(from, low)) - Y(to)));
            string amount = total ? Amount(value) : Signed(value);
            canvas.Rect(x, top, barWidth, height, color, $"{label}: {ChartText.Exact(unit, value)}");
            bool up = total || value >= 0;
            canvas.Text(x + (barWidth / 2), up ? top - 6 : top + height + 14, amount, "middle", 11.5, SvgCanvas.Ink, bold: total);
            canvas.Text(x + (barWidth / 2), Height - Bottom + 20, label, "middle", 12.5);
            if (i < bars.Length - 1)
            {
                double level = Y(to);
                canvas.Line(x + barWidth, level, x + slot, level, SvgCanvas.Muted, 0.8, "3 3");
            }
        }

        canvas.Legend(Left, Height - 14, SvgCanvas.Gain, "gain").Legend(Left + 70, Height - 14, SvgCanvas.Loss, "loss")
            .Legend(Left + 140, Height - 14, SvgCanvas.Total, "opening and closing value");
        return canvas.ToChart();
    }
}

/// <summary>Amounts as the charts label them: currency units with thousands separators, whole units from 1,000 up.</summary>
internal static class ChartText
{
    public static string Amount(MeasureUnit unit, long units, bool? whole = null)
    {
        decimal value = unit.ToDecimal(units);
        int decimals = whole ?? Math.Abs(value) >= 1000m ? 0 : unit.DecimalPlaces;
        return value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Signed(MeasureUnit unit, long units, bool? whole = null) => (units > 0 ? "+" : string.Empty) + Amount(unit, units, whole);

    public static string Exact(MeasureUnit unit, long units) => Internal.Amounts.Format(unit, units);

    /// <summary>Cuts a long label to <paramref name="max"/> characters with an ellipsis, never inside a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "\u2026";
    }

    /// <summary>A bar of the chart (a movement class summed over the periods drawn, or the net change) that does not fit in
    /// 64-bit minor units: drawn one period at a time it fits.</summary>
    public static CxValidationException TooLarge(string range)
    {
        var failures = new FailureCollector();
        failures.Add(null, "waterfall chart", "Periods", CxErrorCodes.ValueOverflow,
            $"Expected the movements of {range} to sum within 64-bit minor units, got a total beyond them. Draw one period at a time.");
        return failures.ToException("waterfall chart");
    }
}
