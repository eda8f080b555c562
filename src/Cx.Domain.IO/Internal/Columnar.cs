using System.Buffers.Text;
using System.Globalization;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.IO.Internal;

/// <summary>What the Parquet and Arrow readers share: the header made of the file's column names, the schema checks,
/// and the conversions from stored values (days, timestamps, unscaled decimals, integers) to the engine's values, with
/// the text reader's messages.</summary>
internal static class Columnar
{
    /// <summary>The header of a columnar file: its column names, found by name or position as in a CSV header.</summary>
    public static ReaderContext Context(string[] names, Delimiter delimiter, string format, IReadOnlyDictionary<string, string>? settingNames)
    {
        var header = new Header(names, names, 1, delimiter, s => settingNames is { } n && n.TryGetValue(s, out string? v) ? v : s);
        return new ReaderContext(header, delimiter, format, settingNames);
    }

    /// <summary>Throws the missing columns as schema problems.</summary>
    public static void ThrowMissing(string name, List<FileProblem> missing, bool failed)
    {
        if (missing.Count > 0 || failed)
        {
            throw new InputFileException(name, [.. missing.Select(p => new FileProblem(null, "schema", p.Column, p.Setting, p.Code, p.Message.Replace("the header has", "the file has", StringComparison.Ordinal)))]);
        }
    }

    /// <summary>The rule for a column a reader needs: the kinds it takes (any kind passes when the column is absent).</summary>
    public static ColumnRule Rule(int index, (string Name, ColumnKind Kind)[] columns, string setting, string expected, params ColumnKind[] allowed) =>
        new(index, index < 0 ? allowed[0] : columns[index].Kind, setting, expected, allowed);

    /// <summary>Checks each column found holds a type its reader takes; one schema problem per column that does not.</summary>
    public static void RequireKinds(string name, ReaderContext context, params ColumnRule[] columns)
    {
        var problems = new List<FileProblem>();
        foreach ((int index, ColumnKind kind, string setting, string expected, ColumnKind[] allowed) in columns)
        {
            if (index >= 0 && !allowed.Contains(kind))
            {
                problems.Add(new FileProblem(null, "schema", context.Header.NameOf(index), context.SettingName(setting), null,
                    $"expected a column of {expected}, got one of {Describe(kind)}; convert it, or name another column with {context.SettingName(setting)}."));
            }
        }

        if (problems.Count > 0)
        {
            throw new InputFileException(name, problems);
        }
    }

