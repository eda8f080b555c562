using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reporting;

/// <summary><c>System.Text.Json</c> settings for serializing any Cx.Domain result as it is: camel-case names and the
/// NodaTime values as ISO 8601 text (instants, durations, dates, periods, time zones, intervals) instead of their
/// calendar metadata.</summary>
/// <remarks>
/// <para>For the documented, stable documents use the renderers' <c>ToJson()</c> (<see cref="AssetMovementRenderer"/>,
/// <see cref="AttributionRenderer"/>, ...). <see cref="CreateOptions"/> is for the rest: a quick dump of a result object in a
/// notebook or a log, <c>JsonSerializer.Serialize(result, CxJson.CreateOptions())</c>. Grid periods, grids and units are compact
/// with or without these options (<c>{"label":"2024-03","start":"2024-03-01","end":"2024-03-31"}</c>).</para>
/// <para>Writing only: the results are created by the calculators, not read back.</para>
/// </remarks>
public static class CxJson
{
    /// <summary>Creates the options: camel case (the web defaults), NodaTime values as ISO 8601 strings, not indented.</summary>
    /// <returns>New options, yours to change (they become read-only once a serializer has used them).</returns>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters =
            {
                new PatternConverter<Instant>(InstantPattern.ExtendedIso),
                new PatternConverter<LocalDate>(LocalDatePattern.Iso),
                new PatternConverter<LocalDateTime>(LocalDateTimePattern.ExtendedIso),
                new PatternConverter<Offset>(OffsetPattern.GeneralInvariant),
                new PatternConverter<NodaTime.Period>(PeriodPattern.Roundtrip),
                new DurationConverter(),
                new TimeZoneConverter(),
                new DateIntervalConverter(),
                new IntervalConverter(),
            },
        };
        return options;
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            pattern.Parse(reader.GetString() ?? string.Empty).Value;

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class DurationConverter : JsonConverter<Duration>
    {
        public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("CxJson writes durations as ISO 8601 (P2DT4H); it does not read them.");

        public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) => writer.WriteStringValue(ReportText.IsoDuration(value));
    }

    private sealed class TimeZoneConverter : JsonConverter<DateTimeZone>
    {
        public override DateTimeZone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeZoneProviders.Tzdb[reader.GetString() ?? "UTC"];

        public override void Write(Utf8JsonWriter writer, DateTimeZone value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
    }

    private sealed class DateIntervalConverter : JsonConverter<DateInterval>
    {
        public override DateInterval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("CxJson writes date intervals; it does not read them.");

        public override void Write(Utf8JsonWriter writer, DateInterval value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("start", LocalDatePattern.Iso.Format(value.Start));
            writer.WriteString("end", LocalDatePattern.Iso.Format(value.End));
            writer.WriteEndObject();
        }
    }

    private sealed class IntervalConverter : JsonConverter<Interval>
    {
        public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("CxJson writes intervals; it does not read them.");

        public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            if (value.HasStart)
            {
                writer.WriteString("start", InstantPattern.ExtendedIso.Format(value.Start));
            }

            if (value.HasEnd)
            {
                writer.WriteString("end", InstantPattern.ExtendedIso.Format(value.End));
            }

            writer.WriteEndObject();
        }
    }
}
