using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Tests.Value;

/// <summary>The workflow of <c>cx value</c>: each step equals the library's own building block, the split and its
/// defaults, nothing computed from a failed fit, the findings, bad options, and order independence.</summary>
public sealed class CustomerValueAnalysisTests
{
    private static readonly Lazy<CustomerValueAnalysis> CdnowAnalysis = new(() => CustomerValueAnalysis.Run(Cdnow.Sample, new CustomerValueAnalysisOptions
    {
        CalibrationEnd = Cdnow.CalibrationEnd,
        AtRisk = new AtRiskOptions { MaxCustomers = 10 },
    }));

    private static readonly Lazy<CustomerValueAnalysis> SampleAnalysis = new(() => CustomerValueAnalysis.Run(SampleCompany.Generate().RevenueRecords));

    [Fact]
    public void Run_CdnowSample_FitsThePublishedBgNbdAndGammaGamma()
    {
        CustomerValueAnalysis analysis = CdnowAnalysis.Value;

        // The purchase fit is BgNbdModel.Fit on the 39-week summaries: Fader, Hardie and Lee (2005) r = 0.243,
        // alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4 (PublishedEstimatesTests checks them to 3 significant digits).
        ModelFit<BgNbdParameters> expected = BgNbdModel.Fit(Cdnow.Split);
        Assert.True(analysis.PurchaseFit.IsConverged);
        Assert.Equal(expected.LogLikelihood, analysis.PurchaseFit.LogLikelihood);
        Assert.Equal(expected.Estimates.Select(e => (e.Value, e.StandardError)), analysis.PurchaseFit.Estimates.Select(e => (e.Value, e.StandardError)));
        Assert.Equal(0.243, analysis.PurchaseFit.Estimates[0].Value, 0.0005);
        Assert.Equal(-9582.4, analysis.PurchaseFit.LogLikelihood, 0.05);

        // Fader and Hardie (2013): p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers.
        ModelFit<GammaGammaParameters> spend = GammaGammaModel.Fit(Cdnow.Split);
        Assert.Equal(946, analysis.RepeatBuyerCount);
        Assert.Same(analysis.SpendFit!.Parameters, analysis.SpendModel);
        Assert.Equal(spend.LogLikelihood, analysis.SpendFit.LogLikelihood);
        Assert.Equal(6.25, analysis.SpendModel!.P, 0.005);

        Assert.Equal(PurchaseModelKind.BgNbd, analysis.Model);
        Assert.Equal(new LocalDate(1997, 1, 1), analysis.FirstDate);
        Assert.Equal(Cdnow.HoldoutEnd, analysis.LastDate);
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public void Run_CdnowSample_ChecksTheHoldoutAndValuesCustomersAsOfTheEndOfTheData()
    {
        CustomerValueAnalysis analysis = CdnowAnalysis.Value;
        PurchaseModel model = analysis.PurchaseFit.Parameters;

        HoldoutComparison holdout = HoldoutComparison.Compare(model, Cdnow.Split);
        Assert.Equal(holdout.Steps.Select(s => (s.ActualCumulative, s.ExpectedCumulative)), analysis.Holdout!.Steps.Select(s => (s.ActualCumulative, s.ExpectedCumulative)));
        Assert.Equal(1882, analysis.Holdout.Total.ActualCumulative);

        // Values and the at-risk list are as of 1998-06-30, on summaries re-built to that day, scored with the calibrated
        // parameters and the Gamma-Gamma spend.
        Assert.Equal(Cdnow.HoldoutEnd, analysis.AsOf);
        CustomerSummarySet scoring = CustomerSummarySet.FromRecords(Cdnow.Sample, new CustomerSummaryOptions { CalibrationEnd = Cdnow.HoldoutEnd });
        Assert.Equal(scoring.Summaries, analysis.Scoring.Summaries);
        var calculator = new CustomerValueCalculator();
        CustomerValueReport values = calculator.Calculate(model, analysis.SpendModel, scoring);
        Assert.Equal(values.TotalResidualValue, analysis.Values!.TotalResidualValue);
        Assert.Equal(values.Customers.Select(c => c.ResidualValue), analysis.Values.Customers.Select(c => c.ResidualValue));
        CustomersAtRisk atRisk = calculator.FindAtRisk(values, new AtRiskOptions { MaxCustomers = 10 });
        Assert.Equal(atRisk.SelectedCount, analysis.AtRisk!.SelectedCount);
        Assert.Equal(atRisk.Customers.Select(c => c.Customer), analysis.AtRisk.Customers.Select(c => c.Customer));
        Assert.Equal(10, analysis.AtRisk.Customers.Count);
    }

    [Fact]
    public void Run_SampleCompany_SaysTheSubscriptionDataDoNotFitAndComputesNothingFromTheFailedFit()
    {
        // The sample company bills monthly (subscriptions and leases): clock-like intervals, and the BG/NBD fit runs off
        // towards a model without heterogeneity.
        CustomerValueAnalysis analysis = SampleAnalysis.Value;

        Assert.True(analysis.Regularity.IsClockLike, analysis.Regularity.ToString());
        Assert.False(analysis.PurchaseFit.IsConverged);
        Assert.Null(analysis.Holdout);
        Assert.Null(analysis.Values);
        Assert.Null(analysis.AtRisk);
        Assert.Equal(new LocalDate(2025, 12, 28), analysis.AsOf); // the end of the data all the same
        Assert.Equal(3000, analysis.Scoring.CustomerCount);
        Assert.Equal(
            [ValueFindingKind.RegularPurchases, ValueFindingKind.PurchaseFitNotConverged, ValueFindingKind.SpendModelNotUsed],
            analysis.Findings.Select(f => f.Kind));
        Assert.Contains("subscription", analysis.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("(typically 30 days)", analysis.Findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("shifted-beta-geometric", analysis.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultCalibrationEnd_Examples_AreTwoThirdsOfTheRangeRoundedDown()
    {
        // 1997-01-01 to 1998-06-30 is 545 days; 2/3 of it is 363.3 days: 1997-12-30.
        Assert.Equal(new LocalDate(1997, 12, 30), CustomerValueAnalysis.DefaultCalibrationEnd(new LocalDate(1997, 1, 1), new LocalDate(1998, 6, 30)));
        Assert.Equal(new LocalDate(2024, 1, 1), CustomerValueAnalysis.DefaultCalibrationEnd(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2)));
        Assert.Equal(new LocalDate(2024, 1, 1), CustomerValueAnalysis.DefaultCalibrationEnd(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerValueAnalysis.DefaultCalibrationEnd(new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1)));
    }

    [Fact]
    public void Run_WithoutCalibrationEnd_CalibratesOnTwoThirdsOfTheRange()
    {
        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(Cdnow.Sample);

        Assert.Equal(new LocalDate(1997, 12, 30), analysis.Calibration.CalibrationEnd);
        Assert.Equal(Cdnow.HoldoutEnd, analysis.Calibration.HoldoutEnd);
        Assert.NotNull(analysis.Holdout);
    }

    [Fact]
    public void Run_CalibrationToTheLastRecord_HasNoHoldoutAndSaysSo()
    {
        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(Cdnow.Sample, new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.HoldoutEnd });

        Assert.Null(analysis.Holdout);
        Assert.Same(analysis.Calibration, analysis.Scoring);
        Assert.Equal(Cdnow.HoldoutEnd, analysis.AsOf);
        Assert.NotNull(analysis.Values);
        Assert.Equal([ValueFindingKind.NoHoldout], analysis.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Run_ParetoNbd_FitsParetoNbdAndAddsTheClosedFormValue()
    {
        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(Cdnow.Sample, new CustomerValueAnalysisOptions
        {
            Model = PurchaseModelKind.ParetoNbd,
            CalibrationEnd = Cdnow.CalibrationEnd,
        });

        // Fader, Hardie and Lee (2005): r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0.
        Assert.IsType<ParetoNbdParameters>(analysis.PurchaseFit.Parameters);
        Assert.Equal(-9595.0, analysis.PurchaseFit.LogLikelihood, 0.05);
        Assert.Equal(ParetoNbdModel.Fit(Cdnow.Split).LogLikelihood, analysis.PurchaseFit.LogLikelihood);
        Assert.NotNull(analysis.Values!.TotalClosedFormValue);
    }

    [Fact]
    public void Run_RepeatBuyerWithoutSpend_UsesObservedSpendAndSaysWhy()
    {
        // Customer Z's repeat purchase day nets 0 (a purchase and its refund): the Gamma-Gamma model cannot use it.
        List<AssetRecord> records =
        [
            .. Cdnow.Sample,
            new(CustomerId.From("Z"), new LocalDate(1997, 2, 1), Money.FromDecimal(20m, Currency.Usd)),
            new(CustomerId.From("Z"), new LocalDate(1997, 3, 1), Money.FromDecimal(20m, Currency.Usd)),
            new(CustomerId.From("Z"), new LocalDate(1997, 3, 1), Money.FromDecimal(-20m, Currency.Usd)),
        ];

        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(records, new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd });

        Assert.Null(analysis.SpendFit);
        Assert.Null(analysis.SpendModel);
        Assert.NotNull(analysis.Values);
        ValueFinding finding = Assert.Single(analysis.Findings);
        Assert.Equal(ValueFindingKind.SpendModelNotUsed, finding.Kind);
        Assert.Contains("1 repeat buyers spent nothing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ShuffledRecords_RendersTheSameJson()
    {
        AssetRecord[] shuffled = [.. Cdnow.Sample];
        new Random(7).Shuffle(shuffled);

        CustomerValueAnalysis analysis = CustomerValueAnalysis.Run(shuffled, new CustomerValueAnalysisOptions
        {
            CalibrationEnd = Cdnow.CalibrationEnd,
            AtRisk = new AtRiskOptions { MaxCustomers = 10 },
        });

        Assert.Equal(CdnowAnalysis.Value.ToJson(), analysis.ToJson());
    }

    [Fact]
    public void Run_BadOptions_ReportsEachWithItsCode()
    {
        var options = new CustomerValueAnalysisOptions { Model = PurchaseModelKind.Unknown, Value = null!, AtRisk = null! };

        CxValidationException ex = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run(Cdnow.Sample, options));

        Assert.Equal(["Model", "Value", "AtRisk"], ex.Failures.Select(f => f.Field));
        Assert.All(ex.Failures, f => Assert.Equal(CxErrorCodes.ValueAnalysisOptionsInvalid, f.ErrorCode));
        Assert.Contains("Expected the model BgNbd or ParetoNbd, got Unknown.", ex.Failures[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HoldoutEndNotAfterCalibrationEnd_IsSummaryOptionsInvalid()
    {
        var options = new CustomerValueAnalysisOptions { CalibrationEnd = Cdnow.CalibrationEnd, HoldoutEnd = Cdnow.CalibrationEnd };

        CxValidationException ex = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run(Cdnow.Sample, options));

        Assert.Equal(CxErrorCodes.SummaryOptionsInvalid, Assert.Single(ex.Failures).ErrorCode);
    }

    [Fact]
    public void Run_NoRecordsOrCalibrationBeforeTheFirst_IsValueInputEmpty()
    {
        CxValidationException empty = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run([]));
        CxValidationException early = Assert.Throws<CxValidationException>(() =>
            CustomerValueAnalysis.Run(Cdnow.Sample, new CustomerValueAnalysisOptions { CalibrationEnd = new LocalDate(1996, 12, 31) }));

        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Single(empty.Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.ValueInputEmpty, Assert.Single(early.Failures).ErrorCode);
        Assert.Throws<ArgumentNullException>(() => CustomerValueAnalysis.Run(null!));
    }

    [Fact]
    public void Run_InvalidRecord_NamesItsPosition()
    {
        List<AssetRecord> records = [.. Cdnow.Sample.Take(10), new AssetRecord(default, new LocalDate(1997, 2, 1), Money.FromDecimal(1m, Currency.Usd))];

        CxValidationException ex = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run(records));

        Assert.Equal(10, Assert.Single(ex.Failures).Position);
    }

    [Fact]
    public void Run_RecordInAnotherCalendar_NamesItsPosition()
    {
        // Fuzz seed 16 (issue #13): the default split compared every record's date with the first one, and a Julian date
        // among ISO dates threw NodaTime's "Only values in the same calendar can be compared" instead of naming the record.
        List<AssetRecord> records = [.. Cdnow.Sample.Take(10), new AssetRecord(Cdnow.Sample[0].Customer, new LocalDate(1997, 2, 1, CalendarSystem.Julian), Money.FromDecimal(1m, Currency.Usd))];

        CxValidationException ex = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run(records));

        CxValidationFailure failure = Assert.Single(ex.Failures);
        Assert.Equal(10, failure.Position);
        Assert.Equal(CxErrorCodes.DateNotIso, failure.ErrorCode);
    }

    [Fact]
    public void Run_EveryRecordInAnotherCalendar_NamesEachPosition()
    {
        List<AssetRecord> records = [.. Cdnow.Sample.Take(3).Select(r => r with { Date = r.Date.WithCalendar(CalendarSystem.Julian) })];

        CxValidationException ex = Assert.Throws<CxValidationException>(() => CustomerValueAnalysis.Run(records));

        Assert.Equal([0L, 1L, 2L], ex.Failures.Where(f => f.ErrorCode == CxErrorCodes.DateNotIso).Select(f => f.Position!.Value));
    }

    [Fact]
    public void ToString_CdnowSample_NamesModelStatusAndAtRisk()
    {
        string text = CdnowAnalysis.Value.ToString();

        Assert.StartsWith("BG/NBD on 2357 customers: Converged, ", text, StringComparison.Ordinal);
        Assert.EndsWith("customers at risk, 0 findings", text, StringComparison.Ordinal);
    }
}
