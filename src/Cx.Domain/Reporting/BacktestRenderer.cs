using System.Text;
using Cx.Domain.Reliability;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="ReliabilityBacktest"/> (the early warnings replayed over history) as aligned text, Markdown,
/// HTML, CSV or JSON: the scorecard first, then the warning episodes, then the breaches with their lead times.</summary>
/// <remarks>
/// <para>Extension methods: <c>backtest.ToMarkdown()</c>. Instants ISO 8601 in UTC; lead times for people in the tables
/// (<c>2d 4h</c>) and ISO 8601 in CSV and JSON (<c>P2DT4H</c>); invariant culture, LF line ends. These are the outputs of
/// <c>cx reliability --backtest</c>.</para>
/// <para>The tables: the scorecard (one row per standard and one for all: breaches, warned, recall, episodes, true,
/// precision, median, 10th percentile and shortest lead time, false episodes per standard per 90 days, share of time in
/// warning), the episodes (standard, opened, closed, peak severity, verdict, the breach that made it true, the detectors,
/// what opened it), the breaches (standard, onset, window, first warning, lead time). The CSV has one row per scorecard,
/// episode and breach, told apart by its first column <c>record</c> (<c>scorecard</c>, <c>episode</c>, <c>breach</c>), with
/// the columns <c>record, standard, touchpoint, owner</c>, the scorecard's, then <c>at, closed_at, peak_severity, verdict,
/// breach_at, detectors, reason, window, first_warning_at, lead_time</c>. The JSON schema is in <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class BacktestRenderer
{
    private static readonly string[] CsvHeader =
    [
        "record", "standard", "touchpoint", "owner", .. EarlyWarningTables.ScorecardCsvHeader,
        "at", "closed_at", "peak_severity", "verdict", "breach_at", "detectors", "reason", "window", "first_warning_at", "lead_time",
    ];

    /// <summary>Renders the backtest as aligned text for a terminal: a title, a summary line, the scorecard, the episodes and
    /// the breaches.</summary>
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

    /// <summary>Renders the backtest as an HTML section: a heading, the summary, the scorecard, the episodes and the breaches.</summary>
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
        ReportHtml.Paragraph(html, EarlyWarningTables.Summary(backtest, options, grouped: true));
        EarlyWarningTables.Scorecards(backtest).WriteHtml(html, "Scorecard");
        EarlyWarningTables.Episodes(backtest).WriteHtml(html, "Warning episodes");
        EarlyWarningTables.Breaches(backtest).WriteHtml(html, "Breaches");
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws the run chart of one standard's backtest: its measurements against the threshold, with the opening of
    /// every warning episode (amber) and every breach (red) of the backtest as a vertical marker.</summary>
    /// <param name="backtest">One standard's backtest, from <see cref="ReliabilityBacktest.Standards"/>.</param>
    /// <param name="measurements">The measurements (those of other standards are ignored).</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> or <paramref name="measurements"/> is null.</exception>
    public static SvgChart ToRunChart(this StandardBacktest backtest, IEnumerable<ReliabilityMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        ArgumentNullException.ThrowIfNull(measurements);
        IEnumerable<RunChartMarker> markers = backtest.Episodes
            .Select(e => new RunChartMarker(e.OpenedAt, (e.Verdict == EpisodeVerdict.False ? "false warning episode: " : "warning episode: ") + e.Escalations[0].Description, RunChartMarkerKind.Warning))
            .Concat(backtest.Breaches.Select(b => new RunChartMarker(b.At, $"breach in {b.WindowLabel}" + (b.LeadTime is { } l ? $", warned {ReportText.Human(l)} before" : ", not warned"), RunChartMarkerKind.Breach)));
        return backtest.Standard.ToRunChart(measurements.Where(m => m.At >= backtest.From && m.At <= backtest.To), markers);
    }

    /// <summary>Renders the backtest as CSV: the scorecard rows, then one row per episode and per breach (see the remarks of
    /// <see cref="BacktestRenderer"/>).</summary>
    /// <param name="backtest">The backtest.</param>
    /// <returns>The CSV, comma separated, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="backtest"/> is null.</exception>
    public static string ToCsv(this ReliabilityBacktest backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        var csv = new CsvBuilder().Header(CsvHeader);
        const int detailColumns = 10;
        foreach (StandardBacktest s in backtest.Standards)
        {
            EarlyWarningTables.ScorecardCsv(csv.Value("scorecard").Text(s.Standard.Id).Text(s.Standard.TouchpointId).Text(s.Standard.Owner), s.Scorecard);
            Empty(csv, detailColumns).End();
        }

        EarlyWarningTables.ScorecardCsv(csv.Value("scorecard").Value("all").Value(string.Empty).Value(string.Empty), backtest.Scorecard);
        Empty(csv, detailColumns).End();
        foreach (StandardBacktest s in backtest.Standards)
        {
            ReliabilityStandard st = s.Standard;
            foreach (WarningEpisode e in s.Episodes)
            {
                Empty(csv.Value("episode").Text(st.Id).Text(st.TouchpointId).Text(st.Owner), EarlyWarningTables.ScorecardCsvHeader.Length)
                    .Value(ReportText.Instant(e.OpenedAt)).Value(e.ClosedAt is { } c ? ReportText.Instant(c) : string.Empty)
                    .Value(EarlyWarningTables.Severity(e.PeakSeverity)).Value(EarlyWarningTables.Verdict(e.Verdict))
                    .Value(e.BreachAt is { } b ? ReportText.Instant(b) : string.Empty).Text(string.Join("; ", e.Detectors)).Text(e.Escalations[0].Description)
                    .Value(string.Empty).Value(string.Empty).Value(string.Empty).End();
            }

            foreach (BacktestBreach b in s.Breaches)
            {
                Empty(csv.Value("breach").Text(st.Id).Text(st.TouchpointId).Text(st.Owner), EarlyWarningTables.ScorecardCsvHeader.Length)
                    .Value(ReportText.Instant(b.At)).Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty)
                    .Value(b.WindowLabel).Value(b.FirstWarningAt is { } f ? ReportText.Instant(f) : string.Empty)
                    .Value(b.LeadTime is { } l ? ReportText.IsoDuration(l) : string.Empty).End();
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders the backtest as a JSON document: the end instant, the number of measurements (when
    /// <see cref="ReportOptions.RecordCount"/> is given), the policy, the overall scorecard, and every standard with its
    /// definition, span, step, scorecard, episodes (with escalations) and breaches.</summary>
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
            json.WriteString("asOf", ReportText.Instant(EarlyWarningTables.Span(backtest).To));
            if (options.RecordCount is { } n)
            {
                json.WriteNumber("measurements", n);
            }

            json.WriteStartObject("policy");
            json.WriteString("name", backtest.Policy.Name);
            json.WriteString("description", backtest.Policy.ToString());
            json.WriteEndObject();
            EarlyWarningTables.ScorecardJson(json, "scorecard", backtest.Scorecard);
            json.WriteStartArray("standards");
            foreach (StandardBacktest s in backtest.Standards)
            {
                json.WriteStartObject();
                ReliabilityRenderer.Standard(json, s.Standard);
                json.WriteString("from", ReportText.Instant(s.From));
                json.WriteString("to", ReportText.Instant(s.To));
                json.WriteString("step", ReportText.IsoDuration(s.Step));
                if (s.DetectorsUnavailable is { } why)
                {
                    json.WriteString("detectorsUnavailable", why);
                }

                EarlyWarningTables.ScorecardJson(json, "scorecard", s.Scorecard);
                json.WriteStartArray("episodes");
                foreach (WarningEpisode e in s.Episodes)
                {
                    EarlyWarningTables.EpisodeJson(json, e);
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

    private static CsvBuilder Empty(CsvBuilder csv, int count)
    {
        for (int i = 0; i < count; i++)
        {
            csv.Value(string.Empty);
        }

        return csv;
    }

    private static string Render(ReliabilityBacktest backtest, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, EarlyWarningTables.Summary(backtest, options, grouped: false), markdown).Append('\n');
        Section(text, "Scorecard", EarlyWarningTables.Scorecards(backtest), markdown);
        ReportTable episodes = EarlyWarningTables.Episodes(backtest);
        ReportTable breaches = EarlyWarningTables.Breaches(backtest);
        Section(text, "Warning episodes", episodes.RowCount == 0 ? null : episodes, markdown);
        Section(text, "Breaches", breaches.RowCount == 0 ? null : breaches, markdown);
        string unavailable = string.Join("; ", backtest.Standards.Where(s => s.DetectorsUnavailable is not null).Select(s => $"{s.Standard.Id}: {s.DetectorsUnavailable}"));
        if (unavailable.Length > 0)
        {
            ReportMarkup.Line(text, "Not run: " + unavailable, markdown);
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, ReportTable? table, bool markdown)
    {
        text.Append(markdown ? "### " + heading + "\n\n" : heading + ":\n");
        if (table is null)
        {
            text.Append(markdown ? "None.\n\n" : "  none\n\n");
            return;
        }

        if (markdown)
        {
            table.WriteMarkdown(text);
        }
        else
        {
            table.WriteText(text);
        }

        text.Append('\n');
    }

    private static string Title(ReportOptions options) => ReliabilityRenderer.Title("Backtest of the early warnings", options);
}
