using System.Runtime.CompilerServices;

namespace Cx.Domain.Listening;

/// <summary>The additive state of the listening path: every count the report is built from, in flat arrays indexed by
/// period and stage, touchpoint or topic. Two counts over disjoint signals add up to the counts of the union.</summary>
/// <remarks>Sentiment is kept in thousandths (whole numbers) so that sums are exact and order-independent.</remarks>
internal sealed class ListeningCounts
{
    public const int KindCount = 3;
    public const int SourceCount = 8;
    public const int NpsPoints = 11;
    public const int CesPoints = 7;

    public ListeningCounts(ListeningLayout layout)
    {
        Layout = layout;
        int p = layout.PeriodCount;
        int s = layout.StageSlots;
        int k = layout.TopicSlots;
        Total = new long[p];
        Kind = new long[p * KindCount];
        Source = new long[p * SourceCount];
        Stage = new long[p * s];
        Touchpoint = new long[p * layout.TouchpointSlots];
        Topic = new long[p * k];
        Complaints = new long[p * s];
        SpikeSeries = new long[p * s * k * 2];
        StageSentimentSum = new long[p * s];
        StageSentimentCount = new long[p * s];
        TopicSentimentSum = new long[p * k];
        TopicSentimentCount = new long[p * k];
        Nps = new long[p * s * NpsPoints];
        Ces = new long[p * s * CesPoints];
        Csat = new long[p * s * 2];
    }

    public ListeningLayout Layout { get; }

    public long BeforeGrid { get; set; }


    public long AfterGrid { get; set; }

    public long[] Total { get; }

    /// <summary>[period, kind - 1].</summary>
    public long[] Kind { get; }

    /// <summary>[period, source - 1].</summary>
    public long[] Source { get; }

    /// <summary>[period, stage slot].</summary>
    public long[] Stage { get; }

    /// <summary>[period, touchpoint slot].</summary>
    public long[] Touchpoint { get; }

    /// <summary>[period, topic slot]: topic mentions; an untagged signal counts once in the last slot.</summary>
    public long[] Topic { get; }

    /// <summary>[period, stage slot]: complaints.</summary>
    public long[] Complaints { get; }

    /// <summary>[period, stage slot, topic slot, 0 complaints / 1 unaided]: the spike series.</summary>
    public long[] SpikeSeries { get; }

    public long[] StageSentimentSum { get; }

    public long[] StageSentimentCount { get; }

    public long[] TopicSentimentSum { get; }

    public long[] TopicSentimentCount { get; }

    /// <summary>[period, stage slot, score 0..10].</summary>
    public long[] Nps { get; }

    /// <summary>[period, stage slot, score - 1].</summary>
    public long[] Ces { get; }

    /// <summary>[period, stage slot, 0 responses / 1 satisfied (top two boxes)].</summary>
    public long[] Csat { get; }

    /// <summary>The sentiment in thousandths, as counted.</summary>
    public static int Milli(double sentiment) => (int)Math.Round(sentiment * 1000);

