using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements as an aligned text table for a terminal: one row per period, amounts in major units,
/// then notes on records left out.</summary>
internal static class TableReport
{
    private static readonly string[] Header =
        ["period", "opening", "new", "reactivated", "expansion", "contraction", "churned", "closing", "net change", "active", "incoming", "lost"];

    public static string Render(MovementsResult result)
    {
        AssetMovementReport report = result.Report;
        MeasureUnit unit = report.Unit;
        var rows = new List<string[]> { Header };
        foreach (PeriodMovement p in report.Periods)
        {
            rows.Add(
            [
                p.Period.Label, unit.Format(p.Opening), unit.Format(p.New.Value), unit.Format(p.Reactivated.Value),
                unit.Format(p.Expansion.Value), unit.Format(p.Contraction.Value), unit.Format(p.Churned.Value),
                unit.Format(p.Closing), unit.Format(p.NetChange),
                InvariantText.Count(p.Customers.ActiveCount), InvariantText.Count(p.Customers.IncomingCount), InvariantText.Count(p.Customers.LostCount),
            ]);
        }

        int[] widths = new int[Header.Length];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Customer asset movements from {result.Input}\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{unit.Name}, {report.Grid}, activity window {report.ActivityWindow}; {report.CustomerCount} customers, {result.RecordCount} records\n\n");
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    text.Append("  ");
                }

                text.Append(i == 0 ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]));
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\nValues in {unit.Name}; customer counts with an activity window of {report.ActivityWindow} period(s).\n");
        if (report.ExcludedRecordCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{report.ExcludedRecordCount} record(s) after {report.Grid.Periods[^1].Label} were left out (--end).\n");
        }

        if (report.FlooredCellCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{report.FlooredCellCount} customer-period(s) with a negative net value were counted as zero (--negative-values floor).\n");
        }

        return text.ToString();
    }
}
