using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using NodaTime.Text;

namespace Cx.Domain.Reporting;

/// <summary>Renders an <see cref="AttributionResult"/> (where the customer asset was earned and lost along the journey) as
/// aligned text, Markdown, HTML, CSV or JSON, and as a chart of earned and lost value per stage.</summary>
/// <remarks>
/// <para>Extension methods: <c>result.ToMarkdown()</c>. Amounts in the result's <see cref="AttributionResult.Unit"/>, major
/// units, lost value positive (as the library credits it), invariant culture, LF line ends. These are the outputs of
/// <c>cx attribution</c>.</para>
/// <para>The tables: the stages with the unattributed bucket and the total, the touchpoints, the four categories, and the
/// stage-attributed bridge (each stage's net per period); then notes on what credited nothing. The CSV has one row per figure
/// group (<c>section</c> = total, stage, touchpoint, category, unattributed, bridge, bridge_unattributed) with
/// <c>earned_count, earned_value, lost_count, lost_value, net_value</c>. The JSON schema is in <c>docs/reporting.md</c>.</para>
/// </remarks>
public static class AttributionRenderer
{
    private static readonly string[] CreditHeader = ["earned", "gains", "lost", "losses", "net"];

    private static readonly string[] CsvHeader =
    [
        "section", "period", "id", "name", "stage", "category", "currency",
        "earned_count", "earned_value", "lost_count", "lost_value", "net_value",
    ];

    /// <summary>Renders the attribution as aligned text for a terminal.</summary>
    /// <param name="result">The attribution.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The text, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToText(this AttributionResult result, ReportOptions? options = null) => Render(result, options, markdown: false);

    /// <summary>Renders the attribution as Markdown: a <c>##</c> title, the summary, the four tables, notes.</summary>
    /// <param name="result">The attribution.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The Markdown, every cell escaped, LF line ends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToMarkdown(this AttributionResult result, ReportOptions? options = null) => Render(result, options, markdown: true);

    /// <summary>Renders the attribution as an HTML section: a heading, the summary, the tables (amounts right-aligned and
    /// thousands separated), notes.</summary>
    /// <param name="result">The attribution.</param>
    /// <param name="options">Where the data came from; none when null.</param>
    /// <returns>The fragment, every text encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static HtmlFragment ToHtml(this AttributionResult result, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= ReportOptions.Default;
        var html = new StringBuilder();
        ReportHtml.SectionStart(html, Title(options));
        foreach (string line in Summary(result, options, grouped: true))
        {
            ReportHtml.Paragraph(html, line);
        }

        Stages(result).WriteHtml(html, "Stages");
        Touchpoints(result).WriteHtml(html, "Touchpoints");
        Categories(result).WriteHtml(html, "Categories");
        if (result.Bridge.Count > 0)
        {
            Bridge(result).WriteHtml(html, "Stage-attributed bridge (net per stage)");
        }

        foreach (string note in Notes(result, options))
        {
            ReportHtml.Note(html, note);
        }

