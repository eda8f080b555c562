using Cx.Domain.Journey;

namespace Cx.Domain.Listening;

/// <summary>Feedback in columns — instants, sources, kinds, stage, touchpoint and topic indexes, survey scores, sentiments
/// as parallel arrays — the fast path of <see cref="ListeningCalculator"/>, which never hashes an id or allocates per
/// signal.</summary>
/// <remarks>
/// <para>Signal <c>i</c> is given at <see cref="NodaTime.Instant.FromUnixTimeTicks"/> of <c>UnixTicks[i]</c>, through
/// <c>Sources[i]</c>, of kind <c>Kinds[i]</c>, about stage <c>Journey.Stages[StageIndexes[i]]</c> (or none when -1) and
/// touchpoint <c>Journey.Touchpoints[TouchpointIndexes[i]]</c> (or none when -1), with the topics
/// <c>Taxonomy.Topics[TopicIndexes[j]]</c> for <c>j</c> from <c>TopicStarts[i]</c> to <c>TopicStarts[i + 1] - 1</c>
/// (compressed rows; none is untagged). Its survey answer is <c>Instruments[i]</c> and <c>Scores[i]</c> (CSAT on the one
/// scale <see cref="CsatScaleMin"/>–<see cref="CsatScaleMax"/>), its sentiment <c>Sentiments[i]</c> (NaN for none).
/// Empty optional columns mean: no topics, no survey answers, no sentiments. The result is exactly that of the object path
/// on the same signals as <see cref="FeedbackSignal"/> records.</para>
/// <para>The columns are not copied: do not change them until the calculation returns. Rows may come in any order.</para>
/// </remarks>
public sealed class FeedbackColumns
{
    /// <summary>Initializes the columns, checking that they have one length.</summary>
    /// <param name="journey">The journey framework the stage and touchpoint indexes point into.</param>
    /// <param name="taxonomy">The taxonomy the topic indexes point into.</param>
    /// <param name="unixTicks">Each signal's instant, in ticks (100 ns) since the Unix epoch.</param>
    /// <param name="sources">Each signal's source.</param>
    /// <param name="kinds">Each signal's kind.</param>
    /// <param name="stageIndexes">Each signal's stage index, or -1.</param>
    /// <param name="touchpointIndexes">Each signal's touchpoint index, or -1.</param>
    /// <param name="topicStarts">Where each signal's topics start in <paramref name="topicIndexes"/>: one more entry than
    /// signals, non-decreasing, from 0 to the length of <paramref name="topicIndexes"/>; empty when no signal has topics.</param>
    /// <param name="topicIndexes">The topic indexes of all signals, one after the other.</param>
    /// <param name="instruments">Each signal's survey instrument (<see cref="SurveyInstrument.None"/> when not a survey); empty when there are no surveys.</param>
    /// <param name="scores">Each signal's survey score (ignored when not a survey); empty when there are no surveys.</param>
    /// <param name="sentiments">Each signal's sentiment from -1 to 1, NaN for none; empty when there are none.</param>
    /// <param name="csatScaleMin">The lowest point of the CSAT scale, 1 by default.</param>
    /// <param name="csatScaleMax">The highest point of the CSAT scale, 5 by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> or <paramref name="taxonomy"/> is null.</exception>
    /// <exception cref="ArgumentException">A column's length differs from the signals' count (the optional ones may be empty).</exception>
    public FeedbackColumns(
        JourneyFramework journey,
        TopicTaxonomy taxonomy,
        ReadOnlyMemory<long> unixTicks,
        ReadOnlyMemory<FeedbackSource> sources,
        ReadOnlyMemory<FeedbackKind> kinds,
        ReadOnlyMemory<int> stageIndexes,
        ReadOnlyMemory<int> touchpointIndexes,
        ReadOnlyMemory<int> topicStarts = default,
        ReadOnlyMemory<int> topicIndexes = default,
        ReadOnlyMemory<SurveyInstrument> instruments = default,
        ReadOnlyMemory<short> scores = default,
        ReadOnlyMemory<double> sentiments = default,
        int csatScaleMin = 1,
        int csatScaleMax = 5)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(taxonomy);
        int n = unixTicks.Length;
        if (sources.Length != n || kinds.Length != n || stageIndexes.Length != n || touchpointIndexes.Length != n)
        {
            throw new ArgumentException(
                $"Expected columns of one length, got instants {n}, sources {sources.Length}, kinds {kinds.Length}, stages {stageIndexes.Length}, touchpoints {touchpointIndexes.Length}.",
                nameof(sources));
        }

        if (!(topicStarts.IsEmpty && topicIndexes.IsEmpty) && topicStarts.Length != n + 1)
        {
            throw new ArgumentException($"Expected {n + 1} topic starts (one per signal, plus the end), got {topicStarts.Length}.", nameof(topicStarts));
        }

        if (instruments.Length != scores.Length || (!instruments.IsEmpty && instruments.Length != n))
        {
            throw new ArgumentException($"Expected the instrument and score columns empty or of length {n}, got {instruments.Length} and {scores.Length}.", nameof(instruments));
        }

        if (!sentiments.IsEmpty && sentiments.Length != n)
        {
            throw new ArgumentException($"Expected the sentiment column empty or of length {n}, got {sentiments.Length}.", nameof(sentiments));
        }

        Journey = journey;
        Taxonomy = taxonomy;
        UnixTicks = unixTicks;
        Sources = sources;
        Kinds = kinds;
        StageIndexes = stageIndexes;
        TouchpointIndexes = touchpointIndexes;
        TopicStarts = topicStarts;
        TopicIndexes = topicIndexes;
        Instruments = instruments;
        Scores = scores;
        Sentiments = sentiments;
        CsatScaleMin = csatScaleMin;
        CsatScaleMax = csatScaleMax;
    }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Journey { get; }

    /// <summary>Gets the topic taxonomy.</summary>
    public TopicTaxonomy Taxonomy { get; }

    /// <summary>Gets each signal's instant in ticks since the Unix epoch.</summary>
    public ReadOnlyMemory<long> UnixTicks { get; }

    /// <summary>Gets each signal's source.</summary>
    public ReadOnlyMemory<FeedbackSource> Sources { get; }

    /// <summary>Gets each signal's kind.</summary>
    public ReadOnlyMemory<FeedbackKind> Kinds { get; }

    /// <summary>Gets each signal's stage index, or -1.</summary>
    public ReadOnlyMemory<int> StageIndexes { get; }

    /// <summary>Gets each signal's touchpoint index, or -1.</summary>
    public ReadOnlyMemory<int> TouchpointIndexes { get; }

    /// <summary>Gets where each signal's topics start in <see cref="TopicIndexes"/> (one more than signals), or empty.</summary>
    public ReadOnlyMemory<int> TopicStarts { get; }

    /// <summary>Gets the topic indexes of all signals.</summary>
    public ReadOnlyMemory<int> TopicIndexes { get; }

    /// <summary>Gets each signal's survey instrument, or empty.</summary>
    public ReadOnlyMemory<SurveyInstrument> Instruments { get; }

    /// <summary>Gets each signal's survey score, or empty.</summary>
    public ReadOnlyMemory<short> Scores { get; }

    /// <summary>Gets each signal's sentiment (NaN for none), or empty.</summary>
    public ReadOnlyMemory<double> Sentiments { get; }

    /// <summary>Gets the lowest point of the CSAT scale.</summary>
    public int CsatScaleMin { get; }

    /// <summary>Gets the highest point of the CSAT scale.</summary>
    public int CsatScaleMax { get; }

    /// <summary>Gets the number of signals.</summary>
    public int Count => UnixTicks.Length;
}
