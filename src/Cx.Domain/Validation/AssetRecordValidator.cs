using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="AssetRecord"/>: a customer id, an ISO date, an amount in the ledger's currency, an optional segment.</summary>
/// <remarks>Error codes: CX0101 customer, CX0103 no currency, CX0102 other currency, CX0105 date, CX0106 segment.
/// Whether the date falls in the grid is checked by the ledger, which knows the grid (CX0104).</remarks>
public sealed class AssetRecordValidator : AbstractValidator<AssetRecord>
{
    /// <summary>Initializes a validator that accepts any real currency.</summary>
    public AssetRecordValidator()
        : this(null)
    {
    }

    /// <summary>Initializes a validator that requires one currency.</summary>
    /// <param name="currency">The ledger's currency, or null to accept any real currency.</param>
    public AssetRecordValidator(Currency? currency)
    {
        Currency = currency;
        RuleFor(r => r.Customer).Must(RecordRules.CustomerOk).WithErrorCode(CxErrorCodes.CustomerIdEmpty).WithMessage(RecordRules.CustomerMessage);
        RuleFor(r => r.Date).Must(RecordRules.DateOk).WithErrorCode(CxErrorCodes.DateNotIso).WithMessage(RecordRules.DateMessage);
        RuleFor(r => r.Amount.Currency).Must(RecordRules.CurrencyPresent).WithErrorCode(CxErrorCodes.CurrencyMissing).WithMessage(RecordRules.CurrencyMissingMessage);
        RuleFor(r => r.Amount.Currency).Must(c => RecordRules.CurrencyMatches(c, currency)).WithErrorCode(CxErrorCodes.CurrencyMismatch)
            .WithMessage(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected an amount in the ledger's currency {currency}, got {r.Amount.Currency.Code}. Mixed currencies are never summed: convert the amount, or build one ledger per currency."));
        RuleFor(r => r.Segment).Must(RecordRules.SegmentOk).WithErrorCode(CxErrorCodes.SegmentInvalid).WithMessage(RecordRules.SegmentMessage);
    }

    /// <summary>Gets the currency every amount must be in, or null when any real currency is accepted.</summary>
    public Currency? Currency { get; }

    internal static bool IsValid(in AssetRecord record, Currency? currency) =>
        RecordRules.CustomerOk(record.Customer) && RecordRules.DateOk(record.Date) && RecordRules.CurrencyPresent(record.Amount.Currency) &&
        RecordRules.CurrencyMatches(record.Amount.Currency, currency) && RecordRules.SegmentOk(record.Segment);
}
