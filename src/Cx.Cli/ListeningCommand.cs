using System.CommandLine;
using System.Globalization;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Cli;

/// <summary><c>cx listening</c>: the customer listening path — volumes by stage, touchpoint, topic, kind and source, spikes of
/// complaints with their figures, survey metrics with intervals, and whether the surveys confirm the spikes — from a
/// feedback CSV and a journey JSON (and optionally a topic taxonomy JSON), or the sample company.</summary>
/// <remarks>Thin by design: it reads and maps the input and formats the output; every figure comes from
/// <see cref="ListeningCalculator"/> and <see cref="TopicTagger"/>, every rendering from <see cref="ListeningRenderer"/>.</remarks>
internal static class ListeningCommand
{
    private static readonly IReadOnlyDictionary<string, string> FeedbackSettingNames = CsvInputOptions.FixedColumnNames("cx listening", new FeedbackFileOptions());

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        var input = new Option<string?>("--input", "-i")
        {
            Description = "The feedback CSV: one row per signal with instant, source and kind, and optionally customer_id, stage, touchpoint, topics, sentiment, instrument, score, scale_min, scale_max, text; '-' reads standard input.",
            HelpName = "file",
        };
        var sample = new Option<bool>("--sample") { Description = "Use the built-in sample company's feedback, journey, topic taxonomy and revenue (for complaint rates per 1,000 active customers) instead of files." };
        var seed = new Option<ulong>("--seed") { Description = "The seed of the sample company.", DefaultValueFactory = _ => SampleCompanyOptions.DefaultSeed };
        var journey = new Option<string?>("--journey") { Description = "The journey framework as JSON (stages and touchpoints), as cx attribution reads it. Required with --input.", HelpName = "file" };
        var taxonomy = new Option<string?>("--taxonomy")
        {
            Description = "A topic taxonomy as JSON ({\"topics\": [{\"id\", \"name\", \"keywords\", \"stages\"}]}): verbatims without topics are tagged from its keywords, and every topic must be one of it. Without it, the topics the rows carry are counted as they are.",
            HelpName = "file",
        };
        var grid = new Option<string>("--grid") { Description = "The periods: calendar months, calendar quarters, or ISO weeks.", DefaultValueFactory = _ => "monthly" };
        grid.AcceptOnlyFromAmong(RevenueInputOptions.GridNames);
        var start = new Option<LocalDate?>("--start")
        {
            Description = "The first period is the one holding this date (yyyy-MM-dd, or yyyy-MM). Default: the earliest signal's. Earlier signals are counted as before the grid.",
            CustomParser = r => RevenueInputOptions.ParseBound(r, end: false),
            HelpName = "date",
        };
        var end = new Option<LocalDate?>("--end")
        {
            Description = "The last period is the one holding this date (yyyy-MM-dd, or yyyy-MM). Default: the latest signal's. Later signals are counted as after the grid.",
            CustomParser = r => RevenueInputOptions.ParseBound(r, end: true),
            HelpName = "date",
        };
        var timeZone = new Option<DateTimeZone>("--time-zone")
        {
            Description = "The IANA time zone in which an instant falls into a period, such as Europe/Paris.",
            DefaultValueFactory = _ => DateTimeZone.Utc,
            CustomParser = AttributionCommand.ParseTimeZone,
            HelpName = "id",
        };
        var confidence = new Option<double>("--confidence")
        {
            Description = "The confidence level of the survey intervals and tests, 0.80 to 0.999.",
            DefaultValueFactory = _ => 0.95,
            CustomParser = r =>
            {
                // The range is the calculator's to check (CX0714); here only the number, read in the invariant culture.
                if (ValueCommand.TryParseNumberOrPercentage(r.Tokens[0].Value, out double level))
                {
                    return level;
                }

                r.AddError($"--confidence: expected a confidence level from 0.80 to 0.999 such as 0.95, or a percentage such as 95%; got '{r.Tokens[0].Value}'.");
                return 0;
            },
            HelpName = "level",
        };
        var minimumResponses = new Option<int>("--minimum-responses") { Description = "The responses each period needs before survey metrics are compared.", DefaultValueFactory = _ => 30, HelpName = "count" };
        var includeUnaided = new Option<bool>("--include-unaided") { Description = "Count unaided feedback toward spikes as well as complaints." };
        Option<Delimiter> delimiter = RevenueInputOptions.CreateDelimiterOption();
        Option<bool> noHeader = RevenueInputOptions.CreateNoHeaderOption();
        Option<InputEncoding> encoding = RevenueInputOptions.CreateEncodingOption();
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();
        var command = new Command("listening", "The customer listening path: volumes per stage, touchpoint, topic, kind and source; spikes of complaints with their expected counts, thresholds and false-alarm probabilities; survey metrics (NPS, CSAT, CES) with intervals; and whether the surveys confirm the spikes.")
        {
            input, sample, seed, journey, taxonomy, grid, start, end, timeZone, confidence, minimumResponses, includeUnaided, delimiter, noHeader, encoding, format, output,
        };
        command.SetAction(parse => Run(
            new Settings(parse.GetValue(input), parse.GetValue(sample), parse.GetValue(seed), parse.GetValue(journey), parse.GetValue(taxonomy), parse.GetValue(grid)!,
                parse.GetValue(start), parse.GetValue(end), parse.GetValue(timeZone)!, parse.GetValue(confidence), parse.GetValue(minimumResponses),
                parse.GetValue(includeUnaided), new FeedbackFileOptions { Text = RevenueInputOptions.ReadTextOptions(parse, delimiter, noHeader, encoding), SettingNames = FeedbackSettingNames },
                parse.GetValue(format), parse.GetValue(output)),
            stdout, stderr, console));
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        OutputFormat format = OutputFormats.Choose(settings.Format, settings.Output, console.IsOutputRedirected);
        (string Option, string? Path)[] inputs = [("--input", settings.InputFile), ("--journey", settings.JourneyFile), ("--taxonomy", settings.TaxonomyFile)];
        OutputFile.Check([("--output", settings.Output)], inputs);
        ListeningCalculator calculator = CreateCalculator(settings);
        (string source, JourneyFramework journey, TopicTaxonomy? taxonomy, ParsedFeedback parsed, SampleCompany? company) = Load(settings, stderr, console);
        if (parsed.Signals.Count == 0)
        {
            throw new BadInputException(parsed.Name, parsed.ProblemCount > 0 ? parsed.Problems : [new InputProblem(null, null, null, "no data rows after the header; expected one row per feedback signal.")], Math.Max(1, parsed.ProblemCount));
        }

