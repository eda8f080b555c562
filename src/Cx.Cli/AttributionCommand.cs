using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using Cx.Cli.Input;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.IO;
using Cx.Domain.Journey;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;
using NodaTime.Text;
using NodaPeriod = NodaTime.Period;

namespace Cx.Cli;

/// <summary><c>cx attribution</c>: journey-stage attribution of the customer-asset movements (earned and lost value per
/// stage, touchpoint and category, the unattributed bucket and the stage-attributed bridge) from the revenue CSV of
/// <c>cx movements</c>, an events CSV and a journey JSON, or the sample company.</summary>
/// <remarks>Thin by design: it reads the three inputs (the revenue exactly as <c>cx movements</c> does) and formats the
/// output; every figure comes from <see cref="JourneyAttributionCalculator"/>.</remarks>
internal static partial class AttributionCommand
{
    /// <summary>The model names, in the order of <see cref="AttributionModel"/>.</summary>
    internal static readonly string[] ModelNames = ["first-touch", "last-touch", "linear", "time-decay", "position-based", "markov", "shapley"];

    private static readonly string[] DirectionNames = ["both", "gains", "losses"];

    private static readonly Dictionary<string, string> EventSettingNames = new(CsvInputOptions.SettingNames, StringComparer.Ordinal)
    {
        ["Customer"] = "--event-customer-column",
        ["Touchpoint"] = "--touchpoint-column",
        ["Instant"] = "--instant-column",
        ["Outcome"] = "--outcome-column",
        ["Channel"] = "--channel-column",
    };
    private static readonly string[] MarkovAllocationNames = ["per-path", "pooled"];

    private static readonly string[] ShapleyValueNames = ["conversion-rate", "conversion-count"];

