namespace Cx.Domain.Reliability;

/// <summary>The status of a standard as of an instant.</summary>
public enum StandardStatus
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The current window meets the objective and no early warning fires.</summary>
    Reliable = 1,

    /// <summary>A warning episode is open (a detector fired within the quiet period), but the current window is not breached.</summary>
    Watch = 2,

    /// <summary>The current window has enough events and its compliance is below the objective.</summary>
    Breached = 3,

    /// <summary>The current window has fewer events than the evidence gate and no warning fires.</summary>
    NoData = 4,
}
