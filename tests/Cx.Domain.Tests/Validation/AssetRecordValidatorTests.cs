using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Validation;

public sealed class AssetRecordValidatorTests
{
    private static readonly AssetRecord Valid =
        new(CustomerId.From("C-1"), new LocalDate(2024, 3, 15), Money.FromMinorUnits(4_990, Currency.Usd), "plan-a");

    [Fact]
    public void Validate_ValidRecord_HasNoFailures()
    {
        ValidationAssert.Valid(new AssetRecordValidator().Validate(Valid));
        ValidationAssert.Valid(new AssetRecordValidator(Currency.Usd).Validate(Valid));
        ValidationAssert.Valid(new AssetRecordValidator(Currency.Usd).Validate(Valid with { Segment = null }));
    }

    [Fact]
    public void Validate_Refund_IsValid()
    {
        ValidationAssert.Valid(new AssetRecordValidator(Currency.Usd).Validate(Valid with { Amount = Money.FromMinorUnits(-4_990, Currency.Usd) }));
    }

    [Fact]
    public void Validate_NoLedgerCurrency_AcceptsAnyRealCurrency()
    {
        var validator = new AssetRecordValidator();

        Assert.Null(validator.Currency);
        Assert.All(Currency.All.Where(c => c != Currency.None), c =>
            ValidationAssert.Valid(validator.Validate(Valid with { Amount = Money.FromMinorUnits(1, c) })));
    }

    [Fact]
    public void Validate_EmptyCustomer_FailsWithCustomerIdEmpty()
    {
        ValidationAssert.SingleFailure(new AssetRecordValidator().Validate(Valid with { Customer = default }), CxErrorCodes.CustomerIdEmpty, "Customer", "customer id");
    }

    [Theory]
    [InlineData("Julian")]
    [InlineData("Gregorian")]
    [InlineData("Coptic")]
    public void Validate_NonIsoDate_FailsWithDateNotIso(string calendar)
    {
        CalendarSystem system = CalendarSystem.ForId(calendar);

        ValidationAssert.SingleFailure(
            new AssetRecordValidator().Validate(Valid with { Date = Valid.Date.WithCalendar(system) }),
            CxErrorCodes.DateNotIso,
            "Date",
            "ISO calendar",
            "WithCalendar(CalendarSystem.Iso)");
    }

    [Fact]
    public void Validate_AmountInXxx_FailsWithCurrencyMissingOnly()
    {
        AssetRecord record = Valid with { Amount = Money.FromMinorUnits(100, Currency.None) };

        ValidationAssert.SingleFailure(new AssetRecordValidator().Validate(record), CxErrorCodes.CurrencyMissing, "Amount.Currency", "XXX");
        ValidationAssert.SingleFailure(new AssetRecordValidator(Currency.Usd).Validate(record), CxErrorCodes.CurrencyMissing, "Amount.Currency", "XXX");
        ValidationAssert.SingleFailure(new AssetRecordValidator().Validate(Valid with { Amount = default }), CxErrorCodes.CurrencyMissing, "Amount.Currency", "default(Money)");
    }

    [Fact]
    public void Validate_OtherCurrencyThanTheLedgers_FailsWithCurrencyMismatchNamingBoth()
    {
        AssetRecord record = Valid with { Amount = Money.FromMinorUnits(100, Currency.Eur) };

        ValidationAssert.SingleFailure(new AssetRecordValidator(Currency.Usd).Validate(record), CxErrorCodes.CurrencyMismatch, "Amount.Currency", "USD", "EUR");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0")]
    public void Validate_BlankSegment_FailsWithSegmentInvalid(string segment)
    {
        ValidationAssert.SingleFailure(new AssetRecordValidator().Validate(Valid with { Segment = segment }), CxErrorCodes.SegmentInvalid, "Segment", "1 to 200 characters", "null");
    }

    [Fact]
    public void Validate_SegmentLength_AcceptsUpTo200Characters()
    {
        var validator = new AssetRecordValidator();

        ValidationAssert.Valid(validator.Validate(Valid with { Segment = new string('s', 200) }));
        ValidationAssert.SingleFailure(validator.Validate(Valid with { Segment = new string('s', 201) }), CxErrorCodes.SegmentInvalid, "Segment");
        ValidationAssert.Valid(validator.Validate(Valid with { Segment = " padded " }));
    }

    [Fact]
    public void Validate_EveryRuleBroken_ReportsEveryFailure()
    {
        var record = new AssetRecord(default, new LocalDate(2024, 3, 15, CalendarSystem.Julian), Money.FromMinorUnits(1, Currency.Eur), string.Empty);

        string[] codes = ValidationAssert.Codes(new AssetRecordValidator(Currency.Usd).Validate(record));

        Assert.Equal([CxErrorCodes.CustomerIdEmpty, CxErrorCodes.CurrencyMismatch, CxErrorCodes.DateNotIso, CxErrorCodes.SegmentInvalid], codes);
    }

    [Fact]
    public void Currency_Always_IsTheConstructorsCurrency()
    {
        Assert.Equal(Currency.Eur, new AssetRecordValidator(Currency.Eur).Currency);
        Assert.Equal(Currency.None, new AssetRecordValidator(Currency.None).Currency);
    }

    [Fact]
    public void IsValid_AnyRecord_AgreesWithTheValidator()
    {
        int valid = 0;
        int invalid = 0;
        PropertyCheck.Run(
            Prop.ForAll(RecordGenerators.ValidatorCurrencies(), RecordGenerators.AssetRecords(), (currency, record) =>
            {
                FluentValidation.Results.ValidationResult result = new AssetRecordValidator(currency).Validate(record);
                bool fast = AssetRecordValidator.IsValid(record, currency);

                Assert.True(result.IsValid == fast, $"IsValid says {fast}, the validator says {result.IsValid} ({string.Join(", ", ValidationAssert.Codes(result))}) for {record} with ledger currency {currency?.ToString() ?? "none"}");
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ErrorMessage)));
                _ = fast ? valid++ : invalid++;
            }),
            2_000);

        // Both outcomes must be well represented, or the property says little.
        Assert.True(valid > 200, $"only {valid} valid records generated");
        Assert.True(invalid > 200, $"only {invalid} invalid records generated");
    }
}
