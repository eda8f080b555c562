using NodaTime;

namespace Cx.Domain.Primitives;

/// <summary>The span of time Cx.Domain computes in: business dates from 0001-01-01 to 9998-12-31, and instants from
/// 0001-01-01T00:00:00Z up to, not including, 9999-01-01T00:00:00Z.</summary>
/// <remarks>
/// <para>NodaTime represents the years -9998 to 9999. Cx.Domain keeps out the years before 1, which no business record
/// has, and keeps the year 9999 free, so that whatever it computes from a supported value stays representable: the end
/// of a period (the start of the next day, in any time zone), the period after a grid, a window that runs past an
/// evaluation instant. Inside the range the arithmetic is exact and never overflows.</para>
/// <para>Every entry point checks the dates and instants it is given against this range. Bulk input (records, events,
/// measurements, documents, options) reports a value outside it as a <c>CxValidationException</c> failure with code
/// CX0114 (a per-period index outside it: CX0115; a duration longer than <see cref="MaxDuration"/>: CX0116), naming the
/// record and field; the primitives' factories (<see cref="PeriodGrid"/>) throw <see cref="ArgumentOutOfRangeException"/>.
/// The date 9999-12-31 is a common "no end date" placeholder in exports: it is outside the range, so a record dated then
/// is reported, or left out and counted where a policy says so (<c>AfterGridPolicy.Exclude</c>).</para>
/// </remarks>
public static class SupportedRange
{
    /// <summary>The longest duration Cx.Domain computes with (a rolling window, a lookback, a memory): 100 years of
    /// 365.25 days, 36,525 days.</summary>
    public const int MaxDurationDays = 36_525;

    /// <summary>Gets the first supported business date, 0001-01-01.</summary>
    public static LocalDate FirstDate { get; } = new(1, 1, 1);

    /// <summary>Gets the last supported business date, 9998-12-31.</summary>
    public static LocalDate LastDate { get; } = new(9998, 12, 31);

    /// <summary>Gets the first supported instant, 0001-01-01T00:00:00Z (included).</summary>
    public static Instant Start { get; } = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>Gets the end of the supported instants, 9999-01-01T00:00:00Z (excluded).</summary>
    public static Instant End { get; } = Instant.FromUtc(9999, 1, 1, 0, 0);

    /// <summary>Gets the longest duration Cx.Domain computes with: <see cref="MaxDurationDays"/> days.</summary>
    public static Duration MaxDuration { get; } = Duration.FromDays(MaxDurationDays);

    /// <summary>Tells whether a date is an ISO date from <see cref="FirstDate"/> to <see cref="LastDate"/>.</summary>
    /// <param name="date">The date, in any calendar.</param>
    /// <returns><see langword="true"/> when the date is in the ISO calendar and in the range, both ends included.</returns>
    public static bool Contains(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso && date >= FirstDate && date <= LastDate;

    /// <summary>Tells whether an instant is at or after <see cref="Start"/> and before <see cref="End"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when the instant is in the range.</returns>
    public static bool Contains(Instant instant) => instant >= Start && instant < End;
}
