using System.Globalization;
using NodaTime;

namespace Cx.Cli.Output;

/// <summary>Culture-independent text for the outputs.</summary>
internal static class InvariantText
{
    public static string Date(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
}
