using System.Globalization;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.Primitives;

public sealed class PeriodGridTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static string[] Labels(PeriodGrid grid) => grid.Periods.Select(p => p.Label).ToArray();

    private static void AssertInterval(GridPeriod period, LocalDate start, LocalDate end)
    {
        Assert.Equal(start, period.Start);
        Assert.Equal(end, period.End);
        Assert.Equal(new DateInterval(start, end), period.Interval);
    }

    // ---- Monthly ----

    [Fact]
    public void Monthly_YearMonths_OnePeriodPerCalendarMonth()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 12));

        Assert.Equal(PeriodGridKind.Monthly, grid.Kind);
        Assert.Equal(12, grid.Count);
        Assert.True(grid.IsRegular);
        Assert.Equal(IsoDayOfWeek.None, grid.WeekStart);
        AssertInterval(grid[0], D(2024, 1, 1), D(2024, 1, 31));
        AssertInterval(grid[1], D(2024, 2, 1), D(2024, 2, 29));
        AssertInterval(grid[11], D(2024, 12, 1), D(2024, 12, 31));
        Assert.Equal(new DateInterval(D(2024, 1, 1), D(2024, 12, 31)), grid.Interval);
        Assert.Equal("2024-03", grid[2].Label);
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2024-{m:D2}"), Labels(grid));
    }

    [Fact]
    public void Monthly_DatesInsideMonths_CoversTheWholeMonthsHoldingThem()
    {
        PeriodGrid grid = PeriodGrid.Monthly(D(2023, 11, 15), D(2024, 2, 3));

        Assert.Equal(4, grid.Count);
        Assert.Equal(D(2023, 11, 1), grid.Start);
        Assert.Equal(D(2024, 2, 29), grid.End);
        Assert.Equal(["2023-11", "2023-12", "2024-01", "2024-02"], Labels(grid));
        Assert.Equal("monthly 2023-11..2024-02 (4 periods)", grid.ToString());
    }

    [Fact]
    public void Monthly_SameMonth_HasOnePeriod()
    {
        PeriodGrid grid = PeriodGrid.Monthly(D(2024, 3, 15), D(2024, 3, 15));

        Assert.Equal(1, grid.Count);
        Assert.Equal("2024-03", grid[0].Label);
        AssertInterval(grid[0], D(2024, 3, 1), D(2024, 3, 31));
    }

    // ---- Quarterly ----

    [Fact]
    public void Quarterly_DatesInsideQuarters_CoversCalendarQuarters()
    {
        PeriodGrid grid = PeriodGrid.Quarterly(D(2024, 2, 10), D(2024, 11, 30));

        Assert.Equal(PeriodGridKind.Quarterly, grid.Kind);
        Assert.Equal(4, grid.Count);
        AssertInterval(grid[0], D(2024, 1, 1), D(2024, 3, 31));
        AssertInterval(grid[1], D(2024, 4, 1), D(2024, 6, 30));
        AssertInterval(grid[2], D(2024, 7, 1), D(2024, 9, 30));
        AssertInterval(grid[3], D(2024, 10, 1), D(2024, 12, 31));
        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], Labels(grid));
    }

    [Fact]
    public void Quarterly_AcrossAYearBoundary_CountsBothQuarters()
    {
        PeriodGrid grid = PeriodGrid.Quarterly(D(2023, 12, 31), D(2024, 1, 1));

        Assert.Equal(["2023-Q4", "2024-Q1"], Labels(grid));
    }

    // ---- Weekly ----

    [Fact]
    public void Weekly_MondayStart_SevenDayIsoWeeks()
    {
        PeriodGrid grid = PeriodGrid.Weekly(D(2024, 1, 31), D(2024, 2, 12));

        Assert.Equal(PeriodGridKind.Weekly, grid.Kind);
        Assert.Equal(IsoDayOfWeek.Monday, grid.WeekStart);
        Assert.Equal(3, grid.Count);
        AssertInterval(grid[0], D(2024, 1, 29), D(2024, 2, 4));
        AssertInterval(grid[1], D(2024, 2, 5), D(2024, 2, 11));
        AssertInterval(grid[2], D(2024, 2, 12), D(2024, 2, 18));
        Assert.Equal(["2024-W05", "2024-W06", "2024-W07"], Labels(grid));
    }

    [Fact]
    public void Weekly_SundayStart_WeeksStartOnSundayAndAreLabelledByTheirThursday()
    {
        PeriodGrid grid = PeriodGrid.Weekly(D(2024, 1, 31), D(2024, 2, 12), IsoDayOfWeek.Sunday);

        Assert.Equal(IsoDayOfWeek.Sunday, grid.WeekStart);
        Assert.Equal(3, grid.Count);
        AssertInterval(grid[0], D(2024, 1, 28), D(2024, 2, 3));
        AssertInterval(grid[1], D(2024, 2, 4), D(2024, 2, 10));
        AssertInterval(grid[2], D(2024, 2, 11), D(2024, 2, 17));
        Assert.Equal(["2024-W05", "2024-W06", "2024-W07"], Labels(grid));
    }

    [Theory]
    [InlineData("2020-12-31", IsoDayOfWeek.Monday, "2020-W53")]
    [InlineData("2021-01-01", IsoDayOfWeek.Monday, "2020-W53")]
    [InlineData("2021-01-03", IsoDayOfWeek.Monday, "2020-W53")]
    [InlineData("2021-01-04", IsoDayOfWeek.Monday, "2021-W01")]
    [InlineData("2019-12-30", IsoDayOfWeek.Monday, "2020-W01")]
    [InlineData("2024-12-30", IsoDayOfWeek.Monday, "2025-W01")]
    [InlineData("2026-12-31", IsoDayOfWeek.Monday, "2026-W53")]
    [InlineData("2027-01-03", IsoDayOfWeek.Monday, "2026-W53")]
    [InlineData("2020-12-31", IsoDayOfWeek.Sunday, "2020-W53")]
    [InlineData("2021-01-02", IsoDayOfWeek.Sunday, "2020-W53")]
    [InlineData("2021-01-03", IsoDayOfWeek.Sunday, "2021-W01")]
    [InlineData("2024-03-15", IsoDayOfWeek.Monday, "2024-W11")]
    public void Weekly_AcrossYearBoundaries_LabelsWithTheIsoWeekOfTheThursday(string date, IsoDayOfWeek weekStart, string expected)
    {
        LocalDate day = LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture));

        PeriodGrid grid = PeriodGrid.Weekly(day, day, weekStart);

        Assert.Equal(1, grid.Count);
        Assert.True(grid[0].Contains(day));
        Assert.Equal(expected, grid[0].Label);
    }

    [Fact]
    public void Weekly_AcrossTheTurnOf2020_LabelsW53ThenW01()
    {
        PeriodGrid grid = PeriodGrid.Weekly(D(2020, 12, 31), D(2021, 1, 4));

        Assert.Equal(["2020-W53", "2021-W01"], Labels(grid));
        AssertInterval(grid[0], D(2020, 12, 28), D(2021, 1, 3));
    }

    [Theory]
    [InlineData(IsoDayOfWeek.None)]
    [InlineData((IsoDayOfWeek)8)]
    public void Weekly_UndefinedWeekStart_ThrowsArgumentOutOfRange(IsoDayOfWeek weekStart)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodGrid.Weekly(D(2024, 1, 1), D(2024, 2, 1), weekStart));
    }

    // ---- Daily ----

    [Fact]
    public void Daily_ThreeDays_OnePeriodPerDay()
    {
        PeriodGrid grid = PeriodGrid.Daily(D(2024, 3, 15), D(2024, 3, 17));

        Assert.Equal(PeriodGridKind.Daily, grid.Kind);
        Assert.Equal(3, grid.Count);
        AssertInterval(grid[0], D(2024, 3, 15), D(2024, 3, 15));
        Assert.Equal(["2024-03-15", "2024-03-16", "2024-03-17"], Labels(grid));
    }

    [Fact]
    public void Daily_AcrossALeapDay_IncludesFebruary29()
    {
        PeriodGrid grid = PeriodGrid.Daily(D(2024, 2, 28), D(2024, 3, 1));

        Assert.Equal(["2024-02-28", "2024-02-29", "2024-03-01"], Labels(grid));
    }

    // ---- Custom ----

    [Fact]
    public void Custom_ContiguousIntervals_KeepsThemWithRangeLabels()
    {
        PeriodGrid grid = PeriodGrid.Custom([new DateInterval(D(2024, 3, 1), D(2024, 3, 15)), new DateInterval(D(2024, 3, 16), D(2024, 3, 31))]);

        Assert.Equal(PeriodGridKind.Custom, grid.Kind);
        Assert.False(grid.IsRegular);
        Assert.Equal(2, grid.Count);
        Assert.Equal(["2024-03-01..2024-03-15", "2024-03-16..2024-03-31"], Labels(grid));
        AssertInterval(grid[1], D(2024, 3, 16), D(2024, 3, 31));
        Assert.Equal("custom 2024-03-01..2024-03-15..2024-03-16..2024-03-31 (2 periods)", grid.ToString());
    }

    [Fact]
    public void Custom_Gap_ThrowsArgumentExceptionNamingTheInterval()
    {
        DateInterval[] intervals = [new(D(2024, 3, 1), D(2024, 3, 15)), new(D(2024, 3, 17), D(2024, 3, 31))];

        ArgumentException error = Assert.Throws<ArgumentException>(() => PeriodGrid.Custom(intervals));

        Assert.Equal("intervals", error.ParamName);
        Assert.Contains("interval #1 (2024-03-17..2024-03-31)", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_Overlap_ThrowsArgumentExceptionNamingTheInterval()
    {
        DateInterval[] intervals =
        [
            new(D(2024, 1, 1), D(2024, 1, 31)),
            new(D(2024, 2, 1), D(2024, 2, 15)),
            new(D(2024, 2, 15), D(2024, 2, 29)),
        ];

        ArgumentException error = Assert.Throws<ArgumentException>(() => PeriodGrid.Custom(intervals));

        Assert.Contains("interval #2 (2024-02-15..2024-02-29)", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-02-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_OutOfOrder_ThrowsArgumentException()
    {
        DateInterval[] intervals = [new(D(2024, 3, 16), D(2024, 3, 31)), new(D(2024, 3, 1), D(2024, 3, 15))];

        ArgumentException error = Assert.Throws<ArgumentException>(() => PeriodGrid.Custom(intervals));

        Assert.Contains("interval #1 (2024-03-01..2024-03-15)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_NoIntervals_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => PeriodGrid.Custom([]));
    }

    [Fact]
    public void Custom_NullOrNullItem_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => PeriodGrid.Custom(null!));
        Assert.Throws<ArgumentNullException>(() => PeriodGrid.Custom([new DateInterval(D(2024, 1, 1), D(2024, 1, 2)), null!]));
    }

    // ---- Calendar and range checks ----

    [Fact]
    public void Factories_NonIsoCalendar_ThrowArgumentException()
    {
        LocalDate julian = new(2024, 3, 1, CalendarSystem.Julian);
        LocalDate julianLater = new(2024, 4, 1, CalendarSystem.Julian);

        Assert.Contains("ISO calendar", Assert.Throws<ArgumentException>(() => PeriodGrid.Monthly(julian, julianLater)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PeriodGrid.Monthly(new YearMonth(2024, 1, CalendarSystem.Julian), new YearMonth(2024, 2, CalendarSystem.Julian)));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Quarterly(julian, julianLater));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Weekly(julian, julianLater));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Daily(julian, julianLater));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Custom([new DateInterval(julian, julianLater)]));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Daily(D(2024, 1, 1), D(2024, 3, 1).WithCalendar(CalendarSystem.Gregorian)));
    }

    [Fact]
    public void IndexOf_NonIsoDate_ThrowsArgumentException()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 12));
        LocalDate julian = new(2024, 3, 1, CalendarSystem.Julian);

        ArgumentException error = Assert.Throws<ArgumentException>(() => grid.IndexOf(julian));

        Assert.Equal("date", error.ParamName);
        Assert.Contains("WithCalendar(CalendarSystem.Iso)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => grid.TryFind(julian, out _));
    }

    [Fact]
    public void Factories_ToBeforeFrom_ThrowArgumentExceptionNamingBothDates()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => PeriodGrid.Monthly(D(2024, 5, 1), D(2024, 3, 1)));

        Assert.Equal("to", error.ParamName);
        Assert.Contains("2024-05-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-01", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PeriodGrid.Daily(D(2024, 1, 2), D(2024, 1, 1)));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Weekly(D(2024, 1, 2), D(2024, 1, 1)));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Quarterly(D(2024, 1, 2), D(2024, 1, 1)));
    }

    [Fact]
    public void Daily_ExactlyMaxPeriodCount_IsAccepted()
    {
        PeriodGrid grid = PeriodGrid.Daily(D(2000, 1, 1), D(2000, 1, 1).PlusDays(PeriodGrid.MaxPeriodCount - 1));

        Assert.Equal(PeriodGrid.MaxPeriodCount, grid.Count);
    }

    [Fact]
    public void Factories_MoreThanMaxPeriodCount_ThrowArgumentException()
    {
        ArgumentException daily = Assert.Throws<ArgumentException>(() => PeriodGrid.Daily(D(2000, 1, 1), D(2000, 1, 1).PlusDays(PeriodGrid.MaxPeriodCount)));
        Assert.Contains("100000", daily.Message, StringComparison.Ordinal);
        Assert.Contains("100001", daily.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => PeriodGrid.Weekly(D(1800, 1, 1), D(1800, 1, 1).PlusDays(7 * PeriodGrid.MaxPeriodCount)));
        Assert.Throws<ArgumentException>(() => PeriodGrid.Monthly(new YearMonth(1, 1), new YearMonth(9998, 12)));
    }

    [Fact]
    public void Custom_MoreThanMaxPeriodCount_ThrowsArgumentException()
    {
        IEnumerable<DateInterval> days = Enumerable.Range(0, PeriodGrid.MaxPeriodCount + 1)
            .Select(i => new DateInterval(D(1800, 1, 1).PlusDays(i), D(1800, 1, 1).PlusDays(i)));

        ArgumentException error = Assert.Throws<ArgumentException>(() => PeriodGrid.Custom(days));

        Assert.Contains("100000", error.Message, StringComparison.Ordinal);
    }

    // ---- Indexer, IndexOf, TryFind, LabelAt ----

    // Negative indices (grid[-1], TryFind before the grid, LabelAt(-1)) are left out here: they throw OverflowException
    // in src today (a checked (uint) cast); see the bug report of the primtests branch.
    [Fact]
    public void Indexer_AtOrAfterCount_ThrowsArgumentOutOfRange()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => grid[3]);
        Assert.Equal("index", error.ParamName);
        Assert.Contains("0 to 2", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid[int.MaxValue]);
    }

    [Theory]
    [InlineData("2023-12-31", -1)]
    [InlineData("2023-12-01", -1)]
    [InlineData("2023-11-30", -2)]
    [InlineData("2014-01-15", -120)]
    [InlineData("1024-01-15", -12_000)]
    [InlineData("2024-01-01", 0)]
    [InlineData("2024-02-29", 1)]
    [InlineData("2024-12-31", 11)]
    [InlineData("2025-01-01", 12)]
    [InlineData("2034-01-01", 120)]
    public void IndexOf_MonthlyGrid_RelativeIndexBeforeInsideAndAfter(string date, int expected)
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 12));

        Assert.Equal(expected, grid.IndexOf(LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("2023-12-31", -1)]
    [InlineData("2023-10-01", -1)]
    [InlineData("2023-09-30", -2)]
    [InlineData("2024-03-31", 0)]
    [InlineData("2024-04-01", 1)]
    [InlineData("2025-01-01", 4)]
    public void IndexOf_QuarterlyGrid_RelativeIndexBeforeInsideAndAfter(string date, int expected)
    {
        PeriodGrid grid = PeriodGrid.Quarterly(D(2024, 1, 1), D(2024, 4, 1));

        Assert.Equal(expected, grid.IndexOf(LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("2023-12-31", -1)]
    [InlineData("2023-12-25", -1)]
    [InlineData("2023-12-24", -2)]
    [InlineData("2024-01-07", 0)]
    [InlineData("2024-01-08", 1)]
    [InlineData("2024-01-15", 2)]
    public void IndexOf_WeeklyGrid_RelativeIndexBeforeInsideAndAfter(string date, int expected)
    {
        PeriodGrid grid = PeriodGrid.Weekly(D(2024, 1, 1), D(2024, 1, 8));

        Assert.Equal(expected, grid.IndexOf(LocalDate.FromDateTime(DateTime.Parse(date, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void IndexOf_DailyGrid_IsTheDayDifference()
    {
        PeriodGrid grid = PeriodGrid.Daily(D(2024, 3, 1), D(2024, 3, 31));

        Assert.Equal(-400, grid.IndexOf(D(2024, 3, 1).PlusDays(-400)));
        Assert.Equal(30, grid.IndexOf(D(2024, 3, 31)));
        Assert.Equal(31, grid.IndexOf(D(2024, 4, 1)));
    }

    [Fact]
    public void IndexOf_FarFromTheGrid_AnswersWithoutEnumeratingPeriods()
    {
        // O(1): a date 8000 years away costs the same as one inside; a linear scan would show here as a hang.
        PeriodGrid daily = PeriodGrid.Daily(D(2024, 1, 1), D(2024, 1, 1));

        Assert.Equal(-(int)NodaPeriod.Between(D(-5000, 1, 1), D(2024, 1, 1), PeriodUnits.Days).Days, daily.IndexOf(D(-5000, 1, 1)));
        Assert.Equal((7_975 * 12) + 11, PeriodGrid.Monthly(D(2024, 1, 1), D(2024, 1, 1)).IndexOf(D(9_999, 12, 31)));
    }

    [Fact]
    public void IndexOf_CustomGrid_MinusOneBeforeCountAfter()
    {
        PeriodGrid grid = PeriodGrid.Custom([new DateInterval(D(2024, 3, 1), D(2024, 3, 15)), new DateInterval(D(2024, 3, 16), D(2024, 3, 31))]);

        Assert.Equal(-1, grid.IndexOf(D(2024, 2, 29)));
        Assert.Equal(-1, grid.IndexOf(D(1900, 1, 1)));
        Assert.Equal(0, grid.IndexOf(D(2024, 3, 1)));
        Assert.Equal(0, grid.IndexOf(D(2024, 3, 15)));
        Assert.Equal(1, grid.IndexOf(D(2024, 3, 16)));
        Assert.Equal(1, grid.IndexOf(D(2024, 3, 31)));
        Assert.Equal(2, grid.IndexOf(D(2024, 4, 1)));
        Assert.Equal(2, grid.IndexOf(D(2100, 1, 1)));
    }

    [Fact]
    public void TryFind_InsideAndAfter_FindsOnlyInside()
    {
        PeriodGrid grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));

        Assert.True(grid.TryFind(D(2024, 2, 10), out GridPeriod? period));
        Assert.Equal("2024-02", period!.Label);
        Assert.False(grid.TryFind(D(2024, 4, 1), out GridPeriod? after));
        Assert.Null(after);
    }

    [Fact]
    public void LabelAt_InsideAndAfterRegularGrids_NamesThePeriods()
    {
        PeriodGrid monthly = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 12));
        PeriodGrid quarterly = PeriodGrid.Quarterly(D(2024, 1, 1), D(2024, 12, 31));
        PeriodGrid weekly = PeriodGrid.Weekly(D(2024, 1, 1), D(2024, 1, 31));
        PeriodGrid daily = PeriodGrid.Daily(D(2024, 1, 1), D(2024, 1, 31));

        Assert.Equal("2024-05", monthly.LabelAt(4));
        Assert.Equal("2025-01", monthly.LabelAt(12));
        Assert.Equal("2034-01", monthly.LabelAt(120));
        Assert.Equal("2025-Q1", quarterly.LabelAt(4));
        Assert.Equal("2025-W01", weekly.LabelAt(52));
        Assert.Equal("2026-W53", PeriodGrid.Weekly(D(2020, 12, 28), D(2020, 12, 28)).LabelAt(313));
        Assert.Equal("2024-02-29", daily.LabelAt(59));
    }

    [Fact]
    public void LabelAt_AfterACustomGrid_DescribesThePositionRelativeToTheGrid()
    {
        PeriodGrid grid = PeriodGrid.Custom([new DateInterval(D(2024, 3, 1), D(2024, 3, 15)), new DateInterval(D(2024, 3, 16), D(2024, 3, 31))]);

        Assert.Equal("2024-03-16..2024-03-31", grid.LabelAt(1));
        Assert.Equal("(after 2024-03-16..2024-03-31)", grid.LabelAt(2));
        Assert.Equal("(after 2024-03-16..2024-03-31)", grid.LabelAt(1_000));
    }

    // ---- Equality ----

    [Fact]
    public void Equals_SameMonthsBuiltDifferently_IsTrue()
    {
        PeriodGrid a = PeriodGrid.Monthly(D(2024, 1, 15), D(2024, 2, 3));
        PeriodGrid b = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a[1], b[1]);
    }

    [Fact]
    public void Equals_DifferentKindWeekStartOrRange_IsFalse()
    {
        PeriodGrid monday = PeriodGrid.Weekly(D(2024, 1, 3), D(2024, 1, 20));
        PeriodGrid sunday = PeriodGrid.Weekly(D(2024, 1, 3), D(2024, 1, 20), IsoDayOfWeek.Sunday);
        PeriodGrid monthly = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 1));
        PeriodGrid customJanuary = PeriodGrid.Custom([new DateInterval(D(2024, 1, 1), D(2024, 1, 31))]);

        Assert.False(monday.Equals(sunday));
        Assert.False(monthly.Equals(customJanuary));
        Assert.False(monthly.Equals(PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2))));
        Assert.False(monthly.Equals(null));
        Assert.NotEqual(monthly[0], customJanuary[0]);
    }

    [Fact]
    public void Equality_RandomGrids_IsAnEquivalenceConsistentWithHash() =>
        EqualityLaws.Hold(PrimitiveGenerators.SmallGrids());

    [Fact]
    public void Equality_RandomPeriods_IsAnEquivalenceConsistentWithHash() =>
        EqualityLaws.Hold(PrimitiveGenerators.SmallPeriods());

    // ---- Properties of random grids ----

    private static Arbitrary<int> Fractions() => Arb.From(Gen.Choose(0, 1_000_000));

    [Fact]
    public void IndexOf_DateInsideARegularGrid_FindsThePeriodThatContainsIt() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), Fractions(), (spec, fraction) =>
        {
            PeriodGrid grid = spec.Build();
            int days = NodaPeriod.Between(grid.Start, grid.End, PeriodUnits.Days).Days + 1;
            LocalDate date = grid.Start.PlusDays((int)((long)fraction * days / 1_000_001));

            int index = grid.IndexOf(date);

            Assert.InRange(index, 0, grid.Count - 1);
            Assert.True(grid[index].Contains(date), $"{grid[index]} should contain {date}");
            Assert.True(grid.TryFind(date, out GridPeriod? found));
            Assert.Same(grid[index], found);
        }));

    [Fact]
    public void IndexOf_DateInsideACustomGrid_FindsThePeriodThatContainsIt() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomGridSpecs(), Fractions(), (spec, fraction) =>
        {
            PeriodGrid grid = spec.Build();
            int days = spec.Lengths.Sum();
            LocalDate date = grid.Start.PlusDays((int)((long)fraction * days / 1_000_001));

            int index = grid.IndexOf(date);

            Assert.InRange(index, 0, grid.Count - 1);
            Assert.True(grid[index].Contains(date), $"{grid[index]} should contain {date}");
            Assert.Equal(-1, grid.IndexOf(grid.Start.PlusDays(-1 - fraction)));
            Assert.Equal(grid.Count, grid.IndexOf(grid.End.PlusDays(1 + fraction)));
        }));

    [Fact]
    public void IndexOf_AnyTwoDates_IsMonotoneNonDecreasing()
    {
        Arbitrary<LocalDate> dates = PrimitiveGenerators.DatesAround(new LocalDate(2024, 1, 1), 50_000);
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), dates, dates, (spec, a, b) =>
        {
            PeriodGrid grid = spec.Build();
            (LocalDate early, LocalDate late) = a <= b ? (a, b) : (b, a);

            Assert.True(grid.IndexOf(early) <= grid.IndexOf(late), $"IndexOf({early}) = {grid.IndexOf(early)} > IndexOf({late}) = {grid.IndexOf(late)}");
        }));
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomGridSpecs(), dates, dates, (spec, a, b) =>
        {
            PeriodGrid grid = spec.Build();
            (LocalDate early, LocalDate late) = a <= b ? (a, b) : (b, a);

            Assert.True(grid.IndexOf(early) <= grid.IndexOf(late), $"IndexOf({early}) = {grid.IndexOf(early)} > IndexOf({late}) = {grid.IndexOf(late)}");
        }));
    }

    [Fact]
    public void IndexOf_AnyDateNearARegularGrid_MatchesTheGridExtendedToThatDate()
    {
        Arbitrary<int> offsets = Arb.From(Gen.Choose(-3_000, 3_000));
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), offsets, (spec, offset) =>
        {
            PeriodGrid grid = spec.Build();
            LocalDate date = (offset < 0 ? grid.Start : grid.End).PlusDays(offset);
            PeriodGrid extended = spec.Covering(date, offset < 0 ? grid.End : grid.Start);
            int shift = extended.IndexOf(grid.Start);

            int index = grid.IndexOf(date);

            Assert.Equal(grid[0].Interval, extended[shift].Interval);
            Assert.Equal(extended.IndexOf(date) - shift, index);
            Assert.True(extended[index + shift].Contains(date));
            if (index >= 0)
            {
                Assert.Equal(extended[index + shift].Label, grid.LabelAt(index));
            }
        }));
    }

    [Fact]
    public void Periods_AnyGrid_AreContiguousAndIndexedInOrder()
    {
        static void Check(PeriodGrid grid)
        {
            Assert.Equal(grid.Count, grid.Periods.Count);
            Assert.Equal(grid[0].Start, grid.Start);
            Assert.Equal(grid[grid.Count - 1].End, grid.End);
            for (int i = 0; i < grid.Count; i++)
            {
                Assert.Equal(i, grid[i].Index);
                Assert.True(grid[i].Start <= grid[i].End);
                if (i + 1 < grid.Count)
                {
                    Assert.Equal(grid[i].End.PlusDays(1), grid[i + 1].Start);
                }
            }
        }

        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), spec =>
        {
            PeriodGrid grid = spec.Build();
            Check(grid);
            Assert.Equal(spec.Count, grid.Count);
            Assert.True(grid[0].Contains(spec.From));
        }));
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomGridSpecs(), spec =>
        {
            PeriodGrid grid = spec.Build();
            Check(grid);
            Assert.Equal(spec.Intervals, grid.Periods.Select(p => p.Interval));
        }));
    }

    [Fact]
    public void Periods_AnyRegularGrid_HaveTheKindsLengthAndAlignment() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), spec =>
        {
            PeriodGrid grid = spec.Build();
            foreach (GridPeriod p in grid.Periods)
            {
                switch (spec.Kind)
                {
                    case PeriodGridKind.Daily:
                        Assert.Equal(p.Start, p.End);
                        break;
                    case PeriodGridKind.Weekly:
                        Assert.Equal(spec.WeekStart, p.Start.DayOfWeek);
                        Assert.Equal(p.Start.PlusDays(6), p.End);
                        break;
                    case PeriodGridKind.Monthly:
                        Assert.Equal(1, p.Start.Day);
                        Assert.Equal(p.Start.PlusMonths(1).PlusDays(-1), p.End);
                        break;
                    default:
                        Assert.Equal(1, p.Start.Day);
                        Assert.Equal(1, (p.Start.Month - 1) % 3 + 1);
                        Assert.Equal(p.Start.PlusMonths(3).PlusDays(-1), p.End);
                        break;
                }
            }
        }));

    [Fact]
    public void Labels_AnyGrid_AreUnique()
    {
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), spec =>
        {
            string[] labels = Labels(spec.Build());
            Assert.Equal(labels.Length, labels.Distinct(StringComparer.Ordinal).Count());
        }));
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.CustomGridSpecs(), spec =>
        {
            string[] labels = Labels(spec.Build());
            Assert.Equal(labels.Length, labels.Distinct(StringComparer.Ordinal).Count());
        }));
    }

    [Fact]
    public void Labels_AnyRegularGrid_FollowTheKindsFormat() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.RegularGridSpecs(), spec =>
        {
            foreach (GridPeriod p in spec.Build().Periods)
            {
                DateTime start = p.Start.ToDateTimeUnspecified();
                string expected = spec.Kind switch
                {
                    PeriodGridKind.Daily => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    PeriodGridKind.Monthly => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    PeriodGridKind.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{start.Year:D4}-Q{(start.Month + 2) / 3}"),

                    // Oracle independent of NodaTime: the BCL's ISO week of the week's Thursday.
                    _ => IsoWeekLabel(p.Start.ToDateTimeUnspecified().AddDays(((int)DayOfWeek.Thursday - (int)start.DayOfWeek + 7) % 7)),
                };
                Assert.Equal(expected, p.Label);
            }
        }));

    [Fact]
    public void Labels_MondayWeeks_AreTheIsoWeekOfTheirFirstDay() =>
        PropertyCheck.Run(Prop.ForAll(PrimitiveGenerators.Dates(), date =>
        {
            PeriodGrid grid = PeriodGrid.Weekly(date, date);
            Assert.Equal(IsoWeekLabel(date.ToDateTimeUnspecified()), grid[0].Label);
        }));

    private static string IsoWeekLabel(DateTime day) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
}
