using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime.Text;

namespace Cx.Cli;

/// <summary><c>cx sample</c>: writes the sample company's revenue records as CSV (customer_id, date, amount, segment): the
/// shape <c>cx movements</c> reads, to look at or to try the tool on; with <c>--events</c> and <c>--journey</c> also its
/// experience events (CSV) and journey (JSON), the other two inputs of <c>cx attribution</c>; with <c>--standards</c> and
/// <c>--measurements</c> also the reliability standards (JSON) and measurements (CSV) that <c>cx reliability</c> reads.</summary>
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
        var command = new Command("sample", "Write the sample company's revenue records as CSV: customer_id,date,amount,segment; optionally its experience events and journey, and its reliability standards and measurements, too.")
        {
            seed, customers, output, events, journey, standards, measurements,
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

            if (parse.GetValue(output) is not null || (standardsFile is null && measurementsFile is null))
            {
                OutputFile.Write(parse.GetValue(output), stdout, writer => Write(company, writer));
            }
            return 0;
        });
        return command;
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
