using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.Validation;

/// <summary>The predicates behind the record validators, shared with the ledger's fast path so that both judge alike.</summary>
internal static class RecordRules
{
    public const int MaxSegmentLength = 200;

    public static bool CustomerOk(CustomerId customer) => !customer.IsEmpty;

    public static bool DateOk(LocalDate date) => date.Calendar == CalendarSystem.Iso;

    public static bool SegmentOk(string? segment) =>
        segment is null || (segment.Length <= MaxSegmentLength && !string.IsNullOrWhiteSpace(segment));

    public static bool CurrencyPresent(Currency currency) => currency != Currency.None;

    public static bool CurrencyMatches(Currency currency, Currency? expected) =>
        expected is not { } e || currency == Currency.None || currency == e;

    public const string SegmentMessage = "Expected a segment name of 1 to 200 characters, or none; got a blank or longer value. Use null for records without a segment.";

    public const string CustomerMessage = "Expected a customer id, got an empty one. Every record needs the id of its customer.";

    public const string DateMessage = "Expected a date in the ISO calendar. Convert it with date.WithCalendar(CalendarSystem.Iso).";

    public const string CurrencyMissingMessage = "Expected an amount in a real currency, got XXX (no currency); default(Money) is not an amount. Create amounts with Money.FromDecimal or Money.FromMinorUnits.";
}
