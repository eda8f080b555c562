using System.Globalization;

namespace Cx.Domain.Listening;

/// <summary>What customers said about one journey stage in one period: how much (share of voice), how many complaints and
/// at what rate per 1,000 active customers, and the mean sentiment.</summary>
/// <remarks>Immutable. <see cref="StageId"/> is null for the signals with no stage.</remarks>
public sealed class StageVoice
{
    internal StageVoice(string? stageId, string name, long signalCount, long periodTotal, long complaintCount, long? activeCustomers, long sentimentSumMilli, long sentimentCount)
    {
        StageId = stageId;
        Name = name;
        SignalCount = signalCount;
        ShareOfVoice = periodTotal == 0 ? 0 : (double)signalCount / periodTotal;
        ComplaintCount = complaintCount;
        ComplaintsPerThousandActive = activeCustomers is > 0 ? complaintCount * 1000.0 / activeCustomers.Value : null;
        SentimentCount = sentimentCount;
        MeanSentiment = sentimentCount == 0 ? null : sentimentSumMilli / 1000.0 / sentimentCount;
    }

    /// <summary>Gets the stage id, or null for "no stage".</summary>
    public string? StageId { get; }

    /// <summary>Gets the stage's display name, or <c>(no stage)</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the number of signals about the stage (all kinds).</summary>
    public long SignalCount { get; }

    /// <summary>Gets the share of voice: <see cref="SignalCount"/> over all signals of the period, 0 to 1; the stages of a
    /// period (with "no stage") add up to 1.</summary>
    public double ShareOfVoice { get; }

    /// <summary>Gets the number of complaints about the stage.</summary>
    public long ComplaintCount { get; }

    /// <summary>Gets the complaints per 1,000 customers active in the period (from the asset engine), or null when the active
    /// customers are not known or zero — so that a growing company does not look like a failing one.</summary>
    public double? ComplaintsPerThousandActive { get; }

    /// <summary>Gets how many of the signals carry a sentiment.</summary>
    public long SentimentCount { get; }

    /// <summary>Gets the mean sentiment (-1 to 1) of the signals that carry one, each counted to the nearest 0.001; null when none does.</summary>
    public double? MeanSentiment { get; }

    /// <summary>Returns a short form such as <c>Purchase: 120 signals (18.0%), 40 complaints</c>.</summary>
    /// <returns>The name and figures.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {SignalCount} signals ({ShareOfVoice:P1}), {ComplaintCount} complaints");
}
