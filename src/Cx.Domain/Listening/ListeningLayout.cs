using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Listening;

/// <summary>The dimensions of the listening counts — periods (with the instants where they start in the business zone),
/// stages, touchpoints, topics — and the O(1) lookup of an instant's period.</summary>
internal sealed class ListeningLayout
{
    private const long TicksPerDay = 864_000_000_000L;

    private readonly long[] _boundaries;
    private readonly int[] _periodOfDay;
    private readonly long _firstDay;

    public ListeningLayout(PeriodGrid grid, JourneyFramework journey, TopicTaxonomy topics, DateTimeZone zone)
    {
        Grid = grid;
        Journey = journey;
        Topics = topics;
        Zone = zone;
        PeriodCount = grid.Count;
        StageSlots = journey.Stages.Count + 1;
        TouchpointSlots = journey.Touchpoints.Count + 1;
        TopicSlots = topics.Count + 1;

        // The cells of a period's row of counts: first those that do not depend on the taxonomy, then the topics'.
        KindAt = 1;
        SourceAt = KindAt + ListeningCounts.KindCount;
        StageAt = SourceAt + ListeningCounts.SourceCount;
        TouchpointAt = StageAt + StageSlots;
        ComplaintsAt = TouchpointAt + TouchpointSlots;
        StageSentimentSumAt = ComplaintsAt + StageSlots;
        StageSentimentCountAt = StageSentimentSumAt + StageSlots;
        NpsAt = StageSentimentCountAt + StageSlots;
        CesAt = NpsAt + (StageSlots * ListeningCounts.NpsPoints);
        CsatAt = CesAt + (StageSlots * ListeningCounts.CesPoints);
        TopicAt = CsatAt + (StageSlots * 2);
        TopicSentimentSumAt = TopicAt + TopicSlots;
        TopicSentimentCountAt = TopicSentimentSumAt + TopicSlots;
        SpikeAt = TopicSentimentCountAt + TopicSlots;
        RowWidth = checked(SpikeAt + (StageSlots * TopicSlots * 2));

        _boundaries = new long[grid.Count + 1];
        for (int p = 0; p < grid.Count; p++)
        {
            _boundaries[p] = grid[p].Start.AtStartOfDayInZone(zone).ToInstant().ToUnixTimeTicks();
        }

        _boundaries[grid.Count] = grid.End.PlusDays(1).AtStartOfDayInZone(zone).ToInstant().ToUnixTimeTicks();

        // For each UTC day from the first boundary's to the last's: the period that holds the day's first instant (or -1
        // before the grid). An instant later in the day is in that period or a later one: at most a step or two forward.
        _firstDay = Math.DivRem(_boundaries[0], TicksPerDay, out long rem) - (rem < 0 ? 1 : 0);
        long lastDay = FloorDay(_boundaries[grid.Count]);
        _periodOfDay = new int[checked((int)(lastDay - _firstDay + 1))];
        int period = -1;
        for (long d = _firstDay; d <= lastDay; d++)
        {
            long start = d * TicksPerDay;
            while (period + 1 <= grid.Count && _boundaries[period + 1] <= start)
            {
                period++;
            }

            _periodOfDay[d - _firstDay] = period;
        }

        TouchpointStage = journey.Touchpoints.Select(t => journey.IndexOfStage(t.StageId)).ToArray();
        TopicStageHint = topics.Topics.Select(t => t.StageHints.Select(journey.IndexOfStage).FirstOrDefault(i => i >= 0, -1)).ToArray();
    }

    public PeriodGrid Grid { get; }

    public JourneyFramework Journey { get; }

    public TopicTaxonomy Topics { get; }

    public DateTimeZone Zone { get; }

    public int PeriodCount { get; }

    /// <summary>Stages plus one slot (the last) for "no stage".</summary>
    public int StageSlots { get; }

    /// <summary>Touchpoints plus one slot (the last) for "no touchpoint".</summary>
    public int TouchpointSlots { get; }

    /// <summary>Topics plus one slot (the last) for "untagged".</summary>
    public int TopicSlots { get; }

