using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Listening;

namespace Cx.Domain.Reporting;

/// <summary>Renders a <see cref="ListeningReport"/> — volumes, spikes with their figures, survey metrics with intervals and
/// the survey confirmation of each spike — as aligned text, Markdown, HTML, CSV or JSON.</summary>
/// <remarks>
/// <para>Extension methods: <c>report.ToMarkdown()</c>. Invariant culture, LF line ends. These are the outputs of
/// <c>cx listening</c>.</para>
/// <para>Text, Markdown and HTML tell the story of the grid for a reader: a summary, the volumes of every period by kind and
/// by stage with the complaint rate per 1,000 active customers, topic mentions by period, every spike with its observed and
/// expected counts, threshold, false-alarm probability and the surveys' verdict, and the survey metrics of the last period
/// with their intervals and change. CSV and JSON hold every figure: CSV as one tidy table (a <c>section</c> column tells
/// volume, complaints, spike, survey and change rows apart), JSON as a document with every breakdown of every period, every
/// spike check, every survey metric and change, and every confirmation.</para>
/// </remarks>
public static class ListeningRenderer
{
    private static readonly string[] CsvHeader =
    [
        "section", "period", "stage", "topic", "instrument", "key", "name", "n", "value", "lower", "upper", "standard_error",
        "expected", "threshold", "p_value", "status",
    ];

    /// <summary>Renders the report as aligned text for a terminal.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from (<see cref="ReportOptions.RecordCount"/> is the number of signals read); none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToText(this ListeningReport report, ReportOptions? options = null) => Render(report, options, markdown: false);

    /// <summary>Renders the report as Markdown: a <c>##</c> title, the summary, one table per section.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(this ListeningReport report, ReportOptions? options = null) => Render(report, options, markdown: true);

    /// <summary>Renders the report as an HTML section with the same tables as the text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static HtmlFragment ToHtml(this ListeningReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        foreach (string line in Summary(report, options))
        {
            ReportHtml.Paragraph(html, line);
        }

        foreach ((string caption, ReportTable table) in Tables(report))
        {
            table.WriteHtml(html, caption);
        }

        foreach (string note in Notes(report))
        {
            ReportHtml.Note(html, note);
        }

        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Renders every figure of the report as one tidy CSV table.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV, comma separated, LF line ends; text cells protected against formula injection.</returns>
    /// <remarks>Columns: <c>section, period, stage, topic, instrument, key, name, n, value, lower, upper, standard_error,
    /// expected, threshold, p_value, status</c>. Rows by section: <c>volume</c> (one per period, breakdown and key: key
    /// <c>kind:complaint</c>, <c>source:web</c>, <c>stage:purchase</c>, <c>touchpoint:proposal</c>, <c>topic:price</c>, with
    /// nothing after the colon for the "none" bucket; n the count, value the share of the period's signals); <c>complaints</c> (per
    /// period and stage: n complaints, value per 1,000 active customers); <c>spike</c> (every judged period of every series:
    /// n observed, expected, threshold, p_value the false-alarm probability, status and, for spikes, the surveys' verdict);
    /// <c>survey</c> (n responses, value the estimate with its interval and standard error); <c>change</c> (period over
    /// period: value the change, standard error, p-value, status significant or not).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(this ListeningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvBuilder().Header(CsvHeader);
        foreach (ListeningPeriod p in report.Periods)
        {
            string label = p.Period.Label;
            foreach ((string key, string name, long count, double share) in Breakdowns(p))
            {
                csv.Value("volume").Value(label).Value(string.Empty).Value(string.Empty).Value(string.Empty).Text(key).Text(name)
                    .Value(ReportText.Count(count)).Value(ReportText.Exact(share)).Value(string.Empty).Value(string.Empty).Value(string.Empty)
                    .Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty).End();
            }

