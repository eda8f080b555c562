using System.Globalization;
using CsvHelper;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;

namespace Cx.Cli.Output;

/// <summary>Renders an attribution as CSV, one row per figure group, for spreadsheets and pivot tables: the totals, every
/// stage, touchpoint and category, the unattributed bucket, then the bridge (each period's stages and unattributed).
/// Amounts in major units with '.' as the decimal separator (lost value positive), LF line ends.</summary>
internal static class AttributionCsvReport
{
    public static readonly string[] Header =
    [
        "section", "period", "id", "name", "stage", "category", "currency",
        "earned_count", "earned_value", "lost_count", "lost_value", "net_value",
    ];

    public static string Render(AttributionReport report)
    {
        AttributionResult result = report.Result;
        MeasureUnit unit = report.Unit;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (CsvWriter csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            Row(csv, unit, "total", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, result.GainCount, result.EarnedValue, result.LossCount, result.LostValue);
            foreach (StageCredit s in result.Stages)
            {
                Row(csv, unit, "stage", string.Empty, s.Stage.Id, s.Stage.Name, s.Stage.Id, string.Empty, s);
            }

            foreach (TouchpointCredit t in result.Touchpoints)
            {
                Row(csv, unit, "touchpoint", string.Empty, t.Touchpoint.Id, t.Touchpoint.Name, t.Touchpoint.StageId, AttributionReport.CategoryName(t.Touchpoint.Category), t);
            }

            foreach (CategoryCredit c in result.Categories)
            {
                string name = AttributionReport.CategoryName(c.Category);
                Row(csv, unit, "category", string.Empty, name, name, string.Empty, name, c);
            }

            Row(csv, unit, "unattributed", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, result.Unattributed);
            foreach (StageBridgePeriod p in result.Bridge)
            {
                foreach (StageCredit s in p.Stages)
                {
                    Row(csv, unit, "bridge", p.Period.Label, s.Stage.Id, s.Stage.Name, s.Stage.Id, string.Empty, s);
                }

                Row(csv, unit, "bridge_unattributed", p.Period.Label, string.Empty, string.Empty, string.Empty, string.Empty, p.Unattributed);
            }
        }

        return text.ToString();
    }

    private static void Row(CsvWriter csv, MeasureUnit unit, string section, string period, string id, string name, string stage, string category, AttributedValue v) =>
        Row(csv, unit, section, period, id, name, stage, category, v.GainCount, v.EarnedValue, v.LossCount, v.LostValue);

    private static void Row(CsvWriter csv, MeasureUnit unit, string section, string period, string id, string name, string stage, string category, long gains, long earned, long losses, long lost) =>
        csv.WriteRecord(
        [
            section, period, id, name, stage, category, unit.Name,
            InvariantText.Count(gains), unit.Format(earned), InvariantText.Count(losses), unit.Format(lost), unit.Format(earned - lost),
        ]);
}
