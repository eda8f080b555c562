using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.Robustness;

/// <summary>Every "ends of time" reproducer of issue #13, each with its clear error or its correct result
/// (docs/concepts/supported-range.md).</summary>
public sealed class SupportedRangeTests
{
    private static readonly PeriodGrid Q1 = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

    private static Money Usd(long units) => Money.FromMinorUnits(units, Currency.Usd);

    private static string Code(CxValidationException e) => Assert.Single(e.Failures.Select(f => f.ErrorCode).Distinct());

    [Fact]
    public void SupportedRange_Limits_AreTheDocumentedOnes()
    {
        Assert.Equal(new LocalDate(1, 1, 1), SupportedRange.FirstDate);
        Assert.Equal(new LocalDate(9998, 12, 31), SupportedRange.LastDate);
        Assert.Equal(Instant.FromUtc(1, 1, 1, 0, 0), SupportedRange.Start);
        Assert.Equal(Instant.FromUtc(9999, 1, 1, 0, 0), SupportedRange.End);
        Assert.Equal(Duration.FromDays(36_525), SupportedRange.MaxDuration);
        Assert.True(SupportedRange.Contains(SupportedRange.LastDate));
        Assert.False(SupportedRange.Contains(SupportedRange.LastDate.PlusDays(1)));
        Assert.False(SupportedRange.Contains(new LocalDate(2024, 1, 1, CalendarSystem.Julian)));
        Assert.False(SupportedRange.Contains(SupportedRange.End));
        Assert.True(SupportedRange.Contains(SupportedRange.End - Duration.Epsilon));
    }