    public static Command Create(TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        RevenueInputOptions revenue = RevenueInputOptions.Create();
        revenue.Sample.Description = "Use the built-in sample company (3,000 customers, 2023 to 2025) with its journey and experience events instead of the three files.";
        var events = new Option<string?>("--events")
        {
            Description = "The CSV file of experience events, with a header line: customer, touchpoint id, instant (ISO 8601 such as 2024-03-05T14:30:00Z), outcome (reliable, unreliable or unknown) and optionally channel.",
            HelpName = "file",
        };
        var journey = new Option<string?>("--journey")
        {
            Description = "The journey framework as JSON (name, stages, touchpoints), as Cx.Domain.Journey.JourneyJson reads and writes it.",
            HelpName = "file",
        };
        var eventCustomerColumn = new Option<string>("--event-customer-column") { Description = "The header of the events file's customer id column.", DefaultValueFactory = _ => "customer_id", HelpName = "name" };
        var touchpointColumn = new Option<string>("--touchpoint-column") { Description = "The header of the events file's touchpoint id column.", DefaultValueFactory = _ => "touchpoint", HelpName = "name" };
        var instantColumn = new Option<string>("--instant-column") { Description = "The header of the events file's instant column.", DefaultValueFactory = _ => "instant", HelpName = "name" };
        var outcomeColumn = new Option<string>("--outcome-column") { Description = "The header of the events file's outcome column.", DefaultValueFactory = _ => "outcome", HelpName = "name" };
        var channelColumn = new Option<string?>("--channel-column")
        {
            Description = "The header of the events file's channel column. Optional: without this option a column named 'channel' is used when there is one.",
            HelpName = "name",
        };
        var model = new Option<string>("--model", "-m")
        {
            Description = "The attribution model: first-touch, last-touch, linear, time-decay, position-based, markov (Markov chain removal effect) or shapley (Shapley value over stages).",
            Required = true,
            HelpName = "name",
        };
        model.AcceptOnlyFromAmong(ModelNames);
        var lookback = new Option<NodaPeriod>("--lookback")
        {
            Description = "How far back from the end of a movement's period touches count: a whole number of days, weeks, months or years such as 90d, 12w, 3m, 1y (or an ISO 8601 period such as P90D).",
            DefaultValueFactory = _ => NodaPeriod.FromDays(90),
            CustomParser = ParseLookback,
            HelpName = "period",
        };
        var halfLife = new Option<Duration>("--half-life")
        {
            Description = "The half-life of time-decay: a whole number of days or hours such as 7d or 36h.",
            DefaultValueFactory = _ => Duration.FromDays(7),
            CustomParser = ParseHalfLife,
            HelpName = "duration",
        };
        var markovAllocation = new Option<string?>("--markov-allocation")
        {
            Description = "With --model markov: per-path (the default: each movement shared over the touchpoints on its own path by their removal-effect weights) or pooled (as the ChannelAttribution package: each period's value shared over every touchpoint by the global weights).",
        };
        markovAllocation.AcceptOnlyFromAmong(MarkovAllocationNames);
        var shapleyValue = new Option<string?>("--shapley-value")
        {
            Description = "With --model shapley: the value of a coalition of stages, conversion-rate (the default: the conversion rate of the paths it covers, customers who did not move included) or conversion-count (as Zhao et al. 2018: the number of converting paths it covers).",
        };
        shapleyValue.AcceptOnlyFromAmong(ShapleyValueNames);
        var direction = new Option<string>("--direction")
        {
            Description = "Which movements are attributed: gains (new, reactivated, expansion), losses (contraction, churned) or both.",
            DefaultValueFactory = _ => "both",
        };
        direction.AcceptOnlyFromAmong(DirectionNames);
        var timeZone = new Option<DateTimeZone>("--time-zone")
        {
            Description = "The IANA time zone that turns the end of each period (a date) into an instant, such as Europe/Paris.",
            DefaultValueFactory = _ => DateTimeZone.Utc,
            CustomParser = ParseTimeZone,
            HelpName = "id",
        };
        Option<string?> format = OutputFormats.CreateFormatOption();
        Option<string?> output = OutputFormats.CreateOutputOption();

        var command = new Command("attribution", "Journey-stage attribution: where the customer asset was earned and lost, per stage, touchpoint and category, with the unattributed movements and the stage-attributed bridge of every period.");
        foreach (Option option in revenue.All)
        {
            command.Options.Add(option);
        }

        foreach (Option option in (Option[])[events, journey, eventCustomerColumn, touchpointColumn, instantColumn, outcomeColumn, channelColumn, model, lookback, halfLife, markovAllocation, shapleyValue, direction, timeZone, format, output])
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            string? channel = parse.GetValue(channelColumn);
            CsvInputOptions csv = revenue.ReadCsvOptions(parse);
            var settings = new Settings(
                new MovementsCommand.Settings(
                    parse.GetValue(revenue.Input), parse.GetValue(revenue.Sample), parse.GetValue(revenue.Seed), csv,
                    parse.GetValue(revenue.Grid)!, parse.GetValue(revenue.Start), parse.GetValue(revenue.End), ActivityWindow: 1,
                    parse.GetValue(format), parse.GetValue(output), CommandName: "attribution"),
                parse.GetValue(events), parse.GetValue(journey),
                new ExperienceEventFileOptions
                {
                    Customer = ColumnRef.Parse(parse.GetValue(eventCustomerColumn)!),
                    Touchpoint = ColumnRef.Parse(parse.GetValue(touchpointColumn)!),
                    Instant = ColumnRef.Parse(parse.GetValue(instantColumn)!),
                    Outcome = ColumnRef.Parse(parse.GetValue(outcomeColumn)!),
                    Channel = ColumnRef.Parse(channel ?? "channel"),
                    ChannelRequired = channel is not null,
                    Text = csv.Text,
                    SettingNames = EventSettingNames,
                },
                parse.GetValue(model)!, parse.GetValue(lookback)!, parse.GetValue(halfLife), parse.GetValue(direction)!, parse.GetValue(timeZone)!)
            {
                MarkovAllocation = parse.GetValue(markovAllocation),
                ShapleyValue = parse.GetValue(shapleyValue),
            };
            return Run(settings, stdout, stderr, console);
        });
        return command;
    }

    internal static int Run(Settings settings, TextWriter stdout, TextWriter stderr, CxConsole console)
    {
        MovementsCommand.Settings revenue = settings.Revenue;
        OutputFormat format = OutputFormats.Choose(revenue.Format, revenue.Output, console.IsOutputRedirected);
        (string, string?)[] inputs = [("--input", revenue.File), ("--events", settings.EventsFile), ("--journey", settings.JourneyFile)];
        OutputFile.Check([("--output", revenue.Output)], inputs);
        if (revenue.Sample && (settings.EventsFile is not null || settings.JourneyFile is not null))
        {
            string given = settings.EventsFile is not null ? $"--events '{settings.EventsFile}'" : $"--journey '{settings.JourneyFile}'";
            throw new BadInputException($"Give either --sample or the files --input, --events and --journey, not both (got --sample and {given}).");
        }

        if (settings.MarkovAllocation is not null && settings.Model != "markov")
        {
            throw new BadInputException($"--markov-allocation applies to --model markov only, got --model {settings.Model}. Leave it out, or use --model markov.");
        }

        if (settings.ShapleyValue is not null && settings.Model != "shapley")
        {
            throw new BadInputException($"--shapley-value applies to --model shapley only, got --model {settings.Model}. Leave it out, or use --model shapley.");
        }

        if (!revenue.Sample && (revenue.File is null || settings.EventsFile is null || settings.JourneyFile is null))
        {
            string[] missing =
            [
                .. revenue.File is null ? ["--input FILE (the revenue: a CSV of dated amounts)"] : Array.Empty<string>(),
                .. settings.EventsFile is null ? ["--events FILE (a CSV of experience events)"] : Array.Empty<string>(),
                .. settings.JourneyFile is null ? ["--journey FILE (the journey framework as JSON)"] : Array.Empty<string>(),
            ];
            throw new BadInputException($"Give {string.Join(", ", missing)}; or --sample for the built-in sample company. See 'cx attribution --help'.");
        }

        SampleCompany? company = revenue.Sample ? SampleCompany.Generate(revenue.Seed) : null;
        JourneyFramework framework = company is null ? LoadJourney(settings.JourneyFile!) : company.Journey;
        ParsedInput input = MovementsCommand.Load(revenue, stderr, console);
        AssetLedger ledger = MovementsCommand.BuildLedger(input, revenue);
        ParsedEvents events = company is null ? LoadEvents(settings.EventsFile!, settings.Events, stderr, console) : SampleEvents(company, revenue.Seed);
        AttributionResult result = Calculate(framework, ledger, events, settings);
        var about = new ReportOptions { Source = $"{input.Name} and {events.Name}", RecordCount = ledger.RecordCount, NameCommandLineOptions = true };
        string text = format switch
        {
            OutputFormat.Json => result.ToJson(),
            OutputFormat.Csv => result.ToCsv(),
            OutputFormat.Markdown => result.ToMarkdown(about),
            _ => result.ToText(about),
        };
        OutputFile.Write(revenue.Output, stdout, writer => writer.Write(text), console, inputs);
        return 0;
    }

    /// <summary>Maps a model's command-line name to the library's enum.</summary>
    internal static AttributionModel ModelOf(string name) => name switch
    {
        "first-touch" => AttributionModel.FirstTouch,
        "last-touch" => AttributionModel.LastTouch,
        "linear" => AttributionModel.Linear,
        "time-decay" => AttributionModel.TimeDecay,
        "position-based" => AttributionModel.PositionBased,
        "markov" => AttributionModel.MarkovChain,
        "shapley" => AttributionModel.Shapley,
        _ => throw new BadInputException($"--model: expected one of {string.Join(", ", ModelNames)}, got '{name}'."),
    };

    /// <summary>Maps a direction to the movement classes it attributes.</summary>
    internal static MovementClass[] MovementsOf(string direction) => direction switch
    {
        "gains" => [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion],
        "losses" => [MovementClass.Contraction, MovementClass.Churned],
        _ => [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Churned],
    };

    private static AttributionResult Calculate(JourneyFramework framework, AssetLedger ledger, ParsedEvents events, Settings settings)
    {
        var options = new AttributionOptions
        {
            Model = ModelOf(settings.Model),
            Lookback = settings.Lookback,
            HalfLife = settings.HalfLife,
            TimeZone = settings.TimeZone,
            Movements = MovementsOf(settings.Direction),
            MarkovAllocation = settings.MarkovAllocation == "pooled" ? MarkovAllocation.Pooled : MarkovAllocation.PerPath,
            ShapleyValueFunction = settings.ShapleyValue == "conversion-count" ? ShapleyValueFunction.ConversionCount : ShapleyValueFunction.ConversionRate,
        };
        // The rows that could be read still go through the library, so unknown touchpoints and customers are reported
        // together with the rows that could not be read.
        AttributionResult result;
        try
        {
            result = new JourneyAttributionCalculator().Calculate(framework, ledger, events.Events, options);
        }
        catch (CxValidationException ex)
        {
            var problems = new List<InputProblem>(events.Problems);
            foreach (CxValidationFailure failure in ex.Failures)
            {
                string message = $"{failure.Message} [{failure.ErrorCode}]";
                if (failure.Position is { } position && failure.Subject == "experience event")
                {
                    long? line = events.LineOf(position);
                    problems.Add(new InputProblem(line, line is null ? $"event #{position}" : null, events.ColumnOf(failure.Field), message));
                }
                else
                {
                    problems.Add(new InputProblem(null, failure.Subject ?? "attribution", null, message));
                }
            }

            List<InputProblem> ordered = [.. problems.OrderBy(p => p.Line ?? long.MaxValue)];
            throw new BadInputException(events.Name, ordered, Math.Max(events.ProblemCount + ex.TotalFailureCount, ordered.Count));
        }

        if (events.ProblemCount > 0)
        {
            throw new BadInputException(events.Name, events.Problems, events.ProblemCount);
        }

        return result;
    }

    internal static JourneyFramework LoadJourney(string path)
    {
        string name = Path.GetFileName(path);
        using FileStream stream = OpenFile(path, "--journey", "a journey JSON file");
        try
        {
            return JourneyJson.Read(stream);
        }
        catch (CxValidationException ex)
        {
            // A malformed document names its line and position in the message; a well-formed but invalid framework names
            // the property (stages[1].id, touchpoints[3].stage...).
            List<InputProblem> problems = [.. ex.Failures.Select(f => new InputProblem(
                null,
                f.ErrorCode == CxErrorCodes.JourneyJsonMalformed && f.Field == "document" ? null : f.Field,
                null,
                $"{f.Message} [{f.ErrorCode}]"))];
            throw new BadInputException(name, problems, Math.Max(ex.TotalFailureCount, problems.Count));
        }
    }

    internal static ParsedEvents LoadEvents(string path, ExperienceEventFileOptions options, TextWriter stderr, CxConsole console)
    {
        ExperienceEventFile file = InputFiles.Read(path, "--events", "a CSV file of experience events", stderr, console,
            (stream, name, progress, cancel) => ExperienceEventFileReader.Read(stream, name, options, progress, cancel));
        InputFiles.SayEncoding(stderr, file.Name, file.Encoding, options.Text);
        return ParsedEvents.FromFile(file);
    }

    internal static ParsedEvents SampleEvents(SampleCompany company, ulong seed)
    {
        var events = new ParsedEvents(string.Create(CultureInfo.InvariantCulture, $"sample events (seed {seed})"), "customer_id", "touchpoint", "instant", "outcome", "channel");
        foreach (ExperienceEvent e in company.ExperienceEvents)
        {
            events.Add(e, line: null);
        }

        return events;
    }

    internal static FileStream OpenFile(string path, string option, string what)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"{option}: '{path}' is a folder; give {what}.");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"Cannot read '{path}': {ex.Message}", ex);
        }
    }

    private static NodaPeriod ParseLookback(ArgumentResult result)
    {
        string text = result.Tokens[0].Value.Trim();
        Match match = WholeUnits().Match(text);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 100_000)
        {
            return char.ToUpperInvariant(match.Groups[2].Value[0]) switch
            {
                'D' => NodaPeriod.FromDays(n),
                'W' => NodaPeriod.FromWeeks(n),
                'M' => NodaPeriod.FromMonths(n),
                _ => NodaPeriod.FromYears(n),
            };
        }

        if (text.StartsWith('P') && PeriodPattern.Roundtrip.Parse(text) is { Success: true } iso && IsPositive(iso.Value))
        {
            return iso.Value;
        }

        result.AddError($"--lookback: expected a positive window such as 90d (days), 12w (weeks), 3m (months) or 1y (years), or an ISO 8601 period such as P90D; got '{result.Tokens[0].Value}'.");
        return NodaPeriod.FromDays(90);
    }

    private static bool IsPositive(NodaPeriod period)
    {
        long[] units = [period.Years, period.Months, period.Weeks, period.Days, period.Hours, period.Minutes, period.Seconds, period.Milliseconds, period.Ticks, period.Nanoseconds];
        return units.All(u => u >= 0) && units.Any(u => u > 0);
    }

    private static Duration ParseHalfLife(ArgumentResult result)
    {
        string text = result.Tokens[0].Value.Trim();
        Match match = DaysOrHours().Match(text);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 1_000_000)
        {
            return char.ToUpperInvariant(match.Groups[2].Value[0]) == 'D' ? Duration.FromDays(n) : Duration.FromHours(n);
        }

        result.AddError($"--half-life: expected a positive whole number of days or hours such as 7d or 36h; got '{result.Tokens[0].Value}'.");
        return Duration.FromDays(7);
    }

    internal static DateTimeZone ParseTimeZone(ArgumentResult result)
    {
        string text = result.Tokens[0].Value.Trim();
        DateTimeZone? zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
        if (zone is not null)
        {
            return zone;
        }

        result.AddError($"--time-zone: expected an IANA time zone id such as UTC, Europe/Paris or America/New_York; got '{result.Tokens[0].Value}'.");
        return DateTimeZone.Utc;
    }

    [GeneratedRegex("^([0-9]+)([dDwWmMyY])$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeUnits();

    [GeneratedRegex("^([0-9]+)([dDhH])$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysOrHours();

    /// <summary>The parsed command line of <c>cx attribution</c>.</summary>
    internal sealed record Settings(
        MovementsCommand.Settings Revenue,
        string? EventsFile,
        string? JourneyFile,
        ExperienceEventFileOptions Events,
        string Model,
        NodaPeriod Lookback,
        Duration HalfLife,
        string Direction,
        DateTimeZone TimeZone)
    {
        /// <summary>Gets the --markov-allocation given, or null for the default (per-path).</summary>
        public string? MarkovAllocation { get; init; }

        /// <summary>Gets the --shapley-value given, or null for the default (conversion-rate).</summary>
        public string? ShapleyValue { get; init; }
    }
}
