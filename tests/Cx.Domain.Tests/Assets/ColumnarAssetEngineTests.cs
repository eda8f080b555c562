using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

public sealed class ColumnarAssetEngineTests
{
    private static readonly ColumnarAssetLayout Layout = new(
        PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3)), MeasureUnit.ForCurrency(Currency.Usd), historyPeriodCount: 1);

    [Fact]
    public void Compute_WorkedExampleAsColumns_MatchesObjectPath()
    {
        // The worked example: period 0 is December 2023 (history); customer C's November purchase is history before
        // the layout, so C is given here as active only in February and compared without it.
        int[] customer = [0, 0, 0, 1, 1, 1, 3, 4];
        int[] period = [0, 1, 2, 1, 2, 3, 0, 3];
        long[] value = [10_000, 10_000, 15_000, 20_000, 12_000, 12_000, 7_000, 8_000];

        AssetMovementReport report = ColumnarAssetEngine.Compute(Layout, customer, period, value).ToReport();

        Assert.Equal([17_000L, 30_000, 27_000], report.Periods.Select(p => p.Opening).ToArray());
        Assert.Equal([30_000L, 27_000, 20_000], report.Periods.Select(p => p.Closing).ToArray());
        Assert.All(report.Periods, p => Assert.True(p.Reconciles()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_DuplicateRows_ThrowNamingBothRows(bool shuffled)
    {
        int[] customer = shuffled ? [1, 0, 1, 0] : [0, 0, 1, 1];
        int[] period = shuffled ? [2, 1, 2, 0] : [0, 1, 2, 2];
        long[] value = [5, 5, 5, 5];

        CxValidationException error = Assert.Throws<CxValidationException>(() => ColumnarAssetEngine.Compute(Layout, customer, period, value));

        CxValidationFailure failure = Assert.Single(error.Failures);
        Assert.Equal(CxErrorCodes.ColumnarDuplicateRow, failure.ErrorCode);
        Assert.Contains(shuffled ? "rows #0 and #2" : "rows #2 and #3", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_BadRows_ReportsEveryFailureWithRowAndField()
    {
        int[] customer = [0, -1, 2, 3];
        int[] period = [0, 1, 9, 1];
        long[] value = [5, 5, 5, -7];

        CxValidationException error = Assert.Throws<CxValidationException>(() => ColumnarAssetEngine.Compute(Layout, customer, period, value));

        Assert.Equal(
            [(1L, "customerIndex", CxErrorCodes.ColumnarCustomerIndexInvalid), (2L, "periodIndex", CxErrorCodes.ColumnarPeriodIndexInvalid), (3L, "value", CxErrorCodes.ColumnarValueNegative)],
            error.Failures.Select(f => (f.Position!.Value, f.Field, f.ErrorCode)).ToArray());
    }

    [Fact]
    public void Compute_EmptyOrMismatchedColumns_Throw()
    {
        Assert.Equal(CxErrorCodes.InputEmpty, Assert.Single(Assert.Throws<CxValidationException>(() => ColumnarAssetEngine.Compute(Layout, [], [], [])).Failures).ErrorCode);
        Assert.Equal(CxErrorCodes.ColumnarLengthMismatch, Assert.Single(Assert.Throws<CxValidationException>(() => ColumnarAssetEngine.Compute(Layout, [0], [0, 1], [1])).Failures).ErrorCode);
    }

    [Fact]
    public void Merge_DifferentWindows_IsRejected()
    {
        var w2 = new ColumnarAssetLayout(Layout.Grid, Layout.Unit, 1, activityWindow: 2);
        AssetMovementPartial a = ColumnarAssetEngine.Compute(Layout, [0], [1], [5]);
        AssetMovementPartial b = ColumnarAssetEngine.Compute(w2, [1], [1], [5]);

        Assert.Throws<ArgumentException>(() => a.Merge(b));
    }

    [Fact]
    public void Layout_OutOfRange_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnarAssetLayout(Layout.Grid, Layout.Unit, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnarAssetLayout(Layout.Grid, Layout.Unit, 0, 0));
        Assert.Throws<ArgumentNullException>(() => new ColumnarAssetLayout(null!, Layout.Unit));
    }
}
