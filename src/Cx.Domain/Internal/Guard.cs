using System.Runtime.CompilerServices;

namespace Cx.Domain.Internal;

/// <summary>Argument checks with one message style: what was expected, what came, how to fix it.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a value for '{name}', got null. Pass a non-null {typeof(T).Name}."));
        }

        return value;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a finite number for '{name}', got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}. NaN and infinities are not accepted."));
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected '{name}' between {min} and {max}, got {value}."));
        }

        return value;
    }

    public static long NotNegative(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected '{name}' to be zero or more, got {value}."));
        }

        return value;
    }

    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value) || Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected one of {string.Join(", ", Enum.GetNames<T>().Skip(1))} for '{name}', got {EnumText.Of(value)}."));
        }

        return value;
    }
}
