using System.Globalization;
using System.Text;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="ReliabilityBacktest"/> (the early warnings replayed over history, with every breach and
/// its lead time) as aligned text, Markdown, HTML, CSV or JSON.</summary>
/// <remarks>
/// <para>Extension methods: <c>backtest.ToMarkdown()</c>. Instants ISO 8601 in UTC; lead times for people in the tables
/// (<c>2d 4h</c>) and ISO 8601 in CSV and JSON (<c>P2DT4H</c>); invariant culture, LF line ends. These are the outputs of
/// <c>cx reliability --backtest</c>.</para>
/// <para>The table has one row per warning and breach in time order per standard, followed by a summary line per
/// standard. The CSV has the same rows (<c>standard, touchpoint, owner, event, at, window, reason, followed_by_breach,
/// first_warning_at, lead_time</c>). The JSON schema is in <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class BacktestRenderer
{
    private static readonly string[] TableHeader = ["standard", "event", "at", "window", "first warning", "lead time", "reason"];

    private static readonly string[] CsvHeader =
        ["standard", "touchpoint", "owner", "event", "at", "window", "reason", "followed_by_breach", "first_warning_at", "lead_time"];

    /// <summary>Renders the backtest as aligned text for a terminal: a title, a summary line, one row per warning and breach,
    /// a summary per standard.</summary>
    /// <param name="backtest">The backtest.</param>
    /// <param name="options">Where the data came from (<see cref="ReportOptions.RecordCount"/> is the number of
    /// measurements); none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string ToText(this ReliabilityBacktest backtest, ReportOptions? options = null) => Render(backtest, options, markdown: false);

    /// <summary>Renders the backtest as Markdown.</summary>
    /// <param name="backtest">The backtest.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string ToMarkdown(this ReliabilityBacktest backtest, ReportOptions? options = null) => Render(backtest, options, markdown: true);

    /// <summary>Renders the backtest as an HTML section: a heading, the summary, the table of warnings and breaches, the
    /// summary per standard.</summary>
    /// <param name="backtest">The backtest.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static HtmlFragment ToHtml(this ReliabilityBacktest backtest, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(backtest, options, grouped: true));
        Table(backtest).WriteHtml(html);
        ReportHtml.SubHeading(html, "Summary");
        ReportHtml.List(html, StandardSummaries(backtest));
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws the run chart of one standard's backtest: its measurements against the threshold, with every warning
    /// (amber) and breach (red) of the backtest as a vertical marker.</summary>
    /// <param name="backtest">One standard's backtest, from <see cref="ReliabilityBacktest.Standards"/>.</param>
    /// <param name="measurements">The measurements (those of other standards are ignored).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> or <paramref name="measurements"/> is null.</exception>
    public static SvgChart ToRunChart(this StandardBacktest backtest, IEnumerable<ReliabilityMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(measurements);
        IEnumerable<RunChartMarker> markers = backtest.Warnings
            .Select(w => new RunChartMarker(w.At, (w.WasFollowedByBreach ? "warning: " : "false warning: ") + w.Reason, RunChartMarkerKind.Warning))
            .Concat(backtest.Breaches.Select(b => new RunChartMarker(b.At, $"breach in {b.WindowLabel}" + (b.LeadTime is { } l ? $", warned {ReportText.Human(l)} before" : ", not warned"), RunChartMarkerKind.Breach)));
        return backtest.Standard.ToRunChart(measurements.Where(m => m.At >= backtest.From && m.At <= backtest.To), markers);
    }

    /// <summary>Renders the backtest as CSV: one row per warning and breach (see the remarks of <see cref="BacktestRenderer"/>).</summary>
    /// <param name="backtest">The backtest.</param>
    /// <returns>The CSV, comma separated, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string ToCsv(this ReliabilityBacktest backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (StandardBacktest s in backtest.Standards)
        {
            ReliabilityStandard st = s.Standard;
            foreach (Event e in Events(s))
            {
                csv.Text(st.Id).Text(st.TouchpointId).Text(st.Owner);
                if (e.Warning is { } w)
                {
                    csv.Value("warning").Value(ReportText.Instant(w.At)).Value(string.Empty).Text(w.Reason)
                        .Value(w.WasFollowedByBreach ? "true" : "false").Value(string.Empty).Value(string.Empty);
                }
                else
                {
                    BacktestBreach b = e.Breach!;
                    csv.Value("breach").Value(ReportText.Instant(b.At)).Value(b.WindowLabel).Value(string.Empty).Value(string.Empty)
                        .Value(b.FirstWarningAt is { } f ? ReportText.Instant(f) : string.Empty)
                        .Value(b.LeadTime is { } l ? ReportText.IsoDuration(l) : string.Empty);
                }

                csv.End();
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders the backtest as a JSON document: the end instant, the number of measurements (when
    /// <see cref="ReportOptions.RecordCount"/> is given), the totals, and every standard with its definition, span, step,
    /// counts, median lead time, warnings and breaches.</summary>
    /// <param name="backtest">The backtest.</param>
    /// <param name="options">The number of measurements; none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string ToJson(this ReliabilityBacktest backtest, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        options ??= ReportOptions.Default;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("asOf", ReportText.Instant(End(backtest)));
            if (options.RecordCount is { } n)
            {
                json.WriteNumber("measurements", n);
            }

            json.WriteStartObject("summary");
            json.WriteNumber("breaches", backtest.BreachCount);
            json.WriteNumber("warnedBreaches", backtest.WarnedBreachCount);
            json.WriteNumber("missedBreaches", backtest.BreachCount - backtest.WarnedBreachCount);
            json.WriteNumber("warnings", backtest.Standards.Sum(s => s.Warnings.Count));
            json.WriteNumber("falseWarnings", backtest.FalseWarningCount);
            json.WriteEndObject();
            json.WriteStartArray("standards");
            foreach (StandardBacktest s in backtest.Standards)
            {
                json.WriteStartObject();
                ReliabilityRenderer.Standard(json, s.Standard);
                json.WriteString("from", ReportText.Instant(s.From));
                json.WriteString("to", ReportText.Instant(s.To));
                json.WriteString("step", ReportText.IsoDuration(s.Step));
                json.WriteNumber("breachCount", s.Breaches.Count);
                json.WriteNumber("warnedBreaches", s.WarnedBreachCount);
                json.WriteNumber("missedBreaches", s.MissedBreachCount);
                json.WriteNumber("falseWarnings", s.FalseWarningCount);
                if (s.MedianLeadTime is { } median)
                {
                    json.WriteString("medianLeadTime", ReportText.IsoDuration(median));
                }
                else
                {
                    json.WriteNull("medianLeadTime");
                }

                json.WriteStartArray("warnings");
                foreach (BacktestWarning w in s.Warnings)
                {
                    json.WriteStartObject();
                    json.WriteString("at", ReportText.Instant(w.At));
                    json.WriteString("reason", w.Reason);
                    json.WriteBoolean("followedByBreach", w.WasFollowedByBreach);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("breaches");
                foreach (BacktestBreach b in s.Breaches)
                {
                    json.WriteStartObject();
                    json.WriteString("at", ReportText.Instant(b.At));
                    json.WriteString("window", b.WindowLabel);
                    if (b.FirstWarningAt is { } warned)
                    {
                        json.WriteString("firstWarningAt", ReportText.Instant(warned));
                        json.WriteString("leadTime", ReportText.IsoDuration(b.LeadTime!.Value));
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
            json.WriteEndObject();
        });
    }

    private static string Render(ReliabilityBacktest backtest, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, Summary(backtest, options, grouped: false), markdown).Append('\n');
        ReportTable table = Table(backtest);
        if (markdown)
        {
            table.WriteMarkdown(text);
        }
        else
        {
            table.WriteText(text);
        }

        text.Append('\n').Append(markdown ? "### Summary\n\n" : "Summary:\n");
        foreach (string line in StandardSummaries(backtest))
        {
            text.Append(markdown ? "- " : "  ");
            ReportMarkup.Line(text, line, markdown);
        }

        return text.ToString();
    }

    /// <summary>The end of the backtest: the last instant judged (the same for every standard).</summary>
    private static Instant End(ReliabilityBacktest backtest) => backtest.Standards.Count == 0 ? default : backtest.Standards.Max(s => s.To);

    private static string Title(ReportOptions options) => ReliabilityRenderer.Title("Backtest of the early warnings", options);

    private static string Summary(ReliabilityBacktest backtest, ReportOptions options, bool grouped) => string.Create(CultureInfo.InvariantCulture,
        $"Up to {ReportText.Instant(End(backtest))}{ReliabilityRenderer.Measurements(options, grouped)}{backtest.BreachCount} breaches ({backtest.WarnedBreachCount} warned, {backtest.BreachCount - backtest.WarnedBreachCount} missed), {backtest.Standards.Sum(s => s.Warnings.Count)} warnings ({backtest.FalseWarningCount} false).");

    private static IEnumerable<string> StandardSummaries(ReliabilityBacktest backtest) => backtest.Standards.Select(s => string.Create(CultureInfo.InvariantCulture,
        $"{s.Standard.Id}: {s.Breaches.Count} breaches ({s.WarnedBreachCount} warned, {s.MissedBreachCount} missed, median lead time {(s.MedianLeadTime is { } m ? ReportText.Human(m) : "-")}), {s.Warnings.Count} warnings ({s.FalseWarningCount} false)"));

    private static ReportTable Table(ReliabilityBacktest backtest)
    {
        var table = new ReportTable(TableHeader, leftColumns: TableHeader.Length);
        foreach (StandardBacktest s in backtest.Standards)
        {
            foreach (Event e in Events(s))
            {
                if (e.Warning is { } w)
                {
                    table.Add(
                        ReportTable.Cell.Text(s.Standard.Id), ReportTable.Cell.Value(w.WasFollowedByBreach ? "warning" : "warning (false)"), ReportTable.Cell.Value(ReportText.Instant(w.At)),
                        ReportTable.Cell.Value("-"), ReportTable.Cell.Value("-"), ReportTable.Cell.Value("-"), ReportTable.Cell.Text(w.Reason));
                }
                else
                {
                    BacktestBreach b = e.Breach!;
                    table.Add(
                        ReportTable.Cell.Text(s.Standard.Id), ReportTable.Cell.Value(b.FirstWarningAt is null ? "breach (missed)" : "breach").Strong(),
                        ReportTable.Cell.Value(ReportText.Instant(b.At)), ReportTable.Cell.Value(b.WindowLabel),
                        ReportTable.Cell.Value(b.FirstWarningAt is { } f ? ReportText.Instant(f) : "-"), ReportTable.Cell.Value(b.LeadTime is { } l ? ReportText.Human(l) : "-"),
                        ReportTable.Cell.Value("-"));
                }
            }
        }

        return table;
    }

    /// <summary>A standard's warnings and breaches in time order, a warning before a breach at the same instant.</summary>
    private static IEnumerable<Event> Events(StandardBacktest s) =>
        s.Warnings.Select(w => new Event(w.At, 0, w, null)).Concat(s.Breaches.Select(b => new Event(b.At, 1, null, b)))
            .OrderBy(e => e.At).ThenBy(e => e.Order);

    private sealed record Event(Instant At, int Order, BacktestWarning? Warning, BacktestBreach? Breach);
}
