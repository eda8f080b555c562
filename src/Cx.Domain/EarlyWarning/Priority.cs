using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;

namespace Cx.Domain.EarlyWarning;

/// <summary>One of the top company-wide priorities: a touchpoint, its owner, where it sits, the score's parts and a sentence
/// that says why.</summary>
/// <remarks>One priority per touchpoint. Ranked by score, then revenue at risk, then journey order, so the list is
/// deterministic and does not depend on the order of the input.</remarks>
public sealed class Priority
{
    internal Priority(
        int rank, ErosionSubject subject, GridPeriod period, PriorityScore score, RevenueAtRisk revenueAtRisk, StandardEvaluation? signalEvaluation,
        PeriodExposure? standardExposure, long stageLostValue, long periodLostValue, IReadOnlyList<SpikeCheck> complaintSpikes)
    {
        ComplaintSpikes = complaintSpikes;
        Rank = rank;
        Subject = subject;
        Period = period;
        Score = score;
        RevenueAtRisk = revenueAtRisk;
        SignalEvaluation = signalEvaluation;
        StandardExposure = standardExposure;
        StageLostValue = stageLostValue;
        PeriodLostValue = periodLostValue;
        Why = ErosionSentences.Priority(this);
    }

    /// <summary>Gets the rank, 1 for the first priority.</summary>
    public int Rank { get; }

    /// <summary>Gets the touchpoint's erosion subject.</summary>
    public ErosionSubject Subject { get; }

    /// <summary>Gets the touchpoint.</summary>
    public Touchpoint Touchpoint => Subject.Touchpoint;

    /// <summary>Gets the touchpoint's stage.</summary>
    public JourneyStage Stage => Subject.Stage;

    /// <summary>Gets the accountable owner (the touchpoint's).</summary>
    public string Owner => Subject.Touchpoint.Owner;

    /// <summary>Gets the touchpoint's category.</summary>
    public TouchpointCategory Category => Subject.Category;

    /// <summary>Gets the period the priority is for.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the score and its parts.</summary>
    public PriorityScore Score { get; }

    /// <summary>Gets the touchpoint's revenue at risk in the period (unreliable experiences and failing measurements there).</summary>
    public RevenueAtRisk RevenueAtRisk { get; }

    /// <summary>Gets the evaluation of the touchpoint's standard with the strongest signal, or null without a standard.</summary>
    public StandardEvaluation? SignalEvaluation { get; }

    /// <summary>Gets that standard's exposure in the period (its measurements), or null without a standard.</summary>
    public PeriodExposure? StandardExposure { get; }

    /// <summary>Gets the value lost in the period attributed to the touchpoint's stage, in the ledger's unit.</summary>
    public long StageLostValue { get; }

    /// <summary>Gets the complaint spikes of the period at the touchpoint's stage (one per spiking topic series, by topic),
    /// behind <see cref="PriorityScore.ComplaintPart"/>; empty without feedback or without a spike.</summary>
    public IReadOnlyList<SpikeCheck> ComplaintSpikes { get; }

    /// <summary>Gets the value lost in the period, all stages and the unattributed bucket.</summary>
    public long PeriodLostValue { get; }

    /// <summary>Gets the sentence that says why, such as <c>Financing approval: 158 of 412 events in 2025-12 missed "Financing
    /// decision within 24 hours" (objective 95%); exposed customers churned 5.7x as often (95% CI 4.5-7.2); USD 144,666 of losses
    /// attributed to the purchase stage; owner Finance.</c></summary>
    public string Why { get; }

    /// <summary>Returns the rank and the sentence.</summary>
    /// <returns>For example <c>1. Financing approval: ...</c>.</returns>
    public override string ToString() => $"{Rank}. {Why}";
}
