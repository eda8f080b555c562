using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Internal;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.Reporting;

/// <summary>Renders the customer room (<see cref="CustomerRoomReport"/>): Markdown for a terminal or a wiki, one
/// self-contained HTML page with inline SVG charts, and JSON with every figure.</summary>
/// <remarks>
/// <para>The story runs in the seed's order: the outcome (the bridge: opening, incoming, expansion, contraction, lost,
/// closing), then each stage in journey order (earned and lost, what customers said, its processes and their warnings),
/// then the early-warning list and the top company-wide priorities, each with its owner and the sentence that says why.</para>
/// <para>The HTML page has a waterfall of the period's bridge, the earned and lost bars of the period per stage, and a run
/// chart for every warned standard (its measurements of the last six periods against the threshold, the compliance of its
/// windows against the objective, and a marker where the warned window starts). It has no script and loads nothing;
/// every text is HTML-encoded. The same report always gives the same bytes.</para>
/// </remarks>
public static class CustomerRoomRenderer
{
    private const int RunChartPeriods = 6;

    /// <summary>Renders the room as Markdown.</summary>
    /// <param name="report">The room.</param>
    /// <param name="options">The source line; none when null.</param>
    /// <returns>The Markdown, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(this CustomerRoomReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var md = new StringBuilder(8192);
        ReportMarkup.Title(md, Title(report), markdown: true, "# ");
        ReportMarkup.Line(md, About(report, options), markdown: true).Append('\n');

        ReportMarkup.Title(md, OutcomeHeading(report), markdown: true);
        ReportMarkup.Line(md, OutcomeSentence(report), markdown: true).Append('\n');
        BridgeTable(report).WriteMarkdown(md);
        md.Append('\n');

        ReportMarkup.Title(md, StagesHeading(report), markdown: true);
        ReportMarkup.Line(md, StagesSentence(report), markdown: true).Append('\n');
        foreach (CustomerRoomStage stage in report.Stages)
        {
            ReportMarkup.Title(md, StageHeading(stage), markdown: true, "### ");
            ReportMarkup.Line(md, Earned(report, stage), markdown: true).Append('\n');
            foreach (string said in Said(report, stage))
            {
                md.Append("- ").Append(CellEscaping.Markdown(said)).Append('\n');
            }

            if (report.Listening is not null)
            {
                md.Append('\n');
            }

            if (stage.Standards.Count == 0)
            {
                ReportMarkup.Line(md, "No reliability standard measures a process of this stage.", markdown: true).Append('\n');
                continue;
            }

            ProcessTable(report, stage).WriteMarkdown(md);
            md.Append('\n');
            foreach (CustomerRoomStandard s in stage.Standards.Where(s => s.Warning is not null))
            {
                md.Append("- ").Append(CellEscaping.Markdown(Sentence(s.Warning!))).Append('\n');
            }

            if (stage.Standards.Any(s => s.Warning is not null))
            {
                md.Append('\n');
            }
        }

        if (Unattributed(report) is { } unattributed)
        {
            ReportMarkup.Line(md, unattributed, markdown: true).Append('\n');
        }

        ReportMarkup.Title(md, WarningsHeading(report), markdown: true);
        if (report.Warnings.Count == 0)
        {
            ReportMarkup.Line(md, NoWarnings(report), markdown: true).Append('\n');
        }
        else
        {
            WarningTable(report).WriteMarkdown(md);
            md.Append('\n');
        }

        ReportMarkup.Title(md, PrioritiesHeading(report), markdown: true);
        if (report.Priorities.Count == 0)
        {
            ReportMarkup.Line(md, NoPriorities, markdown: true);
        }
        else
        {
            PriorityTable(report).WriteMarkdown(md);
            md.Append('\n');
            foreach (Priority p in report.Priorities)
            {
                md.Append(p.Rank.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(CellEscaping.Markdown(p.Why)).Append('\n');
            }
        }

        md.Append('\n');
        ReportMarkup.Line(md, ScoreNote(report), markdown: true);
        return md.ToString();
    }

