using Cx.Domain.Reliability;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

public sealed class BacktestTests
{
    [Fact]
    public void Backtest_ProcessThatBreaks_WarnsBeforeTheBreachAndReportsTheLeadTime()
    {
        // A rolling 30-day standard, 95%, gate 100 events; 4 events an hour. All good for 20 days, then from day 20 every
        // event is bad. The 1 h page rule never has the 10 events its evidence gate needs (4 an hour); the 6 h page rule fires
        // at 01:45 on day 21, when 8 of the 24 events of its 6 h window are bad (burn (8/24)/0.05 = 6.67 > 6) and its 30 min
        // window burns 20. The 30-day window breaches only once more than 5% of its events are bad, which takes a day,
        // because it still holds 20 good days.
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), minimumEvents: 100);
        var events = new List<ReliabilityMeasurement>();
        for (int q = 0; q < 4 * 24 * 25; q++)
        {
            Instant at = Jan1 + Duration.FromMinutes(15 * q);
            events.Add(M("test-drive-48h", at, at < Jan1 + Duration.FromDays(20) ? 24 : 72));
        }

        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromMinutes(15) });
        StandardBacktest backtest = evaluator.Backtest(Set(standard), events).Standards[0];

        BacktestBreach breach = Assert.Single(backtest.Breaches);
        BacktestWarning first = backtest.Warnings[0];
        Assert.True(first.At > Jan1 + Duration.FromDays(20) && first.At == Jan1 + Duration.FromDays(20) + Duration.FromMinutes(105), first.ToString());
        Assert.StartsWith("page: burn rate 6.67 over 6h (n=24, bad 8) and 20 over 30m (n=2, bad 2) exceed 6", first.Reason, StringComparison.Ordinal);
        Assert.Equal(first.At, breach.FirstWarningAt);
        Assert.True(breach.LeadTime > Duration.FromHours(12), breach.ToString());
        Assert.Equal(breach.LeadTime, backtest.MedianLeadTime);
        Assert.Equal((1, 0, 0), (backtest.WarnedBreachCount, backtest.MissedBreachCount, backtest.FalseWarningCount));

        // The breach instant agrees with the as-of evaluation, and the instant before it was not breached.
        Assert.Equal(StandardStatus.Breached, evaluator.Evaluate(Set(standard), events, breach.At).Standards[0].Status);
        Assert.NotEqual(StandardStatus.Breached, evaluator.Evaluate(Set(standard), events, breach.At - Duration.FromMinutes(15)).Standards[0].Status);
    }

    [Fact]
    public void Backtest_SteadyProcess_HasNoBreachAndNoWarning()
    {
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), minimumEvents: 100);
        List<ReliabilityMeasurement> events = [.. Enumerable.Range(0, 24 * 40).Select(h => M("test-drive-48h", Jan1 + Duration.FromHours(h), h % 50 == 0 ? 72 : 24))];

        ReliabilityBacktest backtest = new ReliabilityEvaluator().Backtest(Set(standard), events);

        Assert.Equal((0, 0), (backtest.BreachCount, backtest.FalseWarningCount));
        Assert.Empty(backtest.Standards[0].Warnings);
    }
}
