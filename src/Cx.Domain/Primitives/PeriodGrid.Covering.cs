using NodaTime;

namespace Cx.Domain.Primitives;

/// <content>The factories that size a grid to data: the periods from the earliest date to the latest.</content>
public sealed partial class PeriodGrid
{
    /// <summary>Creates the grid of calendar months that covers every date: from the month of the earliest to the month of
    /// the latest.</summary>
    /// <param name="dates">The dates, in any order; at least one.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no dates, or they span more than <see cref="MaxPeriodCount"/> months.</exception>
    public static PeriodGrid MonthlyCovering(IEnumerable<LocalDate> dates)
    {
        (LocalDate first, LocalDate last) = Span(dates, nameof(dates));
        return Monthly(first, last);
    }

    /// <summary>Creates the grid of calendar months that covers the date of every record.</summary>
    /// <typeparam name="T">The type of the records.</typeparam>
    /// <param name="records">The records, in any order; at least one.</param>
    /// <param name="dateOf">Gives a record's date.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="dateOf"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no records, or they span more than <see cref="MaxPeriodCount"/> months.</exception>
    public static PeriodGrid MonthlyCovering<T>(IEnumerable<T> records, Func<T, LocalDate> dateOf) => MonthlyCovering(Dates(records, dateOf));

    /// <summary>Creates the grid of calendar quarters that covers every date.</summary>
    /// <param name="dates">The dates, in any order; at least one.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no dates, or they span more than <see cref="MaxPeriodCount"/> quarters.</exception>
    public static PeriodGrid QuarterlyCovering(IEnumerable<LocalDate> dates)
    {
        (LocalDate first, LocalDate last) = Span(dates, nameof(dates));
        return Quarterly(first, last);
    }

    /// <summary>Creates the grid of calendar quarters that covers the date of every record.</summary>
    /// <typeparam name="T">The type of the records.</typeparam>
    /// <param name="records">The records, in any order; at least one.</param>
    /// <param name="dateOf">Gives a record's date.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> or <paramref name="dateOf"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no records, or they span more than <see cref="MaxPeriodCount"/> quarters.</exception>
    public static PeriodGrid QuarterlyCovering<T>(IEnumerable<T> records, Func<T, LocalDate> dateOf) => QuarterlyCovering(Dates(records, dateOf));

    /// <summary>Creates the grid of weeks (starting on <paramref name="weekStart"/>) that covers every date.</summary>
    /// <param name="dates">The dates, in any order; at least one.</param>
    /// <param name="weekStart">The first day of each week; Monday (ISO weeks) by default.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no dates, or they span more than <see cref="MaxPeriodCount"/> weeks.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekStart"/> is <see cref="IsoDayOfWeek.None"/> or undefined.</exception>
    public static PeriodGrid WeeklyCovering(IEnumerable<LocalDate> dates, IsoDayOfWeek weekStart = IsoDayOfWeek.Monday)
    {
        (LocalDate first, LocalDate last) = Span(dates, nameof(dates));
        return Weekly(first, last, weekStart);
    }

    /// <summary>Creates the grid of days that covers every date.</summary>
    /// <param name="dates">The dates, in any order; at least one.</param>
    /// <returns>The grid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dates"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no dates, or they span more than <see cref="MaxPeriodCount"/> days.</exception>
    public static PeriodGrid DailyCovering(IEnumerable<LocalDate> dates)
    {
        (LocalDate first, LocalDate last) = Span(dates, nameof(dates));
        return Daily(first, last);
    }

    private static IEnumerable<LocalDate> Dates<T>(IEnumerable<T> records, Func<T, LocalDate> dateOf)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(dateOf);
        return records.Select(dateOf);
    }

    private static (LocalDate First, LocalDate Last) Span(IEnumerable<LocalDate> dates, string parameter)
    {
        ArgumentNullException.ThrowIfNull(dates, parameter);
        bool any = false;
        LocalDate first = default;
        LocalDate last = default;
        foreach (LocalDate date in dates)
        {
            if (!any || date < first)
            {
                first = date;
            }

            if (!any || date > last)
            {
                last = date;
            }

            any = true;
        }

        return any ? (first, last) : throw new ArgumentException("Expected at least one date to cover, got none. Give the records of the period to report, or build the grid from its first and last period.", parameter);
    }
}