    /// <summary>Renders the room as one self-contained HTML page with inline SVG charts.</summary>
    /// <param name="report">The room.</param>
    /// <param name="options">The source line; none when null.</param>
    /// <returns>The page; <see cref="HtmlPage.ToString"/> writes the document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static HtmlPage ToHtmlPage(this CustomerRoomReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var page = new HtmlPage(Title(report)).Add(HtmlFragment.FromTrustedHtml(Note(About(report, options))));

        var outcome = new StringBuilder();
        BridgeTable(report).WriteHtml(outcome);
        page = page.AddSection(OutcomeHeading(report), OutcomeSentence(report), report.Assets.ToWaterfallChart(report.Period), HtmlFragment.FromTrustedHtml(outcome.ToString()));

        var blocks = new List<object> { StagesSentence(report) };
        if (report.StageBridge is { } bridge)
        {
            blocks.Add(StageChart.Draw(
                report.Unit,
                [.. report.Stages.Select(s => (s.Stage.Name, s.Stage.Id, Earned: s.EarnedValue, Lost: s.LostValue, Gains: s.GainCount, Losses: s.LossCount)),
                    ("(unattributed)", string.Empty, bridge.Unattributed.EarnedValue, bridge.Unattributed.LostValue, bridge.Unattributed.GainCount, bridge.Unattributed.LossCount)],
                $"Earned and lost by journey stage in {report.Period.Label} ({report.Unit.Name}, {ReportText.Model(report.EarlyWarning.Attribution.Model)} attribution)",
                report.JourneyName));
        }

        page = page.AddSection(StagesHeading(report), blocks);
        foreach (CustomerRoomStage stage in report.Stages)
        {
            var html = new StringBuilder();
            ReportHtml.SubHeading(html, StageHeading(stage));
            ReportHtml.Paragraph(html, Earned(report, stage));
            List<string> said = Said(report, stage);
            if (said.Count > 0)
            {
                ReportHtml.List(html, said);
            }

            var parts = new List<object> { HtmlFragment.FromTrustedHtml(html.ToString()) };
            if (stage.Standards.Count == 0)
            {
                parts.Add(HtmlFragment.FromTrustedHtml(Note("No reliability standard measures a process of this stage.")));
            }
            else
            {
                var table = new StringBuilder();
                ProcessTable(report, stage).WriteHtml(table, "Processes of the stage in " + report.Period.Label);
                parts.Add(HtmlFragment.FromTrustedHtml(table.ToString()));
                foreach (CustomerRoomStandard s in stage.Standards.Where(s => s.Warning is not null))
                {
                    parts.Add(HtmlFragment.FromTrustedHtml(Warned(s)));
                    parts.Add(RunChartOf(report, s));
                }
            }

            page = page.Add(HtmlFragment.FromTrustedHtml("<section class=\"cx-section cx-stage\">\n")).AddParts(parts).Add(HtmlFragment.FromTrustedHtml("</section>\n"));
        }

        if (Unattributed(report) is { } unattributed)
        {
            page = page.Add(HtmlFragment.FromTrustedHtml(Note(unattributed)));
        }

        var warnings = new StringBuilder();
        if (report.Warnings.Count == 0)
        {
            ReportHtml.Paragraph(warnings, NoWarnings(report));
        }
        else
        {
            WarningTable(report).WriteHtml(warnings);
        }

        page = page.AddSection(WarningsHeading(report), HtmlFragment.FromTrustedHtml(warnings.ToString()));
        var priorities = new StringBuilder();
        if (report.Priorities.Count == 0)
        {
            ReportHtml.Paragraph(priorities, NoPriorities);
        }
        else
        {
            PriorityTable(report).WriteHtml(priorities);
            priorities.Append("<ol style=\"").Append(HtmlStyle.Paragraph).Append("\">\n");
            foreach (Priority p in report.Priorities)
            {
                priorities.Append("<li>").Append(CellEscaping.Html(p.Why)).Append("</li>\n");
            }

            priorities.Append("</ol>\n");
        }

