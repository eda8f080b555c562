using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
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
        CustomerColumn = new Option<string>("--customer-column") { Description = "The header of the customer id column.", DefaultValueFactory = _ => CsvInputOptions.Default.CustomerColumn, HelpName = "name" };
        DateColumn = new Option<string>("--date-column") { Description = "The header of the date column.", DefaultValueFactory = _ => CsvInputOptions.Default.DateColumn, HelpName = "name" };
        AmountColumn = new Option<string>("--amount-column")
        {
            Description = "The header of the amount column: '.' as decimal separator, negative for refunds; more decimals than the currency has are rounded half to even.",
            DefaultValueFactory = _ => CsvInputOptions.Default.AmountColumn,
            HelpName = "name",
        };
        SegmentColumn = new Option<string?>("--segment-column")
        {
            Description = "The header of the segment column (plan, region, channel). Optional: without this option a column named 'segment' is used when there is one.",
            HelpName = "name",
        };
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
            DefaultValueFactory = _ => CsvInputOptions.Default.DatePattern.PatternText,
            HelpName = "pattern",
        };
        DateFormat.Validators.Add(r =>
        {
            if (CreateDatePattern(r.GetValueOrDefault<string>(), out string? error) is null)
            {
                r.AddError(error!);
            }
        });
        Delimiter = new Option<char>("--delimiter")
        {
            Description = "The field separator: one character such as ';', or 'tab'.",
            DefaultValueFactory = _ => ',',
            CustomParser = ParseDelimiter,
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

    public Option<char> Delimiter { get; }

    public Option<string> Grid { get; }

    public Option<LocalDate?> Start { get; }

    public Option<LocalDate?> End { get; }

    /// <summary>Gets every option, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Input, Sample, Seed, CustomerColumn, DateColumn, AmountColumn, SegmentColumn, Currency, DateFormat, Delimiter, Grid, Start, End];

    public static RevenueInputOptions Create() => new();

    /// <summary>Returns how to read the CSV, as the command line says.</summary>
    public CsvInputOptions ReadCsvOptions(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        string? segment = parse.GetValue(SegmentColumn);
        return new CsvInputOptions(
            parse.GetValue(CustomerColumn)!, parse.GetValue(DateColumn)!, parse.GetValue(AmountColumn)!,
            segment ?? CsvInputOptions.Default.SegmentColumn, SegmentRequired: segment is not null,
            parse.GetValue(Currency), CreateDatePattern(parse.GetValue(DateFormat), out _)!, parse.GetValue(Delimiter));
    }

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

    internal static char ParseDelimiter(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (text is "tab" or "\\t" or "\t")
        {
            return '\t';
        }

        if (text.Length == 1 && char.IsAscii(text[0]) && text[0] is not ('"' or '\r' or '\n'))
        {
            return text[0];
        }

        result.AddError($"--delimiter: expected one ASCII character such as ',' or ';', or 'tab'; got '{text}'.");
        return ',';
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

    internal static LocalDate? ParseBound(ArgumentResult result, bool end)
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

        result.AddError($"{(end ? "--end" : "--start")}: expected a date such as 2024-03-15 or a month such as 2024-03, got '{text}'.");
        return null;
    }
}
