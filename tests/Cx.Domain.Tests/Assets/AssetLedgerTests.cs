using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

/// <summary>Bad input gets a clear error naming the record and field, and nothing is dropped silently.</summary>
public sealed class AssetLedgerTests
{
    private static readonly PeriodGrid Q1 = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

    private static AssetRecord Usd(string customer, int month, decimal amount, int day = 10, string? segment = null) =>
        new(CustomerId.From(customer), new LocalDate(2024, month, day), Money.FromDecimal(amount, Currency.Usd), segment);

    [Fact]
    public void FromRecords_RefundsExceedPurchases_ThrowsNamingCustomerAndPeriod()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() =>
            AssetLedger.FromRecords([Usd("A", 1, 50m), Usd("A", 2, 30m), Usd("A", 2, -45m)], Q1));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.NetValueNegative, failure.ErrorCode);
        Assert.Equal("customer 'A', period 2024-02", failure.Subject);
        Assert.Contains("customer 'A', period 2024-02", error.Message, StringComparison.Ordinal);
        Assert.Contains("-1500", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecords_RefundsExceedPurchasesWithFloor_CountsTheFlooredCase()
    {
        AssetLedger ledger = AssetLedger.FromRecords(
            [Usd("A", 1, 50m), Usd("A", 2, 30m), Usd("A", 2, -45m), Usd("A", 3, 20m)],
            Q1,
            new AssetLedgerOptions { NegativeValues = NegativeValuePolicy.FloorAtZero });

        FlooredCell floored = Assert.Single(ledger.FlooredCells);
        Assert.Equal(new FlooredCell(CustomerId.From("A"), 1, "2024-02", -1500), floored);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);
        Assert.Equal(1, report.FlooredCellCount);
        Assert.Equal(new MovementTotal(1, -5000), report.Periods[1].Churned);
        Assert.Equal(new MovementTotal(1, 2000), report.Periods[2].Reactivated);
    }

    [Fact]
    public void FromRecords_RefundWithinPurchases_IsFine()
    {
        AssetLedger ledger = AssetLedger.FromRecords([Usd("A", 1, 50m), Usd("A", 1, -50m), Usd("B", 1, 10m)], Q1);

        Assert.Equal(0, ledger.ValueOf(CustomerId.From("A"), 0));
        Assert.Equal(1000, ledger.ValueOf(CustomerId.From("B"), 0));
        Assert.Equal(2, ledger.CustomerCount);
    }

    [Fact]
    public void FromRecords_MixedCurrencies_ThrowsNamingBoth()
    {
        var eur = new AssetRecord(CustomerId.From("B"), new LocalDate(2024, 1, 3), Money.FromDecimal(5m, Currency.Eur));

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords([Usd("A", 1, 5m), eur], Q1));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(1, failure.Position);
        Assert.Equal(CxErrorCodes.CurrencyMismatch, failure.ErrorCode);
        Assert.Equal("Amount.Currency", failure.Field);
        Assert.Contains("USD", failure.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecords_CurrencyOptionDiffersFromRecords_RejectsEveryRecord()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() =>
            AssetLedger.FromRecords([Usd("A", 1, 5m), Usd("B", 1, 5m)], Q1, new AssetLedgerOptions { Currency = Currency.Gbp }));

        Assert.Equal(2, error.TotalFailureCount);
        Assert.All(error.Failures, f => Assert.Equal(CxErrorCodes.CurrencyMismatch, f.ErrorCode));
    }

    [Fact]
    public void FromRecords_NoCurrencyOrEmptyId_ReportsEveryFailureWithPosition()
    {
        AssetRecord[] records =
        [
            Usd("A", 1, 5m),
            new(default, new LocalDate(2024, 1, 2), Money.FromDecimal(1m, Currency.Usd)),
            new(CustomerId.From("C"), new LocalDate(2024, 1, 2), default),
            Usd("D", 1, 1m, segment: "   "),
        ];

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords(records, Q1));

        Assert.Equal(
            [(1L, CxErrorCodes.CustomerIdEmpty), (2L, CxErrorCodes.CurrencyMissing), (3L, CxErrorCodes.SegmentInvalid)],
            error.Failures.Select(f => (f.Position!.Value, f.ErrorCode)).ToArray());
        Assert.Contains("record #1: Customer:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currency_UnknownCode_IsRejected()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => Currency.FromCode("USS"));
        Assert.Contains("USS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecords_DateAfterGrid_RejectedUnlessExcluded()
    {
        AssetRecord late = new(CustomerId.From("A"), new LocalDate(2024, 4, 1), Money.FromDecimal(5m, Currency.Usd));

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords([Usd("A", 1, 5m), late], Q1));
        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal((1L, "Date", CxErrorCodes.DateAfterGrid), (failure.Position!.Value, failure.Field, failure.ErrorCode));
        Assert.Contains("2024-04-01", failure.Message, StringComparison.Ordinal);

        AssetLedger ledger = AssetLedger.FromRecords([Usd("A", 1, 5m), late], Q1, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });
        Assert.Equal(1, ledger.ExcludedRecordCount);
        Assert.Equal(2, ledger.RecordCount);
        Assert.Equal(1, new AssetMovementCalculator().Calculate(ledger).ExcludedRecordCount);
    }

    [Fact]
    public void FromRecords_HistoryBeforeGrid_DecidesNewVersusReactivated()
    {
        AssetRecord old = new(CustomerId.From("A"), new LocalDate(2022, 6, 1), Money.FromDecimal(5m, Currency.Usd));

        AssetLedger ledger = AssetLedger.FromRecords([old, Usd("A", 2, 7m), Usd("B", 2, 3m)], Q1);
        PeriodMovement feb = new AssetMovementCalculator().Calculate(ledger).Periods[1];

        Assert.Equal(new MovementTotal(1, 700), feb.Reactivated);
        Assert.Equal(new MovementTotal(1, 300), feb.New);
        Assert.Equal(19, ledger.HistoryPeriodCount);
    }

    [Fact]
    public void FromRecords_Empty_ThrowsEmptyInput()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords([], Q1));
        Assert.Equal(CxErrorCodes.InputEmpty, Assert.Single(error.Failures).ErrorCode);
    }

    [Fact]
    public void FromRecords_NetValueOverflows_ThrowsClearError()
    {
        AssetRecord huge = new(CustomerId.From("A"), new LocalDate(2024, 1, 1), Money.FromMinorUnits(long.MaxValue, Currency.Usd));

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords([huge, huge], Q1));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.ValueOverflow, failure.ErrorCode);
        Assert.Equal("customer 'A', period 2024-01", failure.Subject);
    }

    [Fact]
    public void Calculate_PeriodTotalOverflows_ThrowsClearErrorNotOverflowException()
    {
        AssetRecord Huge(string id) => new(CustomerId.From(id), new LocalDate(2024, 1, 1), Money.FromMinorUnits(long.MaxValue / 2 + 1, Currency.Usd));
        AssetLedger ledger = AssetLedger.FromRecords([Huge("A"), Huge("B")], Q1);

        CxValidationException error = Assert.Throws<CxValidationException>(() => new AssetMovementCalculator().Calculate(ledger));

        Assert.Equal(CxErrorCodes.ValueOverflow, Assert.Single(error.Failures).ErrorCode);
    }

    [Fact]
    public void FromPeriodValues_Duplicates_ThrowNamingBothRecords()
    {
        AssetPeriodValue V(string id, int period, long cents) => new(CustomerId.From(id), period, Money.FromMinorUnits(cents, Currency.Usd));

        CxValidationException error = Assert.Throws<CxValidationException>(() =>
            AssetLedger.FromPeriodValues([V("A", 0, 100), V("B", 0, 5), V("A", 0, 200)], Q1));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.DuplicatePeriodValue, failure.ErrorCode);
        Assert.Contains("#0", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPeriodValues_NegativeOrAfterGrid_AreRejected()
    {
        AssetPeriodValue[] values =
        [
            new(CustomerId.From("A"), 0, Money.FromMinorUnits(-1, Currency.Usd)),
            new(CustomerId.From("A"), 3, Money.FromMinorUnits(1, Currency.Usd)),
        ];

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromPeriodValues(values, Q1));

        Assert.Equal([CxErrorCodes.PeriodValueNegative, CxErrorCodes.PeriodIndexAfterGrid], error.Failures.Select(f => f.ErrorCode).ToArray());
    }

    [Fact]
    public void FromPeriodValues_SameValuesAsRecords_GiveTheSameReport()
    {
        AssetLedger fromRecords = WorkedExampleTests.Ledger();
        AssetPeriodValue[] values = fromRecords.Customers
            .SelectMany(c => Enumerable.Range(-2, 5).Select(p => new AssetPeriodValue(c, p, Money.FromMinorUnits(fromRecords.ValueOf(c, p), Currency.Usd))))
            .ToArray();

        AssetLedger fromValues = AssetLedger.FromPeriodValues(values, Q1);

        var calculator = new AssetMovementCalculator();
        Assert.Equal(calculator.Calculate(fromRecords), calculator.Calculate(fromValues));
    }

    [Fact]
    public void FromRecords_InvalidOptions_ThrowWithCode()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() =>
            AssetLedger.FromRecords([Usd("A", 1, 1m)], Q1, new AssetLedgerOptions { NegativeValues = NegativeValuePolicy.Unknown, Currency = Currency.None }));

        Assert.Equal([CxErrorCodes.PolicyInvalid, CxErrorCodes.CurrencyMissing], error.Failures.Select(f => f.ErrorCode).ToArray());
    }

    [Fact]
    public void Calculate_InvalidWindow_ThrowsWithCode()
    {
        CxValidationException error = Assert.Throws<CxValidationException>(() =>
            new AssetMovementCalculator().Calculate(WorkedExampleTests.Ledger(), new AssetMovementOptions { ActivityWindow = 0 }));

        Assert.Equal(CxErrorCodes.ActivityWindowInvalid, Assert.Single(error.Failures).ErrorCode);
    }

    [Fact]
    public void PublicEntryPoints_NullArguments_ThrowArgumentNullException()
    {
        var calculator = new AssetMovementCalculator();
        Assert.Throws<ArgumentNullException>(() => AssetLedger.FromRecords(null!, Q1));
        Assert.Throws<ArgumentNullException>(() => AssetLedger.FromRecords([], null!));
        Assert.Throws<ArgumentNullException>(() => calculator.Calculate(null!));
        Assert.Throws<ArgumentNullException>(() => calculator.BySegment(null!));
        Assert.Throws<ArgumentNullException>(() => calculator.CustomerMovements(null!));
        Assert.Throws<ArgumentNullException>(() => new RetentionCalculator().CohortMetrics(null!, 1));
        Assert.Throws<ArgumentNullException>(() => new CohortCalculator().Calculate(null!));
    }

    [Fact]
    public void FromRecords_SegmentChangesWithinPeriod_LatestDatedRecordWins()
    {
        AssetLedger ledger = AssetLedger.FromRecords(
            [Usd("A", 1, 10m, day: 3, segment: "basic"), Usd("A", 2, 10m, day: 3, segment: "basic"), Usd("A", 2, 5m, day: 20, segment: "pro")],
            Q1);

        CustomerMovement feb = new AssetMovementCalculator().CustomerMovements(ledger).Single(m => m.Period.Label == "2024-02");
        Assert.Equal((MovementClass.Expansion, "pro", 500L), (feb.Class, feb.Segment, feb.ValueDelta));
        SegmentMovementReport segments = new AssetMovementCalculator().BySegment(ledger);
        SegmentPeriodMovement pro = segments.Segments.Single(s => s.Segment == "pro").Periods[1];
        Assert.Equal((1000L, 1500L, 1000L), (pro.Opening, pro.Closing, pro.NetMigrationIn));
    }

    [Fact]
    public void FromRecords_CustomGridWithHistory_HistoryOnlyMarksPreviouslyActive()
    {
        PeriodGrid custom = PeriodGrid.Custom([new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 15)), new DateInterval(new LocalDate(2024, 1, 16), new LocalDate(2024, 2, 29))]);
        AssetRecord Sale(string id, LocalDate date) => new(CustomerId.From(id), date, Money.FromDecimal(10m, Currency.Usd));

        AssetLedger ledger = AssetLedger.FromRecords([Sale("A", new LocalDate(2023, 12, 31)), Sale("A", new LocalDate(2024, 1, 2)), Sale("B", new LocalDate(2024, 1, 20))], custom);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);

        Assert.Equal(0, report.Periods[0].Opening);
        Assert.Equal(new MovementTotal(1, 1000), report.Periods[0].Reactivated);
        Assert.Equal(new MovementTotal(1, 1000), report.Periods[1].New);
        Assert.Equal(new MovementTotal(1, -1000), report.Periods[1].Churned);
        Assert.Equal("2024-01-01..2024-01-15", report.Periods[0].Period.Label);
    }
}
