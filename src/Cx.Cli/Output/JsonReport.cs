using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements as JSON: amounts as JSON numbers in major units with the currency's minor digits
/// (<c>1234.50</c>; contraction and churned negative), dates as ISO <c>yyyy-MM-dd</c>, indented, LF line ends.</summary>
/// <remarks>The shape is documented in <c>docs/cli.md</c> and pinned by a test; add properties, never rename them.</remarks>
internal static class JsonReport
{
    public static string Render(MovementsResult result)
    {
        AssetMovementReport report = result.Report;
        MeasureUnit unit = report.Unit;
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("currency", unit.Name);
            json.WriteString("grid", report.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("activityWindow", report.ActivityWindow);
            json.WriteNumber("excludedRecords", report.ExcludedRecordCount);
            json.WriteStartArray("periods");
            foreach (PeriodMovement p in report.Periods)
            {
                json.WriteStartObject();
                json.WriteString("period", p.Period.Label);
                json.WriteString("start", InvariantText.Date(p.Period.Start));
                json.WriteString("end", InvariantText.Date(p.Period.End));
                JsonOutput.Amount(json, unit, "opening", p.Opening);
                JsonOutput.Amount(json, unit, "closing", p.Closing);
                Class(json, unit, "new", p.New);
                Class(json, unit, "reactivated", p.Reactivated);
                Class(json, unit, "expansion", p.Expansion);
                Class(json, unit, "contraction", p.Contraction);
                Class(json, unit, "flat", p.Flat);
                Class(json, unit, "churned", p.Churned);
                json.WriteStartObject("customers");
                json.WriteNumber("active", p.Customers.ActiveCount);
                json.WriteNumber("incoming", p.Customers.IncomingCount);
                json.WriteNumber("lost", p.Customers.LostCount);
                JsonOutput.Amount(json, unit, "lostValue", p.Customers.LostValue);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Class(Utf8JsonWriter json, MeasureUnit unit, string name, MovementTotal total)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", total.CustomerCount);
        JsonOutput.Amount(json, unit, "value", total.Value);
        json.WriteEndObject();
    }
}
