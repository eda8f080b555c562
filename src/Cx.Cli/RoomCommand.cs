using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;
using Cx.Domain.IO;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Cli;

/// <summary><c>cx room</c>: the customer room of one period — the outcome (the bridge), stage by stage the asset earned and
/// lost, what customers said, the reliability of each stage's processes and their warnings, then the top company-wide
/// priorities — as Markdown (the default), one self-contained HTML page, or JSON; from the sample company or from files.</summary>
/// <remarks>Thin by design: it reads the files with the readers of Cx.Domain.IO, and every figure comes from
/// <see cref="CustomerRoomCalculator"/>, every rendering from <see cref="CustomerRoomRenderer"/>.</remarks>
internal static partial class RoomCommand
{
    private static readonly string[] FormatNames = ["markdown", "html", "json"];

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        Inputs inputs = Inputs.Create(withFeedback: true);
        var format = new Option<string?>("--format", "-f")
        {
            Description = "The output format: markdown, html (one self-contained page with charts) or json. Default: with --output, by the file's extension (.html or .htm, .json, else markdown); otherwise markdown.",
        };
        format.AcceptOnlyFromAmong(FormatNames);
        Option<string?> output = OutputFormats.CreateOutputOption();
        var command = new Command("room", "The customer room of one period: how the customer asset moved (the bridge), stage by stage where it was earned and lost, what customers said, how reliably each stage's processes ran and which are warned, then the top company-wide priorities with their owners and reasons.");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse => Run(inputs.Read(parse), parse.GetValue(format), parse.GetValue(output), stdout, stderr, console));
        return command;
    }

    internal static int Run(Settings settings, string? format, string? output, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        string chosen = format ?? (output is null ? "markdown"
            : Path.GetExtension(output).ToUpperInvariant() switch { ".HTML" or ".HTM" => "html", ".JSON" => "json", _ => "markdown" });
        EarlyWarningOptions options = Options(settings); // a bad --policy fails before the files are read
        Loaded loaded = Load(settings, stderr, console);
        GridPeriod period = PeriodOf(settings, loaded.Input.Ledger.Grid);
        CustomerRoomReport room = Calculate(loaded, () => new CustomerRoomCalculator(options, null).Build(loaded.Input, period, loaded.Feedback?.Signals, loaded.Taxonomy));
        var about = new ReportOptions { Source = loaded.Source };
        string text = chosen switch
        {
            "json" => room.ToJson(about),
            "html" => room.ToHtmlPage(about).ToString(),
            _ => room.ToMarkdown(about),
        };
        OutputFile.Write(output, stdout, writer => writer.Write(text), console, InputFilesOf(settings));
        return CxApp.Ok;
    }

    /// <summary>The early-warning options of the command line.</summary>
    /// <remarks>The early-warning policy is <c>--policy</c>'s (a JSON file, or 'default' or 'legacy'), the default one without it.</remarks>
    internal static EarlyWarningOptions Options(Settings settings) => new()
    {
        TimeZone = settings.TimeZone,
        Reliability = settings.PolicyFile is { } policy ? new ReliabilityEvaluationOptions { EarlyWarning = ReliabilityCommand.ReadPolicy(policy, "--policy") } : null,
    };

    /// <summary>Reads every input: the sample's, or the files' (each file's unreadable rows reported with their lines).</summary>
    internal static Loaded Load(Settings settings, TextWriter stderr, CxConsole console)
    {
        MovementsCommand.Settings revenue = settings.Revenue;
        string[] files = [.. Given(settings)];
        if (revenue.Sample)
        {
            if (files.Length > 0)
            {
                throw new BadInputException($"Give either --sample or the files, not both (got --sample and {string.Join(", ", files)}).");
            }

            var company = SampleCompany.Generate(revenue.Seed);
            ParsedInput sample = MovementsCommand.Load(revenue, stderr, console);
            AssetLedger sampleLedger = MovementsCommand.BuildLedger(sample, revenue);
            string name = string.Create(CultureInfo.InvariantCulture, $"sample (seed {revenue.Seed})");
            var measured = new ParsedMeasurements(name, "standard", "instant", "value", "customer");
            foreach (ReliabilityMeasurement m in company.ReliabilityMeasurements)
            {
                measured.Add(m, line: null);
            }

            ParsedEvents sampleEvents = AttributionCommand.SampleEvents(company, revenue.Seed);
            ParsedFeedback? feedback = settings.WithFeedback ? ParsedFeedback.FromSignals(name, company.Feedback) : null;
            var input = ErosionInput.Create(sampleLedger, company.Journey, company.ReliabilityStandards, measured.Measurements, sampleEvents.Events);
            return new Loaded(name, input, measured, sampleEvents, feedback, settings.WithFeedback ? company.FeedbackTaxonomy : null);
        }

        string[] missing =
        [
            .. revenue.File is null ? ["--input FILE (the revenue: a CSV of dated amounts)"] : Array.Empty<string>(),
            .. settings.EventsFile is null ? ["--events FILE (a CSV of experience events)"] : Array.Empty<string>(),
            .. settings.JourneyFile is null ? ["--journey FILE (the journey framework as JSON)"] : Array.Empty<string>(),
            .. settings.StandardsFile is null ? ["--standards FILE (the reliability standards as JSON)"] : Array.Empty<string>(),
            .. settings.MeasurementsFile is null ? ["--measurements FILE (a CSV of reliability measurements)"] : Array.Empty<string>(),
        ];
        if (missing.Length > 0)
        {
            throw new BadInputException($"Give {string.Join(", ", missing)}; or --sample for the built-in sample company. See 'cx {revenue.CommandName} --help'.");
        }

        if (settings.TaxonomyFile is not null && settings.FeedbackFile is null)
        {
            throw new BadInputException("--taxonomy: give it with --feedback (the taxonomy tags the feedback's verbatims).");
        }

        JourneyFramework journey = AttributionCommand.LoadJourney(settings.JourneyFile!);
        ReliabilityStandardSet standards = ReliabilityCommand.ReadStandards(settings.StandardsFile!);
        ParsedInput parsed = MovementsCommand.Load(revenue, stderr, console);
        AssetLedger ledger = MovementsCommand.BuildLedger(parsed, revenue);
        ParsedEvents events = AttributionCommand.LoadEvents(settings.EventsFile!, new ExperienceEventFileOptions { Text = revenue.Csv.Text, SettingNames = CsvInputOptions.FixedColumnNames($"cx {revenue.CommandName}", new ExperienceEventFileOptions()) }, stderr, console);
        ThrowIfAny(events.Name, events.Problems, events.ProblemCount);
        MeasurementFile measurementFile = InputFiles.Read(settings.MeasurementsFile!, "--measurements", "a CSV file of reliability measurements", stderr, console,
            (stream, name, progress, cancel) => MeasurementFileReader.Read(stream, name, new MeasurementFileOptions { Text = revenue.Csv.Text, SettingNames = CsvInputOptions.FixedColumnNames($"cx {revenue.CommandName}", new MeasurementFileOptions()) }, progress, cancel));
        InputFiles.SayEncoding(stderr, measurementFile.Name, measurementFile.Encoding, revenue.Csv.Text);
        ParsedMeasurements measurements = ParsedMeasurements.FromFile(measurementFile);
        ThrowIfAny(measurements.Name, measurements.Problems, measurements.ProblemCount);
        ParsedFeedback? signals = null;
        TopicTaxonomy? taxonomy = null;
        if (settings.FeedbackFile is not null)
        {
            FeedbackFile feedbackFile = InputFiles.Read(settings.FeedbackFile, "--feedback", "a CSV file of feedback", stderr, console,
                (stream, name, progress, cancel) => FeedbackFileReader.Read(stream, name, new FeedbackFileOptions { Text = revenue.Csv.Text, SettingNames = CsvInputOptions.FixedColumnNames($"cx {revenue.CommandName}", new FeedbackFileOptions()) }, progress, cancel));
            InputFiles.SayEncoding(stderr, feedbackFile.Name, feedbackFile.Encoding, revenue.Csv.Text);
            signals = ParsedFeedback.FromFile(feedbackFile);
            ThrowIfAny(signals.Name, signals.Problems, signals.ProblemCount);
            taxonomy = settings.TaxonomyFile is null ? null : ListeningCommand.LoadTaxonomy(settings.TaxonomyFile);
        }

        string?[] names = [parsed.Name, events.Name, Path.GetFileName(settings.JourneyFile), Path.GetFileName(settings.StandardsFile), measurements.Name, signals?.Name];
        string source = string.Join(", ", names.Where(n => n is not null));
        ErosionInput erosion;
        try
        {
            erosion = ErosionInput.Create(ledger, journey, standards, measurements.Measurements, events.Events);
        }
        catch (CxValidationException ex)
        {
            // The standards name touchpoints the journey lacks.
            List<InputProblem> problems = [.. ex.Failures.Select(f => new InputProblem(null, $"{f.Subject}, field '{f.Field}'", null, $"{f.Message} [{f.ErrorCode}]"))];
            throw new BadInputException(Path.GetFileName(settings.StandardsFile!), problems, Math.Max(ex.TotalFailureCount, problems.Count));
        }

        return new Loaded(source, erosion, measurements, events, signals, taxonomy);
    }

    /// <summary>Runs a calculation, turning the library's validation failures into problems with their file, line and column.</summary>
    internal static T Calculate<T>(Loaded loaded, Func<T> calculate)
    {
        try
        {
            return calculate();
        }
        catch (CxValidationException ex)
        {
            var problems = new List<(string Source, InputProblem Problem)>();
            foreach (CxValidationFailure f in ex.Failures)
            {
                string message = $"{f.Message} [{f.ErrorCode}]";
                Match row = RowSubject().Match(f.Subject ?? string.Empty);
                long? position = row.Success ? long.Parse(row.Groups["n"].Value, CultureInfo.InvariantCulture) : f.Position;
                if (row.Success && row.Groups["kind"].Value == "measurement")
                {
                    long? line = loaded.Measurements.LineOf(position!.Value);
                    problems.Add((loaded.Measurements.Name, new InputProblem(line, line is null ? f.Subject : null, ReliabilityCommand.ColumnOf(loaded.Measurements, f.Field), message)));
                }
                else if (row.Success)
                {
                    long? line = loaded.Events.LineOf(position!.Value);
                    problems.Add((loaded.Events.Name, new InputProblem(line, line is null ? f.Subject : null, loaded.Events.ColumnOf(f.Field), message)));
                }
                else if (position is { } p && loaded.Feedback is { } feedback)
                {
                    long? line = feedback.LineOf(p);
                    problems.Add((feedback.Name, new InputProblem(line, line is null ? $"signal #{p}" : null, feedback.ColumnOf(f.Field), message)));
                }
                else
                {
                    problems.Add((loaded.Source, new InputProblem(null, $"{f.Subject}, {f.Field}", null, message)));
                }
            }

            string first = problems[0].Source;
            List<InputProblem> shown = [.. problems.Where(p => p.Source == first).Select(p => p.Problem).OrderBy(p => p.Line ?? long.MaxValue)];
            throw new BadInputException(first, shown, Math.Max(ex.TotalFailureCount - (problems.Count - shown.Count), shown.Count));
        }
    }

    /// <summary>The period asked for (<c>--period</c>), or the last period of the grid.</summary>
    internal static GridPeriod PeriodOf(Settings settings, PeriodGrid grid)
    {
        if (settings.Period is not { } date)
        {
            return grid[^1];
        }

        return grid.TryFind(date, out GridPeriod? period)
            ? period
            : throw new BadInputException($"--period: expected a period of the grid {grid[0].Label} to {grid[^1].Label}, got {date:uuuu-MM-dd}. Choose one of the grid's periods, or widen the grid with --start and --end.");
    }

    private static IEnumerable<string> Given(Settings settings)
    {
        (string Option, string? File)[] files =
        [
            ("--input", settings.Revenue.File), ("--events", settings.EventsFile), ("--journey", settings.JourneyFile), ("--standards", settings.StandardsFile),
            ("--measurements", settings.MeasurementsFile), ("--feedback", settings.FeedbackFile), ("--taxonomy", settings.TaxonomyFile),
        ];
        return files.Where(f => f.File is not null).Select(f => $"{f.Option} '{f.File}'");
    }

    private static void ThrowIfAny(string name, IReadOnlyList<InputProblem> problems, long count)
    {
        if (count > 0)
        {
            throw new BadInputException(name, problems, count);
        }
    }

    [GeneratedRegex("^(?<kind>measurement|experience event) #(?<n>[0-9]+)$")]
    private static partial Regex RowSubject();

    /// <summary>The options of the inputs <c>cx room</c> and <c>cx risk</c> share.</summary>
    internal sealed class Inputs
    {
        private readonly RevenueInputOptions _revenue = RevenueInputOptions.Create();
        private readonly Option<string?> _events = new("--events") { Description = "The CSV file of experience events (customer_id, touchpoint, instant, outcome and optionally channel), as cx attribution reads it.", HelpName = "file" };
        private readonly Option<string?> _journey = new("--journey") { Description = "The journey framework as JSON (stages and touchpoints with their owners), as cx attribution reads it.", HelpName = "file" };
        private readonly Option<string?> _standards = new("--standards") { Description = "The reliability standards as JSON, as cx reliability reads them; each names a touchpoint of the journey.", HelpName = "file" };
        private readonly Option<string?> _measurements = new("--measurements") { Description = "The CSV file of reliability measurements (standard, instant, value and customer), as cx reliability reads it.", HelpName = "file" };
        private readonly Option<string?> _feedback = new("--feedback") { Description = "Optional: the CSV file of customer feedback, as cx listening reads it; the room then says what customers said at each stage.", HelpName = "file" };
        private readonly Option<string?> _taxonomy = new("--taxonomy") { Description = "Optional, with --feedback: a topic taxonomy as JSON, as cx listening reads it.", HelpName = "file" };
        private readonly Option<string?> _policy = new("--policy")
        {
            Description = "The early-warning policy that opens the warning episodes, as JSON (see docs/concepts/reliability.md), or 'default' or 'legacy' for the built-in ones, as cx reliability reads it. Default: default.",
            HelpName = "file",
        };

        private readonly Option<LocalDate?> _period = new("--period")
        {
            Description = "The period to report: a month such as 2025-06, or any date inside the period. Default: the last period of the grid.",
            CustomParser = r => RevenueInputOptions.ParseDay(r, "--period", end: false),
            HelpName = "month",
        };

        private readonly Option<DateTimeZone> _timeZone = new("--time-zone")
        {
            Description = "The IANA time zone in which an instant falls into a period, such as Europe/Paris.",
            DefaultValueFactory = _ => DateTimeZone.Utc,
            CustomParser = AttributionCommand.ParseTimeZone,
            HelpName = "id",
        };

        private bool _withFeedback;

        public static Inputs Create(bool withFeedback)
        {
            var inputs = new Inputs { _withFeedback = withFeedback };
            inputs._revenue.Sample.Description = withFeedback
                ? "Use the built-in sample company (3,000 customers, 2023 to 2025: revenue, journey, events, standards, measurements and feedback) instead of files."
                : "Use the built-in sample company (3,000 customers, 2023 to 2025: revenue, journey, events, standards and measurements) instead of files.";
            return inputs;
        }

        public void AddTo(Command command)
        {
            foreach (Option option in _revenue.All)
            {
                command.Options.Add(option);
            }

            foreach (Option option in (Option[])[_events, _journey, _standards, _measurements, .. _withFeedback ? [_feedback, _taxonomy] : Array.Empty<Option>(), _policy, _period, _timeZone])
            {
                command.Options.Add(option);
            }
        }

        public Settings Read(ParseResult parse) => new(
            new MovementsCommand.Settings(
                parse.GetValue(_revenue.Input), parse.GetValue(_revenue.Sample), parse.GetValue(_revenue.Seed), _revenue.ReadCsvOptions(parse),
                parse.GetValue(_revenue.Grid)!, parse.GetValue(_revenue.Start), parse.GetValue(_revenue.End), ActivityWindow: 1,
                Format: null, Output: null, CommandName: parse.CommandResult.Command.Name),
            parse.GetValue(_events), parse.GetValue(_journey), parse.GetValue(_standards), parse.GetValue(_measurements),
            _withFeedback ? parse.GetValue(_feedback) : null, _withFeedback ? parse.GetValue(_taxonomy) : null, _withFeedback,
            parse.GetValue(_period), parse.GetValue(_timeZone)!, parse.GetValue(_policy));
    }

    /// <summary>The parsed inputs of <c>cx room</c> and <c>cx risk</c>.</summary>
    /// <summary>The input files named on the command line, which an output file must not overwrite.</summary>
    internal static (string Option, string? Path)[] InputFilesOf(Settings settings) =>
    [
        ("--input", settings.Revenue.File), ("--events", settings.EventsFile), ("--journey", settings.JourneyFile), ("--standards", settings.StandardsFile),
        ("--measurements", settings.MeasurementsFile), ("--feedback", settings.FeedbackFile), ("--taxonomy", settings.TaxonomyFile),
        ("--policy", settings.PolicyFile is "default" or "legacy" && !File.Exists(settings.PolicyFile) ? null : settings.PolicyFile),
    ];

    internal sealed record Settings(
        MovementsCommand.Settings Revenue,
        string? EventsFile,
        string? JourneyFile,
        string? StandardsFile,
        string? MeasurementsFile,
        string? FeedbackFile,
        string? TaxonomyFile,
        bool WithFeedback,
        LocalDate? Period,
        DateTimeZone TimeZone,
        string? PolicyFile = null);

    /// <summary>Everything read, with the parsed files kept to name the lines of later problems.</summary>
    internal sealed record Loaded(string Source, ErosionInput Input, ParsedMeasurements Measurements, ParsedEvents Events, ParsedFeedback? Feedback, TopicTaxonomy? Taxonomy);
}
