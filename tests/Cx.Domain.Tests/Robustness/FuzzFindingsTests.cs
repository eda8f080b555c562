using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;

namespace Cx.Domain.Tests.Robustness;

/// <summary>What the fuzz harness found in its phase-3 runs (ListeningFuzz.cs, and CX_FUZZ_CASES=100 over the whole harness),
/// one reproducer each.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void CustomerMovement_AnUndefinedClass_PrintsItsNumberInvariantly()
    {
        var movement = new CustomerMovement(CustomerId.From("B"), PeriodGrid.Monthly(new NodaTime.YearMonth(2024, 1), new NodaTime.YearMonth(2024, 2))[0], (MovementClass)(-1), 0, 743_352, "+1");
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = HostileCulture.Instance;
        try
        {
            Assert.Contains(" -1: ", movement.ToString(), StringComparison.Ordinal);
            Assert.Null(HostileCulture.Leak(movement.ToString()));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AttributionOnMovementsOfTwoGrids_ThrowsItsDocumentedArgumentException()
    {
        // Two movements whose periods share index 0 but come from a custom and a monthly grid.
        GridPeriod custom = PeriodGrid.Custom([new NodaTime.DateInterval(new NodaTime.LocalDate(2024, 1, 1), new NodaTime.LocalDate(2024, 1, 10))])[0];
        GridPeriod monthly = PeriodGrid.Monthly(new NodaTime.YearMonth(2024, 6), new NodaTime.YearMonth(2024, 6))[0];
        CustomerMovement[] movements = [new(CustomerId.From("B"), custom, MovementClass.Reactivated, 0, 0, null), new(CustomerId.From("C"), monthly, MovementClass.Churned, 0, 0, null)];
        System.Reflection.MethodInfo overload = typeof(JourneyAttributionCalculator).GetMethods().Single(m => m.Name == nameof(JourneyAttributionCalculator.Calculate)
            && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(Cx.Domain.Journey.JourneyFramework), typeof(IEnumerable<CustomerMovement>), typeof(IEnumerable<Cx.Domain.Journey.ExperienceEvent>), typeof(AttributionOptions), typeof(IEnumerable<CustomerId>), typeof(CancellationToken), typeof(IProgress<WorkProgress>)]));

        Assert.Throws<ArgumentException>(() => new JourneyAttributionCalculator().Calculate(Journeys.Small(), movements, [], null, [CustomerId.From("B")], CancellationToken.None, null));
        Assert.True(XmlDocs.Documents(overload, typeof(ArgumentException)));
    }

    [Fact]
    public void TagAll_ANullSignal_IsRefusedWithItsPosition()
    {
        var error = Assert.Throws<CxValidationException>(() => new TopicTagger(ListeningData.Taxonomy).TagAll([new FeedbackSignal(NodaTime.Instant.FromUtc(2024, 3, 1, 0, 0), FeedbackSource.Web, FeedbackKind.Unaided) { Text = "the price" }, null!]));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal((1L, "signal", CxErrorCodes.RecordNull), (failure.Position, failure.Field, failure.ErrorCode));
    }

    [Fact]
    public void Calculate_ANullSignal_HasItsOwnCode()
    {
        var error = Assert.Throws<CxValidationException>(() => new ListeningCalculator().Calculate(ListeningData.Journey, ListeningData.Grid, [null!], ListeningData.Taxonomy));

        Assert.Equal(CxErrorCodes.RecordNull, Assert.Single(error.Failures).ErrorCode);
    }

    [Fact]
    public void RunChart_AMeasurementNearMinusDoubleMaxValue_EndsWithAChart()
    {
        // Hung: the value axis rounded -1.7e308 down to a tick of -infinity and added its step forever.
        var standard = Hostile.Standard();
        ReliabilityMeasurement[] measurements = [new(standard.Id, NodaTime.Instant.FromUtc(2024, 1, 5, 0, 0), double.MinValue), new(standard.Id, NodaTime.Instant.FromUtc(2024, 1, 6, 0, 0), 20)];

        var chart = Assert.IsType<Cx.Domain.Reporting.SvgChart>(Cx.Domain.Reporting.ReliabilityRenderer.ToRunChart(standard, measurements));

        Assert.DoesNotContain("Infinity", chart.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void RunChart_AMarkerAtTheEndOfTime_EndsWithAChart()
    {
        // Threw OverflowException: the time axis stepped a month past 9999-12.
        var standard = Hostile.Standard();
        ReliabilityMeasurement[] measurements = [new(standard.Id, NodaTime.Instant.FromUtc(2024, 1, 5, 0, 0), 20)];
        Cx.Domain.Reporting.RunChartMarker[] markers = [new(NodaTime.Instant.MaxValue - NodaTime.Duration.FromDays(1), "end", Cx.Domain.Reporting.RunChartMarkerKind.Note)];

        Assert.NotEmpty(Cx.Domain.Reporting.ReliabilityRenderer.ToRunChart(standard, measurements, markers).Svg);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RunChart_EveryInstantAtTheEndOfTime_EndsWithAChart(bool marker)
    {
        // Found by the fuzz run with seed 977: one measurement at 9999-12-31T23:59:59Z (or a marker at Instant.MaxValue)
        // and nothing else on the axis threw OverflowException, the axis stepping an hour past its one instant.
        var standard = Hostile.Standard();
        ReliabilityMeasurement[] measurements = marker ? [] : [new(standard.Id, NodaTime.Instant.FromUtc(9999, 12, 31, 23, 59, 59), 20)];
        Cx.Domain.Reporting.RunChartMarker[] markers = marker ? [new(NodaTime.Instant.MaxValue, "end", Cx.Domain.Reporting.RunChartMarkerKind.Note)] : [];

        string svg = Cx.Domain.Reporting.ReliabilityRenderer.ToRunChart(standard, measurements, markers).Svg;

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
        Assert.Contains(marker ? "; 0 measurements, 1 marker." : "; 1 measurement.", svg, StringComparison.Ordinal); // not "1 measurements"
    }

    [Fact]
    public void Backtest_SixStandardsOverEightThousandYears_SumsTheirSpansWithoutOverflow()
    {
        // Found by the fuzz run with seed 55555: judged from 0001-01-01 to 9998, six standards' spans summed past
        // Duration's 16,777,216 days and NodaTime threw ArgumentOutOfRangeException. The sum is now exact (in 128-bit
        // nanoseconds): Span is capped at Duration.MaxValue, the rates use the whole sum.
        ReliabilityStandard[] standards = [.. Enumerable.Range(0, 6).Select(i => ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = $"s{i}", TouchpointId = "t", Name = $"Standard {i}", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost,
            Threshold = 48, Objective = 0.9, Window = EvaluationWindow.Rolling(NodaTime.Duration.FromDays(30)), MinimumEvents = 1, Owner = "Ops",
        }))];
        ReliabilityMeasurement[] measurements = [.. standards.Select(s => new ReliabilityMeasurement(s.Id, NodaTime.Instant.FromUtc(9998, 5, 19, 20, 0), 36))];

        ReliabilityBacktest backtest = new ReliabilityEvaluator().Backtest(
            ReliabilityStandardSet.Create(standards), measurements, from: NodaTime.Instant.FromUtc(1, 1, 1, 0, 0));

        Assert.Equal(NodaTime.Duration.MaxValue, backtest.Scorecard.Span);
        Assert.Equal(0, backtest.Scorecard.FalseEpisodesPer90Days);
        Assert.All(backtest.Standards, s => Assert.True(s.Scorecard.Span > NodaTime.Duration.FromDays(3_600_000), $"{s.Scorecard.Span}"));
    }

    [Fact]
    public void CusumDesign_ATinyInControlShare_IsRefusedBeforeItsChainTakesGigabytes()
    {
        // Found by the fuzz run with seed 8675309: WithDecisionInterval(1e-306, 0.5, 48.625) took 743 MiB (scale m = 1000,
        // 48,625 states: a band of 48.7 million cells). A chart's band is now held to 16 million cells (128 MB).
        CxValidationException error = Assert.Throws<CxValidationException>(() => BernoulliCusumDesign.WithDecisionInterval(1e-306, 0.5, 48.625));

        Assert.Equal(CxErrorCodes.EarlyWarningDetectorInvalid, error.Failures[0].ErrorCode);
        Assert.Contains("at most 15.98 bad events", error.Failures[0].Message, StringComparison.Ordinal);
        Assert.Equal(15_000, BernoulliCusumDesign.WithDecisionInterval(1e-306, 0.5, 15).ScaledDecisionInterval); // within the limit: taken
    }

    [Fact]
    public void AsOf_TheLastInstantThereIs_IsTheEndOfItsDay()
    {
        Assert.Equal("end of 9999-12-31", Cx.Domain.Reporting.ReportText.AsOf(NodaTime.Instant.MaxValue, NodaTime.DateTimeZone.Utc));
    }

    [Fact]
    public void TextAndMarkdown_AnEscapeSequenceInAName_IsWrittenVisibly()
    {
        var options = new Cx.Domain.Reporting.ReportOptions { Source = "\u001b[2Jdata\tfile\u009b.csv" };

        string text = Cx.Domain.Reporting.AssetMovementRenderer.ToText(Hostile.Movements(), options);
        string markdown = Cx.Domain.Reporting.AssetMovementRenderer.ToMarkdown(Hostile.Movements(), options);

        Assert.Contains("\\x1b[2Jdata file\\x9b.csv", text, StringComparison.Ordinal);
        Assert.Contains("\\x1b[2Jdata file\\x9b.csv", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text + markdown);
    }
}
