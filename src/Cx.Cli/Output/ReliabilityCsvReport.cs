using System.Globalization;
using CsvHelper;
using Cx.Domain.Reliability;

namespace Cx.Cli.Output;

/// <summary>Renders <c>cx reliability</c> as CSV: one row per standard with its status, figures and reasons (joined by
/// <c>"; "</c>), or, for a backtest, one row per warning and breach; numbers in their shortest round-trip form with '.'
/// as the decimal separator, LF line ends.</summary>
internal static class ReliabilityCsvReport
{
    public static readonly string[] StatusHeader =
    [
        "standard", "name", "touchpoint", "owner", "status", "as_of", "window", "window_start", "window_end", "events", "good_events", "bad_events",
        "compliance", "objective", "error_budget", "budget_consumed", "budget_remaining", "burn_rate", "firing_alerts", "reasons",
    ];

    public static readonly string[] BacktestHeader =
        ["standard", "touchpoint", "owner", "event", "at", "window", "reason", "followed_by_breach", "first_warning_at", "lead_time"];

    public static string Render(ReliabilityResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (CsvWriter csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            if (result.Report is { } report)
            {
                csv.WriteHeader(StatusHeader);
                foreach (StandardEvaluation e in report.Standards)
                {
                    WindowEvaluation? w = e.CurrentWindow;
                    string firing = string.Join("; ", e.Alerts.Where(a => a.IsFiring).Select(a => a.ToString()));
                    csv.WriteRecord(
                    [
                        e.Standard.Id, e.Standard.Name, e.Standard.TouchpointId, e.Standard.Owner ?? string.Empty, ReliabilityText.Status(e.Status),
                        ReliabilityText.Instant(e.AsOf), w?.Label ?? string.Empty,
                        w is null ? string.Empty : ReliabilityText.Instant(w.Start), w is null ? string.Empty : ReliabilityText.Instant(w.End),
                        Count(w?.EventCount), Count(w?.GoodEventCount), Count(w?.BadEventCount),
                        w?.Compliance is { } c ? ReliabilityText.Exact(c) : string.Empty, ReliabilityText.Exact(e.Standard.Objective),
                        Number(w?.ErrorBudget), Number(w?.BudgetConsumed), Number(w?.BudgetRemaining), Number(w?.BurnRate),
                        firing, string.Join("; ", e.Reasons.Select(r => r.Message)),
                    ]);
                }
            }
            else
            {
                csv.WriteHeader(BacktestHeader);
                foreach (StandardBacktest s in result.Backtest!.Standards)
                {
                    ReliabilityStandard st = s.Standard;
                    var rows = s.Episodes.Select(w => (At: w.OpenedAt, Order: 0, Row: new[]
                        {
                            st.Id, st.TouchpointId, st.Owner ?? string.Empty, "warning", ReliabilityText.Instant(w.OpenedAt), string.Empty, w.Escalations[0].Description,
                            w.Verdict == EpisodeVerdict.True ? "true" : "false", string.Empty, string.Empty,
                        }))
                        .Concat(s.Breaches.Select(b => (b.At, Order: 1, Row: new[]
                        {
                            st.Id, st.TouchpointId, st.Owner ?? string.Empty, "breach", ReliabilityText.Instant(b.At), b.WindowLabel, string.Empty, string.Empty,
                            b.FirstWarningAt is { } f ? ReliabilityText.Instant(f) : string.Empty, b.LeadTime is { } l ? ReliabilityText.IsoDuration(l) : string.Empty,
                        })));
                    foreach (var row in rows.OrderBy(r => r.At).ThenBy(r => r.Order))
                    {
                        csv.WriteRecord(row.Row);
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string Count(long? n) => n is { } v ? InvariantText.Count(v) : string.Empty;

    private static string Number(double? x) => x is { } v ? ReliabilityText.Exact(v) : string.Empty;
}
