using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="AssetPeriodValue"/>: a customer, a value of zero or more in the ledger's currency, an optional segment.</summary>
/// <remarks>Error codes: CX0101 customer, CX0103 no currency, CX0102 other currency, CX0108 negative value, CX0106 segment.
/// Whether the period index falls in the grid (CX0109) and duplicates (CX0113) are checked by the ledger.</remarks>
public sealed class AssetPeriodValueValidator : AbstractValidator<AssetPeriodValue>
{
    /// <summary>Initializes a validator that accepts any real currency.</summary>
    public AssetPeriodValueValidator()
        : this(null)
    {
    }

    /// <summary>Initializes a validator that requires one currency.</summary>
    /// <param name="currency">The ledger's currency, or null to accept any real currency.</param>
    public AssetPeriodValueValidator(Currency? currency)
    {
        RuleFor(r => r.Customer).Must(RecordRules.CustomerOk).WithErrorCode(CxErrorCodes.CustomerIdEmpty).WithMessage(RecordRules.CustomerMessage);
        RuleFor(r => r.Value.Currency).Must(RecordRules.CurrencyPresent).WithErrorCode(CxErrorCodes.CurrencyMissing).WithMessage(RecordRules.CurrencyMissingMessage);
        RuleFor(r => r.Value.Currency).Must(c => RecordRules.CurrencyMatches(c, currency)).WithErrorCode(CxErrorCodes.CurrencyMismatch)
            .WithMessage(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a value in the ledger's currency {currency}, got {r.Value.Currency.Code}. Mixed currencies are never summed."));
        RuleFor(r => r.Value.MinorUnits).GreaterThanOrEqualTo(0).WithErrorCode(CxErrorCodes.PeriodValueNegative)
            .WithMessage(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a per-period value of zero or more, got {r.Value}. A customer's value in a period cannot be negative."));
        RuleFor(r => r.Segment).Must(RecordRules.SegmentOk).WithErrorCode(CxErrorCodes.SegmentInvalid).WithMessage(RecordRules.SegmentMessage);
    }

    internal static bool IsValid(in AssetPeriodValue value, Currency? currency) =>
        RecordRules.CustomerOk(value.Customer) && RecordRules.CurrencyPresent(value.Value.Currency) &&
        RecordRules.CurrencyMatches(value.Value.Currency, currency) && value.Value.MinorUnits >= 0 && RecordRules.SegmentOk(value.Segment);
}
