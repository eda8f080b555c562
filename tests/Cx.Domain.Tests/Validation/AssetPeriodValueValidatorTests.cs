using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Validation;

public sealed class AssetPeriodValueValidatorTests
{
    private static readonly AssetPeriodValue Valid = new(CustomerId.From("C-1"), 0, Money.FromMinorUnits(4_990, Currency.Usd), "EU");

    [Fact]
    public void Validate_ValidValue_HasNoFailures()
    {
        ValidationAssert.Valid(new AssetPeriodValueValidator().Validate(Valid));
        ValidationAssert.Valid(new AssetPeriodValueValidator(Currency.Usd).Validate(Valid with { Segment = null }));
    }

    [Theory]
    [InlineData(-1_000)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(int.MaxValue)]
    public void Validate_AnyPeriodIndex_IsLeftToTheLedger(int periodIndex)
    {
        ValidationAssert.Valid(new AssetPeriodValueValidator().Validate(Valid with { PeriodIndex = periodIndex }));
    }

    [Fact]
    public void Validate_ZeroValue_IsValid()
    {
        ValidationAssert.Valid(new AssetPeriodValueValidator().Validate(Valid with { Value = Money.Zero(Currency.Usd) }));
    }

    [Fact]
    public void Validate_EmptyCustomer_FailsWithCustomerIdEmpty()
    {
        ValidationAssert.SingleFailure(new AssetPeriodValueValidator().Validate(Valid with { Customer = default }), CxErrorCodes.CustomerIdEmpty, "Customer", "customer id");
    }

    [Fact]
    public void Validate_ValueInXxx_FailsWithCurrencyMissing()
    {
        ValidationAssert.SingleFailure(
            new AssetPeriodValueValidator(Currency.Usd).Validate(Valid with { Value = Money.FromMinorUnits(5, Currency.None) }),
            CxErrorCodes.CurrencyMissing,
            "Value.Currency",
            "XXX");
    }

    [Fact]
    public void Validate_OtherCurrencyThanTheLedgers_FailsWithCurrencyMismatchNamingBoth()
    {
        ValidationAssert.SingleFailure(
            new AssetPeriodValueValidator(Currency.Jpy).Validate(Valid),
            CxErrorCodes.CurrencyMismatch,
            "Value.Currency",
            "JPY",
            "USD");
    }

    [Fact]
    public void Validate_NegativeValue_FailsWithPeriodValueNegativeShowingTheAmount()
    {
        ValidationAssert.SingleFailure(
            new AssetPeriodValueValidator().Validate(Valid with { Value = Money.FromMinorUnits(-1, Currency.Usd) }),
            CxErrorCodes.PeriodValueNegative,
            "Value.MinorUnits",
            "USD -0.01",
            "zero or more");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_BlankSegment_FailsWithSegmentInvalid(string segment)
    {
        ValidationAssert.SingleFailure(new AssetPeriodValueValidator().Validate(Valid with { Segment = segment }), CxErrorCodes.SegmentInvalid, "Segment");
    }

    [Fact]
    public void Validate_LongSegment_FailsWithSegmentInvalid()
    {
        ValidationAssert.SingleFailure(new AssetPeriodValueValidator().Validate(Valid with { Segment = new string('s', 201) }), CxErrorCodes.SegmentInvalid, "Segment");
    }

    [Fact]
    public void Validate_EveryRuleBroken_ReportsEveryFailure()
    {
        var value = new AssetPeriodValue(default, 0, Money.FromMinorUnits(-1, Currency.Eur), " ");

        Assert.Equal(
            [CxErrorCodes.CustomerIdEmpty, CxErrorCodes.CurrencyMismatch, CxErrorCodes.SegmentInvalid, CxErrorCodes.PeriodValueNegative],
            ValidationAssert.Codes(new AssetPeriodValueValidator(Currency.Usd).Validate(value)));
    }

    [Fact]
    public void IsValid_AnyValue_AgreesWithTheValidator() =>
        PropertyCheck.Run(
            Prop.ForAll(RecordGenerators.ValidatorCurrencies(), RecordGenerators.AssetPeriodValues(), (currency, value) =>
                Assert.Equal(new AssetPeriodValueValidator(currency).Validate(value).IsValid, AssetPeriodValueValidator.IsValid(value, currency))),
            1_000);
}
