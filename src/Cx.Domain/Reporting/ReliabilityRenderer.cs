using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="ReliabilityReport"/> (the status of every reliability standard as of an instant) as aligned
/// text, Markdown, HTML, CSV or JSON, and draws run charts of a standard's measurements.</summary>
/// <remarks>
/// <para>Extension methods: <c>report.ToMarkdown()</c>. Instants ISO 8601 in UTC, shares as percentages in the tables and
/// shortest round-trip numbers in CSV and JSON, invariant culture, LF line ends. These are the outputs of
/// <c>cx reliability</c>.</para>
/// <para>The table has one row per standard (status, current window, events, good events, compliance, objective, error
/// budget, budget consumed and remaining, burn rate, owner, touchpoint), followed by every standard's reasons. The CSV has
/// one row per standard with its figures, firing alerts and reasons (joined by <c>"; "</c>). The JSON schema is in
/// <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class ReliabilityRenderer
{
    private static readonly string[] TableHeader =
        ["standard", "status", "window", "events", "good", "compliance", "objective", "budget", "consumed", "remaining", "burn rate", "owner", "touchpoint"];

    private static readonly bool[] TableLeft = [true, true, true, false, false, false, false, false, false, false, false, true, true];

    private static readonly string[] CsvHeader =
    [
        "standard", "name", "touchpoint", "owner", "status", "as_of", "window", "window_start", "window_end", "events", "good_events", "bad_events",
        "compliance", "objective", "error_budget", "budget_consumed", "budget_remaining", "burn_rate", "firing_alerts", "reasons",
    ];

    /// <summary>Renders the report as aligned text for a terminal: a title, a summary line, one row per standard, the reasons.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from (<see cref="ReportOptions.RecordCount"/> is the number of
    /// measurements); none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToText(this ReliabilityReport report, ReportOptions? options = null) => Render(report, options, markdown: false);

    /// <summary>Renders the report as Markdown: a <c>##</c> title, a summary line, a table with one row per standard, the reasons.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(this ReliabilityReport report, ReportOptions? options = null) => Render(report, options, markdown: true);

    /// <summary>Renders the report as an HTML section: a heading, the summary, the table, the reasons.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static HtmlFragment ToHtml(this ReliabilityReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(report, options, grouped: true));
        Table(report).WriteHtml(html);
        ReportHtml.SubHeading(html, "Reasons");
        ReportHtml.List(html, Reasons(report));
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws the run chart of one standard: its measurements over time against the threshold (failures in red), the
    /// compliance of each evaluation window against the objective, and vertical markers for the evaluation's last drift
    /// signal, its firing burn-rate alerts (at the evaluation instant) and any markers given.</summary>
    /// <param name="evaluation">The standard's evaluation, from <see cref="ReliabilityReport.Standards"/>.</param>
    /// <param name="measurements">The measurements (those of other standards are ignored: a measurement belongs to the
    /// standard when its subject is the standard's id or touchpoint).</param>
    /// <param name="markers">More markers, such as warnings and breaches of a backtest or episodes; none when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> or <paramref name="measurements"/> is null.</exception>
    public static SvgChart ToRunChart(this StandardEvaluation evaluation, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<RunChartMarker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(measurements);
        var all = new List<RunChartMarker>(markers ?? []);
        if (evaluation.DriftSignals.Count > 0 && evaluation.DriftSignals[^1] is { At: { } driftAt } drift)
        {
            all.Add(new RunChartMarker(driftAt, "drift: " + drift.Description, RunChartMarkerKind.Warning));
        }

        foreach (BurnRateAlert alert in evaluation.Alerts.Where(a => a.IsFiring))
        {
            all.Add(new RunChartMarker(evaluation.AsOf, "burn-rate alert: " + alert, RunChartMarkerKind.Warning));
        }

        return RunChart.Draw(evaluation.Standard, measurements, evaluation.Windows, all, evaluation.AsOf);
    }

    /// <summary>Draws the run chart of one standard from its definition and measurements alone (no windows or alerts).</summary>
    /// <param name="standard">The standard.</param>
    /// <param name="measurements">The measurements (those of other standards are ignored).</param>
    /// <param name="markers">Markers to draw; none when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standard"/> or <paramref name="measurements"/> is null.</exception>
    public static SvgChart ToRunChart(this ReliabilityStandard standard, IEnumerable<ReliabilityMeasurement> measurements, IEnumerable<RunChartMarker>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(measurements);
        return RunChart.Draw(standard, measurements, [], markers ?? [], asOf: null);
    }

    /// <summary>Renders the report as CSV: one row per standard (see the remarks of <see cref="ReliabilityRenderer"/>).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV, comma separated, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(this ReliabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (StandardEvaluation e in report.Standards)
        {
            WindowEvaluation? w = e.CurrentWindow;
            csv.Text(e.Standard.Id).Text(e.Standard.Name).Text(e.Standard.TouchpointId).Text(e.Standard.Owner).Value(ReportText.Status(e.Status))
                .Value(ReportText.Instant(e.AsOf)).Value(w?.Label ?? string.Empty)
                .Value(w is null ? string.Empty : ReportText.Instant(w.Start)).Value(w is null ? string.Empty : ReportText.Instant(w.End))
                .Value(Count(w?.EventCount)).Value(Count(w?.GoodEventCount)).Value(Count(w?.BadEventCount))
                .Value(w?.Compliance is { } c ? ReportText.Exact(c) : string.Empty).Value(ReportText.Exact(e.Standard.Objective))
                .Value(Number(w?.ErrorBudget)).Value(Number(w?.BudgetConsumed)).Value(Number(w?.BudgetRemaining)).Value(Number(w?.BurnRate))
                .Text(string.Join("; ", e.Alerts.Where(a => a.IsFiring).Select(a => a.ToString())))
                .Text(string.Join("; ", e.Reasons.Select(r => r.Message))).End();
        }

        return csv.ToString();
    }

    /// <summary>Renders the report as a JSON document: the instant, the number of measurements (when
    /// <see cref="ReportOptions.RecordCount"/> is given), the count of each status, and every standard with its definition,
    /// status, reasons, current window, burn-rate alerts and last drift signal.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The number of measurements; none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(this ReliabilityReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("asOf", ReportText.Instant(report.AsOf));
            if (options.RecordCount is { } n)
            {
                json.WriteNumber("measurements", n);
            }

            json.WriteStartObject("summary");
            json.WriteNumber("reliable", report.CountWith(StandardStatus.Reliable));
            json.WriteNumber("watch", report.CountWith(StandardStatus.Watch));
            json.WriteNumber("breached", report.CountWith(StandardStatus.Breached));
            json.WriteNumber("noData", report.CountWith(StandardStatus.NoData));
            json.WriteEndObject();
            json.WriteStartArray("standards");
            foreach (StandardEvaluation e in report.Standards)
            {
                Evaluation(json, e);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Writes a standard's definition as the JSON documents show it (id, name, touchpoint, owner, metric, unit, op,
    /// threshold, objective, window, minimum events).</summary>
    internal static void Standard(Utf8JsonWriter json, ReliabilityStandard s)
    {
        json.WriteString("id", s.Id);
        json.WriteString("name", s.Name);
        json.WriteString("touchpoint", s.TouchpointId);
        json.WriteString("owner", s.Owner);
        json.WriteString("metric", s.Metric);
        json.WriteString("unit", s.Unit);
        json.WriteString("op", ReportText.Op(s.Comparison));
        json.WriteNumber("threshold", s.Threshold);
        json.WriteNumber("objective", s.Objective);
        json.WriteString("window", s.Window.ToString());
        json.WriteNumber("minimumEvents", s.MinimumEvents);
    }

    /// <summary>The title of a reliability rendering: <paramref name="what"/>, and where the data came from.</summary>
    internal static string Title(string what, ReportOptions options) => options.Source is null ? what : what + " from " + options.Source;

    /// <summary>The measurements part of a summary line: <c>; 11 measurements. </c>, or <c>. </c> when the count is unknown.</summary>
    internal static string Measurements(ReportOptions options, bool grouped) =>
        options.RecordCount is { } n ? $"; {(grouped ? ReportText.GroupedCount(n) : ReportText.Count(n))} measurements. " : ". ";

    private static void Evaluation(Utf8JsonWriter json, StandardEvaluation e)
    {
        json.WriteStartObject();
        Standard(json, e.Standard);
        json.WriteString("status", ReportText.Status(e.Status));
        json.WriteStartArray("reasons");
        foreach (StatusReason reason in e.Reasons)
        {
            json.WriteStartObject();
            json.WriteString("kind", ReportText.Camel(reason.Kind));
            json.WriteString("message", reason.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (e.CurrentWindow is { } w)
        {
            json.WriteStartObject("currentWindow");
            json.WriteString("label", w.Label);
            json.WriteString("start", ReportText.Instant(w.Start));
            json.WriteString("end", ReportText.Instant(w.End));
            json.WriteBoolean("complete", w.IsComplete);
            json.WriteString("status", ReportText.Camel(w.Status));
            json.WriteNumber("events", w.EventCount);
            json.WriteNumber("goodEvents", w.GoodEventCount);
            json.WriteNumber("badEvents", w.BadEventCount);
            ReportJson.Fraction(json, "compliance", w.Compliance);
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
            json.WriteString("severity", ReportText.Camel(a.Pair.Severity));
            json.WriteString("longWindow", ReportText.IsoDuration(a.Pair.LongWindow));
            json.WriteString("shortWindow", ReportText.IsoDuration(a.Pair.ShortWindow));
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
            json.WriteString("source", ReportText.Camel(d.Source));
            json.WriteNumber("rule", d.Rule);
            json.WriteString("direction", ReportText.Camel(d.Direction));
            json.WriteNumber("statistic", d.Statistic);
            json.WriteNumber("limit", d.Limit);
            if (d.At is { } at)
            {
                json.WriteString("at", ReportText.Instant(at));
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

    private static string Render(ReliabilityReport report, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, Summary(report, options, grouped: false), markdown).Append('\n');
        ReportTable table = Table(report);
        if (markdown)
        {
            table.WriteMarkdown(text);
        }
        else
        {
            table.WriteText(text);
        }

        text.Append('\n').Append(markdown ? "### Reasons\n\n" : "Reasons:\n");
        foreach (string reason in Reasons(report))
        {
            text.Append(markdown ? "- " : "  ");
            ReportMarkup.Line(text, reason, markdown);
        }

        return text.ToString();
    }

    private static string Title(ReportOptions options) => Title("Reliability standards", options);

    private static string Summary(ReliabilityReport report, ReportOptions options, bool grouped) => string.Create(CultureInfo.InvariantCulture,
        $"As of {ReportText.Instant(report.AsOf)}{Measurements(options, grouped)}{report.Standards.Count} standards: {report.CountWith(StandardStatus.Reliable)} reliable, {report.CountWith(StandardStatus.Watch)} watch, {report.CountWith(StandardStatus.Breached)} breached, {report.CountWith(StandardStatus.NoData)} no data.");

    private static IEnumerable<string> Reasons(ReliabilityReport report) =>
        report.Standards.SelectMany(e => e.Reasons.Select(r => e.Standard.Id + ": " + r.Message));

    private static ReportTable Table(ReliabilityReport report)
    {
        var table = new ReportTable(TableHeader, TableLeft);
        foreach (StandardEvaluation e in report.Standards)
        {
            WindowEvaluation? w = e.CurrentWindow;
            table.Add(
                ReportTable.Cell.Text(e.Standard.Id), ReportTable.Cell.Value(ReportText.StatusWords(e.Status)).Strong(), ReportTable.Cell.Value(w?.Label ?? "-"),
                w is null ? ReportTable.Cell.Value("-") : ReportTable.Cell.Count(w.EventCount), w is null ? ReportTable.Cell.Value("-") : ReportTable.Cell.Count(w.GoodEventCount),
                ReportTable.Cell.Value(ReportText.Percent(w?.Compliance)), ReportTable.Cell.Value(ReportText.Percent(e.Standard.Objective)),
                ReportTable.Cell.Value(w is null ? "-" : ReportText.Fixed(w.ErrorBudget, 2)), ReportTable.Cell.Value(w is null ? "-" : ReportText.Percent(w.BudgetConsumed)),
                ReportTable.Cell.Value(w is null ? "-" : ReportText.Fixed(w.BudgetRemaining, 2)), ReportTable.Cell.Value(w is null ? "-" : ReportText.Fixed(w.BurnRate, 2)),
                ReportTable.Cell.Text(e.Standard.Owner ?? "-"), ReportTable.Cell.Text(e.Standard.TouchpointId));
        }

        return table;
    }

    private static string Count(long? n) => n is { } v ? ReportText.Count(v) : string.Empty;

    private static string Number(double? x) => x is { } v ? ReportText.Exact(v) : string.Empty;
}
