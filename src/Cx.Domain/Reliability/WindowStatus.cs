namespace Cx.Domain.Reliability;

/// <summary>The verdict on one evaluation window.</summary>
public enum WindowStatus
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>Compliance is at least the objective, with enough events.</summary>
    Met = 1,

    /// <summary>Compliance is below the objective, with enough events.</summary>
    Breached = 2,

    /// <summary>Fewer events than the standard's evidence gate (<see cref="ReliabilityStandard.MinimumEvents"/>).</summary>
    NotEnoughData = 3,
}
