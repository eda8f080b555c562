using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Domain.Tests.Reliability;

public sealed class WarningScorecardTests
{
    [Fact]
    public void Scorecard_HandExample_NearestRankPercentilesAndRates()
    {
        // Four warned breaches with leads of 1, 2, 3 and 4 days: the median is the 2nd (lower middle), the 10th percentile the
        // 1st; 3 of 5 episodes true, so 2 false over 180 days of one standard: 1 per 90 days.
        var card = new WarningScorecard(
            "s", 1, Duration.FromDays(180), 5, 4, 5, 3, [Duration.FromDays(3), Duration.FromDays(1), Duration.FromDays(4), Duration.FromDays(2)], Duration.FromDays(18));

        Assert.Equal((Duration.FromDays(2), Duration.FromDays(1), Duration.FromDays(1)), (card.MedianLeadTime!.Value, card.TenthPercentileLeadTime!.Value, card.MinimumLeadTime!.Value));
        Assert.Equal((0.8, 0.6, 2, 1), (card.Recall!.Value, card.Precision!.Value, card.FalseEpisodeCount, card.MissedBreachCount));
        Assert.Equal(1.0, card.FalseEpisodesPer90Days, 12);
        Assert.Equal(0.1, card.TimeInWarningShare, 12);
        Assert.Equal("s: 5 breaches, 4 warned (80%); 5 episodes, 3 true (60%); median lead 2d; 1 false per 90 days", card.ToString());
    }

    [Fact]
    public void Scorecard_Overall_IsTheSumOfTheStandardsAndPoolsTheirLeadTimes()
    {
        SampleCompany company = SampleCompany.Generate();
        ReliabilityBacktest b = new ReliabilityEvaluator().Backtest(company.ReliabilityStandards, company.ReliabilityMeasurements, policy: EarlyWarningPolicy.Legacy);

        WarningScorecard all = b.Scorecard;
        Assert.Null(all.StandardId);
        Assert.Equal(6, all.StandardCount);
        Assert.Equal(b.Standards.Sum(s => s.Scorecard.BreachCount), all.BreachCount);
        Assert.Equal(b.Standards.Sum(s => s.Scorecard.WarnedBreachCount), all.WarnedBreachCount);
        Assert.Equal(b.Standards.Sum(s => s.Scorecard.EpisodeCount), all.EpisodeCount);
        Assert.Equal(b.Standards.Sum(s => s.Scorecard.TrueEpisodeCount), all.TrueEpisodeCount);
        Assert.Equal(b.Standards.Aggregate(Duration.Zero, (d, s) => d + s.Scorecard.TimeInWarning), all.TimeInWarning);
        Duration[] leads = [.. b.Standards.SelectMany(s => s.Breaches).Where(x => x.LeadTime is not null).Select(x => x.LeadTime!.Value).Order()];
        Assert.Equal(leads[0], all.MinimumLeadTime);
        Assert.Equal(leads[(int)Math.Ceiling(leads.Length / 2.0) - 1], all.MedianLeadTime);
        Assert.Equal(all.FalseEpisodeCount * 90 / all.Span.TotalDays, all.FalseEpisodesPer90Days, 12);
    }
}
