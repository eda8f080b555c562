using Cx.Domain.Assets;
using FluentValidation;

namespace Cx.Domain.Validation;

/// <summary>Validates one <see cref="QuantityRecord"/> against its ledger's <see cref="MeasureUnit"/>.</summary>
/// <remarks>Error codes: CX0101 customer, CX0105 date, CX0106 segment, CX0107 a quantity whose whole number of units
/// (after rounding half to even to the unit's decimals) does not fit 64 bits.</remarks>
public sealed class QuantityRecordValidator : AbstractValidator<QuantityRecord>
{
    /// <summary>Initializes a validator for quantities in <paramref name="unit"/>.</summary>
    /// <param name="unit">The ledger's unit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public QuantityRecordValidator(MeasureUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        RuleFor(r => r.Customer).Must(RecordRules.CustomerOk).WithErrorCode(CxErrorCodes.CustomerIdEmpty).WithMessage(RecordRules.CustomerMessage);
        RuleFor(r => r.Date).Must(RecordRules.DateOk).WithErrorCode(CxErrorCodes.DateNotIso).WithMessage(RecordRules.DateMessage);
        RuleFor(r => r.Quantity).Must(q => TryToUnits(q, unit, out _)).WithErrorCode(CxErrorCodes.QuantityInvalid)
            .WithMessage(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a quantity that fits 64-bit whole units of '{unit.Name}' with {unit.DecimalPlaces} decimals, got {r.Quantity}."));
        RuleFor(r => r.Segment).Must(RecordRules.SegmentOk).WithErrorCode(CxErrorCodes.SegmentInvalid).WithMessage(RecordRules.SegmentMessage);
    }

    internal static bool TryToUnits(decimal quantity, MeasureUnit unit, out long units)
    {
        units = 0;
        decimal scaled;
        try
        {
            scaled = decimal.Round(quantity * Pow10(unit.DecimalPlaces), 0, MidpointRounding.ToEven);
        }
        catch (OverflowException)
        {
            return false;
        }

        if (scaled < long.MinValue || scaled > long.MaxValue)
        {
            return false;
        }

        units = (long)scaled;
        return true;
    }

    internal static bool IsValid(in QuantityRecord record, MeasureUnit unit, out long units)
    {
        units = 0;
        return RecordRules.CustomerOk(record.Customer) && RecordRules.DateOk(record.Date) && RecordRules.SegmentOk(record.Segment) &&
            TryToUnits(record.Quantity, unit, out units);
    }

    private static decimal Pow10(int digits)
    {
        decimal result = 1m;
        for (int i = 0; i < digits; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
