using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Listening;

/// <summary>One piece of customer feedback: a comment, a complaint or a survey response, when and where it came in, and what
/// it is about along the journey.</summary>
/// <remarks>
/// <para>An input record, validated where it is consumed by <see cref="Validation.FeedbackSignalValidator"/> (codes CX0701 to
/// CX0712): every failure is reported with the signal's position and field, nothing is dropped. Create one with the
/// required facts and set the rest with an object initializer:</para>
/// <code>
/// new FeedbackSignal(at, FeedbackSource.CallCenter, FeedbackKind.Complaint)
/// {
///     TouchpointId = "financing-approval", Topics = ["financing-delay"], Sentiment = -0.8, Text = "Still no loan decision after a week.",
/// };
/// </code>
/// <para>The stage is <see cref="StageId"/> when given, otherwise the stage of <see cref="TouchpointId"/>, otherwise the stage
/// hint of the first of its topics that has one (<see cref="TopicTaxonomy"/>); a signal with none of these counts under "no
/// stage". A signal with no topics counts as untagged; <see cref="TopicTagger"/> tags verbatims from a taxonomy.</para>
/// <para>Equality compares every property, the topics as ordered sequences of ordinal strings.</para>
/// </remarks>
public sealed record FeedbackSignal
{
    /// <summary>Initializes a signal with its required facts.</summary>
    /// <param name="at">When the feedback was given.</param>
    /// <param name="source">The channel it came through.</param>
    /// <param name="kind">Unaided, complaint or survey.</param>
    public FeedbackSignal(Instant at, FeedbackSource source, FeedbackKind kind)
    {
        At = at;
        Source = source;
        Kind = kind;
    }

    /// <summary>Gets when the feedback was given.</summary>
    public Instant At { get; init; }

    /// <summary>Gets the channel it came through.</summary>
    public FeedbackSource Source { get; init; }

    /// <summary>Gets what it is: unaided comment, complaint or survey response.</summary>
    public FeedbackKind Kind { get; init; }

    /// <summary>Gets the customer who gave it, or null when anonymous.</summary>
    public CustomerId? Customer { get; init; }

    /// <summary>Gets the id of the journey stage it is about, or null (then the touchpoint's stage, or a topic's stage hint).</summary>
    public string? StageId { get; init; }

    /// <summary>Gets the id of the touchpoint it is about, or null.</summary>
    public string? TouchpointId { get; init; }

    /// <summary>Gets the ids of the topics it is about; empty when untagged.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Gets the sentiment from -1 (very negative) to 1 (very positive), or null when not scored.</summary>
    /// <remarks>Counted to the nearest thousandth (0.001) so that sums are exact and independent of the order of signals.</remarks>
    public double? Sentiment { get; init; }

    /// <summary>Gets the verbatim text, or null.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the survey answer of a <see cref="FeedbackKind.Survey"/> signal; <c>default</c> (no answer) for the others.</summary>
    public SurveyAnswer Survey { get; init; }

    /// <summary>Compares every property; topics as ordered sequences.</summary>
    /// <param name="other">The other signal.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(FeedbackSignal? other) =>
        other is not null
        && At == other.At && Source == other.Source && Kind == other.Kind && Customer == other.Customer
        && string.Equals(StageId, other.StageId, StringComparison.Ordinal)
        && string.Equals(TouchpointId, other.TouchpointId, StringComparison.Ordinal)
        && (ReferenceEquals(Topics, other.Topics) || (Topics is not null && other.Topics is not null && Topics.SequenceEqual(other.Topics, StringComparer.Ordinal)))
        && Sentiment.Equals(other.Sentiment) && string.Equals(Text, other.Text, StringComparison.Ordinal) && Survey == other.Survey;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(At, Source, Kind, Customer, StageId, TouchpointId, Topics?.Count ?? -1, Survey);

    /// <summary>Returns a short description, such as <c>complaint via CallCenter at 2025-04-12T09:30:00Z, stage purchase, topics financing-delay</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} via {Source} at {At}"
        + (StageId is null ? string.Empty : $", stage {StageId}")
        + (TouchpointId is null ? string.Empty : $", touchpoint {TouchpointId}")
        + (Topics is { Count: > 0 } ? $", topics {string.Join(' ', Topics)}" : string.Empty)
        + (Survey.Instrument == SurveyInstrument.None ? string.Empty : $", {Survey}");
}
