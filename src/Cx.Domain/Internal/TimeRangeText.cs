using System.Globalization;
using Cx.Domain.Primitives;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Internal;

/// <summary>The one wording of "outside the supported range of time" (<see cref="SupportedRange"/>), so that every entry
/// point says it alike, in the invariant culture.</summary>
internal static class TimeRangeText
{
    public const string DateRange = "0001-01-01 to 9998-12-31";

    public const string InstantRange = "0001-01-01T00:00:00Z up to 9999-01-01T00:00:00Z";

    private static readonly InstantPattern InstantText = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss;FFFFFFFFF'Z'");

    public static string Date(LocalDate date) =>
        date.Calendar == CalendarSystem.Iso
            ? string.Create(CultureInfo.InvariantCulture, $"{(date.Year < 0 ? "-" : string.Empty)}{Math.Abs(date.Year):D4}-{date.Month:D2}-{date.Day:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} ({date.Calendar.Id})");

    public static string Instant(Instant instant) => InstantText.Format(instant);

    /// <summary>"Expected a date from 0001-01-01 to 9998-12-31 (the supported range), got 9999-12-31 ..." with a hint for the
    /// "no end date" placeholders of exports.</summary>
    public static string DateMessage(LocalDate date, string? what = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected {what ?? "a date"} from {DateRange} (the supported range), got {Date(date)}.{Hint(date.Year)}");

    public static string InstantMessage(Instant instant, string? what = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected {what ?? "an instant"} from {InstantRange} (the supported range), got {Instant(instant)}.{Hint(instant.InUtc().Year)}");

    public static string DurationMessage(Duration duration, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected {what} of at most {SupportedRange.MaxDurationDays} days (100 years), got {FormatDays(duration)}.");

    private static string FormatDays(Duration duration) =>
        duration.TotalDays.ToString("0.###", CultureInfo.InvariantCulture) + " days";

    private static string Hint(int year) =>
        year >= 9999 ? " Dates such as 9999-12-31 are often a placeholder for 'no end date' in exports: remove them or replace them with real dates."
        : year < 1 ? " Check the data for a wrong year."
        : string.Empty;
}
