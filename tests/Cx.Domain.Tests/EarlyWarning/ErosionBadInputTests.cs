using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Tests.Validation;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>Bad options and records get errors naming the record and field, with a code; nothing is dropped silently.</summary>
public sealed class ErosionBadInputTests
{
    [Theory]
    [InlineData(nameof(EarlyWarningOptions.Horizon), CxErrorCodes.EarlyWarningHorizonInvalid)]
    [InlineData(nameof(EarlyWarningOptions.ConfidenceLevel), CxErrorCodes.EarlyWarningConfidenceLevelInvalid)]
    [InlineData(nameof(EarlyWarningOptions.MinimumExposedCount), CxErrorCodes.EarlyWarningCountInvalid)]
    [InlineData(nameof(EarlyWarningOptions.PriorityCount), CxErrorCodes.EarlyWarningCountInvalid)]
    [InlineData(nameof(EarlyWarningOptions.TenureBandStarts), CxErrorCodes.EarlyWarningTenureBandsInvalid)]
    [InlineData(nameof(EarlyWarningOptions.RevenueAtRiskWeight), CxErrorCodes.EarlyWarningWeightsInvalid)]
    [InlineData(nameof(EarlyWarningOptions.TimeZone), CxErrorCodes.EarlyWarningTimeZoneMissing)]
    public void OptionsValidator_OneBadSetting_ReportsItsCode(string property, string code)
    {
        var options = new EarlyWarningOptions();
        switch (property)
        {
            case nameof(EarlyWarningOptions.Horizon): options.Horizon = 0; break;
            case nameof(EarlyWarningOptions.ConfidenceLevel): options.ConfidenceLevel = double.NaN; break;
            case nameof(EarlyWarningOptions.MinimumExposedCount): options.MinimumExposedCount = 0; break;
            case nameof(EarlyWarningOptions.PriorityCount): options.PriorityCount = -1; break;
            case nameof(EarlyWarningOptions.TenureBandStarts): options.TenureBandStarts = [12, 3]; break;
            case nameof(EarlyWarningOptions.RevenueAtRiskWeight): options.RevenueAtRiskWeight = -0.5; break;
            default: options.TimeZone = null!; break;
        }

        ValidationAssert.SingleFailure(new EarlyWarningOptionsValidator().Validate(options), code, property);
    }

    [Fact]
    public void OptionsValidator_Defaults_AreValid_AndAllZeroWeightsAreNot()
    {
        ValidationAssert.Valid(new EarlyWarningOptionsValidator().Validate(new EarlyWarningOptions()));
        var zero = new EarlyWarningOptions { RevenueAtRiskWeight = 0, SignalWeight = 0, StageLossWeight = 0 };
        Assert.Equal([CxErrorCodes.EarlyWarningWeightsInvalid], ValidationAssert.Codes(new EarlyWarningOptionsValidator().Validate(zero)));
    }

