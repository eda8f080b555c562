using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

/// <summary><see cref="AssetLedger.FromColumns"/>: the bulk path of file readers gives exactly the ledger of the record
/// path, for any rows in any order, and checks every row with the same rules.</summary>
public sealed class AssetColumnsTests
{
    private static readonly PeriodGrid Q1 = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
    private static readonly AssetMovementCalculator Calculator = new();

    internal static AssetColumns ToColumns(IReadOnlyList<AssetRecord> records, Currency currency) => AssetColumns.FromRecords(records, currency);

    private static Arbitrary<(AssetDataset Data, int Seed, int Cut)> DataSeedAndCut =>
        (from data in AssetDataset.Generator()
         from seed in Gen.Choose(0, int.MaxValue)
         from cut in Gen.Choose(0, 2)
         select (data, seed, cut)).ToArbitrary();

    [Fact]
    public void FromColumns_AnyRowsInAnyOrder_GivesTheLedgerOfTheRecordPath()
    {
        Properties.Check(DataSeedAndCut, input =>
        {
            (AssetDataset data, int seed, int cut) = input;
            AssetRecord[] records = [.. data.Records()];
            if (records.Length == 0)
            {
                return;
            }

            new Random(seed).Shuffle(records);

            // A grid cut short leaves later records out (counted), as --end does.
            PeriodGrid grid = PeriodGrid.Monthly(AssetDataset.FirstGridMonth, AssetDataset.FirstGridMonth.PlusMonths(Math.Max(0, data.GridCount - 1 - cut)));
            var options = new AssetLedgerOptions { Currency = Currency.Usd, AfterGrid = AfterGridPolicy.Exclude };
            AssetLedger expected = AssetLedger.FromRecords(records, grid, options);
            AssetLedger actual = AssetLedger.FromColumns(ToColumns(records, Currency.Usd), grid, options);

            AssertSameLedger(expected, actual);
            Assert.Equal(Calculator.Calculate(expected, new AssetMovementOptions { ActivityWindow = 2 }), Calculator.Calculate(actual, new AssetMovementOptions { ActivityWindow = 2 }));

            // Customers listed in another order than their first appearance (and an unused one) are renumbered.
            AssetColumns interned = ToColumns(records, Currency.Usd);
            int n = interned.Customers.Count;
            AssetColumns reordered = new(
                Currency.Usd,
                [CustomerId.From("unused"), .. interned.Customers.Reverse()],
                interned.CustomerIndex.ToArray().Select(c => n - c).ToArray(),
                interned.Date,
                interned.AmountInMinorUnits,
                interned.Segments,
                interned.SegmentIndex);
            AssertSameLedger(expected, AssetLedger.FromColumns(reordered, grid, options));
            SegmentMovementReport expectedSegments = Calculator.BySegment(expected);
            SegmentMovementReport actualSegments = Calculator.BySegment(actual);
            Assert.Equal(expectedSegments.Segments.Select(s => s.Segment), actualSegments.Segments.Select(s => s.Segment));
            Assert.Equal(expectedSegments.Segments.SelectMany(s => s.Periods), actualSegments.Segments.SelectMany(s => s.Periods));
        });
    }

    [Fact]
    public void FromColumns_RefundsExceedPurchases_FailsOrFloorsLikeTheRecordPath()
    {
        AssetRecord[] records =
        [
            new(CustomerId.From("A"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(5000, Currency.Usd)),
            new(CustomerId.From("A"), new LocalDate(2024, 2, 5), Money.FromMinorUnits(3000, Currency.Usd)),
            new(CustomerId.From("A"), new LocalDate(2024, 2, 9), Money.FromMinorUnits(-4500, Currency.Usd)),
            new(CustomerId.From("B"), new LocalDate(2024, 3, 1), Money.FromMinorUnits(100, Currency.Usd), "pro"),
        ];

        CxValidationException fromRecords = Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords(records, Q1));
        CxValidationException fromColumns = Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(ToColumns(records, Currency.Usd), Q1));
        Assert.Equal(fromRecords.Failures, fromColumns.Failures);

