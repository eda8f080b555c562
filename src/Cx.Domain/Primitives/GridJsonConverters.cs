using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cx.Domain.Primitives;

/// <summary>Writes a <see cref="GridPeriod"/> as <c>{"label":"2024-03","start":"2024-03-01","end":"2024-03-31"}</c>:
/// what a reader needs, instead of the calendar metadata of every NodaTime date (thousands of characters per period).</summary>
/// <remarks>Periods are created by their grid, so reading is refused with a message that says how to get one.</remarks>
internal sealed class GridPeriodJsonConverter : JsonConverter<GridPeriod>
{
    public override GridPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A GridPeriod cannot be read from JSON: periods belong to a PeriodGrid. Read the label and dates, then take the period from the grid (grid.IndexOf(date)).");

    public override void Write(Utf8JsonWriter writer, GridPeriod value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("label", value.Label);
        writer.WriteString("start", GridJson.Date(value.Start));
        writer.WriteString("end", GridJson.Date(value.End));
        writer.WriteEndObject();
    }
}

/// <summary>Writes a <see cref="PeriodGrid"/> as its kind, first and last day and period count
/// (<c>{"kind":"monthly","start":"2024-01-01","end":"2024-12-31","periods":12}</c>), not every period.</summary>
internal sealed class PeriodGridJsonConverter : JsonConverter<PeriodGrid>
{
    public override PeriodGrid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A PeriodGrid cannot be read from JSON; build it with PeriodGrid.Monthly, Quarterly, Weekly, Daily or Custom.");

    public override void Write(Utf8JsonWriter writer, PeriodGrid value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", value.Kind.ToString().ToLowerInvariant());
        writer.WriteString("start", GridJson.Date(value.Start));
        writer.WriteString("end", GridJson.Date(value.End));
        writer.WriteNumber("periods", value.Count);
        writer.WriteEndObject();
    }
}

/// <summary>The date format of the grid converters: ISO <c>yyyy-MM-dd</c>.</summary>
internal static class GridJson
{
    public static string Date(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
