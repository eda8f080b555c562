using System.Globalization;
using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Domain.Tests.Robustness;

/// <summary>What the fuzz harness found when EarlyWarningFuzz and ValueFuzz joined it (phase 4 of issue #13), one
/// reproducer each. The findings it reported but left to the lead's rework are listed in ValueFuzz's remarks.</summary>
public sealed class EarlyWarningValueFindingsTests
{
    private static string UnderHostileCulture(Func<string> text)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = HostileCulture.Instance;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Calculate_SpendModelWithoutFiniteMean_ThrowsTheDocumentedException()
    {
        // Was an AggregateException from the parallel blocks.
        CustomerSummarySet summaries = CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("a"), 2, 3, 10, 20)], ValueTimeUnit.Weeks);

        var error = Assert.Throws<InvalidOperationException>(() => new CustomerValueCalculator().Calculate(new BgNbdParameters(1, 1, 1, 1), new GammaGammaParameters(1, 1, 1), summaries));

        Assert.Contains("q above 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConditionalExpectedSpend_NegativeFrequency_IsRefusedNotNaN()
    {
        var spend = new GammaGammaParameters(6.25, 3.74, 15.44);

        string message = UnderHostileCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() => spend.ConditionalExpectedSpend(-1_787_928_478, -111)).Message);

        Assert.Contains("x = -1787928478", message, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(message));
        Assert.Throws<ArgumentOutOfRangeException>(() => spend.ConditionalExpectedSpend(3, double.NaN));
        Assert.Equal(spend.ConditionalExpectedSpend(0, 0), spend.ConditionalExpectedSpend(0, double.NaN)); // m̄ is ignored when x = 0
    }

    [Fact]
    public void ModelFit_NullEstimates_AreRefusedAtConstruction()
    {
        // Its ToString crashed with ArgumentNullException('values').
        var diagnostics = new FitDiagnostics(FitStatus.Converged, 1, 1, 0, "ok", []);

        Assert.Throws<ArgumentNullException>(() => new ModelFit<GammaGammaParameters>(new GammaGammaParameters(1, 2, 3), null!, -1, 10, diagnostics));
        Assert.Throws<ArgumentException>(() => new ModelFit<GammaGammaParameters>(new GammaGammaParameters(1, 2, 3), [null!], -1, 10, diagnostics));
    }

    [Fact]
    public void CustomerValueReport_ANullCustomer_IsRefusedAtConstruction()
    {
        // Was a NullReferenceException.
        Assert.Throws<ArgumentException>(() => new CustomerValueReport("BG/NBD", "observed mean", Currency.Usd, ValueTimeUnit.Weeks, 0.1, 12, 36, 1, [null!]));
    }

    [Fact]
    public void DefaultCalibrationEnd_JulianDates_ThrowTheDocumentedArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerValueAnalysis.DefaultCalibrationEnd(new LocalDate(2023, 7, 5, CalendarSystem.Julian), new LocalDate(2024, 1, 1)));

        Assert.Equal("first", error.ParamName);
    }

    [Fact]
    public void ShiftedBetaGeometric_PeriodGuards_WriteTheNumberInvariantly()
    {
        var sbg = new ShiftedBetaGeometricParameters(0.668, 3.806);

        string message = UnderHostileCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() => sbg.ChurnProbability(-1_000_000)).Message);

        Assert.Contains("got -1000000.", message, StringComparison.Ordinal);
        Assert.Null(HostileCulture.Leak(message));
    }

    [Fact]
    public void UndefinedEnums_InToStringsAndMessages_AreWrittenInvariantly()
    {
        string marker = UnderHostileCulture(() => new RunChartMarker(Instant.FromUtc(2024, 8, 5, 23, 0), "x", (RunChartMarkerKind)(-1)).ToString());
        string finding = UnderHostileCulture(() => new ValueFinding((ValueFindingKind)(-1), "x").ToString());
        string diagnostics = UnderHostileCulture(() => new FitDiagnostics((FitStatus)(-1), 1, 1, 0, "x", []).ToString());
        string unit = UnderHostileCulture(() => Assert.Throws<CxValidationException>(() => CustomerSummarySet.FromSummaries([new CustomerSummary(CustomerId.From("a"), 0, 0, 1)], (ValueTimeUnit)(-1))).Message);

        Assert.All(new[] { marker, finding, diagnostics }, text => Assert.StartsWith("-1", text, StringComparison.Ordinal));
        Assert.Contains("got -1.", unit, StringComparison.Ordinal);
        Assert.All(new[] { marker, finding, diagnostics, unit }, text => Assert.Null(HostileCulture.Leak(text)));
    }

    [Fact]
    public void AttributionWithCancellation_NullFramework_ThrowsArgumentNullException()
    {
        // Was a NullReferenceException deep in the attribution index.
        Cx.Domain.Assets.AssetLedger ledger = Cx.Domain.Assets.AssetLedger.FromRecords([new Cx.Domain.Assets.AssetRecord(CustomerId.From("A"), new LocalDate(2024, 1, 5), Money.FromDecimal(10, Currency.Usd))], PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2)));

        var error = Assert.Throws<ArgumentNullException>(() => new JourneyAttributionCalculator().Calculate(null!, ledger, [], null, CancellationToken.None));

        Assert.Equal("framework", error.ParamName);
    }

    [Fact]
    public void TopicTaxonomyJson_InvalidUtf16_IsAMalformedDocument()
    {
        // Was System.Text.Json's ArgumentException "Cannot transcode invalid UTF-16 string to UTF-8 JSON text".
        var error = Assert.Throws<CxValidationException>(() => Cx.Domain.Listening.TopicTaxonomyJson.Parse("{\"topics\": [{\"id\": \"a\uD800\", \"name\": \"A\", \"keywords\": [\"x\"]}]}"));

        Assert.Equal(CxErrorCodes.TaxonomyJsonMalformed, Assert.Single(error.Failures).ErrorCode);
    }

    [Fact]
    public void WaterfallChart_MovementsSummingBeyondLong_AreRefusedWithCx0111()
    {
        // A is new in January with 8e18 minor units and churns in February, when B is new with 8e18: every closing fits,
        // the two months' "new" bar (1.6e19) does not. Was an OverflowException.
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));
        var ledger = Cx.Domain.Assets.AssetLedger.FromRecords(
            [new Cx.Domain.Assets.AssetRecord(CustomerId.From("A"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(8_000_000_000_000_000_000, Currency.Usd)),
             new Cx.Domain.Assets.AssetRecord(CustomerId.From("B"), new LocalDate(2024, 2, 5), Money.FromMinorUnits(8_000_000_000_000_000_000, Currency.Usd))],
            grid);
        Cx.Domain.Assets.AssetMovementReport report = new Cx.Domain.Assets.AssetMovementCalculator().Calculate(ledger);

        var error = Assert.Throws<CxValidationException>(() => report.ToWaterfallChart());

        Assert.Equal(CxErrorCodes.ValueOverflow, Assert.Single(error.Failures).ErrorCode);
        Assert.Contains("<svg", report.ToWaterfallChart(grid[1]).Svg, StringComparison.Ordinal); // one month alone fits
    }

    [Fact]
    public void ExpectedPurchases_NegativeHorizon_IsNotANumber()
    {
        // Finding V-2 of the fuzz harness: Pareto/NBD gave -22.86 expected purchases over a horizon of -1. The models do not
        // validate on the hot path; an invalid number gives NaN, never a negative count.
        PurchaseModel[] models = [new Cx.Domain.Value.ParetoNbdParameters(17.62, 19.8, 11.52, 2.84), new Cx.Domain.Value.BgNbdParameters(0.243, 4.414, 0.793, 2.426)];
        foreach (PurchaseModel model in models)
        {
            foreach (double horizon in new[] { -1, -1e-9, double.NaN, double.NegativeInfinity })
            {
                Assert.True(double.IsNaN(model.ExpectedPurchasesNewCustomer(horizon)), $"{model.Name} new customer at {horizon}");
                Assert.True(double.IsNaN(model.ExpectedPurchases(2, 10, 30, horizon)), $"{model.Name} conditional at {horizon}");
                Assert.True(double.IsNaN(model.ExpectedPurchasesIfAlive(2, 10, 30, horizon)), $"{model.Name} if alive at {horizon}");
            }

            Assert.Equal(0, model.ExpectedPurchasesNewCustomer(0));
        }
    }

    [Fact]
    public void ParetoNbdDert_LargeDiscountTimesAge_IsFiniteAndMatchesScipysU()
    {
        // Finding V-6 of the fuzz harness: NaN at ordinary parameters. The DERT's Tricomi U(s, s; delta (beta + T)) is
        // e^z Γ(1 - s, z); ln Γ(-16.38, 122.8) came from a walk down from Γ(0.62, z) that subtracted two nearly equal
        // numbers at each of 17 steps and lost every digit. ln U(17.38, 17.38, 122.8004) = -83.73903347165451 from
        // scipy.special.hyperu (SciPy 1.10); the rest of the formula (Fader, Hardie and Lee 2005, "RFM and CLV", eq. 2)
        // with this library's own log-likelihood.
        var model = new Cx.Domain.Value.ParetoNbdParameters(12.37, 6.44, 17.38, 14.81);
        (int x, double tx, double t, double delta) = (2, 0.4335, 8.67, 5.23);
        double logU = -83.73903347165451;
        double expected = Math.Exp((12.37 * Math.Log(6.44)) + (17.38 * Math.Log(14.81)) + (16.38 * Math.Log(delta))
            + Cx.Domain.Internal.SpecialFunctions.LogGamma(12.37 + x + 1) + logU - Cx.Domain.Internal.SpecialFunctions.LogGamma(12.37)
            - ((12.37 + x + 1) * Math.Log(6.44 + t)) - model.LogLikelihood(x, tx, t));

        double dert = model.DiscountedExpectedResidualPurchases(x, tx, t, delta);

        Assert.True(double.IsFinite(dert) && dert > 0, $"DERT {dert}");
        Assert.Equal(expected, dert, 1e-10 * expected);
    }
}
