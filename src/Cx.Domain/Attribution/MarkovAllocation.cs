namespace Cx.Domain.Attribution;

/// <summary>How the Markov chain model turns its removal-effect weights into credits.</summary>
/// <remarks>Both share exactly the value of the movements that have touches; they differ in who can receive it. See
/// <see cref="AttributionOptions.MarkovAllocation"/> and docs/concepts/journey-and-attribution.md for the two side by side.</remarks>
public enum MarkovAllocation
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>Each movement's value is shared over the touchpoints on its own path in proportion to their weights (the
    /// default): a touchpoint the customer never met gets nothing of that movement.</summary>
    PerPath = 1,

    /// <summary>As the ChannelAttribution package (R and Python, Altomare and Loris) reports its Markov model: the total
    /// value of each period's movements with touches is shared over all touchpoints by the global removal-effect weights
    /// (touchpoint k gets value × RE(k) / Σ RE), whoever met them.</summary>
    Pooled = 2,
}
