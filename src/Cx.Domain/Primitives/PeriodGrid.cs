using System.Collections.Immutable;
using System.Globalization;
using Cx.Domain.Internal;
using NodaTime;
using NodaTime.Calendars;

namespace Cx.Domain.Primitives;

/// <summary>A finite, contiguous sequence of business periods (days, weeks, months, quarters or custom intervals)
/// on the ISO calendar: the time axis of every Cx.Domain calculation.</summary>
/// <remarks>
/// <para>Regular grids (daily, weekly, monthly, quarterly) extend conceptually before and after their first and
/// last period, so <see cref="IndexOf(LocalDate)"/> maps any date to a relative index in O(1): negative before
/// the grid, <see cref="Count"/> or more after it. That is how records before the grid become history.</para>
/// <para>A custom grid is a list of contiguous intervals given by the caller; it has no periods outside them, so
/// <see cref="IndexOf(LocalDate)"/> gives -1 for any date before its first interval and <see cref="Count"/> for
/// any date after its last one, found by binary search.</para>
/// <para>Every period of a grid lies in the supported range of time, 0001-01-01 to 9998-12-31 (<see cref="SupportedRange"/>);
/// a factory given dates outside it throws <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para>Grids are immutable; equality compares kind, week start and every period's interval. <c>System.Text.Json</c>
/// writes a grid compactly as its kind, first and last day and period count.</para>
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PeriodGridJsonConverter))]
public sealed partial class PeriodGrid : IEquatable<PeriodGrid>
{
    /// <summary>The largest number of periods a grid may have (about 270 years of days).</summary>
    public const int MaxPeriodCount = 100_000;

    private readonly long _startEpochDay;
    private readonly int _startMonthNumber;
    private readonly LocalDate[] _customStarts;
    private readonly ImmutableArray<GridPeriod> _periods;
    private readonly int _firstSupportedIndex;
    private readonly int _lastSupportedIndex;

    private PeriodGrid(PeriodGridKind kind, LocalDate start, int count, IsoDayOfWeek weekStart, DateInterval[]? custom)
    {
        Kind = kind;
        WeekStart = weekStart;
        _startEpochDay = CalendarMath.EpochDay(start);
        _startMonthNumber = CalendarMath.MonthNumber(start);
        _customStarts = custom is null ? [] : custom.Select(i => i.Start).ToArray();
        var periods = ImmutableArray.CreateBuilder<GridPeriod>(count);
        for (int i = 0; i < count; i++)
        {
            DateInterval interval = custom is null ? RegularInterval(start, i) : custom[i];
            periods.Add(new GridPeriod(i, interval, custom is null ? RegularLabel(interval) : CustomLabel(interval)));
        }

        _periods = periods.MoveToImmutable();
        _firstSupportedIndex = custom is null ? IndexOf(SupportedRange.FirstDate) : 0;
        _lastSupportedIndex = custom is null ? IndexOf(SupportedRange.LastDate) : count - 1;
    }

    /// <summary>Gets how this grid cuts the calendar.</summary>
    public PeriodGridKind Kind { get; }

    /// <summary>Gets the first day of each week for a weekly grid; <see cref="IsoDayOfWeek.None"/> for other kinds.</summary>
    public IsoDayOfWeek WeekStart { get; }

    /// <summary>Gets the number of periods.</summary>
    public int Count => _periods.Length;

    /// <summary>Gets the periods, in calendar order.</summary>
    public IReadOnlyList<GridPeriod> Periods => _periods;

    /// <summary>Gets the first day of the first period.</summary>
    public LocalDate Start => _periods[0].Start;

    /// <summary>Gets the last day of the last period (inclusive).</summary>
    public LocalDate End => _periods[^1].End;

    /// <summary>Gets the dates the grid covers, both ends inclusive.</summary>
    public DateInterval Interval => new(Start, End);

    /// <summary>Gets a value indicating whether the grid is daily, weekly, monthly or quarterly (it extends beyond its ends).</summary>
    public bool IsRegular => Kind != PeriodGridKind.Custom;

