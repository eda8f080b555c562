using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Primitives;

/// <summary><c>PeriodGrid.MonthlyCovering(records)</c> and its siblings: the smallest grid of the kind that holds every date.</summary>
public sealed class PeriodGridCoveringTests
{
    private static AssetRecord Sale(string who, int year, int month, int day) =>
        new(CustomerId.From(who), new LocalDate(year, month, day), Money.FromDecimal(10m, Currency.Usd));

    [Fact]
    public void MonthlyCovering_Records_RunsFromTheFirstToTheLastMonth()
    {
        AssetRecord[] records = [Sale("B", 2024, 3, 31), Sale("A", 2023, 11, 2), Sale("C", 2024, 1, 15)];

        PeriodGrid grid = PeriodGrid.MonthlyCovering(records);

        Assert.Equal(PeriodGrid.Monthly(new YearMonth(2023, 11), new YearMonth(2024, 3)), grid);
        Assert.Equal("2023-11", grid[0].Label);
        Assert.Equal(5, grid.Count);
    }

    [Fact]
    public void OtherKinds_Dates_CoverThem()
    {
        LocalDate[] dates = [new(2024, 2, 29), new(2024, 1, 1), new(2024, 7, 1)];

        Assert.Equal(PeriodGrid.Quarterly(new LocalDate(2024, 1, 1), new LocalDate(2024, 9, 30)), PeriodGrid.QuarterlyCovering(dates));
        Assert.Equal(new LocalDate(2024, 1, 1), PeriodGrid.WeeklyCovering(dates).Start); // a Monday
        Assert.Equal(183, PeriodGrid.DailyCovering(dates).Count);
        Assert.Equal(3, PeriodGrid.QuarterlyCovering([Sale("A", 2024, 1, 1), Sale("A", 2024, 8, 1)]).Count);
    }

    [Fact]
    public void MonthlyCovering_AnyRecords_HoldsEveryDateAndIsTheSmallest()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            IReadOnlyList<AssetRecord> records = data.Records();
            if (records.Count == 0)
            {
                return;
            }

            PeriodGrid grid = PeriodGrid.MonthlyCovering(records);
            Assert.All(records, r => Assert.InRange(grid.IndexOf(r.Date), 0, grid.Count - 1));
            Assert.Contains(records, r => grid.IndexOf(r.Date) == 0);
            Assert.Contains(records, r => grid.IndexOf(r.Date) == grid.Count - 1);
        });
    }

    [Fact]
    public void Covering_NoRecords_SaysWhatToDo()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => PeriodGrid.MonthlyCovering(Array.Empty<AssetRecord>()));
        Assert.Contains("Expected at least one date", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => PeriodGrid.MonthlyCovering((IEnumerable<LocalDate>)null!));
        Assert.Throws<ArgumentNullException>(() => PeriodGrid.MonthlyCovering<AssetRecord>([], null!));
    }
}
