using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using Cx.Domain.Primitives;

namespace Cx.Domain.IO.Internal;

/// <summary>Parses amounts exactly to minor units: a fast path on the bytes for plain decimals (sign, digits, one
/// decimal separator; more decimals than the currency has rounded half to even), and the <see cref="decimal"/> path,
/// with its messages, for everything else.</summary>
internal sealed class AmountParser
{
    private const NumberStyles AmountStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly long[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
    private readonly Currency _currency;
    private readonly int _digits;
    private readonly byte _separator;
    private readonly NumberFormatInfo _format;

    public AmountParser(Currency currency, char decimalSeparator)
    {
        _currency = currency;
        _digits = currency.MinorDigits;
        _separator = (byte)decimalSeparator;
        _format = decimalSeparator == '.'
            ? NumberFormatInfo.InvariantInfo
            : new NumberFormatInfo { NumberDecimalSeparator = decimalSeparator.ToString(), NegativeSign = "-", PositiveSign = "+" };
        string sep = decimalSeparator.ToString();
        EmptyMessage = $"the amount is empty; expected a number such as 1234{sep}56 or -20{sep}00 (a refund).";
        NotANumberStart = $"expected a number with '{sep}' as the decimal separator and no thousands separators or currency symbols, such as 1234{sep}56 or -20{sep}00; got '";
    }

    public string EmptyMessage { get; }

    private string NotANumberStart { get; }

    /// <summary>Parses an amount field (raw bytes, not trimmed).</summary>
    /// <returns><see langword="true"/> with the minor units, or <see langword="false"/> with the message.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(ReadOnlySpan<byte> raw, out long minorUnits, out string? error)
    {
        if (TryFast(Fields.TrimAscii(raw), out minorUnits))
        {
            error = null;
            return true;
        }

        return TrySlow(Encoding.UTF8.GetString(raw), out minorUnits, out error);
    }

    /// <summary>The path of the former reader: trim, <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>,
    /// then <see cref="Money.TryFromDecimal"/>, with the same messages.</summary>
    public bool TrySlow(string? text, out long minorUnits, out string? error)
    {
        minorUnits = 0;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = EmptyMessage;
            return false;
        }

        if (!decimal.TryParse(text, AmountStyle, _format, out decimal value))
        {
            error = NotANumberStart + Text.Shorten(text) + "'.";
            return false;
        }

        if (!Money.TryFromDecimal(value, _currency, MinorUnitRounding.HalfToEven, out Money amount, out string? moneyError))
        {
            error = moneyError ?? $"the amount '{Text.Shorten(text)}' does not fit.";
            return false;
        }

        minorUnits = amount.MinorUnits;
        error = null;
        return true;
    }

    /// <summary>Sign, up to 18 significant integer digits, an optional separator and up to 18 decimals; anything else
    /// (or a value that does not fit) goes to the slow path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFast(ReadOnlySpan<byte> t, out long minorUnits)
    {
        minorUnits = 0;
        int i = 0;
        bool negative = false;
        if (t.Length > 0 && (t[0] == (byte)'-' || t[0] == (byte)'+'))
        {
            negative = t[0] == (byte)'-';
            i = 1;
        }

        long integer = 0;
        int intDigits = 0;
        int significant = 0;
        for (; i < t.Length; i++)
        {
            uint d = unchecked((uint)(t[i] - '0'));
            if (d > 9)
            {
                break;
            }

            intDigits++;
            if (integer != 0 || d != 0)
            {
                if (++significant > 18)
                {
                    return false;
                }
            }

            integer = integer * 10 + d;
        }

        long fraction = 0;
        int kept = 0;
        int firstDropped = -1;
        bool restNonZero = false;
        int fracDigits = 0;
        if (i < t.Length)
        {
            if (t[i] != _separator)
            {
                return false;
            }

            for (i++; i < t.Length; i++)
            {
                uint d = unchecked((uint)(t[i] - '0'));
                if (d > 9)
                {
                    return false;
                }

                if (++fracDigits > 18)
                {
                    return false;
                }

                if (kept < _digits)
                {
                    fraction = fraction * 10 + d;
                    kept++;
                }
                else if (firstDropped < 0)
                {
                    firstDropped = (int)d;
                }
                else if (d != 0)
                {
                    restNonZero = true;
                }
            }
        }

        if (intDigits + fracDigits == 0)
        {
            return false;
        }

        if (_digits >= Pow10.Length)
        {
            return false;
        }

        fraction *= Pow10[_digits - kept];
        long magnitude;
        try
        {
            magnitude = checked((integer * Pow10[_digits]) + fraction);
            if (firstDropped > 5 || (firstDropped == 5 && (restNonZero || (magnitude & 1) == 1)))
            {
                magnitude = checked(magnitude + 1);
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        minorUnits = negative ? -magnitude : magnitude;
        return true;
    }
}
