namespace Cx.Domain.Assets;

/// <summary>Options of the movement calculation.</summary>
/// <remarks>An options type: settable, validated by <see cref="Validation.AssetMovementOptionsValidator"/> on use.</remarks>
public sealed class AssetMovementOptions
{
    /// <summary>The largest activity window accepted.</summary>
    public const int MaxActivityWindow = 1_000;

    /// <summary>Gets or sets the activity window W of the customer view, in periods: a customer counts as active in
    /// period p when they had value in any of the W periods ending at p. 1 (the default) for subscriptions; 12 on a
    /// monthly grid for "bought in the last 12 months" retail files.</summary>
    public int ActivityWindow { get; set; } = 1;
}
