using System.Globalization;
using CsvHelper;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements as CSV: a header, then one row per period with the figures of the JSON output
/// flattened (<c>new_count</c>, <c>new_value</c>, ...), amounts in major units with '.' as the decimal separator, LF
/// line ends.</summary>
internal static class CsvReport
{
    public static readonly string[] Header =
    [
        "period", "start", "end", "currency", "opening", "closing",
        "new_count", "new_value", "reactivated_count", "reactivated_value", "expansion_count", "expansion_value",
        "contraction_count", "contraction_value", "flat_count", "flat_value", "churned_count", "churned_value",
        "active_customers", "incoming_customers", "lost_customers", "lost_value",
    ];

    public static string Render(MovementsResult result)
    {
        AssetMovementReport report = result.Report;
        MeasureUnit unit = report.Unit;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (CsvWriter csv = CsvWriter.Create(text, CsvWriterOptions.Default with { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (PeriodMovement p in report.Periods)
            {
                csv.WriteRecord(
                [
                    p.Period.Label, InvariantText.Date(p.Period.Start), InvariantText.Date(p.Period.End), unit.Name, unit.Format(p.Opening), unit.Format(p.Closing),
                    InvariantText.Count(p.New.CustomerCount), unit.Format(p.New.Value),
                    InvariantText.Count(p.Reactivated.CustomerCount), unit.Format(p.Reactivated.Value),
                    InvariantText.Count(p.Expansion.CustomerCount), unit.Format(p.Expansion.Value),
                    InvariantText.Count(p.Contraction.CustomerCount), unit.Format(p.Contraction.Value),
                    InvariantText.Count(p.Flat.CustomerCount), unit.Format(p.Flat.Value),
                    InvariantText.Count(p.Churned.CustomerCount), unit.Format(p.Churned.Value),
                    InvariantText.Count(p.Customers.ActiveCount), InvariantText.Count(p.Customers.IncomingCount),
                    InvariantText.Count(p.Customers.LostCount), unit.Format(p.Customers.LostValue),
                ]);
            }
        }

        return text.ToString();
    }
}
