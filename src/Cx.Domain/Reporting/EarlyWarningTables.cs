using System.Globalization;
using System.Text.Json;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>The tables and JSON pieces of the early-warning renderings: the scorecard (per standard and overall), the
/// warning episodes with their escalations, and the breaches with their lead times; shared by the backtest and the policy
/// comparison renderers.</summary>
internal static class EarlyWarningTables
{
    /// <summary>The scorecard columns of the tables.</summary>
    public static readonly string[] ScorecardHeader =
        ["breaches", "warned", "recall", "episodes", "true", "precision", "median lead", "p10 lead", "min lead", "false / 90d", "in warning"];

    /// <summary>The scorecard columns of the CSV documents.</summary>
    public static readonly string[] ScorecardCsvHeader =
    [
        "breaches", "warned_breaches", "recall", "episodes", "true_episodes", "precision", "median_lead_time", "p10_lead_time", "min_lead_time",
        "false_episodes_per_90_days", "time_in_warning", "time_in_warning_share",
    ];

    private static readonly string[] EpisodeHeader = ["standard", "opened", "closed", "peak", "verdict", "breach", "detectors", "opened by"];

    private static readonly string[] BreachHeader = ["standard", "breach", "window", "first warning", "lead time"];

    /// <summary>The scorecard table: one row per standard, then the overall row.</summary>
    public static ReportTable Scorecards(ReliabilityBacktest backtest)
    {
        var table = new ReportTable(["standard", .. ScorecardHeader], leftColumns: 1);
        foreach (StandardBacktest s in backtest.Standards)
        {
            table.Add([ReportTable.Cell.Text(s.Standard.Id), .. ScorecardCells(s.Scorecard, strong: false)]);
        }

        table.Add([ReportTable.Cell.Value("all").Strong(), .. ScorecardCells(backtest.Scorecard, strong: true)]);
        return table;
    }

    /// <summary>The scorecard cells of one row.</summary>
    public static ReportTable.Cell[] ScorecardCells(WarningScorecard c, bool strong)
    {
        ReportTable.Cell[] cells =
        [
            ReportTable.Cell.Count(c.BreachCount), ReportTable.Cell.Count(c.WarnedBreachCount), ReportTable.Cell.Value(ReportText.Percent(c.Recall)),
            ReportTable.Cell.Count(c.EpisodeCount), ReportTable.Cell.Count(c.TrueEpisodeCount), ReportTable.Cell.Value(ReportText.Percent(c.Precision)),
            ReportTable.Cell.Value(Lead(c.MedianLeadTime)), ReportTable.Cell.Value(Lead(c.TenthPercentileLeadTime)), ReportTable.Cell.Value(Lead(c.MinimumLeadTime)),
            ReportTable.Cell.Value(ReportText.Fixed(c.FalseEpisodesPer90Days, 2)), ReportTable.Cell.Value(ReportText.Percent(c.TimeInWarningShare)),
        ];
        return strong ? [.. cells.Select(x => x.Strong())] : cells;
    }

    /// <summary>The episodes of every standard in time order.</summary>
    public static ReportTable Episodes(ReliabilityBacktest backtest)
    {
        var table = new ReportTable(EpisodeHeader, leftColumns: EpisodeHeader.Length);
        foreach (StandardBacktest s in backtest.Standards)
        {
            foreach (WarningEpisode e in s.Episodes)
            {
                table.Add(
                    ReportTable.Cell.Text(s.Standard.Id), ReportTable.Cell.Value((e.OpenedBeforeFirstJudgedInstant ? "<= " : string.Empty) + ReportText.Instant(e.OpenedAt)),
                    ReportTable.Cell.Value(e.ClosedAt is { } c ? ReportText.Instant(c) : "open"), ReportTable.Cell.Value(Severity(e.PeakSeverity)),
                    ReportTable.Cell.Value(Verdict(e.Verdict)).Strong(), ReportTable.Cell.Value(e.BreachAt is { } b ? ReportText.Instant(b) : "-"),
                    ReportTable.Cell.Text(string.Join(", ", e.Detectors)), ReportTable.Cell.Text(e.Escalations[0].Description));
            }
        }

        return table;
    }

