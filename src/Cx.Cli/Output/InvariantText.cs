using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Output;

/// <summary>Culture-independent text for the tool's own messages and the sample files it writes (the reports are rendered
/// by <c>Cx.Domain.Reporting</c>).</summary>
internal static class InvariantText
{
    public static string Date(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO 8601 in UTC, such as <c>2025-04-10T08:30:00Z</c>.</summary>
    public static string Instant(Instant at) => InstantPattern.ExtendedIso.Format(at);

    /// <summary>A number in its shortest round-trip form.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
