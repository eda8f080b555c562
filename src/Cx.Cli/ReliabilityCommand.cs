using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.IO;
using Cx.Domain.IO.Internal;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Cli;

/// <summary><c>cx reliability</c>: the status of every reliability standard as of an instant (reliable, watch, breached,
/// no data) with its figures and reasons, or the backtest of the early warnings (warnings, breaches, lead times), from a
/// standards JSON file and a measurements CSV, or the sample company.</summary>
/// <remarks>Thin by design: it reads and maps the input and formats the output; every figure and verdict comes from
/// <see cref="ReliabilityEvaluator"/>.</remarks>
internal static class ReliabilityCommand
{
    private static readonly Dictionary<string, string> MeasurementSettingNames = new(CsvInputOptions.SettingNames, StringComparer.Ordinal)
    {
        ["Standard"] = "--standard-column",
        ["Instant"] = "--instant-column",
        ["Value"] = "--value-column",
        ["Customer"] = "--customer-column",
    };

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        var standards = new Option<string?>("--standards")
        {
            Description = "The reliability standards, as JSON (OpenSLO-like: op, value, target, timeWindow; see docs/concepts/reliability.md).",
            HelpName = "file",
        };
        var measurements = new Option<string?>("--measurements")
        {
            Description = "The CSV file of measurements (one row per event: standard or touchpoint, instant, value, optional customer), with a header line; '-' reads standard input.",
            HelpName = "file",
        };
        var sample = new Option<bool>("--sample") { Description = "Use the built-in sample company's standards and measurements instead of files." };
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed of the sample company; the same seed gives the same data on any machine.",
            DefaultValueFactory = _ => SampleCompanyOptions.DefaultSeed,
        };
        var asOf = new Option<Instant?>("--as-of")
        {
            Description = "Evaluate as of this instant (ISO 8601 with a UTC offset, such as 2025-04-10T08:30:00Z); later measurements are ignored. Default: the latest measurement's instant.",
            CustomParser = ParseAsOf,
            HelpName = "instant",
        };
        var backtest = new Option<bool>("--backtest")
        {
            Description = "Instead of the status, backtest the early warnings from the first measurement to --as-of: every warning and breach, the lead time of each breach, missed breaches and false warnings.",
        };
        var standardColumn = new Option<string>("--standard-column") { Description = "The header of the column holding a standard's id (or a touchpoint's id: the event then counts for each of its standards).", DefaultValueFactory = _ => "standard", HelpName = "name" };
        var instantColumn = new Option<string>("--instant-column") { Description = "The header of the instant column (ISO 8601 with a UTC offset).", DefaultValueFactory = _ => "instant", HelpName = "name" };
        var valueColumn = new Option<string>("--value-column") { Description = "The header of the value column: '.' as decimal separator, in the standard's unit.", DefaultValueFactory = _ => "value", HelpName = "name" };
        var customerColumn = new Option<string?>("--customer-column")
        {
            Description = "The header of the customer id column. Optional: without this option a column named 'customer' is used when there is one.",
            HelpName = "name",
        };
        Option<Delimiter> delimiter = RevenueInputOptions.CreateDelimiterOption();
        Option<bool> noHeader = RevenueInputOptions.CreateNoHeaderOption();
        Option<InputEncoding> encoding = RevenueInputOptions.CreateEncodingOption();
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();

        var command = new Command("reliability", "Status of every reliability standard (reliable, watch, breached, no data) with its figures and reasons, or a backtest of the early warnings.")
        {
            standards, measurements, sample, seed, asOf, backtest, standardColumn, instantColumn, valueColumn, customerColumn, delimiter, format, output, noHeader, encoding,
        };
        command.SetAction(parse =>
        {
            var settings = new Settings(
                parse.GetValue(standards), parse.GetValue(measurements), parse.GetValue(sample), parse.GetValue(seed), parse.GetValue(asOf), parse.GetValue(backtest),
                new MeasurementFileOptions
                {
                    Standard = ColumnRef.Parse(parse.GetValue(standardColumn)!),
                    Instant = ColumnRef.Parse(parse.GetValue(instantColumn)!),
                    Value = ColumnRef.Parse(parse.GetValue(valueColumn)!),
                    Customer = ColumnRef.Parse(parse.GetValue(customerColumn) ?? "customer"),
                    CustomerRequired = parse.GetValue(customerColumn) is not null,
                    Text = RevenueInputOptions.ReadTextOptions(parse, delimiter, noHeader, encoding),
                    SettingNames = MeasurementSettingNames,
                },
                parse.GetValue(format), parse.GetValue(output));
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat format = OutputFormats.Choose(settings.Format, settings.Output, console.IsOutputRedirected);
        (string input, ReliabilityStandardSet standardSet, ParsedMeasurements parsed) = Load(settings, stderr, console);
        (ReliabilityReport? report, ReliabilityBacktest? backtest) = Calculate(standardSet, parsed, settings);
        var about = new ReportOptions { Source = input, RecordCount = parsed.Measurements.Count, NameCommandLineOptions = true };
        string text = report is not null ? Render(report, format, about) : Render(backtest!, format, about);
        OutputFile.Write(settings.Output, stdout, writer => writer.Write(text));
        return CxApp.Ok;
    }

    private static string Render(ReliabilityReport report, OutputFormat format, ReportOptions about) => format switch
    {
        OutputFormat.Json => report.ToJson(about),
        OutputFormat.Csv => report.ToCsv(),
        OutputFormat.Markdown => report.ToMarkdown(about),
        _ => report.ToText(about),
    };

    private static string Render(ReliabilityBacktest backtest, OutputFormat format, ReportOptions about) => format switch
    {
        OutputFormat.Json => backtest.ToJson(about),
        OutputFormat.Csv => backtest.ToCsv(),
        OutputFormat.Markdown => backtest.ToMarkdown(about),
        _ => backtest.ToText(about),
    };

    private static (string Input, ReliabilityStandardSet Standards, ParsedMeasurements Measurements) Load(Settings settings, TextWriter stderr, CxConsole console)
    {
        if (settings.Sample)
        {
            if (settings.StandardsFile is not null || settings.MeasurementsFile is not null)
            {
                throw new BadInputException("Give either --standards and --measurements, or --sample, not both.");
            }

            var company = SampleCompany.Generate(settings.Seed);
            string name = string.Create(CultureInfo.InvariantCulture, $"sample (seed {settings.Seed})");
            var parsed = new ParsedMeasurements(name, "standard", "instant", "value", "customer");
            foreach (ReliabilityMeasurement m in company.ReliabilityMeasurements)
            {
                parsed.Add(m, line: null);
            }

            return (name, company.ReliabilityStandards, parsed);
        }

        if (settings.StandardsFile is null || settings.MeasurementsFile is null)
        {
            throw new BadInputException("Give --standards FILE (the standards as JSON) and --measurements FILE (a CSV of measurements; '-' for standard input), or --sample for the built-in sample company. See 'cx reliability --help'.");
        }

        ReliabilityStandardSet standards = ReadStandards(settings.StandardsFile);
        ParsedMeasurements measurements = ReadMeasurements(settings, stderr, console);
        return ($"{Path.GetFileName(settings.StandardsFile)} and {measurements.Name}", standards, measurements);
    }

    internal static ReliabilityStandardSet ReadStandards(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"--standards: '{path}' is a folder; give a JSON file.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"Cannot read '{path}': {ex.Message}", ex);
        }

        try
        {
            return ReliabilityStandardJson.Parse(json);
        }
        catch (CxValidationException ex)
        {
            // A malformed document names its line and position in the message; a standard's failures name the standard.
            List<InputProblem> problems = [.. ex.Failures.Select(f => new InputProblem(
                null,
                f.Subject is null or "reliability standards document" ? null : f.Subject + (string.IsNullOrEmpty(f.Field) ? string.Empty : $", field '{f.Field}'"),
                null,
                $"{f.Message} [{f.ErrorCode}]"))];
            throw new BadInputException(Path.GetFileName(path), problems, ex.TotalFailureCount);
        }
    }

    private static ParsedMeasurements ReadMeasurements(Settings settings, TextWriter stderr, CxConsole console)
    {
        MeasurementFile file = InputFiles.Read(settings.MeasurementsFile!, "--measurements", "a CSV file", stderr, console,
            (stream, name, progress) => MeasurementFileReader.Read(stream, name, settings.Csv, progress));
        InputFiles.SayEncoding(stderr, file.Name, file.Encoding, settings.Csv.Text);
        return ParsedMeasurements.FromFile(file);
    }

    private static (ReliabilityReport? Report, ReliabilityBacktest? Backtest) Calculate(ReliabilityStandardSet standards, ParsedMeasurements parsed, Settings settings)
    {
        var problems = new List<InputProblem>(parsed.Problems);
        long problemCount = parsed.ProblemCount;
        if (parsed.Measurements.Count == 0 && problemCount == 0)
        {
            throw new BadInputException(parsed.Name, [new InputProblem(null, null, null, "no data rows after the header; expected one row per measurement.")], 1);
        }

        Instant asOf = settings.AsOf ?? parsed.Latest ?? default;
        var evaluator = new ReliabilityEvaluator();
        ReliabilityReport? report = null;
        ReliabilityBacktest? backtest = null;
        if (parsed.Measurements.Count > 0)
        {
            try
            {
                if (settings.Backtest)
                {
                    backtest = evaluator.Backtest(standards, parsed.Measurements, from: null, to: asOf);
                }
                else
                {
                    report = evaluator.Evaluate(standards, parsed.Measurements, asOf);
                }
            }
            catch (CxValidationException ex)
            {
                foreach (CxValidationFailure failure in ex.Failures)
                {
                    string message = $"{failure.Message} [{failure.ErrorCode}]";
                    if (failure.Position is { } position)
                    {
                        long? line = parsed.LineOf(position);
                        problems.Add(new InputProblem(line, line is null ? $"measurement #{position}" : null, ColumnOf(parsed, failure.Field), message));
                    }
                    else if (failure.Subject == "backtest")
                    {
                        problems.Add(new InputProblem(null, "--as-of", null, $"{message} The backtest runs from the first measurement to --as-of; give a later --as-of."));
                    }
                    else
                    {
                        problems.Add(new InputProblem(null, failure.Subject ?? "input", ColumnOf(parsed, failure.Field), message));
                    }
                }

                problemCount += ex.TotalFailureCount;
            }
        }

        if (problemCount > 0)
        {
            List<InputProblem> ordered = [.. problems.OrderBy(p => p.Line ?? long.MaxValue)];
            throw new BadInputException(parsed.Name, ordered, problemCount);
        }

        return (report, backtest);
    }

    internal static string? ColumnOf(ParsedMeasurements parsed, string field) =>
        field.StartsWith("SubjectId", StringComparison.Ordinal) ? parsed.StandardColumn
        : field.StartsWith("At", StringComparison.Ordinal) ? parsed.InstantColumn
        : field.StartsWith("Value", StringComparison.Ordinal) ? parsed.ValueColumn
        : field.StartsWith("Customer", StringComparison.Ordinal) ? parsed.CustomerColumn
        : null;

    private static Instant? ParseAsOf(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (Instants.TryParseMeasurement(text, out Instant instant, out string? error))
        {
            return instant;
        }

        result.AddError($"--as-of: {error}");
        return null;
    }

    /// <summary>The parsed command line of <c>cx reliability</c>.</summary>
    internal sealed record Settings(
        string? StandardsFile,
        string? MeasurementsFile,
        bool Sample,
        ulong Seed,
        Instant? AsOf,
        bool Backtest,
        MeasurementFileOptions Csv,
        string? Format,
        string? Output);
}