    /// <summary>Gets the number of cells in a period's row of counts. Cell 0 is the period's signal count; the blocks that
    /// follow start at the offsets below.</summary>
    public int RowWidth { get; }

    /// <summary>[kind - 1].</summary>
    public int KindAt { get; }

    /// <summary>[source - 1].</summary>
    public int SourceAt { get; }

    /// <summary>[stage slot]: signals.</summary>
    public int StageAt { get; }

    /// <summary>[touchpoint slot]: signals.</summary>
    public int TouchpointAt { get; }

    /// <summary>[stage slot]: complaints.</summary>
    public int ComplaintsAt { get; }

    /// <summary>[stage slot]: the sum of the sentiments in thousandths.</summary>
    public int StageSentimentSumAt { get; }

    /// <summary>[stage slot]: the signals with a sentiment.</summary>
    public int StageSentimentCountAt { get; }

    /// <summary>[stage slot, score 0..10].</summary>
    public int NpsAt { get; }

    /// <summary>[stage slot, score - 1].</summary>
    public int CesAt { get; }

    /// <summary>[stage slot, 0 responses / 1 satisfied (top two boxes)].</summary>
    public int CsatAt { get; }

    /// <summary>[topic slot]: topic mentions; an untagged signal counts once in the last slot. The cells before this one
    /// do not depend on the taxonomy.</summary>
    public int TopicAt { get; }

    /// <summary>[topic slot]: the sum of the sentiments in thousandths.</summary>
    public int TopicSentimentSumAt { get; }

    /// <summary>[topic slot]: the mentions with a sentiment.</summary>
    public int TopicSentimentCountAt { get; }

    /// <summary>[stage slot, topic slot, 0 complaints / 1 unaided]: the spike series.</summary>
    public int SpikeAt { get; }

    /// <summary>For each touchpoint, the index of its stage.</summary>
    public int[] TouchpointStage { get; }

    /// <summary>For each topic, the index of its first stage hint that is a stage of the journey, or -1.</summary>
    public int[] TopicStageHint { get; }

    /// <summary>The instant where a period starts (index <see cref="PeriodCount"/>: where the grid ends), in Unix ticks.</summary>
    public long Boundary(int period) => _boundaries[period];

    /// <summary>The period of an instant: 0 to <see cref="PeriodCount"/> - 1, -1 before the grid, <see cref="PeriodCount"/> after.</summary>
    public int PeriodOf(long unixTicks)
    {
        long[] b = _boundaries;
        if (unixTicks < b[0])
        {
            return -1;
        }

        if (unixTicks >= b[^1])
        {
            return PeriodCount;
        }

        int p = _periodOfDay[FloorDay(unixTicks) - _firstDay];
        while (unixTicks >= b[p + 1])
        {
            p++;
        }

        return p;
    }

    /// <summary>Whether two journeys have the same stages and touchpoints (ids, in order, touchpoints in the same stages).</summary>
    public static bool SameJourney(JourneyFramework a, JourneyFramework b) =>
        ReferenceEquals(a, b)
        || (a.Stages.Select(x => x.Id).SequenceEqual(b.Stages.Select(x => x.Id), StringComparer.Ordinal)
            && a.Touchpoints.Select(t => t.Id + "\u001f" + t.StageId).SequenceEqual(b.Touchpoints.Select(t => t.Id + "\u001f" + t.StageId), StringComparer.Ordinal));

    /// <summary>Whether two taxonomies have the same topic ids and stage hints, in order.</summary>
    public static bool SameTopics(TopicTaxonomy a, TopicTaxonomy b) =>
        ReferenceEquals(a, b)
        || (a.Count == b.Count
            && a.Topics.Select(t => t.Id + "\u001f" + string.Join('\u001f', t.StageHints)).SequenceEqual(b.Topics.Select(t => t.Id + "\u001f" + string.Join('\u001f', t.StageHints)), StringComparer.Ordinal));

    private static long FloorDay(long ticks)
    {
        long q = Math.DivRem(ticks, TicksPerDay, out long r);
        return r < 0 ? q - 1 : q;
    }
}
