using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="CustomerValueAnalysis"/> (the purchase model's fit, the holdout check, the spend model, the
/// customers' value and the customers at risk, with the findings) as aligned text, Markdown, HTML, CSV or JSON.</summary>
/// <remarks>
/// <para>Extension methods: <c>analysis.ToMarkdown()</c>. Estimates to four significant digits and money to the cent in the
/// tables (money figures are model expectations in major units, not amounts booked); full precision in JSON; invariant
/// culture, LF line ends; the same analysis always gives the same bytes. These are the outputs of <c>cx value</c>.</para>
/// <para>The text, Markdown and HTML show, in order: the data and the split; the purchase model's fit with standard errors;
/// the holdout check (cumulative repeat purchases, actual against expected, at up to 13 evenly spaced steps and the last);
/// the spend model; the value of the customer base; the customers at risk (the top of the list, and totals by segment when
/// customers have segments); and the findings as notes. Sections that a failed fit leaves empty are left out and a note
/// says why.</para>
/// <para>The CSV has one row per listed customer at risk, ranked: <c>rank, customer, segment, repeat_purchases, recency,
/// age, time_unit, p_alive, expected_purchases, expected_spend, residual_value, residual_value_if_alive, value_at_risk,
/// closed_form_value, currency</c> (a header only when there is no list). The JSON has every figure; its shape is in
/// <c>docs/cli.md</c> (<c>cx value</c>).</para>
/// </remarks>
public static class CustomerValueRenderer
{
    /// <summary>The most holdout steps the tables show (the JSON has them all).</summary>
    public const int HoldoutRowsShown = 13;

    private static readonly string[] CsvHeader =
    [
        "rank", "customer", "segment", "repeat_purchases", "recency", "age", "time_unit", "p_alive", "expected_purchases", "expected_spend",
        "residual_value", "residual_value_if_alive", "value_at_risk", "closed_form_value", "currency",
    ];

    /// <summary>Renders the analysis as aligned text for a terminal.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static string ToText(this CustomerValueAnalysis analysis, ReportOptions? options = null) => Render(analysis, options, markdown: false);

    /// <summary>Renders the analysis as Markdown: a <c>##</c> title, <c>###</c> sections, tables, the findings as a list.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static string ToMarkdown(this CustomerValueAnalysis analysis, ReportOptions? options = null) => Render(analysis, options, markdown: true);

    /// <summary>Renders the analysis as an HTML section: a heading, sub-headings, tables (numbers right-aligned, thousands
    /// separated), the findings as a list. Place it in an <see cref="HtmlPage"/> or a notebook cell.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static HtmlFragment ToHtml(this CustomerValueAnalysis analysis, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var html = new StringBuilder();
        bool open = false;
        foreach (Block block in Blocks(analysis, options ?? ReportOptions.Default))
        {
            switch (block)
            {
                case Block.Title t:
                    ReportHtml.SectionStart(html, t.Text);
                    open = true;
                    break;
                case Block.Heading h:
                    ReportHtml.SubHeading(html, h.Text);
                    break;
                case Block.Paragraph p:
                    ReportHtml.Paragraph(html, p.Text);
                    break;
                case Block.Table t:
                    t.Value.WriteHtml(html);
                    break;
                case Block.Items l:
                    ReportHtml.List(html, l.Lines);
                    break;
            }
        }

        if (open)
        {
            ReportHtml.SectionEnd(html);
        }

        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Renders the customers at risk as CSV: one row per listed customer, ranked (see the remarks of
    /// <see cref="CustomerValueRenderer"/>); the header only when the fit did not converge and there is no list.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends; numbers in full precision; text cells protected
    /// against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static string ToCsv(this CustomerValueAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var csv = new CsvBuilder().Header(CsvHeader);
        if (analysis.AtRisk is not { } atRisk)
        {
            return csv.ToString();
        }

        string unit = Unit(analysis.Scoring.TimeUnit);
        string currency = analysis.Scoring.Currency?.Code ?? string.Empty;
        int rank = 0;
        foreach (CustomerValue c in atRisk.Customers)
        {
            rank++;
            csv.Value(ReportText.Count(rank)).Text(c.Customer.Value).Text(c.Segment ?? string.Empty).Value(ReportText.Count(c.Frequency))
                .Value(ReportText.Exact(c.Recency)).Value(ReportText.Exact(c.Age)).Value(unit).Value(ReportText.Exact(c.ProbabilityAlive))
                .Value(ReportText.Exact(c.ExpectedPurchases)).Value(ReportText.Exact(c.ExpectedSpend)).Value(ReportText.Exact(c.ResidualValue))
                .Value(ReportText.Exact(c.ResidualValueIfAlive)).Value(ReportText.Exact(c.ValueAtRisk))
                .Value(c.ClosedFormValue is { } closed ? ReportText.Exact(closed) : string.Empty).Value(currency).End();
        }

        return csv.ToString();
    }

    /// <summary>Renders the analysis as a JSON document with every figure: the data and split, the regularity, the purchase
    /// fit, the holdout check step by step, the spend fit, the value totals, the customers at risk with totals by segment,
    /// and the findings (shape in <c>docs/cli.md</c>).</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline; numbers in full precision, null for what was not
    /// computed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static string ToJson(this CustomerValueAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return ReportJson.Write(json =>
        {
            CustomerSummarySet calibration = analysis.Calibration;
            json.WriteStartObject();
            json.WriteString("model", ModelId(analysis.Model));
            json.WriteString("timeUnit", Unit(calibration.TimeUnit));
            Nullable(json, "currency", calibration.Currency?.Code);
            WriteData(json, analysis);
            WriteRegularity(json, analysis.Regularity);
            json.WritePropertyName("fit");
            WriteFit(json, analysis.PurchaseFit.Estimates, analysis.PurchaseFit.LogLikelihood, analysis.PurchaseFit.Aic, analysis.PurchaseFit.ObservationCount, analysis.PurchaseFit.Diagnostics);
            WriteHoldout(json, analysis);
            WriteSpend(json, analysis);
            WriteValue(json, analysis);
            WriteAtRisk(json, analysis);
            json.WriteStartArray("findings");
            foreach (ValueFinding finding in analysis.Findings)
            {
                json.WriteStartObject();
                json.WriteString("kind", ReportText.Camel(finding.Kind));
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteData(Utf8JsonWriter json, CustomerValueAnalysis analysis)
    {
        CustomerSummarySet calibration = analysis.Calibration;
        json.WriteStartObject("data");
        json.WriteNumber("records", calibration.RecordCount);
        json.WriteString("firstDate", ReportText.Date(analysis.FirstDate));
        json.WriteString("lastDate", ReportText.Date(analysis.LastDate));
        json.WriteString("calibrationEnd", ReportText.Date(calibration.CalibrationEnd ?? analysis.LastDate));
        Nullable(json, "holdoutEnd", calibration.HoldoutEnd is { } he ? ReportText.Date(he) : null);
        json.WriteNumber("holdoutLength", calibration.HoldoutLength);
        json.WriteNumber("customers", calibration.CustomerCount);
        json.WriteNumber("repeatPurchases", calibration.TotalRepeatPurchases);
        json.WriteNumber("holdoutPurchases", calibration.TotalHoldoutPurchases);
        json.WriteNumber("mergedSameDayRecords", calibration.MergedSameDayRecordCount);
        json.WriteNumber("refundDays", calibration.RefundDayCount);
        json.WriteNumber("customersFirstSeenAfterCalibration", calibration.CustomersFirstSeenAfterCalibration);
        json.WriteNumber("customersWithoutPurchase", calibration.CustomersWithoutPurchase);
        json.WriteNumber("recordsAfterHoldout", calibration.RecordsAfterHoldout);
        json.WriteString("asOf", ReportText.Date(analysis.AsOf));
        json.WriteNumber("customersAsOf", analysis.Scoring.CustomerCount);
        json.WriteEndObject();
    }

    private static void WriteRegularity(Utf8JsonWriter json, PurchaseRegularity regularity)
    {
        json.WriteStartObject("regularity");
        json.WriteNumber("customers", regularity.CustomerCount);
        Number(json, "varianceOfShare", regularity.VarianceOfShare);
        Number(json, "k", regularity.Estimate);
        Number(json, "evenIntervalShare", regularity.EvenIntervalShare);
        Number(json, "medianIntervalDays", regularity.MedianIntervalDays);
        json.WriteBoolean("regular", regularity.IsRegular);
        json.WriteBoolean("clockLike", regularity.IsClockLike);
        json.WriteEndObject();
    }

    private static void WriteFit(Utf8JsonWriter json, IReadOnlyList<ParameterEstimate> estimates, double logLikelihood, double aic, long observations, FitDiagnostics diagnostics)
    {
        json.WriteStartObject();
        json.WriteString("status", ReportText.Camel(diagnostics.Status));
        json.WriteBoolean("converged", diagnostics.IsConverged);
        json.WriteNumber("observations", observations);
        Number(json, "logLikelihood", logLikelihood);
        Number(json, "aic", aic);
        json.WriteNumber("iterations", diagnostics.Iterations);
        json.WriteNumber("evaluations", diagnostics.Evaluations);
        Number(json, "gradientNorm", diagnostics.GradientNorm);
        json.WriteString("message", diagnostics.Message);
        json.WriteStartArray("parameters");
        foreach (ParameterEstimate e in estimates)
        {
            json.WriteStartObject();
            json.WriteString("name", e.Name);
            Number(json, "value", e.Value);
            Number(json, "standardError", e.StandardError);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHoldout(Utf8JsonWriter json, CustomerValueAnalysis analysis)
    {
        if (analysis.Holdout is not { } holdout)
        {
            json.WriteNull("holdout");
            return;
        }

        json.WriteStartObject("holdout");
        json.WriteNumber("length", analysis.Calibration.HoldoutLength);
        json.WriteNumber("actual", holdout.Total.ActualCumulative);
        Number(json, "expected", holdout.Total.ExpectedCumulative);
        Number(json, "maxTrackingError", holdout.MaxTrackingError);
        json.WriteStartArray("steps");
        foreach (HoldoutStep s in holdout.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("step", s.Step);
            json.WriteNumber("actualCumulative", s.ActualCumulative);
            Number(json, "expectedCumulative", s.ExpectedCumulative);
            json.WriteNumber("actualSinceFirstPurchase", s.ActualCumulativeSinceFirstPurchase);
            Number(json, "trackedSinceFirstPurchase", s.TrackedCumulative);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSpend(Utf8JsonWriter json, CustomerValueAnalysis analysis)
    {
        json.WriteStartObject("spend");
        json.WriteString("source", analysis.SpendModel is null ? "observedMean" : "gammaGamma");
        json.WriteNumber("repeatBuyers", analysis.RepeatBuyerCount);
        Number(json, "spendFrequencyCorrelation", analysis.SpendFrequencyCorrelation);
        Number(json, "populationMeanSpend", analysis.SpendModel?.PopulationMeanSpend);
        json.WritePropertyName("fit");
        if (analysis.SpendFit is { } fit)
        {
            WriteFit(json, fit.Estimates, fit.LogLikelihood, fit.Aic, fit.ObservationCount, fit.Diagnostics);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, CustomerValueAnalysis analysis)
    {
        if (analysis.Values is not { } values)
        {
            json.WriteNull("value");
            return;
        }

        json.WriteStartObject("value");
        json.WriteString("asOf", ReportText.Date(analysis.AsOf));
        json.WriteNumber("customers", values.Customers.Count);
        Number(json, "annualDiscountRate", values.AnnualDiscountRate);
        json.WriteNumber("periodsPerYear", values.PeriodsPerYear);
        json.WriteNumber("horizonPeriods", values.HorizonPeriods);
        Number(json, "margin", values.Margin);
        Number(json, "residualValue", values.TotalResidualValue);
        Number(json, "valueAtRisk", values.TotalValueAtRisk);
        Number(json, "expectedPurchases", values.TotalExpectedPurchases);
        Number(json, "expectedAliveCustomers", values.ExpectedAliveCustomers);
        Number(json, "closedFormValue", values.TotalClosedFormValue);
        json.WriteEndObject();
    }

    private static void WriteAtRisk(Utf8JsonWriter json, CustomerValueAnalysis analysis)
    {
        if (analysis.AtRisk is not { } atRisk)
        {
            json.WriteNull("atRisk");
            return;
        }

        json.WriteStartObject("atRisk");
        json.WriteString("selection", ReportText.Camel(atRisk.Selection));
        Number(json, "threshold", double.IsNaN(atRisk.Threshold) ? null : atRisk.Threshold);
        json.WriteNumber("customers", atRisk.SelectedCount);
        Number(json, "valueAtRisk", atRisk.TotalValueAtRisk);
        Number(json, "residualValue", atRisk.TotalResidualValue);
        json.WriteStartArray("segments");
        foreach (SegmentAtRisk s in atRisk.Segments)
        {
            json.WriteStartObject();
            Nullable(json, "segment", s.Segment);
            json.WriteNumber("customers", s.CustomerCount);
            Number(json, "valueAtRisk", s.ValueAtRisk);
            Number(json, "residualValue", s.ResidualValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("top");
        int rank = 0;
        foreach (CustomerValue c in atRisk.Customers)
        {
            json.WriteStartObject();
            json.WriteNumber("rank", ++rank);
            json.WriteString("customer", c.Customer.Value);
            Nullable(json, "segment", c.Segment);
            json.WriteNumber("repeatPurchases", c.Frequency);
            Number(json, "recency", c.Recency);
            Number(json, "age", c.Age);
            Number(json, "probabilityAlive", c.ProbabilityAlive);
            Number(json, "expectedPurchases", c.ExpectedPurchases);
            Number(json, "expectedSpend", c.ExpectedSpend);
            Number(json, "residualValue", c.ResidualValue);
            Number(json, "residualValueIfAlive", c.ResidualValueIfAlive);
            Number(json, "valueAtRisk", c.ValueAtRisk);
            Number(json, "closedFormValue", c.ClosedFormValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes a number, or null when it is missing or not finite (JSON has no NaN or infinity).</summary>
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Render(CustomerValueAnalysis analysis, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        foreach (Block block in Blocks(analysis, options ?? ReportOptions.Default))
        {
            switch (block)
            {
                case Block.Title t:
                    ReportMarkup.Title(text, t.Text, markdown);
                    break;
                case Block.Heading h when markdown:
                    ReportMarkup.Title(text, h.Text, markdown, level: "### ");
                    break;
                case Block.Heading h:
                    text.Append(CellEscaping.Line(h.Text)).Append(":\n");
                    break;
                case Block.Paragraph p:
                    ReportMarkup.Line(text, p.Text, markdown).Append('\n');
                    break;
                case Block.Table t:
                    if (markdown)
                    {
                        t.Value.WriteMarkdown(text);
                    }
                    else
                    {
                        t.Value.WriteText(text);
                    }

                    text.Append('\n');
                    break;
                case Block.Items l:
                    foreach (string item in l.Lines)
                    {
                        text.Append(markdown ? "- " : "  - ");
                        ReportMarkup.Line(text, item, markdown);
                    }

                    text.Append('\n');
                    break;
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static IEnumerable<Block> Blocks(CustomerValueAnalysis analysis, ReportOptions options)
    {
        CustomerSummarySet calibration = analysis.Calibration;
        string unit = Unit(calibration.TimeUnit);
        string name = analysis.PurchaseFit.Parameters.Name;
        yield return new Block.Title(options.Source is null ? "Customer value" : "Customer value from " + options.Source);
        yield return new Block.Paragraph(DataSummary(analysis, options));

        ModelFit<PurchaseModel> fit = analysis.PurchaseFit;
        yield return new Block.Heading("Purchase model (" + name + ")");
        yield return new Block.Paragraph(FitSummary(name, "customers", fit.ObservationCount, fit.Diagnostics, fit.LogLikelihood, fit.Aic));
        yield return new Block.Table(EstimatesTable(fit.Estimates));

        if (analysis.Holdout is { } holdout)
        {
            yield return new Block.Heading("Holdout check");
            yield return new Block.Paragraph(Invariant(
                $"Repeat purchases in the {ReportText.Short(calibration.HoldoutLength)} holdout {unit} after {ReportText.Date(calibration.CalibrationEnd!.Value)}, cumulative: what the customers did against what the model expected from each one's calibration history."));
            yield return new Block.Table(HoldoutTable(holdout, unit));
            HoldoutStep last = holdout.Total;
            yield return new Block.Paragraph(Invariant(
                $"Tracking the cohort from each customer's first purchase (Fader, Hardie and Lee 2005, figure 4): {ReportText.GroupedCount(last.ActualCumulativeSinceFirstPurchase)} repeat purchases against {ReportText.Short(last.TrackedCumulative, 5)} expected by the end of the holdout; the largest gap over the holdout {ReportText.Percent(holdout.MaxTrackingError)}."));
        }

        if (analysis.SpendFit is { } spend)
        {
            yield return new Block.Heading("Spend model (Gamma-Gamma)");
            string mean = analysis.SpendModel is { } used
                ? Invariant($" Mean spend per purchase across customers {Money(analysis, used.PopulationMeanSpend)}.")
                : string.Empty;
            yield return new Block.Paragraph(FitSummary("Gamma-Gamma", "repeat buyers", spend.ObservationCount, spend.Diagnostics, spend.LogLikelihood, spend.Aic) + mean);
            yield return new Block.Table(EstimatesTable(spend.Estimates));
        }

        if (analysis.Values is { } values)
        {
            yield return new Block.Heading("Customer value");
            yield return new Block.Paragraph(ValueSummary(analysis, values));
        }

        if (analysis.AtRisk is { } atRisk)
        {
            yield return new Block.Heading("Customers at risk");
            string who = atRisk.Selection == AtRiskSelection.ProbabilityAliveBelowThreshold
                ? Invariant($"P(alive) below {ReportText.Short(atRisk.Threshold)}")
                : "ranked by value at risk";
            if (atRisk.SelectedCount == 0)
            {
                yield return new Block.Paragraph(Invariant($"No customer has {who} as of {ReportText.Date(analysis.AsOf)}."));
            }
            else
            {
                yield return new Block.Paragraph(Invariant(
                    $"{who}: {ReportText.GroupedCount(atRisk.SelectedCount)} customers as of {ReportText.Date(analysis.AsOf)}, value at risk {Money(analysis, atRisk.TotalValueAtRisk)}, residual value still expected {Money(analysis, atRisk.TotalResidualValue)}. {(atRisk.Customers.Count < atRisk.SelectedCount ? Invariant($"The top {atRisk.Customers.Count} by value at risk") : "All of them, by value at risk")} (value at risk = value if alive - expected value):"));
                yield return new Block.Table(AtRiskTable(atRisk, unit));
                if (atRisk.Segments.Any(s => s.Segment is not null))
                {
                    yield return new Block.Paragraph("By segment, all customers at risk:");
                    yield return new Block.Table(SegmentTable(atRisk));
                }
            }
        }

        if (analysis.Findings.Count > 0)
        {
            yield return new Block.Heading("Notes");
            yield return new Block.Items([.. analysis.Findings.Select(f => f.Message)]);
        }
    }

    private static string DataSummary(CustomerValueAnalysis analysis, ReportOptions options)
    {
        CustomerSummarySet c = analysis.Calibration;
        string unit = Unit(c.TimeUnit);
        LocalDate calibrationEnd = c.CalibrationEnd ?? analysis.LastDate;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{ReportText.GroupedCount(options.RecordCount ?? c.RecordCount)} records from {ReportText.Date(analysis.FirstDate)} to {ReportText.Date(analysis.LastDate)}, in {unit}");
        text.Append(c.Currency is { } currency ? $" and {currency.Code}" : string.Empty).Append(". ");
        double calibrationLength = Period.Between(analysis.FirstDate, calibrationEnd, PeriodUnits.Days).Days / (c.TimeUnit == ValueTimeUnit.Days ? 1.0 : 7.0);
        text.Append(CultureInfo.InvariantCulture, $"Calibration to {ReportText.Date(calibrationEnd)} ({ReportText.Short(calibrationLength)} {unit}): {Count(c.CustomerCount, "customer")}, {Count(c.TotalRepeatPurchases, "repeat purchase")}");
        if (c.HoldoutEnd is { } holdoutEnd)
        {
            text.Append(CultureInfo.InvariantCulture, $"; holdout to {ReportText.Date(holdoutEnd)} ({ReportText.Short(c.HoldoutLength)} {unit}): {ReportText.GroupedCount(c.TotalHoldoutPurchases)} purchases by them");
        }
        else
        {
            text.Append("; no holdout");
        }

        text.Append(". ");
        var counted = new List<string>();
        if (c.MergedSameDayRecordCount > 0)
        {
            counted.Add($"{Count(c.MergedSameDayRecordCount, "same-day record")} merged into another of its customer and day");
        }

        if (c.RefundDayCount > 0)
        {
            counted.Add($"{Count(c.RefundDayCount, "customer-day")} of net refunds not counted as purchases");
        }

        if (c.CustomersFirstSeenAfterCalibration > 0)
        {
            counted.Add($"{Count(c.CustomersFirstSeenAfterCalibration, "customer")} first seen in the holdout (not in the fit)");
        }

        if (c.CustomersWithoutPurchase > 0)
        {
            counted.Add($"{Count(c.CustomersWithoutPurchase, "customer")} with refunds only (not valued)");
        }

        if (c.RecordsAfterHoldout > 0)
        {
            counted.Add($"{Count(c.RecordsAfterHoldout, "record")} after the holdout end left out");
        }

        if (counted.Count > 0)
        {
            text.Append(char.ToUpperInvariant(counted[0][0])).Append(counted[0].AsSpan(1));
            foreach (string item in counted.Skip(1))
            {
                text.Append("; ").Append(item);
            }

            text.Append(". ");
        }

        PurchaseRegularity r = analysis.Regularity;
        text.Append(r.Estimate is { } k
            ? Invariant($"Regularity of the last two intervals between purchases of {Count(r.CustomerCount, "customer")}: Wheat-Morrison k = {(double.IsPositiveInfinity(k) ? "infinite" : ReportText.Short(k, 3))}, {ReportText.Percent(r.EvenIntervalShare)} nearly equal (purchases at random, as the model assumes: k = 1, 5%).")
            : Invariant($"Regularity not measured: {Count(r.CustomerCount, "customer")} with three purchase days, {PurchaseRegularity.MinimumCustomers} needed."));
        return text.ToString();
    }

    private static string FitSummary(string model, string observations, long count, FitDiagnostics d, double logLikelihood, double aic)
    {
        string status = d.Status switch
        {
            FitStatus.Converged => Invariant($"converged in {d.Iterations} iterations"),
            FitStatus.NotConverged => Invariant($"NOT converged after {d.Iterations} iterations ({d.Message})"),
            FitStatus.HessianNotPositiveDefinite => Invariant($"no proper maximum ({d.Message})"),
            FitStatus.ParameterAtBoundary => Invariant($"a parameter ran off to its boundary ({d.Message})"),
            _ => d.Status.ToString(),
        };
        return Invariant($"{model} fitted on {ReportText.GroupedCount(count)} {observations}: {status}; log-likelihood {ReportText.Fixed(logLikelihood, 2)}, AIC {ReportText.Fixed(aic, 2)}.");
    }

    private static string ValueSummary(CustomerValueAnalysis analysis, CustomerValueReport values)
    {
        string horizon = values.PeriodsPerYear == 12 ? Invariant($"{values.HorizonPeriods} months") : Invariant($"{values.HorizonPeriods} steps of 1/{values.PeriodsPerYear} year");
        string spend = analysis.SpendModel is null ? "each customer's observed mean spend" : "Gamma-Gamma expected spend";
        var text = new StringBuilder(Invariant(
            $"As of {ReportText.Date(analysis.AsOf)}, {ReportText.GroupedCount(values.Customers.Count)} customers are expected to be worth {Money(analysis, values.TotalResidualValue)} over the next {horizon}, discounted at {ReportText.Percent(values.AnnualDiscountRate)} a year ({spend}, margin {ReportText.Percent(values.Margin)}): {ReportText.Short(values.TotalExpectedPurchases, 5)} purchases from an expected {ReportText.Short(values.ExpectedAliveCustomers, 4)} customers still alive. Value at risk (what the chance of having left takes away): {Money(analysis, values.TotalValueAtRisk)}."));
        if (values.TotalClosedFormValue is { } closed)
        {
            text.Append(Invariant($" Over an infinite horizon, discounted continuously (closed-form DERT): {Money(analysis, closed)}."));
        }

        return text.ToString();
    }

    private static ReportTable EstimatesTable(IReadOnlyList<ParameterEstimate> estimates)
    {
        var table = new ReportTable(["parameter", "estimate", "std. error"], leftColumns: 1);
        foreach (ParameterEstimate e in estimates)
        {
            table.Add(ReportTable.Cell.Text(e.Name), ReportTable.Cell.Value(Significant(e.Value)), ReportTable.Cell.Value(double.IsFinite(e.StandardError) ? Significant(e.StandardError) : "-"));
        }

        return table;
    }

    private static ReportTable HoldoutTable(HoldoutComparison holdout, string unit)
    {
        var table = new ReportTable([unit == "weeks" ? "week" : "day", "actual", "expected", "difference"], leftColumns: 0);
        IReadOnlyList<HoldoutStep> steps = holdout.Steps;
        int stride = (steps.Count + HoldoutRowsShown - 1) / HoldoutRowsShown;
        for (int i = 0; i < steps.Count; i++)
        {
            bool lastStep = i == steps.Count - 1;
            if (!lastStep && (i + 1) % stride != 0)
            {
                continue;
            }

            HoldoutStep s = steps[i];
            double? gap = s.ActualCumulative == 0 ? null : (s.ExpectedCumulative - s.ActualCumulative) / s.ActualCumulative;
            table.Add(
                ReportTable.Cell.Count(s.Step), ReportTable.Cell.Count(s.ActualCumulative),
                ReportTable.Cell.Value(ReportText.Fixed(s.ExpectedCumulative, 1)), ReportTable.Cell.Value(SignedPercent(gap)));
        }

        return table;
    }

    private static ReportTable AtRiskTable(CustomersAtRisk atRisk, string unit)
    {
        bool segments = atRisk.Customers.Any(c => c.Segment is not null);
        List<string> header = ["rank", "customer"];
        if (segments)
        {
            header.Add("segment");
        }

        header.AddRange(["repeat purchases", $"{unit} silent", "P(alive)", "value if alive", "expected value", "value at risk"]);
        var table = new ReportTable([.. header], leftColumns: segments ? 3 : 2);
        int rank = 0;
        foreach (CustomerValue c in atRisk.Customers)
        {
            List<ReportTable.Cell> row = [ReportTable.Cell.Count(++rank), ReportTable.Cell.Text(c.Customer.Value)];
            if (segments)
            {
                row.Add(ReportTable.Cell.Text(c.Segment ?? "-"));
            }

            row.AddRange([
                ReportTable.Cell.Count(c.Frequency), ReportTable.Cell.Value(ReportText.Fixed(c.Age - c.Recency, 1)), ReportTable.Cell.Value(ReportText.Fixed(c.ProbabilityAlive, 3)),
                MoneyCell(c.ResidualValueIfAlive), MoneyCell(c.ResidualValue), MoneyCell(c.ValueAtRisk).Strong(),
            ]);
            table.Add([.. row]);
        }

        return table;
    }

    private static ReportTable SegmentTable(CustomersAtRisk atRisk)
    {
        var table = new ReportTable(["segment", "customers at risk", "value at risk", "expected value"], leftColumns: 1);
        foreach (SegmentAtRisk s in atRisk.Segments)
        {
            table.Add(ReportTable.Cell.Text(s.Segment ?? "(none)"), ReportTable.Cell.Count(s.CustomerCount), MoneyCell(s.ValueAtRisk).Strong(), MoneyCell(s.ResidualValue));
        }

        return table;
    }

    private static string Count(long count, string noun) => ReportText.GroupedCount(count) + " " + noun + (count == 1 ? string.Empty : "s");

    private static ReportTable.Cell MoneyCell(double value) =>
        new(ReportText.Fixed(value, 2), value.ToString("N2", CultureInfo.InvariantCulture));

    private static string Money(CustomerValueAnalysis analysis, double value)
    {
        string amount = value.ToString("N2", CultureInfo.InvariantCulture);
        return analysis.Calibration.Currency is { } currency ? currency.Code + " " + amount : amount;
    }

    /// <summary>Four significant digits, without thousands separators: <c>0.2426</c>, <c>4.414</c>, <c>1.974e+08</c>.</summary>
    private static string Significant(double value) =>
        Math.Abs(value) is >= 1e-4 and < 1e6 or 0 ? ReportText.Short(value).Replace(",", string.Empty, StringComparison.Ordinal) : value.ToString("0.###e+00", CultureInfo.InvariantCulture);

    private static string SignedPercent(double? share) =>
        share is { } s ? (s >= 0 ? "+" : string.Empty) + (s * 100).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-";

    private static string ModelId(PurchaseModelKind model) => model == PurchaseModelKind.ParetoNbd ? "pareto-nbd" : "bgnbd";

    private static string Unit(ValueTimeUnit unit) => unit == ValueTimeUnit.Days ? "days" : "weeks";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One piece of the rendered document, written the same way in text, Markdown and HTML.</summary>
    private abstract record Block
    {
        public sealed record Title(string Text) : Block;

        public sealed record Heading(string Text) : Block;

        public sealed record Paragraph(string Text) : Block;

        public sealed record Table(ReportTable Value) : Block;

        public sealed record Items(IReadOnlyList<string> Lines) : Block;
    }
}