    /// <summary>The breaches of every standard in time order, with their first warning and lead time.</summary>
    public static ReportTable Breaches(ReliabilityBacktest backtest)
    {
        var table = new ReportTable(BreachHeader, leftColumns: BreachHeader.Length);
        foreach (StandardBacktest s in backtest.Standards)
        {
            foreach (BacktestBreach b in s.Breaches)
            {
                table.Add(
                    ReportTable.Cell.Text(s.Standard.Id), ReportTable.Cell.Value(ReportText.Instant(b.At)).Strong(), ReportTable.Cell.Value(b.WindowLabel),
                    ReportTable.Cell.Value(b.FirstWarningAt is { } f ? ReportText.Instant(f) : "missed"), ReportTable.Cell.Value(Lead(b.LeadTime)));
            }
        }

        return table;
    }

    /// <summary>Appends the scorecard values of the CSV (after the columns that say what the row is).</summary>
    public static CsvBuilder ScorecardCsv(CsvBuilder csv, WarningScorecard c) => csv
        .Value(ReportText.Count(c.BreachCount)).Value(ReportText.Count(c.WarnedBreachCount)).Value(Fraction(c.Recall))
        .Value(ReportText.Count(c.EpisodeCount)).Value(ReportText.Count(c.TrueEpisodeCount)).Value(Fraction(c.Precision))
        .Value(Iso(c.MedianLeadTime)).Value(Iso(c.TenthPercentileLeadTime)).Value(Iso(c.MinimumLeadTime))
        .Value(ReportText.Exact(c.FalseEpisodesPer90Days)).Value(ReportText.IsoDuration(c.TimeInWarning)).Value(ReportText.Exact(c.TimeInWarningShare));

    /// <summary>Writes a scorecard as a JSON object.</summary>
    public static void ScorecardJson(Utf8JsonWriter json, string name, WarningScorecard c)
    {
        json.WriteStartObject(name);
        json.WriteNumber("standards", c.StandardCount);
        json.WriteString("span", ReportText.IsoDuration(c.Span));
        json.WriteNumber("breaches", c.BreachCount);
        json.WriteNumber("warnedBreaches", c.WarnedBreachCount);
        json.WriteNumber("missedBreaches", c.MissedBreachCount);
        ReportJson.Fraction(json, "recall", c.Recall);
        json.WriteNumber("episodes", c.EpisodeCount);
        json.WriteNumber("trueEpisodes", c.TrueEpisodeCount);
        json.WriteNumber("falseEpisodes", c.FalseEpisodeCount);
        ReportJson.Fraction(json, "precision", c.Precision);
        Duration(json, "medianLeadTime", c.MedianLeadTime);
        Duration(json, "p10LeadTime", c.TenthPercentileLeadTime);
        Duration(json, "minLeadTime", c.MinimumLeadTime);
        json.WriteNumber("falseEpisodesPer90Days", c.FalseEpisodesPer90Days);
        json.WriteString("timeInWarning", ReportText.IsoDuration(c.TimeInWarning));
        json.WriteNumber("timeInWarningShare", c.TimeInWarningShare);
        json.WriteEndObject();
    }

