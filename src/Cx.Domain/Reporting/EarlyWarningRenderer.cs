using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Internal;
using Cx.Domain.Reliability;

namespace Cx.Domain.Reporting;

/// <summary>Renders the early-warning list of an <see cref="ErosionReport"/> — every standard on watch or breached with the
/// revenue its failures put at risk — as aligned text, Markdown, CSV and JSON.</summary>
/// <remarks>One row per warned standard, in the report's order (breached first, then by revenue at risk): status, standard,
/// touchpoint, stage, category, owner, whether it is a moment of truth, the customers and value exposed so far, the value
/// still expected until the window ends, and the revenue at risk with its interval and evidence. Text and Markdown add the
/// sentence of each warning; CSV is tidy (one row per warning, amounts in major units); JSON has every figure.</remarks>
public static class EarlyWarningRenderer
{
    private static readonly string[] Header =
        ["status", "standard", "name", "touchpoint", "stage", "category", "owner", "moment_of_truth", "exposed_customers_so_far", "exposed_value_so_far",
            "expected_further_exposed_value", "revenue_at_risk", "revenue_at_risk_lower", "revenue_at_risk_upper", "evidence", "actionable",
            "since", "exposed_since", "episode_opened_at", "peak_severity", "detectors"];

    /// <summary>Renders the early-warning list as aligned text for a terminal.</summary>
    /// <param name="report">The early warning of a period.</param>
    /// <param name="options">The source line; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToWarningListText(this ErosionReport report, ReportOptions? options = null) => Render(report, options, markdown: false);

    /// <summary>Renders the early-warning list as Markdown.</summary>
    /// <param name="report">The early warning of a period.</param>
    /// <param name="options">The source line; none when null.</param>
    /// <returns>The Markdown, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToWarningListMarkdown(this ErosionReport report, ReportOptions? options = null) => Render(report, options, markdown: true);

