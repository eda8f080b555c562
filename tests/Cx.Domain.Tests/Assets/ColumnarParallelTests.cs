using Cx.Domain.Assets;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck.Fluent;

namespace Cx.Domain.Tests.Assets;

/// <summary>Large inputs are split across cores; the split must change nothing. The threshold is lowered to zero here so
/// small random inputs take the parallel paths (other tests running meanwhile are unaffected: results are identical by
/// design, which is what this class checks).</summary>
public sealed class ColumnarParallelTests
{
    [Fact]
    public void Compute_ParallelSortedAndShuffled_EqualsObjectPath()
    {
        int saved = ColumnarAssetEngine.ParallelThreshold;
        ColumnarAssetEngine.ParallelThreshold = 0;
        try
        {
            Properties.Check(
                (from data in AssetDataset.Generator(maxCustomers: 40)
                 from window in Gen.Choose(1, 3)
                 from seed in Gen.Choose(0, int.MaxValue)
                 select (data, window, seed)).ToArbitrary(),
                input =>
                {
                    (AssetDataset data, int window, int seed) = input;
                    (int[] customer, int[] period, long[] value) = data.Columns();
                    if (customer.Length == 0)
                    {
                        return;
                    }

                    AssetMovementReport expected = new AssetMovementCalculator().Calculate(
                        AssetLedger.FromRecords(data.Records(), data.Grid), new AssetMovementOptions { ActivityWindow = window });
                    Assert.Equal(expected, ColumnarAssetEngine.Compute(data.Layout(window), customer, period, value).ToReport());

                    int[] order = Enumerable.Range(0, customer.Length).ToArray();
                    new Random(seed).Shuffle(order);
                    Assert.Equal(expected, ColumnarAssetEngine.Compute(
                        data.Layout(window), order.Select(i => customer[i]).ToArray(), order.Select(i => period[i]).ToArray(), order.Select(i => value[i]).ToArray()).ToReport());
                },
                maxTests: 150);
        }
        finally
        {
            ColumnarAssetEngine.ParallelThreshold = saved;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_ParallelWithDuplicates_ReportsTheRowsLikeTheSequentialPath(bool shuffled)
    {
        int[] customer = shuffled ? [3, 0, 1, 2, 1, 2] : [0, 1, 1, 2, 2, 3];
        int[] period = shuffled ? [0, 0, 1, 0, 1, 1] : [0, 1, 1, 0, 1, 0];
        long[] value = [1, 1, 1, 1, 1, 1];
        var layout = new ColumnarAssetLayout(Cx.Domain.Primitives.PeriodGrid.Monthly(new NodaTime.YearMonth(2024, 1), new NodaTime.YearMonth(2024, 2)), AssetDataset.Usd);
        int saved = ColumnarAssetEngine.ParallelThreshold;
        ColumnarAssetEngine.ParallelThreshold = 0;
        try
        {
            CxValidationException error = Assert.Throws<CxValidationException>(() => ColumnarAssetEngine.Compute(layout, customer, period, value));
            CxValidationFailure failure = Assert.Single(error.Failures);
            Assert.Equal(CxErrorCodes.ColumnarDuplicateRow, failure.ErrorCode);
            Assert.Contains(shuffled ? "rows #2 and #4" : "rows #1 and #2", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            ColumnarAssetEngine.ParallelThreshold = saved;
        }
    }
}
