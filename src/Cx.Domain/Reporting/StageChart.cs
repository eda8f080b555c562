using Cx.Domain.Assets;
using Cx.Domain.Attribution;

namespace Cx.Domain.Reporting;

/// <summary>Draws where the asset was earned and lost: for each journey stage (and the unattributed bucket) a green bar of
/// value earned and a red bar of value lost, with the net.</summary>
internal static class StageChart
{
    private const int Width = 880;
    private const double Left = 190;
    private const double Right = 120;
    private const double TopBase = 84;
    private const double Row = 46;

    public static SvgChart Draw(AttributionResult result) => Draw(
        result.Unit,
        [
            .. result.Stages.Select(s => (s.Stage.Name, s.Stage.Id, s.EarnedValue, s.LostValue, s.GainCount, s.LossCount)),
            ("(unattributed)", string.Empty, result.Unattributed.EarnedValue, result.Unattributed.LostValue, result.Unattributed.GainCount, result.Unattributed.LossCount),
        ],
        $"Earned and lost by journey stage ({result.Unit.Name}, {ReportText.Model(result.Model)} attribution)",
        result.Framework.Name);

    /// <summary>Draws the bars of the given rows (stages, then the unattributed bucket with an empty id, drawn muted).</summary>
    public static SvgChart Draw(MeasureUnit unit, IReadOnlyList<(string Name, string Id, long Earned, long Lost, long Gains, long Losses)> rows, string title, string journeyName)
    {
        long totalEarned = rows.Sum(r => r.Earned);
        long totalLost = rows.Sum(r => r.Lost);
        bool whole = rows.Any(r => Math.Max(r.Earned, r.Lost) >= 1000 * Math.Pow(10, unit.DecimalPlaces)) || Math.Abs(totalEarned) >= 1000 * Math.Pow(10, unit.DecimalPlaces);
        int extra = SvgCanvas.Wrap(summary(), Width - 48).Count - 1;
        double Top = TopBase + (extra * 16);
        double height = Top + (rows.Count * Row) + 56;
        string summary() => $"Earned {ChartText.Amount(unit, totalEarned, whole)}, lost {ChartText.Amount(unit, totalLost, whole)}, net {ChartText.Signed(unit, totalEarned - totalLost, whole)} {unit.Name} over journey '{journeyName}'.";
        var canvas = new SvgCanvas(Width, (int)height, title, summary());
        canvas.Text(24, 26, title, size: 16, bold: true);
        canvas.Paragraph(24, 46, summary(), Width - 48);
        canvas.Legend(24, Top - 14, SvgCanvas.Gain, "earned (gains)").Legend(150, Top - 14, SvgCanvas.Loss, "lost (losses)");
        canvas.Text(Width - 16, Top - 14, "net", "end", 12, SvgCanvas.Muted, bold: true);

        double max = (double)unit.ToDecimal(Math.Max(1, rows.Max(r => Math.Max(r.Earned, r.Lost))));
        (double[] ticks, double step) = SvgCanvas.NiceTicks(0, max, 5);
        double high = ticks[^1];
        double plotWidth = Width - Left - Right;
        double X(double v) => Left + (v / high * plotWidth);
        double bottom = Top + (rows.Count * Row);
        foreach (double t in ticks)
        {
            canvas.Line(X(t), Top - 6, X(t), bottom, t == 0 ? SvgCanvas.Muted : SvgCanvas.Grid, t == 0 ? 1 : 0.8);
            canvas.Text(X(t), bottom + 16, SvgCanvas.Tick(t, step), "middle", 11, SvgCanvas.Muted);
        }

        canvas.Text(Left + (plotWidth / 2), bottom + 36, unit.Name, "middle", 11, SvgCanvas.Muted);
        for (int i = 0; i < rows.Count; i++)
        {
            (string name, string id, long earnedValue, long lostValue, long gains, long losses) = rows[i];
            double y = Top + (i * Row);
            string shown = ChartText.Shorten(name, 26);
            canvas.Text(Left - 10, y + 22, shown, "end", 12.5, id.Length == 0 ? SvgCanvas.Muted : SvgCanvas.Ink);
            double earned = (double)unit.ToDecimal(earnedValue);
            double lost = (double)unit.ToDecimal(lostValue);
            canvas.Rect(Left, y + 6, X(earned) - Left, 15, SvgCanvas.Gain, $"{name}: earned {ChartText.Exact(unit, earnedValue)} in {gains} gain(s)");
            canvas.Text(X(earned) + 5, y + 18, ChartText.Amount(unit, earnedValue, whole), size: 11);
            canvas.Rect(Left, y + 23, X(lost) - Left, 15, SvgCanvas.Loss, $"{name}: lost {ChartText.Exact(unit, lostValue)} in {losses} loss(es)");
            canvas.Text(X(lost) + 5, y + 35, ChartText.Amount(unit, lostValue, whole), size: 11);
            canvas.Text(Width - 16, y + 27, ChartText.Signed(unit, earnedValue - lostValue, whole), "end", 12, earnedValue - lostValue >= 0 ? SvgCanvas.Gain : SvgCanvas.Loss, bold: true);
        }

        return canvas.ToChart();
    }
}
