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
/// no data) with its figures, reasons and open warning episode, or the backtest of the early warnings (scorecard, episodes,
/// breaches, lead times), or several early-warning policies compared, from a standards JSON file and a measurements CSV, or
/// the sample company.</summary>
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
            Description = "Instead of the status, backtest the early warnings from the first measurement to --as-of: the scorecard (breaches warned, precision of the warning episodes, lead times, false episodes per 90 days), then every episode and breach.",
        };
        var policy = new Option<string?>("--policy")
        {
            Description = "The early-warning policy, as JSON (see docs/concepts/reliability.md), or 'default' or 'legacy' for the built-in ones. Default: default.",
            HelpName = "file",
        };
        var compare = new Option<string[]>("--compare")
        {
            Description = "Backtest these policies (JSON files, or 'default' or 'legacy') beside --policy over the same history and print their scorecards side by side; implies --backtest.",
            HelpName = "file",
            AllowMultipleArgumentsPerToken = true,
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
            standards, measurements, sample, seed, asOf, backtest, policy, compare, standardColumn, instantColumn, valueColumn, customerColumn, delimiter, format, output, noHeader, encoding,
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
                parse.GetValue(format), parse.GetValue(output), parse.GetValue(policy), parse.GetValue(compare) ?? []);
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat format = OutputFormats.Choose(settings.Format, settings.Output, console.IsOutputRedirected);
        (string, string?)[] inputs = [("--standards", settings.StandardsFile), ("--measurements", settings.MeasurementsFile), ("--policy", settings.Policy), .. settings.Compare.Select(p => ("--compare", (string?)p))];
        OutputFile.Check([("--output", settings.Output)], inputs);
        EarlyWarningPolicy policy = ReadPolicy(settings.Policy ?? "default", "--policy");
        EarlyWarningPolicy[] compared = [.. settings.Compare.Select(p => ReadPolicy(p, "--compare"))];
        (string input, ReliabilityStandardSet standardSet, ParsedMeasurements parsed) = Load(settings, stderr, console);
        (ReliabilityReport? report, ReliabilityBacktest? backtest, BacktestComparison? comparison) = Calculate(standardSet, parsed, settings, policy, compared);
        var about = new ReportOptions { Source = input, RecordCount = parsed.Measurements.Count, NameCommandLineOptions = true };
        string text = report is not null ? Render(report, format, about) : comparison is not null ? Render(comparison, format, about) : Render(backtest!, format, about);
        OutputFile.Write(settings.Output, stdout, writer => writer.Write(text), console, inputs);
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

    private static string Render(BacktestComparison comparison, OutputFormat format, ReportOptions about) => format switch
    {
        OutputFormat.Json => comparison.ToJson(about),
        OutputFormat.Csv => comparison.ToCsv(),
        OutputFormat.Markdown => comparison.ToMarkdown(about),
        _ => comparison.ToText(about),
    };

    /// <summary>Reads an early-warning policy: the built-in 'default' or 'legacy', or a JSON file.</summary>
    internal static EarlyWarningPolicy ReadPolicy(string nameOrPath, string option)
    {
        if (nameOrPath is "default" or "legacy" && !File.Exists(nameOrPath))
        {
            return nameOrPath == "default" ? EarlyWarningPolicy.Default : EarlyWarningPolicy.Legacy;
        }

        return ReadJsonFile(
            nameOrPath,
            $"{option}: '{nameOrPath}' is a folder; give a JSON file of an early-warning policy, or 'default' or 'legacy'.",
            $"{option}: cannot read",
            EarlyWarningPolicyJson.Parse,
            f => f.Subject is null or "early-warning policy document" ? (string.IsNullOrEmpty(f.Field) || f.Field == "document" ? null : $"field '{f.Field}'") : f.Subject + (string.IsNullOrEmpty(f.Field) ? string.Empty : $", field '{f.Field}'"));
    }

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

    // A malformed document names its line and position in the message; a standard's failures name the standard.
    internal static ReliabilityStandardSet ReadStandards(string path) => ReadJsonFile<ReliabilityStandardSet>(
        path,
        $"--standards: '{path}' is a folder; give a JSON file.",
        "Cannot read",
        json => ReliabilityStandardJson.Parse(json),
        f => f.Subject is null or "reliability standards document" ? null : f.Subject + (string.IsNullOrEmpty(f.Field) ? string.Empty : $", field '{f.Field}'"));

    /// <summary>Reads and parses a JSON file: a folder or an unreadable file is bad input, and so are the library's
    /// validation failures, one problem each, placed by <paramref name="where"/> and reported under the file's name.</summary>
    private static T ReadJsonFile<T>(string path, string folderMessage, string cannotRead, Func<string, T> parse, Func<CxValidationFailure, string?> where)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException(folderMessage);
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"{cannotRead} '{path}': {ex.Message}", ex);
        }

        try
        {
            return parse(json);
        }
        catch (CxValidationException ex)
        {
            List<InputProblem> problems = [.. ex.Failures.Select(f => new InputProblem(null, where(f), null, $"{f.Message} [{f.ErrorCode}]"))];
            throw new BadInputException(Path.GetFileName(path), problems, ex.TotalFailureCount);
        }
    }

    private static ParsedMeasurements ReadMeasurements(Settings settings, TextWriter stderr, CxConsole console)
    {
        MeasurementFile file = InputFiles.Read(settings.MeasurementsFile!, "--measurements", "a CSV file", stderr, console,
            (stream, name, progress, cancel) => MeasurementFileReader.Read(stream, name, settings.Csv, progress, cancel));
        InputFiles.SayEncoding(stderr, file.Name, file.Encoding, settings.Csv.Text);
        return ParsedMeasurements.FromFile(file);
    }

    private static (ReliabilityReport? Report, ReliabilityBacktest? Backtest, BacktestComparison? Comparison) Calculate(
        ReliabilityStandardSet standards, ParsedMeasurements parsed, Settings settings, EarlyWarningPolicy policy, EarlyWarningPolicy[] compared)
    {
        var problems = new List<InputProblem>(parsed.Problems);
        long problemCount = parsed.ProblemCount;
        if (parsed.Measurements.Count == 0 && problemCount == 0)
        {
            throw new BadInputException(parsed.Name, [new InputProblem(null, null, null, "no data rows after the header; expected one row per measurement.")], 1);
        }

        Instant asOf = settings.AsOf ?? parsed.Latest ?? default;
        var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { EarlyWarning = policy });
        ReliabilityReport? report = null;
        ReliabilityBacktest? backtest = null;
        BacktestComparison? comparison = null;
        if (parsed.Measurements.Count > 0)
        {
            try
            {
                if (compared.Length > 0)
                {
                    comparison = evaluator.Compare(standards, parsed.Measurements, [policy, .. compared], from: null, to: asOf);
                }
                else if (settings.Backtest)
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
                    else if (failure.Subject is "evaluation instant" or "backtest start" or "backtest end")
                    {
                        problems.Add(new InputProblem(null, settings.AsOf is null ? "the latest measurement's instant" : "--as-of", null, message));
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

        return (report, backtest, comparison);
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
        string? Output,
        string? Policy = null,
        string[]? CompareWith = null)
    {
        /// <summary>Gets the policies to compare with <see cref="Policy"/>; none for a single backtest or status.</summary>
        public string[] Compare => CompareWith ?? [];
    }
}
