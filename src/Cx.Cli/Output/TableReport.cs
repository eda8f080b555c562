using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements for people: an aligned text table for a terminal, or a Markdown table; one row per
/// period, amounts in major units, then notes on what was left out.</summary>
internal static class TableReport
{
    private static readonly string[] Header =
        ["period", "opening", "new", "reactivated", "expansion", "contraction", "churned", "closing", "net change", "active", "incoming", "lost"];

    public static string Render(MovementsResult result)
    {
        List<string[]> rows = Rows(result.Report);
        int[] widths = new int[Header.Length];
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        Title(text, result, markdown: false);
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                text.Append(i == 0 ? row[i].PadRight(widths[i]) : "  " + row[i].PadLeft(widths[i]));
            }

            text.Append('\n');
        }

        Notes(text, result.Report);
        return text.ToString();
    }

    public static string RenderMarkdown(MovementsResult result)
    {
        List<string[]> rows = Rows(result.Report);
        var text = new StringBuilder();
        Title(text, result, markdown: true);
        for (int r = 0; r < rows.Count; r++)
        {
            text.Append("| ").Append(string.Join(" | ", rows[r])).Append(" |\n");
            if (r == 0)
            {
                text.Append("|---").Append(string.Concat(Enumerable.Repeat("|---:", Header.Length - 1))).Append("|\n");
            }
        }

        Notes(text, result.Report);
        return text.ToString();
    }

    private static List<string[]> Rows(AssetMovementReport report)
    {
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

        return rows;
    }

    private static void Title(StringBuilder text, MovementsResult result, bool markdown)
    {
        AssetMovementReport report = result.Report;
        text.Append(markdown ? "## " : string.Empty).Append(CultureInfo.InvariantCulture, $"Customer asset movements from {result.Input}\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{report.Unit.Name}, {report.Grid}, activity window {report.ActivityWindow}; {report.CustomerCount} customers, {result.RecordCount} records.\n\n");
    }

    private static void Notes(StringBuilder text, AssetMovementReport report)
    {
        if (report.ExcludedRecordCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{report.ExcludedRecordCount} record(s) after {report.Grid.Periods[^1].Label} were left out (--end).\n");
        }
    }
}
