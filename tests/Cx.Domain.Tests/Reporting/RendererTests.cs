using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The renderers of <see cref="Cx.Domain.Reporting"/>: a worked example checked by hand, the laws every output
/// obeys (CSV and JSON carry the same figures as the result, the bridge reconciles in every CSV row, the Markdown table
/// keeps its shape, the same result gives the same bytes in any culture), and hostile names kept inert everywhere.</summary>
public sealed partial class RendererTests
{
    /// <summary>The README's quick start: A buys 100 then 150; B buys 80 then 60 (January to March 2024).</summary>
    private static AssetMovementReport QuickStart()
    {
        var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        AssetRecord Sale(string who, int month, decimal usd) => new(CustomerId.From(who), new LocalDate(2024, month, 15), Money.FromDecimal(usd, Currency.Usd));
        return new AssetMovementCalculator().Calculate(AssetLedger.FromRecords([Sale("A", 1, 100m), Sale("A", 2, 150m), Sale("B", 2, 80m), Sale("B", 3, 60m)], grid));
    }

    [Fact]
    public void ToMarkdown_QuickStart_IsTheHandComputedBridge()
    {
        // January: A new (100). February: B new (80), A expands by 50. March: B contracts by 20, A churns (-150).
        const string expected =
            "## Customer asset movements\n\n" +
            "USD, monthly 2024-01..2024-03 (3 periods), activity window 1; 2 customers.\n\n" +
            "| period | opening | new | reactivated | expansion | contraction | churned | closing | net change | active | incoming | lost |\n" +
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n" +
            "| 2024-01 | 0.00 | 100.00 | 0.00 | 0.00 | 0.00 | 0.00 | 100.00 | 100.00 | 1 | 1 | 0 |\n" +
            "| 2024-02 | 100.00 | 80.00 | 0.00 | 50.00 | 0.00 | 0.00 | 230.00 | 130.00 | 2 | 1 | 0 |\n" +
            "| 2024-03 | 230.00 | 0.00 | 0.00 | 0.00 | -20.00 | -150.00 | 60.00 | -170.00 | 1 | 0 | 1 |\n";

        Assert.Equal(expected, QuickStart().ToMarkdown());
    }

    [Fact]
    public void ToText_WithSource_NamesItAndTheRecordCount()
    {
        string text = QuickStart().ToText(new ReportOptions { Source = "sales.csv", RecordCount = 4 });

        string[] lines = text.Split('\n');
        Assert.Equal("Customer asset movements from sales.csv", lines[0]);
        Assert.Equal("USD, monthly 2024-01..2024-03 (3 periods), activity window 1; 2 customers, 4 records.", lines[2]);
        Assert.Equal("period   opening     new  reactivated  expansion  contraction  churned  closing  net change  active  incoming  lost", lines[4]);
        Assert.Equal("2024-03   230.00    0.00         0.00       0.00       -20.00  -150.00    60.00     -170.00       1         0     1", lines[7]);
    }

