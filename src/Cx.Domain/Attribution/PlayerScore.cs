using System.Globalization;

namespace Cx.Domain.Attribution;

/// <summary>What a data-driven model learned about one player (a touchpoint or a stage) in one direction.</summary>
/// <remarks>For the Markov chain the score is the removal effect (the fraction of conversions lost without the touchpoint);
/// for Shapley it is the player's Shapley value in the conversion-rate game. <see cref="Weight"/> is the score clamped at
/// zero and normalised so the weights of a direction sum to 1 (all zero when no score is positive).</remarks>
public sealed class PlayerScore
{
    /// <summary>Initializes a score.</summary>
    /// <param name="direction">Gains or losses.</param>
    /// <param name="playerId">The touchpoint or stage id.</param>
    /// <param name="score">The raw score.</param>
    /// <param name="weight">The normalised weight.</param>
    /// <param name="isClamped">Whether the raw score was negative and clamped to zero.</param>
    public PlayerScore(AttributionDirection direction, string playerId, double score, double weight, bool isClamped)
    {
        Direction = direction;
        PlayerId = playerId;
        Score = score;
        Weight = weight;
        IsClamped = isClamped;
    }

    /// <summary>Gets the direction the score was learned for.</summary>
    public AttributionDirection Direction { get; }

    /// <summary>Gets the touchpoint or stage id.</summary>
    public string PlayerId { get; }

    /// <summary>Gets the raw score (removal effect or Shapley value).</summary>
    public double Score { get; }

    /// <summary>Gets the normalised weight in [0, 1].</summary>
    public double Weight { get; }

    /// <summary>Gets a value indicating whether the raw score came out negative and was clamped to zero.</summary>
    public bool IsClamped { get; }

    /// <summary>Returns a short diagnostic form.</summary>
    /// <returns>For example <c>Gains test-drive: 0.5 (weight 0.25)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Direction} {PlayerId}: {Score:G6} (weight {Weight:G6}){(IsClamped ? " clamped" : string.Empty)}");
}
