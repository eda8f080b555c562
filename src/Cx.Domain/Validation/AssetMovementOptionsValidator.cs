using Cx.Domain.Assets;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="AssetMovementOptions"/>.</summary>
/// <remarks>Error code CX0301: an activity window outside 1 to <see cref="AssetMovementOptions.MaxActivityWindow"/>.</remarks>
public sealed class AssetMovementOptionsValidator : AbstractValidator<AssetMovementOptions>
{
    /// <summary>Initializes the validator.</summary>
    public AssetMovementOptionsValidator()
    {
        RuleFor(o => o.ActivityWindow).InclusiveBetween(1, AssetMovementOptions.MaxActivityWindow)
            .WithErrorCode(CxErrorCodes.ActivityWindowInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an activity window of 1 to {AssetMovementOptions.MaxActivityWindow} periods, got {o.ActivityWindow}. Use 1 for subscriptions, 12 on a monthly grid for 'bought in the last 12 months'."));
    }
}
