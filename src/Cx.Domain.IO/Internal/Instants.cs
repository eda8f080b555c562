using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>Parses instants: ISO 8601 with <c>Z</c> or an offset, fractions of a second allowed.</summary>
internal static class Instants
{
    public static bool TryParse(string? text, string example, string exampleOffset, out Instant instant, out string? error)
    {
        instant = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = $"the instant is empty; expected an ISO 8601 instant such as {example}.";
            return false;
        }

        ParseResult<OffsetDateTime> result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!result.Success)
        {
            error = $"expected an ISO 8601 instant with {(example.StartsWith("2024", StringComparison.Ordinal) ? "Z or an offset" : "a UTC offset")}, such as {example} or {exampleOffset}; got '{Text.Shorten(text)}'.";
            return false;
        }

        instant = result.Value.ToInstant();
        error = null;
        return true;
    }

    /// <summary>Parses an instant as measurements and <c>--as-of</c> write it.</summary>
    public static bool TryParseMeasurement(string? text, out Instant instant, out string? error) =>
        TryParse(text, "2025-04-10T08:30:00Z", "2025-04-10T10:30:00+02:00", out instant, out error);

    /// <summary>Parses an instant as experience events write it.</summary>
    public static bool TryParseEvent(string? text, out Instant instant, out string? error) =>
        TryParse(text, "2024-03-05T14:30:00Z", "2024-03-05T15:30:00+01:00", out instant, out error);
}