        PeriodGrid grid = company?.Grid ?? Grid(settings, parsed);
        AssetMovementReport? assets = company is null ? null : new AssetMovementCalculator().Calculate(company.RevenueLedger());
        IReadOnlyList<FeedbackSignal> signals = taxonomy is null ? parsed.Signals : new TopicTagger(taxonomy).TagAll(parsed.Signals).Signals;
        ListeningReport report = Calculate(calculator, journey, grid, signals, taxonomy, assets, parsed);
        var about = new ReportOptions { Source = source, RecordCount = parsed.Signals.Count, NameCommandLineOptions = true };
        string text = format switch
        {
            OutputFormat.Json => report.ToJson(about),
            OutputFormat.Csv => report.ToCsv(),
            OutputFormat.Markdown => report.ToMarkdown(about),
            _ => report.ToText(about),
        };
        OutputFile.Write(settings.Output, stdout, writer => writer.Write(text), console, inputs);
        return CxApp.Ok;
    }

    private static ListeningCalculator CreateCalculator(Settings settings)
    {
        try
        {
            return new ListeningCalculator(new ListeningOptions
            {
                Zone = settings.TimeZone,
                ConfidenceLevel = settings.Confidence,
                MinimumResponses = settings.MinimumResponses,
                IncludeUnaidedInSpikes = settings.IncludeUnaided,
            });
        }
        catch (CxValidationException ex)
        {
            CxValidationFailure f = ex.Failures[0];
            string option = f.Field switch
            {
                nameof(ListeningOptions.ConfidenceLevel) => "--confidence",
                nameof(ListeningOptions.MinimumResponses) => "--minimum-responses",
                _ => "--" + f.Field,
            };
            throw new BadInputException($"{option}: {f.Message} [{f.ErrorCode}]");
        }
    }

    private static (string Source, JourneyFramework Journey, TopicTaxonomy? Taxonomy, ParsedFeedback Feedback, SampleCompany? Company) Load(Settings settings, TextWriter stderr, CxConsole console)
    {
        TopicTaxonomy? taxonomy = settings.TaxonomyFile is null ? null : LoadTaxonomy(settings.TaxonomyFile);
        if (settings.Sample)
        {
            if (settings.InputFile is not null || settings.JourneyFile is not null || settings.Start is not null || settings.End is not null)
            {
                throw new BadInputException("Give either --sample, or --input and --journey (and their --start and --end), not both; the sample's grid is its own, 2023-01 to 2025-12.");
            }

            var company = SampleCompany.Generate(settings.Seed);
            string name = string.Create(CultureInfo.InvariantCulture, $"sample (seed {settings.Seed})");
            return (name, company.Journey, taxonomy ?? company.FeedbackTaxonomy, ParsedFeedback.FromSignals(name, company.Feedback), company);
        }

        if (settings.InputFile is null || settings.JourneyFile is null)
        {
            throw new BadInputException("Give --input FILE (a CSV of feedback; '-' for standard input) and --journey FILE (the journey framework as JSON), or --sample for the built-in sample company. See 'cx listening --help'.");
        }

        JourneyFramework journey = AttributionCommand.LoadJourney(settings.JourneyFile);
        ParsedFeedback feedback = ReadFeedback(settings, stderr, console);
        return ($"{feedback.Name} and {Path.GetFileName(settings.JourneyFile)}", journey, taxonomy, feedback, null);
    }

    private static ParsedFeedback ReadFeedback(Settings settings, TextWriter stderr, CxConsole console)
    {
        FeedbackFile file = InputFiles.Read(settings.InputFile!, "--input", "a CSV file of feedback", stderr, console,
            (stream, name, progress, cancel) => FeedbackFileReader.Read(stream, name, settings.Csv, progress, cancel));
        InputFiles.SayEncoding(stderr, file.Name, file.Encoding, settings.Csv.Text);
        return ParsedFeedback.FromFile(file);
    }

    internal static TopicTaxonomy LoadTaxonomy(string path)
    {
        string name = Path.GetFileName(path);
        using FileStream stream = AttributionCommand.OpenFile(path, "--taxonomy", "a topic taxonomy JSON file");
        try
        {
            return TopicTaxonomyJson.Read(stream);
        }
        catch (CxValidationException ex)
        {
            List<InputProblem> problems = [.. ex.Failures.Select(f => new InputProblem(
                null,
                f.ErrorCode == CxErrorCodes.TaxonomyJsonMalformed && f.Field == "document" ? null : $"{f.Subject}, {f.Field}",
                null,
                $"{f.Message} [{f.ErrorCode}]"))];
            throw new BadInputException(name, problems, Math.Max(ex.TotalFailureCount, problems.Count));
        }
    }

    private static PeriodGrid Grid(Settings settings, ParsedFeedback parsed)
    {
        LocalDate first = settings.Start ?? parsed.Earliest!.Value.InZone(settings.TimeZone).Date;
        LocalDate last = settings.End ?? parsed.Latest!.Value.InZone(settings.TimeZone).Date;
        if (last < first)
        {
            throw new BadInputException($"--end: expected a date on or after the start {first:uuuu-MM-dd}, got {last:uuuu-MM-dd}.");
        }

        try
        {
            return RevenueInputOptions.CreateGrid(settings.Grid, first, last);
        }
        catch (ArgumentException ex)
        {
            throw BadInputException.FromArgument("--grid: ", ex);
        }
    }

    private static ListeningReport Calculate(ListeningCalculator calculator, JourneyFramework journey, PeriodGrid grid, IReadOnlyList<FeedbackSignal> signals,
        TopicTaxonomy? taxonomy, AssetMovementReport? assets, ParsedFeedback parsed)
    {
        // The rows that could be read still go through the library, so unknown stages, topics and bad scores are reported
        // together with the rows that could not be read.
        ListeningReport? report = null;
        var problems = new List<InputProblem>(parsed.Problems);
        long count = parsed.ProblemCount;
        try
        {
            report = calculator.Calculate(journey, grid, signals, taxonomy, assets);
        }
        catch (CxValidationException ex)
        {
            foreach (CxValidationFailure failure in ex.Failures)
            {
                string message = $"{failure.Message} [{failure.ErrorCode}]";
                if (failure.Position is { } position)
                {
                    long? line = parsed.LineOf(position);
                    problems.Add(new InputProblem(line, line is null ? $"signal #{position}" : null, parsed.ColumnOf(failure.Field), message));
                }
                else
                {
                    problems.Add(new InputProblem(null, $"{failure.Subject}, {failure.Field}", null, message));
                }
            }

            count += ex.TotalFailureCount;
        }

        if (count > 0 || report is null)
        {
            List<InputProblem> ordered = [.. problems.OrderBy(p => p.Line ?? long.MaxValue)];
            throw new BadInputException(parsed.Name, ordered, Math.Max(count, ordered.Count));
        }

        return report;
    }

    /// <summary>The parsed command line of <c>cx listening</c>.</summary>
    internal sealed record Settings(
        string? InputFile,
        bool Sample,
        ulong Seed,
        string? JourneyFile,
        string? TaxonomyFile,
        string Grid,
        LocalDate? Start,
        LocalDate? End,
        DateTimeZone TimeZone,
        double Confidence,
        int MinimumResponses,
        bool IncludeUnaided,
        FeedbackFileOptions Csv,
        string? Format,
        string? Output);
}