        var floor = new AssetLedgerOptions { NegativeValues = NegativeValuePolicy.FloorAtZero };
        AssertSameLedger(AssetLedger.FromRecords(records, Q1, floor), AssetLedger.FromColumns(ToColumns(records, Currency.Usd), Q1, floor));
    }

    [Fact]
    public void FromColumns_DateAfterGrid_RejectsWithTheRowOrExcludesAndCounts()
    {
        AssetRecord[] records =
        [
            new(CustomerId.From("A"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(5000, Currency.Usd)),
            new(CustomerId.From("A"), new LocalDate(2024, 4, 5), Money.FromMinorUnits(3000, Currency.Usd)),
        ];

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(ToColumns(records, Currency.Usd), Q1));
        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal((1L, "Date", CxErrorCodes.DateAfterGrid), (failure.Position!.Value, failure.Field, failure.ErrorCode));
        Assert.Equal(Assert.Single(Assert.Throws<CxValidationException>(() => AssetLedger.FromRecords(records, Q1)).Failures), failure);

        AssetLedger ledger = AssetLedger.FromColumns(ToColumns(records, Currency.Usd), Q1, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });
        Assert.Equal(1, ledger.ExcludedRecordCount);
        Assert.Equal(2, ledger.RecordCount);
    }

    [Fact]
    public void FromColumns_InvalidColumns_ReportsEveryFailureWithItsRowOrListPosition()
    {
        var columns = new AssetColumns(
            Currency.Usd,
            [CustomerId.From("A"), default, CustomerId.From("A")],
            new[] { 0, 3, -1 },
            new[] { new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2, CalendarSystem.Julian), new LocalDate(2024, 1, 3) },
            new long[] { 1, 2, 3 },
            ["pro", " ", "pro"],
            new[] { 0, 5, -2 });

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(columns, Q1));

        Assert.Equal(
            [
                (null, "customer #1", CxErrorCodes.CustomerIdEmpty),
                (null, "customer #2", CxErrorCodes.ColumnsCustomerRepeated),
                (null, "segment #1", CxErrorCodes.SegmentInvalid),
                (null, "segment #2", CxErrorCodes.ColumnsSegmentRepeated),
            ],
            error.Failures.Select(f => (f.Position, f.Subject, f.ErrorCode)));
    }

    [Fact]
    public void FromColumns_BadRows_NamesEachRowAndField()
    {
        var columns = new AssetColumns(
            Currency.Usd,
            [CustomerId.From("A")],
            new[] { 0, 3, -1 },
            new[] { new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2, CalendarSystem.Julian), new LocalDate(2024, 1, 3) },
            new long[] { 1, 2, 3 },
            ["pro"],
            new[] { 0, 5, -2 });

        CxValidationException error = Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(columns, Q1));

        Assert.Equal(
            [
                (1L, "Customer", CxErrorCodes.ColumnarCustomerIndexInvalid),
                (1L, "Segment", CxErrorCodes.ColumnsSegmentIndexInvalid),
                (1L, "Date", CxErrorCodes.DateNotIso),
                (2L, "Customer", CxErrorCodes.ColumnarCustomerIndexInvalid),
                (2L, "Segment", CxErrorCodes.ColumnsSegmentIndexInvalid),
            ],
            error.Failures.Select(f => (f.Position!.Value, f.Field, f.ErrorCode)));
    }

    [Fact]
    public void FromColumns_LengthsCurrencyAndEmptiness_AreChecked()
    {
        var mismatched = new AssetColumns(Currency.Usd, [CustomerId.From("A")], new[] { 0, 0 }, new[] { new LocalDate(2024, 1, 1) }, new long[] { 1, 2 });
        Assert.Equal(CxErrorCodes.ColumnarLengthMismatch, Assert.Single(Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(mismatched, Q1)).Failures).ErrorCode);

        var eur = new AssetColumns(Currency.Eur, [CustomerId.From("A")], new[] { 0 }, new[] { new LocalDate(2024, 1, 1) }, new long[] { 1 });
        Assert.Equal(CxErrorCodes.CurrencyMismatch, Assert.Single(Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(eur, Q1, new AssetLedgerOptions { Currency = Currency.Usd })).Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.CurrencyMissing, Assert.Single(Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(new AssetColumns(Currency.None, [], Array.Empty<int>(), Array.Empty<LocalDate>(), Array.Empty<long>()), Q1)).Failures).ErrorCode);

        var empty = new AssetColumns(Currency.Usd, [], Array.Empty<int>(), Array.Empty<LocalDate>(), Array.Empty<long>());
        Assert.Equal(CxErrorCodes.InputEmpty, Assert.Single(Assert.Throws<CxValidationException>(() => AssetLedger.FromColumns(empty, Q1)).Failures).ErrorCode);
        Assert.Throws<ArgumentNullException>(() => AssetLedger.FromColumns(null!, Q1));
    }

    [Fact]
    public void FromRecords_Records_AreNumberedInOrderOfFirstAppearance()
    {
        AssetRecord[] records =
        [
            new(CustomerId.From("B"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(100, Currency.Usd), "pro"),
            new(CustomerId.From("A"), new LocalDate(2024, 2, 5), Money.FromMinorUnits(-20, Currency.Usd)),
            new(CustomerId.From("B"), new LocalDate(2024, 3, 5), Money.FromMinorUnits(300, Currency.Usd), "basic"),
        ];

        AssetColumns columns = AssetColumns.FromRecords(records, Currency.Usd);

        Assert.Equal([CustomerId.From("B"), CustomerId.From("A")], columns.Customers);
        Assert.Equal(["pro", "basic"], columns.Segments);
        Assert.Equal([0, 1, 0], columns.CustomerIndex.ToArray());
        Assert.Equal([0, -1, 1], columns.SegmentIndex.ToArray());
        Assert.Equal([100L, -20L, 300L], columns.AmountInMinorUnits.ToArray());
        Assert.Equal(new LocalDate(2024, 2, 5), columns.Date.Span[1]);
        Assert.Throws<ArgumentException>(() => AssetColumns.FromRecords(records, Currency.Eur));
    }

    [Fact]
    public void FromColumns_ToString_SaysWhatItHolds()
    {
        var columns = new AssetColumns(Currency.Usd, [CustomerId.From("A")], new[] { 0, 0 }, new[] { new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2) }, new long[] { 1, 2 });
        Assert.Equal("asset columns USD, 2 rows, 1 customers", columns.ToString());
    }

    private static void AssertSameLedger(AssetLedger expected, AssetLedger actual)
    {
        Assert.Equal(expected.Customers, actual.Customers);
        Assert.Equal(expected.Segments, actual.Segments);
        Assert.Equal(expected.RecordCount, actual.RecordCount);
        Assert.Equal(expected.ExcludedRecordCount, actual.ExcludedRecordCount);
        Assert.Equal(expected.FlooredCells, actual.FlooredCells);
        Assert.Equal(expected.HistoryPeriodCount, actual.HistoryPeriodCount);
        Assert.Equal(expected.Unit, actual.Unit);
        foreach (CustomerId customer in expected.Customers)
        {
            for (int p = -expected.HistoryPeriodCount; p < expected.Grid.Count; p++)
            {
                Assert.Equal(expected.ValueOf(customer, p), actual.ValueOf(customer, p));
            }
        }
    }
}