        ReportHtml.SectionEnd(html);
        return HtmlFragment.FromTrustedHtml(html.ToString());
    }

    /// <summary>Draws where the asset was earned and lost: for each journey stage and the unattributed bucket, a bar of value
    /// earned and a bar of value lost, with the net, in currency units.</summary>
    /// <param name="result">The attribution.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static SvgChart ToStageChart(this AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return StageChart.Draw(result);
    }

    /// <summary>Renders the attribution as CSV, one row per figure group (see the remarks of <see cref="AttributionRenderer"/>).</summary>
    /// <param name="result">The attribution.</param>
    /// <returns>The CSV, comma separated, '.' decimals, LF line ends; text cells protected against formula injection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToCsv(this AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MeasureUnit unit = result.Unit;
        var csv = new CsvBuilder().Header(CsvHeader);
        CsvRow(csv, unit, "total", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, result.GainCount, result.EarnedValue, result.LossCount, result.LostValue);
        foreach (StageCredit s in result.Stages)
        {
            CsvRow(csv, unit, "stage", string.Empty, s.Stage.Id, s.Stage.Name, s.Stage.Id, string.Empty, s);
        }

        foreach (TouchpointCredit t in result.Touchpoints)
        {
            CsvRow(csv, unit, "touchpoint", string.Empty, t.Touchpoint.Id, t.Touchpoint.Name, t.Touchpoint.StageId, ReportText.Category(t.Touchpoint.Category), t);
        }

        foreach (CategoryCredit c in result.Categories)
        {
            string name = ReportText.Category(c.Category);
            CsvRow(csv, unit, "category", string.Empty, name, name, string.Empty, name, c);
        }

        CsvRow(csv, unit, "unattributed", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, result.Unattributed);
        foreach (StageBridgePeriod p in result.Bridge)
        {
            foreach (StageCredit s in p.Stages)
            {
                CsvRow(csv, unit, "bridge", p.Period.Label, s.Stage.Id, s.Stage.Name, s.Stage.Id, string.Empty, s);
            }

            CsvRow(csv, unit, "bridge_unattributed", p.Period.Label, string.Empty, string.Empty, string.Empty, string.Empty, p.Unattributed);
        }

        return csv.ToString();
    }

    /// <summary>Renders the attribution as a JSON document: the settings and counts, the totals, every stage, touchpoint and
    /// category, the unattributed bucket, the data-driven scores and the stage-attributed bridge.</summary>
    /// <param name="result">The attribution.</param>
    /// <returns>The JSON, indented, LF line ends, a final newline; amounts as numbers in major units, lost value positive.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToJson(this AttributionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MeasureUnit unit = result.Unit;
        return ReportJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            if (result.Grid is { } grid)
            {
                json.WriteString("grid", grid.Kind.ToString().ToLowerInvariant());
            }
            else
            {
                json.WriteNull("grid");
            }

            json.WriteString("journey", result.Framework.Name);
            json.WriteString("model", ReportText.Model(result.Model));
            json.WriteString("lookback", PeriodPattern.Roundtrip.Format(result.Lookback));
            if (result.Model == AttributionModel.TimeDecay)
            {
                json.WriteNumber("halfLifeHours", result.HalfLife.TotalHours);
            }

            if (result.Model == AttributionModel.MarkovChain && result.MarkovAllocation == MarkovAllocation.Pooled)
            {
                json.WriteString("markovAllocation", "pooled");
            }

            if (result.Model == AttributionModel.Shapley && result.ShapleyValueFunction == ShapleyValueFunction.ConversionCount)
            {
                json.WriteString("shapleyValue", "conversion-count");
            }

            json.WriteString("timeZone", result.TimeZone.Id);
            json.WriteString("direction", ReportText.Directions(result.Movements));
            json.WriteNumber("events", result.EventCount);
            json.WriteNumber("eventsOutsideEveryWindow", result.EventsOutsideEveryWindowCount);
            json.WriteNumber("excludedMovements", result.ExcludedMovementCount);
            json.WriteNumber("gainNullPaths", result.GainNullPathCount);
            json.WriteNumber("lossNullPaths", result.LossNullPathCount);
            json.WriteNumber("equalSplitFallbacks", result.EqualSplitFallbackCount);
            Count(json, unit, "earned", result.GainCount, result.EarnedValue);
            Count(json, unit, "lost", result.LossCount, result.LostValue);
            ReportJson.Amount(json, unit, "net", result.EarnedValue - result.LostValue);

            json.WriteStartArray("stages");
            foreach (StageCredit stage in result.Stages)
            {
                json.WriteStartObject();
                json.WriteString("stage", stage.Stage.Id);
                json.WriteString("name", stage.Stage.Name);
                Credit(json, unit, stage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("touchpoints");
            foreach (TouchpointCredit touchpoint in result.Touchpoints)
            {
                json.WriteStartObject();
                json.WriteString("touchpoint", touchpoint.Touchpoint.Id);
                json.WriteString("name", touchpoint.Touchpoint.Name);
                json.WriteString("stage", touchpoint.Touchpoint.StageId);
                json.WriteString("category", ReportText.Category(touchpoint.Touchpoint.Category));
                json.WriteString("owner", touchpoint.Touchpoint.Owner);
                json.WriteBoolean("momentOfTruth", touchpoint.Touchpoint.IsMomentOfTruth);
                Credit(json, unit, touchpoint);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("categories");
            foreach (CategoryCredit category in result.Categories)
            {
                json.WriteStartObject();
                json.WriteString("category", ReportText.Category(category.Category));
                Credit(json, unit, category);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("unattributed");
            Credit(json, unit, result.Unattributed);
            json.WriteEndObject();

            json.WriteStartArray("scores");
            foreach (PlayerScore score in result.Scores)
            {
                json.WriteStartObject();
                json.WriteString("direction", ReportText.Direction(score.Direction));
                json.WriteString("player", score.PlayerId);
                json.WriteNumber("score", score.Score);
                json.WriteNumber("weight", score.Weight);
                json.WriteBoolean("clamped", score.IsClamped);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("bridge");
            foreach (StageBridgePeriod period in result.Bridge)
            {
                json.WriteStartObject();
                json.WriteString("period", period.Period.Label);
                json.WriteString("start", ReportText.Date(period.Period.Start));
                json.WriteString("end", ReportText.Date(period.Period.End));
                ReportJson.Amount(json, unit, "earned", period.EarnedValue);
                ReportJson.Amount(json, unit, "lost", period.LostValue);
                ReportJson.Amount(json, unit, "net", period.NetValue);
                json.WriteStartArray("stages");
                foreach (StageCredit stage in period.Stages)
                {
                    json.WriteStartObject();
                    json.WriteString("stage", stage.Stage.Id);
                    Credit(json, unit, stage);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("unattributed");
                Credit(json, unit, period.Unattributed);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Render(AttributionResult result, ReportOptions? options, bool markdown)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= ReportOptions.Default;
        var text = new StringBuilder();
        ReportMarkup.Title(text, Title(options), markdown);
        foreach (string line in Summary(result, options, grouped: false))
        {
            ReportMarkup.Line(text, line, markdown);
        }

        text.Append('\n');
        foreach (ReportTable table in (ReportTable[])[Stages(result), Touchpoints(result), Categories(result)])
        {
            Write(text, table, markdown);
        }

        if (result.Bridge.Count > 0)
        {
            ReportMarkup.Title(text, "Stage-attributed bridge (net per stage)", markdown, "### ");
            Write(text, Bridge(result), markdown);
        }

        foreach (string note in Notes(result, options))
        {
            ReportMarkup.Line(text, note, markdown);
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

        text.Append('\n');
    }

    private static string Title(ReportOptions options) => options.Source is null ? "Journey attribution" : "Journey attribution from " + options.Source;

    /// <summary>The non-default variant of a data-driven model, as the command line names it, or nothing.</summary>
    private static string ModelVariant(AttributionResult result) => result.Model switch
    {
        AttributionModel.MarkovChain when result.MarkovAllocation == MarkovAllocation.Pooled => " (pooled allocation)",
        AttributionModel.Shapley when result.ShapleyValueFunction == ShapleyValueFunction.ConversionCount => " (conversion-count value)",
        _ => string.Empty,
    };

    private static string[] Summary(AttributionResult result, ReportOptions options, bool grouped)
    {
        MeasureUnit unit = result.Unit;
        Func<long, string> amount = grouped ? v => ReportText.Grouped(unit, v) : unit.Format;
        Func<long, string> count = grouped ? ReportText.GroupedCount : ReportText.Count;
        string lookback = PeriodPattern.Roundtrip.Format(result.Lookback);
        string grid = result.Grid is { } g ? ", " + g : string.Empty;
        string records = options.RecordCount is { } n ? $", {count(n)} record(s)" : string.Empty;
        return
        [
            string.Create(CultureInfo.InvariantCulture,
                $"Journey '{result.Framework.Name}'; {unit.Name}{grid}; model {ReportText.Model(result.Model)}{ModelVariant(result)}, lookback {lookback}, time zone {result.TimeZone.Id}, direction {ReportText.Directions(result.Movements)}."),
            string.Create(CultureInfo.InvariantCulture,
                $"Earned {amount(result.EarnedValue)} in {count(result.GainCount)} gain(s), lost {amount(result.LostValue)} in {count(result.LossCount)} loss(es); {count(result.EventCount)} event(s){records}."),
        ];
    }

    private static ReportTable Stages(AttributionResult result)
    {
        MeasureUnit unit = result.Unit;
        var table = new ReportTable(["stage", .. CreditHeader], leftColumns: 1);
        foreach (StageCredit s in result.Stages)
        {
            table.Add([ReportTable.Cell.Text(s.Stage.Id), .. Credit(unit, s)]);
        }

        table.Add([ReportTable.Cell.Value("(unattributed)"), .. Credit(unit, result.Unattributed)]);
        table.Add(
            ReportTable.Cell.Value("(total)").Strong(), ReportTable.Cell.Amount(unit, result.EarnedValue).Strong(), ReportTable.Cell.Count(result.GainCount).Strong(),
            ReportTable.Cell.Amount(unit, result.LostValue).Strong(), ReportTable.Cell.Count(result.LossCount).Strong(),
            ReportTable.Cell.Amount(unit, result.EarnedValue - result.LostValue).Strong());
        return table;
    }

    private static ReportTable Touchpoints(AttributionResult result)
    {
        var table = new ReportTable(["touchpoint", "stage", "category", .. CreditHeader], leftColumns: 3);
        foreach (TouchpointCredit t in result.Touchpoints)
        {
            table.Add(
            [
                ReportTable.Cell.Text(t.Touchpoint.Id), ReportTable.Cell.Text(t.Touchpoint.StageId), ReportTable.Cell.Value(ReportText.Category(t.Touchpoint.Category)),
                .. Credit(result.Unit, t),
            ]);
        }

        return table;
    }

    private static ReportTable Categories(AttributionResult result)
    {
        var table = new ReportTable(["category", .. CreditHeader], leftColumns: 1);
        foreach (CategoryCredit c in result.Categories)
        {
            table.Add([ReportTable.Cell.Value(ReportText.Category(c.Category)), .. Credit(result.Unit, c)]);
        }

        return table;
    }

    private static ReportTable Bridge(AttributionResult result)
    {
        MeasureUnit unit = result.Unit;
        var table = new ReportTable(["period", .. result.Stages.Select(s => s.Stage.Id), "unattributed", "earned", "lost", "net"], leftColumns: 1);
        foreach (StageBridgePeriod p in result.Bridge)
        {
            table.Add(
            [
                ReportTable.Cell.Text(p.Period.Label), .. p.Stages.Select(s => ReportTable.Cell.Amount(unit, s.NetValue)), ReportTable.Cell.Amount(unit, p.Unattributed.NetValue),
                ReportTable.Cell.Amount(unit, p.EarnedValue), ReportTable.Cell.Amount(unit, p.LostValue), ReportTable.Cell.Amount(unit, p.NetValue).Strong(),
            ]);
        }

        return table;
    }

    private static ReportTable.Cell[] Credit(MeasureUnit unit, AttributedValue v) =>
    [
        ReportTable.Cell.Amount(unit, v.EarnedValue), ReportTable.Cell.Count(v.GainCount), ReportTable.Cell.Amount(unit, v.LostValue),
        ReportTable.Cell.Count(v.LossCount), ReportTable.Cell.Amount(unit, v.NetValue),
    ];

    private static IEnumerable<string> Notes(AttributionResult result, ReportOptions options)
    {
        if (result.EventsOutsideEveryWindowCount > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{result.EventsOutsideEveryWindowCount} event(s) fell outside every lookback window and credited nothing.");
        }

        if (result.ExcludedMovementCount > 0)
        {
            string outside = options.NameCommandLineOptions ? "outside --direction" : "of classes not attributed";
            yield return string.Create(CultureInfo.InvariantCulture, $"{result.ExcludedMovementCount} movement(s) of other classes (flat, or {outside}) were not attributed.");
        }

        if (result.EqualSplitFallbackCount > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{result.EqualSplitFallbackCount} movement(s) whose touches all weighed zero under the model were shared equally over their touches.");
        }

        foreach (PlayerScore clamped in result.Scores.Where(s => s.IsClamped))
        {
            yield return $"The removal effect of '{clamped.PlayerId}' ({ReportText.Direction(clamped.Direction)}) came out negative and was clamped to zero.";
        }
    }

    private static void CsvRow(CsvBuilder csv, MeasureUnit unit, string section, string period, string id, string name, string stage, string category, AttributedValue v) =>
        CsvRow(csv, unit, section, period, id, name, stage, category, v.GainCount, v.EarnedValue, v.LossCount, v.LostValue);

    private static void CsvRow(CsvBuilder csv, MeasureUnit unit, string section, string period, string id, string name, string stage, string category, long gains, long earned, long losses, long lost) =>
        csv.Value(section).Value(period).Text(id).Text(name).Text(stage).Value(category).Text(unit.Name)
            .Value(ReportText.Count(gains)).Value(unit.Format(earned)).Value(ReportText.Count(losses)).Value(unit.Format(lost)).Value(unit.Format(earned - lost)).End();

    private static void Credit(Utf8JsonWriter json, MeasureUnit unit, AttributedValue value)
    {
        Count(json, unit, "earned", value.GainCount, value.EarnedValue);
        Count(json, unit, "lost", value.LossCount, value.LostValue);
        ReportJson.Amount(json, unit, "net", value.NetValue);
    }

    private static void Count(Utf8JsonWriter json, MeasureUnit unit, string name, long count, long value)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", count);
        ReportJson.Amount(json, unit, "value", value);
        json.WriteEndObject();
    }
}
