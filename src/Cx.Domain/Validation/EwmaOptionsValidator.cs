using Cx.Domain.Reliability;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="EwmaOptions"/>: lambda in (0, 1] and a positive finite limit width (CX0514).</summary>
public sealed class EwmaOptionsValidator : AbstractValidator<EwmaOptions>
{
    /// <summary>Initializes the validator.</summary>
    public EwmaOptionsValidator()
    {
        RuleFor(o => o.Lambda).Must(l => l > 0 && l <= 1).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an EWMA lambda in (0, 1], such as 0.2, got {o.Lambda.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
        RuleFor(o => o.LimitWidth).Must(l => l > 0 && double.IsFinite(l)).WithErrorCode(CxErrorCodes.DriftSettingsInvalid)
            .WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a positive finite EWMA limit width L, such as 3, got {o.LimitWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)}."));
    }
}
