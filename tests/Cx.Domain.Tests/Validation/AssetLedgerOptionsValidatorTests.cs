using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Validation;

public sealed class AssetLedgerOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultOptions_HaveNoFailures()
    {
        ValidationAssert.Valid(new AssetLedgerOptionsValidator().Validate(new AssetLedgerOptions()));
    }

    [Theory]
    [InlineData(NegativeValuePolicy.Reject, AfterGridPolicy.Reject)]
    [InlineData(NegativeValuePolicy.FloorAtZero, AfterGridPolicy.Exclude)]
    public void Validate_DefinedPoliciesAndARealCurrency_HaveNoFailures(NegativeValuePolicy negative, AfterGridPolicy afterGrid)
    {
        var options = new AssetLedgerOptions { NegativeValues = negative, AfterGrid = afterGrid, Currency = Currency.Eur };

        ValidationAssert.Valid(new AssetLedgerOptionsValidator().Validate(options));
    }

    [Theory]
    [InlineData(NegativeValuePolicy.Unknown)]
    [InlineData((NegativeValuePolicy)3)]
    [InlineData((NegativeValuePolicy)(-1))]
    public void Validate_UndefinedNegativeValuePolicy_FailsWithPolicyInvalid(NegativeValuePolicy policy)
    {
        ValidationAssert.SingleFailure(
            new AssetLedgerOptionsValidator().Validate(new AssetLedgerOptions { NegativeValues = policy }),
            CxErrorCodes.PolicyInvalid,
            "NegativeValues",
            "Reject or FloorAtZero",
            $"got {policy}");
    }

    [Theory]
    [InlineData(AfterGridPolicy.Unknown)]
    [InlineData((AfterGridPolicy)9)]
    public void Validate_UndefinedAfterGridPolicy_FailsWithPolicyInvalid(AfterGridPolicy policy)
    {
        ValidationAssert.SingleFailure(
            new AssetLedgerOptionsValidator().Validate(new AssetLedgerOptions { AfterGrid = policy }),
            CxErrorCodes.PolicyInvalid,
            "AfterGrid",
            "Reject or Exclude",
            $"got {policy}");
    }

    [Fact]
    public void Validate_CurrencyXxx_FailsWithCurrencyMissing()
    {
        ValidationAssert.SingleFailure(
            new AssetLedgerOptionsValidator().Validate(new AssetLedgerOptions { Currency = Currency.None }),
            CxErrorCodes.CurrencyMissing,
            "Currency",
            "XXX",
            "null");
    }

    [Fact]
    public void Validate_EveryOptionBroken_ReportsEveryFailure()
    {
        var options = new AssetLedgerOptions { Currency = Currency.None, NegativeValues = NegativeValuePolicy.Unknown, AfterGrid = AfterGridPolicy.Unknown };

        Assert.Equal(
            [CxErrorCodes.CurrencyMissing, CxErrorCodes.PolicyInvalid, CxErrorCodes.PolicyInvalid],
            ValidationAssert.Codes(new AssetLedgerOptionsValidator().Validate(options)));
    }

    [Fact]
    public void FromRecords_InvalidOptions_ThrowsCxValidationExceptionWithTheCode()
    {
        AssetRecord[] records = [new(CustomerId.From("C-1"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(100, Currency.Usd))];
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));

        CxValidationException error = Assert.Throws<CxValidationException>(
            () => AssetLedger.FromRecords(records, grid, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Unknown }));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.PolicyInvalid, failure.ErrorCode);
        Assert.Equal("AfterGrid", failure.Field);
        Assert.Contains("[CX0302]", error.Message, StringComparison.Ordinal);
    }
}
