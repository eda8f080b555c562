using System.Globalization;
using System.Text;
using Cx.Domain.Assets;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="SegmentMovementReport"/> (the asset bridge of every segment: plan, region, channel) as
/// aligned text, Markdown, HTML, CSV or JSON.</summary>
/// <remarks>
/// <para>Extension methods: <c>segments.ToMarkdown()</c>. One row per segment and period: opening, the movement classes,
/// the value that migrated in with customers who switched segment, and closing; customers without a segment are shown as
/// <c>(no segment)</c>. Amounts in major units (thousands separated in HTML), invariant culture, LF line ends.</para>
/// <para>The CSV columns: <c>segment, period, start, end, currency, opening, closing</c>, <c>count</c> and <c>value</c> of
/// each class, <c>net_migration_in</c> (an empty segment cell for customers without a segment). The JSON schema is in
/// <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class SegmentMovementRenderer
{
    private const string NoSegment = "(no segment)";

    private static readonly string[] TableHeader =
        ["segment", "period", "opening", "new", "reactivated", "expansion", "contraction", "churned", "migration in", "closing"];

    private static readonly string[] CsvHeader =
        ["segment", "period", "start", "end", "currency", "opening", "closing", .. AssetMovementRenderer.ClassesCsvHeader, "net_migration_in"];

    /// <summary>Renders the segment bridges as aligned text for a terminal.</summary>
    /// <param name="report">The segment report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToText(this SegmentMovementReport report, ReportOptions? options = null) => Render(report, options, markdown: false);

    /// <summary>Renders the segment bridges as Markdown.</summary>
    /// <param name="report">The segment report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(this SegmentMovementReport report, ReportOptions? options = null) => Render(report, options, markdown: true);

    /// <summary>Renders the segment bridges as an HTML section.</summary>
    /// <param name="report">The segment report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static HtmlFragment ToHtml(this SegmentMovementReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(report));
        Table(report).WriteHtml(html);
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Renders the segment bridges as CSV, one row per segment and period.</summary>
    /// <param name="report">The segment report.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends; segment names protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(this SegmentMovementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MeasureUnit unit = report.Unit;
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (SegmentBridge segment in report.Segments)
        {
            foreach (SegmentPeriodMovement p in segment.Periods)
            {
                csv.Text(segment.Segment).Value(p.Period.Label).Value(ReportText.Date(p.Period.Start)).Value(ReportText.Date(p.Period.End)).Text(unit.Name)
                    .Value(unit.Format(p.Opening)).Value(unit.Format(p.Closing));
                AssetMovementRenderer.ClassesCsv(csv, unit, c => Get(p, c));
                csv.Value(unit.Format(p.NetMigrationIn)).End();
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders the segment bridges as a JSON document: the unit and grid, then every segment (null for customers
    /// without one) with its periods.</summary>
    /// <param name="report">The segment report.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline; amounts as numbers in major units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(this SegmentMovementReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MeasureUnit unit = report.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            json.WriteString("grid", report.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteStartArray("segments");
            foreach (SegmentBridge segment in report.Segments)
            {
                json.WriteStartObject();
                json.WriteString("segment", segment.Segment);
                json.WriteStartArray("periods");
                foreach (SegmentPeriodMovement p in segment.Periods)
                {
                    json.WriteStartObject();
                    json.WriteString("period", p.Period.Label);
                    json.WriteString("start", ReportText.Date(p.Period.Start));
                    json.WriteString("end", ReportText.Date(p.Period.End));
                    ReportJson.Amount(json, unit, "opening", p.Opening);
                    ReportJson.Amount(json, unit, "closing", p.Closing);
                    AssetMovementRenderer.ClassesJson(json, unit, c => Get(p, c));
                    ReportJson.Amount(json, unit, "netMigrationIn", p.NetMigrationIn);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static MovementTotal Get(SegmentPeriodMovement p, MovementClass c) => c switch
    {
        MovementClass.New => p.New,
        MovementClass.Reactivated => p.Reactivated,
        MovementClass.Expansion => p.Expansion,
        MovementClass.Contraction => p.Contraction,
        MovementClass.Flat => p.Flat,
        _ => p.Churned,
    };

    private static string Render(SegmentMovementReport report, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, Summary(report), markdown).Append('\n');
        ReportTable table = Table(report);
        if (markdown)
        {
            table.WriteMarkdown(text);
        }
        else
        {
            table.WriteText(text);
        }

        return text.ToString();
    }

    private static string Title(ReportOptions options) =>
        options.Source is null ? "Customer asset movements by segment" : "Customer asset movements by segment from " + options.Source;

    private static string Summary(SegmentMovementReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Unit.Name}, {report.Grid}; {report.Segments.Count} segment(s). A movement belongs to the customer's segment in the period (the period before for churn); migration in is the value customers brought when they switched segment.");

    private static ReportTable Table(SegmentMovementReport report)
    {
        MeasureUnit unit = report.Unit;
        var table = new ReportTable(TableHeader, leftColumns: 2);
        foreach (SegmentBridge segment in report.Segments)
        {
            ReportTable.Cell name = segment.Segment is null ? ReportTable.Cell.Value(NoSegment) : ReportTable.Cell.Text(segment.Segment);
            foreach (SegmentPeriodMovement p in segment.Periods)
            {
                table.Add(
                    name, ReportTable.Cell.Text(p.Period.Label), ReportTable.Cell.Amount(unit, p.Opening), ReportTable.Cell.Amount(unit, p.New.Value),
                    ReportTable.Cell.Amount(unit, p.Reactivated.Value), ReportTable.Cell.Amount(unit, p.Expansion.Value), ReportTable.Cell.Amount(unit, p.Contraction.Value),
                    ReportTable.Cell.Amount(unit, p.Churned.Value), ReportTable.Cell.Amount(unit, p.NetMigrationIn), ReportTable.Cell.Amount(unit, p.Closing).Strong());
            }
        }

        return table;
    }
}
