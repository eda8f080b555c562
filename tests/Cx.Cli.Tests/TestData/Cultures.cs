using System.Globalization;

namespace Cx.Cli.Tests;

/// <summary>Cultures a machine may run cx under, for the tests that the tool reads and writes the same whatever the machine.</summary>
internal static class Cultures
{
    /// <summary>A comma for the decimal point, '.' between thousands and in dates, 'h' between hours and minutes, a minus
    /// sign that is not '-' (German-like, and then some).</summary>
    public static CultureInfo CommaDecimal { get; } = CreateCommaDecimal();

    private static CultureInfo CreateCommaDecimal()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.TimeSeparator = "h";
        return CultureInfo.ReadOnly(culture);
    }
}
