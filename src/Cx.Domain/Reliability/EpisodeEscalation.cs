using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>One step of a warning episode: a detector that fired first at an instant, with its figures.</summary>
public sealed class EpisodeEscalation
{
    internal EpisodeEscalation(Instant at, EpisodeEscalationKind kind, WarningDetectorKind detectorKind, string detector, AlertSeverity severity, string description)
    {
        At = at;
        Kind = kind;
        DetectorKind = detectorKind;
        Detector = detector;
        Severity = severity;
        Description = description;
    }

    /// <summary>Gets the judged instant at which the detector first fired in the episode.</summary>
    public Instant At { get; }

    /// <summary>Gets whether the detector opened the episode, joined it or raised its severity.</summary>
    public EpisodeEscalationKind Kind { get; }

    /// <summary>Gets the kind of detector.</summary>
    public WarningDetectorKind DetectorKind { get; }

    /// <summary>Gets the detector's name, such as <c>ticket: burn rate &gt; 1 over 3d and 6h</c> or <c>Bernoulli CUSUM</c>.</summary>
    public string Detector { get; }

    /// <summary>Gets the detector's severity.</summary>
    public AlertSeverity Severity { get; }

    /// <summary>Gets the figures behind the firing, in words.</summary>
    public string Description { get; }

    /// <summary>Returns the time, kind and description.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{ReliabilityEngine.Time(At)} {Kind}: {Description}";
}
