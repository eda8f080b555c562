using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Validation;

public sealed class QuantityRecordValidatorTests
{
    private static readonly MeasureUnit Visits = MeasureUnit.Quantity("visits");
    private static readonly MeasureUnit Kwh = MeasureUnit.Quantity("kWh", 2);
    private static readonly QuantityRecord Valid = new(CustomerId.From("C-1"), new LocalDate(2024, 3, 15), 12m, "EU");

    [Fact]
    public void Constructor_NullUnit_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new QuantityRecordValidator(null!));
    }

    [Fact]
    public void Validate_ValidRecord_HasNoFailures()
    {
        ValidationAssert.Valid(new QuantityRecordValidator(Visits).Validate(Valid));
        ValidationAssert.Valid(new QuantityRecordValidator(Kwh).Validate(Valid with { Quantity = -12.345m, Segment = null }));
    }

    [Fact]
    public void Validate_EmptyCustomer_FailsWithCustomerIdEmpty()
    {
        ValidationAssert.SingleFailure(new QuantityRecordValidator(Visits).Validate(Valid with { Customer = default }), CxErrorCodes.CustomerIdEmpty, "Customer");
    }

    [Fact]
    public void Validate_NonIsoDate_FailsWithDateNotIso()
    {
        ValidationAssert.SingleFailure(
            new QuantityRecordValidator(Visits).Validate(Valid with { Date = Valid.Date.WithCalendar(CalendarSystem.Julian) }),
            CxErrorCodes.DateNotIso,
            "Date",
            "ISO calendar");
    }

    [Theory]
    [InlineData("9223372036854775807", 0)]
    [InlineData("9223372036854775807.4", 0)]
    [InlineData("-9223372036854775808", 0)]
    [InlineData("-9223372036854775808.5", 0)]
    [InlineData("92233720368547758.07", 2)]
    [InlineData("92233720368547758.074", 2)]
    [InlineData("9223372036.854775807", 9)]
    [InlineData("0.005", 2)]
    public void Validate_QuantityThatFits64BitUnits_IsValid(string quantity, int decimals)
    {
        var unit = MeasureUnit.Quantity("visits", decimals);

        ValidationAssert.Valid(new QuantityRecordValidator(unit).Validate(Valid with { Quantity = decimal.Parse(quantity, CultureInfo.InvariantCulture) }));
    }

    [Theory]
    [InlineData("9223372036854775807.5", 0)]
    [InlineData("9223372036854775808", 0)]
    [InlineData("-9223372036854775809", 0)]
    [InlineData("92233720368547758.08", 2)]
    [InlineData("9223372036.8547758075", 9)]
    [InlineData("79228162514264337593543950335", 0)]
    [InlineData("79228162514264337593543950335", 9)]
    [InlineData("-79228162514264337593543950335", 9)]
    public void Validate_QuantityBeyond64BitUnits_FailsWithQuantityInvalidNamingTheUnit(string quantity, int decimals)
    {
        var unit = MeasureUnit.Quantity("visits", decimals);

        ValidationAssert.SingleFailure(
            new QuantityRecordValidator(unit).Validate(Valid with { Quantity = decimal.Parse(quantity, CultureInfo.InvariantCulture) }),
            CxErrorCodes.QuantityInvalid,
            "Quantity",
            "'visits'",
            $"{decimals} decimals",
            quantity);
    }

    [Fact]
    public void Validate_MoneyUnit_UsesTheCurrencysMinorDigits()
    {
        var usd = MeasureUnit.ForCurrency(Currency.Usd);

        ValidationAssert.Valid(new QuantityRecordValidator(usd).Validate(Valid with { Quantity = 92_233_720_368_547_758.07m }));
        ValidationAssert.SingleFailure(new QuantityRecordValidator(usd).Validate(Valid with { Quantity = 92_233_720_368_547_758.08m }), CxErrorCodes.QuantityInvalid, "Quantity", "'USD'");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_BlankSegment_FailsWithSegmentInvalid(string segment)
    {
        ValidationAssert.SingleFailure(new QuantityRecordValidator(Visits).Validate(Valid with { Segment = segment }), CxErrorCodes.SegmentInvalid, "Segment");
    }

    [Fact]
    public void Validate_EveryRuleBroken_ReportsEveryFailure()
    {
        var record = new QuantityRecord(default, new LocalDate(2024, 3, 15, CalendarSystem.Julian), decimal.MaxValue, new string('s', 201));

        Assert.Equal(
            [CxErrorCodes.CustomerIdEmpty, CxErrorCodes.DateNotIso, CxErrorCodes.SegmentInvalid, CxErrorCodes.QuantityInvalid],
            ValidationAssert.Codes(new QuantityRecordValidator(Visits).Validate(record)));
    }

    [Fact]
    public void IsValid_AnyRecord_AgreesWithTheValidatorAndConvertsHalfToEven() =>
        PropertyCheck.Run(
            Prop.ForAll(RecordGenerators.Units(), RecordGenerators.QuantityRecords(), (unit, record) =>
            {
                bool fast = QuantityRecordValidator.IsValid(record, unit, out long units);

                Assert.Equal(new QuantityRecordValidator(unit).Validate(record).IsValid, fast);
                if (fast)
                {
                    decimal scaled = record.Quantity * (decimal)Math.Pow(10, unit.DecimalPlaces);
                    Assert.Equal(decimal.Round(scaled, 0, MidpointRounding.ToEven), units);
                }
            }),
            1_000);
}
