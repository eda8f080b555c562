namespace Cx.Domain.Attribution;

/// <summary>How a movement's value is shared among the touchpoints its customer met in the lookback window.</summary>
/// <remarks>The heuristic models (first touch to position based) weigh each path on its own; the data-driven models (Markov
/// chain, Shapley) learn one weight per touchpoint or stage from every path of a direction, moving and non-moving, and
/// then share each movement over the touchpoints on its own path in proportion to those weights.</remarks>
public enum AttributionModel
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>All the value to the earliest touch in the window.</summary>
    FirstTouch = 1,

    /// <summary>All the value to the latest touch in the window.</summary>
    LastTouch = 2,

    /// <summary>An equal share to every touch in the window.</summary>
    Linear = 3,

    /// <summary>Touches weigh 2^(−age / half-life), age measured back from the end of the movement's period.</summary>
    TimeDecay = 4,

    /// <summary>First and last touch get fixed shares (default 40% each), the touches between share the rest.</summary>
    PositionBased = 5,

    /// <summary>First-order Markov chain removal effect, solved through the absorbing chain's fundamental matrix.</summary>
    MarkovChain = 6,

    /// <summary>Exact Shapley value of a conversion-rate game over stages or touchpoints (at most 15 players).</summary>
    Shapley = 7,
}
