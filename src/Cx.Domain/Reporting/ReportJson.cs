using System.Buffers;
using System.Text;
using System.Text.Json;
using Cx.Domain.Assets;

namespace Cx.Domain.Reporting;

/// <summary>What every JSON document of the renderers shares: indented UTF-8 with LF line ends and a final newline, and
/// amounts written as JSON numbers in major units with the unit's decimals (<c>1234.50</c>).</summary>
internal static class ReportJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static void Amount(Utf8JsonWriter json, MeasureUnit unit, string name, long units)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(unit.Format(units), skipInputValidation: true);
    }

    /// <summary>Writes a nullable share as a number or null.</summary>
    public static void Fraction(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