    /// <summary>Renders the early-warning list as CSV: a header, then one row per warned standard.</summary>
    /// <param name="report">The early warning of a period.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToWarningListCsv(this ErosionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        MeasureUnit unit = report.Analysis.Unit;
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append('\n');
        foreach (StandardWarning w in report.Warnings)
        {
            RevenueAtRisk r = w.RevenueAtRisk;
            CellEscaping.CsvValue(csv, ReportText.Status(w.Status));
            foreach (string text in (string[])[w.Standard.Id, w.Standard.Name, w.Touchpoint.Id, w.Stage.Id])
            {
                csv.Append(',');
                CellEscaping.CsvText(csv, text);
            }

            csv.Append(',');
            CellEscaping.CsvValue(csv, ReportText.Category(w.Category));
            csv.Append(',');
            CellEscaping.CsvText(csv, w.Owner);
            csv.Append(',').Append(w.IsMomentOfTruth ? "true" : "false")
                .Append(',').Append(w.ExposedSoFarCustomerCount.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(unit.Format(w.ExposedValueSoFar))
                .Append(',').Append(unit.Format(w.ExpectedFurtherExposedValue))
                .Append(',').Append(r.Estimate is { } e ? unit.Format(e) : string.Empty)
                .Append(',').Append(r.Lower is { } lo ? unit.Format(lo) : string.Empty)
                .Append(',').Append(r.Upper is { } hi ? unit.Format(hi) : string.Empty)
                .Append(',').Append(ReportText.Camel(r.Evidence))
                .Append(',').Append(r.IsActionable ? "true" : "false")
                .Append(',').Append(ReportText.Instant(w.Since))
                .Append(',').Append(ReportText.Instant(w.ExposedSince))
                .Append(',').Append(w.Episode is { } e2 ? ReportText.Instant(e2.OpenedAt) : string.Empty)
                .Append(',').Append(EarlyWarningTables.Severity(w.Severity))
                .Append(',');
            CellEscaping.CsvText(csv, string.Join("; ", w.Detectors));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Renders the early-warning list as JSON with every figure.</summary>
    /// <param name="report">The early warning of a period.</param>
    /// <param name="options">The source; none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToWarningListJson(this ErosionReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        MeasureUnit unit = report.Analysis.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("period", report.Period.Label);
            json.WriteString("asOf", ReportText.Instant(report.AsOf));
            json.WriteString("unit", unit.Name);
            if (options.Source is { } source)
            {
                json.WriteString("source", source);
            }

            json.WriteBoolean("measured", report.Reliability is not null);
            json.WriteStartArray("warnings");
            foreach (StandardWarning w in report.Warnings)
            {
                RevenueAtRisk r = w.RevenueAtRisk;
                json.WriteStartObject();
                json.WriteString("status", ReportText.Status(w.Status));
                json.WriteString("standard", w.Standard.Id);
                json.WriteString("name", w.Standard.Name);
                json.WriteString("touchpoint", w.Touchpoint.Id);
                json.WriteString("stage", w.Stage.Id);
                json.WriteString("category", ReportText.Category(w.Category));
                json.WriteString("owner", w.Owner);
                json.WriteBoolean("momentOfTruth", w.IsMomentOfTruth);
                json.WriteString("windowStart", ReportText.Instant(w.WindowStart));
                json.WriteString("windowEnd", ReportText.Instant(w.WindowEnd));
                EarlyWarningTables.WarningEpisodeJson(json, w);
                json.WriteNumber("exposedCustomersSoFar", w.ExposedSoFarCustomerCount);
                ReportJson.Amount(json, unit, "exposedValueSoFar", w.ExposedValueSoFar);
                ReportJson.Amount(json, unit, "expectedFurtherExposedValue", w.ExpectedFurtherExposedValue);
                json.WriteStartObject("revenueAtRisk");
                if (r.Estimate is { } e)
                {
                    ReportJson.Amount(json, unit, "estimate", e);
                    ReportJson.Amount(json, unit, "lower", r.Lower!.Value);
                    ReportJson.Amount(json, unit, "upper", r.Upper!.Value);
                    json.WriteNumber("confidenceLevel", r.ExcessShare!.Value.ConfidenceLevel);
                }
                else
                {
                    json.WriteNull("estimate");
                }

                json.WriteString("evidence", ReportText.Camel(r.Evidence));
                json.WriteBoolean("actionable", r.IsActionable);
                json.WriteEndObject();
                json.WriteString("sentence", ErosionSentences.Warning(w));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Render(ErosionReport report, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, $"Early warnings as of {report.Period.Label}: {ErosionText.Count(report.Warnings.Count, "standard", "standards")} on watch or breached", markdown);
        string about = $"As of {ReportText.AsOf(report.AsOf, report.Analysis.TimeZone)}; values in {report.Analysis.Unit.Name}" + (options.Source is { } source ? $"; from {source}." : ".");
        ReportMarkup.Line(text, about, markdown).Append('\n');
        if (report.Warnings.Count == 0)
        {
            ReportMarkup.Line(text, report.Reliability is null ? "No reliability measurements were given, so no standard could be judged." : "Every standard met its objective: none is on watch or breached.", markdown);
            return text.ToString();
        }

        var table = new ReportTable(["Status", "Standard", "Stage", "Owner", "Warning episode", "Customers exposed", "Revenue at risk"], [true, true, true, true, true, false, true]);
        foreach (StandardWarning w in report.Warnings)
        {
            table.Add(
                ReportTable.Cell.Value(ReportText.StatusWords(w.Status)),
                ReportTable.Cell.Text(w.Standard.Name + (w.IsMomentOfTruth ? " (moment of truth)" : string.Empty)),
                ReportTable.Cell.Text(w.Stage.Name),
                ReportTable.Cell.Text(w.Owner),
                ReportTable.Cell.Value(EarlyWarningTables.EpisodeCell(w, report.Analysis.TimeZone)),
                ReportTable.Cell.Value(EarlyWarningTables.ExposureCell(w, report.Analysis.Unit, report.Analysis.TimeZone)),
                ReportTable.Cell.Value(CustomerRoomRenderer.RiskCell(w.RevenueAtRisk)));
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
        foreach (StandardWarning w in report.Warnings)
        {
            text.Append("- ");
            ReportMarkup.Line(text, ErosionSentences.Warning(w), markdown);
        }

        return text.ToString();
    }
}
