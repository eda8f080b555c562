namespace Cx.Domain.Listening;

/// <summary>The signals after <see cref="TopicTagger.TagAll"/>, with how many arrived tagged, were tagged, stayed untagged.</summary>
/// <remarks>Immutable. <see cref="ArrivedTaggedCount"/> + <see cref="TaggedCount"/> + <see cref="UnmatchedCount"/> +
/// <see cref="NoTextCount"/> is the number of signals.</remarks>
public sealed class TaggedFeedback
{
    internal TaggedFeedback(IReadOnlyList<FeedbackSignal> signals, long arrivedTagged, long tagged, long unmatched, long noText)
    {
        Signals = signals;
        ArrivedTaggedCount = arrivedTagged;
        TaggedCount = tagged;
        UnmatchedCount = unmatched;
        NoTextCount = noText;
    }

    /// <summary>Gets the signals, in input order.</summary>
    public IReadOnlyList<FeedbackSignal> Signals { get; }

    /// <summary>Gets how many signals arrived with topics (left as they were).</summary>
    public long ArrivedTaggedCount { get; }

    /// <summary>Gets how many untagged verbatims the taxonomy tagged.</summary>
    public long TaggedCount { get; }

    /// <summary>Gets how many untagged verbatims matched no keyword: they stay untagged and are counted as such.</summary>
    public long UnmatchedCount { get; }

    /// <summary>Gets how many signals arrived without topics and without text (survey scores, for instance).</summary>
    public long NoTextCount { get; }

    /// <summary>Returns a short summary.</summary>
    /// <returns>For example <c>1200 tagged by the taxonomy, 300 arrived tagged, 45 unmatched, 800 without text</c>.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{TaggedCount} tagged by the taxonomy, {ArrivedTaggedCount} arrived tagged, {UnmatchedCount} unmatched, {NoTextCount} without text");
}