    [Fact]
    public void ToHtml_Amounts_AreRightAlignedAndThousandsSeparated()
    {
        string html = Hostile.Movements().ToHtml().Html;

        Assert.Contains("text-align:right;font-variant-numeric:tabular-nums\">1,234,567.89</td>", html, StringComparison.Ordinal);
        Assert.Contains("text-align:left\">2024-02</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_EveryPeriod_ReconcilesAndMatchesTheReport()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            IReadOnlyList<AssetRecord> records = data.Records();
            if (records.Count == 0)
            {
                return;
            }

            AssetMovementReport report = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(records, data.Grid));
            List<string[]> rows = CellEscapingTests.CsvRecords(report.ToCsv());
            Assert.Equal(report.Periods.Count + 1, rows.Count);
            string[] header = rows[0];
            int Col(string name) => Array.IndexOf(header, name);
            for (int i = 0; i < report.Periods.Count; i++)
            {
                string[] row = rows[i + 1];
                decimal D(string name) => decimal.Parse(row[Col(name)], NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                decimal classes = D("new_value") + D("reactivated_value") + D("expansion_value") + D("contraction_value") + D("flat_value") + D("churned_value");
                Assert.Equal(D("closing"), D("opening") + classes);
                Assert.Equal(report.Unit.ToDecimal(report.Periods[i].Closing), D("closing"));
                Assert.Equal(report.Periods[i].Period.Label, row[Col("period")]);
            }
        }, maxTests: 60);
    }

    [Fact]
    public void ToJson_EveryRenderer_IsValidJsonWithTheResultsFigures()
    {
        AssetMovementReport report = Hostile.Movements();
        using (JsonDocument doc = JsonDocument.Parse(report.ToJson()))
        {
            JsonElement last = doc.RootElement.GetProperty("periods")[2];
            Assert.Equal(report.Unit.ToDecimal(report.Periods[2].Closing), last.GetProperty("closing").GetDecimal());
        }

        AttributionResult attribution = Hostile.Attribution();
        using (JsonDocument doc = JsonDocument.Parse(attribution.ToJson()))
        {
            Assert.Equal(attribution.Unit.ToDecimal(attribution.EarnedValue), doc.RootElement.GetProperty("earned").GetProperty("value").GetDecimal());
            Assert.Equal(Hostile.Script, doc.RootElement.GetProperty("journey").GetString());
            Assert.Equal("monthly", doc.RootElement.GetProperty("grid").GetString());
        }

        var ledger = Hostile.Ledger();
        foreach (string json in (string[])
        [
            new AssetMovementCalculator().BySegment(ledger).ToJson(), new CohortCalculator().Calculate(ledger).ToJson(),
            new RetentionCalculator().PeriodMetrics(report).ToJson(), new RetentionCalculator().CohortMetrics(ledger, 1).ToJson(),
            Hostile.Reliability().ToJson(), Hostile.Backtest().ToJson(new ReportOptions { RecordCount = 60 }),
        ])
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Renderers_SameResultInAnotherCulture_GiveTheSameBytes()
    {
        AttributionResult result = Hostile.Attribution();
        string[] Render() => [result.ToText(), result.ToMarkdown(), result.ToCsv(), result.ToJson(), result.ToHtml().Html, result.ToStageChart().Svg, Hostile.Movements().ToWaterfallChart().Svg];
        string[] invariant = Render();
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // Globalization is invariant in tests: build a culture like de-DE's numbers and dates by hand.
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            commaCulture.NumberFormat.NumberGroupSeparator = ".";
            commaCulture.NumberFormat.NegativeSign = "\u2212";
            commaCulture.DateTimeFormat.DateSeparator = ".";
            CultureInfo.CurrentCulture = commaCulture;
            string[] german = Render();
            for (int i = 0; i < invariant.Length; i++)
            {
                Assert.True(invariant[i] == german[i], $"output {i} differs under a comma culture");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void ToMarkdown_HostileNames_KeepTheTableShape()
    {
        foreach (string markdown in (string[])[Hostile.Attribution().ToMarkdown(), new AssetMovementCalculator().BySegment(Hostile.Ledger()).ToMarkdown(), Hostile.Reliability().ToMarkdown(new ReportOptions { Source = Hostile.Table })])
        {
            int? columns = null;
            foreach (string line in markdown.Split('\n'))
            {
                if (!line.StartsWith('|'))
                {
                    columns = null;
                    Assert.DoesNotContain("<script", line, StringComparison.Ordinal);
                    continue;
                }

                int cells = UnescapedPipe().Count(line);
                columns ??= cells;
                Assert.True(columns == cells, $"row with {cells} pipes in a table of {columns}: {line}");
            }

            Assert.Contains("a\\|b c", markdown, StringComparison.Ordinal);
            Assert.Contains("&lt;script>", markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToCsv_HostileNames_AreTextThatNoSpreadsheetRuns()
    {
        foreach (string csv in (string[])[Hostile.Attribution().ToCsv(), new AssetMovementCalculator().BySegment(Hostile.Ledger()).ToCsv(), Hostile.Reliability().ToCsv(), Hostile.Backtest().ToCsv()])
        {
            List<string[]> rows = CellEscapingTests.CsvRecords(csv);
            Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
            foreach (string cell in rows.SelectMany(r => r))
            {
                bool number = decimal.TryParse(cell, NumberStyles.Number | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);
                Assert.True(number || !CellEscaping.IsFormulaLike(cell), $"formula-like cell {cell}");
            }
        }

        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", Hostile.Attribution().ToCsv(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtmlAndCharts_HostileNames_StayText()
    {
        var ledger = Hostile.Ledger();
        string[] outputs =
        [
            Hostile.Movements().ToHtml().Html, Hostile.Attribution().ToHtml(new ReportOptions { Source = Hostile.Script }).Html,
            new AssetMovementCalculator().BySegment(ledger).ToHtml().Html, Hostile.Reliability().ToHtml().Html, Hostile.Backtest().ToHtml().Html,
            Hostile.Attribution().ToStageChart().Svg, Hostile.Reliability().Standards[0].ToRunChart(Hostile.Measurements()).Svg,
            new HtmlPage(Hostile.Script).AddSection(Hostile.Attribute, Hostile.Table).ToString(),
        ];

        foreach (string html in outputs)
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\" onload", html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", outputs[1], StringComparison.Ordinal);
        Assert.Contains("&quot; onload=&quot;alert(2)", outputs[5], StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_AreWellFormedSvgWithTitleAndDescription()
    {
        var ledger = Hostile.Ledger();
        var cohorts = new CohortCalculator().Calculate(ledger);
        SvgChart[] charts =
        [
            Hostile.Movements().ToWaterfallChart(), Hostile.Movements().ToWaterfallChart(Hostile.Movements().Periods[1].Period),
            cohorts.ToHeatMap(), cohorts.ToValueHeatMap(), Hostile.Attribution().ToStageChart(),
            Hostile.Reliability().Standards[0].ToRunChart(Hostile.Measurements()), Hostile.Backtest().Standards[0].ToRunChart(Hostile.Measurements()),
        ];

        foreach (SvgChart chart in charts)
        {
            XDocument svg = XDocument.Parse(chart.ToSvgDocument());
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            Assert.Equal(chart.Title, svg.Root.Element(ns + "title")!.Value);
            Assert.NotEmpty(svg.Root.Element(ns + "desc")!.Value);
            Assert.Equal(chart.Width.ToString(CultureInfo.InvariantCulture), svg.Root.Attribute("width")!.Value);
        }
    }

    [Fact]
    public void ToWaterfallChart_Labels_AreTheBridgeInCurrencyUnits()
    {
        AssetMovementReport report = QuickStart();

        string svg = report.ToWaterfallChart().Svg;

        // Opening 0.00; new 180.00 (100 + 80); expansion 50.00; contraction -20.00; churned -150.00; closing 60.00.
        foreach (string label in (string[])[">0.00<", ">+180.00<", ">+50.00<", ">-20.00<", ">-150.00<", ">60.00<"])
        {
            Assert.Contains(label, svg, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => report.ToWaterfallChart(PeriodGrid.Monthly(new YearMonth(2025, 1), new YearMonth(2025, 2)).Periods[0]));
    }

    [Fact]
    public void Renderers_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AssetMovementRenderer.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>(() => AttributionRenderer.ToCsv(null!));
        Assert.Throws<ArgumentNullException>(() => ReliabilityRenderer.ToRunChart((StandardEvaluation)null!, []));
        Assert.Throws<ArgumentException>(() => new HtmlPage(" "));
        Assert.Throws<ArgumentException>(() => new HtmlPage("t").AddSection("s", 42));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();
}