    /// <summary>Gets the period at a position.</summary>
    /// <param name="index">Zero-based, less than <see cref="Count"/>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the grid.</exception>
    public GridPeriod this[int index]
    {
        get
        {
            if (unchecked((uint)index >= (uint)_periods.Length))
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a period index from 0 to {_periods.Length - 1}, got {index}."));
            }

            return _periods[index];
        }
    }

    /// <summary>Returns the index of the period holding a date, relative to the grid's first period, in O(1) for regular grids.</summary>
    /// <param name="date">An ISO-calendar date.</param>
    /// <returns>The index: 0 to <see cref="Count"/> - 1 inside the grid; negative before it (for a regular grid,
    /// -1 is the period just before the first; for a custom grid every earlier date gives -1); <see cref="Count"/>
    /// or more after it (a custom grid gives exactly <see cref="Count"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public int IndexOf(LocalDate date)
    {
        RequireIso(date);
        return Kind switch
        {
            PeriodGridKind.Daily => (int)(CalendarMath.EpochDay(date) - _startEpochDay),
            PeriodGridKind.Weekly => (int)CalendarMath.FloorDiv(CalendarMath.EpochDay(date) - _startEpochDay, 7),
            PeriodGridKind.Monthly => CalendarMath.MonthNumber(date) - _startMonthNumber,
            PeriodGridKind.Quarterly => (int)CalendarMath.FloorDiv(CalendarMath.MonthNumber(date) - _startMonthNumber, 3),
            _ => CustomIndexOf(date),
        };
    }

    /// <summary>Finds the period holding a date.</summary>
    /// <param name="date">An ISO-calendar date.</param>
    /// <param name="period">The period, or null when the date is outside the grid.</param>
    /// <returns><see langword="true"/> when the date falls in the grid.</returns>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool TryFind(LocalDate date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GridPeriod? period)
    {
        int index = IndexOf(date);
        period = unchecked((uint)index < (uint)Count) ? _periods[index] : null;
        return period is not null;
    }

    /// <summary>Returns the label of a period at any relative index of a regular grid, including before and after it
    /// (used to name history periods); for a custom grid only indices inside the grid have labels.</summary>
    /// <param name="relativeIndex">Any index relative to the first period, <see cref="int.MinValue"/> to
    /// <see cref="int.MaxValue"/>.</param>
    /// <returns>The label, such as <c>2023-12</c> for index -1 of a grid starting in January 2024; for a custom grid
    /// outside its intervals, <c>(before 2024-03-01..2024-03-15)</c> or <c>(after ...)</c>; for a regular grid, an index
    /// whose period would lie outside the supported range of time gives <c>(before 0001-01)</c> or
    /// <c>(after 9998-12)</c>, in the grid's own label style. Never throws.</returns>
    public string LabelAt(int relativeIndex)
    {
        if (unchecked((uint)relativeIndex < (uint)Count))
        {
            return _periods[relativeIndex].Label;
        }

        if (!IsRegular)
        {
            return relativeIndex < 0 ? "(before " + _periods[0].Label + ")" : "(after " + _periods[^1].Label + ")";
        }

        if (relativeIndex < _firstSupportedIndex)
        {
            return "(before " + RegularLabel(RegularInterval(Start, _firstSupportedIndex)) + ")";
        }

        if (relativeIndex > _lastSupportedIndex)
        {
            return "(after " + RegularLabel(RegularInterval(Start, _lastSupportedIndex)) + ")";
        }

        return RegularLabel(RegularInterval(Start, relativeIndex));
    }

    /// <summary>Tells whether a relative index names a period of a regular grid that lies, at least in part, in the
    /// supported range of time (for a custom grid: an index inside the grid).</summary>
    internal bool IsSupportedIndex(long relativeIndex) => relativeIndex >= _firstSupportedIndex && relativeIndex <= _lastSupportedIndex;

    /// <summary>Gets the relative index of the period holding <see cref="SupportedRange.FirstDate"/> (0 for a custom grid).</summary>
    internal int FirstSupportedIndex => _firstSupportedIndex;

    /// <inheritdoc/>
    public bool Equals(PeriodGrid? other) =>
        other is not null && Kind == other.Kind && WeekStart == other.WeekStart &&
        _periods.Select(p => p.Interval).SequenceEqual(other._periods.Select(p => p.Interval));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PeriodGrid);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, WeekStart, Count, Start, End);

    /// <summary>Tests two instances for equality; see <see cref="Equals(PeriodGrid?)"/>.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(PeriodGrid? left, PeriodGrid? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tests two instances for inequality.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PeriodGrid? left, PeriodGrid? right) => !(left == right);

    /// <summary>Returns a short description such as <c>monthly 2024-01..2024-12 (12 periods)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()} {_periods[0].Label}..{_periods[^1].Label} ({Count} periods)");

    private int CustomIndexOf(LocalDate date)
    {
        if (date < Start)
        {
            return -1;
        }

        if (date > End)
        {
            return Count;
        }

        int found = Array.BinarySearch(_customStarts, date);
        return found >= 0 ? found : ~found - 1;
    }

    private DateInterval RegularInterval(LocalDate gridStart, int index)
    {
        switch (Kind)
        {
            case PeriodGridKind.Daily:
                LocalDate day = gridStart.PlusDays(index);
                return new DateInterval(day, day);
            case PeriodGridKind.Weekly:
                LocalDate weekStart = gridStart.PlusDays(checked(7 * index));
                return new DateInterval(weekStart, weekStart.PlusDays(6));
            case PeriodGridKind.Monthly:
                LocalDate monthStart = gridStart.PlusMonths(index);
                return new DateInterval(monthStart, monthStart.PlusMonths(1).PlusDays(-1));
            default:
                LocalDate quarterStart = gridStart.PlusMonths(3 * index);
                return new DateInterval(quarterStart, quarterStart.PlusMonths(3).PlusDays(-1));
        }
    }

    private string RegularLabel(DateInterval interval)
    {
        LocalDate s = interval.Start;
        switch (Kind)
        {
            case PeriodGridKind.Daily:
                return FormatDate(s);
            case PeriodGridKind.Weekly:
                // Each seven-day week holds exactly one Thursday, and the ISO week is decided by its Thursday,
                // so labels are unique whatever day the weeks start on.
                LocalDate thursday = s.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Thursday));
                int weekYear = WeekYearRules.Iso.GetWeekYear(thursday);
                int week = WeekYearRules.Iso.GetWeekOfWeekYear(thursday);
                return string.Create(CultureInfo.InvariantCulture, $"{weekYear:D4}-W{week:D2}");
            case PeriodGridKind.Monthly:
                return string.Create(CultureInfo.InvariantCulture, $"{s.Year:D4}-{s.Month:D2}");
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{s.Year:D4}-Q{((s.Month - 1) / 3) + 1}");
        }
    }

    private static string CustomLabel(DateInterval interval) => FormatDate(interval.Start) + ".." + FormatDate(interval.End);

    internal static string FormatDate(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    private static void RequireIso(LocalDate date, string name = "date")
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a date in the ISO calendar, got {TimeRangeText.Date(date)}. Convert it with date.WithCalendar(CalendarSystem.Iso)."), name);
        }
    }
}