    [Fact]
    public void Calculator_InvalidDefaults_ThrowAtConstruction()
    {
        CxValidationException e = Assert.Throws<CxValidationException>(() => new RevenueErosionCalculator(new EarlyWarningOptions { Horizon = 500 }));
        Assert.Contains("[CX0801]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculator_InvalidNestedAttributionOrReliabilitySettings_ThrowAtConstruction()
    {
        var badAttribution = new EarlyWarningOptions { Attribution = new Cx.Domain.Attribution.AttributionOptions { Lookback = NodaTime.Period.Zero } };
        var badReliability = new EarlyWarningOptions { Reliability = new ReliabilityEvaluationOptions { RollingHistoryCount = 0 } };

        Assert.Contains("[CX0601]", Assert.Throws<CxValidationException>(() => new RevenueErosionCalculator(badAttribution)).Message, StringComparison.Ordinal);
        Assert.Contains("[CX0302]", Assert.Throws<CxValidationException>(() => new RevenueErosionCalculator(badReliability)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculator_DefaultsChangedAfterConstruction_KeepsTheValidatedCopy()
    {
        var options = new EarlyWarningOptions { Horizon = 2, TenureBandStarts = [], MinimumExposedCount = 1 };
        var calculator = new RevenueErosionCalculator(options);
        options.Horizon = 0;
        options.TenureBandStarts = [5];

        ErosionAnalysis analysis = calculator.Analyze(ErosionExampleTests.Input());

        Assert.Equal(2, analysis.Horizon);
        Assert.Equal(["0+"], analysis.TenureBands);
    }

    [Fact]
    public void Analyze_BadMeasurementsAndEvents_ListsEveryFailureWithItsPositionAndCode()
    {
        ErosionInput example = ErosionExampleTests.Input();
        ErosionInput input = ErosionInput.Create(
            example.Ledger,
            example.Framework,
            example.Standards,
            [
                new ReliabilityMeasurement("approval-24h", Instant.FromUtc(2024, 2, 1, 0, 0), 3),
                new ReliabilityMeasurement("approval-24h", Instant.FromUtc(2024, 2, 1, 0, 0), double.NaN, CustomerId.From("A")),
                new ReliabilityMeasurement("nope", Instant.FromUtc(2024, 2, 1, 0, 0), 3),
            ],
            [
                new ExperienceEvent(CustomerId.From("A"), "approval", Instant.FromUtc(2024, 2, 1, 0, 0), ExperienceOutcome.Unreliable),
                new ExperienceEvent(CustomerId.From("A"), "unknown-touchpoint", Instant.FromUtc(2024, 2, 1, 0, 0), ExperienceOutcome.Unreliable),
                new ExperienceEvent(CustomerId.From("Z"), "approval", Instant.FromUtc(2024, 2, 1, 0, 0), ExperienceOutcome.Reliable),
            ]);

        CxValidationException e = Assert.Throws<CxValidationException>(() => new RevenueErosionCalculator().Analyze(input));

        Assert.Equal(4, e.TotalFailureCount);
        Assert.Equal(
            [("measurement #1", CxErrorCodes.MeasurementValueInvalid), ("measurement #2", CxErrorCodes.MeasurementUnknownSubject), ("experience event #1", CxErrorCodes.EventUnknownTouchpoint), ("experience event #2", CxErrorCodes.EventUnknownCustomer)],
            e.Failures.Select(f => (f.Subject!, f.ErrorCode)));
        Assert.StartsWith("Invalid erosion input: 4 failures.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MeasurementForACustomerOutsideTheLedger_IsCountedNotDropped()
    {
        ErosionInput example = ErosionExampleTests.Input();
        ErosionInput input = ErosionInput.Create(example.Ledger, example.Framework, example.Standards,
            [new ReliabilityMeasurement("approval-24h", Instant.FromUtc(2024, 2, 1, 0, 0), 99, CustomerId.From("prospect"))], []);

        PeriodExposure february = new RevenueErosionCalculator().Analyze(input).ForStandard("approval-24h").Periods[1];

        Assert.Equal((1L, 0L, 1L, 0L), (february.FailingEventCount, february.FailingEventsWithCustomerCount, february.FailingEventsWithUnknownCustomerCount, february.ExposedCustomerCount));
    }

    [Fact]
    public void Analyze_EventsOutsideTheGrid_AreCounted()
    {
        ErosionInput example = ErosionExampleTests.Input();
        ErosionInput input = ErosionInput.Create(example.Ledger, example.Framework, example.Standards,
            [new ReliabilityMeasurement("approval-24h", Instant.FromUtc(2025, 2, 1, 0, 0), 99, CustomerId.From("A"))],
            [new ExperienceEvent(CustomerId.From("A"), "approval", Instant.FromUtc(2023, 2, 1, 0, 0), ExperienceOutcome.Unreliable)]);

        ErosionAnalysis analysis = new RevenueErosionCalculator().Analyze(input);

        Assert.Equal(1, analysis.ForStandard("approval-24h").EventsOutsideGridCount);
        Assert.Equal(1, analysis.ForTouchpoint("approval").EventsOutsideGridCount);
        Assert.All(analysis.Subjects, s => Assert.All(s.Periods, p => Assert.Equal(0, p.EventCount)));
    }

    [Fact]
    public void Columns_IndexesOutOfRange_AreReportedByRow()
    {
        ErosionInput example = ErosionExampleTests.Input();
        var columns = new ErosionColumns(
            example.Ledger, example.Framework, example.Standards,
            new[] { 0, 3 }, new[] { -1, 99 }, new[] { 0L, 0L }, new[] { 1.0, double.PositiveInfinity },
            new[] { 5 }, new[] { 0 }, new[] { 0L }, new[] { ExperienceOutcome.Reliable });

        CxValidationException e = Assert.Throws<CxValidationException>(() => new RevenueErosionCalculator().Analyze(columns));

        Assert.Equal(
            [("measurement #1", "StandardIndex", CxErrorCodes.ErosionColumnIndexInvalid), ("measurement #1", "CustomerIndex", CxErrorCodes.ErosionColumnIndexInvalid), ("measurement #1", "Value", CxErrorCodes.MeasurementValueInvalid), ("experience event #0", "TouchpointIndex", CxErrorCodes.ErosionColumnIndexInvalid)],
            e.Failures.Select(f => (f.Subject!, f.Field, f.ErrorCode)));
    }

    [Fact]
    public void Columns_DifferentLengths_AreRejected() =>
        Assert.Throws<ArgumentException>(() => new ErosionColumns(
            ErosionExampleTests.Input().Ledger, ErosionExampleTests.Input().Framework, ErosionExampleTests.Input().Standards,
            new[] { 0 }, new[] { 0, 1 }, new[] { 0L }, new[] { 1.0 }));

    [Fact]
    public void Create_StandardForATouchpointTheJourneyLacks_IsCX0503()
    {
        ErosionInput example = ErosionExampleTests.Input();
        JourneyFramework other = JourneyFramework.Create("Other", [new JourneyStage("s", "S", 1)], [new Touchpoint("t", "T", "s", TouchpointCategory.IncreasingTheBond, "Owner")]);

        CxValidationException e = Assert.Throws<CxValidationException>(() => ErosionInput.Create(example.Ledger, other, example.Standards, [], []));

        Assert.Equal(CxErrorCodes.StandardUnknownTouchpoint, Assert.Single(e.Failures).ErrorCode);
    }

    [Fact]
    public void Report_PeriodOrInstantOutsideTheGrid_IsCX0808()
    {
        ErosionInput example = ErosionExampleTests.Input();
        var calculator = new RevenueErosionCalculator();
        GridPeriod foreign = PeriodGrid.Monthly(new YearMonth(2030, 1), new YearMonth(2030, 2))[1];

        Assert.Equal(CxErrorCodes.ErosionPeriodInvalid, Assert.Single(Assert.Throws<CxValidationException>(() => calculator.Report(example, foreign)).Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.ErosionPeriodInvalid, Assert.Single(Assert.Throws<CxValidationException>(() => calculator.Report(example, Instant.FromUtc(2031, 1, 1, 0, 0))).Failures).ErrorCode);
    }

    [Fact]
    public void Subject_PeriodOfAnotherGrid_IsAnArgumentError()
    {
        ErosionSubject subject = new RevenueErosionCalculator().Analyze(ErosionExampleTests.Input()).ForStandard("approval-24h");
        GridPeriod foreign = PeriodGrid.Monthly(new YearMonth(2030, 1), new YearMonth(2030, 2))[0];

        Assert.Throws<ArgumentException>(() => subject.Impact(foreign));
        Assert.Throws<ArgumentNullException>(() => subject.RevenueAtRisk(null!));
    }
}
