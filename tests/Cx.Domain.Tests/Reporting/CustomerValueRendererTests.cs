using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Value;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The renderings of a <see cref="CustomerValueAnalysis"/>: hostile customer ids and segments are escaped in
/// every format, the HTML is a well-formed section, and the JSON carries nulls (never NaN) for what was not computed.</summary>
public sealed class CustomerValueRendererTests
{
    /// <summary>CDNOW with every customer id turned into a formula and every segment into markup.</summary>
    private static readonly Lazy<CustomerValueAnalysis> Hostile = new(() => CustomerValueAnalysis.Run(
        Cdnow.Sample.Select(r => r with { Customer = CustomerId.From("=HYPERLINK(\"x\"," + r.Customer.Value + ")"), Segment = "Pro|<b>big</b>" }),
        new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd, AtRisk = new AtRiskOptions { MaxCustomers = 3 } }));

    [Fact]
    public void ToCsv_FormulaLikeCustomerIds_AreQuotedWithALeadingApostrophe()
    {
        string[] lines = Hostile.Value.ToCsv().Split('\n');

        Assert.Equal(5, lines.Length); // header, three customers, the empty string after the last line end
        Assert.StartsWith("1,\"'=HYPERLINK(\"\"x\"\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Pro|<b>big</b>,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",weeks,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",,USD", lines[1], StringComparison.Ordinal); // BG/NBD has no closed-form value
    }

    [Fact]
    public void ToMarkdown_PipesAndTags_AreEscaped()
    {
        string markdown = Hostile.Value.ToMarkdown(new ReportOptions { Source = "a|b.csv" });

        Assert.StartsWith("## Customer value from a\\|b.csv\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| Pro\\|&lt;b>big&lt;/b> |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Texts_AreEncodedInOneSection()
    {
        string html = Hostile.Value.ToHtml(new ReportOptions { Source = "<sales>.csv" }).ToString();

        Assert.StartsWith("<section class=\"cx-report\"", html, StringComparison.Ordinal);
        Assert.EndsWith("</section>\n", html, StringComparison.Ordinal);
        Assert.Contains("Customer value from &lt;sales&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("Pro|&lt;b&gt;big&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<table").Length - 1); // purchase fit, holdout, spend fit, at-risk list, segments
    }

    [Fact]
    public void ToText_CustomerIdsWithLineBreaks_StayOnOneLine()
    {
        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(
            Cdnow.Sample.Select(r => r with { Customer = CustomerId.From("line\nbreak " + r.Customer.Value) }),
            new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd, AtRisk = new AtRiskOptions { MaxCustomers = 2 } });

        string text = analysis.ToText();

        Assert.Contains("line break ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("line\nbreak", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_FailedFit_HasNullsAndNoNaN()
    {
        // Nobody bought again: the BG/NBD fit cannot converge, standard errors are NaN, nothing is valued.
        AssetRecord[] records = [.. Enumerable.Range(0, 50).Select(i => new AssetRecord(
            CustomerId.From("C" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cdnow.CalibrationEnd.PlusDays(-i), Money.FromDecimal(10m, Currency.Usd)))];
        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(records, new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd });

        string json = analysis.ToJson();

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.False(root.GetProperty("fit").GetProperty("converged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fit").GetProperty("parameters")[0].GetProperty("standardError").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("atRisk").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("spend").GetProperty("fit").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("regularity").GetProperty("k").ValueKind);
        Assert.Equal("observedMean", root.GetProperty("spend").GetProperty("source").GetString());
        Assert.Equal(
            ["purchaseFitNotConverged", "noHoldout", "spendModelNotUsed"],
            root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.StartsWith("rank,customer,", Assert.Single(analysis.ToCsv().TrimEnd('\n').Split('\n')), StringComparison.Ordinal); // the header only
    }

    [Fact]
    public void Renderers_NullAnalysis_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CustomerValueRenderer.ToText(null!));
        Assert.Throws<ArgumentNullException>(() => CustomerValueRenderer.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>(() => CustomerValueRenderer.ToHtml(null!));
        Assert.Throws<ArgumentNullException>(() => CustomerValueRenderer.ToCsv(null!));
        Assert.Throws<ArgumentNullException>(() => CustomerValueRenderer.ToJson(null!));
    }
}