    /// <summary>Counts one signal in a period of the grid. <paramref name="stage"/> and <paramref name="touchpoint"/> are
    /// slots (the last slot for none); <paramref name="score"/> is the NPS score, the CES score, or for CSAT 1 when in the
    /// top two boxes; <paramref name="sentimentMilli"/> is <see cref="int.MinValue"/> for none.</summary>
    /// <remarks>Unchecked: a count cannot reach 2^63 in any input that fits in memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int period, int source, int kind, int stage, int touchpoint, ReadOnlySpan<int> topics, int instrument, int score, int sentimentMilli)
    {
        unchecked
        {
            ListeningLayout layout = Layout;
            int stages = layout.StageSlots;
            int topicSlots = layout.TopicSlots;
            int ps = (period * stages) + stage;
            Total[period]++;
            Kind[(period * KindCount) + kind - 1]++;
            Source[(period * SourceCount) + source - 1]++;
            Stage[ps]++;
            Touchpoint[(period * layout.TouchpointSlots) + touchpoint]++;
            bool sentiment = sentimentMilli != int.MinValue;
            if (sentiment)
            {
                StageSentimentSum[ps] += sentimentMilli;
                StageSentimentCount[ps]++;
            }

            int series = kind == (int)FeedbackKind.Complaint ? 0 : kind == (int)FeedbackKind.Unaided ? 1 : -1;
            if (series == 0)
            {
                Complaints[ps]++;
            }

            if (topics.IsEmpty)
            {
                CountTopic(period, ps, topicSlots - 1, series, sentiment, sentimentMilli);
            }
            else
            {
                foreach (int t in topics)
                {
                    CountTopic(period, ps, t, series, sentiment, sentimentMilli);
                }
            }

            switch (instrument)
            {
                case (int)SurveyInstrument.Nps:
                    Nps[(ps * NpsPoints) + score]++;
                    break;
                case (int)SurveyInstrument.Ces:
                    Ces[(ps * CesPoints) + score - 1]++;
                    break;
                case (int)SurveyInstrument.Csat:
                    Csat[ps * 2]++;
                    Csat[(ps * 2) + 1] += score;
                    break;
                default:
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountTopic(int period, int ps, int topic, int series, bool sentiment, int sentimentMilli)
    {
        unchecked
        {
            int topicSlots = Layout.TopicSlots;
            int pt = (period * topicSlots) + topic;
            Topic[pt]++;
            if (sentiment)
            {
                TopicSentimentSum[pt] += sentimentMilli;
                TopicSentimentCount[pt]++;
            }

            if (series >= 0)
            {
                SpikeSeries[(((ps * topicSlots) + topic) * 2) + series]++;
            }
        }
    }

    /// <summary>Adds another count of the same layout into this one.</summary>
    public void AddFrom(ListeningCounts other)
    {
        BeforeGrid = checked(BeforeGrid + other.BeforeGrid);
        AfterGrid = checked(AfterGrid + other.AfterGrid);
        AddArray(Total, other.Total);
        AddArray(Kind, other.Kind);
        AddArray(Source, other.Source);
        AddArray(Stage, other.Stage);
        AddArray(Touchpoint, other.Touchpoint);
        AddArray(Topic, other.Topic);
        AddArray(Complaints, other.Complaints);
        AddArray(SpikeSeries, other.SpikeSeries);
        AddArray(StageSentimentSum, other.StageSentimentSum);
        AddArray(StageSentimentCount, other.StageSentimentCount);
        AddArray(TopicSentimentSum, other.TopicSentimentSum);
        AddArray(TopicSentimentCount, other.TopicSentimentCount);
        AddArray(Nps, other.Nps);
        AddArray(Ces, other.Ces);
        AddArray(Csat, other.Csat);
    }

    /// <summary>Copies these counts onto a layout with more topics (the same grid, journey and zone), each topic at its
    /// position in the new taxonomy.</summary>
    public ListeningCounts Remap(ListeningLayout layout)
    {
        var to = new ListeningCounts(layout) { BeforeGrid = BeforeGrid, AfterGrid = AfterGrid };
        int oldTopics = Layout.TopicSlots;
        int newTopics = layout.TopicSlots;
        var map = new int[oldTopics];
        for (int t = 0; t < oldTopics - 1; t++)
        {
            map[t] = layout.Topics.IndexOf(Layout.Topics.Topics[t].Id);
        }

        map[oldTopics - 1] = newTopics - 1;
        Array.Copy(Total, to.Total, Total.Length);
        Array.Copy(Kind, to.Kind, Kind.Length);
        Array.Copy(Source, to.Source, Source.Length);
        Array.Copy(Stage, to.Stage, Stage.Length);
        Array.Copy(Touchpoint, to.Touchpoint, Touchpoint.Length);
        Array.Copy(Complaints, to.Complaints, Complaints.Length);
        Array.Copy(StageSentimentSum, to.StageSentimentSum, StageSentimentSum.Length);
        Array.Copy(StageSentimentCount, to.StageSentimentCount, StageSentimentCount.Length);
        Array.Copy(Nps, to.Nps, Nps.Length);
        Array.Copy(Ces, to.Ces, Ces.Length);
        Array.Copy(Csat, to.Csat, Csat.Length);
        int stages = Layout.StageSlots;
        for (int p = 0; p < Layout.PeriodCount; p++)
        {
            for (int t = 0; t < oldTopics; t++)
            {
                int from = (p * oldTopics) + t;
                int into = (p * newTopics) + map[t];
                to.Topic[into] = Topic[from];
                to.TopicSentimentSum[into] = TopicSentimentSum[from];
                to.TopicSentimentCount[into] = TopicSentimentCount[from];
                for (int s = 0; s < stages; s++)
                {
                    int ps = (p * stages) + s;
                    for (int k = 0; k < 2; k++)
                    {
                        to.SpikeSeries[(((ps * newTopics) + map[t]) * 2) + k] = SpikeSeries[(((ps * oldTopics) + t) * 2) + k];
                    }
                }
            }
        }

        return to;
    }

    private static void AddArray(long[] into, long[] from)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = checked(into[i] + from[i]);
        }
    }
}
