using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Cx.Cli.Output;
using Cx.Domain.Assets;
using Cx.Domain.Samples;

namespace Cx.Cli;

/// <summary><c>cx sample</c>: writes the sample company's revenue records as CSV (customer_id, date, amount, segment): the
/// shape <c>cx movements</c> reads, to look at or to try the tool on.</summary>
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
        var command = new Command("sample", "Write the sample company's revenue records as CSV: customer_id,date,amount,segment.") { seed, customers, output };
        command.SetAction(parse =>
        {
            var company = SampleCompany.Generate(new SampleCompanyOptions { Seed = parse.GetValue(seed), CustomerCount = parse.GetValue(customers) });
            OutputFile.Write(parse.GetValue(output), stdout, writer => Write(company, writer));
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
}
