using Cx.Domain.Reliability;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="CusumOptions"/>: k finite and at least 0, h finite and positive (CX0514).</summary>
public sealed class CusumOptionsValidator : AbstractValidator<CusumOptions>
{
    /// <summary>Initializes the validator.</summary>
    public CusumOptionsValidator()
    {
        RuleFor(o => o.ReferenceValue).Must(k => k >= 0 && double.IsFinite(k)).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a finite CUSUM reference value k of at least 0, such as 0.5, got {o.ReferenceValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
        RuleFor(o => o.DecisionInterval).Must(h => h > 0 && double.IsFinite(h)).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a positive finite CUSUM decision interval h, such as 5, got {o.DecisionInterval.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
    }
}
