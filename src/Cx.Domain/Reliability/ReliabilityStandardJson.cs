using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.Reliability;

/// <summary>Reads and writes reliability standards as JSON (System.Text.Json, source-generated), with fields close to an
/// OpenSLO threshold objective: <c>op</c>, <c>value</c>, <c>target</c> and <c>timeWindow</c>.</summary>
/// <remarks>
/// <para>The document: <c>{"standards": [{"id", "touchpoint", "name", "metric", "unit", "op": "lte"|"gte", "value",
/// "target", "timeWindow": {"duration": "30d", "isRolling": true} or {"isRolling": false, "calendar": {"unit":
/// "day"|"week"|"month"|"quarter", "from": "2026-01-01", "to": "2026-12-31", "timeZone": "Europe/Paris"}} (a custom grid:
/// <c>"unit": "custom"</c> with <c>"periods": [{"from", "to"}, ...]</c>, every period written out),
/// "minimumEvents", "owner", "evidence": "events"|"aggregates", "baseline": {"mean", "sigma"} or {"from", "to"}}]}</c>.
/// Durations are OpenSLO-style (<c>30d</c>, <c>6h</c>, <c>2w</c>); instants are ISO 8601 in UTC
/// (<c>2026-01-01T00:00:00Z</c>); time zones are TZDB ids (UTC when absent).</para>
/// <para>A malformed document gives a <see cref="CxValidationException"/> (CX0511) naming the line and position; unreadable
/// fields are reported all together with their standard (CX0511), then the standards' own failures.</para>
/// </remarks>
public static class ReliabilityStandardJson
{
    private const string What = "reliability standards document";

