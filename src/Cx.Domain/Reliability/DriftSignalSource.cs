namespace Cx.Domain.Reliability;

/// <summary>Which detector raised a <see cref="DriftSignal"/>.</summary>
public enum DriftSignalSource
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The EWMA chart left its control limits.</summary>
    Ewma = 1,

    /// <summary>A one-sided CUSUM passed its decision interval.</summary>
    Cusum = 2,

    /// <summary>A Western Electric run rule (1 to 4).</summary>
    WesternElectric = 3,

    /// <summary>A Nelson run rule (1 to 8).</summary>
    Nelson = 4,
}
