using Cx.Domain.Reliability;

namespace Cx.Domain.Samples;

/// <summary>A generated reliability scenario: a standard, the measurements of its process, and the labelled changes that
/// happened to the process.</summary>
public sealed class ReliabilityScenario
{
    internal ReliabilityScenario(ReliabilityStandard standard, ScenarioKind kind, int eventsPerDay, double inControlBadShare, IReadOnlyList<ReliabilityMeasurement> measurements, IReadOnlyList<ScenarioChange> changes)
    {
        Standard = standard;
        Kind = kind;
        EventsPerDay = eventsPerDay;
        InControlBadShare = inControlBadShare;
        Measurements = measurements;
        Changes = changes;
    }

    /// <summary>Gets the standard the process is judged by (its id names the scenario).</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets what happens to the process.</summary>
    public ScenarioKind Kind { get; }

    /// <summary>Gets the mean events a weekday.</summary>
    public int EventsPerDay { get; }

    /// <summary>Gets the bad share of the process while in control.</summary>
    public double InControlBadShare { get; }

    /// <summary>Gets the measurements, in time order.</summary>
    public IReadOnlyList<ReliabilityMeasurement> Measurements { get; }

    /// <summary>Gets the labelled changes, in time order (none for an in-control scenario).</summary>
    public IReadOnlyList<ScenarioChange> Changes { get; }

    /// <summary>Returns the standard's id, kind, volume and the changes.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Standard.Id}: {Kind}, {EventsPerDay} events a day, {Measurements.Count} measurements{(Changes.Count == 0 ? string.Empty : "; " + string.Join("; ", Changes.Select(c => c.Description)))}";
}
