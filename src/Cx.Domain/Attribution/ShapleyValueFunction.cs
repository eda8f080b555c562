namespace Cx.Domain.Attribution;

/// <summary>The characteristic function v(S) of the Shapley game: what a coalition S of players (stages or touchpoints) is worth.</summary>
/// <remarks>See <see cref="AttributionOptions.ShapleyValueFunction"/> and docs/concepts/journey-and-attribution.md for the two
/// side by side on one example.</remarks>
public enum ShapleyValueFunction
{
    /// <summary>Not set; rejected by validation.</summary>
    Unknown = 0,

    /// <summary>The conversion rate of the paths S alone could have produced (the default): v(S) = C(S) / N(S), where N(S)
    /// counts the paths, converting and null, whose players are all in S and C(S) the converting ones. Uses the customers
    /// who did not move: a player met on many paths that end in nothing lowers the rate of the coalitions it joins.</summary>
    ConversionRate = 1,

    /// <summary>As Zhao, Mahboobi and Bagheri (2018), "Shapley Value Methods for Attribution Modeling in Online Advertising"
    /// (arXiv:1804.05327): v(S) = the number of converting paths whose players are all in S. Null paths play no part, and
    /// the Shapley value has their closed form φ_i = Σ over player sets T containing i of C(T) / |T|, where C(T) counts the
    /// converting paths whose set of players is exactly T: each conversion is shared equally among the players it met.</summary>
    ConversionCount = 2,
}