    /// <summary>Parses standards from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="framework">The journey framework to check touchpoints against and take owners from, or null.</param>
    /// <returns>The validated set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed or a standard is invalid; every failure is listed.</exception>
    public static ReliabilityStandardSet Parse(string json, JourneyFramework? framework = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (JsonText.InvalidUtf16(json) is { } invalid)
        {
            throw Malformed("Malformed JSON at " + invalid);
        }

        StandardsDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, ReliabilityJsonContext.Default.StandardsDocument);
        }
        catch (JsonException e)
        {
            throw Malformed(JsonErrors.Describe(e));
        }

        if (document?.Standards is null)
        {
            throw Malformed("Expected an object with a 'standards' array, got none.");
        }

        var failures = new FailureCollector();
        var standards = new List<ReliabilityStandard>();
        for (int i = 0; i < document.Standards.Count; i++)
        {
            StandardDocument? d = document.Standards[i];
            string subject = string.Create(CultureInfo.InvariantCulture, $"standards[{i}]{(d?.Id is { } id ? " '" + id + "'" : string.Empty)}");
            if (d is null)
            {
                failures.Add(null, subject, "standard", CxErrorCodes.StandardsJsonMalformed, "Expected a standard object, got null.");
                continue;
            }

            var local = new FailureCollector();
            ThresholdComparison comparison = d.Op?.Trim().ToUpperInvariant() switch
            {
                "LTE" => ThresholdComparison.AtMost,
                "GTE" => ThresholdComparison.AtLeast,
                _ => ThresholdComparison.Unknown,
            };
            if (comparison == ThresholdComparison.Unknown)
            {
                local.Add(null, subject, "op", CxErrorCodes.StandardKindInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected op 'lte' (at most) or 'gte' (at least), got '{d.Op}'."));
            }

            EvidenceKind evidence = d.Evidence?.Trim().ToUpperInvariant() switch
            {
                null or "EVENTS" => EvidenceKind.Events,
                "AGGREGATES" => EvidenceKind.PeriodAggregates,
                _ => EvidenceKind.Unknown,
            };
            if (evidence == EvidenceKind.Unknown)
            {
                local.Add(null, subject, "evidence", CxErrorCodes.StandardKindInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected evidence 'events' or 'aggregates', got '{d.Evidence}'."));
            }

            if (d.Value is null || d.Target is null)
            {
                local.Add(null, subject, d.Value is null ? "value" : "target", CxErrorCodes.StandardsJsonMalformed, "Expected both a threshold 'value' and an objective 'target' (such as 0.95), got none.");
            }

            EvaluationWindow? window = ReadWindow(d.TimeWindow, subject, local);
            (DriftBaseline? baseline, Interval? reference) = ReadBaseline(d.Baseline, subject, local);
            if (local.Any)
            {
                foreach (CxValidationFailure f in local.ToException(What).Failures)
                {
                    failures.Add(f);
                }

                continue;
            }

            try
            {
                standards.Add(ReliabilityStandard.Create(new ReliabilityStandardDefinition
                {
                    Id = d.Id!, TouchpointId = d.Touchpoint!, Name = d.Name!, Metric = d.Metric!, Unit = d.Unit ?? string.Empty, Comparison = comparison,
                    Threshold = d.Value!.Value, Objective = d.Target!.Value, Window = window!, MinimumEvents = d.MinimumEvents ?? 1, Owner = d.Owner,
                    Evidence = evidence, Baseline = baseline, ReferenceInterval = reference,
                }));
            }
            catch (CxValidationException e)
            {
                foreach (CxValidationFailure f in e.Failures)
                {
                    failures.Add(null, subject, f.Field, f.ErrorCode, f.Message);
                }
            }
        }

        failures.ThrowIfAny(What);
        return ReliabilityStandardSet.Create(standards, framework);
    }

    /// <summary>Reads standards from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="framework">The journey framework, or null.</param>
    /// <returns>The validated set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="CxValidationException">The document is malformed or a standard is invalid.</exception>
    public static ReliabilityStandardSet Read(Stream utf8Json, JourneyFramework? framework = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return JsonText.TryRead(utf8Json, out string json, out string? problem) ? Parse(json, framework) : throw Malformed("Malformed JSON at " + problem);
    }

    /// <summary>Writes standards as indented JSON; <see cref="Parse"/> reads it back to equal standards.</summary>
    /// <param name="standards">The standards.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standards"/> is null.</exception>
    public static string Write(ReliabilityStandardSet standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        var document = new StandardsDocument
        {
            Standards = [.. standards.Standards.Select(s => (StandardDocument?)new StandardDocument
            {
                Id = s.Id,
                Touchpoint = s.TouchpointId,
                Name = s.Name,
                Metric = s.Metric,
                Unit = s.Unit,
                Op = s.Comparison == ThresholdComparison.AtMost ? "lte" : "gte",
                Value = s.Threshold,
                Target = s.Objective,
                TimeWindow = s.Window.Kind == EvaluationWindowKind.Rolling
                    ? new TimeWindowDocument { Duration = DurationText.Format(s.Window.Length), IsRolling = true }
                    : new TimeWindowDocument
                    {
                        IsRolling = false,
                        Calendar = WriteCalendar(s.Window.Grid!, s.Window.Zone!),
                    },
                MinimumEvents = s.MinimumEvents,
                Owner = s.Owner,
                Evidence = s.Evidence == EvidenceKind.Events ? null : "aggregates",
                Baseline = s.Baseline is { } b ? new BaselineDocument { Mean = b.Mean, Sigma = b.Sigma }
                    : s.ReferenceInterval is { } r ? new BaselineDocument { From = InstantPattern.ExtendedIso.Format(r.Start), To = InstantPattern.ExtendedIso.Format(r.End) }
                    : null,
            })],
        };
        return JsonSerializer.Serialize(document, ReliabilityJsonContext.Default.StandardsDocument);
    }

    /// <summary>Writes a calendar window faithfully: a regular grid by its unit and first and last day, a custom grid
    /// period by period (never as another unit, which would read back as a different grid).</summary>
    private static CalendarDocument WriteCalendar(PeriodGrid grid, DateTimeZone zone) => new()
    {
        Unit = grid.Kind switch
        {
            PeriodGridKind.Daily => "day",
            PeriodGridKind.Weekly => "week",
            PeriodGridKind.Monthly => "month",
            PeriodGridKind.Quarterly => "quarter",
            _ => "custom",
        },
        From = PeriodGrid.FormatDate(grid.Start),
        To = PeriodGrid.FormatDate(grid.End),
        Periods = grid.IsRegular ? null : [.. grid.Periods.Select(p => (PeriodDocument?)new PeriodDocument { From = PeriodGrid.FormatDate(p.Start), To = PeriodGrid.FormatDate(p.End) })],
        TimeZone = zone.Id,
    };

    private static EvaluationWindow? ReadWindow(TimeWindowDocument? w, string subject, FailureCollector failures)
    {
        if (w is null)
        {
            failures.Add(null, subject, "timeWindow", CxErrorCodes.StandardWindowInvalid, "Expected a timeWindow, such as {\"duration\": \"30d\", \"isRolling\": true}, got none.");
            return null;
        }

        if (w.IsRolling != false)
        {
            if (!DurationText.TryParse(w.Duration, out Duration length) || length < Duration.FromHours(1))
            {
                failures.Add(null, subject, "timeWindow.duration", CxErrorCodes.StandardWindowInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a rolling duration of at least one hour such as '30d', '4w' or '72h', got '{w.Duration}'."));
                return null;
            }

            if (length > SupportedRange.MaxDuration)
            {
                failures.Add(null, subject, "timeWindow.duration", CxErrorCodes.DurationOutOfRange, TimeRangeText.DurationMessage(length, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a rolling duration ('{w.Duration}')")));
                return null;
            }

            return EvaluationWindow.Rolling(length);
        }

        if (string.Equals(w.Calendar?.Unit?.Trim(), "custom", StringComparison.OrdinalIgnoreCase))
        {
            return ReadCustomCalendar(w.Calendar!, subject, failures);
        }

        CalendarDocument? c = w.Calendar;
        DateTimeZone? zone = c?.TimeZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZone);
        ParseResult<LocalDate>? from = c?.From is null ? null : LocalDatePattern.Iso.Parse(c.From);
        ParseResult<LocalDate>? to = c?.To is null ? null : LocalDatePattern.Iso.Parse(c.To);
        if (c is null || zone is null || from is not { Success: true } || to is not { Success: true } || to.Value < from.Value)
        {
            failures.Add(null, subject, "timeWindow.calendar", CxErrorCodes.StandardWindowInvalid,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a calendar with unit, from and to dates (yyyy-MM-dd, from <= to) and a TZDB time zone, got unit '{c?.Unit}', from '{c?.From}', to '{c?.To}', zone '{c?.TimeZone}'."));
            return null;
        }

        try
        {
            PeriodGrid? grid = c.Unit?.Trim().ToUpperInvariant() switch
            {
                "DAY" => PeriodGrid.Daily(from.Value, to.Value),
                "WEEK" => PeriodGrid.Weekly(from.Value, to.Value, from.Value.DayOfWeek),
                "MONTH" => PeriodGrid.Monthly(from.Value, to.Value),
                "QUARTER" => PeriodGrid.Quarterly(from.Value, to.Value),
                _ => null,
            };
            if (grid is null)
            {
                failures.Add(null, subject, "timeWindow.calendar.unit", CxErrorCodes.StandardWindowInvalid, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a calendar unit of day, week, month or quarter, got '{c.Unit}'."));
                return null;
            }

            return EvaluationWindow.Calendar(grid, zone);
        }
        catch (ArgumentException e)
        {
            failures.Add(null, subject, "timeWindow.calendar", CodeOf(e), MessageOf(e));
            return null;
        }
    }

    /// <summary>Reads a custom calendar: <c>{"unit": "custom", "periods": [{"from", "to"}, ...], "timeZone"}</c>, the
    /// contiguous periods of a <see cref="PeriodGridKind.Custom"/> grid.</summary>
    private static EvaluationWindow? ReadCustomCalendar(CalendarDocument c, string subject, FailureCollector failures)
    {
        DateTimeZone? zone = c.TimeZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.TimeZone);
        var intervals = new List<DateInterval>();
        for (int i = 0; c.Periods is not null && i < c.Periods.Count; i++)
        {
            PeriodDocument? p = c.Periods[i];
            ParseResult<LocalDate>? from = p?.From is null ? null : LocalDatePattern.Iso.Parse(p.From);
            ParseResult<LocalDate>? to = p?.To is null ? null : LocalDatePattern.Iso.Parse(p.To);
            if (from is not { Success: true } || to is not { Success: true } || to.Value < from.Value)
            {
                failures.Add(null, subject, string.Create(CultureInfo.InvariantCulture, $"timeWindow.calendar.periods[{i}]"), CxErrorCodes.StandardWindowInvalid,
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a period with from and to dates (yyyy-MM-dd, from <= to), got from '{p?.From}', to '{p?.To}'."));
                return null;
            }

            intervals.Add(new DateInterval(from.Value, to.Value));
        }

        if (zone is null || intervals.Count == 0)
        {
            failures.Add(null, subject, "timeWindow.calendar", CxErrorCodes.StandardWindowInvalid,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a custom calendar with at least one period {{\"from\", \"to\"}} and a TZDB time zone, got {intervals.Count} periods and zone '{c.TimeZone}'."));
            return null;
        }

        try
        {
            return EvaluationWindow.Calendar(PeriodGrid.Custom(intervals), zone);
        }
        catch (ArgumentException e)
        {
            failures.Add(null, subject, "timeWindow.calendar.periods", CodeOf(e), MessageOf(e));
            return null;
        }
    }

    /// <summary>A grid refuses dates outside the supported range of time with <see cref="ArgumentOutOfRangeException"/>
    /// (CX0114) and other unusable calendars with <see cref="ArgumentException"/> (CX0507).</summary>
    private static string CodeOf(ArgumentException e) => e is ArgumentOutOfRangeException ? CxErrorCodes.TimeOutOfRange : CxErrorCodes.StandardWindowInvalid;

    /// <summary>The exception's own sentence, without the " (Parameter 'x')" the BCL appends.</summary>
    private static string MessageOf(ArgumentException e) =>
        e.ParamName is { } name && e.Message.EndsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (Parameter '{name}')"), StringComparison.Ordinal)
            ? e.Message[..^string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (Parameter '{name}')").Length]
            : e.Message;

    private static (DriftBaseline?, Interval?) ReadBaseline(BaselineDocument? b, string subject, FailureCollector failures)
    {
        if (b is null)
        {
            return (null, null);
        }

        if (b.Mean is { } mean && b.Sigma is { } sigma && b.From is null && b.To is null)
        {
            if (!double.IsFinite(mean) || !(sigma > 0) || !double.IsFinite(sigma))
            {
                failures.Add(null, subject, "baseline", CxErrorCodes.DriftSettingsInvalid, string.Create(CultureInfo.InvariantCulture, $"Expected a finite baseline mean and a positive finite sigma, got {mean} and {sigma}."));
                return (null, null);
            }

            return (DriftBaseline.FromMeanAndSigma(mean, sigma), null);
        }

        ParseResult<Instant>? from = b.From is null ? null : InstantPattern.ExtendedIso.Parse(b.From);
        ParseResult<Instant>? to = b.To is null ? null : InstantPattern.ExtendedIso.Parse(b.To);
        if (b.Mean is null && b.Sigma is null && from is { Success: true } && to is { Success: true } && from.Value < to.Value)
        {
            return (null, new Interval(from.Value, to.Value));
        }

        failures.Add(null, subject, "baseline", CxErrorCodes.DriftSettingsInvalid,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a baseline {{\"mean\", \"sigma\"}} or a reference interval {{\"from\", \"to\"}} of ISO instants such as 2026-01-01T00:00:00Z (from before to), got mean '{b.Mean}', sigma '{b.Sigma}', from '{b.From}', to '{b.To}'."));
        return (null, null);
    }

    private static CxValidationException Malformed(string message)
    {
        var failures = new FailureCollector();
        failures.Add(null, What, "document", CxErrorCodes.StandardsJsonMalformed, message);
        return failures.ToException(What);
    }
}

internal sealed class StandardsDocument
{
    public List<StandardDocument?>? Standards { get; set; }
}

internal sealed class StandardDocument
{
    public string? Id { get; set; }

    public string? Touchpoint { get; set; }

    public string? Name { get; set; }

    public string? Metric { get; set; }

    public string? Unit { get; set; }

    public string? Op { get; set; }

    public double? Value { get; set; }

    public double? Target { get; set; }

    public TimeWindowDocument? TimeWindow { get; set; }

    public int? MinimumEvents { get; set; }

    public string? Owner { get; set; }

    public string? Evidence { get; set; }

    public BaselineDocument? Baseline { get; set; }
}

internal sealed class TimeWindowDocument
{
    public string? Duration { get; set; }

    public bool? IsRolling { get; set; }

    public CalendarDocument? Calendar { get; set; }
}

internal sealed class CalendarDocument
{
    public string? Unit { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? TimeZone { get; set; }

    public List<PeriodDocument?>? Periods { get; set; }
}

internal sealed class PeriodDocument
{
    public string? From { get; set; }

    public string? To { get; set; }
}

internal sealed class BaselineDocument
{
    public double? Mean { get; set; }

    public double? Sigma { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StandardsDocument))]
internal sealed partial class ReliabilityJsonContext : JsonSerializerContext
{
}
