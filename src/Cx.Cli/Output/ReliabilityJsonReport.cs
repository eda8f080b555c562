using System.Text.Json;
using Cx.Domain.Reliability;

namespace Cx.Cli.Output;

/// <summary>Renders <c>cx reliability</c> as JSON: the status of every standard with its figures and reasons, or the
/// backtest with its warnings, breaches and lead times; instants ISO 8601 in UTC, durations ISO 8601, numbers in their
/// shortest round-trip form, indented, LF line ends.</summary>
/// <remarks>The shape is documented in <c>docs/cli.md</c> and pinned by a test; add properties, never rename them. The
/// input's name is left out, so the same data gives the same document whether it came from files or <c>--sample</c>.</remarks>
internal static class ReliabilityJsonReport
{
    public static string Render(ReliabilityResult result)
    {
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("asOf", ReliabilityText.Instant(result.AsOf));
            json.WriteNumber("measurements", result.MeasurementCount);
            if (result.Report is { } report)
            {
                Status(json, report);
            }
            else
            {
                Backtest(json, result.Backtest!);
            }

            json.WriteEndObject();
        });
    }

    private static void Status(Utf8JsonWriter json, ReliabilityReport report)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("reliable", report.CountWith(StandardStatus.Reliable));
        json.WriteNumber("watch", report.CountWith(StandardStatus.Watch));
        json.WriteNumber("breached", report.CountWith(StandardStatus.Breached));
        json.WriteNumber("noData", report.CountWith(StandardStatus.NoData));
        json.WriteEndObject();
        json.WriteStartArray("standards");
        foreach (StandardEvaluation e in report.Standards)
        {
            json.WriteStartObject();
            Standard(json, e.Standard);
            json.WriteString("status", ReliabilityText.Status(e.Status));
            json.WriteStartArray("reasons");
            foreach (StatusReason reason in e.Reasons)
            {
                json.WriteStartObject();
                json.WriteString("kind", ReliabilityText.Camel(reason.Kind));
                json.WriteString("message", reason.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (e.CurrentWindow is { } w)
            {
                json.WriteStartObject("currentWindow");
                json.WriteString("label", w.Label);
                json.WriteString("start", ReliabilityText.Instant(w.Start));
                json.WriteString("end", ReliabilityText.Instant(w.End));
                json.WriteBoolean("complete", w.IsComplete);
                json.WriteString("status", ReliabilityText.Camel(w.Status));
                json.WriteNumber("events", w.EventCount);
                json.WriteNumber("goodEvents", w.GoodEventCount);
                json.WriteNumber("badEvents", w.BadEventCount);
                if (w.Compliance is { } c)
                {
                    json.WriteNumber("compliance", c);
                }
                else
                {
                    json.WriteNull("compliance");
                }

                json.WriteNumber("objective", w.Objective);
                json.WriteNumber("errorBudget", w.ErrorBudget);
                json.WriteNumber("budgetConsumed", w.BudgetConsumed);
                json.WriteNumber("budgetRemaining", w.BudgetRemaining);
                json.WriteNumber("burnRate", w.BurnRate);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("currentWindow");
            }

            json.WriteStartArray("alerts");
            foreach (BurnRateAlert a in e.Alerts)
            {
                json.WriteStartObject();
                json.WriteString("severity", ReliabilityText.Camel(a.Pair.Severity));
                json.WriteString("longWindow", ReliabilityText.IsoDuration(a.Pair.LongWindow));
                json.WriteString("shortWindow", ReliabilityText.IsoDuration(a.Pair.ShortWindow));
                json.WriteNumber("factor", a.Pair.Factor);
                json.WriteNumber("longEvents", a.LongEventCount);
                json.WriteNumber("longBadEvents", a.LongBadEventCount);
                json.WriteNumber("longBurnRate", a.LongBurnRate);
                json.WriteNumber("shortEvents", a.ShortEventCount);
                json.WriteNumber("shortBadEvents", a.ShortBadEventCount);
                json.WriteNumber("shortBurnRate", a.ShortBurnRate);
                json.WriteBoolean("firing", a.IsFiring);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (e.DriftSignals.Count > 0)
            {
                DriftSignal d = e.DriftSignals[^1];
                json.WriteStartObject("lastDriftSignal");
                json.WriteString("source", ReliabilityText.Camel(d.Source));
                json.WriteNumber("rule", d.Rule);
                json.WriteString("direction", ReliabilityText.Camel(d.Direction));
                json.WriteNumber("statistic", d.Statistic);
                json.WriteNumber("limit", d.Limit);
                if (d.At is { } at)
                {
                    json.WriteString("at", ReliabilityText.Instant(at));
                }

                json.WriteString("description", d.Description);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("lastDriftSignal");
            }

            json.WriteNumber("driftSignals", e.DriftSignals.Count);
            json.WriteNumber("events", e.EventCount);
            json.WriteNumber("eventsAfterAsOf", e.EventsAfterAsOfCount);
            json.WriteNumber("eventsOutsideWindows", e.EventsOutsideWindowsCount);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Backtest(Utf8JsonWriter json, ReliabilityBacktest backtest)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("breaches", backtest.BreachCount);
        json.WriteNumber("warnedBreaches", backtest.WarnedBreachCount);
        json.WriteNumber("missedBreaches", backtest.BreachCount - backtest.WarnedBreachCount);
        json.WriteNumber("episodes", backtest.EpisodeCount);
        json.WriteNumber("falseEpisodes", backtest.FalseEpisodeCount);
        json.WriteEndObject();
        json.WriteStartArray("standards");
        foreach (StandardBacktest s in backtest.Standards)
        {
            json.WriteStartObject();
            Standard(json, s.Standard);
            json.WriteString("from", ReliabilityText.Instant(s.From));
            json.WriteString("to", ReliabilityText.Instant(s.To));
            json.WriteString("step", ReliabilityText.IsoDuration(s.Step));
            json.WriteNumber("breachCount", s.Breaches.Count);
            json.WriteNumber("warnedBreaches", s.WarnedBreachCount);
            json.WriteNumber("missedBreaches", s.MissedBreachCount);
            json.WriteNumber("falseEpisodes", s.Scorecard.FalseEpisodeCount);
            if (s.MedianLeadTime is { } median)
            {
                json.WriteString("medianLeadTime", ReliabilityText.IsoDuration(median));
            }
            else
            {
                json.WriteNull("medianLeadTime");
            }

            json.WriteStartArray("episodes");
            foreach (WarningEpisode w in s.Episodes)
            {
                json.WriteStartObject();
                json.WriteString("at", ReliabilityText.Instant(w.OpenedAt));
                json.WriteString("reason", w.Escalations[0].Description);
                json.WriteBoolean("followedByBreach", w.Verdict == EpisodeVerdict.True);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("breaches");
            foreach (BacktestBreach b in s.Breaches)
            {
                json.WriteStartObject();
                json.WriteString("at", ReliabilityText.Instant(b.At));
                json.WriteString("window", b.WindowLabel);
                if (b.FirstWarningAt is { } warned)
                {
                    json.WriteString("firstWarningAt", ReliabilityText.Instant(warned));
                    json.WriteString("leadTime", ReliabilityText.IsoDuration(b.LeadTime!.Value));
                }
                else
                {
                    json.WriteNull("firstWarningAt");
                    json.WriteNull("leadTime");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Standard(Utf8JsonWriter json, ReliabilityStandard s)
    {
        json.WriteString("id", s.Id);
        json.WriteString("name", s.Name);
        json.WriteString("touchpoint", s.TouchpointId);
        json.WriteString("owner", s.Owner);
        json.WriteString("metric", s.Metric);
        json.WriteString("unit", s.Unit);
        json.WriteString("op", ReliabilityText.Op(s.Comparison));
        json.WriteNumber("threshold", s.Threshold);
        json.WriteNumber("objective", s.Objective);
        json.WriteString("window", s.Window.ToString());
        json.WriteNumber("minimumEvents", s.MinimumEvents);
    }
}