    private static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "text",
        ColumnKind.Integer => "integers",
        ColumnKind.Date => "dates",
        ColumnKind.Timestamp or ColumnKind.Int96Timestamp => "timestamps",
        ColumnKind.Decimal => "decimals",
        ColumnKind.Floating => "floating point numbers",
        _ => "another type (booleans, lists, binary or nested values)",
    };

    /// <summary>The UTF-8 text of a value of a text or integer column (integers formatted into <paramref name="number"/>);
    /// empty for a null.</summary>
    public static ReadOnlySpan<byte> TextOf(ColumnBatch column, int row, byte[] number)
    {
        int v = column.ValueOf(row);
        if (v < 0)
        {
            return default;
        }

        if (column.Kind != ColumnKind.Integer)
        {
            return column.BytesOf(v);
        }

        long value = column.Is64 ? column.Int64s[v] : column.Int32s[v];
        _ = Utf8Formatter.TryFormat(value, number, out int written);
        return number.AsSpan(0, written);
    }

    /// <summary>The day (since 1970-01-01) of a value of a date or timestamp column.</summary>
    public static long DayOf(ColumnBatch column, int v) => column.Kind switch
    {
        ColumnKind.Date => column.Int32s[v],
        ColumnKind.Timestamp => Math.DivRem(column.Int64s[v], column.UnitsPerDay) is var (q, r) && r < 0 ? q - 1 : q,
        _ => ParquetColumn.DaysOf(column.Int96s[v]),
    };

    /// <summary>The minor units of a value of a decimal, integer (major units) or floating point column.</summary>
    public static bool TryMinorUnits(ColumnBatch column, int v, Currency currency, out long amount, out string? error)
    {
        amount = 0;
        if (column.Kind == ColumnKind.Floating)
        {
            double d = column.Doubles[v];
            if (!double.IsFinite(d))
            {
                error = $"expected a finite amount, got {d.ToString(CultureInfo.InvariantCulture)}.";
                return false;
            }

            if (Math.Abs(d) >= 7.9e28)
            {
                error = $"the amount {d.ToString("R", CultureInfo.InvariantCulture)} does not fit in {currency.Code} minor units.";
                return false;
            }

            return FromDecimal((decimal)d, currency, out amount, out error);
        }

        int scale = column.Kind == ColumnKind.Decimal ? column.Scale : 0;
        if (!column.TryUnscaled(v, out Int128 unscaled))
        {
            error = $"the amount (a decimal of more than 128 bits) does not fit in {currency.Code} minor units.";
            return false;
        }

        return TryMinorUnits(unscaled, scale, currency, out amount, out error);
    }

    /// <summary>Minor units of an unscaled decimal: the integer itself when the scale is the currency's, exact scaling
    /// up when it is smaller, and <see cref="Money.TryFromDecimal"/> (half to even) when it is larger, with its messages.</summary>
    public static bool TryMinorUnits(Int128 unscaled, int scale, Currency currency, out long amount, out string? error)
    {
        int digits = currency.MinorDigits;
        if (scale <= digits && scale >= 0 && unscaled >= long.MinValue && unscaled <= long.MaxValue)
        {
            // |unscaled| < 2^63 and at most 10^18 as the factor: no overflow of 128 bits.
            Int128 minor = unscaled * Pow10(digits - scale);
            if (minor >= long.MinValue && minor <= long.MaxValue)
            {
                amount = (long)minor;
                error = null;
                return true;
            }
        }

        amount = 0;
        Int128 magnitude = unscaled < 0 ? -unscaled : unscaled;
        if (scale is < 0 or > 28 || magnitude >= (Int128)1 << 96)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"the amount {unscaled}E{-scale} does not fit in {currency.Code} minor units.");
            return false;
        }

        var value = new decimal(unchecked((int)(uint)(ulong)(magnitude & uint.MaxValue)), unchecked((int)(uint)(ulong)((magnitude >> 32) & uint.MaxValue)), unchecked((int)(uint)(ulong)((magnitude >> 64) & uint.MaxValue)), unscaled < 0, (byte)scale);
        return FromDecimal(value, currency, out amount, out error);
    }

    private static bool FromDecimal(decimal value, Currency currency, out long amount, out string? error)
    {
        if (!Money.TryFromDecimal(value, currency, MinorUnitRounding.HalfToEven, out Money money, out error))
        {
            amount = 0;
            return false;
        }

        amount = money.MinorUnits;
        return true;
    }

    private static Int128 Pow10(int n)
    {
        Int128 p = 1;
        for (int i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}

/// <summary>A column a reader needs (index -1: not asked for), the kind the file has, and the kinds the reader takes.</summary>
internal sealed record ColumnRule(int Index, ColumnKind Kind, string Setting, string Expected, params ColumnKind[] Allowed);

/// <summary>Days since 1970-01-01 to dates, remembered (a file has few distinct days), checked against the supported range.</summary>
internal sealed class DayCache
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
    private static readonly long FirstDay = SupportedRange.FirstDate.ToDateOnly().DayNumber - Epoch;
    private static readonly long LastDay = SupportedRange.LastDate.ToDateOnly().DayNumber - Epoch;
    private readonly long[] _days = new long[1024];
    private readonly LocalDate[] _dates = new LocalDate[1024];

    public DayCache() => _days.AsSpan().Fill(long.MinValue);

    public bool TryGet(long day, out LocalDate date, out string? error)
    {
        int slot = (int)(day & 1023);
        if (_days[slot] == day)
        {
            date = _dates[slot];
            error = null;
            return true;
        }

        if (day < FirstDay || day > LastDay)
        {
            date = default;
            error = string.Create(CultureInfo.InvariantCulture, $"the date ({day} days from 1970-01-01) is outside the supported range {SupportedRange.FirstDate:uuuu-MM-dd} to {SupportedRange.LastDate:uuuu-MM-dd}.");
            return false;
        }

        date = LocalDate.FromDateOnly(DateOnly.FromDayNumber((int)(Epoch + day)));
        _days[slot] = day;
        _dates[slot] = date;
        error = null;
        return true;
    }
}
