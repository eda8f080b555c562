using Cx.Domain.Reliability;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The multi-window, multi-burn-rate rules of the Google SRE workbook ("Alerting on SLOs", table of recommended
/// parameters for a 30-day window: page 2% of budget in 1 h, factor 14.4, short window 5 min; page 5% in 6 h, factor 6,
/// short window 30 min; ticket 10% in 3 days, factor 1, short window 6 h).</summary>
public sealed class BurnRatePolicyTests
{
    [Fact]
    public void Derive_ThirtyDays_GivesTheWorkbookFactors()
    {
        BurnRatePolicy policy = BurnRatePolicy.Derive(Duration.FromDays(30));

        Assert.Equal([14.4, 6.0, 1.0], policy.Pairs.Select(p => p.Factor));
        Assert.Equal([Duration.FromHours(1), Duration.FromHours(6), Duration.FromDays(3)], policy.Pairs.Select(p => p.LongWindow));
        Assert.Equal([Duration.FromMinutes(5), Duration.FromMinutes(30), Duration.FromHours(6)], policy.Pairs.Select(p => p.ShortWindow));
        Assert.Equal([AlertSeverity.Page, AlertSeverity.Page, AlertSeverity.Ticket], policy.Pairs.Select(p => p.Severity));
        Assert.Equal([0.02, 0.05, 0.10], policy.Pairs.Select(p => p.BudgetShare!.Value));
    }

    [Fact]
    public void Derive_AnyWindow_KeepsFactorsAndScalesWindows()
    {
        BurnRatePolicy policy = BurnRatePolicy.Derive(Duration.FromDays(7));

        Assert.Equal([14.4, 6.0, 1.0], policy.Pairs.Select(p => p.Factor));
        Assert.Equal(Duration.FromDays(7) / 720, policy.Pairs[0].LongWindow);
        Assert.Equal(Duration.FromHours(16.8), policy.Pairs[2].LongWindow);
        Assert.All(policy.Pairs, p => Assert.Equal(p.LongWindow / 12, p.ShortWindow));
    }

    [Fact]
    public void Factor_TimesLongWindow_ConsumesTheBudgetShare()
    {
        // Burning at the factor for the long window spends exactly the budget share of the whole window.
        Duration window = Duration.FromDays(30);
        foreach (BurnRateWindowPair pair in BurnRatePolicy.Derive(window).Pairs)
        {
            Assert.Equal(pair.BudgetShare!.Value, pair.Factor * (pair.LongWindow / window), 12);
        }
    }

    [Fact]
    public void Evaluator_MonthlyStandard_UsesTheThirtyDayRules()
    {
        BurnRatePolicy legacy = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { EarlyWarning = EarlyWarningPolicy.Legacy }).PolicyFor(TestData.ReliabilityData.TestDrive());
        BurnRatePolicy policy = new ReliabilityEvaluator().PolicyFor(TestData.ReliabilityData.TestDrive());

        Assert.Equal([14.4, 6.0, 1.0], legacy.Pairs.Select(p => p.Factor));
        Assert.Equal([14.4, 6.0, 3.0, 1.0], policy.Pairs.Select(p => p.Factor));
        Assert.Equal(Duration.FromHours(1), policy.Pairs[0].LongWindow);
    }

    [Fact]
    public void Derive_ThirtyDaysWithSlothTicket_AddsThreeOverOneDayAndTwoHours()
    {
        // Sloth's default ticket rule for a 30-day SLO: 3x over 1d and 2h (10% of the budget in W/30), between the pages and
        // the workbook's ticket.
        BurnRatePolicy policy = BurnRatePolicy.Derive(Duration.FromDays(30), includeSlothTicket: true);

        Assert.Equal(
            ["page: burn rate > 14.4 over 1h and 5m", "page: burn rate > 6 over 6h and 30m", "ticket: burn rate > 3 over 1d and 2h", "ticket: burn rate > 1 over 3d and 6h"],
            policy.Pairs.Select(p => p.ToString()));
        Assert.Equal(0.10, policy.Pairs[2].BudgetShare!.Value, 12);

        // Scaled like the others: a weekly standard gets 3x over 5h36m and 28m.
        BurnRateWindowPair weekly = BurnRatePolicy.Derive(Duration.FromDays(7), includeSlothTicket: true).Pairs[2];
        Assert.Equal((Duration.FromMinutes(336), Duration.FromMinutes(28), 3.0), (weekly.LongWindow, weekly.ShortWindow, weekly.Factor));
    }

    [Fact]
    public void Create_ShortWindowNotShorter_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateWindowPair.Create(Duration.FromHours(1), Duration.FromHours(1), 14.4, AlertSeverity.Page));
        Assert.Contains("short window < long window", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateWindowPair.Create(Duration.FromHours(1), Duration.FromMinutes(5), double.NaN, AlertSeverity.Page));
        Assert.Throws<ArgumentOutOfRangeException>(() => BurnRateWindowPair.Create(Duration.FromHours(1), Duration.FromMinutes(5), 2, AlertSeverity.None));
    }

    [Fact]
    public void Create_NoPairs_ThrowsCX0515()
    {
        var ex = Assert.Throws<CxValidationException>(() => BurnRatePolicy.Create([]));
        Assert.Equal(CxErrorCodes.BurnRatePolicyInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    [Fact]
    public void Evaluate_RuleLongerThanTheStandardWindow_ThrowsCX0515()
    {
        ReliabilityStandard daily = TestData.ReliabilityData.TestDrive(EvaluationWindow.Rolling(Duration.FromDays(1)));
        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions
        {
            EarlyWarning = EarlyWarningPolicy.Default.WithBurnRate(BurnRateRules.Create(BurnRatePolicy.Derive(Duration.FromDays(30)))),
        });

        var ex = Assert.Throws<CxValidationException>(() => evaluator.Evaluate(TestData.ReliabilityData.Set(daily), TestData.ReliabilityData.Hourly(TestData.ReliabilityData.Jan1, true), TestData.ReliabilityData.Jan1));

        Assert.Equal(CxErrorCodes.BurnRatePolicyInvalid, Assert.Single(ex.Failures).ErrorCode);
        Assert.Contains("3d", ex.Failures[0].Message, StringComparison.Ordinal);
    }
}
