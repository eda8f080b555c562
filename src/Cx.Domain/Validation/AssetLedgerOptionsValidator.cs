using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates <see cref="AssetLedgerOptions"/>.</summary>
/// <remarks>Error codes: CX0302 an undefined policy, CX0103 a currency of XXX.</remarks>
public sealed class AssetLedgerOptionsValidator : AbstractValidator<AssetLedgerOptions>
{
    /// <summary>Initializes the validator.</summary>
    public AssetLedgerOptionsValidator()
    {
        RuleFor(o => o.NegativeValues).Must(p => p is NegativeValuePolicy.Reject or NegativeValuePolicy.FloorAtZero)
            .WithErrorCode(CxErrorCodes.PolicyInvalid).WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected NegativeValues to be Reject or FloorAtZero, got {Internal.EnumText.Of(o.NegativeValues)}."));
        RuleFor(o => o.AfterGrid).Must(p => p is AfterGridPolicy.Reject or AfterGridPolicy.Exclude)
            .WithErrorCode(CxErrorCodes.PolicyInvalid).WithMessage(o => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected AfterGrid to be Reject or Exclude, got {Internal.EnumText.Of(o.AfterGrid)}."));
        RuleFor(o => o.Currency).Must(c => c != Currency.None).WithErrorCode(CxErrorCodes.CurrencyMissing)
            .WithMessage("Expected a real currency or null (take the records' currency), got XXX.");
    }
}
