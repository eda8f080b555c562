using System.Globalization;
using System.Text;
using Cx.Domain.Assets;

namespace Cx.Domain.Reporting;

/// <summary>Renders retention metrics — period NRR, GRR, revenue churn and quick ratio
/// (<see cref="RetentionCalculator.PeriodMetrics"/>), or cohort NRR and GRR over a horizon
/// (<see cref="RetentionCalculator.CohortMetrics"/>) — as aligned text, Markdown, HTML, CSV or JSON.</summary>
/// <remarks>
/// <para>Extension methods on the lists the calculator returns: <c>calculator.PeriodMetrics(report).ToMarkdown()</c>.
/// Ratios are percentages with one decimal in the tables (<c>-</c> when undefined: a zero opening or base), fractions in
/// their shortest round-trip form in CSV and JSON (null when undefined); amounts in the metrics' unit.</para>
/// <para>Period CSV: <c>period, currency, opening, nrr, grr, gross_revenue_churn, net_revenue_churn, quick_ratio</c>. Cohort
/// CSV: <c>period, horizon, base_period, currency, base_customers, base_value, retained_customers, retained_value,
/// gross_retained_value, nrr, grr, customer_retention</c>. The JSON schemas are in <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class RetentionRenderer
{
    private static readonly string[] PeriodHeader = ["period", "opening", "NRR", "GRR", "gross churn", "net churn", "quick ratio"];

    private static readonly string[] CohortHeader =
        ["period", "base period", "base customers", "base value", "retained", "retained value", "NRR", "GRR", "customers retained"];

    /// <summary>Renders period retention as aligned text for a terminal.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToText(this IReadOnlyList<PeriodRetention> metrics, ReportOptions? options = null) => Render(PeriodTable(metrics), PeriodTitle(options), PeriodSummary(metrics), markdown: false);

    /// <summary>Renders period retention as Markdown.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToMarkdown(this IReadOnlyList<PeriodRetention> metrics, ReportOptions? options = null) => Render(PeriodTable(metrics), PeriodTitle(options), PeriodSummary(metrics), markdown: true);

    /// <summary>Renders period retention as an HTML section.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static HtmlFragment ToHtml(this IReadOnlyList<PeriodRetention> metrics, ReportOptions? options = null) => Html(PeriodTable(metrics), PeriodTitle(options), PeriodSummary(metrics));

    /// <summary>Renders period retention as CSV, one row per period.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <returns>The CSV, comma separated, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToCsv(this IReadOnlyList<PeriodRetention> metrics)
    {
        Check(metrics);
        var csv = new CsvBuilder().Header(["period", "currency", "opening", "nrr", "grr", "gross_revenue_churn", "net_revenue_churn", "quick_ratio"]);
        foreach (PeriodRetention m in metrics)
        {
            csv.Value(m.Period.Label).Text(m.Unit.Name).Value(m.Unit.Format(m.Opening)).Value(Exact(m.NetRevenueRetentionFraction)).Value(Exact(m.GrossRevenueRetentionFraction))
                .Value(Exact(m.GrossRevenueChurnFraction)).Value(Exact(m.NetRevenueChurnFraction)).Value(Exact(m.QuickRatio)).End();
        }

        return csv.ToString();
    }

    /// <summary>Renders period retention as a JSON document: <c>{"currency": ..., "periods": [...]}</c>.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToJson(this IReadOnlyList<PeriodRetention> metrics)
    {
        Check(metrics);
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", metrics.Count == 0 ? null : metrics[0].Unit.Name);
            json.WriteStartArray("periods");
            foreach (PeriodRetention m in metrics)
            {
                json.WriteStartObject();
                json.WriteString("period", m.Period.Label);
                ReportJson.Amount(json, m.Unit, "opening", m.Opening);
                ReportJson.Fraction(json, "nrr", m.NetRevenueRetentionFraction);
                ReportJson.Fraction(json, "grr", m.GrossRevenueRetentionFraction);
                ReportJson.Fraction(json, "grossRevenueChurn", m.GrossRevenueChurnFraction);
                ReportJson.Fraction(json, "netRevenueChurn", m.NetRevenueChurnFraction);
                ReportJson.Fraction(json, "quickRatio", m.QuickRatio);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Renders cohort retention as aligned text for a terminal.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToText(this IReadOnlyList<CohortRetention> metrics, ReportOptions? options = null) => Render(CohortTable(metrics), CohortTitle(options), CohortSummary(metrics), markdown: false);

    /// <summary>Renders cohort retention as Markdown.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToMarkdown(this IReadOnlyList<CohortRetention> metrics, ReportOptions? options = null) => Render(CohortTable(metrics), CohortTitle(options), CohortSummary(metrics), markdown: true);

    /// <summary>Renders cohort retention as an HTML section.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static HtmlFragment ToHtml(this IReadOnlyList<CohortRetention> metrics, ReportOptions? options = null) => Html(CohortTable(metrics), CohortTitle(options), CohortSummary(metrics));

    /// <summary>Renders cohort retention as CSV, one row per period.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <returns>The CSV, comma separated, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToCsv(this IReadOnlyList<CohortRetention> metrics)
    {
        Check(metrics);
        var csv = new CsvBuilder().Header(
            ["period", "horizon", "base_period", "currency", "base_customers", "base_value", "retained_customers", "retained_value", "gross_retained_value", "nrr", "grr", "customer_retention"]);
        foreach (CohortRetention m in metrics)
        {
            csv.Value(m.Period.Label).Value(ReportText.Count(m.Horizon)).Value(m.BasePeriodLabel).Text(m.Unit.Name)
                .Value(ReportText.Count(m.BaseCustomerCount)).Value(m.Unit.Format(m.BaseValue)).Value(ReportText.Count(m.RetainedCustomerCount))
                .Value(m.Unit.Format(m.RetainedValue)).Value(m.Unit.Format(m.GrossRetainedValue))
                .Value(Exact(m.NetRevenueRetentionFraction)).Value(Exact(m.GrossRevenueRetentionFraction)).Value(Exact(m.CustomerRetentionFraction)).End();
        }

        return csv.ToString();
    }

    /// <summary>Renders cohort retention as a JSON document: <c>{"currency": ..., "horizon": ..., "periods": [...]}</c>.</summary>
    /// <param name="metrics">The metrics, one per period.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metrics"/> or one of them is null.</exception>
    public static string ToJson(this IReadOnlyList<CohortRetention> metrics)
    {
        Check(metrics);
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", metrics.Count == 0 ? null : metrics[0].Unit.Name);
            if (metrics.Count > 0)
            {
                json.WriteNumber("horizon", metrics[0].Horizon);
            }

            json.WriteStartArray("periods");
            foreach (CohortRetention m in metrics)
            {
                json.WriteStartObject();
                json.WriteString("period", m.Period.Label);
                json.WriteString("basePeriod", m.BasePeriodLabel);
                json.WriteNumber("baseCustomers", m.BaseCustomerCount);
                ReportJson.Amount(json, m.Unit, "baseValue", m.BaseValue);
                json.WriteNumber("retainedCustomers", m.RetainedCustomerCount);
                ReportJson.Amount(json, m.Unit, "retainedValue", m.RetainedValue);
                ReportJson.Amount(json, m.Unit, "grossRetainedValue", m.GrossRetainedValue);
                ReportJson.Fraction(json, "nrr", m.NetRevenueRetentionFraction);
                ReportJson.Fraction(json, "grr", m.GrossRevenueRetentionFraction);
                ReportJson.Fraction(json, "customerRetention", m.CustomerRetentionFraction);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Check<T>(IReadOnlyList<T> metrics)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (T m in metrics)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(metrics));
        }
    }

    private static string Exact(double? value) => value is { } v ? ReportText.Exact(v) : string.Empty;

    private static string PeriodTitle(ReportOptions? options) =>
        options?.Source is { } source ? "Period retention from " + source : "Period retention";

    private static string CohortTitle(ReportOptions? options) =>
        options?.Source is { } source ? "Cohort retention from " + source : "Cohort retention";

    private static string PeriodSummary(IReadOnlyList<PeriodRetention> metrics) => metrics.Count == 0 ? "No periods." : string.Create(CultureInfo.InvariantCulture,
        $"{metrics[0].Unit.Name}, {metrics.Count} periods. NRR = (opening + expansion + contraction + churned) / opening; GRR = (opening + contraction + churned) / opening; quick ratio = (new + reactivated + expansion) / |contraction + churned|.");

    private static string CohortSummary(IReadOnlyList<CohortRetention> metrics) => metrics.Count == 0 ? "No periods." : string.Create(CultureInfo.InvariantCulture,
        $"{metrics[0].Unit.Name}, horizon {metrics[0].Horizon} periods. For each period p, the customers active at p - {metrics[0].Horizon}: NRR = their value at p / their value then; GRR caps each customer at their value then.");

    private static ReportTable PeriodTable(IReadOnlyList<PeriodRetention> metrics)
    {
        Check(metrics);
        var table = new ReportTable(PeriodHeader, leftColumns: 1);
        foreach (PeriodRetention m in metrics)
        {
            table.Add(
                ReportTable.Cell.Text(m.Period.Label), ReportTable.Cell.Amount(m.Unit, m.Opening),
                ReportTable.Cell.Value(ReportText.Percent(m.NetRevenueRetentionFraction)).Strong(), ReportTable.Cell.Value(ReportText.Percent(m.GrossRevenueRetentionFraction)),
                ReportTable.Cell.Value(ReportText.Percent(m.GrossRevenueChurnFraction)), ReportTable.Cell.Value(ReportText.Percent(m.NetRevenueChurnFraction)),
                ReportTable.Cell.Value(m.QuickRatio is { } q ? ReportText.Fixed(q, 2) : "-"));
        }

        return table;
    }

    private static ReportTable CohortTable(IReadOnlyList<CohortRetention> metrics)
    {
        Check(metrics);
        var table = new ReportTable(CohortHeader, leftColumns: 2);
        foreach (CohortRetention m in metrics)
        {
            table.Add(
                ReportTable.Cell.Text(m.Period.Label), ReportTable.Cell.Text(m.BasePeriodLabel), ReportTable.Cell.Count(m.BaseCustomerCount),
                ReportTable.Cell.Amount(m.Unit, m.BaseValue), ReportTable.Cell.Count(m.RetainedCustomerCount), ReportTable.Cell.Amount(m.Unit, m.RetainedValue),
                ReportTable.Cell.Value(ReportText.Percent(m.NetRevenueRetentionFraction)).Strong(), ReportTable.Cell.Value(ReportText.Percent(m.GrossRevenueRetentionFraction)),
                ReportTable.Cell.Value(ReportText.Percent(m.CustomerRetentionFraction)));
        }

        return table;
    }

    private static string Render(ReportTable table, string title, string summary, bool markdown)
    {
        var text = new StringBuilder();
        ReportMarkup.Title(text, title, markdown);
        ReportMarkup.Line(text, summary, markdown).Append('\n');
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

    private static HtmlFragment Html(ReportTable table, string title, string summary)
    {
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, title);
        ReportHtml.Paragraph(html, summary);
        table.WriteHtml(html);
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }
}
