using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
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
    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        RevenueInputOptions revenue = RevenueInputOptions.Create();
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
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();

        var command = new Command("movements", "Customer-asset movements of every period: opening, new, reactivated, expansion, contraction, churned, closing, and customer counts.");
        foreach (Option option in revenue.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(window);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var settings = new Settings(
                parse.GetValue(revenue.Input), parse.GetValue(revenue.Sample), parse.GetValue(revenue.Seed),
                revenue.ReadCsvOptions(parse),
                parse.GetValue(revenue.Grid)!, parse.GetValue(revenue.Start), parse.GetValue(revenue.End), parse.GetValue(window),
                parse.GetValue(format), parse.GetValue(output));
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat format = OutputFormats.Choose(settings.Format, settings.Output, console.IsOutputRedirected);
        OutputFile.Check([("--output", settings.Output)], [("--input", settings.File)]);
        ParsedInput input = Load(settings, stderr, console);
        AssetLedger ledger = BuildLedger(input, settings);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger, new AssetMovementOptions { ActivityWindow = settings.ActivityWindow });
        var about = new ReportOptions { Source = input.Name, RecordCount = ledger.RecordCount, NameCommandLineOptions = true };
        string text = format switch
        {
            OutputFormat.Json => report.ToJson(),
            OutputFormat.Csv => report.ToCsv(),
            OutputFormat.Markdown => report.ToMarkdown(about),
            _ => report.ToText(about),
        };
        OutputFile.Write(settings.Output, stdout, writer => writer.Write(text), console, ("--input", settings.File));
        return 0;
    }

    /// <summary>Reads the revenue: the sample company's records, or the file (or standard input) of the settings.</summary>
    internal static ParsedInput Load(Settings settings, TextWriter stderr, CxConsole console)
    {
        if (settings.Sample)
        {
            if (settings.File is not null)
            {
                throw new BadInputException($"Give either --input or --sample, not both (got --input '{settings.File}' and --sample).");
            }

            var company = SampleCompany.Generate(settings.Seed);
            return ParsedInput.FromRecords(string.Create(CultureInfo.InvariantCulture, $"sample (seed {settings.Seed})"), [.. company.RevenueRecords], company.RevenueRecords.Count > 0 ? company.RevenueRecords[0].Amount.Currency : settings.Csv.Currency);
        }

        if (settings.File is null)
        {
            throw new BadInputException($"Give --input FILE (a CSV of dated amounts; '-' for standard input), or --sample for the built-in sample company. See 'cx {settings.CommandName} --help'.");
        }

        ParsedInput input = InputFiles.Read(settings.File, "--input", "a CSV file", stderr, console,
            (stream, name, progress, cancel) => ParsedInput.FromFile(RevenueFileReader.Read(stream, name, settings.Csv.File, progress, cancel)));
        InputFiles.SayEncoding(stderr, input.Name, input.Encoding, settings.Csv.Text);
        return input;
    }

    /// <summary>Chooses the grid and builds the ledger of the records read; every problem of the rows, the grid or the
    /// ledger becomes a <see cref="BadInputException"/> naming the CSV lines.</summary>
    internal static AssetLedger BuildLedger(ParsedInput input, Settings settings)
    {
        var problems = new List<InputProblem>(input.Problems);
        long problemCount = input.ProblemCount;
        if (input.RowCount == 0 && problemCount == 0)
        {
            throw new BadInputException(input.Name, [new InputProblem(null, null, null, "no data rows after the header; expected one row per amount.")], 1);
        }

        PeriodGrid? grid = null;
        if (input.RowCount > 0)
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
                ledger = AssetLedger.FromColumns(input.Columns, grid, new AssetLedgerOptions
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

        return ledger!;
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
            floored = AssetLedger.FromColumns(input.Columns, grid, new AssetLedgerOptions
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
        ReadOnlySpan<int> customerIndex = input.Columns.CustomerIndex.Span;
        ReadOnlySpan<LocalDate> dates = input.Columns.Date.Span;
        for (int i = 0; i < customerIndex.Length; i++)
        {
            CustomerId customer = input.Columns.Customers[customerIndex[i]];
            if (customers.Contains(customer) && input.LineOf(i) is { } line &&
                lines.TryGetValue((customer, grid.IndexOf(dates[i])), out List<long>? found))
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
        RequireSupported(input, first, settings.Start is null ? null : "--start");
        RequireSupported(input, last, settings.End is null ? null : "--end");
        if (last < first)
        {
            string from = settings.Start is null ? "the earliest record" : "--start";
            string to = settings.End is null ? "the latest record" : "--end";
            throw new BadInputException($"The grid would end before it starts: {to} ({InvariantText.Date(last)}) is before {from} ({InvariantText.Date(first)}). Check --start and --end.");
        }

        try
        {
            return RevenueInputOptions.CreateGrid(settings.Grid, first, last);
        }
        catch (ArgumentException ex)
        {
            throw BadInputException.FromArgument($"Cannot build a {settings.Grid} grid from {InvariantText.Date(first)} to {InvariantText.Date(last)}: ", ex);
        }
    }

    /// <summary>A grid bound outside the supported range of time (a "no end date" placeholder such as 9999-12-31 in the data,
    /// or an option) is bad input naming the first row that holds it, or the option.</summary>
    private static void RequireSupported(ParsedInput input, LocalDate bound, string? option)
    {
        if (SupportedRange.Contains(bound))
        {
            return;
        }

        string range = $"{InvariantText.Date(SupportedRange.FirstDate)} to {InvariantText.Date(SupportedRange.LastDate)}";
        if (option is not null)
        {
            throw new BadInputException($"{option}: expected a date from {range}, the range cx computes in; got {InvariantText.Date(bound)}.");
        }

        int index = input.Columns.Date.Span.IndexOf(bound);
        long? line = index < 0 ? null : input.LineOf(index);
        bool late = bound > SupportedRange.LastDate;
        string fix = late
            ? "Dates such as 9999-12-31 are often a placeholder for 'no end date' in exports: remove those rows, or give --end to set the last period (later rows are then left out and counted)."
            : "Check the row for a wrong year, or give --start to set the first period.";
        throw new BadInputException(input.Name, [new InputProblem(line, line is null ? "input" : null, input.DateColumn, $"the date {InvariantText.Date(bound)} is outside {range}, the range cx computes in. {fix}")], 1);
    }

    /// <summary>The CSV column of a library failure's field (<c>Customer</c>, <c>Date</c>, <c>Amount</c>, <c>Segment</c>), or null.</summary>
    internal static string? ColumnOf(ParsedInput input, string field) =>
        field.StartsWith("Customer", StringComparison.Ordinal) ? input.CustomerColumn
        : field.StartsWith("Date", StringComparison.Ordinal) ? input.DateColumn
        : field.StartsWith("Amount", StringComparison.Ordinal) ? input.AmountColumn
        : field.StartsWith("Segment", StringComparison.Ordinal) ? input.SegmentColumn
        : null;

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
        string? Output,
        string CommandName = "movements");
}
