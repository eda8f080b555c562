using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Tests.Value;

/// <summary>Huge spends, huge horizons and bad scoring arguments give a clear <see cref="CxValidationException"/> or an exact
/// result, never a raw system exception or an infinite value (issue 15 defect 3, issue 13).</summary>
public sealed class ValueOverflowTests
{
    private static readonly BgNbdParameters BgNbd = new(0.243, 4.414, 0.793, 2.426);
    private static readonly ParetoNbdParameters ParetoNbd = new(0.553, 10.578, 0.606, 11.669);

    private static CustomerSummarySet Set(double spend) => CustomerSummarySet.FromSummaries(
        [new CustomerSummary(CustomerId.From("C-1"), 3, 10, 20, spend), new CustomerSummary(CustomerId.From("C-2"), 0, 0, 20)], ValueTimeUnit.Weeks);

    [Fact]
    public void Dert_DiscountRateNotPositive_IsACxValidationException()
    {
        foreach (double rate in new[] { 0, -0.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            CxValidationException ex = Assert.Throws<CxValidationException>(() => ParetoNbd.DiscountedExpectedResidualPurchases(3, 10, 20, rate));
            Assert.Equal(CxErrorCodes.ScoringArgumentInvalid, ex.Failures[0].ErrorCode);
            Assert.Equal("continuousDiscountRate", ex.Failures[0].Field);
        }
    }

    [Fact]
    public void Dert_ModelWithoutClosedForm_ValidatesThenRefuses()
    {
        Assert.Equal(CxErrorCodes.ScoringArgumentInvalid, Assert.Throws<CxValidationException>(() => BgNbd.DiscountedExpectedResidualPurchases(3, 10, 20, 0)).Failures[0].ErrorCode);
        Assert.Throws<NotSupportedException>(() => BgNbd.DiscountedExpectedResidualPurchases(3, 10, 20, 0.01));
    }

    [Fact]
    public void Dert_HugeDropOutShape_IsFiniteAndBounded()
    {
        // s = 1e9 used to walk the incomplete-gamma recurrence a billion steps; the continued fraction takes over below a = −64.
        double dert = new ParetoNbdParameters(0.553, 10.578, 1e9, 11.669).DiscountedExpectedResidualPurchases(3, 10, 20, 0.0018);
        Assert.True(double.IsFinite(dert) && dert >= 0, dert.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void LogUpperIncompleteGamma_FarBelowZero_MatchesScipy()
    {
        // /usr/bin/python3: quad of exp((a-1) ln(t/z) - (t - z)) over (z, inf), epsrel 1e-13, then + (a-1) ln z - z,
        // a = -100.5, z = 3.
        Assert.Equal(-118.05038920650753, SpecialFunctions.LogUpperIncompleteGamma(-100.5, 3), 1e-9);
    }

    [Fact]
    public void Calculate_TinyDiscountRate_HasNoClosedFormInsteadOfThrowing()
    {
        // ln(1 + 1e-320) is 0: the continuous rate vanishes and DERT used to throw ArgumentOutOfRangeException from inside.
        CustomerValueReport report = new CustomerValueCalculator().Calculate(ParetoNbd, null, Set(25), new CustomerValueOptions { AnnualDiscountRate = 1e-320 });
        Assert.All(report.Customers, c => Assert.Null(c.ClosedFormValue));
        Assert.True(double.IsFinite(report.TotalResidualValue));
    }

    [Fact]
    public void Calculate_SpendNearTheLargestDouble_IsCx0914()
    {
        foreach (PurchaseModel model in new PurchaseModel[] { BgNbd, ParetoNbd })
        {
            CxValidationException ex = Assert.Throws<CxValidationException>(() => new CustomerValueCalculator().Calculate(model, null, Set(double.MaxValue)));
            Assert.Equal(CxErrorCodes.CustomerValueNotFinite, ex.Failures[0].ErrorCode);
            Assert.Contains("C-1", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Calculate_TotalOverflows_IsCx0914()
    {
        var many = Enumerable.Range(0, 50).Select(i => new CustomerSummary(CustomerId.From("C-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 3, 10, 20, 1e307));
        CxValidationException ex = Assert.Throws<CxValidationException>(() =>
            new CustomerValueCalculator().Calculate(BgNbd, null, CustomerSummarySet.FromSummaries(many, ValueTimeUnit.Weeks)));
        Assert.Equal(CxErrorCodes.CustomerValueNotFinite, ex.Failures[0].ErrorCode);
    }

    [Fact]
    public void Calculate_HorizonBeyondAHundredYears_IsCx0910()
    {
        CxValidationException ex = Assert.Throws<CxValidationException>(() =>
            new CustomerValueCalculator().Calculate(BgNbd, null, Set(25), new CustomerValueOptions { PeriodsPerYear = 1, HorizonPeriods = 101 }));
        Assert.Equal(CxErrorCodes.ValueOptionsInvalid, ex.Failures[0].ErrorCode);
        Assert.Equal("HorizonPeriods", ex.Failures[0].Field);
        Assert.True(double.IsFinite(new CustomerValueCalculator().Calculate(BgNbd, null, Set(25), new CustomerValueOptions { PeriodsPerYear = 1, HorizonPeriods = 100 }).TotalResidualValue));
    }

    [Fact]
    public void FromRecords_RepeatSpendBeyondLong_IsSummedExactly()
    {
        // Two repeat days of 8e18 cents each: their sum passes long.MaxValue; it used to throw OverflowException. The mean is
        // exact in 128 bits before it becomes a double: 8e16 dollars.
        var start = new LocalDate(2024, 1, 1);
        CustomerId c = CustomerId.From("C-1");
        AssetRecord[] records =
        [
            new(c, start, Money.FromMinorUnits(100, Currency.Usd)),
            new(c, start.PlusDays(3), Money.FromMinorUnits(8_000_000_000_000_000_000, Currency.Usd)),
            new(c, start.PlusDays(9), Money.FromMinorUnits(8_000_000_000_000_000_000, Currency.Usd)),
        ];
        CustomerSummarySet set = CustomerSummarySet.FromRecords(records, new CustomerSummaryOptions { CalibrationEnd = start.PlusDays(20) });

        Assert.Equal(2, set.Summaries[0].Frequency);
        Assert.Equal(8e16, set.Summaries[0].MeanRepeatSpend);
    }
}
