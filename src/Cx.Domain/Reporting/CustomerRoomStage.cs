using System.Globalization;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Listening;

namespace Cx.Domain.Reporting;

/// <summary>One stage of the journey in the customer room: the asset it earned and lost in the period (journey-stage
/// attribution), what customers said about it (the listening path, when feedback was given), and the reliability of the
/// processes behind its touchpoints with their warnings.</summary>
/// <remarks>Immutable. Part of <see cref="CustomerRoomReport.Stages"/>, in journey order.</remarks>
public sealed class CustomerRoomStage
{
    internal CustomerRoomStage(JourneyStage stage, StageCredit? credit, StageVoice? voice, IReadOnlyList<SpikeCheck> spikes, IReadOnlyList<SurveyMetric> surveys, IReadOnlyList<CustomerRoomStandard> standards)
    {
        Stage = stage;
        EarnedValue = credit?.EarnedValue ?? 0;
        LostValue = credit?.LostValue ?? 0;
        GainCount = credit?.GainCount ?? 0;
        LossCount = credit?.LossCount ?? 0;
        Voice = voice;
        Spikes = spikes;
        Surveys = surveys;
        Standards = standards;
    }

    /// <summary>Gets the stage.</summary>
    public JourneyStage Stage { get; }

    /// <summary>Gets the value of the period's gains (new, reactivated, expansion) attributed to the stage, in the unit's minor units.</summary>
    public long EarnedValue { get; }

    /// <summary>Gets the value of the period's losses (contraction, churn) attributed to the stage, in minor units, as a positive amount.</summary>
    public long LostValue { get; }

    /// <summary>Gets the net value: earned minus lost.</summary>
    public long NetValue => EarnedValue - LostValue;

    /// <summary>Gets the number of gain movements that credited the stage.</summary>
    public long GainCount { get; }

    /// <summary>Gets the number of loss movements that credited the stage.</summary>
    public long LossCount { get; }

    /// <summary>Gets what customers said about the stage in the period (signals, complaints, sentiment), or null when no feedback was given.</summary>
    public StageVoice? Voice { get; }

    /// <summary>Gets the complaint spikes at the stage in the period (every topic), empty without feedback.</summary>
    public IReadOnlyList<SpikeCheck> Spikes { get; }

    /// <summary>Gets the survey metrics (NPS, CSAT, CES) of the stage in the period, empty without survey answers.</summary>
    public IReadOnlyList<SurveyMetric> Surveys { get; }

    /// <summary>Gets the reliability standards of the stage's touchpoints, in the standards' order.</summary>
    public IReadOnlyList<CustomerRoomStandard> Standards { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>purchase: earned 1200, lost 3400, 2 standards</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stage.Id}: earned {EarnedValue}, lost {LostValue}, {Standards.Count} standards");
}