    /// <summary>Writes the warning's episode fields: when it began, from when exposure counts, the peak severity and the open
    /// episode (null for a breach without one).</summary>
    public static void WarningEpisodeJson(Utf8JsonWriter json, EarlyWarning.StandardWarning w)
    {
        json.WriteString("since", ReportText.Instant(w.Since));
        json.WriteString("exposedSince", ReportText.Instant(w.ExposedSince));
        json.WriteString("severity", Severity(w.Severity));
        json.WritePropertyName("episode");
        if (w.Episode is { } e)
        {
            EpisodeJson(json, e);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>The warning's episode in a table cell, in the report's time zone: <c>since 2025-04-11 05:39 (page)</c>, or
    /// <c>none (breach)</c>.</summary>
    public static string EpisodeCell(EarlyWarning.StandardWarning w, DateTimeZone zone) =>
        w.Episode is { } e ? $"since {(e.OpenedBeforeFirstJudgedInstant ? "<= " : string.Empty)}{ReportText.Moment(e.OpenedAt, zone)} ({Severity(e.PeakSeverity)})" : "none (breach)";

    /// <summary>The warning's exposure in a table cell, in the report's time zone: <c>188 (USD 88,542) since 2025-10-01</c>.</summary>
    public static string ExposureCell(EarlyWarning.StandardWarning w, Assets.MeasureUnit unit, DateTimeZone zone) =>
        $"{ReportText.GroupedCount(w.ExposedSoFarCustomerCount)} ({Internal.ErosionText.Amount(w.ExposedValueSoFar, unit)}) since {ReportText.Moment(w.ExposedSince, zone)}";

    /// <summary>Writes an episode as a JSON object, with its escalations.</summary>
    public static void EpisodeJson(Utf8JsonWriter json, WarningEpisode e)
    {
        json.WriteStartObject();
        json.WriteString("openedAt", ReportText.Instant(e.OpenedAt));
        json.WriteBoolean("openedBeforeFirstJudgedInstant", e.OpenedBeforeFirstJudgedInstant);
        json.WriteString("lastFiringAt", ReportText.Instant(e.LastFiringAt));
        if (e.ClosedAt is { } closed)
        {
            json.WriteString("closedAt", ReportText.Instant(closed));
        }
        else
        {
            json.WriteNull("closedAt");
        }

        json.WriteString("peakSeverity", Severity(e.PeakSeverity));
        json.WriteString("verdict", Verdict(e.Verdict));
        if (e.BreachAt is { } breach)
        {
            json.WriteString("breachAt", ReportText.Instant(breach));
        }
        else
        {
            json.WriteNull("breachAt");
        }

        json.WriteStartArray("escalations");
        foreach (EpisodeEscalation x in e.Escalations)
        {
            json.WriteStartObject();
            json.WriteString("at", ReportText.Instant(x.At));
            json.WriteString("kind", ReportText.Camel(x.Kind));
            json.WriteString("detectorKind", ReportText.Camel(x.DetectorKind));
            json.WriteString("detector", x.Detector);
            json.WriteString("severity", Severity(x.Severity));
            json.WriteString("description", x.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The summary sentence of a backtest: policy, span, breaches warned, episodes true, median lead; the measurement
    /// count with thousands separators when <paramref name="grouped"/> (HTML).</summary>
    public static string Summary(ReliabilityBacktest backtest, ReportOptions options, bool grouped)
    {
        WarningScorecard c = backtest.Scorecard;
        (Instant from, Instant to) = Span(backtest);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Policy {backtest.Policy.Name}, {ReportText.Instant(from)} to {ReportText.Instant(to)}{ReliabilityRenderer.Measurements(options, grouped)}{Count(c.BreachCount, "breach", "breaches")}, {c.WarnedBreachCount} warned ({ReportText.Percent(c.Recall)}); {Count(c.EpisodeCount, "warning episode", "warning episodes")}, {c.TrueEpisodeCount} true ({ReportText.Percent(c.Precision)}); median lead time {Lead(c.MedianLeadTime)}; {ReportText.Fixed(c.FalseEpisodesPer90Days, 2)} false episodes per standard per 90 days.");
    }

    /// <summary>A count with its noun in the singular or plural: <c>1 breach</c>, <c>2 breaches</c>.</summary>
    private static string Count(int count, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural)}");

    /// <summary>The judged span of a backtest (the same for every standard).</summary>
    public static (Instant From, Instant To) Span(ReliabilityBacktest backtest) =>
        backtest.Standards.Count == 0 ? (default, default) : (backtest.Standards.Min(s => s.From), backtest.Standards.Max(s => s.To));

    /// <summary>A lead time for people, or <c>-</c>.</summary>
    public static string Lead(Duration? lead) => lead is { } l ? ReportText.Human(l) : "-";

    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Page ? "page" : severity == AlertSeverity.Ticket ? "ticket" : "none";

    public static string Verdict(EpisodeVerdict verdict) => verdict switch
    {
        EpisodeVerdict.True => "true",
        EpisodeVerdict.False => "false",
        _ => "open",
    };

    private static string Iso(Duration? d) => d is { } v ? ReportText.IsoDuration(v) : string.Empty;

    private static string Fraction(double? share) => share is { } s ? ReportText.Exact(s) : string.Empty;

    private static void Duration(Utf8JsonWriter json, string name, Duration? d)
    {
        if (d is { } v)
        {
            json.WriteString(name, ReportText.IsoDuration(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
