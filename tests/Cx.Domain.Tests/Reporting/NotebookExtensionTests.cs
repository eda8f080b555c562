using System.Xml.Linq;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The notebook extension inside the package (<c>interactive-extensions/dotnet/extension.dib</c>): packed, its
/// C# compiles against the library, and it registers an HTML formatter for every result that calls the renderers.</summary>
public sealed class NotebookExtensionTests
{
    private static readonly Type[] ExpectedTypes =
    [
        typeof(AssetMovementReport), typeof(SegmentMovementReport), typeof(CohortMatrix), typeof(IEnumerable<PeriodRetention>), typeof(IEnumerable<CohortRetention>),
        typeof(AttributionResult), typeof(ReliabilityReport), typeof(ReliabilityBacktest), typeof(PeriodMovement), typeof(SvgChart), typeof(HtmlFragment), typeof(HtmlPage),
    ];

    [Fact]
    public void Package_PacksTheExtensionWhereDotNetInteractiveLooksForIt()
    {
        XDocument project = XDocument.Load(Path.Combine(TestFiles.RepositoryRoot, "src", "Cx.Domain", "Cx.Domain.csproj"));

        XElement item = Assert.Single(project.Descendants("None"), e => (string?)e.Attribute("Include") == "interactive-extensions/dotnet/extension.dib");
        Assert.Equal("true", (string?)item.Attribute("Pack"));
        Assert.Equal("interactive-extensions/dotnet", (string?)item.Attribute("PackagePath"));
        Assert.True(File.Exists(NotebookExtension.Path));
    }

    [Fact]
    public void Extension_CompilesAndRegistersAnHtmlFormatterForEveryResult()
    {
        IReadOnlyList<(Type Type, string MimeType, Func<object, string> Format)> formatters = NotebookExtension.Load();

        Assert.Equal(ExpectedTypes.Order(TypeOrder.Instance), formatters.Select(f => f.Type).Order(TypeOrder.Instance));
        Assert.All(formatters, f => Assert.Equal("text/html", f.MimeType));
    }

    [Fact]
    public void Formatters_WriteTheRenderersTablesAndCharts()
    {
        Dictionary<Type, Func<object, string>> format = NotebookExtension.Load().ToDictionary(f => f.Type, f => f.Format);
        AssetMovementReport report = Hostile.Movements();
        AttributionResult attribution = Hostile.Attribution();
        CohortMatrix cohorts = new CohortCalculator().Calculate(Hostile.Ledger());

        Assert.Equal(report.ToWaterfallChart().ToHtml().Html + report.ToHtml().Html, format[typeof(AssetMovementReport)](report));
        Assert.Equal(attribution.ToStageChart().ToHtml().Html + attribution.ToHtml().Html, format[typeof(AttributionResult)](attribution));
        Assert.Equal(cohorts.ToHeatMap().ToHtml().Html + cohorts.ToHtml().Html, format[typeof(CohortMatrix)](cohorts));
        IReadOnlyList<PeriodRetention> retention = new RetentionCalculator().PeriodMetrics(report);
        Assert.Equal(retention.ToHtml().Html, format[typeof(IEnumerable<PeriodRetention>)](retention));
        Assert.Equal("<code>" + System.Net.WebUtility.HtmlEncode(report.Periods[1].ToString()) + "</code>", format[typeof(PeriodMovement)](report.Periods[1]));

        string frame = format[typeof(HtmlPage)](new HtmlPage(Hostile.Script).Add(report.ToHtml()));
        Assert.StartsWith("<iframe sandbox=\"\" ", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", frame, StringComparison.Ordinal);
        Assert.Equal(2, frame.Count(c => c == '<')); // <iframe ...> and </iframe>: the page inside is one encoded attribute
    }

    /// <summary>Orders types by full name, for set comparison.</summary>
    private sealed class TypeOrder : IComparer<Type>
    {
        public static readonly TypeOrder Instance = new();

        public int Compare(Type? x, Type? y) => string.CompareOrdinal(x?.ToString(), y?.ToString());
    }
}
