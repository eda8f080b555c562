using System.Globalization;
using CsvHelper;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements as CSV: a header, then one row per period, amounts in major units with the unit's
/// decimals and '.' as the decimal separator, LF line ends.</summary>
internal static class CsvReport
{
    public static readonly string[] Header =
    [
        "period", "start", "end", "unit", "opening",
        "new_customers", "new_value", "reactivated_customers", "reactivated_value",
        "expansion_customers", "expansion_value", "contraction_customers", "contraction_value",
        "flat_customers", "churned_customers", "churned_value", "closing", "net_change",
        "opening_active_customers", "active_customers", "incoming_new_customers", "incoming_returning_customers",
        "incoming_value", "lost_customers", "lost_value",
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
                CustomerActivity c = p.Customers;
                csv.WriteRecord(
                [
                    p.Period.Label, InvariantText.Date(p.Period.Start), InvariantText.Date(p.Period.End), unit.Name, unit.Format(p.Opening),
                    InvariantText.Count(p.New.CustomerCount), unit.Format(p.New.Value), InvariantText.Count(p.Reactivated.CustomerCount), unit.Format(p.Reactivated.Value),
                    InvariantText.Count(p.Expansion.CustomerCount), unit.Format(p.Expansion.Value), InvariantText.Count(p.Contraction.CustomerCount), unit.Format(p.Contraction.Value),
                    InvariantText.Count(p.Flat.CustomerCount), InvariantText.Count(p.Churned.CustomerCount), unit.Format(p.Churned.Value), unit.Format(p.Closing), unit.Format(p.NetChange),
                    InvariantText.Count(c.OpeningActiveCount), InvariantText.Count(c.ActiveCount), InvariantText.Count(c.IncomingNewCount), InvariantText.Count(c.IncomingReturningCount),
                    unit.Format(c.IncomingValue), InvariantText.Count(c.LostCount), unit.Format(c.LostValue),
                ]);
            }
        }

        return text.ToString();
    }

}
