using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

/// <summary>Windows, budgets, burn rates and statuses on histories small enough to check by hand.</summary>
public sealed class ReliabilityEvaluatorTests
{
    private static readonly ReliabilityEvaluator Evaluator = new();

    /// <summary>Twenty hourly test drives from 1 January 00:00 to 19:00; those at 17:00 and 18:00 took 72 hours.</summary>
    private static List<ReliabilityMeasurement> TwentyWithTwoLate() =>
        Hourly(Jan1, [.. Enumerable.Range(0, 20).Select(i => i is not (17 or 18))]);

    [Fact]
    public void Evaluate_TwentyEventsTwoBad_GivesTheHandComputedWindow()
    {
        // Compliance 18/20 = 90%; budget 5% x 20 = 1 bad event; consumed 2/1 = 200%; remaining 1 - 2 = -1; burn (2/20)/0.05 = 2.
        StandardEvaluation e = Evaluator.Evaluate(Set(TestDrive(minimumEvents: 20)), TwentyWithTwoLate(), Jan1 + Duration.FromHours(19)).Standards[0];

        WindowEvaluation w = e.CurrentWindow!;
        Assert.Equal(("2026-01", 20L, 18L, 2L), (w.Label, w.EventCount, w.GoodEventCount, w.BadEventCount));
        Assert.Equal(0.9, w.Compliance);
        Assert.Equal(1.0, w.ErrorBudget, 12);
        Assert.Equal(2.0, w.BudgetConsumed);
        Assert.Equal(-1.0, w.BudgetRemaining, 12);
        Assert.Equal(2.0, w.BurnRate);
        Assert.Equal(WindowStatus.Breached, w.Status);
        Assert.False(w.IsComplete);
        Assert.Equal(StandardStatus.Breached, e.Status);
        Assert.Equal(StatusReasonKind.ObjectiveBreached, e.Reasons[0].Kind);
        Assert.Contains("compliance 90% (bad 2 of 20) is below the objective 95% in 2026-01", e.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BurnRatePairs_CountTheirWindowsByHand()
    {
        // As of 19:00: 1h window (18:00, 19:00] holds 1 event; 6h window (13:00, 19:00] holds 6 events, 2 bad;
        // 3d window holds all 20, 2 bad. Ticket rule: long burn (2/20)/0.05 = 2 > 1 and short (6h) burn (2/6)/0.05 = 6.67 > 1.
        // The page rules need 10 events in their long window (the legacy policy's only evidence gate) and have 1 and 6.
        var legacy = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { EarlyWarning = EarlyWarningPolicy.Legacy });
        StandardEvaluation e = legacy.Evaluate(Set(TestDrive(minimumEvents: 30)), TwentyWithTwoLate(), Jan1 + Duration.FromHours(19)).Standards[0];

        Assert.Equal([(1L, 0L), (6L, 2L), (20L, 2L)], e.Alerts.Select(a => (a.LongEventCount, a.LongBadEventCount)));
        BurnRateAlert ticket = e.Alerts[2];
        Assert.Equal((6L, 2L), (ticket.ShortEventCount, ticket.ShortBadEventCount));
        Assert.Equal(2.0, ticket.LongBurnRate);
        Assert.Equal(2 / 0.3, ticket.ShortBurnRate, 12);
        Assert.Equal([false, false, true], e.Alerts.Select(a => a.IsFiring));
        Assert.Equal(StandardStatus.Watch, e.Status);
        Assert.Equal(StatusReasonKind.BurnRate, e.Reasons[0].Kind);
        Assert.StartsWith("ticket: burn rate 2 over 3d (n=20, bad 2) and 6.67 over 6h (n=6, bad 2) exceed 1", e.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(StatusReasonKind.Episode, e.Reasons[1].Kind);
        Assert.Equal(StatusReasonKind.NotEnoughData, e.Reasons[2].Kind);

        // The default policy needs 3 bad events in the long window, and two late test drives of twenty are not significant
        // against the 5% allowed: no rule fires (the 1d and 2h ticket rule of Sloth is the fourth).
        StandardEvaluation gated = Evaluator.Evaluate(Set(TestDrive(minimumEvents: 30)), TwentyWithTwoLate(), Jan1 + Duration.FromHours(19)).Standards[0];
        Assert.Equal([(1L, 0L), (6L, 2L), (20L, 2L), (20L, 2L)], gated.Alerts.Select(a => (a.LongEventCount, a.LongBadEventCount)));
        Assert.All(gated.Alerts, a => Assert.False(a.IsFiring));
        Assert.Equal(StandardStatus.NoData, gated.Status);
    }

    [Fact]
    public void Evaluate_NextMonthWithoutEvents_IsNoDataAndKeepsJanuaryInTheHistory()
    {
        StandardEvaluation e = Evaluator.Evaluate(Set(TestDrive(minimumEvents: 20)), TwentyWithTwoLate(), Instant.FromUtc(2026, 2, 1, 0, 0)).Standards[0];

        Assert.Equal(StandardStatus.NoData, e.Status);
        Assert.Equal(["2026-01", "2026-02"], e.Windows.Select(w => w.Label));
        Assert.True(e.Windows[0].IsComplete);
        Assert.Equal(WindowStatus.Breached, e.Windows[0].Status);
        Assert.Equal((0L, (double?)null, 0.0), (e.CurrentWindow!.EventCount, e.CurrentWindow.Compliance, e.CurrentWindow.BurnRate));
    }

    [Fact]
    public void Evaluate_AsOfBeforeLaterEvents_IgnoresAndCountsThem()
    {
        StandardEvaluation e = Evaluator.Evaluate(Set(TestDrive()), TwentyWithTwoLate(), Jan1 + Duration.FromHours(9)).Standards[0];

        Assert.Equal((10L, 10L), (e.EventCount, e.EventsAfterAsOfCount));
        Assert.Equal(StandardStatus.Reliable, e.Status);
        Assert.Equal(1.0, e.CurrentWindow!.Compliance);
    }

    [Fact]
    public void Evaluate_RollingWindow_StartIsExclusiveEndInclusive()
    {
        ReliabilityStandard rolling = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(7)));
        List<ReliabilityMeasurement> data = [M("test-drive-48h", Jan1, 72), M("test-drive-48h", Jan1 + Duration.FromDays(7), 24)];

        StandardEvaluation e = Evaluator.Evaluate(Set(rolling), data, Jan1 + Duration.FromDays(7)).Standards[0];

        Assert.Equal((1L, 0L), (e.CurrentWindow!.EventCount, e.CurrentWindow.BadEventCount));
        Assert.Equal(12, e.Windows.Count);
        Assert.Equal((1L, 1L), (e.Windows[10].EventCount, e.Windows[10].BadEventCount));
        Assert.Equal("2025-12-25T00:00Z..2026-01-01T00:00Z", e.Windows[10].Label);
    }

