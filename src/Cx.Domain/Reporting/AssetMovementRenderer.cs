using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;

namespace Cx.Domain.Reporting;

/// <summary>Renders an <see cref="AssetMovementReport"/> (the asset bridge of every period) as aligned text, Markdown, HTML,
/// CSV or JSON, and as a waterfall chart.</summary>
/// <remarks>
/// <para>Extension methods, so a script or notebook writes <c>report.ToMarkdown()</c>. Amounts are in the unit's major units
/// (<c>1234.50</c> for USD; thousands separated in HTML), invariant culture, LF line ends; the same report always gives the
/// same bytes. These are the outputs of <c>cx movements</c>.</para>
/// <para>The CSV has a header and one row per period: <c>period, start, end, currency, opening, closing</c>, then
/// <c>count</c> and <c>value</c> of each class (new, reactivated, expansion, contraction, flat, churned; contraction and
/// churned negative), then <c>active_customers, incoming_customers, lost_customers, lost_value</c>. The JSON schema is in
/// <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class AssetMovementRenderer
{
    /// <summary>The six movement classes in the order of the outputs.</summary>
    internal static readonly MovementClass[] Classes =
        [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Flat, MovementClass.Churned];

    private static readonly string[] TableHeader =
        ["period", "opening", "new", "reactivated", "expansion", "contraction", "churned", "closing", "net change", "active", "incoming", "lost"];

    private static readonly string[] CsvHeader =
        ["period", "start", "end", "currency", "opening", "closing", .. ClassesCsvHeader, "active_customers", "incoming_customers", "lost_customers", "lost_value"];

    /// <summary>Renders the report as aligned text for a terminal: a title, a summary line, one row per period, notes.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToText(this AssetMovementReport report, ReportOptions? options = null) => Render(report, options, markdown: false);

    /// <summary>Renders the report as Markdown: a <c>##</c> title, a summary line, a table with one row per period, notes.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(this AssetMovementReport report, ReportOptions? options = null) => Render(report, options, markdown: true);

    /// <summary>Renders the report as an HTML section: a heading, the summary, the table (amounts right-aligned and thousands
    /// separated), notes. Place it in an <see cref="HtmlPage"/> or a notebook cell.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static HtmlFragment ToHtml(this AssetMovementReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(report, options, grouped: true));
        Table(report).WriteHtml(html);
        foreach (string note in Notes(report, options))
        {
            ReportHtml.Note(html, note);
        }

        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws the bridge as a waterfall chart: the opening value, the total of each movement class over the
    /// report's periods (gains rise in green, losses fall in red) and the closing value, in currency units.</summary>
    /// <param name="report">The report.</param>
    /// <param name="period">One period of the report to draw; all of them (first opening to last closing) when null.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentException">The report has no periods, or <paramref name="period"/> is not one of them.</exception>
    /// <exception cref="CxValidationException">A movement class summed over the periods, or the net change, does not fit in
    /// 64-bit minor units (CX0111); each period alone fits.</exception>
    public static SvgChart ToWaterfallChart(this AssetMovementReport report, GridPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Periods.Count == 0)
        {
            throw new ArgumentException("Expected a report with at least one period, got none.", nameof(report));
        }

        if (period is null)
        {
            return WaterfallChart.Draw(report, 0, report.Periods.Count - 1);
        }

        int index = report.Periods.ToList().FindIndex(p => p.Period.Equals(period));
        return index < 0
            ? throw new ArgumentException($"Expected a period of the report ({report.Grid}), got {period}.", nameof(period))
            : WaterfallChart.Draw(report, index, index);
    }

    /// <summary>Renders the report as CSV: a header, then one row per period (see the remarks of
    /// <see cref="AssetMovementRenderer"/>).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(this AssetMovementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MeasureUnit unit = report.Unit;
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (PeriodMovement p in report.Periods)
        {
            csv.Value(p.Period.Label).Value(ReportText.Date(p.Period.Start)).Value(ReportText.Date(p.Period.End)).Text(unit.Name)
                .Value(unit.Format(p.Opening)).Value(unit.Format(p.Closing));
            ClassesCsv(csv, unit, p.Get);

            csv.Value(ReportText.Count(p.Customers.ActiveCount)).Value(ReportText.Count(p.Customers.IncomingCount))
                .Value(ReportText.Count(p.Customers.LostCount)).Value(unit.Format(p.Customers.LostValue)).End();
        }

        return csv.ToString();
    }

    /// <summary>Renders the report as a JSON document: the unit, grid and window, then every period with its dates, opening,
    /// closing, each class's count and value, and the customer view.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline; amounts as numbers in major units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(this AssetMovementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MeasureUnit unit = report.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            json.WriteString("grid", report.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("activityWindow", report.ActivityWindow);
            json.WriteNumber("excludedRecords", report.ExcludedRecordCount);
            json.WriteStartArray("periods");
            foreach (PeriodMovement p in report.Periods)
            {
                json.WriteStartObject();
                json.WriteString("period", p.Period.Label);
                json.WriteString("start", ReportText.Date(p.Period.Start));
                json.WriteString("end", ReportText.Date(p.Period.End));
                ReportJson.Amount(json, unit, "opening", p.Opening);
                ReportJson.Amount(json, unit, "closing", p.Closing);
                ClassesJson(json, unit, p.Get);

                json.WriteStartObject("customers");
                json.WriteNumber("active", p.Customers.ActiveCount);
                json.WriteNumber("incoming", p.Customers.IncomingCount);
                json.WriteNumber("lost", p.Customers.LostCount);
                ReportJson.Amount(json, unit, "lostValue", p.Customers.LostValue);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>The CSV header of the six classes: <c>new_count, new_value, ..., churned_value</c>.</summary>
    internal static IEnumerable<string> ClassesCsvHeader => Classes.SelectMany(c => (string[])[ReportText.Camel(c) + "_count", ReportText.Camel(c) + "_value"]);

    /// <summary>Writes the count and value of the six classes as CSV cells.</summary>
    internal static void ClassesCsv(CsvBuilder csv, MeasureUnit unit, Func<MovementClass, MovementTotal> get)
    {
        foreach (MovementClass c in Classes)
        {
            MovementTotal total = get(c);
            csv.Value(ReportText.Count(total.CustomerCount)).Value(unit.Format(total.Value));
        }
    }

    /// <summary>Writes the six classes as JSON objects <c>"new": {"count": 1, "value": 10.00}</c>.</summary>
    internal static void ClassesJson(System.Text.Json.Utf8JsonWriter json, MeasureUnit unit, Func<MovementClass, MovementTotal> get)
    {
        foreach (MovementClass c in Classes)
        {
            MovementTotal total = get(c);
            json.WriteStartObject(ReportText.Camel(c));
            json.WriteNumber("count", total.CustomerCount);
            ReportJson.Amount(json, unit, "value", total.Value);
            json.WriteEndObject();
        }
    }

    private static string Render(AssetMovementReport report, ReportOptions? options, bool markdown)
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

        foreach (string note in Notes(report, options))
        {
            text.Append('\n');
            ReportMarkup.Line(text, note, markdown);
        }

        return text.ToString();
    }

    private static string Title(ReportOptions options) =>
        options.Source is null ? "Customer asset movements" : "Customer asset movements from " + options.Source;

    private static string Summary(AssetMovementReport report, ReportOptions options, bool grouped)
    {
        Func<long, string> count = grouped ? ReportText.GroupedCount : ReportText.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Unit.Name}, {report.Grid}, activity window {report.ActivityWindow}; {count(report.CustomerCount)} customers{(options.RecordCount is { } n ? $", {count(n)} records" : string.Empty)}.");
    }

    private static IEnumerable<string> Notes(AssetMovementReport report, ReportOptions options)
    {
        if (report.ExcludedRecordCount > 0)
        {
            string why = options.NameCommandLineOptions ? "--end" : "after the grid's last period";
            yield return string.Create(CultureInfo.InvariantCulture, $"{report.ExcludedRecordCount} record(s) after {report.Grid.Periods[^1].Label} were left out ({why}).");
        }
    }

    private static ReportTable Table(AssetMovementReport report)
    {
        MeasureUnit unit = report.Unit;
        var table = new ReportTable(TableHeader, leftColumns: 1);
        foreach (PeriodMovement p in report.Periods)
        {
            table.Add(
                ReportTable.Cell.Text(p.Period.Label), ReportTable.Cell.Amount(unit, p.Opening), ReportTable.Cell.Amount(unit, p.New.Value),
                ReportTable.Cell.Amount(unit, p.Reactivated.Value), ReportTable.Cell.Amount(unit, p.Expansion.Value),
                ReportTable.Cell.Amount(unit, p.Contraction.Value), ReportTable.Cell.Amount(unit, p.Churned.Value),
                ReportTable.Cell.Amount(unit, p.Closing).Strong(), ReportTable.Cell.Amount(unit, p.NetChange),
                ReportTable.Cell.Count(p.Customers.ActiveCount), ReportTable.Cell.Count(p.Customers.IncomingCount), ReportTable.Cell.Count(p.Customers.LostCount));
        }

        return table;
    }
}
