using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.IO;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime.Text;

namespace Cx.Cli;

/// <summary><c>cx sample</c>: writes the sample company's revenue records as CSV (customer_id, date, amount, segment): the
/// shape <c>cx movements</c> reads, to look at or to try the tool on; with <c>--events</c> and <c>--journey</c> also its
/// experience events (CSV) and journey (JSON), the other two inputs of <c>cx attribution</c>; with <c>--standards</c> and
/// <c>--measurements</c> also the reliability standards (JSON) and measurements (CSV) that <c>cx reliability</c> reads; with
/// <c>--feedback</c> and <c>--taxonomy</c> also the feedback (CSV) and topic taxonomy (JSON) that <c>cx listening</c> reads.</summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter stdout)
    {
        var seed = new Option<ulong>("--seed")
        {
            Description = "The seed; the same seed gives the same data on any machine.",
            DefaultValueFactory = _ => SampleCompanyOptions.DefaultSeed,
        };
        var customers = new Option<int>("--customers")
        {
            Description = "How many customers the company has.",
            DefaultValueFactory = _ => new SampleCompanyOptions().CustomerCount,
            HelpName = "count",
        };
        customers.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n < 1 || n > SampleCompanyOptions.MaxCustomerCount)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--customers: expected 1 to {SampleCompanyOptions.MaxCustomerCount}, got {n}."));
            }
        });
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "file" };
        var events = new Option<string?>("--events")
        {
            Description = "Also write the sample's experience events to this file as CSV (customer_id,touchpoint,instant,outcome,channel), the shape cx attribution reads.",
            HelpName = "file",
        };
        var journey = new Option<string?>("--journey") { Description = "Also write the sample's journey framework to this file as JSON, the shape cx attribution reads.", HelpName = "file" };
        var standards = new Option<string?>("--standards")
        {
            Description = "Also write the sample's reliability standards to this file, as the JSON 'cx reliability --standards' reads. With --standards or --measurements, the revenue records are written only with --output.",
            HelpName = "file",
        };
        var measurements = new Option<string?>("--measurements")
        {
            Description = "Also write the sample's reliability measurements to this file, as the CSV 'cx reliability --measurements' reads: standard,instant,value.",
            HelpName = "file",
        };
        var scenarios = new Option<string?>("--scenarios")
        {
            Description = "Also write the reliability scenario suite (in control, sudden breaks, slow drifts, intermittent outages, single outliers at 5 to 500 events a day) to this folder: standards.json and measurements.csv, as 'cx reliability' reads them, and scenarios.csv, the labelled changes. With --scenarios, the revenue records are written only with --output.",
            HelpName = "folder",
        };
        var replicates = new Option<int>("--replicates")
        {
            Description = "How many scenarios of each kind and volume --scenarios writes (1 to 100).",
            DefaultValueFactory = _ => 1,
            HelpName = "count",
        };
        replicates.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n is < 1 or > 100)
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--replicates: expected 1 to 100, got {n}."));
            }
        });
        var feedback = new Option<string?>("--feedback")
        {
            Description = "Also write the sample's customer feedback to this file, as the CSV 'cx listening --input' reads (instant,source,kind,customer_id,stage,touchpoint,topics,sentiment,instrument,score,scale_min,scale_max,text). With --feedback, the revenue records are written only with --output.",
            HelpName = "file",
        };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Also write the sample's topic taxonomy to this file, as the JSON 'cx listening --taxonomy' reads.", HelpName = "file" };
        var command = new Command("sample", "Write the sample company's revenue records as CSV: customer_id,date,amount,segment; optionally its experience events and journey, and its reliability standards and measurements, too.")
        {
            seed, customers, output, events, journey, standards, measurements, feedback, taxonomy, scenarios, replicates,
        };
        command.SetAction(parse =>
        {
            var company = SampleCompany.Generate(new SampleCompanyOptions { Seed = parse.GetValue(seed), CustomerCount = parse.GetValue(customers) });
            if (parse.GetValue(journey) is { } journeyPath)
            {
                OutputFile.Write(journeyPath, stdout, writer => writer.Write(JourneyJson.Write(company.Journey).ReplaceLineEndings("\n") + "\n"));
            }

            if (parse.GetValue(events) is { } eventsPath)
            {
                OutputFile.Write(eventsPath, stdout, writer => WriteEvents(company, writer));
            }

            string? standardsFile = parse.GetValue(standards);
            string? measurementsFile = parse.GetValue(measurements);
            if (standardsFile is not null)
            {
                string json = ReliabilityStandardJson.Write(company.ReliabilityStandards);
                OutputFile.Write(standardsFile, stdout, writer => writer.Write(json.ReplaceLineEndings("\n") + "\n"));
            }

            if (measurementsFile is not null)
            {
                OutputFile.Write(measurementsFile, stdout, writer => WriteMeasurements(company.ReliabilityMeasurements, writer));
            }

            string? scenariosFolder = parse.GetValue(scenarios);
            if (scenariosFolder is not null)
            {
                WriteScenarios(scenariosFolder, parse.GetValue(seed), parse.GetValue(replicates), stdout);
            }

            string? feedbackFile = parse.GetValue(feedback);
            if (parse.GetValue(taxonomy) is { } taxonomyFile)
            {
                OutputFile.Write(taxonomyFile, stdout, writer => writer.Write(TopicTaxonomyJson.Write(company.FeedbackTaxonomy).ReplaceLineEndings("\n") + "\n"));
            }

            if (feedbackFile is not null)
            {
                OutputFile.Write(feedbackFile, stdout, writer => FeedbackFileReader.Write(company.Feedback, writer));
            }

            if (parse.GetValue(output) is not null || (standardsFile is null && measurementsFile is null && feedbackFile is null && scenariosFolder is null))
            {
                OutputFile.Write(parse.GetValue(output), stdout, writer => Write(company, writer));
            }
            return 0;
        });
        return command;
    }

    /// <summary>Writes the reliability scenario suite of a seed to a folder: its standards (JSON), measurements (CSV) and
    /// labelled changes (CSV).</summary>
    public static void WriteScenarios(string folder, ulong seed, int replicates, TextWriter stdout)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"--scenarios: cannot create the folder '{folder}': {ex.Message}", ex);
        }

        IReadOnlyList<ReliabilityScenario> suite = ReliabilityScenarios.Suite(seed, replicates);
        string json = ReliabilityStandardJson.Write(ReliabilityScenarios.Standards(suite));
        OutputFile.Write(Path.Combine(folder, "standards.json"), stdout, writer => writer.Write(json.ReplaceLineEndings("\n") + "\n"));
        OutputFile.Write(Path.Combine(folder, "measurements.csv"), stdout, writer => WriteMeasurements([.. suite.SelectMany(s => s.Measurements)], writer));
        OutputFile.Write(Path.Combine(folder, "scenarios.csv"), stdout, writer => writer.Write(ReliabilityScenarios.ChangesCsv(suite)));
    }

    /// <summary>Writes the revenue records as CSV with LF line ends and '.' as the decimal separator.</summary>
    public static void Write(SampleCompany company, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(company);
        var unit = MeasureUnit.ForCurrency(company.Currency);
        using CsvWriter csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(["customer_id", "date", "amount", "segment"]);
        foreach (AssetRecord record in company.RevenueRecords)
        {
            csv.WriteRecord([record.Customer.Value, InvariantText.Date(record.Date), unit.Format(record.Amount.MinorUnits), record.Segment]);
        }
    }

    /// <summary>Writes the experience events as CSV with LF line ends: instants in ISO 8601 UTC, outcomes in lower case,
    /// an empty channel for none.</summary>
    public static void WriteEvents(SampleCompany company, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(company);
        using CsvWriter csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(["customer_id", "touchpoint", "instant", "outcome", "channel"]);
        foreach (ExperienceEvent e in company.ExperienceEvents)
        {
            csv.WriteRecord([e.Customer.Value, e.TouchpointId, InstantPattern.ExtendedIso.Format(e.At), e.Outcome.ToString().ToLowerInvariant(), e.Channel ?? string.Empty]);
        }
    }

    /// <summary>Writes reliability measurements as CSV (standard, instant, value, and customer when any has one): instants
    /// ISO 8601 in UTC, values in their shortest round-trip form with '.' as the decimal separator, LF line ends.</summary>
    public static void WriteMeasurements(IReadOnlyList<ReliabilityMeasurement> measurements, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        bool customers = measurements.Any(m => m.Customer is not null);
        using CsvWriter csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
        csv.WriteHeader(customers ? ["standard", "instant", "value", "customer"] : ["standard", "instant", "value"]);
        foreach (ReliabilityMeasurement m in measurements)
        {
            string[] row = [m.SubjectId, InvariantText.Instant(m.At), InvariantText.Exact(m.Value)];
            csv.WriteRecord(customers ? [.. row, m.Customer?.Value ?? string.Empty] : row);
        }
    }
}
