using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cx.Domain.Assets;

/// <summary>Writes a <see cref="MeasureUnit"/> as <c>{"name":"USD","decimalPlaces":2,"isMoney":true}</c>.</summary>
internal sealed class MeasureUnitJsonConverter : JsonConverter<MeasureUnit>
{
    public override MeasureUnit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A MeasureUnit cannot be read from JSON; create it with MeasureUnit.ForCurrency or MeasureUnit.Quantity.");

    public override void Write(Utf8JsonWriter writer, MeasureUnit value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("name", value.Name);
        writer.WriteNumber("decimalPlaces", value.DecimalPlaces);
        writer.WriteBoolean("isMoney", value.IsMoney);
        writer.WriteEndObject();
    }
}