            foreach (StageVoice s in p.Stages)
            {
                csv.Value("complaints").Value(label).Text(s.StageId ?? string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty).Text(s.Name)
                    .Value(ReportText.Count(s.ComplaintCount)).Value(Optional(s.ComplaintsPerThousandActive)).Value(string.Empty).Value(string.Empty).Value(string.Empty)
                    .Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty).End();
            }
        }

        Dictionary<SpikeCheck, SpikeConfirmation> confirmations = report.Confirmations.ToDictionary(c => c.Spike);
        foreach (SpikeCheck c in report.SpikeChecks)
        {
            string status = Status(c.Status) + (confirmations.TryGetValue(c, out SpikeConfirmation? confirmation) ? "; surveys: " + Verdict(confirmation.Verdict) : string.Empty);
            csv.Value("spike").Value(c.Period.Label).Text(c.StageId ?? string.Empty).Text(c.TopicId ?? string.Empty).Value(string.Empty).Value(Detector(c.Detector))
                .Text(c.StageName + " / " + c.TopicName).Value(ReportText.Count(c.Observed)).Value(string.Empty).Value(string.Empty).Value(string.Empty).Value(string.Empty)
                .Value(ReportText.Exact(c.Expected)).Value(ReportText.Exact(c.Threshold)).Value(ReportText.Exact(c.FalseAlarmProbability)).Text(status).End();
        }

        foreach (SurveyMetric m in report.Surveys)
        {
            csv.Value("survey").Value(m.Period.Label).Text(m.StageId ?? string.Empty).Value(string.Empty).Value(Instrument(m.Instrument)).Value(string.Empty).Text(m.StageName)
                .Value(ReportText.Count(m.ResponseCount)).Value(ReportText.Exact(m.Estimate)).Value(ReportText.Exact(m.Lower)).Value(ReportText.Exact(m.Upper))
                .Value(ReportText.Exact(m.StandardError)).Value(string.Empty).Value(string.Empty).Value(string.Empty)
                .Value(m.HasEnoughResponses ? "enough responses" : "few responses").End();
        }

        foreach (SurveyChange c in report.Changes)
        {
            csv.Value("change").Value(c.Period.Label).Text(c.StageId ?? string.Empty).Value(string.Empty).Value(Instrument(c.Instrument)).Value(ReportText.Camel(c.Test))
                .Text(c.StageName).Value(ReportText.Count(c.ResponseCount)).Value(ReportText.Exact(c.Change)).Value(string.Empty).Value(string.Empty)
                .Value(ReportText.Exact(c.StandardError)).Value(string.Empty).Value(string.Empty).Value(ReportText.Exact(c.PValue))
                .Value(!c.HasEnoughResponses ? "few responses" : c.IsSignificant ? "significant" : "not significant").End();
        }

        return csv.ToString();
    }

    /// <summary>Renders the report as a JSON document with every figure.</summary>
    /// <param name="report">The report.</param>
    /// <param name="options">The number of signals read (<see cref="ReportOptions.RecordCount"/>); none when null.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(this ListeningReport report, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("grid", report.Grid.ToString());
            json.WriteString("journey", report.JourneyName);
            if (options.RecordCount is { } read)
            {
                json.WriteNumber("signalsRead", read);
            }

            json.WriteNumber("signals", report.SignalCount);
            json.WriteNumber("beforeGrid", report.BeforeGridCount);
            json.WriteNumber("afterGrid", report.AfterGridCount);
            Settings(json, report.Settings);
            json.WriteStartArray("topics");
            foreach (TaxonomyTopic t in report.Topics.Topics)
            {
                json.WriteStartObject();
                json.WriteString("id", t.Id);
                json.WriteString("name", t.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("periods");
            foreach (ListeningPeriod p in report.Periods)
            {
                Period(json, p);
            }

            json.WriteEndArray();
            Dictionary<SpikeCheck, SpikeConfirmation> confirmations = report.Confirmations.ToDictionary(c => c.Spike);
            json.WriteNumber("spikeChecks", report.SpikeChecks.Count);
            json.WriteStartArray("spikes");
            foreach (SpikeCheck c in report.Spikes)
            {
                json.WriteStartObject();
                Spike(json, c);
                if (confirmations.TryGetValue(c, out SpikeConfirmation? confirmation))
                {
                    Confirmation(json, confirmation);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("checks");
            foreach (SpikeCheck c in report.SpikeChecks)
            {
                json.WriteStartObject();
                Spike(json, c);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("surveys");
            foreach (SurveyMetric m in report.Surveys)
            {
                Metric(json, m);
            }

            json.WriteEndArray();
            json.WriteStartArray("changes");
            foreach (SurveyChange c in report.Changes)
            {
                json.WriteStartObject();
                Change(json, c);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Render(ListeningReport report, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        foreach (string line in Summary(report, options))
        {
            ReportMarkup.Line(text, line, markdown);
        }

        foreach ((string caption, ReportTable table) in Tables(report))
        {
            text.Append('\n').Append(markdown ? "### " : string.Empty).Append(markdown ? CellEscaping.Markdown(caption) : CellEscaping.Line(caption) + ":").Append('\n');
            if (markdown)
            {
                text.Append('\n');
                table.WriteMarkdown(text);
            }
            else
            {
                table.WriteText(text);
            }
        }

        text.Append('\n');
        foreach (string note in Notes(report))
        {
            ReportMarkup.Line(text, note, markdown);
        }

        return text.ToString();
    }

    private static string Title(ReportOptions options) => options.Source is null ? "Listening path" : "Listening path from " + options.Source;

    private static IEnumerable<string> Summary(ListeningReport report, ReportOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        long untagged = report.Periods.Sum(p => p.UntaggedFeedbackCount);
        long complaints = report.Periods.Sum(p => p.ComplaintCount);
        long feedback = report.Periods.Sum(p => p.Kinds[0].Count + p.Kinds[1].Count);
        string read = options.RecordCount is { } n ? string.Create(inv, $"{ReportText.GroupedCount(n)} signals read; ") : string.Empty;
        yield return string.Create(inv,
            $"{read}{ReportText.GroupedCount(report.SignalCount)} in {report.Grid} ({ReportText.GroupedCount(report.BeforeGridCount)} before, {ReportText.GroupedCount(report.AfterGridCount)} after the grid), {ReportText.GroupedCount(complaints)} complaints; {ReportText.GroupedCount(untagged)} of {ReportText.GroupedCount(feedback)} complaints and comments untagged ({(feedback == 0 ? "0.0%" : ReportText.Percent((double)untagged / feedback))}).");
        int confirmed = report.Confirmations.Count(c => c.Verdict == ConfirmationVerdict.Confirmed);
        yield return string.Create(inv,
            $"{report.Spikes.Count} spike{(report.Spikes.Count == 1 ? string.Empty : "s")} in {report.SpikeChecks.Count} judged stage x topic periods; {confirmed} confirmed by surveys. Topics: {report.Topics.Count}{(report.Topics.IsAdHoc ? " (from the signals; no taxonomy)" : string.Empty)}.");
    }

    private static IEnumerable<(string Caption, ReportTable Table)> Tables(ListeningReport report)
    {
        yield return ("Volumes by period (signals by stage; complaints per 1,000 active customers)", Volumes(report));
        yield return ("Topic mentions by period", Topics(report));
        yield return ("Spikes of complaints by stage and topic", Spikes(report));
        if (LastSurveyPeriod(report) is { } last)
        {
            yield return ($"Surveys in {last.Label} ({(report.Settings.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture)}% intervals; change from the period before)", Surveys(report, last));
        }
    }

    private static ReportTable Volumes(ListeningReport report)
    {
        ListeningPeriod first = report.Periods[0];
        string[] header = ["period", "signals", "unaided", "complaints", "surveys", "per 1,000", .. first.Stages.Select(s => s.Name)];
        var table = new ReportTable(header, 1);
        foreach (ListeningPeriod p in report.Periods)
        {
            table.Add([
                ReportTable.Cell.Value(p.Period.Label), ReportTable.Cell.Count(p.SignalCount), .. p.Kinds.Select(k => ReportTable.Cell.Count(k.Count)),
                ReportTable.Cell.Value(p.ComplaintsPerThousandActive is { } r ? ReportText.Fixed(r, 1) : "-"), .. p.Stages.Select(s => ReportTable.Cell.Count(s.SignalCount)),
            ]);
        }

        return table;
    }

    private static ReportTable Topics(ListeningReport report)
    {
        string[] header = ["period", .. report.Periods[0].Topics.Select(t => t.Name)];
        var table = new ReportTable(header, 1);
        foreach (ListeningPeriod p in report.Periods)
        {
            table.Add([ReportTable.Cell.Value(p.Period.Label), .. p.Topics.Select(t => ReportTable.Cell.Count(t.Count))]);
        }

        return table;
    }

    private static ReportTable Spikes(ListeningReport report)
    {
        var table = new ReportTable(["period", "stage", "topic", "detector", "observed", "expected", "threshold", "p(false alarm)", "surveys"], [true, true, true, true, false, false, false, false, true]);
        foreach (SpikeConfirmation c in report.Confirmations)
        {
            SpikeCheck s = c.Spike;
            table.Add(
                ReportTable.Cell.Value(s.Period.Label), ReportTable.Cell.Text(s.StageName), ReportTable.Cell.Text(s.TopicName), ReportTable.Cell.Value(Detector(s.Detector)),
                ReportTable.Cell.Count(s.Observed).Strong(), ReportTable.Cell.Value(ReportText.Fixed(s.Expected, 1)), ReportTable.Cell.Value(ReportText.Short(s.Threshold)),
                ReportTable.Cell.Value(Probability(s.FalseAlarmProbability)), ReportTable.Cell.Text(Evidence(c)));
        }

        return table;
    }

    private static ReportTable Surveys(ListeningReport report, Primitives.GridPeriod period)
    {
        var table = new ReportTable(["stage", "survey", "n", "score", "interval", "change", "SE", "p", "verdict"], [true, true, false, false, false, false, false, false, true]);
        Dictionary<(string?, SurveyInstrument), SurveyChange> changes = report.Changes.Where(c => c.Period == period).ToDictionary(c => (c.StageId, c.Instrument));
        foreach (SurveyMetric m in report.Surveys.Where(m => m.Period == period))
        {
            changes.TryGetValue((m.StageId, m.Instrument), out SurveyChange? c);
            table.Add(
                ReportTable.Cell.Text(m.StageName), ReportTable.Cell.Value(Instrument(m.Instrument).ToUpperInvariant()), ReportTable.Cell.Count(m.ResponseCount),
                ReportTable.Cell.Value(Score(m.Instrument, m.Estimate)), ReportTable.Cell.Value($"{Score(m.Instrument, m.Lower)} .. {Score(m.Instrument, m.Upper)}"),
                ReportTable.Cell.Value(c is null ? "-" : Signed(m.Instrument, c.Change)), ReportTable.Cell.Value(c is null ? "-" : Score(m.Instrument, c.StandardError)),
                ReportTable.Cell.Value(c is null ? "-" : Probability(c.PValue)),
                ReportTable.Cell.Value(!m.HasEnoughResponses ? "few responses" : c is null ? "-" : !c.HasEnoughResponses ? "few responses before" : c.IsSignificant ? (c.Change < 0 ? "significant fall" : "significant rise") : "no significant change"));
        }

        return table;
    }

    private static IEnumerable<string> Notes(ListeningReport report)
    {
        ListeningSettings s = report.Settings;
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv,
            $"Spikes: {(s.IncludesUnaidedInSpikes ? "complaints and unaided feedback" : "complaints")} per stage and topic; Farrington quasi-Poisson baseline of {s.BaselinePeriods} periods (alpha {s.Alpha}, {(s.Threshold == FarringtonThreshold.NegativeBinomialQuantile ? "negative binomial quantile" : "2/3-power threshold")}), EARS C2 for shorter histories ({s.EarsBaselinePeriods} periods, lag {s.EarsLag}, nominal alpha {s.EarsAlpha}, real in-control rate {ReportText.Percent(s.EarsInControlAlarmRate)}); at least {s.MinimumCount} complaints in the last {s.MinimumCountPeriods} periods.");
        yield return string.Create(inv,
            $"Surveys: NPS with the adjusted-Wald interval (Rocks 2016), CSAT top-two-box share with a Wilson interval, CES mean with a t interval; comparisons need {s.MinimumResponses} responses in each period.");
        long sources = report.Periods.Sum(p => p.SignalCount);
        if (sources > 0)
        {
            IEnumerable<string> parts = report.Periods[0].Sources.Select((v, i) => (v.Name, Count: report.Periods.Sum(p => p.Sources[i].Count)))
                .Where(x => x.Count > 0).Select(x => $"{x.Name} {ReportText.GroupedCount(x.Count)}");
            yield return "Sources: " + string.Join(", ", parts) + ".";
        }
    }

    private static Primitives.GridPeriod? LastSurveyPeriod(ListeningReport report) => report.Surveys.Count == 0 ? null : report.Surveys[^1].Period;

    /// <summary>Every breakdown of a period as (key, name, count, share): kinds, sources, stages, touchpoints, topics.</summary>
    private static IEnumerable<(string Key, string Name, long Count, double Share)> Breakdowns(ListeningPeriod p) =>
        p.Kinds.Select(v => ("kind:" + v.Key, v.Name, v.Count, v.Share))
            .Concat(p.Sources.Select(v => ("source:" + v.Key, v.Name, v.Count, v.Share)))
            .Concat(p.Stages.Select(s => ("stage:" + s.StageId, s.Name, s.SignalCount, s.ShareOfVoice)))
            .Concat(p.Touchpoints.Select(v => ("touchpoint:" + v.Key, v.Name, v.Count, v.Share)))
            .Concat(p.Topics.Select(v => ("topic:" + v.Key, v.Name, v.Count, v.Share)));

    private static string Evidence(SpikeConfirmation c) => c.Verdict switch
    {
        ConfirmationVerdict.NotEnoughResponses => "not enough responses",
        _ when c.Evidence is { } e => string.Create(CultureInfo.InvariantCulture,
            $"{Verdict(c.Verdict)}: {Instrument(e.Instrument).ToUpperInvariant()} {e.PreviousPeriod.Label} -> {e.Period.Label} {Signed(e.Instrument, e.Change)} (p={Probability(e.PValue)})"),
        _ => Verdict(c.Verdict),
    };

    private static string Verdict(ConfirmationVerdict verdict) => verdict switch
    {
        ConfirmationVerdict.Confirmed => "confirmed",
        ConfirmationVerdict.NotConfirmed => "not confirmed",
        ConfirmationVerdict.Contradicted => "contradicted",
        ConfirmationVerdict.NotEnoughResponses => "not enough responses",
        _ => "unknown",
    };

    private static string Status(SpikeStatus status) => status switch
    {
        SpikeStatus.Spike => "spike",
        SpikeStatus.WithinBaseline => "within baseline",
        SpikeStatus.TooFewCounts => "too few counts",
        _ => "unknown",
    };

    private static string Detector(SpikeDetector detector) => detector switch
    {
        SpikeDetector.Farrington => "farrington",
        SpikeDetector.EarsC2 => "ears-c2",
        _ => "none",
    };

    private static string Instrument(SurveyInstrument instrument) => instrument switch
    {
        SurveyInstrument.Nps => "nps",
        SurveyInstrument.Csat => "csat",
        SurveyInstrument.Ces => "ces",
        _ => "none",
    };

    private static string Score(SurveyInstrument instrument, double value) =>
        instrument == SurveyInstrument.Ces ? ReportText.Fixed(value, 2) : ReportText.Fixed(value, 1);

    private static string Signed(SurveyInstrument instrument, double value) => (value > 0 ? "+" : string.Empty) + Score(instrument, value);

    private static string Probability(double p) => p >= 0.001 ? ReportText.Fixed(p, 3) : p.ToString("0.0E+0", CultureInfo.InvariantCulture);

    private static string Optional(double? value) => value is { } v ? ReportText.Exact(v) : string.Empty;

    private static void Settings(Utf8JsonWriter json, ListeningSettings s)
    {
        json.WriteStartObject("settings");
        json.WriteString("zone", s.ZoneId);
        json.WriteNumber("confidenceLevel", s.ConfidenceLevel);
        json.WriteNumber("minimumResponses", s.MinimumResponses);
        json.WriteBoolean("unaidedInSpikes", s.IncludesUnaidedInSpikes);
        json.WriteNumber("baselinePeriods", s.BaselinePeriods);
        json.WriteNumber("alpha", s.Alpha);
        json.WriteString("threshold", ReportText.Camel(s.Threshold));
        json.WriteNumber("minimumCount", s.MinimumCount);
        json.WriteNumber("minimumCountPeriods", s.MinimumCountPeriods);
        json.WriteBoolean("earsForShortHistories", s.UsesEars);
        json.WriteNumber("earsBaselinePeriods", s.EarsBaselinePeriods);
        json.WriteNumber("earsLag", s.EarsLag);
        json.WriteNumber("earsAlpha", s.EarsAlpha);
        json.WriteNumber("earsInControlAlarmRate", s.EarsInControlAlarmRate);
        json.WriteEndObject();
    }

    private static void Period(Utf8JsonWriter json, ListeningPeriod p)
    {
        json.WriteStartObject();
        json.WriteString("period", p.Period.Label);
        json.WriteNumber("signals", p.SignalCount);
        json.WriteNumber("complaints", p.ComplaintCount);
        if (p.ActiveCustomerCount is { } active)
        {
            json.WriteNumber("activeCustomers", active);
        }
        else
        {
            json.WriteNull("activeCustomers");
        }

        ReportJson.Fraction(json, "complaintsPerThousandActive", p.ComplaintsPerThousandActive);
        Counts(json, "kinds", p.Kinds);
        Counts(json, "sources", p.Sources);
        json.WriteStartArray("stages");
        foreach (StageVoice s in p.Stages)
        {
            json.WriteStartObject();
            json.WriteString("stage", s.StageId);
            json.WriteString("name", s.Name);
            json.WriteNumber("signals", s.SignalCount);
            json.WriteNumber("shareOfVoice", s.ShareOfVoice);
            json.WriteNumber("complaints", s.ComplaintCount);
            ReportJson.Fraction(json, "complaintsPerThousandActive", s.ComplaintsPerThousandActive);
            json.WriteNumber("sentimentCount", s.SentimentCount);
            ReportJson.Fraction(json, "meanSentiment", s.MeanSentiment);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Counts(json, "touchpoints", p.Touchpoints);
        Counts(json, "topics", p.Topics);
        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<VolumeCount> counts)
    {
        json.WriteStartArray(name);
        foreach (VolumeCount v in counts)
        {
            json.WriteStartObject();
            json.WriteString("key", v.Key);
            json.WriteString("name", v.Name);
            json.WriteNumber("count", v.Count);
            json.WriteNumber("share", v.Share);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    internal static void Spike(Utf8JsonWriter json, SpikeCheck c)
    {
        json.WriteString("period", c.Period.Label);
        json.WriteString("stage", c.StageId);
        json.WriteString("topic", c.TopicId);
        json.WriteString("detector", Detector(c.Detector));
        json.WriteString("status", ReportText.Camel(c.Status));
        json.WriteNumber("observed", c.Observed);
        json.WriteNumber("expected", c.Expected);
        json.WriteNumber("threshold", c.Threshold);
        json.WriteNumber("falseAlarmProbability", c.FalseAlarmProbability);
        json.WriteNumber("alpha", c.Alpha);
        json.WriteNumber("dispersion", c.Dispersion);
        json.WriteBoolean("trend", c.TrendFitted);
        json.WriteNumber("baselinePeriods", c.BaselinePeriods);
    }

    private static void Confirmation(Utf8JsonWriter json, SpikeConfirmation c)
    {
        json.WriteStartObject("surveys");
        json.WriteString("verdict", ReportText.Camel(c.Verdict));
        json.WriteString("instrument", Instrument(c.Instrument));
        json.WriteStartArray("comparisons");
        foreach (SurveyChange change in c.Comparisons)
        {
            json.WriteStartObject();
            Change(json, change);
            json.WriteBoolean("evidence", ReferenceEquals(change, c.Evidence));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void Metric(Utf8JsonWriter json, SurveyMetric m)
    {
        json.WriteStartObject();
        json.WriteString("period", m.Period.Label);
        json.WriteString("stage", m.StageId);
        json.WriteString("instrument", Instrument(m.Instrument));
        json.WriteNumber("n", m.ResponseCount);
        json.WriteNumber("estimate", m.Estimate);
        json.WriteNumber("standardError", m.StandardError);
        json.WriteNumber("lower", m.Lower);
        json.WriteNumber("upper", m.Upper);
        json.WriteNumber("confidenceLevel", m.ConfidenceLevel);
        json.WriteBoolean("enoughResponses", m.HasEnoughResponses);
        switch (m)
        {
            case NpsMetric nps:
                json.WriteNumber("promoters", nps.PromoterCount);
                json.WriteNumber("passives", nps.PassiveCount);
                json.WriteNumber("detractors", nps.DetractorCount);
                json.WriteNumber("adjustedScore", nps.AdjustedScore);
                break;
            case CsatMetric csat:
                json.WriteNumber("satisfied", csat.SatisfiedCount);
                break;
            case CesMetric ces:
                json.WriteNumber("standardDeviation", ces.StandardDeviation);
                json.WriteNumber("topBox", ces.TopBoxCount);
                json.WriteNumber("topBoxShare", ces.TopBoxShare);
                json.WriteNumber("topBoxLower", ces.TopBoxLower);
                json.WriteNumber("topBoxUpper", ces.TopBoxUpper);
                break;
            default:
                break;
        }

        json.WriteEndObject();
    }

    private static void Change(Utf8JsonWriter json, SurveyChange c)
    {
        json.WriteString("stage", c.StageId);
        json.WriteString("instrument", Instrument(c.Instrument));
        json.WriteString("from", c.PreviousPeriod.Label);
        json.WriteString("to", c.Period.Label);
        json.WriteNumber("previousEstimate", c.PreviousEstimate);
        json.WriteNumber("estimate", c.Estimate);
        json.WriteNumber("change", c.Change);
        json.WriteNumber("standardError", c.StandardError);
        json.WriteString("test", ReportText.Camel(c.Test));
        json.WriteNumber("statistic", c.Statistic);
        if (c.DegreesOfFreedom is { } df)
        {
            json.WriteNumber("degreesOfFreedom", df);
        }

        json.WriteNumber("pValue", c.PValue);
        json.WriteBoolean("enoughResponses", c.HasEnoughResponses);
        json.WriteBoolean("significant", c.IsSignificant);
    }
}
