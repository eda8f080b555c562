using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using NodaTime.Text;

namespace Cx.Domain.Tests.Reporting;

/// <summary>System.Text.Json on results: periods, grids and units compact by default (issue #9: one PeriodMovement gave
/// 7,346 characters of calendar metadata), and <see cref="CxJson.CreateOptions()"/> writes NodaTime values as ISO text.</summary>
public sealed class JsonSerializationTests
{
    private static readonly SampleCompany Company = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 200 });

    private static readonly AssetLedger Ledger = Company.RevenueLedger();

    private static readonly AssetMovementReport Report = new AssetMovementCalculator().Calculate(Ledger);

    [Fact]
    public void Serialize_PeriodMovement_IsCompactWithTheLabelAndDates()
    {
        string json = JsonSerializer.Serialize(Report.Periods[0]);

        Assert.True(json.Length < 1_000, $"{json.Length} characters: {json}");
        Assert.Contains("\"Period\":{\"label\":\"2023-01\",\"start\":\"2023-01-01\",\"end\":\"2023-01-31\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"Unit\":{\"name\":\"USD\",\"decimalPlaces\":2,\"isMoney\":true}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Calendar", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AssetResults_HaveNoCalendarMetadata()
    {
        object[] results =
        [
            Report, new CohortCalculator().Calculate(Ledger), new AssetMovementCalculator().BySegment(Ledger),
            new RetentionCalculator().PeriodMetrics(Report), new RetentionCalculator().CohortMetrics(Ledger, 12), Ledger.Grid,
        ];

        foreach (object result in results)
        {
            string json = JsonSerializer.Serialize(result, result.GetType());
            Assert.DoesNotContain("Calendar", json, StringComparison.Ordinal);
            Assert.DoesNotContain("YearOfEra", json, StringComparison.Ordinal);
        }

        Assert.Equal("{\"kind\":\"monthly\",\"start\":\"2023-01-01\",\"end\":\"2025-12-31\",\"periods\":36}", JsonSerializer.Serialize(Ledger.Grid));
    }

    [Fact]
    public void Serialize_ReliabilityReportWithCxJson_WritesInstantsAsIsoText()
    {
        var asOf = Company.ReliabilityMeasurements.Max(m => m.At);
        ReliabilityReport report = new ReliabilityEvaluator().Evaluate(Company.ReliabilityStandards, Company.ReliabilityMeasurements, asOf);

        string json = JsonSerializer.Serialize(report, CxJson.CreateOptions());

        Assert.StartsWith($"{{\"asOf\":\"{InstantPattern.ExtendedIso.Format(asOf)}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(":{}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NanosecondOfDay", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AttributionResultWithCxJson_WritesTheLookbackAndZoneAsText()
    {
        AttributionResult result = new JourneyAttributionCalculator().Calculate(Company.Journey, Ledger, Company.ExperienceEvents);

        string json = JsonSerializer.Serialize(result, CxJson.CreateOptions());

        Assert.Contains("\"lookback\":\"P90D\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\":\"UTC\"", json, StringComparison.Ordinal);
        Assert.Contains("\"halfLife\":\"P7D\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(":{}", json, StringComparison.Ordinal);
    }
}
