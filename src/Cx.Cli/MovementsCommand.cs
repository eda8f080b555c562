using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli;

/// <summary><c>cx movements</c>: the customer-asset bridge of every period (opening, new, reactivated, expansion,
/// contraction, churned, closing) and the customer counts, from a CSV of dated amounts or the sample company.</summary>
/// <remarks>Thin by design: it reads and maps the input, chooses the grid, and formats the output; every figure comes
/// from <see cref="AssetLedger"/> and <see cref="AssetMovementCalculator"/>.</remarks>
internal static class MovementsCommand
{
    private static readonly string[] GridNames = ["monthly", "quarterly", "weekly"];

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        var input = new Option<string?>("--input", "-i")
        {
            Description = "The CSV file of dated amounts (one row per purchase, invoice line or refund), with a header line; '-' reads standard input.",
            HelpName = "file",
        };
        var sample = new Option<bool>("--sample") { Description = "Use the built-in sample company (3,000 customers, 2023 to 2025) instead of a file." };
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed of the sample company; the same seed gives the same data on any machine.",
            DefaultValueFactory = _ => SampleCompanyOptions.DefaultSeed,
        };
        var customerColumn = new Option<string>("--customer-column") { Description = "The header of the customer id column.", DefaultValueFactory = _ => CsvInputOptions.Default.CustomerColumn, HelpName = "name" };
        var dateColumn = new Option<string>("--date-column") { Description = "The header of the date column.", DefaultValueFactory = _ => CsvInputOptions.Default.DateColumn, HelpName = "name" };
        var amountColumn = new Option<string>("--amount-column")
        {
            Description = "The header of the amount column: '.' as decimal separator, negative for refunds; more decimals than the currency has are rounded half to even.",
            DefaultValueFactory = _ => CsvInputOptions.Default.AmountColumn,
            HelpName = "name",
        };
        var segmentColumn = new Option<string?>("--segment-column")
        {
            Description = "The header of the segment column (plan, region, channel). Optional: without this option a column named 'segment' is used when there is one.",
            HelpName = "name",
        };
        var currency = new Option<Currency>("--currency")
        {
            Description = "The ISO 4217 currency of every amount.",
            DefaultValueFactory = _ => Currency.Usd,
            CustomParser = ParseCurrency,
            HelpName = "code",
        };
        var dateFormat = new Option<string>("--date-format")
        {
            Description = "The date pattern of the date column (NodaTime pattern, invariant culture), such as dd/MM/yyyy or MM/dd/yyyy.",
            DefaultValueFactory = _ => CsvInputOptions.Default.DatePattern.PatternText,
            HelpName = "pattern",
        };
        dateFormat.Validators.Add(r =>
        {
            if (CreateDatePattern(r.GetValueOrDefault<string>(), out string? error) is null)
            {
                r.AddError(error!);
            }
        });
        var delimiter = new Option<char>("--delimiter")
        {
            Description = "The field separator: one character such as ';', or 'tab'.",
            DefaultValueFactory = _ => ',',
            CustomParser = ParseDelimiter,
            HelpName = "char",
        };
        var grid = new Option<string>("--grid") { Description = "The periods: calendar months, calendar quarters, or ISO weeks (Monday to Sunday).", DefaultValueFactory = _ => "monthly" };
        grid.AcceptOnlyFromAmong(GridNames);
        var start = new Option<LocalDate?>("--start")
        {
            Description = "The first period is the one holding this date (yyyy-MM-dd, or yyyy-MM for the month's first day). Earlier records are history: they decide new versus reactivated. Default: the earliest record's period.",
            CustomParser = r => ParseBound(r, end: false),
            HelpName = "date",
        };
        var end = new Option<LocalDate?>("--end")
        {
            Description = "The last period is the one holding this date (yyyy-MM-dd, or yyyy-MM for the month's last day). Later records are left out and counted in excludedRecords. Default: the latest record's period.",
            CustomParser = r => ParseBound(r, end: true),
            HelpName = "date",
        };
        var window = new Option<int>("--activity-window")
        {
            Description = "The activity window of the customer counts, in periods: a customer is active when it had value in any of the last N periods.",
            DefaultValueFactory = _ => 1,
            HelpName = "periods",
        };
        window.Validators.Add(r =>
        {
            int w = r.GetValueOrDefault<int>();
            if (w < 1 || w > AssetMovementOptions.MaxActivityWindow)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--activity-window: expected 1 to {AssetMovementOptions.MaxActivityWindow} periods, got {w}."));
            }
        });
        var format = new Option<string?>("--format", "-f")
        {
            Description = "The output format. Default: with --output, by the file's extension (.json, .csv, .md, else table); otherwise table on a terminal and json when standard output is redirected.",
        };
        format.AcceptOnlyFromAmong(OutputFormats.Names);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write to this file instead of standard output. It is replaced only when the whole run succeeds.",
            HelpName = "file",
        };

        var command = new Command("movements", "Customer-asset movements of every period: opening, new, reactivated, expansion, contraction, churned, closing, and customer counts.")
        {
            input, sample, seed, customerColumn, dateColumn, amountColumn, segmentColumn, currency, dateFormat, delimiter, grid, start, end, window, format, output,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings(
                parse.GetValue(input), parse.GetValue(sample), parse.GetValue(seed),
                new CsvInputOptions(
                    parse.GetValue(customerColumn)!, parse.GetValue(dateColumn)!, parse.GetValue(amountColumn)!,
                    parse.GetValue(segmentColumn) ?? CsvInputOptions.Default.SegmentColumn, SegmentRequired: parse.GetValue(segmentColumn) is not null,
                    parse.GetValue(currency), CreateDatePattern(parse.GetValue(dateFormat), out _)!, parse.GetValue(delimiter)),
                parse.GetValue(grid)!, parse.GetValue(start), parse.GetValue(end), parse.GetValue(window),
                parse.GetValue(format), parse.GetValue(output));
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat format = OutputFormats.Choose(settings.Format, settings.Output, console.IsOutputRedirected);
        ParsedInput input = Load(settings, stderr, console);
        MovementsResult result = Calculate(input, settings);
        string text = format switch
        {
            OutputFormat.Json => JsonReport.Render(result),
            OutputFormat.Csv => CsvReport.Render(result),
            OutputFormat.Markdown => TableReport.RenderMarkdown(result),
            _ => TableReport.Render(result),
        };
        OutputFile.Write(settings.Output, stdout, writer => writer.Write(text));
        return 0;
    }

    private static ParsedInput Load(Settings settings, TextWriter stderr, CxConsole console)
    {
        if (settings.Sample)
        {
            if (settings.File is not null)
            {
                throw new BadInputException($"Give either --input or --sample, not both (got --input '{settings.File}' and --sample).");
            }

            var company = SampleCompany.Generate(settings.Seed);
            var input = new ParsedInput(string.Create(CultureInfo.InvariantCulture, $"sample (seed {settings.Seed})"), "customer_id", "date", "amount", "segment");
            foreach (AssetRecord record in company.RevenueRecords)
            {
                input.Add(record, line: null);
            }

            return input;
        }

        if (settings.File is null)
        {
            throw new BadInputException("Give --input FILE (a CSV of dated amounts; '-' for standard input), or --sample for the built-in sample company. See 'cx movements --help'.");
        }

        if (settings.File == "-")
        {
            using Stream stdin = console.OpenStandardInput();
            return AmountCsvReader.Read(stdin, "stdin", settings.Csv, progress: null);
        }

        if (Directory.Exists(settings.File))
        {
            throw new BadInputException($"--input: '{settings.File}' is a folder; give a CSV file.");
        }

        string name = Path.GetFileName(settings.File);
        FileStream stream;
        try
        {
            stream = new FileStream(settings.File, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"Cannot read '{settings.File}': {ex.Message}", ex);
        }

        using (stream)
        {
            ProgressReporter? progress = !console.IsErrorRedirected && stream.Length > console.ProgressThresholdBytes
                ? new ProgressReporter(stderr, name, stream.Length)
                : null;
            return AmountCsvReader.Read(stream, name, settings.Csv, progress);
        }
    }

    private static MovementsResult Calculate(ParsedInput input, Settings settings)
    {
        var problems = new List<InputProblem>(input.Problems);
        long problemCount = input.ProblemCount;
        if (input.Records.Count == 0 && problemCount == 0)
        {
            throw new BadInputException(input.Name, [new InputProblem(null, null, null, "no data rows after the header; expected one row per amount.")], 1);
        }

        PeriodGrid? grid = null;
        if (input.Records.Count > 0)
        {
            try
            {
                grid = ChooseGrid(input, settings);
            }
            catch (BadInputException) when (problemCount > 0)
            {
                // The rows' own problems come first; the grid is checked again once they are fixed.
            }
        }

        AssetLedger? ledger = null;
        if (grid is not null)
        {
            try
            {
                ledger = AssetLedger.FromRecords(input.Records, grid, new AssetLedgerOptions
                {
                    Currency = settings.Csv.Currency,
                    AfterGrid = AfterGridPolicy.Exclude,
                });
            }
            catch (CxValidationException ex)
            {
                bool rowsHadProblems = problemCount > 0;
                List<InputProblem>? negatives = rowsHadProblems ? null : DescribeNegativePeriods(input, grid, settings, ex);
                foreach (CxValidationFailure failure in ex.Failures)
                {
                    string message = $"{failure.Message} [{failure.ErrorCode}]";
                    if (failure.Position is { } position)
                    {
                        long? line = input.LineOf(position);
                        problems.Add(new InputProblem(line, line is null ? $"record #{position}" : null, ColumnOf(input, failure.Field), message));
                        problemCount++;
                    }
                    else if (!rowsHadProblems && (negatives is null || failure.ErrorCode != CxErrorCodes.NetValueNegative))
                    {
                        // A customer-period total is only meaningful once every row could be read.
                        problems.Add(new InputProblem(null, failure.Subject ?? "input", ColumnOf(input, failure.Field), message));
                        problemCount++;
                    }
                }

                if (negatives is not null)
                {
                    problems.AddRange(negatives);
                    problemCount += negatives.Count;
                }

                problemCount += ex.TotalFailureCount - ex.Failures.Count;
            }
        }

        if (problemCount > 0)
        {
            List<InputProblem> ordered = [.. problems.OrderBy(p => p.Line ?? long.MaxValue)];
            throw new BadInputException(input.Name, ordered, problemCount);
        }

        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger!, new AssetMovementOptions { ActivityWindow = settings.ActivityWindow });
        return new MovementsResult(input.Name, ledger!.RecordCount, report);
    }

    /// <summary>Explains each customer-period whose refunds exceed its purchases with the CSV lines behind it: the
    /// library finds them (a ledger that floors them lists each one); this only looks up the lines.</summary>
    /// <returns>One problem per such customer-period, or null when there are none or they cannot be listed.</returns>
    private static List<InputProblem>? DescribeNegativePeriods(ParsedInput input, PeriodGrid grid, Settings settings, CxValidationException ex)
    {
        if (!ex.Failures.Any(f => f.ErrorCode == CxErrorCodes.NetValueNegative))
        {
            return null;
        }

        AssetLedger floored;
        try
        {
            floored = AssetLedger.FromRecords(input.Records, grid, new AssetLedgerOptions
            {
                Currency = settings.Csv.Currency,
                AfterGrid = AfterGridPolicy.Exclude,
                NegativeValues = NegativeValuePolicy.FloorAtZero,
            });
        }
        catch (CxValidationException)
        {
            return null;
        }

        var lines = floored.FlooredCells.ToDictionary(c => (c.Customer, c.PeriodIndex), _ => new List<long>());
        var customers = floored.FlooredCells.Select(c => c.Customer).ToHashSet();
        for (int i = 0; i < input.Records.Count; i++)
        {
            AssetRecord record = input.Records[i];
            if (customers.Contains(record.Customer) && input.LineOf(i) is { } line &&
                lines.TryGetValue((record.Customer, grid.IndexOf(record.Date)), out List<long>? found))
            {
                found.Add(line);
            }
        }

        MeasureUnit unit = floored.Unit;
        return floored.FlooredCells.Select(cell =>
        {
            List<long> cellLines = lines[(cell.Customer, cell.PeriodIndex)];
            string where = cellLines.Count == 0 ? string.Empty : $" ({(cellLines.Count == 1 ? "line" : "lines")} {string.Join(", ", cellLines.Select(InvariantText.Count))})";
            return new InputProblem(
                cellLines.Count == 0 ? null : cellLines[0],
                cellLines.Count == 0 ? $"customer '{cell.Customer}', period {cell.PeriodLabel}" : null,
                input.AmountColumn,
                $"refunds exceed purchases: customer '{cell.Customer}' nets {unit.Format(cell.NetValue)} {unit.Name} in {cell.PeriodLabel}{where}. A customer's net value in a period must be zero or more: date each refund in the period of the purchase it refunds, or correct the amounts. [{CxErrorCodes.NetValueNegative}]");
        }).ToList();
    }

    private static PeriodGrid ChooseGrid(ParsedInput input, Settings settings)
    {
        LocalDate first = settings.Start ?? input.FirstDate!.Value;
        LocalDate last = settings.End ?? input.LastDate!.Value;
        if (last < first)
        {
            string from = settings.Start is null ? "the earliest record" : "--start";
            string to = settings.End is null ? "the latest record" : "--end";
            throw new BadInputException($"The grid would end before it starts: {to} ({InvariantText.Date(last)}) is before {from} ({InvariantText.Date(first)}). Check --start and --end.");
        }

        try
        {
            return settings.Grid switch
            {
                "quarterly" => PeriodGrid.Quarterly(first, last),
                "weekly" => PeriodGrid.Weekly(first, last),
                _ => PeriodGrid.Monthly(first, last),
            };
        }
        catch (ArgumentException ex)
        {
            throw new BadInputException($"Cannot build a {settings.Grid} grid from {InvariantText.Date(first)} to {InvariantText.Date(last)}: {ex.Message}", ex);
        }
    }

    private static string? ColumnOf(ParsedInput input, string field) =>
        field.StartsWith("Customer", StringComparison.Ordinal) ? input.CustomerColumn
        : field.StartsWith("Date", StringComparison.Ordinal) ? input.DateColumn
        : field.StartsWith("Amount", StringComparison.Ordinal) ? input.AmountColumn
        : field.StartsWith("Segment", StringComparison.Ordinal) ? input.SegmentColumn
        : null;

    private static Currency ParseCurrency(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (Currency.TryFromCode(text, out Currency currency) && currency != Currency.None)
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

    private static LocalDate? ParseBound(ArgumentResult result, bool end)
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

    /// <summary>The parsed command line of <c>cx movements</c>.</summary>
    internal sealed record Settings(
        string? File,
        bool Sample,
        ulong Seed,
        CsvInputOptions Csv,
        string Grid,
        LocalDate? Start,
        LocalDate? End,
        int ActivityWindow,
        string? Format,
        string? Output);
}
