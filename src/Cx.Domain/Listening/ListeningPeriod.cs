using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The volumes of one period: signals by kind, source, stage (with share of voice and complaint rate), touchpoint
/// and topic.</summary>
/// <remarks>
/// <para>Immutable. The counts add up: the kinds, the sources, the stages (with "no stage") and the touchpoints (with "no
/// touchpoint") each sum to <see cref="SignalCount"/>; the topics (with "untagged") sum to the number of topic mentions,
/// at least <see cref="SignalCount"/>. Every key of the breakdown is listed, with zero counts too, in a fixed order: kinds
/// and sources in enum order, stages and touchpoints in journey order, topics in taxonomy order, the "none" bucket last.</para>
/// </remarks>
public sealed class ListeningPeriod
{
    internal ListeningPeriod(GridPeriod period, long signalCount, long? activeCustomers, long complaintCount, IReadOnlyList<VolumeCount> kinds,
        IReadOnlyList<VolumeCount> sources, IReadOnlyList<StageVoice> stages, IReadOnlyList<VolumeCount> touchpoints, IReadOnlyList<VolumeCount> topics, long untaggedFeedback)
    {
        UntaggedFeedbackCount = untaggedFeedback;
        Period = period;
        SignalCount = signalCount;
        ActiveCustomerCount = activeCustomers;
        ComplaintCount = complaintCount;
        ComplaintsPerThousandActive = activeCustomers is > 0 ? complaintCount * 1000.0 / activeCustomers.Value : null;
        Kinds = kinds;
        Sources = sources;
        Stages = stages;
        Touchpoints = touchpoints;
        Topics = topics;
    }

    /// <summary>Gets the period.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the number of signals in the period.</summary>
    public long SignalCount { get; }

    /// <summary>Gets the customers active in the period (from the asset engine), or null when not given.</summary>
    public long? ActiveCustomerCount { get; }

    /// <summary>Gets the number of complaints in the period.</summary>
    public long ComplaintCount { get; }

    /// <summary>Gets the complaints per 1,000 active customers, or null when the active customers are not known or zero.</summary>
    public double? ComplaintsPerThousandActive { get; }

    /// <summary>Gets the signals by kind: unaided, complaint, survey.</summary>
    public IReadOnlyList<VolumeCount> Kinds { get; }

    /// <summary>Gets the signals by source, in the order of <see cref="FeedbackSource"/>.</summary>
    public IReadOnlyList<VolumeCount> Sources { get; }

    /// <summary>Gets the voice of each stage in journey order, then "no stage".</summary>
    public IReadOnlyList<StageVoice> Stages { get; }

    /// <summary>Gets the signals by touchpoint in journey order, then "no touchpoint".</summary>
    public IReadOnlyList<VolumeCount> Touchpoints { get; }

    /// <summary>Gets the topic mentions in taxonomy order, then "untagged".</summary>
    public IReadOnlyList<VolumeCount> Topics { get; }

    /// <summary>Gets the number of signals without a topic.</summary>
    public long UntaggedCount => Topics[^1].Count;

    /// <summary>Gets the number of complaints and unaided comments without a topic (survey responses, which rarely carry one,
    /// are not included): what a taxonomy could still tag.</summary>
    public long UntaggedFeedbackCount { get; }

    /// <summary>Gets the number of signals without a stage.</summary>
    public long NoStageCount => Stages[^1].SignalCount;

    /// <summary>Returns a short form such as <c>2025-04: 310 signals, 95 complaints</c>.</summary>
    /// <returns>The period and totals.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Period.Label}: {SignalCount} signals, {ComplaintCount} complaints");
}
