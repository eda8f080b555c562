namespace Cx.Domain.Reliability;

/// <summary>What a <see cref="StatusReason"/> is about.</summary>
public enum StatusReasonKind
{
    /// <summary>Not set.</summary>
    Unknown = 0,

    /// <summary>The current window's compliance meets the objective.</summary>
    ObjectiveMet = 1,

    /// <summary>The current window's compliance is below the objective.</summary>
    ObjectiveBreached = 2,

    /// <summary>Fewer events than the evidence gate.</summary>
    NotEnoughData = 3,

    /// <summary>A burn-rate pair fires: both its long and short windows burn faster than its factor.</summary>
    BurnRate = 4,

    /// <summary>A drift detector (the robust value drift, or the individual-value charts within their memory) fires in the
    /// adverse direction.</summary>
    Drift = 5,

    /// <summary>Drift detection was not possible (no baseline, too few reference events, zero spread).</summary>
    DriftUnavailable = 6,

    /// <summary>The Bernoulli CUSUM on the pass/fail stream is at or above its decision interval.</summary>
    BernoulliCusum = 7,

    /// <summary>A warning episode is open: what opened it, its peak severity and its detectors.</summary>
    Episode = 8,
}
