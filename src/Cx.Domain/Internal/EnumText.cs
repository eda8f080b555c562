using System.Globalization;

namespace Cx.Domain.Internal;

/// <summary>Writes an enum value for a message: its name, or for an undefined value its number in the invariant culture
/// (an enum's own formatting ignores the format provider and writes such numbers in the current culture).</summary>
internal static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString() : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    public static string Join<T>(IEnumerable<T> values)
        where T : struct, Enum =>
        string.Join(", ", values.Select(Of));
}
