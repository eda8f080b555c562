namespace Cx.Domain.Attribution;

/// <summary>Who the players of the Shapley game are.</summary>
public enum ShapleyPlayers
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>The journey's stages (the default: a journey rarely has more than 15 stages).</summary>
    Stages = 1,

    /// <summary>The touchpoints met in the data; at most 15 may be met, or the calculation is refused.</summary>
    Touchpoints = 2,
}
