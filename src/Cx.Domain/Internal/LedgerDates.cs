using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Internal;

/// <summary>How a ledger judges a record's date against the supported range of time and the grid, the same way on the
/// record path and the columnar path.</summary>
internal static class LedgerDates
{
    /// <summary>Whether a date is too early for any ledger (before 0001-01-01): such a record is rejected.</summary>
    public static bool TooEarly(LocalDate date) => date < SupportedRange.FirstDate;

    public static string TooEarlyMessage(LocalDate date) => TimeRangeText.DateMessage(date);

    /// <summary>The failure of a record after the grid when such records are rejected: past the supported range (a "no end
    /// date" placeholder such as 9999-12-31) it is CX0114, else CX0104.</summary>
    public static (string Code, string Message) AfterGrid(PeriodGrid grid, LocalDate date) =>
        date > SupportedRange.LastDate
            ? (CxErrorCodes.TimeOutOfRange, TimeRangeText.DateMessage(date) + " Or set AfterGrid = Exclude to leave records after the grid out and count them.")
            : (CxErrorCodes.DateAfterGrid, $"Expected a date on or before {PeriodGrid.FormatDate(grid.End)} (the grid's end), got {PeriodGrid.FormatDate(date)}. Extend the grid, or set AfterGrid = Exclude to leave such records out and count them.");
}
