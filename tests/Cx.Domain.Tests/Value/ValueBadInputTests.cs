using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Tests.Value;

/// <summary>Bad input gets a clear error naming the record and field; a degenerate fit is reported, never a silent number.</summary>
public sealed class ValueBadInputTests
{
    private static CustomerSummary S(string id, int x, double tx, double t, double spend = 0) => new(CustomerId.From(id), x, tx, t, spend);

    [Fact]
    public void FromSummaries_InconsistentSummaries_ReportsEveryFailureWithPositionAndCode()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromSummaries(
            [S("a", -1, 0, 5), S("b", 2, 9, 5), S("c", 0, 3, 5), S("d", 1, double.NaN, 5), S("e", 1, 1, 5, -3), S("f", 0, 0, 1), S("f", 0, 0, 2), default], ValueTimeUnit.Weeks));

        Assert.Contains(error.Failures, f => f.Position == 0 && f.ErrorCode == CxErrorCodes.SummaryFrequencyInvalid && f.Field == "Frequency");
        Assert.Contains(error.Failures, f => f.Position == 1 && f.ErrorCode == CxErrorCodes.SummaryRecencyAfterAge && f.Message.Contains("at most the age T = 5", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Position == 2 && f.ErrorCode == CxErrorCodes.SummaryRecencyWithoutRepeat);
        Assert.Contains(error.Failures, f => f.Position == 3 && f.ErrorCode == CxErrorCodes.SummaryTimeInvalid && f.Field == "Recency");
        Assert.Contains(error.Failures, f => f.Position == 4 && f.ErrorCode == CxErrorCodes.SummarySpendInvalid);
        Assert.Contains(error.Failures, f => f.Position == 6 && f.ErrorCode == CxErrorCodes.SummaryDuplicateCustomer && f.Message.Contains("record #5", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Position == 7 && f.ErrorCode == CxErrorCodes.CustomerIdEmpty);
        Assert.StartsWith("Invalid customer summaries: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromSummaries_TimesBeyondMaxTime_AreRefusedAndMaxTimeItselfIsTaken()
    {
        // Issue 13: beyond 1e12 (19 billion years in weeks) the models' arithmetic is not checked — a Pareto/NBD with
        // r = α = s = 1e-300 gave a P(alive) of NaN at T = 1e13 — so the summary validator refuses such times.
        CxValidationException error = Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromSummaries(
            [S("a", 1, 3, 1e13), S("b", 1, 2e12, 2e12), S("c", 1, 3, PurchaseModel.MaxTime)], ValueTimeUnit.Weeks));

        Assert.Contains(error.Failures, f => f.Position == 0 && f.ErrorCode == CxErrorCodes.SummaryTimeInvalid && f.Field == "Age"
            && f.Message == "Expected an age T from 0 to 1e12 (PurchaseModel.MaxTime, in the summaries' time unit), got 10000000000000.");
        Assert.Contains(error.Failures, f => f.Position == 1 && f.ErrorCode == CxErrorCodes.SummaryTimeInvalid && f.Field == "Recency");
        Assert.DoesNotContain(error.Failures, f => f.Position == 2);
        Assert.Equal(1e12, PurchaseModel.MaxTime);
    }

    [Fact]
    public void FromSummariesAndRecords_Empty_IsAnError()
    {
        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromSummaries([], ValueTimeUnit.Weeks)).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromRecords([])).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.SummaryOptionsInvalid,
            Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromSummaries([S("a", 0, 0, 1)], ValueTimeUnit.Unknown)).Failures[0].ErrorCode);
    }

    [Fact]
    public void FromRecords_HoldoutBeforeCalibration_AndMixedCurrencies_AreErrors()
    {
        var options = new CustomerSummaryOptions { CalibrationEnd = new LocalDate(2024, 6, 30), HoldoutEnd = new LocalDate(2024, 1, 1) };
        Assert.Equal(CxErrorCodes.SummaryOptionsInvalid, Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromRecords([], options)).Failures[0].ErrorCode);
        AssetRecord usd = new(CustomerId.From("a"), new LocalDate(2024, 1, 5), Money.FromDecimal(10m, Currency.Usd));
        AssetRecord eur = new(CustomerId.From("a"), new LocalDate(2024, 1, 6), Money.FromDecimal(10m, Currency.Eur));
        CxValidationException error = Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromRecords([usd, eur]));
        Assert.Equal(1, error.Failures[0].Position);
        Assert.Equal(CxErrorCodes.CurrencyMismatch, error.Failures[0].ErrorCode);
    }

    [Fact]
    public void FromRecords_SameDayAndRefunds_AreMergedAndCountedNotDropped()
    {
        AssetRecord R(string id, int day, decimal usd) => new(CustomerId.From(id), new LocalDate(2024, 1, 1).PlusDays(day), Money.FromDecimal(usd, Currency.Usd));
        CustomerSummarySet set = CustomerSummarySet.FromRecords(
            [R("a", 0, 10), R("a", 0, 5), R("a", 7, 20), R("a", 14, -30), R("a", 21, 40), R("b", 3, -5), R("c", 40, 9)],
            new CustomerSummaryOptions { CalibrationEnd = new LocalDate(2024, 1, 29), TimeUnit = ValueTimeUnit.Weeks });

        CustomerSummary a = Assert.Single(set.Summaries);
        Assert.Equal(2, a.Frequency); // days 7 and 21; day 0 is the first purchase (two records merged), day 14 a refund
        Assert.Equal(3, a.Recency);
        Assert.Equal(4, a.Age);
        Assert.Equal(30, a.MeanRepeatSpend);
        Assert.Equal(1, set.MergedSameDayRecordCount);
        Assert.Equal(2, set.RefundDayCount);
        Assert.Equal(1, set.CustomersWithoutPurchase);
        Assert.Equal(1, set.CustomersFirstSeenAfterCalibration);
        Assert.Equal(12 / 7.0, set.HoldoutLength, 1e-12); // to the last record, 2024-02-10: 12 days
        Assert.Equal(2, set.HoldoutPurchasesPerStep.Count); // in two weekly steps, the second a part week
        Assert.Equal(0, set.HoldoutPurchasesPerStep.Sum()); // customer c is first seen in the holdout: a new customer, not a repeat
    }

    [Fact]
    public void Fit_NoRepeatPurchaseAtAll_IsReportedAsNotConverged()
    {
        // Nobody bought twice: the purchase rate runs to zero; the fit says so instead of returning numbers.
        CustomerSummarySet set = CustomerSummarySet.FromSummaries(Enumerable.Range(0, 50).Select(i => S($"c{i}", 0, 0, 10 + i)), ValueTimeUnit.Weeks);
        ModelFit<BgNbdParameters> fit = BgNbdModel.Fit(set);

        Assert.False(fit.IsConverged);
        Assert.NotEqual(FitStatus.Converged, fit.Diagnostics.Status);
        Assert.False(string.IsNullOrWhiteSpace(fit.Diagnostics.Message));
        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Throws<CxValidationException>(() => GammaGammaModel.Fit(set)).Failures[0].ErrorCode);
    }

    [Fact]
    public void Options_Invalid_AreErrorsWithTheirField()
    {
        CustomerSummarySet set = CustomerSummarySet.FromSummaries([S("a", 1, 1, 2, 5)], ValueTimeUnit.Weeks);
        var calculator = new CustomerValueCalculator();
        var model = new BgNbdParameters(0.24, 4.4, 0.79, 2.4);
        CxValidationException error = Assert.Throws<CxValidationException>(() => calculator.Calculate(model, null, set,
            new CustomerValueOptions { AnnualDiscountRate = -0.1, PeriodsPerYear = 0, HorizonPeriods = 0, Margin = 2 }));
        Assert.Equal(["AnnualDiscountRate", "PeriodsPerYear", "HorizonPeriods", "Margin"], error.Failures.Select(f => f.Field));
        Assert.All(error.Failures, f => Assert.Equal(CxErrorCodes.ValueOptionsInvalid, f.ErrorCode));
        Assert.Throws<CxValidationException>(() => calculator.FindAtRisk(calculator.Calculate(model, null, set), new AtRiskOptions { ProbabilityAliveThreshold = 0 }));
        Assert.Equal(CxErrorCodes.FitOptionsInvalid,
            Assert.Throws<CxValidationException>(() => BgNbdModel.Fit(set, new ModelFitOptions { StartingValues = [1, 2] })).Failures[0].ErrorCode);
        Assert.Equal(CxErrorCodes.CohortSeriesInvalid, Assert.Throws<CxValidationException>(() => ContractCohort.Create("x", [100, 120])).Failures[0].ErrorCode);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdParameters(0, 1, 1, 1));
        Assert.Throws<InvalidOperationException>(() => new GammaGammaParameters(1, 0.5, 1).ConditionalExpectedSpend(2, 10));
        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Throws<CxValidationException>(() => HoldoutComparison.Compare(model, set)).Failures[0].ErrorCode);
    }
}
