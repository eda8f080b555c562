using System.Globalization;
using System.Text;
using Cx.Domain.Reliability;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="BacktestComparison"/> (several early-warning policies backtested over the same history) as
/// aligned text, Markdown, HTML, CSV or JSON: the policies' overall scorecards side by side, then each standard under each
/// policy.</summary>
/// <remarks>
/// <para>Extension methods: <c>comparison.ToMarkdown()</c>; these are the outputs of <c>cx reliability --compare</c>. The
/// scorecard columns are those of <see cref="BacktestRenderer"/>. The CSV has one row per policy (<c>record</c> =
/// <c>policy</c>, <c>standard</c> = <c>all</c>) and per policy and standard (<c>record</c> = <c>standard</c>), with the columns
/// <c>record, policy, standard</c> and the scorecard's. The JSON: <c>asOf</c>, <c>measurements</c> (when known) and
/// <c>policies</c>, each with its <c>name</c>, <c>description</c>, overall <c>scorecard</c> and <c>standards</c> (id and
/// scorecard).</para>
/// <para>Episodes are not listed: render one policy's <see cref="ReliabilityBacktest"/> for them.</para>
/// </remarks>
public static class BacktestComparisonRenderer
{
    /// <summary>Renders the comparison as aligned text for a terminal.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string ToText(this BacktestComparison comparison, ReportOptions? options = null) => Render(comparison, options, markdown: false);

    /// <summary>Renders the comparison as Markdown.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string ToMarkdown(this BacktestComparison comparison, ReportOptions? options = null) => Render(comparison, options, markdown: true);

    /// <summary>Renders the comparison as an HTML section: a heading, the summary, the scorecards and the standards.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static HtmlFragment ToHtml(this BacktestComparison comparison, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        ReportHtml.Paragraph(html, Summary(comparison, options, grouped: true));
        Policies(comparison).WriteHtml(html, "Scorecards");
        Standards(comparison).WriteHtml(html, "By standard");
        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Renders the comparison as CSV (see the remarks of <see cref="BacktestComparisonRenderer"/>).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The CSV, comma separated, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string ToCsv(this BacktestComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new CsvBuilder().Header(["record", "policy", "standard", .. EarlyWarningTables.ScorecardCsvHeader]);
        foreach (ReliabilityBacktest b in comparison.Backtests)
        {
            EarlyWarningTables.ScorecardCsv(csv.Value("policy").Text(b.Policy.Name).Value("all"), b.Scorecard).End();
        }

        foreach (ReliabilityBacktest b in comparison.Backtests)
        {
            foreach (StandardBacktest s in b.Standards)
            {
                EarlyWarningTables.ScorecardCsv(csv.Value("standard").Text(b.Policy.Name).Text(s.Standard.Id), s.Scorecard).End();
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders the comparison as a JSON document (see the remarks of <see cref="BacktestComparisonRenderer"/>).</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">The number of measurements; none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="comparison"/> is null.</exception>
    public static string ToJson(this BacktestComparison comparison, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        options ??= ReportOptions.Default;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("asOf", ReportText.Instant(comparison.Backtests.Max(b => EarlyWarningTables.Span(b).To)));
            if (options.RecordCount is { } n)
            {
                json.WriteNumber("measurements", n);
            }

            json.WriteStartArray("policies");
            foreach (ReliabilityBacktest b in comparison.Backtests)
            {
                json.WriteStartObject();
                json.WriteString("name", b.Policy.Name);
                json.WriteString("description", b.Policy.ToString());
                EarlyWarningTables.ScorecardJson(json, "scorecard", b.Scorecard);
                json.WriteStartArray("standards");
                foreach (StandardBacktest s in b.Standards)
                {
                    json.WriteStartObject();
                    json.WriteString("id", s.Standard.Id);
                    EarlyWarningTables.ScorecardJson(json, "scorecard", s.Scorecard);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Render(BacktestComparison comparison, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        ReportMarkup.Line(text, Summary(comparison, options, grouped: false), markdown).Append('\n');
        text.Append(markdown ? "### Scorecards\n\n" : "Scorecards:\n");
        Write(text, Policies(comparison), markdown);
        text.Append('\n').Append(markdown ? "### By standard\n\n" : "By standard:\n");
        Write(text, Standards(comparison), markdown);
        text.Append('\n').Append(markdown ? "### Policies\n\n" : "Policies:\n");
        foreach (ReliabilityBacktest b in comparison.Backtests)
        {
            text.Append(markdown ? "- " : "  ");
            ReportMarkup.Line(text, b.Policy.ToString(), markdown);
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, ReportTable table, bool markdown)
    {
        if (markdown)
        {
            table.WriteMarkdown(text);
        }
        else
        {
            table.WriteText(text);
        }
    }

    private static ReportTable Policies(BacktestComparison comparison)
    {
        var table = new ReportTable(["policy", .. EarlyWarningTables.ScorecardHeader], leftColumns: 1);
        foreach (ReliabilityBacktest b in comparison.Backtests)
        {
            table.Add([ReportTable.Cell.Text(b.Policy.Name), .. EarlyWarningTables.ScorecardCells(b.Scorecard, strong: false)]);
        }

        return table;
    }

    private static ReportTable Standards(BacktestComparison comparison)
    {
        var table = new ReportTable(["standard", "policy", .. EarlyWarningTables.ScorecardHeader], leftColumns: 2);
        ReliabilityBacktest first = comparison.Backtests[0];
        for (int i = 0; i < first.Standards.Count; i++)
        {
            foreach (ReliabilityBacktest b in comparison.Backtests)
            {
                table.Add([ReportTable.Cell.Text(b.Standards[i].Standard.Id), ReportTable.Cell.Text(b.Policy.Name), .. EarlyWarningTables.ScorecardCells(b.Standards[i].Scorecard, strong: false)]);
            }
        }

        return table;
    }

    private static string Title(ReportOptions options) => ReliabilityRenderer.Title("Early-warning policies compared", options);

    private static string Summary(BacktestComparison comparison, ReportOptions options, bool grouped)
    {
        (NodaTime.Instant from, NodaTime.Instant to) = EarlyWarningTables.Span(comparison.Backtests[0]);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{comparison.Backtests.Count} policies ({string.Join(", ", comparison.Backtests.Select(b => b.Policy.Name))}), {ReportText.Instant(from)} to {ReportText.Instant(to)}{ReliabilityRenderer.Measurements(options, grouped).TrimEnd()}");
    }
}
