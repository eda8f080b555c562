namespace Cx.Domain.Reliability;

/// <summary>What happened at a step of a warning episode.</summary>
public enum EpisodeEscalationKind
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>The episode opened: this detector fired at its first instant.</summary>
    Opened = 1,

    /// <summary>A detector fired for the first time in the episode, at no higher severity than the episode had.</summary>
    DetectorJoined = 2,

    /// <summary>A detector fired for the first time in the episode and raised its severity (ticket to page).</summary>
    SeverityRaised = 3,
}
