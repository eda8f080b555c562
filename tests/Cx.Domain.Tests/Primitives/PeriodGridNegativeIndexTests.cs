using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Primitives;

/// <summary>Negative indices reach PeriodGrid through history: src is built with CheckForOverflowUnderflow, so the
/// bounds idiom <c>(uint)index &lt; (uint)Count</c> throws OverflowException for every negative index.</summary>
public sealed class PeriodGridNegativeIndexTests
{
    private static readonly PeriodGrid Monthly2024 = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 12));

    [Fact]
    public void Indexer_NegativeIndex_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Monthly2024[-1]);
    }

    [Fact]
    public void TryFind_DateBeforeTheGrid_ReturnsFalse()
    {
        Assert.False(Monthly2024.TryFind(new LocalDate(2023, 12, 31), out GridPeriod? period));
        Assert.Null(period);
    }

    [Fact]
    public void LabelAt_HistoryIndexOfRegularGrids_NamesThePeriodBeforeTheGrid()
    {
        Assert.Equal("2023-12", Monthly2024.LabelAt(-1));
        Assert.Equal("2022-12", Monthly2024.LabelAt(-13));
        Assert.Equal("2023-Q4", PeriodGrid.Quarterly(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)).LabelAt(-1));
        Assert.Equal("2023-W52", PeriodGrid.Weekly(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)).LabelAt(-1));
        Assert.Equal("2023-12-31", PeriodGrid.Daily(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)).LabelAt(-1));
    }

    [Fact]
    public void LabelAt_BeforeACustomGrid_DescribesThePosition()
    {
        PeriodGrid grid = PeriodGrid.Custom([new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 15))]);

        Assert.Equal("(before 2024-03-01..2024-03-15)", grid.LabelAt(-1));
    }

    [Fact]
    public void LabelAt_AnyDateBeforeARegularGrid_MatchesTheGridExtendedToThatDate() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), Arb.From(Gen.Choose(1, 3_000)), (spec, days) =>
        {
            PeriodGrid grid = spec.Build();
            LocalDate date = grid.Start.PlusDays(-days);
            PeriodGrid extended = spec.Covering(date, grid.End);

            Assert.Equal(extended[extended.IndexOf(date)].Label, grid.LabelAt(grid.IndexOf(date)));
        }));
}