        ReportHtml.Note(priorities, ScoreNote(report));
        return page.AddSection(PrioritiesHeading(report), HtmlFragment.FromTrustedHtml(priorities.ToString()));
    }

    /// <summary>Renders the room as a JSON document with every figure: amounts as numbers in major units, shares as
    /// fractions, every estimate with its interval and evidence.</summary>
    /// <param name="report">The room.</param>
    /// <param name="options">The source; none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(this CustomerRoomReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        MeasureUnit unit = report.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("period", report.Period.Label);
            json.WriteString("asOf", ReportText.Instant(report.AsOf));
            json.WriteString("journey", report.JourneyName);
            json.WriteString("unit", unit.Name);
            if (options.Source is { } source)
            {
                json.WriteString("source", source);
            }

            PeriodMovement b = report.Bridge;
            json.WriteStartObject("outcome");
            ReportJson.Amount(json, unit, "opening", b.Opening);
            json.WriteNumber("openingCustomers", b.OpeningCustomerCount);
            Movement(json, unit, "new", b.New);
            Movement(json, unit, "reactivated", b.Reactivated);
            Movement(json, unit, "expansion", b.Expansion);
            Movement(json, unit, "contraction", b.Contraction);
            Movement(json, unit, "flat", b.Flat);
            Movement(json, unit, "churned", b.Churned);
            ReportJson.Amount(json, unit, "closing", b.Closing);
            json.WriteNumber("closingCustomers", b.ClosingCustomerCount);
            ReportJson.Amount(json, unit, "netChange", b.NetChange);
            json.WriteNumber("incomingCustomers", b.Customers.IncomingCount);
            ReportJson.Amount(json, unit, "incomingValue", b.Customers.IncomingValue);
            json.WriteNumber("lostCustomers", b.Customers.LostCount);
            ReportJson.Amount(json, unit, "lostValue", b.Customers.LostValue);
            json.WriteEndObject();

            json.WriteString("attributionModel", ReportText.Camel(report.EarlyWarning.Attribution.Model));
            json.WriteStartArray("stages");
            foreach (CustomerRoomStage s in report.Stages)
            {
                Stage(json, unit, s);
            }

            json.WriteEndArray();
            json.WriteStartObject("unattributed");
            ReportJson.Amount(json, unit, "earned", report.StageBridge?.Unattributed.EarnedValue ?? 0);
            ReportJson.Amount(json, unit, "lost", report.StageBridge?.Unattributed.LostValue ?? 0);
            json.WriteEndObject();

            json.WriteStartArray("warnings");
            foreach (StandardWarning w in report.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("standard", w.Standard.Id);
                json.WriteString("name", w.Standard.Name);
                json.WriteString("touchpoint", w.Touchpoint.Id);
                json.WriteString("stage", w.Stage.Id);
                json.WriteString("owner", w.Owner);
                json.WriteString("category", ReportText.Category(w.Category));
                json.WriteBoolean("momentOfTruth", w.IsMomentOfTruth);
                json.WriteString("status", ReportText.Status(w.Status));
                json.WriteString("windowStart", ReportText.Instant(w.WindowStart));
                json.WriteString("windowEnd", ReportText.Instant(w.WindowEnd));
                EarlyWarningTables.WarningEpisodeJson(json, w);
                json.WriteNumber("exposedCustomersSoFar", w.ExposedSoFarCustomerCount);
                ReportJson.Amount(json, unit, "exposedValueSoFar", w.ExposedValueSoFar);
                ReportJson.Amount(json, unit, "expectedFurtherExposedValue", w.ExpectedFurtherExposedValue);
                Risk(json, unit, w.RevenueAtRisk);
                json.WriteString("sentence", Sentence(w));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("priorities");
            foreach (Priority p in report.Priorities)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", p.Rank);
                json.WriteString("touchpoint", p.Touchpoint.Id);
                json.WriteString("name", p.Touchpoint.Name);
                json.WriteString("stage", p.Stage.Id);
                json.WriteString("owner", p.Owner);
                json.WriteString("category", ReportText.Category(p.Category));
                json.WriteStartObject("score");
                json.WriteNumber("value", p.Score.Value);
                json.WriteNumber("revenueAtRisk", p.Score.RevenueAtRiskPart);
                json.WriteNumber("signal", p.Score.SignalPart);
                json.WriteNumber("stageLoss", p.Score.StageLossPart);
                if (p.Score.ComplaintPart is { } complaints)
                {
                    json.WriteNumber("complaints", complaints);
                }

                json.WriteEndObject();
                Risk(json, unit, p.RevenueAtRisk);
                ReportJson.Amount(json, unit, "stageLost", p.StageLostValue);
                ReportJson.Amount(json, unit, "periodLost", p.PeriodLostValue);
                json.WriteString("why", p.Why);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static HtmlPage AddParts(this HtmlPage page, List<object> parts)
    {
        foreach (object part in parts)
        {
            page = part switch
            {
                SvgChart chart => page.Add(chart),
                HtmlFragment fragment => page.Add(fragment),
                _ => page.AddParagraph((string)part),
            };
        }

        return page;
    }

    private static string Title(CustomerRoomReport report) => $"Customer room, {report.Period.Label}";

    private static string About(CustomerRoomReport report, ReportOptions options)
    {
        string about = $"Journey '{report.JourneyName}'; values in {report.Unit.Name}; as of {ReportText.AsOf(report.AsOf, report.EarlyWarning.Analysis.TimeZone)}";
        return options.Source is { } source ? $"{about}; from {source}." : about + ".";
    }

    private static string OutcomeHeading(CustomerRoomReport report) => $"1. The outcome: how the customer asset moved in {report.Period.Label}";

    private static string OutcomeSentence(CustomerRoomReport report)
    {
        PeriodMovement b = report.Bridge;
        MeasureUnit unit = report.Unit;
        string change = b.Opening == 0 ? string.Empty : " (" + Signed(100.0 * b.NetChange / b.Opening) + "%)";
        return $"The asset went from {ErosionText.Amount(b.Opening, unit)} to {ErosionText.Amount(b.Closing, unit)}, net {SignedAmount(b.NetChange, unit)}{change}. "
            + $"{ErosionText.Count(b.Customers.IncomingCount, "customer", "customers")} came in bringing {ErosionText.Amount(b.Customers.IncomingValue, unit)}; "
            + $"{ErosionText.Count(b.Customers.LostCount, "customer", "customers")} {(b.Customers.LostCount == 1 ? "was" : "were")} lost, taking {ErosionText.Amount(Math.Abs(b.Customers.LostValue), unit)}; "
            + $"{ErosionText.Count(b.Expansion.CustomerCount, "customer", "customers")} bought more (+{ErosionText.Amount(b.Expansion.Value, unit)}) and "
            + $"{ErosionText.Count(b.Contraction.CustomerCount, "customer", "customers")} bought less ({SignedAmount(b.Contraction.Value, unit)}).";
    }

    private static ReportTable BridgeTable(CustomerRoomReport report)
    {
        PeriodMovement b = report.Bridge;
        MeasureUnit unit = report.Unit;
        var table = new ReportTable(["Movement", "Customers", $"Value ({unit.Name})"], 1);
        table.Add(ReportTable.Cell.Text("Opening"), ReportTable.Cell.Count(b.OpeningCustomerCount), ReportTable.Cell.Amount(unit, b.Opening).Strong());
        table.Add(ReportTable.Cell.Text("Incoming: new"), ReportTable.Cell.Count(b.New.CustomerCount), ReportTable.Cell.Amount(unit, b.New.Value));
        table.Add(ReportTable.Cell.Text("Incoming: reactivated"), ReportTable.Cell.Count(b.Reactivated.CustomerCount), ReportTable.Cell.Amount(unit, b.Reactivated.Value));
        table.Add(ReportTable.Cell.Text("Expansion"), ReportTable.Cell.Count(b.Expansion.CustomerCount), ReportTable.Cell.Amount(unit, b.Expansion.Value));
        table.Add(ReportTable.Cell.Text("Contraction"), ReportTable.Cell.Count(b.Contraction.CustomerCount), ReportTable.Cell.Amount(unit, b.Contraction.Value));
        table.Add(ReportTable.Cell.Text("Lost: churned"), ReportTable.Cell.Count(b.Churned.CustomerCount), ReportTable.Cell.Amount(unit, b.Churned.Value));
        table.Add(ReportTable.Cell.Text("Closing"), ReportTable.Cell.Count(b.ClosingCustomerCount), ReportTable.Cell.Amount(unit, b.Closing).Strong());
        return table;
    }

    private static string StagesHeading(CustomerRoomReport report) => $"2. Stage by stage: where the asset was earned and lost in {report.Period.Label}";

    private static string StagesSentence(CustomerRoomReport report)
    {
        StageBridgePeriod? bridge = report.StageBridge;
        string model = ReportText.Model(report.EarlyWarning.Attribution.Model);
        return bridge is null
            ? $"No movement of {report.Period.Label} could be attributed ({model} attribution)."
            : $"The period's gains ({ErosionText.Amount(bridge.EarnedValue, report.Unit)}) and losses ({ErosionText.Amount(bridge.LostValue, report.Unit)}) are credited to the stages whose touchpoints the customers met before they moved ({model} attribution); then what customers said, and how reliably the stage's processes ran.";
    }

    private static string StageHeading(CustomerRoomStage stage) =>
        string.Create(CultureInfo.InvariantCulture, $"Stage {stage.Stage.Position}: {stage.Stage.Name}");

    private static string Earned(CustomerRoomReport report, CustomerRoomStage stage) =>
        $"Earned {ErosionText.Amount(stage.EarnedValue, report.Unit)} ({ErosionText.Count(stage.GainCount, "gain", "gains")}), lost {ErosionText.Amount(stage.LostValue, report.Unit)} ({ErosionText.Count(stage.LossCount, "loss", "losses")}): net {SignedAmount(stage.NetValue, report.Unit)}.";

    private static List<string> Said(CustomerRoomReport report, CustomerRoomStage stage)
    {
        var said = new List<string>();
        if (report.Listening is null)
        {
            return said;
        }

        if (stage.Voice is not { SignalCount: > 0 } voice)
        {
            said.Add("What customers said: no feedback about this stage in " + report.Period.Label + ".");
            return said;
        }

        string rate = voice.ComplaintsPerThousandActive is { } r ? $" ({ReportText.Short(r, 3)} per 1,000 active customers)" : string.Empty;
        string sentiment = voice.MeanSentiment is { } m ? string.Create(CultureInfo.InvariantCulture, $"; mean sentiment {m:+0.00;-0.00;0.00}") : string.Empty;
        said.Add($"What customers said: {ErosionText.Count(voice.SignalCount, "signal", "signals")} ({ErosionText.Percent(voice.ShareOfVoice)} of all feedback), {ErosionText.Count(voice.ComplaintCount, "complaint", "complaints")}{rate}{sentiment}.");
        foreach (SpikeCheck spike in stage.Spikes)
        {
            said.Add(string.Create(CultureInfo.InvariantCulture,
                $"Complaints are spiking about '{spike.TopicName}': {spike.Observed:#,##0} against {spike.Expected:0.0} expected (alarm above {spike.Threshold:0.0}; {spike.Detector} detector)."));
        }

        foreach (SurveyMetric survey in stage.Surveys)
        {
            said.Add(string.Create(CultureInfo.InvariantCulture,
                $"Survey: {Instrument(survey.Instrument)} {ReportText.Short(survey.Estimate, 3)} ({ErosionText.Level(survey.ConfidenceLevel)} CI {ReportText.Short(survey.Lower, 3)} to {ReportText.Short(survey.Upper, 3)}; {survey.ResponseCount:#,##0} responses{(survey.HasEnoughResponses ? string.Empty : ", too few to compare")})."));
        }

        return said;
    }

    private static ReportTable ProcessTable(CustomerRoomReport report, CustomerRoomStage stage)
    {
        // The touchpoint is named by the warning's sentence; the table keeps to what a reader compares across rows. Its
        // exposure is the period's, while a warning's counts from its episode's start: the headers say so, or the same
        // standard would show two different "revenue at risk" figures on one page.
        var table = new ReportTable(["Standard", "Owner", "Status", "Events", "Failing", "Exposed in the period", "Revenue at risk from the period"], [true, true, true, false, false, false, true]);
        foreach (CustomerRoomStandard s in stage.Standards)
        {
            table.Add(
                ReportTable.Cell.Text(s.Standard.Name),
                ReportTable.Cell.Text(s.Owner),
                Emphasized(ReportTable.Cell.Value(ErosionSentences.Status(s.Status)), s.Status == StandardStatus.Breached),
                ReportTable.Cell.Count(s.Exposure.EventCount),
                ReportTable.Cell.Value(s.Exposure.EventCount == 0 ? "-" : $"{ReportText.GroupedCount(s.Exposure.FailingEventCount)} ({ReportText.Percent(s.Exposure.FailingShare)})"),
                ReportTable.Cell.Count(s.Exposure.ExposedCustomerCount),
                ReportTable.Cell.Value(RiskCell(s.RevenueAtRisk)));
        }

        return table;
    }

    private static string Sentence(StandardWarning warning) => ErosionSentences.Warning(warning);

    private static string? Unattributed(CustomerRoomReport report) =>
        report.StageBridge is { } bridge && (bridge.Unattributed.EarnedValue != 0 || bridge.Unattributed.LostValue != 0)
            ? $"Not attributed to any stage (no touch within the lookback): earned {ErosionText.Amount(bridge.Unattributed.EarnedValue, report.Unit)}, lost {ErosionText.Amount(bridge.Unattributed.LostValue, report.Unit)}."
            : null;

    private static string WarningsHeading(CustomerRoomReport report) =>
        $"3. Early warnings as of {report.Period.Label}: {ErosionText.Count(report.Warnings.Count, "standard", "standards")} on watch or breached";

    private static string NoWarnings(CustomerRoomReport report) =>
        report.EarlyWarning.Reliability is null
            ? "No reliability measurements were given, so no standard could be judged."
            : "Every standard met its objective: none is on watch or breached.";

    private static ReportTable WarningTable(CustomerRoomReport report)
    {
        MeasureUnit unit = report.Unit;
        // The exposure still expected until a window ends is shown only while some warned window is open.
        bool open = report.Warnings.Any(w => w.ExpectedFurtherExposedValue != 0);
        var table = new ReportTable(
            ["Status", "Standard", "Stage", "Owner", "Warning episode", "Customers exposed", .. open ? ["Expected more"] : Array.Empty<string>(), "Revenue at risk"],
            [true, true, true, true, true, false, .. open ? [false] : Array.Empty<bool>(), true]);
        foreach (StandardWarning w in report.Warnings)
        {
            ReportTable.Cell[] expected = open ? [ReportTable.Cell.Value(ErosionText.Amount(w.ExpectedFurtherExposedValue, unit))] : [];
            table.Add(
            [
                Emphasized(ReportTable.Cell.Value(ErosionSentences.Status(w.Status)), w.Status == StandardStatus.Breached),
                ReportTable.Cell.Text(w.Standard.Name + (w.IsMomentOfTruth ? " (moment of truth)" : string.Empty)).Wrapping(),
                ReportTable.Cell.Text(w.Stage.Name),
                ReportTable.Cell.Text(w.Owner),
                ReportTable.Cell.Value(EarlyWarningTables.EpisodeCell(w, report.EarlyWarning.Analysis.TimeZone)).Wrapping(),
                ReportTable.Cell.Value(EarlyWarningTables.ExposureCell(w, unit, report.EarlyWarning.Analysis.TimeZone)).Wrapping(),
                .. expected,
                ReportTable.Cell.Value(RiskCell(w.RevenueAtRisk)).Wrapping(),
            ]);
        }

        return table;
    }

    private static string PrioritiesHeading(CustomerRoomReport report) =>
        report.Priorities.Count == 1 ? "4. The top company-wide priority" : $"4. The top {report.Priorities.Count.ToString(CultureInfo.InvariantCulture)} company-wide priorities";

    private const string NoPriorities = "No touchpoint scored above zero: nothing failed, lost value or was at risk in the period.";

    private static ReportTable PriorityTable(CustomerRoomReport report)
    {
        var table = new ReportTable(["#", "Touchpoint", "Stage", "Category", "Owner", "Score", "Revenue at risk"], [true, true, true, true, true, false, true]);
        foreach (Priority p in report.Priorities)
        {
            table.Add(
                ReportTable.Cell.Value(p.Rank.ToString(CultureInfo.InvariantCulture)),
                ReportTable.Cell.Text(p.Touchpoint.Name + (p.Touchpoint.IsMomentOfTruth ? " (moment of truth)" : string.Empty)),
                ReportTable.Cell.Text(p.Stage.Name),
                ReportTable.Cell.Value(ReportText.CategoryWords(p.Category)),
                ReportTable.Cell.Text(p.Owner),
                ReportTable.Cell.Value(p.Score.Value.ToString("0.000", CultureInfo.InvariantCulture)),
                ReportTable.Cell.Value(RiskCell(p.RevenueAtRisk)));
        }

        return table;
    }

    private static string ScoreNote(CustomerRoomReport report)
    {
        PriorityScore? score = (report.EarlyWarning.RankedTouchpoints.Count > 0 ? report.EarlyWarning.RankedTouchpoints[0].Score : null);
        return score is null
            ? "The score is documented in docs/concepts/revenue-at-risk.md."
            : string.Create(CultureInfo.InvariantCulture,
                $"Score = {score.RevenueAtRiskWeight:0.##} x revenue at risk (share of the largest) + {score.SignalWeight:0.##} x reliability signal + {score.StageLossWeight:0.##} x share of the period's attributed losses at the stage{(score.ComplaintPart is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" + {score.ComplaintWeight:0.##} x complaints above baseline in the stage's spikes (share of the largest)"))}; one priority per touchpoint; see docs/concepts/revenue-at-risk.md.");
    }

    private static string Warned(CustomerRoomStandard s) =>
        "<p style=\"" + HtmlStyle.Paragraph + ";border-left:4px solid " + (s.Status == StandardStatus.Breached ? SvgCanvas.Loss : "#f9a825") + ";padding-left:8px\">"
        + CellEscaping.Html(Sentence(s.Warning!)) + "</p>\n";

    private static SvgChart RunChartOf(CustomerRoomReport report, CustomerRoomStandard s)
    {
        StandardWarning warning = s.Warning!;
        PeriodGrid grid = report.Assets.Grid;
        int first = Math.Max(0, report.Period.Index - RunChartPeriods + 1);
        NodaTime.Instant from = report.EarlyWarning.Analysis.TimeZone.AtStartOfDay(grid[first].Start).ToInstant();
        NodaTime.Instant to = report.AsOf;
        IEnumerable<ReliabilityMeasurement> shown = report.Measurements.Where(m => m.At >= from && m.At <= to);
        IReadOnlyList<WindowEvaluation> windows = [.. warning.Evaluation.Windows.Where(w => w.Start >= from && w.Start <= to)];
        // The open episode's start (amber), and for a breach the breached window's start (red).
        var markers = new List<RunChartMarker>();
        if (warning.Episode is { } episode)
        {
            // An episode older than the chart is marked at the chart's start, its label saying when it opened.
            string opened = episode.OpenedAt < from ? $"warning episode open since {ReliabilityEngine.Time(episode.OpenedAt)}, before the chart" : $"warning episode opened {ReliabilityEngine.Time(episode.OpenedAt)}";
            markers.Add(new(NodaTime.Instant.Max(episode.OpenedAt, from), $"{opened} (peak {EarlyWarningTables.Severity(episode.PeakSeverity)}; first {episode.Escalations[0].Detector})", RunChartMarkerKind.Warning));
        }

        if (warning.Status == StandardStatus.Breached)
        {
            markers.Add(new(warning.WindowStart, $"breached: window from {ReportText.Instant(warning.WindowStart)}", RunChartMarkerKind.Breach));
        }

        return RunChart.Draw(s.Standard, shown, windows, markers.Where(m => m.At >= from), to);
    }

    private static string Note(string text) =>
        "<p class=\"cx-note\" style=\"" + HtmlStyle.Note + "\">" + CellEscaping.Html(text) + "</p>\n";

    private static void Stage(Utf8JsonWriter json, MeasureUnit unit, CustomerRoomStage s)
    {
        json.WriteStartObject();
        json.WriteString("id", s.Stage.Id);
        json.WriteString("name", s.Stage.Name);
        json.WriteNumber("position", s.Stage.Position);
        ReportJson.Amount(json, unit, "earned", s.EarnedValue);
        json.WriteNumber("gains", s.GainCount);
        ReportJson.Amount(json, unit, "lost", s.LostValue);
        json.WriteNumber("losses", s.LossCount);
        ReportJson.Amount(json, unit, "net", s.NetValue);
        if (s.Voice is { } v)
        {
            json.WriteStartObject("voice");
            json.WriteNumber("signals", v.SignalCount);
            json.WriteNumber("shareOfVoice", v.ShareOfVoice);
            json.WriteNumber("complaints", v.ComplaintCount);
            ReportJson.Fraction(json, "complaintsPerThousandActive", v.ComplaintsPerThousandActive);
            ReportJson.Fraction(json, "meanSentiment", v.MeanSentiment);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("voice");
        }

        // Spikes and survey metrics are written as cx listening writes them.
        json.WriteStartArray("spikes");
        foreach (SpikeCheck c in s.Spikes)
        {
            json.WriteStartObject();
            ListeningRenderer.Spike(json, c);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("surveys");
        foreach (SurveyMetric m in s.Surveys)
        {
            ListeningRenderer.Metric(json, m);
        }

        json.WriteEndArray();
        json.WriteStartArray("standards");
        foreach (CustomerRoomStandard st in s.Standards)
        {
            json.WriteStartObject();
            json.WriteString("id", st.Standard.Id);
            json.WriteString("name", st.Standard.Name);
            json.WriteString("touchpoint", st.Touchpoint.Id);
            json.WriteString("owner", st.Owner);
            json.WriteString("status", ReportText.Status(st.Status));
            json.WriteBoolean("warned", st.Warning is not null);
            json.WriteNumber("events", st.Exposure.EventCount);
            json.WriteNumber("failing", st.Exposure.FailingEventCount);
            json.WriteNumber("exposedCustomers", st.Exposure.ExposedActiveCustomerCount);
            ReportJson.Amount(json, unit, "exposedValue", st.Exposure.ExposedValue);
            Risk(json, unit, st.RevenueAtRisk);
            if (st.Budget is { Budget: { } budget, Burn: { } burn })
            {
                ReportJson.Amount(json, unit, "valueBudget", budget);
                ReportJson.Amount(json, unit, "valueBurn", burn);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Movement(Utf8JsonWriter json, MeasureUnit unit, string name, MovementTotal total)
    {
        json.WriteStartObject(name);
        json.WriteNumber("customers", total.CustomerCount);
        ReportJson.Amount(json, unit, "value", total.Value);
        json.WriteEndObject();
    }

    private static void Risk(Utf8JsonWriter json, MeasureUnit unit, RevenueAtRisk r)
    {
        json.WriteStartObject("revenueAtRisk");
        if (r.Estimate is { } e)
        {
            ReportJson.Amount(json, unit, "estimate", e);
            ReportJson.Amount(json, unit, "lower", r.Lower!.Value);
            ReportJson.Amount(json, unit, "upper", r.Upper!.Value);
        }
        else
        {
            json.WriteNull("estimate");
        }

        ReportJson.Amount(json, unit, "exposedValue", r.ExposedValue);
        json.WriteNumber("exposedCustomers", r.ExposedActiveCustomerCount);
        json.WriteString("evidence", ReportText.Camel(r.Evidence));
        json.WriteBoolean("actionable", r.IsActionable);
        json.WriteString("text", ErosionText.RevenueAtRisk(r));
        json.WriteEndObject();
    }

    /// <summary>A table's revenue-at-risk cell: the figure with its interval when the evidence suffices, else why not in two
    /// words (the sentences below the tables give the reason in full).</summary>
    internal static string RiskCell(RevenueAtRisk r) =>
        r.IsActionable ? ErosionText.RevenueAtRisk(r) : r.Estimate is null ? "no estimate" : "too little evidence";

    private static string Instrument(SurveyInstrument instrument) => instrument switch
    {
        SurveyInstrument.Nps => "NPS",
        SurveyInstrument.Csat => "CSAT",
        SurveyInstrument.Ces => "CES",
        _ => instrument.ToString(),
    };

    private static ReportTable.Cell Emphasized(ReportTable.Cell cell, bool strong) => strong ? cell.Strong() : cell;

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    private static string SignedAmount(long units, MeasureUnit unit) =>
        units < 0 ? "-" + ErosionText.Amount(-units, unit) : "+" + ErosionText.Amount(units, unit);
}
