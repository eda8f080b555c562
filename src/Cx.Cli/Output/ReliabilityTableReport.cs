using System.Globalization;
using System.Text;
using Cx.Domain.Reliability;

namespace Cx.Cli.Output;

/// <summary>Renders <c>cx reliability</c> for people: an aligned text table or a Markdown table, one row per standard
/// (status) or per warning and breach (backtest), then the reasons or the summary.</summary>
internal static class ReliabilityTableReport
{
    private static readonly string[] StatusHeader =
        ["standard", "status", "window", "events", "good", "compliance", "objective", "budget", "consumed", "remaining", "burn rate", "owner", "touchpoint"];

    private static readonly string[] BacktestHeader = ["standard", "event", "at", "window", "first warning", "lead time", "reason"];

    public static string Render(ReliabilityResult result, bool markdown)
    {
        var text = new StringBuilder();
        text.Append(markdown ? "## " : string.Empty);
        if (result.Report is { } report)
        {
            text.Append(CultureInfo.InvariantCulture, $"Reliability standards from {result.Input}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"As of {ReliabilityText.Instant(result.AsOf)}; {result.MeasurementCount} measurements. ");
            text.Append(CultureInfo.InvariantCulture,
                $"{report.Standards.Count} standards: {report.CountWith(StandardStatus.Reliable)} reliable, {report.CountWith(StandardStatus.Watch)} watch, {report.CountWith(StandardStatus.Breached)} breached, {report.CountWith(StandardStatus.NoData)} no data.\n\n");
            Table(text, StatusHeader, StatusRows(report), markdown, leftColumns: [0, 1, 2, 11, 12]);
            text.Append('\n').Append(markdown ? "### Reasons\n\n" : "Reasons:\n");
            foreach (StandardEvaluation e in report.Standards)
            {
                foreach (StatusReason reason in e.Reasons)
                {
                    text.Append(markdown ? "- " : "  ").Append(e.Standard.Id).Append(": ").Append(reason.Message).Append('\n');
                }
            }
        }
        else
        {
            ReliabilityBacktest backtest = result.Backtest!;
            text.Append(CultureInfo.InvariantCulture, $"Backtest of the early warnings from {result.Input}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"Up to {ReliabilityText.Instant(result.AsOf)}; {result.MeasurementCount} measurements. ");
            text.Append(CultureInfo.InvariantCulture,
                $"{backtest.BreachCount} breaches ({backtest.WarnedBreachCount} warned, {backtest.BreachCount - backtest.WarnedBreachCount} missed), {backtest.EpisodeCount} episodes ({backtest.FalseEpisodeCount} false).\n\n");
            Table(text, BacktestHeader, BacktestRows(backtest), markdown, leftColumns: [0, 1, 2, 3, 4, 5, 6]);
            text.Append('\n').Append(markdown ? "### Summary\n\n" : "Summary:\n");
            foreach (StandardBacktest s in backtest.Standards)
            {
                text.Append(markdown ? "- " : "  ").Append(CultureInfo.InvariantCulture,
                    $"{s.Standard.Id}: {s.Breaches.Count} breaches ({s.WarnedBreachCount} warned, {s.MissedBreachCount} missed, median lead time {(s.MedianLeadTime is { } m ? ReliabilityText.Human(m) : "-")}), {s.Episodes.Count} episodes ({s.Scorecard.FalseEpisodeCount} false)\n");
            }
        }

        return text.ToString();
    }

    private static List<string[]> StatusRows(ReliabilityReport report)
    {
        var rows = new List<string[]>();
        foreach (StandardEvaluation e in report.Standards)
        {
            WindowEvaluation? w = e.CurrentWindow;
            rows.Add(
            [
                e.Standard.Id, ReliabilityText.StatusWords(e.Status), w?.Label ?? "-",
                w is null ? "-" : InvariantText.Count(w.EventCount), w is null ? "-" : InvariantText.Count(w.GoodEventCount),
                ReliabilityText.Percent(w?.Compliance), ReliabilityText.Percent(e.Standard.Objective),
                w is null ? "-" : ReliabilityText.Fixed(w.ErrorBudget, 2), w is null ? "-" : ReliabilityText.Percent(w.BudgetConsumed),
                w is null ? "-" : ReliabilityText.Fixed(w.BudgetRemaining, 2), w is null ? "-" : ReliabilityText.Fixed(w.BurnRate, 2),
                e.Standard.Owner ?? "-", e.Standard.TouchpointId,
            ]);
        }

        return rows;
    }

    private static List<string[]> BacktestRows(ReliabilityBacktest backtest)
    {
        var rows = new List<string[]>();
        foreach (StandardBacktest s in backtest.Standards)
        {
            var events = s.Episodes.Select(w => (At: w.OpenedAt, Order: 0, Row: new[]
                {
                    s.Standard.Id, w.Verdict == EpisodeVerdict.True ? "warning" : "warning (false)", ReliabilityText.Instant(w.OpenedAt), "-", "-", "-", w.Escalations[0].Description,
                }))
                .Concat(s.Breaches.Select(b => (b.At, Order: 1, Row: new[]
                {
                    s.Standard.Id, b.FirstWarningAt is null ? "breach (missed)" : "breach", ReliabilityText.Instant(b.At), b.WindowLabel,
                    b.FirstWarningAt is { } f ? ReliabilityText.Instant(f) : "-", b.LeadTime is { } l ? ReliabilityText.Human(l) : "-", "-",
                })));
            rows.AddRange(events.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => e.Row));
        }

        return rows;
    }

    private static void Table(StringBuilder text, string[] header, List<string[]> rows, bool markdown, int[] leftColumns)
    {
        if (markdown)
        {
            text.Append("| ").Append(string.Join(" | ", header)).Append(" |\n|");
            for (int i = 0; i < header.Length; i++)
            {
                text.Append(leftColumns.Contains(i) ? "---|" : "---:|");
            }

            text.Append('\n');
            foreach (string[] row in rows)
            {
                text.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
            }

            return;
        }

        int[] widths = header.Select(h => h.Length).ToArray();
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (string[] row in rows.Prepend(header))
        {
            var line = new StringBuilder();
            for (int i = 0; i < row.Length; i++)
            {
                string cell = i == row.Length - 1 && leftColumns.Contains(i) ? row[i]
                    : leftColumns.Contains(i) ? row[i].PadRight(widths[i]) : row[i].PadLeft(widths[i]);
                line.Append(i == 0 ? string.Empty : "  ").Append(cell);
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }
}
