using Cx.Domain.Listening;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Listening;

/// <summary>The worked example of docs/concepts/listening.md, every figure computed by hand.</summary>
public sealed class ListeningExampleTests
{
    private static readonly ListeningReport Report = ListeningExample.Report();

    private static ListeningPeriod Month(int m) => Report.Periods[m - 1];

    [Fact]
    public void Tagging_OfTheExample_FollowsTheTaxonomy()
    {
        TaggedFeedback tagged = new TopicTagger(ListeningExample.Taxonomy).TagAll(ListeningExample.Signals());

        Assert.Equal(["wait"], tagged.Signals[0].Topics);               // "Waited" matches wait*
        Assert.Equal(["price"], tagged.Signals[1].Topics);              // "EXPENSIVE", any case
        Assert.Equal(["staff"], tagged.Signals[2].Topics);              // "friendly"
        Assert.Equal(["price", "wait"], tagged.Signals[5].Topics);      // "délay" without its accent; taxonomy order
        Assert.Empty(tagged.Signals[6].Topics);                         // "hello": untagged, kept
        Assert.Equal(["staff"], tagged.Signals[10].Topics);             // the phrase "rude staff"
        Assert.Equal(7, tagged.TaggedCount);                                 // the two "too slow" outside the grid are tagged too
        Assert.Equal(1, tagged.UnmatchedCount);
        Assert.Equal(6, tagged.NoTextCount);
        Assert.Equal(0, tagged.ArrivedTaggedCount);
    }

    [Fact]
    public void Totals_OfTheExample_CountOutsideTheGridSeparately()
    {
        Assert.Equal(12, Report.SignalCount);
        Assert.Equal(1, Report.BeforeGridCount);
        Assert.Equal(1, Report.AfterGridCount);
        Assert.Equal([5L, 5L, 2L], Report.Periods.Select(p => p.SignalCount));
    }

    [Fact]
    public void January_ByKindSourceStageTouchpointAndTopic_IsAsCountedByHand()
    {
        ListeningPeriod jan = Month(1);

        Assert.Equal([1L, 2L, 2L], jan.Kinds.Select(k => k.Count));                      // unaided, complaint, survey
        Assert.Equal([1L, 1L, 0L, 1L, 0L, 0L, 2L, 0L], jan.Sources.Select(s => s.Count)); // call center, web, store, email, chat, social, survey, other
        Assert.Equal([1L, 3L, 1L, 0L], jan.Stages.Select(s => s.SignalCount));           // research, purchase (email via the price hint, two surveys), service, none
        Assert.Equal(0.6, jan.Stages[1].ShareOfVoice, 12);
        Assert.Equal(1, jan.Touchpoints.Single(t => t.Key == "repair").Count);
        Assert.Equal(4, jan.Touchpoints[^1].Count);
        Assert.Equal([1L, 1L, 1L, 2L], jan.Topics.Select(t => t.Count));                 // price, wait, staff, untagged
    }

    [Fact]
    public void February_ATwoTopicComplaint_CountsUnderBothTopicsOnce()
    {
        ListeningPeriod feb = Month(2);

        Assert.Equal([1L, 1L, 0L, 4L], feb.Topics.Select(t => t.Count));
        Assert.Equal(6, feb.Topics.Sum(t => t.Count));
        Assert.Equal(4, feb.UntaggedCount);
        Assert.Equal(1, feb.NoStageCount);
        Assert.Equal([0L, 2L, 2L, 1L], feb.Stages.Select(s => s.SignalCount));
    }

    [Fact]
    public void ComplaintRates_PerThousandActive_UseTheAssetEngine()
    {
        Assert.Equal([4L, 5L, 8L], Report.Periods.Select(p => p.ActiveCustomerCount!.Value));
        Assert.Equal(500, Month(1).ComplaintsPerThousandActive!.Value, 12);   // 2 complaints / 4 active
        Assert.Equal(250, Month(1).Stages[1].ComplaintsPerThousandActive!.Value, 12); // purchase: 1 / 4
        Assert.Equal(200, Month(2).ComplaintsPerThousandActive!.Value, 12);   // 1 / 5
        Assert.Equal(125, Month(3).ComplaintsPerThousandActive!.Value, 12);   // 1 / 8
        Assert.True(Report.HasActiveCustomers);
    }

    [Fact]
    public void Sentiment_PerStage_IsTheMeanOfTheScoredSignals()
    {
        ListeningPeriod jan = Month(1);

        Assert.Equal(0.9, jan.Stages[0].MeanSentiment!.Value, 12);
        Assert.Equal(-0.5, jan.Stages[1].MeanSentiment!.Value, 12);
        Assert.Equal(-0.8, jan.Stages[2].MeanSentiment!.Value, 12);
        Assert.Null(Month(2).Stages[0].MeanSentiment);
    }

    [Fact]
    public void Surveys_OfTheExample_HaveTheirCountsAndEstimates()
    {
        NpsMetric nps = Report.Surveys.OfType<NpsMetric>().Single(m => m.StageId == "purchase");
        CsatMetric csat = Report.Surveys.OfType<CsatMetric>().Single(m => m.StageId == "service");
        CesMetric[] ces = [.. Report.Surveys.OfType<CesMetric>().Where(m => m.StageId == "purchase")];

        Assert.Equal((1, 0, 1), (nps.PromoterCount, nps.PassiveCount, nps.DetractorCount));
        Assert.Equal(0, nps.Estimate);
        Assert.False(nps.HasEnoughResponses);
        Assert.Equal(50, csat.Estimate, 12);
        Assert.Equal([6.0, 2.0], ces.Select(c => c.Estimate));
        Assert.Equal([1.0, 1.0], ces.Select(c => c.Lower));   // one response: the whole scale
        Assert.Empty(Report.Changes);                            // no stage has two responses in consecutive months
        Assert.Equal(Report.Surveys.Count(m => m.StageId is null), Report.Surveys.Count(m => m.StageId is not null));
    }

    [Fact]
    public void Spikes_OnThreeMonths_AreNotJudged()
    {
        Assert.Empty(Report.SpikeChecks);
        Assert.Empty(Report.Confirmations);
    }
}
