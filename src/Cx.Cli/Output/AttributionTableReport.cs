using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;

namespace Cx.Cli.Output;

/// <summary>Renders an attribution for people: aligned text tables for a terminal, or Markdown tables. The stages (with
/// the unattributed bucket and the total), the touchpoints, the categories and the stage-attributed bridge (each stage's
/// net per period), amounts in major units, lost value positive, then notes on what credited nothing.</summary>
internal static class AttributionTableReport
{
    private static readonly string[] CreditHeader = ["earned", "gains", "lost", "losses", "net"];

    public static string Render(AttributionReport report) => Render(report, markdown: false);

    public static string RenderMarkdown(AttributionReport report) => Render(report, markdown: true);

    /// <summary>The non-default variant of a data-driven model, as the command line names it, or nothing.</summary>
    private static string ModelVariant(AttributionResult result) => result.Model switch
    {
        AttributionModel.MarkovChain when result.MarkovAllocation == MarkovAllocation.Pooled => " (pooled allocation)",
        AttributionModel.Shapley when result.ShapleyValueFunction == ShapleyValueFunction.ConversionCount => " (conversion-count value)",
        _ => string.Empty,
    };

    private static string Render(AttributionReport report, bool markdown)
    {
        AttributionResult result = report.Result;
        MeasureUnit unit = report.Unit;
        var text = new StringBuilder();
        string lookback = NodaTime.Text.PeriodPattern.Roundtrip.Format(result.Lookback);
        text.Append(markdown ? "## " : string.Empty).Append(CultureInfo.InvariantCulture, $"Journey attribution from {report.Input} and {report.EventsInput}\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Journey '{result.Framework.Name}'; {unit.Name}, {report.Grid}; model {report.ModelName}{ModelVariant(result)}, lookback {lookback}, time zone {result.TimeZone.Id}, direction {report.Direction}.\n");
        text.Append(CultureInfo.InvariantCulture,
            $"Earned {unit.Format(result.EarnedValue)} in {result.GainCount} gain(s), lost {unit.Format(result.LostValue)} in {result.LossCount} loss(es); {result.EventCount} event(s), {report.RecordCount} record(s).\n\n");

        List<string[]> stages = [["stage", .. CreditHeader]];
        stages.AddRange(result.Stages.Select(s => Row(unit, [s.Stage.Id], s)));
        stages.Add(Row(unit, ["(unattributed)"], result.Unattributed));
        stages.Add(["(total)", unit.Format(result.EarnedValue), InvariantText.Count(result.GainCount), unit.Format(result.LostValue), InvariantText.Count(result.LossCount), unit.Format(result.EarnedValue - result.LostValue)]);
        Table(text, stages, leftColumns: 1, markdown);

        List<string[]> touchpoints = [["touchpoint", "stage", "category", .. CreditHeader]];
        touchpoints.AddRange(result.Touchpoints.Select(t => Row(unit, [t.Touchpoint.Id, t.Touchpoint.StageId, AttributionReport.CategoryName(t.Touchpoint.Category)], t)));
        Table(text, touchpoints, leftColumns: 3, markdown);

        List<string[]> categories = [["category", .. CreditHeader]];
        categories.AddRange(result.Categories.Select(c => Row(unit, [AttributionReport.CategoryName(c.Category)], c)));
        Table(text, categories, leftColumns: 1, markdown);

        if (result.Bridge.Count > 0)
        {
            text.Append(markdown ? "### " : string.Empty).Append("Stage-attributed bridge (net per stage)\n\n");
            List<string[]> bridge = [["period", .. result.Stages.Select(s => s.Stage.Id), "unattributed", "earned", "lost", "net"]];
            bridge.AddRange(result.Bridge.Select(p => (string[])
            [
                p.Period.Label, .. p.Stages.Select(s => unit.Format(s.NetValue)), unit.Format(p.Unattributed.NetValue),
                unit.Format(p.EarnedValue), unit.Format(p.LostValue), unit.Format(p.NetValue),
            ]));
            Table(text, bridge, leftColumns: 1, markdown);
        }

        Notes(text, result);
        return text.ToString();
    }

    private static string[] Row(MeasureUnit unit, string[] keys, AttributedValue v) =>
    [
        .. keys, unit.Format(v.EarnedValue), InvariantText.Count(v.GainCount), unit.Format(v.LostValue), InvariantText.Count(v.LossCount), unit.Format(v.NetValue),
    ];

    private static void Table(StringBuilder text, List<string[]> rows, int leftColumns, bool markdown)
    {
        if (markdown)
        {
            for (int r = 0; r < rows.Count; r++)
            {
                text.Append("| ").Append(string.Join(" | ", rows[r])).Append(" |\n");
                if (r == 0)
                {
                    text.Append(string.Concat(Enumerable.Range(0, rows[0].Length).Select(i => i < leftColumns ? "|---" : "|---:"))).Append("|\n");
                }
            }

            text.Append('\n');
            return;
        }

        int[] widths = new int[rows[0].Length];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in rows)
        {
            var line = new StringBuilder();
            for (int i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? string.Empty : "  ").Append(i < leftColumns ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]));
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        text.Append('\n');
    }

    private static void Notes(StringBuilder text, AttributionResult result)
    {
        if (result.EventsOutsideEveryWindowCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.EventsOutsideEveryWindowCount} event(s) fell outside every lookback window and credited nothing.\n");
        }

        if (result.ExcludedMovementCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.ExcludedMovementCount} movement(s) of other classes (flat, or outside --direction) were not attributed.\n");
        }

        if (result.EqualSplitFallbackCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.EqualSplitFallbackCount} movement(s) whose touches all weighed zero under the model were shared equally over their touches.\n");
        }

        foreach (PlayerScore clamped in result.Scores.Where(s => s.IsClamped))
        {
            text.Append(CultureInfo.InvariantCulture, $"The removal effect of '{clamped.PlayerId}' ({AttributionReport.DirectionName(clamped.Direction)}) came out negative and was clamped to zero.\n");
        }
    }
}
