namespace Cx.Domain.Reliability;

/// <summary>What a standard is judged on.</summary>
public enum EvidenceKind
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Event measurements (<see cref="ReliabilityMeasurement"/>), each judged against the threshold.</summary>
    Events = 1,

    /// <summary>Periodic aggregates (<see cref="PeriodAggregate"/>), such as a weekly first-contact resolution rate; each
    /// period's aggregate is judged once, as one event stamped when its period closes.</summary>
    PeriodAggregates = 2,
}
