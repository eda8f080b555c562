using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cx.Domain.IO;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>The options that say where the revenue comes from and how to read it (a CSV of dated amounts or the sample
/// company, its columns, currency, date format, separator, and the grid): shared by every command that reads revenue, so
/// they read it the same way.</summary>
internal sealed class RevenueInputOptions
{
    internal static readonly string[] GridNames = ["monthly", "quarterly", "weekly"];

    private RevenueInputOptions()
    {
        Input = new Option<string?>("--input", "-i")
        {
            Description = "The CSV file of dated amounts (one row per purchase, invoice line or refund), with a header line; '-' reads standard input.",
            HelpName = "file",
        };
        Sample = new Option<bool>("--sample") { Description = "Use the built-in sample company (3,000 customers, 2023 to 2025) instead of a file." };
        Seed = new Option<ulong>("--seed")
        {
            Description = "The seed of the sample company; the same seed gives the same data on any machine.",
            DefaultValueFactory = _ => SampleCompanyOptions.DefaultSeed,
        };
        CustomerColumn = new Option<string>("--customer-column") { Description = "The header of the customer id column, or its position from 1.", DefaultValueFactory = _ => "customer_id", HelpName = "name" };
        DateColumn = new Option<string>("--date-column") { Description = "The header of the date column, or its position from 1.", DefaultValueFactory = _ => "date", HelpName = "name" };
        AmountColumn = new Option<string>("--amount-column")
        {
            Description = "The header of the amount column, or its position from 1: negative for refunds; more decimals than the currency has are rounded half to even.",
            DefaultValueFactory = _ => "amount",
            HelpName = "name",
        };
        SegmentColumn = new Option<string?>("--segment-column")
        {
            Description = "The header of the segment column (plan, region, channel), or its position from 1. Optional: without this option a column named 'segment' is used when there is one.",
            HelpName = "name",
        };
        foreach (Option<string> column in (Option<string>[])[CustomerColumn, DateColumn, AmountColumn])
        {
            column.Validators.Add(ValidateColumn);
        }

        SegmentColumn.Validators.Add(ValidateColumn);
        Currency = new Option<Currency>("--currency")
        {
            Description = "The ISO 4217 currency of every amount.",
            DefaultValueFactory = _ => Cx.Domain.Primitives.Currency.Usd,
            CustomParser = ParseCurrency,
            HelpName = "code",
        };
        DateFormat = new Option<string>("--date-format")
        {
            Description = "The date pattern of the date column (NodaTime pattern, invariant culture), such as dd/MM/yyyy or MM/dd/yyyy.",
            DefaultValueFactory = _ => "yyyy-MM-dd",
            HelpName = "pattern",
        };
        DateFormat.Validators.Add(r =>
        {
            if (CreateDatePattern(r.GetValueOrDefault<string>(), out string? error) is null)
            {
                r.AddError(error!);
            }
        });
        Delimiter = CreateDelimiterOption();
        NoHeader = CreateNoHeaderOption();
        Encoding = CreateEncodingOption();
        DecimalSeparator = new Option<char>("--decimal-separator")
        {
            Description = "The decimal separator of amounts: '.' (the default) or ','; with ',' use another delimiter than comma.",
            DefaultValueFactory = _ => '.',
            CustomParser = ParseDecimalSeparator,
            HelpName = "char",
        };
        Grid = new Option<string>("--grid") { Description = "The periods: calendar months, calendar quarters, or ISO weeks (Monday to Sunday).", DefaultValueFactory = _ => "monthly" };
        Grid.AcceptOnlyFromAmong(GridNames);
        Start = new Option<LocalDate?>("--start")
        {
            Description = "The first period is the one holding this date (yyyy-MM-dd, or yyyy-MM for the month's first day). Earlier records are history: they decide new versus reactivated. Default: the earliest record's period.",
            CustomParser = r => ParseBound(r, end: false),
            HelpName = "date",
        };
        End = new Option<LocalDate?>("--end")
        {
            Description = "The last period is the one holding this date (yyyy-MM-dd, or yyyy-MM for the month's last day). Later records are left out and counted in excludedRecords. Default: the latest record's period.",
            CustomParser = r => ParseBound(r, end: true),
            HelpName = "date",
        };
    }

    public Option<string?> Input { get; }

    public Option<bool> Sample { get; }

    public Option<ulong> Seed { get; }

    public Option<string> CustomerColumn { get; }

    public Option<string> DateColumn { get; }

    public Option<string> AmountColumn { get; }

    public Option<string?> SegmentColumn { get; }

    public Option<Currency> Currency { get; }

    public Option<string> DateFormat { get; }

    public Option<Delimiter> Delimiter { get; }

    public Option<bool> NoHeader { get; }

    public Option<InputEncoding> Encoding { get; }

    public Option<char> DecimalSeparator { get; }

    public Option<string> Grid { get; }

    public Option<LocalDate?> Start { get; }

    public Option<LocalDate?> End { get; }

    /// <summary>Gets every option, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Input, Sample, Seed, CustomerColumn, DateColumn, AmountColumn, SegmentColumn, Currency, DateFormat, Delimiter, Grid, Start, End, NoHeader, Encoding, DecimalSeparator];

    public static RevenueInputOptions Create() => new();

    /// <summary>Returns how to read the revenue file, as the command line says.</summary>
    public CsvInputOptions ReadCsvOptions(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? segment = parse.GetValue(SegmentColumn);
        return new CsvInputOptions(new RevenueFileOptions
        {
            Customer = ColumnRef.Parse(parse.GetValue(CustomerColumn)!),
            Date = ColumnRef.Parse(parse.GetValue(DateColumn)!),
            Amount = ColumnRef.Parse(parse.GetValue(AmountColumn)!),
            Segment = ColumnRef.Parse(segment ?? "segment"),
            SegmentRequired = segment is not null,
            Currency = parse.GetValue(Currency),
            DateFormat = parse.GetValue(DateFormat)!,
            DecimalSeparator = parse.GetValue(DecimalSeparator),
            Text = ReadTextOptions(parse, Delimiter, NoHeader, Encoding),
            SettingNames = CsvInputOptions.SettingNames,
        });
    }

    /// <summary>Returns the text layout the command line gives (delimiter, header, encoding).</summary>
    public static TextFileOptions ReadTextOptions(ParseResult parse, Option<Delimiter> delimiter, Option<bool> noHeader, Option<InputEncoding> encoding)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TextFileOptions { Delimiter = parse.GetValue(delimiter), HasHeader = !parse.GetValue(noHeader), Encoding = parse.GetValue(encoding) };
    }

    /// <summary>Creates the <c>--delimiter</c> option.</summary>
    public static Option<Delimiter> CreateDelimiterOption() => new("--delimiter")
    {
        Description = "The field separator: comma, semicolon, tab, whitespace (runs of spaces and tabs), or one character such as ';' or '|'.",
        DefaultValueFactory = _ => Cx.Domain.IO.Delimiter.Comma,
        CustomParser = ParseDelimiter,
        HelpName = "char",
    };

    /// <summary>Creates the <c>--no-header</c> option.</summary>
    public static Option<bool> CreateNoHeaderOption() => new("--no-header")
    {
        Description = "The files have no header line: the first line is data, and columns are given by position (--customer-column 1).",
    };

    /// <summary>Creates the <c>--encoding</c> option.</summary>
    public static Option<InputEncoding> CreateEncodingOption() => new("--encoding")
    {
        Description = "The files' character encoding: utf-8 (the default; invalid bytes are errors), latin1, windows-1252 or utf-16. A byte order mark always wins.",
        DefaultValueFactory = _ => InputEncoding.Utf8,
        CustomParser = ParseEncoding,
        HelpName = "name",
    };

    private static Currency ParseCurrency(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (Cx.Domain.Primitives.Currency.TryFromCode(text, out Currency currency) && currency != Cx.Domain.Primitives.Currency.None)
        {
            return currency;
        }

        result.AddError($"--currency: expected an ISO 4217 code such as USD, EUR or JPY, got '{text}'.");
        return default;
    }

    private static LocalDatePattern? CreateDatePattern(string? text, out string? error)
    {
        try
        {
            LocalDatePattern pattern = LocalDatePattern.CreateWithInvariantCulture(text ?? string.Empty);
            _ = pattern.Format(new LocalDate(2024, 3, 15));
            error = null;
            return pattern;
        }
        catch (InvalidPatternException ex)
        {
            error = $"--date-format: '{text}' is not a valid date pattern: {ex.Message} Use a pattern such as yyyy-MM-dd, dd/MM/yyyy or MM/dd/yyyy.";
            return null;
        }
    }

    internal static Delimiter ParseDelimiter(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (Cx.Domain.IO.Delimiter.TryParse(text, out Delimiter delimiter))
        {
            return delimiter;
        }

        result.AddError($"--delimiter: expected comma, semicolon, tab, whitespace or one ASCII character such as ';' or '|'; got '{text}'.");
        return Cx.Domain.IO.Delimiter.Comma;
    }

    private static InputEncoding ParseEncoding(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        InputEncoding encoding = text.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => InputEncoding.Utf8,
            "LATIN1" or "LATIN-1" or "ISO-8859-1" or "ISO8859-1" => InputEncoding.Latin1,
            "WINDOWS-1252" or "CP1252" or "WINDOWS1252" => InputEncoding.Windows1252,
            "UTF-16" or "UTF16" or "UTF-16LE" => InputEncoding.Utf16,
            _ => InputEncoding.Unknown,
        };
        if (encoding == InputEncoding.Unknown)
        {
            result.AddError($"--encoding: expected utf-8, latin1, windows-1252 or utf-16; got '{text}'.");
            return InputEncoding.Utf8;
        }

        return encoding;
    }

    private static char ParseDecimalSeparator(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (text is "." or ",")
        {
            return text[0];
        }

        result.AddError($"--decimal-separator: expected '.' or ','; got '{text}'.");
        return '.';
    }

    private static void ValidateColumn(OptionResult result)
    {
        string? text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (text is not null && (text.Length == 0 || text.All(c => c == '0')))
        {
            result.AddError($"{result.Option.Name}: expected a header name or a position from 1; got '{text}'.");
        }
    }

    /// <summary>Creates the grid a <c>--grid</c> name stands for, from the period holding <paramref name="first"/> to the one
    /// holding <paramref name="last"/>.</summary>
    /// <exception cref="ArgumentException">The grid cannot be built (too many periods, dates out of range).</exception>
    internal static PeriodGrid CreateGrid(string name, LocalDate first, LocalDate last) => name switch
    {
        "quarterly" => PeriodGrid.Quarterly(first, last),
        "weekly" => PeriodGrid.Weekly(first, last),
        _ => PeriodGrid.Monthly(first, last),
    };

    internal static LocalDate? ParseBound(ArgumentResult result, bool end) => ParseDay(result, end ? "--end" : "--start", end);

    /// <summary>Parses a day given as a date (<c>yyyy-MM-dd</c>) or a month (<c>yyyy-MM</c>: its last day when
    /// <paramref name="end"/>, else its first), or adds an error naming <paramref name="option"/>.</summary>
    internal static LocalDate? ParseDay(ArgumentResult result, string option, bool end)
    {
        string text = result.Tokens[0].Value;
        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return date.Value;
        }

        ParseResult<YearMonth> month = YearMonthPattern.Iso.Parse(text);
        if (month.Success)
        {
            return end ? month.Value.OnDayOfMonth(month.Value.Calendar.GetDaysInMonth(month.Value.Year, month.Value.Month)) : month.Value.OnDayOfMonth(1);
        }

        result.AddError($"{option}: expected a date such as 2024-03-15 or a month such as 2024-03, got '{text}'.");
        return null;
    }
}
