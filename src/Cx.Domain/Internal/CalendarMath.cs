using NodaTime;

namespace Cx.Domain.Internal;

/// <summary>O(1) calendar arithmetic on ISO dates, used by the regular period grids.</summary>
internal static class CalendarMath
{
    /// <summary>Days since 1970-01-01 of an ISO date (proleptic Gregorian; H. Hinnant's days_from_civil).</summary>
    public static long EpochDay(LocalDate date)
    {
        long y = date.Year;
        int m = date.Month;
        int d = date.Day;
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - (era * 400);
        long doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
        long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }

    public static int MonthNumber(LocalDate date) => (date.Year * 12) + date.Month - 1;

    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
}