    [Fact]
    public void Evaluate_TouchpointSubject_CountsForItsStandards()
    {
        StandardEvaluation e = Evaluator.Evaluate(Set(TestDrive()), [M("test-drive", Jan1, 10), M("test-drive-48h", Jan1, 50)], Jan1).Standards[0];

        Assert.Equal((2L, 1L), (e.CurrentWindow!.EventCount, e.CurrentWindow.BadEventCount));
    }

    [Fact]
    public void Evaluate_ThresholdItself_IsGoodForAtMostAndAtLeast()
    {
        ReliabilityStandard score = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "csat", TouchpointId = "service-repair", Name = "CSAT", Metric = "score", Unit = "pts", Comparison = ThresholdComparison.AtLeast, Threshold = 4,
            Objective = 0.5, Window = EvaluationWindow.Calendar(Months2026), Owner = "Aftersales",
        });
        ReliabilityReport report = Evaluator.Evaluate(Set(TestDrive(), score), [M("test-drive-48h", Jan1, 48), M("csat", Jan1, 4), M("csat", Jan1, 3.99)], Jan1);

        Assert.Equal(0L, report.Standards[0].CurrentWindow!.BadEventCount);
        Assert.Equal(1L, report.Standards[1].CurrentWindow!.BadEventCount);
    }

    [Fact]
    public void Evaluate_PeriodAggregates_JudgesEachPeriodOnceWhenItCloses()
    {
        // Weekly first-contact resolution at least 85%, in 3 of 4 weeks a month. Two weeks of January are below.
        ReliabilityStandard fcr = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "fcr-weekly", TouchpointId = "roadside-assistance", Name = "First-contact resolution", Metric = "weekly FCR", Unit = "%",
            Comparison = ThresholdComparison.AtLeast, Threshold = 85, Objective = 0.75, Window = EvaluationWindow.Calendar(Months2026), Owner = "Customer care",
            Evidence = EvidenceKind.PeriodAggregates,
        });
        PeriodAggregate Week(int startDay, double value) => new("fcr-weekly", new DateInterval(new LocalDate(2026, 1, startDay), new LocalDate(2026, 1, startDay + 6)), value);

        StandardEvaluation e = Evaluator.Evaluate(Set(fcr), [], Instant.FromUtc(2026, 1, 31, 0, 0), [Week(1, 87), Week(8, 84), Week(15, 80), Week(22, 90)]).Standards[0];

        Assert.Equal((4L, 2L), (e.CurrentWindow!.EventCount, e.CurrentWindow.BadEventCount));
        Assert.Equal(StandardStatus.Breached, e.Status);
        StandardEvaluation early = Evaluator.Evaluate(Set(fcr), [], Instant.FromUtc(2026, 1, 28, 23, 0), [Week(1, 87), Week(8, 84), Week(15, 80), Week(22, 90)]).Standards[0];
        Assert.Equal(3L, early.CurrentWindow!.EventCount); // the week of the 22nd closes on the 29th
    }

    [Fact]
    public void Evaluate_StandardWithoutEvents_IsNoDataNotAnError()
    {
        ReliabilityStandard other = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "proposal-5d", TouchpointId = "proposal", Name = "Proposal in 5 days", Metric = "days to proposal", Unit = "d",
            Comparison = ThresholdComparison.AtMost, Threshold = 5, Objective = 0.9, Window = EvaluationWindow.Calendar(Months2026), Owner = "Sales operations",
        });

        ReliabilityReport report = Evaluator.Evaluate(Set(TestDrive(), other), [M("test-drive-48h", Jan1, 10)], Jan1);

        Assert.Equal(StandardStatus.NoData, report.Standards[1].Status);
        Assert.Equal(1, report.CountWith(StandardStatus.NoData));
    }

    [Fact]
    public void Evaluate_AsOfAfterTheGrid_HasNoCurrentWindowAndSaysSo()
    {
        StandardEvaluation e = Evaluator.Evaluate(Set(TestDrive()), [M("test-drive-48h", Jan1, 10)], Instant.FromUtc(2027, 3, 1, 0, 0)).Standards[0];

        Assert.Null(e.CurrentWindow);
        Assert.Equal(StandardStatus.NoData, e.Status);
        Assert.Equal(12, e.Windows.Count);
        Assert.Contains("calendar grid does not cover it", e.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadMeasurements_ReportsEveryFailureWithItsPosition()
    {
        List<ReliabilityMeasurement> data = [M("test-drive-48h", Jan1, 10), M("test-drive-48h", Jan1, double.NaN), M("tets-drive", Jan1, 10), M("test-drive-48h", Jan1, double.PositiveInfinity)];

        var ex = Assert.Throws<CxValidationException>(() => Evaluator.Evaluate(Set(TestDrive()), data, Jan1));

        Assert.Equal(3, ex.TotalFailureCount);
        Assert.Equal([(1L, CxErrorCodes.MeasurementValueInvalid), (2L, CxErrorCodes.MeasurementUnknownSubject), (3L, CxErrorCodes.MeasurementValueInvalid)], ex.Failures.Select(f => (f.Position!.Value, f.ErrorCode)));
        Assert.Contains("got 'tets-drive'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptyHistory_ThrowsCX0516()
    {
        var ex = Assert.Throws<CxValidationException>(() => Evaluator.Evaluate(Set(TestDrive()), [], Jan1));
        Assert.Equal(CxErrorCodes.ReliabilityInputEmpty, Assert.Single(ex.Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.ReliabilityInputEmpty, Assert.Throws<CxValidationException>(() => ReliabilityStandardSet.Create([])).Failures[0].ErrorCode);
    }

    [Fact]
    public void Create_InvalidStandard_ReportsEveryFailure()
    {
        var ex = Assert.Throws<CxValidationException>(() => ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "", TouchpointId = "test-drive", Name = " ", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.Unknown, Threshold = double.NaN,
            Objective = 1, Window = EvaluationWindow.Rolling(Duration.FromMinutes(30)), MinimumEvents = 0,
        }));

        Assert.Equal(
            [CxErrorCodes.StandardIdEmpty, CxErrorCodes.StandardObjectiveInvalid, CxErrorCodes.StandardThresholdInvalid, CxErrorCodes.StandardKindInvalid, CxErrorCodes.StandardWindowInvalid, CxErrorCodes.StandardMinimumEventsInvalid, CxErrorCodes.StandardTextMissing],
            ex.Failures.Select(f => f.ErrorCode));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Create_ObjectiveOutsideZeroOne_ThrowsCX0504(double objective)
    {
        var ex = Assert.Throws<CxValidationException>(() => TestDrive(objective: objective));
        Assert.Equal(CxErrorCodes.StandardObjectiveInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    [Fact]
    public void CreateSet_WithFramework_RejectsUnknownTouchpointsAndFillsOwners()
    {
        JourneyFramework journey = JourneyFramework.Create("Car buyers", [new JourneyStage("test-drive", "Test drive", 1)],
            [new Touchpoint("test-drive", "Test drive", "test-drive", TouchpointCategory.EarningTheRightToGrowth, "Dealer network")]);
        ReliabilityStandard noOwner = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "td", TouchpointId = "test-drive", Name = "Test drive", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost, Threshold = 48,
            Objective = 0.95, Window = EvaluationWindow.Calendar(Months2026),
        });
        ReliabilityStandard unknown = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = "x", TouchpointId = "tets-drive", Name = "X", Metric = "hours", Unit = "h", Comparison = ThresholdComparison.AtMost, Threshold = 48,
            Objective = 0.95, Window = EvaluationWindow.Calendar(Months2026), Owner = "Digital",
        });

        Assert.Equal("Dealer network", ReliabilityStandardSet.Create([noOwner], journey).Standards[0].Owner);
        var ex = Assert.Throws<CxValidationException>(() => ReliabilityStandardSet.Create([noOwner, unknown, noOwner], journey));
        Assert.Equal([(1L, CxErrorCodes.StandardUnknownTouchpoint), (2L, CxErrorCodes.StandardDuplicateId)], ex.Failures.Select(f => (f.Position!.Value, f.ErrorCode)));
        Assert.Equal(CxErrorCodes.StandardOwnerMissing, Assert.Throws<CxValidationException>(() => ReliabilityStandardSet.Create([noOwner])).Failures[0].ErrorCode);
    }

    [Fact]
    public void Evaluate_AggregateForAnEventStandard_ThrowsCX0517()
    {
        var ex = Assert.Throws<CxValidationException>(() => Evaluator.Evaluate(Set(TestDrive()), [M("test-drive-48h", Jan1, 1)], Jan1,
            [new PeriodAggregate("test-drive-48h", new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 7)), 0.9)]));

        Assert.Equal(CxErrorCodes.AggregateInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    [Fact]
    public void Evaluate_Columns_EqualRecords()
    {
        List<ReliabilityMeasurement> data = TwentyWithTwoLate();
        data.Reverse();
        ReliabilityStandardSet set = Set(TestDrive(minimumEvents: 30));
        Instant asOf = Jan1 + Duration.FromHours(19);

        ReliabilityReport records = Evaluator.Evaluate(set, data, asOf);
        ReliabilityReport columns = Evaluator.Evaluate(set, data.Select(_ => 0).ToArray(), data.Select(m => m.At).ToArray(), data.Select(m => m.Value).ToArray(), asOf);

        Assert.Equal(ReportText(records), ReportText(columns));
        var ex = Assert.Throws<CxValidationException>(() => Evaluator.Evaluate(set, [0, 1], [Jan1, Jan1], [1.0, double.NaN], asOf));
        Assert.Equal([CxErrorCodes.MeasurementUnknownSubject], ex.Failures.Select(f => f.ErrorCode));
    }

    [Fact]
    public void Drift_SuddenShiftAfterTheReferenceInterval_PutsTheStandardOnWatch()
    {
        // Reference: January 1-10, hours alternating 20 and 22 (mean 21, sigma 2/1.128). Then 30 hours: far above.
        var reference = new Interval(Jan1, Jan1 + Duration.FromDays(10));
        ReliabilityStandard standard = TestDrive(minimumEvents: 1000, reference: reference);
        List<ReliabilityMeasurement> data = [.. Enumerable.Range(0, 40).Select(i => M("test-drive-48h", Jan1 + Duration.FromHours(6 * i), i % 2 == 0 ? 20 : 22))];
        data.AddRange(Enumerable.Range(0, 5).Select(i => M("test-drive-48h", Jan1 + Duration.FromDays(11) + Duration.FromHours(i), 30)));

        var withRules = new ReliabilityEvaluator(new ReliabilityEvaluationOptions
        {
            EarlyWarning = EarlyWarningPolicy.Default.WithIndividualCharts(IndividualValueCharts.Create(runRules: RunRuleSet.WesternElectric)),
        });
        StandardEvaluation e = withRules.Evaluate(Set(standard), data, Jan1 + Duration.FromDays(12)).Standards[0];

        Assert.Equal(21, e.Baseline!.Value.Mean, 12);
        Assert.Equal(StandardStatus.Watch, e.Status);
        Assert.Contains(e.Reasons, r => r.Kind == StatusReasonKind.Drift && r.Message.StartsWith("drift: ", StringComparison.Ordinal));
        Assert.Contains(e.DriftSignals, s => s.Source == DriftSignalSource.Ewma && s.Direction == DriftDirection.Up);
        Assert.Contains(e.DriftSignals, s => s.Source == DriftSignalSource.WesternElectric && s.Rule == 1);
        Assert.All(e.DriftSignals, s => Assert.True(s.At > reference.End));
        StandardEvaluation before = withRules.Evaluate(Set(standard), data, Jan1 + Duration.FromDays(9)).Standards[0];
        Assert.Contains(before.Reasons, r => r.Kind == StatusReasonKind.DriftUnavailable);
    }

    internal static string CountsText(ReliabilityReport report) => string.Join("\n", report.Standards.Select(s =>
        $"{s.Standard.Id} {s.EventCount} {s.EventsAfterAsOfCount} {s.EventsOutsideWindowsCount} | {string.Join("; ", s.Windows)} | {string.Join("; ", s.Alerts)}"));

    internal static string ReportText(ReliabilityReport report) => string.Join("\n", report.Standards.Select(s =>
        $"{s.Standard.Id} {s.Status} {s.EventCount} {s.EventsAfterAsOfCount} {s.EventsOutsideWindowsCount} | {string.Join("; ", s.Reasons)} | {string.Join("; ", s.Windows)} | {string.Join("; ", s.Alerts)} | {string.Join("; ", s.DriftSignals.Select(d => d + "@" + d.At))}"));
}
