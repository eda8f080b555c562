using System.Globalization;
using System.Text;
using Cx.Domain.Assets;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="CohortMatrix"/> (customers grouped by first active period, followed by age) as aligned text,
/// Markdown, HTML, CSV or JSON, and as a heat map.</summary>
/// <remarks>
/// <para>Extension methods: <c>matrix.ToMarkdown()</c>. Two tables: the share of each cohort's customers active at each age
/// (a percentage with one decimal), and the cohort's value at each age (major units; thousands separated in HTML).</para>
/// <para>The CSV is long: one row per cohort and age (<c>cohort, cohort_start, customers, age, period, active_customers,
/// value, customer_retention, value_retention</c>; the retentions are fractions, empty when undefined). The JSON schema is
/// in <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class CohortMatrixRenderer
{
    private static readonly string[] CsvHeader =
        ["cohort", "cohort_start", "currency", "customers", "age", "period", "active_customers", "value", "customer_retention", "value_retention"];

    /// <summary>Renders the matrix as aligned text for a terminal.</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static string ToText(this CohortMatrix matrix, ReportOptions? options = null) => Render(matrix, options, markdown: false);

    /// <summary>Renders the matrix as Markdown.</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static string ToMarkdown(this CohortMatrix matrix, ReportOptions? options = null) => Render(matrix, options, markdown: true);

    /// <summary>Renders the matrix as an HTML section with both tables.</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static HtmlFragment ToHtml(this CohortMatrix matrix, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(matrix, grouped: true));
        Customers(matrix).WriteHtml(html, CustomersCaption);
        Values(matrix).WriteHtml(html, ValuesCaption);
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws the matrix as a heat map of customer retention: one row per cohort, one column per age, each cell shaded
    /// by the share of the cohort's customers active (tooltips give the counts and value).</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static SvgChart ToHeatMap(this CohortMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return HeatMapChart.Draw(matrix, value: false);
    }

    /// <summary>Draws the matrix as a heat map of value retention: each cell shaded by the cohort's value at that age relative
    /// to its first-period value (the scale goes above 100% when cohorts grow, up to 200%).</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static SvgChart ToValueHeatMap(this CohortMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return HeatMapChart.Draw(matrix, value: true);
    }

    /// <summary>Renders the matrix as CSV, one row per cohort and age.</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static string ToCsv(this CohortMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        MeasureUnit unit = matrix.Unit;
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (CohortRow row in matrix.Rows)
        {
            foreach (CohortCell cell in row.Cells)
            {
                csv.Value(row.Cohort.Label).Value(ReportText.Date(row.Cohort.Start)).Text(unit.Name).Value(ReportText.Count(row.CustomerCount))
                    .Value(ReportText.Count(cell.Age)).Value(cell.Period.Label).Value(ReportText.Count(cell.ActiveCustomerCount)).Value(unit.Format(cell.Value))
                    .Value(Fraction(row.CustomerRetentionFraction(cell.Age))).Value(Fraction(row.ValueRetentionFraction(cell.Age))).End();
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders the matrix as a JSON document: the unit, grid and customers before the grid, then every cohort with
    /// its size, initial value and cells.</summary>
    /// <param name="matrix">The cohort matrix.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline; amounts as numbers in major units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    public static string ToJson(this CohortMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        MeasureUnit unit = matrix.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            json.WriteString("grid", matrix.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("customersFirstActiveBeforeGrid", matrix.CustomersFirstActiveBeforeGrid);
            json.WriteStartArray("cohorts");
            foreach (CohortRow row in matrix.Rows)
            {
                json.WriteStartObject();
                json.WriteString("cohort", row.Cohort.Label);
                json.WriteString("start", ReportText.Date(row.Cohort.Start));
                json.WriteNumber("customers", row.CustomerCount);
                ReportJson.Amount(json, unit, "initialValue", row.InitialValue);
                json.WriteStartArray("cells");
                foreach (CohortCell cell in row.Cells)
                {
                    json.WriteStartObject();
                    json.WriteNumber("age", cell.Age);
                    json.WriteString("period", cell.Period.Label);
                    json.WriteNumber("activeCustomers", cell.ActiveCustomerCount);
                    ReportJson.Amount(json, unit, "value", cell.Value);
                    ReportJson.Fraction(json, "customerRetention", row.CustomerRetentionFraction(cell.Age));
                    ReportJson.Fraction(json, "valueRetention", row.ValueRetentionFraction(cell.Age));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private const string CustomersCaption = "Customers active by age (share of the cohort)";

    private const string ValuesCaption = "Value by age";

    private static string Fraction(double? value) => value is { } v ? ReportText.Exact(v) : string.Empty;

    private static string Render(CohortMatrix matrix, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, Summary(matrix, grouped: false), markdown).Append('\n');
        foreach ((string caption, ReportTable table) in (ValueTuple<string, ReportTable>[])[(CustomersCaption, Customers(matrix)), (ValuesCaption, Values(matrix))])
        {
            ReportMarkup.Title(text, caption, markdown, "### ");
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

        return text.ToString();
    }

    private static string Title(ReportOptions options) => options.Source is null ? "Cohorts" : "Cohorts from " + options.Source;

    private static string Summary(CohortMatrix matrix, bool grouped)
    {
        Func<long, string> count = grouped ? ReportText.GroupedCount : ReportText.Count;
        string customers = count(matrix.Rows.Sum(r => r.CustomerCount));
        string before = matrix.CustomersFirstActiveBeforeGrid > 0
            ? $"; {count(matrix.CustomersFirstActiveBeforeGrid)} customer(s) first active before the grid belong to no cohort"
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{matrix.Unit.Name}, {matrix.Grid}; {matrix.Rows.Count} cohorts, {customers} customers{before}.");
    }

    private static int MaxAge(CohortMatrix matrix) => matrix.Rows.Count == 0 ? 0 : matrix.Rows.Max(r => r.Cells.Length);

    private static ReportTable Customers(CohortMatrix matrix)
    {
        int ages = MaxAge(matrix);
        var table = new ReportTable(["cohort", "customers", .. Enumerable.Range(0, ages).Select(a => a.ToString(CultureInfo.InvariantCulture))], leftColumns: 1);
        foreach (CohortRow row in matrix.Rows)
        {
            table.Add(
            [
                ReportTable.Cell.Text(row.Cohort.Label), ReportTable.Cell.Count(row.CustomerCount),
                .. Enumerable.Range(0, ages).Select(a => a < row.Cells.Length ? ReportTable.Cell.Value(ReportText.Percent(row.CustomerRetentionFraction(a))) : ReportTable.Cell.Value(string.Empty)),
            ]);
        }

        return table;
    }

    private static ReportTable Values(CohortMatrix matrix)
    {
        int ages = MaxAge(matrix);
        MeasureUnit unit = matrix.Unit;
        var table = new ReportTable(["cohort", .. Enumerable.Range(0, ages).Select(a => a.ToString(CultureInfo.InvariantCulture))], leftColumns: 1);
        foreach (CohortRow row in matrix.Rows)
        {
            table.Add(
            [
                ReportTable.Cell.Text(row.Cohort.Label),
                .. Enumerable.Range(0, ages).Select(a => a < row.Cells.Length ? ReportTable.Cell.Amount(unit, row.Cells[a].Value) : ReportTable.Cell.Value(string.Empty)),
            ]);
        }

        return table;
    }
}
