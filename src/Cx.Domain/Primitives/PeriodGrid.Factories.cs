using System.Globalization;
using Cx.Domain.Internal;
using NodaTime;

namespace Cx.Domain.Primitives;

/// <content>The factories: one per kind of grid.</content>
public sealed partial class PeriodGrid
{
    /// <summary>Creates a grid of calendar months from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    /// <param name="first">The first month.</param>
    /// <param name="last">The last month, not before <paramref name="first"/>.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">The months are out of order, not ISO, or span more than <see cref="MaxPeriodCount"/> periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A month is outside the supported range of time, 0001-01 to 9998-12
    /// (<see cref="SupportedRange"/>).</exception>
    public static PeriodGrid Monthly(YearMonth first, YearMonth last) =>
        Monthly(first.OnDayOfMonth(1), last.OnDayOfMonth(1));

    /// <summary>Creates a grid of the calendar months that hold <paramref name="from"/> through <paramref name="to"/>.</summary>
    /// <param name="from">A date in the first month.</param>
    /// <param name="to">A date in the last month, not before <paramref name="from"/>.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">The dates are out of order, not ISO, or span more than <see cref="MaxPeriodCount"/> periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date, or a period holding one, is outside the supported range of time,
    /// 0001-01-01 to 9998-12-31 (<see cref="SupportedRange"/>).</exception>
    public static PeriodGrid Monthly(LocalDate from, LocalDate to)
    {
        CheckRange(from, to);
        LocalDate start = new(from.Year, from.Month, 1);
        return Create(PeriodGridKind.Monthly, start, CalendarMath.MonthNumber(to) - CalendarMath.MonthNumber(from) + 1, IsoDayOfWeek.None);
    }

    /// <summary>Creates a grid of the calendar quarters (starting January, April, July, October) that hold <paramref name="from"/> through <paramref name="to"/>.</summary>
    /// <param name="from">A date in the first quarter.</param>
    /// <param name="to">A date in the last quarter, not before <paramref name="from"/>.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">The dates are out of order, not ISO, or span more than <see cref="MaxPeriodCount"/> periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date, or a period holding one, is outside the supported range of time,
    /// 0001-01-01 to 9998-12-31 (<see cref="SupportedRange"/>).</exception>
    public static PeriodGrid Quarterly(LocalDate from, LocalDate to)
    {
        CheckRange(from, to);
        LocalDate start = new(from.Year, (((from.Month - 1) / 3) * 3) + 1, 1);
        long count = CalendarMath.FloorDiv(CalendarMath.MonthNumber(to), 3) - CalendarMath.FloorDiv(CalendarMath.MonthNumber(from), 3) + 1;
        return Create(PeriodGridKind.Quarterly, start, count, IsoDayOfWeek.None);
    }

    /// <summary>Creates a grid of seven-day weeks starting on <paramref name="weekStart"/> that hold <paramref name="from"/> through <paramref name="to"/>.</summary>
    /// <param name="from">A date in the first week.</param>
    /// <param name="to">A date in the last week, not before <paramref name="from"/>.</param>
    /// <param name="weekStart">The first day of each week; Monday (ISO weeks) by default.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">The dates are out of order, not ISO, or span more than <see cref="MaxPeriodCount"/> periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date, or a period holding one, is outside the supported range of time,
    /// 0001-01-01 to 9998-12-31 (<see cref="SupportedRange"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekStart"/> is <see cref="IsoDayOfWeek.None"/> or undefined.</exception>
    public static PeriodGrid Weekly(LocalDate from, LocalDate to, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday)
    {
        Guard.Defined(weekStart);
        CheckRange(from, to);
        LocalDate start = from.With(DateAdjusters.PreviousOrSame(weekStart));
        long count = ((CalendarMath.EpochDay(to) - CalendarMath.EpochDay(start)) / 7) + 1;
        RequireInRange(start, "The first week", weekStart);
        RequireInRange(start.PlusDays((int)((count * 7) - 1)), "The last week", weekStart);
        return Create(PeriodGridKind.Weekly, start, count, weekStart);
    }

