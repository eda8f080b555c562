namespace Cx.Domain.Listening;

/// <summary>Whether the surveys of a stage confirm a spike of complaints about it.</summary>
public enum ConfirmationVerdict
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The stage's survey metric fell significantly in the spike's period or the next one.</summary>
    Confirmed = 1,

    /// <summary>Both periods of a comparison had enough responses, but the metric did not move significantly.</summary>
    NotConfirmed = 2,

    /// <summary>The metric rose significantly, and fell significantly in neither comparison: surveys say the opposite.</summary>
    Contradicted = 3,

    /// <summary>No comparison had enough responses in both of its periods (or the stage has no survey responses).</summary>
    NotEnoughResponses = 4,
}
