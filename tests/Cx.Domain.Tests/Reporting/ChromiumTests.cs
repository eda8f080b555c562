using System.Text.RegularExpressions;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Xunit.Abstractions;

namespace Cx.Domain.Tests.Reporting;

/// <summary>Every HTML output opened in headless Chromium: the sample company's page of every table and chart, the same
/// outputs with hostile names, and bare fragments as a notebook shows them. No console message (no script error, no CSP
/// violation), no element or handler from the data, and a screenshot of each to look at.</summary>
public sealed partial class ChromiumTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public void SamplePage_EveryTableAndChart_RendersWithoutConsoleMessages()
    {
        var company = SampleCompany.Generate();
        AssetLedger ledger = company.RevenueLedger();
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);
        CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);
        AttributionResult attribution = new JourneyAttributionCalculator().Calculate(company.Journey, ledger, company.ExperienceEvents);
        var evaluator = new ReliabilityEvaluator();
        ReliabilityReport reliability = evaluator.Evaluate(company.ReliabilityStandards, company.ReliabilityMeasurements, company.ReliabilityMeasurements.Max(m => m.At));
        ReliabilityBacktest backtest = evaluator.Backtest(company.ReliabilityStandards, company.ReliabilityMeasurements);
        var retention = new RetentionCalculator();
        HtmlPage page = new HtmlPage("The sample company, 2023 to 2025")
            .AddSection("The customer asset", report.ToWaterfallChart(), report.ToWaterfallChart(report.Periods[^1].Period), report.ToHtml())
            .AddSection("Segments", new AssetMovementCalculator().BySegment(ledger).ToHtml())
            .AddSection("Cohorts", cohorts.ToHeatMap(), cohorts.ToValueHeatMap(), cohorts.ToHtml())
            .AddSection("Retention", retention.PeriodMetrics(report).ToHtml(), retention.CohortMetrics(ledger, 12).ToHtml())
            .AddSection("Where the asset was earned and lost", attribution.ToStageChart(), attribution.ToHtml())
            .AddSection("Reliability", [.. reliability.Standards.Select(e => (object)e.ToRunChart(company.ReliabilityMeasurements)), reliability.ToHtml()])
            .AddSection("Backtest of the early warnings", backtest.Standards[0].ToRunChart(company.ReliabilityMeasurements), backtest.ToHtml());

        ChromiumPage opened = Chromium.Open(page.ToString(), "sample-page", height: 16000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        Assert.Empty(opened.ConsoleMessages);
        Assert.Equal(5 + reliability.Standards.Count + 1, SvgElement().Count(opened.Dom));
        Assert.Contains("The sample company, 2023 to 2025", opened.Dom, StringComparison.Ordinal);
        Assert.Contains("2,382,599.50", opened.Dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void HostilePage_NamesStayText_AndNothingRuns()
    {
        AssetLedger ledger = Hostile.Ledger();
        AssetMovementReport report = Hostile.Movements();
        CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);
        AttributionResult attribution = Hostile.Attribution();
        ReliabilityReport reliability = Hostile.Reliability();
        var about = new ReportOptions { Source = Hostile.Image };
        HtmlPage page = new HtmlPage(Hostile.Script)
            .AddSection(Hostile.Attribute, report.ToWaterfallChart(), report.ToHtml(about), Hostile.Image)
            .AddSection(Hostile.Image, new AssetMovementCalculator().BySegment(ledger).ToHtml(about), cohorts.ToHeatMap(), cohorts.ToHtml(about))
            .AddSection(Hostile.Table, attribution.ToStageChart(), attribution.ToHtml(about))
            .AddSection(Hostile.Formulas[0], reliability.Standards[0].ToRunChart(Hostile.Measurements()), reliability.ToHtml(about), Hostile.Backtest().ToHtml(about));

        ChromiumPage opened = Chromium.Open(page.ToString(), "hostile-page", height: 6000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        AssertInert(opened);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", opened.Dom, StringComparison.Ordinal);
        Assert.Contains("\" onload=\"alert(2)", WebUtilityDecode(opened.Dom), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Fragments_AsANotebookShowsThem_RenderWithoutConsoleMessages()
    {
        AssetLedger ledger = Hostile.Ledger();
        CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);
        string[] fragments =
        [
            Hostile.Movements().ToHtml().Html, Hostile.Movements().ToWaterfallChart().ToHtml().Html, cohorts.ToHeatMap().ToHtml().Html,
            new RetentionCalculator().PeriodMetrics(Hostile.Movements()).ToHtml().Html, Hostile.Attribution().ToHtml().Html,
            Hostile.Attribution().ToStageChart().ToHtml().Html, Hostile.Reliability().ToHtml().Html, Hostile.Backtest().ToHtml().Html,
        ];

        // A notebook puts each output in the page as it is: no CSP, no page style.
        string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>cells</title></head><body>\n" +
            string.Concat(fragments.Select(f => "<div class=\"output\">" + f + "</div>\n")) + "</body></html>\n";
        ChromiumPage opened = Chromium.Open(html, "notebook-fragments", height: 5000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        AssertInert(opened);
    }

    [ChromiumFact]
    public void NotebookFormatters_OfTheExtension_RenderInert()
    {
        Dictionary<Type, Func<object, string>> format = NotebookExtension.Load().ToDictionary(f => f.Type, f => f.Format);
        AssetLedger ledger = Hostile.Ledger();
        AssetMovementReport report = Hostile.Movements();
        CohortMatrix cohorts = new CohortCalculator().Calculate(ledger);
        (Type Type, object Value)[] values =
        [
            (typeof(AssetMovementReport), report), (typeof(SegmentMovementReport), new AssetMovementCalculator().BySegment(ledger)), (typeof(CohortMatrix), cohorts),
            (typeof(IEnumerable<PeriodRetention>), new RetentionCalculator().PeriodMetrics(report)), (typeof(IEnumerable<CohortRetention>), new RetentionCalculator().CohortMetrics(ledger, 1)),
            (typeof(AttributionResult), Hostile.Attribution()), (typeof(ReliabilityReport), Hostile.Reliability()), (typeof(ReliabilityBacktest), Hostile.Backtest()),
            (typeof(PeriodMovement), report.Periods[1]), (typeof(SvgChart), cohorts.ToValueHeatMap()), (typeof(HtmlFragment), HtmlFragment.Paragraph(Hostile.Image)),
            (typeof(HtmlPage), new HtmlPage(Hostile.Script).AddSection(Hostile.Image, report.ToHtml())),
        ];

        string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>notebook</title></head><body>\n" +
            string.Concat(values.Select(v => "<div class=\"output\">" + format[v.Type](v.Value) + "</div>\n")) + "</body></html>\n";
        ChromiumPage opened = Chromium.Open(html, "notebook-formatters", height: 7000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        AssertInert(opened);
        Assert.Equal(4, SvgElement().Count(opened.Dom));
    }

    [Theory]
    [InlineData("<div><img src=\"x\" onerror=\"alert(1)\"></div>")]
    [InlineData("<p title=\"a\" onclick=\"x()\">t</p>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<body data-pwned=\"1\"></body>")]
    public void AssertInert_ADomWithLiveMarkup_Fails(string dom)
    {
        Assert.ThrowsAny<Exception>(() => AssertInert(new ChromiumPage(dom, [], "none.png")));
        AssertInert(new ChromiumPage("<p title=\"&lt;img onerror=&quot;x&quot;&gt;\">&lt;script&gt; onclick=\"x\"</p>", [], "none.png"));
    }

    /// <summary>No console message, no element or handler that came from data, no mark of a payload having run.</summary>
    internal static void AssertInert(ChromiumPage page)
    {
        Assert.True(page.ConsoleMessages.Count == 0, "console: " + string.Join("\n", page.ConsoleMessages));
        Assert.DoesNotMatch(ScriptElement(), page.Dom);
        string[] handlers = [.. Tag().Matches(page.Dom).SelectMany(t => AttributeName().Matches(t.Groups["attributes"].Value)).Select(a => a.Groups["name"].Value)
            .Where(n => n.StartsWith("on", StringComparison.OrdinalIgnoreCase))];
        Assert.True(handlers.Length == 0, "event handler attributes: " + string.Join(", ", handlers));
        Assert.DoesNotMatch(PwnedBody(), page.Dom);
        Assert.DoesNotContain("<img", page.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", page.Dom, StringComparison.Ordinal);
    }

    private static string WebUtilityDecode(string html) => System.Net.WebUtility.HtmlDecode(html);

    [GeneratedRegex("<body[^>]*data-pwned")]
    private static partial Regex PwnedBody();

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgElement();

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    /// <summary>A start tag of the serialized DOM (Chromium quotes every attribute value with <c>"</c> and encodes <c>"</c>
    /// and <c>&lt;</c> inside it).</summary>
    [GeneratedRegex(@"<[a-zA-Z][a-zA-Z0-9-]*(?<attributes>(?:\s+[^\s=/>]+(?:=""[^""]*"")?)*)\s*/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+(?<name>[^\s=/>]+)(?:=""[^""]*"")?")]
    private static partial Regex AttributeName();
}
