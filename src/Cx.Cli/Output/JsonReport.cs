using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;

namespace Cx.Cli.Output;

/// <summary>Renders the movements as JSON: every figure of the library's report, amounts as exact decimal numbers in
/// major units (<c>1234.50</c>), dates as ISO <c>yyyy-MM-dd</c>, property names in camelCase, indented, LF line ends.</summary>
/// <remarks>The shape is documented in <c>docs/cli.md</c> and pinned by a test; add properties, never rename them.</remarks>
internal static class JsonReport
{
    public static string Render(MovementsResult result)
    {
        AssetMovementReport report = result.Report;
        MeasureUnit unit = report.Unit;
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("input", result.Input);
            json.WriteString("unit", unit.Name);
            json.WriteStartObject("grid");
            json.WriteString("kind", report.Grid.Kind.ToString().ToLowerInvariant());
            json.WriteString("start", InvariantText.Date(report.Grid.Start));
            json.WriteString("end", InvariantText.Date(report.Grid.End));
            json.WriteNumber("periodCount", report.Grid.Count);
            json.WriteEndObject();
            json.WriteNumber("activityWindow", report.ActivityWindow);
            json.WriteNumber("records", result.RecordCount);
            json.WriteNumber("excludedRecords", report.ExcludedRecordCount);
            json.WriteNumber("flooredCells", report.FlooredCellCount);
            json.WriteNumber("customers", report.CustomerCount);
            json.WriteStartArray("periods");
            foreach (PeriodMovement p in report.Periods)
            {
                json.WriteStartObject();
                json.WriteString("period", p.Period.Label);
                json.WriteString("start", InvariantText.Date(p.Period.Start));
                json.WriteString("end", InvariantText.Date(p.Period.End));
                Amount(json, unit, "opening", p.Opening);
                Class(json, unit, "new", p.New);
                Class(json, unit, "reactivated", p.Reactivated);
                Class(json, unit, "expansion", p.Expansion);
                Class(json, unit, "contraction", p.Contraction);
                Class(json, unit, "flat", p.Flat);
                Class(json, unit, "churned", p.Churned);
                Amount(json, unit, "closing", p.Closing);
                Amount(json, unit, "netChange", p.NetChange);
                CustomerActivity c = p.Customers;
                json.WriteStartObject("customers");
                json.WriteNumber("openingActive", c.OpeningActiveCount);
                json.WriteNumber("active", c.ActiveCount);
                json.WriteNumber("incomingNew", c.IncomingNewCount);
                json.WriteNumber("incomingReturning", c.IncomingReturningCount);
                Amount(json, unit, "incomingValue", c.IncomingValue);
                json.WriteNumber("lost", c.LostCount);
                Amount(json, unit, "lostValue", c.LostValue);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Class(Utf8JsonWriter json, MeasureUnit unit, string name, MovementTotal total)
    {
        json.WriteStartObject(name);
        json.WriteNumber("customers", total.CustomerCount);
        Amount(json, unit, "value", total.Value);
        json.WriteEndObject();
    }

    private static void Amount(Utf8JsonWriter json, MeasureUnit unit, string name, long units)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(unit.Format(units), skipInputValidation: true);
    }
}