    /// <summary>Creates a grid with one period per day from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day, not before <paramref name="from"/>.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentException">The dates are out of order, not ISO, or span more than <see cref="MaxPeriodCount"/> periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date, or a period holding one, is outside the supported range of time,
    /// 0001-01-01 to 9998-12-31 (<see cref="SupportedRange"/>).</exception>
    public static PeriodGrid Daily(LocalDate from, LocalDate to)
    {
        CheckRange(from, to);
        return Create(PeriodGridKind.Daily, from, CalendarMath.EpochDay(to) - CalendarMath.EpochDay(from) + 1, IsoDayOfWeek.None);
    }

    /// <summary>Creates a grid from contiguous date intervals given in order (each starts the day after the previous one ends).</summary>
    /// <param name="intervals">The intervals; at least one, ISO calendar, no gaps or overlaps.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No intervals, a gap or an overlap (the message names the interval), a non-ISO
    /// calendar, or more than <see cref="MaxPeriodCount"/> intervals.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval reaches outside the supported range of time, 0001-01-01 to
    /// 9998-12-31 (<see cref="SupportedRange"/>).</exception>
    public static PeriodGrid Custom(IEnumerable<DateInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        DateInterval[] list = intervals.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Expected at least one interval for a custom grid, got none.", nameof(intervals));
        }

        if (list.Length > MaxPeriodCount)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected at most {MaxPeriodCount} intervals, got {list.Length}."), nameof(intervals));
        }

        for (int i = 0; i < list.Length; i++)
        {
            DateInterval interval = list[i] ?? throw new ArgumentNullException(nameof(intervals), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Interval #{i} is null."));
            RequireIso(interval.Start, nameof(intervals));
            if (!SupportedRange.Contains(interval.Start) || !SupportedRange.Contains(interval.End))
            {
                LocalDate outside = SupportedRange.Contains(interval.Start) ? interval.End : interval.Start;
                throw new ArgumentOutOfRangeException(nameof(intervals), string.Create(CultureInfo.InvariantCulture, $"Interval #{i}: {TimeRangeText.DateMessage(outside, "every interval's dates")}"));
            }

            if (i > 0 && interval.Start != list[i - 1].End.PlusDays(1))
            {
                throw new ArgumentException(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected contiguous intervals: interval #{i} ({FormatDate(interval.Start)}..{FormatDate(interval.End)}) should start on {FormatDate(list[i - 1].End.PlusDays(1))}, the day after interval #{i - 1} ends. Remove the gap or overlap."),
                    nameof(intervals));
            }
        }

        return new PeriodGrid(PeriodGridKind.Custom, list[0].Start, list.Length, IsoDayOfWeek.None, list);
    }

    private static PeriodGrid Create(PeriodGridKind kind, LocalDate start, long count, IsoDayOfWeek weekStart)
    {
        if (count > MaxPeriodCount)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected at most {MaxPeriodCount} periods in a grid, got {count}. Choose a coarser grid or a shorter range."));
        }

        return new PeriodGrid(kind, start, (int)count, weekStart, null);
    }

    private static void CheckRange(LocalDate from, LocalDate to)
    {
        RequireIso(from, nameof(from));
        RequireIso(to, nameof(to));
        if (!SupportedRange.Contains(from) || !SupportedRange.Contains(to))
        {
            bool fromOk = SupportedRange.Contains(from);
            throw new ArgumentOutOfRangeException(fromOk ? nameof(to) : nameof(from), TimeRangeText.DateMessage(fromOk ? to : from, "the grid's dates"));
        }

        if (to < from)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected 'to' on or after 'from', got from {FormatDate(from)} to {FormatDate(to)}."), nameof(to));
        }
    }

    private static void RequireInRange(LocalDate day, string which, IsoDayOfWeek weekStart)
    {
        if (!SupportedRange.Contains(day))
        {
            throw new ArgumentOutOfRangeException(nameof(weekStart), string.Create(
                CultureInfo.InvariantCulture,
                $"{which} of the grid, weeks starting on {weekStart}, would reach {TimeRangeText.Date(day)}, outside the supported range {TimeRangeText.DateRange}. Start or end the grid a week further inside the range, or choose another first day of the week."));
        }
    }

}
