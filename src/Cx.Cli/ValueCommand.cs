using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Reporting;
using Cx.Domain.Validation;
using Cx.Domain.Value;
using NodaTime;

namespace Cx.Cli;

/// <summary><c>cx value</c>: the buy-till-you-die value model of the customers in the revenue CSV of <c>cx movements</c>
/// (or the sample company): the fit with standard errors, the holdout check, the Gamma-Gamma spend model, the value of the
/// customer base, the customers at risk, and what the data say about the models' assumptions.</summary>
/// <remarks>Thin by design: it reads the revenue exactly as <c>cx movements</c> does, maps the options and formats the
/// output; every figure comes from <see cref="CustomerValueAnalysis"/> and <see cref="CustomerValueRenderer"/>.</remarks>
internal static class ValueCommand
{
    /// <summary>The model names, in the order of <see cref="PurchaseModelKind"/>.</summary>
    internal static readonly string[] ModelNames = ["bgnbd", "pareto-nbd"];

    private static readonly string[] UnitNames = ["weeks", "days"];

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        RevenueInputOptions revenue = RevenueInputOptions.Create();
        var calibrationEnd = new Option<LocalDate?>("--calibration-end")
        {
            Description = "The last day of the calibration period the models are fitted on (yyyy-MM-dd, or yyyy-MM for the month's last day); later purchases are the holdout the fit is checked on. Default: two thirds of the way from the first record's date to the last one's.",
            CustomParser = r => RevenueInputOptions.ParseDay(r, "--calibration-end", end: true),
            HelpName = "date",
        };
        var holdoutEnd = new Option<LocalDate?>("--holdout-end")
        {
            Description = "The last day of the holdout period (yyyy-MM-dd, or yyyy-MM for the month's last day); values and the at-risk list are as of this day, later records are left out and counted. Default: the last record's date.",
            CustomParser = r => RevenueInputOptions.ParseDay(r, "--holdout-end", end: true),
            HelpName = "date",
        };
        var model = new Option<string>("--model", "-m")
        {
            Description = "The purchase model: bgnbd (BG/NBD, Fader, Hardie and Lee 2005) or pareto-nbd (Pareto/NBD, Schmittlein, Morrison and Colombo 1987; adds the closed-form DERT value).",
            DefaultValueFactory = _ => "bgnbd",
            HelpName = "name",
        };
        model.AcceptOnlyFromAmong(ModelNames);
        var unit = new Option<string>("--unit")
        {
            Description = "The time unit of the model (recency, age, the holdout steps): weeks, as the published analyses, or days.",
            DefaultValueFactory = _ => "weeks",
        };
        unit.AcceptOnlyFromAmong(UnitNames);
        var discountRate = new Option<double>("--discount-rate")
        {
            Description = "The yearly discount rate of future value, from 0 to 1 (0.1) or as a percentage (10%).",
            DefaultValueFactory = _ => new CustomerValueOptions().AnnualDiscountRate,
            CustomParser = r => ParseShare(r, "--discount-rate", "a yearly rate from 0 to 1 such as 0.1, or a percentage such as 10%", allowZero: true),
            HelpName = "rate",
        };
        var horizon = new Option<int>("--horizon")
        {
            Description = "How many months ahead customers are valued, 1 to 1200.",
            DefaultValueFactory = _ => new CustomerValueOptions().HorizonPeriods,
            HelpName = "months",
        };
        horizon.Validators.Add(r =>
        {
            int months = r.GetValueOrDefault<int>();
            if (months is < 1 or > 1200)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--horizon: expected 1 to 1200 months, got {months}."));
            }
        });
        var margin = new Option<double>("--margin")
        {
            Description = "The share of spend that is value (a gross margin), above 0 and at most 1 (0.3) or a percentage (30%); 1, value is spend, by default.",
            DefaultValueFactory = _ => new CustomerValueOptions().Margin,
            CustomParser = r => ParseShare(r, "--margin", "a share above 0 and at most 1 such as 0.3, or a percentage such as 30%", allowZero: false),
            HelpName = "share",
        };
        var threshold = new Option<double>("--at-risk-threshold")
        {
            Description = "A customer is at risk when their probability of still being a customer, P(alive), is below this: above 0 and at most 1 (0.5) or a percentage (50%).",
            DefaultValueFactory = _ => new AtRiskOptions().ProbabilityAliveThreshold,
            CustomParser = r => ParseShare(r, "--at-risk-threshold", "a probability above 0 and at most 1 such as 0.5, or a percentage such as 50%", allowZero: false),
            HelpName = "probability",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many customers at risk the list names, by value at risk (the totals count them all).",
            DefaultValueFactory = _ => 20,
            HelpName = "count",
        };
        top.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n is < 1 or > 1_000_000)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--top: expected 1 to 1000000 customers, got {n}."));
            }
        });
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();

        var command = new Command("value", "Customer value: a buy-till-you-die model (BG/NBD or Pareto/NBD) fitted on the purchases, checked on a holdout period, with the Gamma-Gamma spend model, each customer's expected residual value and the customers at risk.");
        // Every option of how the revenue is read, as cx movements takes them; the grid and its range do not apply here.
        foreach (Option option in revenue.All.Where(o => o != revenue.Grid && o != revenue.Start && o != revenue.End))
        {
            command.Options.Add(option);
        }

        foreach (Option option in (Option[])[calibrationEnd, holdoutEnd, model, unit, discountRate, horizon, margin, threshold, top, format, output])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var settings = new Settings(
                new MovementsCommand.Settings(
                    parse.GetValue(revenue.Input), parse.GetValue(revenue.Sample), parse.GetValue(revenue.Seed), revenue.ReadCsvOptions(parse),
                    Grid: "monthly", Start: null, End: null, ActivityWindow: 1, parse.GetValue(format), parse.GetValue(output), CommandName: "value"),
                parse.GetValue(calibrationEnd), parse.GetValue(holdoutEnd), parse.GetValue(model)!, parse.GetValue(unit)!,
                parse.GetValue(discountRate), parse.GetValue(horizon), parse.GetValue(margin), parse.GetValue(threshold), parse.GetValue(top));
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        MovementsCommand.Settings revenue = settings.Revenue;
        OutputFormat format = OutputFormats.Choose(revenue.Format, revenue.Output, console.IsOutputRedirected);
        if (settings.CalibrationEnd is { } ce && settings.HoldoutEnd is { } he && he <= ce)
        {
            throw new BadInputException($"--holdout-end: expected a day after --calibration-end {InvariantText.Date(ce)}, got {InvariantText.Date(he)}.");
        }

        OutputFile.Check([("--output", revenue.Output)], [("--input", revenue.File)]);
        ParsedInput input = MovementsCommand.Load(revenue, stderr, console);
        CustomerValueAnalysis analysis = Analyse(input, settings);
        var about = new ReportOptions { Source = input.Name, RecordCount = input.Records.Count, NameCommandLineOptions = true };
        string text = format switch
        {
            OutputFormat.Json => analysis.ToJson(),
            OutputFormat.Csv => analysis.ToCsv(),
            OutputFormat.Markdown => analysis.ToMarkdown(about),
            _ => analysis.ToText(about),
        };
        OutputFile.Write(revenue.Output, stdout, writer => writer.Write(text), console, ("--input", revenue.File));
        if (format == OutputFormat.Csv)
        {
            // The CSV holds the list only: what a reader must know about the numbers goes to standard error.
            foreach (ValueFinding finding in analysis.Findings)
            {
                CxApp.WriteLine(stderr, $"cx: note: {finding.Message}");
            }
        }

        return 0;
    }

    /// <summary>Runs the analysis on the records read; every problem of the rows, the dates or the options becomes a
    /// <see cref="BadInputException"/> naming the CSV lines or the option.</summary>
    private static CustomerValueAnalysis Analyse(ParsedInput input, Settings settings)
    {
        if (input.ProblemCount > 0)
        {
            // The rows that could be read are still checked by the library, so that every problem is reported at once.
            var problems = new List<InputProblem>(input.Problems);
            long count = input.ProblemCount;
            if (input.Records.Count > 0)
            {
                try
                {
                    _ = CustomerSummarySet.FromRecords(input.Records);
                }
                catch (CxValidationException ex)
                {
                    CxValidationFailure[] rows = [.. ex.Failures.Where(f => f.Position is not null)];
                    problems.AddRange(rows.Select(f => Problem(input, f)));
                    count += rows.Length + (ex.TotalFailureCount - ex.Failures.Count);
                }
            }

            throw new BadInputException(input.Name, [.. problems.OrderBy(p => p.Line ?? long.MaxValue)], count);
        }

        if (input.Records.Count == 0)
        {
            throw new BadInputException(input.Name, [new InputProblem(null, null, null, "no data rows after the header; expected one row per purchase.")], 1);
        }

        LocalDate first = input.FirstDate!.Value;
        LocalDate last = input.LastDate!.Value;
        if (settings.CalibrationEnd is { } ce && ce < first)
        {
            throw new BadInputException($"--calibration-end: {InvariantText.Date(ce)} is before the first record ({InvariantText.Date(first)}), so no customer has bought by then; give a day between {InvariantText.Date(first)} and {InvariantText.Date(last)}.");
        }

        LocalDate calibrationEnd = settings.CalibrationEnd ?? CustomerValueAnalysis.DefaultCalibrationEnd(first, last);
        if (settings.HoldoutEnd is { } he && he <= calibrationEnd)
        {
            throw new BadInputException($"--holdout-end: expected a day after the calibration end {InvariantText.Date(calibrationEnd)}{(settings.CalibrationEnd is null ? " (two thirds of the data's date range; set it with --calibration-end)" : string.Empty)}, got {InvariantText.Date(he)}.");
        }

        var options = new CustomerValueAnalysisOptions
        {
            Model = settings.Model == "pareto-nbd" ? PurchaseModelKind.ParetoNbd : PurchaseModelKind.BgNbd,
            TimeUnit = settings.Unit == "days" ? ValueTimeUnit.Days : ValueTimeUnit.Weeks,
            CalibrationEnd = calibrationEnd,
            HoldoutEnd = settings.HoldoutEnd,
            Value = new CustomerValueOptions { AnnualDiscountRate = settings.DiscountRate, HorizonPeriods = settings.HorizonMonths, Margin = settings.Margin },
            AtRisk = new AtRiskOptions { ProbabilityAliveThreshold = settings.AtRiskThreshold, MaxCustomers = settings.Top },
        };
        try
        {
            return CustomerValueAnalysis.Run(input.Records, options);
        }
        catch (CxValidationException ex) when (settings.HoldoutEnd is not null && ex.Failures is [{ Position: null, Field: "HoldoutEnd" } holdout])
        {
            // About the option, not the file (a holdout past the supported 100 years).
            throw new BadInputException($"--holdout-end: {holdout.Message} [{holdout.ErrorCode}]");
        }
        catch (CxValidationException ex)
        {
            throw new BadInputException(input.Name, [.. ex.Failures.Select(f => Problem(input, f)).OrderBy(p => p.Line ?? long.MaxValue)], ex.TotalFailureCount);
        }
    }

    /// <summary>A library failure as the user sees it: the CSV line and column of its record, or what it is about.</summary>
    private static InputProblem Problem(ParsedInput input, CxValidationFailure failure)
    {
        string message = $"{failure.Message} [{failure.ErrorCode}]";
        if (failure.Position is { } position)
        {
            long? line = input.LineOf(position);
            return new InputProblem(line, line is null ? $"record #{position}" : null, MovementsCommand.ColumnOf(input, failure.Field), message);
        }

        return new InputProblem(null, failure.Subject ?? "input", MovementsCommand.ColumnOf(input, failure.Field), message);
    }

    /// <summary>Parses a share as a number (0.25) or a percentage (25%), within (0, 1] or [0, 1].</summary>
    internal static double ParseShare(ArgumentResult result, string option, string expected, bool allowZero)
    {
        if (TryParseNumberOrPercentage(result.Tokens[0].Value, out double value) && (allowZero ? value >= 0 : value > 0) && value <= 1)
        {
            return value;
        }

        result.AddError($"{option}: expected {expected}; got '{result.Tokens[0].Value}'.");
        return 0;
    }

    /// <summary>Reads a finite number (0.25, 1e-3) or a percentage (25%) in the invariant culture, whatever the machine's.</summary>
    internal static bool TryParseNumberOrPercentage(string token, out double value)
    {
        string text = token.Trim();
        bool percent = text.EndsWith('%');
        string number = percent ? text[..^1].TrimEnd() : text;
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            value = percent ? value / 100 : value;
            return true;
        }

        return false;
    }

    /// <summary>The parsed command line of <c>cx value</c>.</summary>
    internal sealed record Settings(
        MovementsCommand.Settings Revenue,
        LocalDate? CalibrationEnd,
        LocalDate? HoldoutEnd,
        string Model,
        string Unit,
        double DiscountRate,
        int HorizonMonths,
        double Margin,
        double AtRiskThreshold,
        int Top);
}
