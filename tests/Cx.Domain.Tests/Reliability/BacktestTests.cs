using Cx.Domain.Reliability;
using NodaTime;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

public sealed class BacktestTests
{
    /// <summary>A rolling 30-day standard, 95%, gate 100 events; 4 events an hour. All good for 20 days, then from day 20
    /// every event is bad.</summary>
    private static List<ReliabilityMeasurement> Breaking()
    {
        var events = new List<ReliabilityMeasurement>();
        for (int q = 0; q < 4 * 24 * 25; q++)
        {
            Instant at = Jan1 + Duration.FromMinutes(15 * q);
            events.Add(M("test-drive-48h", at, at < Jan1 + Duration.FromDays(20) ? 24 : 72));
        }

        return events;
    }

    [Fact]
    public void Backtest_ProcessThatBreaks_OpensOneTrueEpisodeBeforeTheBreach()
    {
        // The Bernoulli CUSUM (p0 5%, p1 20%; ANSS0 of two windows of about 2,880 events) climbs 0.89 a bad event from the
        // break on and reaches its decision interval within the hour; the 30-day window breaches only once more than 5% of
        // its events are bad, which takes a day, because it still holds 20 good days.
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), minimumEvents: 100);
        List<ReliabilityMeasurement> events = Breaking();
        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromMinutes(15) });

        StandardBacktest backtest = evaluator.Backtest(Set(standard), events).Standards[0];

        BacktestBreach breach = Assert.Single(backtest.Breaches);
        WarningEpisode episode = Assert.Single(backtest.Episodes);
        Instant broke = Jan1 + Duration.FromDays(20);
        Assert.InRange(episode.OpenedAt, broke, broke + Duration.FromHours(2));
        Assert.Equal(WarningDetectorKind.BernoulliCusum, episode.Escalations[0].DetectorKind);
        Assert.StartsWith("Bernoulli CUSUM ", episode.Escalations[0].Description, StringComparison.Ordinal);
        Assert.Equal(AlertSeverity.Page, episode.PeakSeverity);
        Assert.Contains(episode.Escalations, e => e.Kind == EpisodeEscalationKind.SeverityRaised && e.Severity == AlertSeverity.Page);
        Assert.Equal((EpisodeVerdict.True, breach.At), (episode.Verdict, episode.BreachAt));
        Assert.Equal(episode.OpenedAt, breach.FirstWarningAt);
        Assert.True(breach.LeadTime > Duration.FromHours(12), breach.ToString());
        Assert.True(episode.IsOpen);
        Assert.Equal((1, 1, 1, 1, 0.0), (backtest.Scorecard.BreachCount, backtest.Scorecard.WarnedBreachCount, backtest.Scorecard.EpisodeCount, backtest.Scorecard.TrueEpisodeCount, backtest.Scorecard.FalseEpisodesPer90Days));
        Assert.Equal(backtest.To - episode.OpenedAt, backtest.Scorecard.TimeInWarning);

        // The breach instant agrees with the as-of evaluation, and the instant before it was on watch in the same episode.
        Assert.Equal(StandardStatus.Breached, evaluator.Evaluate(Set(standard), events, breach.At).Standards[0].Status);
        StandardEvaluation before = evaluator.Evaluate(Set(standard), events, breach.At - Duration.FromMinutes(15)).Standards[0];
        Assert.Equal(StandardStatus.Watch, before.Status);
        Assert.Equal(episode.OpenedAt, before.OpenEpisode!.OpenedAt);
        Assert.Contains(before.Reasons, r => r.Kind == StatusReasonKind.Episode && r.Message.StartsWith("warning episode open since ", StringComparison.Ordinal));
    }

    [Fact]
    public void Backtest_LegacyPolicy_PagesOnTheSixHourRuleAsBefore()
    {
        // The policy before episodes: the 1 h page rule never has the 10 events its gate needs (4 an hour); the 6 h page rule
        // fires at 01:45 on day 21, when 8 of the 24 events of its 6 h window are bad (burn (8/24)/0.05 = 6.67 > 6) and its
        // 30 min window burns 20.
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), minimumEvents: 100);
        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromMinutes(15), EarlyWarning = EarlyWarningPolicy.Legacy });

        StandardBacktest backtest = evaluator.Backtest(Set(standard), Breaking()).Standards[0];

        WarningEpisode episode = Assert.Single(backtest.Episodes);
        Assert.Equal(Jan1 + Duration.FromDays(20) + Duration.FromMinutes(105), episode.OpenedAt);
        Assert.StartsWith("page: burn rate 6.67 over 6h (n=24, bad 8) and 20 over 30m (n=2, bad 2) exceed 6", episode.Escalations[0].Description, StringComparison.Ordinal);
        Assert.Equal(episode.OpenedAt, Assert.Single(backtest.Breaches).FirstWarningAt);
    }

    [Fact]
    public void Backtest_SteadyProcess_HasNoBreachAndNoEpisode()
    {
        ReliabilityStandard standard = TestDrive(EvaluationWindow.Rolling(Duration.FromDays(30)), minimumEvents: 100);
        List<ReliabilityMeasurement> events = [.. Enumerable.Range(0, 24 * 40).Select(h => M("test-drive-48h", Jan1 + Duration.FromHours(h), h % 50 == 0 ? 72 : 24))];

        ReliabilityBacktest backtest = new ReliabilityEvaluator().Backtest(Set(standard), events);

        Assert.Equal((0, 0), (backtest.BreachCount, backtest.EpisodeCount));
        Assert.Null(backtest.Scorecard.Recall);
        Assert.Null(backtest.Scorecard.Precision);
        Assert.Equal(0, backtest.Scorecard.FalseEpisodesPer90Days);
    }
}