    [Fact]
    public void Monthly_OnTheLastDayNodaTimeKnows_ThrowsArgumentOutOfRangeNamingTheRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Monthly(new LocalDate(9999, 12, 31), new LocalDate(9999, 12, 31)));

        Assert.Contains("0001-01-01 to 9998-12-31", e.Message, StringComparison.Ordinal);
        Assert.Contains("9999-12-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grids_AtTheEdgesOfTheRange_AreBuiltWithEveryPeriodInside()
    {
        PeriodGrid last = PeriodGrid.Monthly(new YearMonth(9998, 12), new YearMonth(9998, 12));
        PeriodGrid first = PeriodGrid.Quarterly(SupportedRange.FirstDate, SupportedRange.FirstDate);
        PeriodGrid week = PeriodGrid.Weekly(SupportedRange.FirstDate, SupportedRange.FirstDate.PlusDays(20));

        Assert.Equal(SupportedRange.LastDate, last.End);
        Assert.Equal("0001-Q1", first[0].Label);
        Assert.Equal(SupportedRange.FirstDate, week.Start); // 0001-01-01 is a Monday
        Assert.Equal("(after 9998-12)", last.LabelAt(1));
        Assert.Equal("(before 0001-Q1)", first.LabelAt(-1));
    }

    [Fact]
    public void Weekly_InTheYearMinus9998_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Weekly(new LocalDate(-9998, 1, 1), new LocalDate(-9998, 3, 1)));
    }

    [Fact]
    public void Weekly_WhoseWeeksWouldReachOutside_ThrowsNamingTheDay()
    {
        var first = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Weekly(SupportedRange.FirstDate, new LocalDate(1, 2, 1), IsoDayOfWeek.Sunday));
        var last = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Weekly(new LocalDate(9998, 12, 1), SupportedRange.LastDate));

        Assert.Contains("0000-12-31", first.Message, StringComparison.Ordinal);
        Assert.Contains("9999-01-03", last.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_IntervalEndingOnTheLastNodaTimeDay_ThrowsArgumentOutOfRange()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Custom([new DateInterval(new LocalDate(9998, 1, 1), new LocalDate(9999, 12, 31))]));

        Assert.Contains("Interval #0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue, "(after 9998-Q4)")]
    [InlineData(int.MinValue, "(before 0001-Q1)")]
    [InlineData(-1, "2023-Q4")]
    public void LabelAt_AnyIndex_NeverThrows(int index, string expected)
    {
        PeriodGrid grid = PeriodGrid.Quarterly(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));

        Assert.Equal(expected, grid.LabelAt(index));
    }

    [Fact]
    public void FromPeriodValues_IndexIntMinValue_IsCX0115NamingTheRecord()
    {
        var e = Assert.Throws<CxValidationException>(() => AssetLedger.FromPeriodValues([new AssetPeriodValue(CustomerId.From("A"), int.MinValue, Usd(1))], Q1));

        Assert.Equal(CxErrorCodes.PeriodIndexOutOfRange, Code(e));
        Assert.Equal(0, e.Failures[0].Position);
        Assert.Contains("-24276", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPeriodValues_HistoryBackToTheYear1_IsAccepted()
    {
        int first = Q1.IndexOf(SupportedRange.FirstDate);
        AssetLedger ledger = AssetLedger.FromPeriodValues([new AssetPeriodValue(CustomerId.From("A"), first, Usd(5)), new AssetPeriodValue(CustomerId.From("A"), 0, Usd(7))], Q1);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);

        Assert.Equal(MovementClass.Reactivated, Assert.Single(new AssetMovementCalculator().CustomerMovements(ledger), m => m.Period.Index == 0).Class);
        Assert.Equal(5, ledger.ValueOf(CustomerId.From("A"), first));
        Assert.Equal(7, report.Periods[0].Closing);
    }

    [Fact]
    public void Record_DatedOnThePlaceholder99991231_IsCX0114OrExcludedAndCounted()
    {
        AssetRecord[] records =
        [
            new(CustomerId.From("A"), new LocalDate(2024, 1, 5), Usd(100)),
            new(CustomerId.From("B"), new LocalDate(2024, 2, 5), Usd(80)),
            new(CustomerId.From("C"), new LocalDate(9999, 12, 31), Usd(60)),
        ];

        var e = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords(records, Q1));
        AssetLedger excluded = AssetLedger.FromRecords(records, Q1, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(e));
        Assert.Equal(
            "record #2: Date: Expected a date from 0001-01-01 to 9998-12-31 (the supported range), got 9999-12-31. Dates such as 9999-12-31 are often a placeholder for 'no end date' in exports: remove them or replace them with real dates. Or set AfterGrid = Exclude to leave records after the grid out and count them. [CX0114]",
            e.Failures[0].ToString());
        Assert.Equal(1, excluded.ExcludedRecordCount);
        Assert.Equal(2, excluded.CustomerCount);
    }

    [Fact]
    public void Record_DatedBeforeTheYear1_IsCX0114()
    {
        var e = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords([new AssetRecord(CustomerId.From("A"), new LocalDate(-5, 3, 1), Usd(1))], Q1));

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(e));
        Assert.Contains("got -0005-03-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_OnAGridEndingIn9998_LabelsEveryBasePeriod()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(9998, 1), new YearMonth(9998, 12));
        AssetLedger ledger = AssetLedger.FromRecords([new AssetRecord(CustomerId.From("A"), new LocalDate(9998, 5, 1), Usd(1)), new AssetRecord(CustomerId.From("A"), new LocalDate(9998, 12, 31), Usd(1))], grid);

        IReadOnlyList<CohortRetention> rows = new RetentionCalculator().CohortMetrics(ledger, 7);

        Assert.Equal("9997-06", rows[0].BasePeriodLabel);
        Assert.Equal(1, rows[11].BaseCustomerCount);
        Assert.Equal(1, rows[11].RetainedCustomerCount);
    }

    [Fact]
    public void Retention_OnAGridStartingInTheYear1_LabelsBasePeriodsBeforeTheRange()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(1, 1), new YearMonth(1, 3));
        AssetLedger ledger = AssetLedger.FromRecords([new AssetRecord(CustomerId.From("A"), new LocalDate(1, 1, 1), Usd(1))], grid);

        Assert.Equal("(before 0001-01)", new RetentionCalculator().CohortMetrics(ledger, 1000)[0].BasePeriodLabel);
    }

    [Fact]
    public void LedgerTotalsStraddling2Pow63_AreNotRefused()
    {
        // A 8e18 in January and February, B 1e18 in January, C 1e18 in February: both closings are 9e18 (issue #13).
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));
        AssetPeriodValue[] values =
        [
            new(CustomerId.From("A"), 0, Usd(8_000_000_000_000_000_000)), new(CustomerId.From("A"), 1, Usd(8_000_000_000_000_000_000)),
            new(CustomerId.From("B"), 0, Usd(1_000_000_000_000_000_000)), new(CustomerId.From("C"), 1, Usd(1_000_000_000_000_000_000)),
        ];

        AssetMovementReport report = new AssetMovementCalculator().Calculate(AssetLedger.FromPeriodValues(values, grid));
        IReadOnlyList<PeriodRetention> retention = new RetentionCalculator().PeriodMetrics(report);

        Assert.Equal(9_000_000_000_000_000_000, report.Periods[0].Closing);
        Assert.Equal(9_000_000_000_000_000_000, report.Periods[1].Closing);
        Assert.Equal(1_000_000_000_000_000_000, report.Periods[1].New.Value);
        Assert.Equal(-1_000_000_000_000_000_000, report.Periods[1].Churned.Value);
        Assert.Equal(8.0 / 9, retention[1].NetRevenueRetentionFraction!.Value, 12);
    }

    [Fact]
    public void LedgerWhoseClosingDoesNotFit_IsCX0111()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 1));
        AssetPeriodValue[] values = [new(CustomerId.From("A"), 0, Usd(long.MaxValue)), new(CustomerId.From("B"), 0, Usd(1))];

        var e = Assert.Throws<CxValidationException>(() => new AssetMovementCalculator().Calculate(AssetLedger.FromPeriodValues(values, grid)));

        Assert.Equal(CxErrorCodes.ValueOverflow, Code(e));
    }

    [Fact]
    public void RollingWindow_OfDurationMaxValue_IsCX0116AndToStringOfAnyWindowWorks()
    {
        var e = Assert.Throws<CxValidationException>(() => EvaluationWindow.Rolling(Duration.MaxValue));

        Assert.Equal(CxErrorCodes.DurationOutOfRange, Code(e));
        Assert.Equal("rolling 36525d", EvaluationWindow.Rolling(SupportedRange.MaxDuration).ToString());
        Assert.Equal("rolling 0:00:00:00.000000001", EvaluationWindow.Rolling(Duration.Epsilon).ToString());
    }

    [Fact]
    public void StandardsJson_Duration1000000Weeks_IsCX0116NamingTheStandard()
    {
        const string Json = """{"standards":[{"id":"a","touchpoint":"t","name":"n","metric":"m","op":"lte","value":1,"target":0.9,"owner":"o","timeWindow":{"duration":"1000000w","isRolling":true}}]}""";

        var e = Assert.Throws<CxValidationException>(() => ReliabilityStandardJson.Parse(Json));

        Assert.Equal(CxErrorCodes.DurationOutOfRange, Code(e));
        Assert.Equal("standards[0] 'a'", e.Failures[0].Subject);
        Assert.Equal("timeWindow.duration", e.Failures[0].Field);
    }

    [Fact]
    public void StandardsJson_CalendarTo9999_IsCX0114()
    {
        const string Json = """{"standards":[{"id":"a","touchpoint":"t","name":"n","metric":"m","op":"lte","value":1,"target":0.9,"owner":"o","timeWindow":{"isRolling":false,"calendar":{"unit":"month","from":"2024-01-01","to":"9999-12-31"}}}]}""";

        var e = Assert.Throws<CxValidationException>(() => ReliabilityStandardJson.Parse(Json));

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(e));
        Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardsJson_CustomCalendarWindow_RoundTripsFaithfully()
    {
        PeriodGrid custom = PeriodGrid.Custom([new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 10)), new DateInterval(new LocalDate(2026, 1, 11), new LocalDate(2026, 2, 28))]);
        ReliabilityStandardSet set = Set(TestDrive(EvaluationWindow.Calendar(custom, DateTimeZoneProviders.Tzdb["Europe/Paris"])));

        string json = ReliabilityStandardJson.Write(set);
        ReliabilityStandard back = ReliabilityStandardJson.Parse(json).Standards[0];

        Assert.Contains("\"unit\": \"custom\"", json, StringComparison.Ordinal);
        Assert.Equal(set.Standards[0].Window, back.Window);
        Assert.Equal(PeriodGridKind.Custom, back.Window.Grid!.Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CountPartialAndEvaluate_AsOfAtEitherEndOfNodaTime_AreCX0114(bool min)
    {
        Instant asOf = min ? Instant.MinValue : Instant.MaxValue;
        ReliabilityStandardSet set = Set(TestDrive());
        ReliabilityMeasurement[] events = [M("test-drive-48h", Jan1, 24)];
        var evaluator = new ReliabilityEvaluator();

        var partial = Assert.Throws<CxValidationException>(() => evaluator.CountPartial(set, events, asOf));
        var evaluate = Assert.Throws<CxValidationException>(() => evaluator.Evaluate(set, events, asOf));
        var backtest = Assert.Throws<CxValidationException>(() => evaluator.Backtest(set, events, to: asOf));

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(partial));
        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(evaluate));
        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(backtest));
        Assert.Equal("evaluation instant", partial.Failures[0].Subject);
    }

    [Fact]
    public void Measurement_AtInstantMinValue_IsCX0114NamingTheMeasurement()
    {
        var e = Assert.Throws<CxValidationException>(() => new ReliabilityEvaluator().Evaluate(Set(TestDrive()), [M("test-drive-48h", Jan1, 24), M("test-drive-48h", Instant.MinValue, 24)], Jan1));

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(e));
        Assert.Equal(1, e.Failures[0].Position);
    }

    [Fact]
    public void Evaluate_AtTheFirstInstantWithALongRollingHistory_ClampsTheHistoryToTheRange()
    {
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(365)));
        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { RollingHistoryCount = 10_000 });
        Instant asOf = SupportedRange.Start + Duration.FromDays(800);

        StandardEvaluation e = evaluator.Evaluate(Set(standard), [M("test-drive-48h", SupportedRange.Start, 24)], asOf).Standards[0];

        Assert.Equal(10_000, e.Windows.Count);
        Assert.All(e.Windows, w => Assert.True(w.Start >= SupportedRange.Start - Duration.FromDays(365) && w.End >= w.Start));
        Assert.Equal(1, e.Windows.Sum(w => w.EventCount));
    }

    [Fact]
    public void Backtest_RightBeforeTheEndOfTheRange_Runs()
    {
        Instant start = SupportedRange.End - Duration.FromDays(60);
        StandardBacktest b = new ReliabilityEvaluator().Backtest(Set(TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)))), Hourly(start, [.. Enumerable.Repeat(false, 500)])).Standards[0];

        Assert.NotEmpty(b.Breaches);
    }

    [Fact]
    public void AttributionLookback_OfAHundredThousandYears_IsCX0116()
    {
        var options = new AttributionOptions { Lookback = NodaPeriod.FromYears(100_000) };

        var e = Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(Journeys.Small(), [], [], options));

        Assert.Equal(CxErrorCodes.DurationOutOfRange, Code(e));
        Assert.Empty(new AttributionOptionsValidator().Validate(new AttributionOptions { Lookback = NodaPeriod.FromYears(100) }).Errors);
    }

    [Fact]
    public void SampleCompany_FirstMonthInTheYearMinus9998_IsCX0114AndTheRangeEdgesWork()
    {
        var e = Assert.Throws<CxValidationException>(() => SampleCompany.Generate(new SampleCompanyOptions { FirstMonth = new YearMonth(-9998, 1) }));
        SampleCompany early = SampleCompany.Generate(new SampleCompanyOptions { FirstMonth = new YearMonth(1, 1), CustomerCount = 30, MonthCount = 6 });
        SampleCompany late = SampleCompany.Generate(new SampleCompanyOptions { FirstMonth = new YearMonth(9998, 7), CustomerCount = 30, MonthCount = 6 });

        Assert.Equal(CxErrorCodes.TimeOutOfRange, Code(e));
        Assert.All(early.ExperienceEvents, x => Assert.True(SupportedRange.Contains(x.At)));
        Assert.NotNull(new JourneyAttributionCalculator().Calculate(early.Journey, early.RevenueLedger(), early.ExperienceEvents));
        Assert.NotNull(new ReliabilityEvaluator().Backtest(late.ReliabilityStandards, late.ReliabilityMeasurements));
        Assert.Throws<CxValidationException>(() => SampleCompany.Generate(new SampleCompanyOptions { FirstMonth = new YearMonth(9998, 8), MonthCount = 6 }));
    }

    [Fact]
    public void DriftBaseline_OfValuesWhoseSumOverflows_HasTheirFiniteMean()
    {
        DriftBaseline b = DriftBaseline.FromMovingRange([double.MaxValue, double.MaxValue, 1e-306]);

        Assert.Equal(double.MaxValue / 3 * 2, b.Mean, double.MaxValue * 1e-15);
        Assert.True(double.IsFinite(b.Sigma) && b.Sigma > 0);
        var e = Assert.Throws<ArgumentException>(() => DriftBaseline.FromMovingRange([double.MaxValue, -double.MaxValue, double.MaxValue]));
        Assert.Contains("spread", e.Message, StringComparison.Ordinal);
    }
}
