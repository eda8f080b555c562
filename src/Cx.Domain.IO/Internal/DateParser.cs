using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>Parses dates with a NodaTime pattern: a fast path on the bytes for fixed-width patterns made of
/// <c>yyyy</c>, <c>MM</c>, <c>dd</c> and separators (<c>yyyy-MM-dd</c>, <c>yyyyMMdd</c>, <c>dd/MM/yyyy</c>,
/// <c>MM/dd/yyyy</c>, <c>dd.MM.yyyy</c>...), and NodaTime itself, with the former messages, for every other text and pattern.</summary>
internal sealed class DateParser
{
    private static readonly LocalDate ExampleDate = new(2024, 3, 15);
    private readonly LocalDatePattern _pattern;
    private readonly string _example;
    private readonly string _settingName;

    // The fixed-width template: for each position, a literal byte, or 'y', 'M', 'd' for a digit of that field.
    private readonly byte[]? _template;

    public DateParser(LocalDatePattern pattern, string settingName)
    {
        _pattern = pattern;
        _settingName = settingName;
        _example = pattern.Format(ExampleDate);
        _template = Compile(pattern.PatternText);
        EmptyMessage = $"the date is empty; expected a date such as {_example} (format {pattern.PatternText}).";
    }

    public string EmptyMessage { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(ReadOnlySpan<byte> raw, out LocalDate date, out string? error)
    {
        if (_template is not null && TryFast(Fields.TrimAscii(raw), out date))
        {
            error = null;
            return true;
        }

        return TrySlow(Encoding.UTF8.GetString(raw), out date, out error);
    }

    public bool TrySlow(string? text, out LocalDate date, out string? error)
    {
        date = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = EmptyMessage;
            return false;
        }

        ParseResult<LocalDate> result = _pattern.Parse(text);
        if (!result.Success)
        {
            error = $"expected a date such as {_example} (format {_pattern.PatternText}, set with {_settingName}); got '{Text.Shorten(text)}'.";
            return false;
        }

        date = result.Value;
        error = null;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFast(ReadOnlySpan<byte> t, out LocalDate date)
    {
        date = default;
        byte[] template = _template!;
        if (t.Length != template.Length)
        {
            return false;
        }

        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < template.Length; i++)
        {
            byte want = template[i];
            byte c = t[i];
            switch (want)
            {
                case (byte)'y':
                case (byte)'M':
                case (byte)'d':
                    uint d = unchecked((uint)(c - '0'));
                    if (d > 9)
                    {
                        return false;
                    }

                    if (want == (byte)'y')
                    {
                        year = (year * 10) + (int)d;
                    }
                    else if (want == (byte)'M')
                    {
                        month = (month * 10) + (int)d;
                    }
                    else
                    {
                        day = (day * 10) + (int)d;
                    }

                    break;
                default:
                    if (c != want)
                    {
                        return false;
                    }

                    break;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Compiles yyyy, MM, dd and separator characters into a template; null for any other pattern.</summary>
    internal static byte[]? Compile(string pattern)
    {
        var template = new List<byte>();
        int years = 0;
        int months = 0;
        int days = 0;
        int i = 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            int run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            if (c == 'y' && run == 4)
            {
                years++;
            }
            else if (c == 'M' && run == 2)
            {
                months++;
            }
            else if (c == 'd' && run == 2)
            {
                days++;
            }
            else if (run == 1 && c is '-' or '/' or '.' or ' ' or '_')
            {
                // A literal separator.
            }
            else
            {
                return null;
            }

            for (int k = 0; k < run; k++)
            {
                template.Add((byte)c);
            }

            i += run;
        }

        return years == 1 && months == 1 && days == 1 ? [.. template] : null;
    }
}
