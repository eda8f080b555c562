using System.Globalization;
using CsvHelper;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>Reads a CSV file of experience events (one row per customer meeting a touchpoint) with the line of every
/// event and a problem for every row that cannot be read. CsvHelper does the CSV; this class maps columns, the same way
/// <see cref="AmountCsvReader"/> does.</summary>
/// <remarks>Instants are ISO 8601 with <c>Z</c> or an offset (<c>2024-03-05T14:30:00Z</c>, <c>2024-03-05T15:30:00+01:00</c>,
/// fractions of a second allowed); outcomes are <c>reliable</c>, <c>unreliable</c> or <c>unknown</c> (any case); an empty
/// channel means none. Touchpoint ids and customers are checked by the library against the journey and the revenue.</remarks>
internal static class EventCsvReader
{
    private static readonly OffsetDateTimePattern InstantPattern = OffsetDateTimePattern.ExtendedIso;

    public static ParsedEvents Read(Stream stream, string name, EventCsvOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return AmountCsvReader.ReadCsv(stream, name, options.Separator, (readerOptions, malformed) => Read(stream, name, options, readerOptions, malformed));
    }

    /// <summary>Parses an instant: ISO 8601 with <c>Z</c> or an offset.</summary>
    public static bool TryInstant(string? text, out Instant instant, out string? error)
    {
        instant = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the instant is empty; expected an ISO 8601 instant such as 2024-03-05T14:30:00Z.";
            return false;
        }

        ParseResult<OffsetDateTime> result = InstantPattern.Parse(text);
        if (!result.Success)
        {
            error = $"expected an ISO 8601 instant with Z or an offset, such as 2024-03-05T14:30:00Z or 2024-03-05T15:30:00+01:00; got '{AmountCsvReader.Shorten(text)}'.";
            return false;
        }

        instant = result.Value.ToInstant();
        error = null;
        return true;
    }

    /// <summary>Parses an outcome: reliable, unreliable or unknown, in any case.</summary>
    public static bool TryOutcome(string? text, out ExperienceOutcome outcome, out string? error)
    {
        text = text?.Trim() ?? string.Empty;
        outcome = text.ToUpperInvariant() switch
        {
            "RELIABLE" => ExperienceOutcome.Reliable,
            "UNRELIABLE" => ExperienceOutcome.Unreliable,
            "UNKNOWN" => ExperienceOutcome.Unknown,
            _ => (ExperienceOutcome)(-1),
        };
        if ((int)outcome >= 0)
        {
            error = null;
            return true;
        }

        outcome = ExperienceOutcome.Unknown;
        error = text.Length == 0
            ? "the outcome is empty; expected reliable, unreliable or unknown."
            : $"expected an outcome of reliable, unreliable or unknown; got '{AmountCsvReader.Shorten(text)}'.";
        return false;
    }

    private static ParsedEvents Read(Stream stream, string name, EventCsvOptions options, CsvReaderOptions readerOptions, Dictionary<long, CsvMalformedReason> malformed)
    {
        using CsvReader reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        IReadOnlyList<string> headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new BadInputException(name, [new InputProblem(1, null, null, "the file is empty; expected a header line such as customer_id,touchpoint,instant,outcome,channel, then one row per event.")], 1);
        }

        var missing = new List<InputProblem>();
        int customerIndex = AmountCsvReader.Resolve(headers, options.CustomerColumn, "--event-customer-column", missing);
        int touchpointIndex = AmountCsvReader.Resolve(headers, options.TouchpointColumn, "--touchpoint-column", missing);
        int instantIndex = AmountCsvReader.Resolve(headers, options.InstantColumn, "--instant-column", missing);
        int outcomeIndex = AmountCsvReader.Resolve(headers, options.OutcomeColumn, "--outcome-column", missing);
        int channelIndex = AmountCsvReader.Find(headers, options.ChannelColumn);
        if (channelIndex < 0 && options.ChannelRequired)
        {
            AmountCsvReader.Resolve(headers, options.ChannelColumn, "--channel-column", missing);
        }

        if (missing.Count > 0)
        {
            throw new BadInputException(name, missing, missing.Count);
        }

        var events = new ParsedEvents(name, headers[customerIndex], headers[touchpointIndex], headers[instantIndex], headers[outcomeIndex], channelIndex < 0 ? null : headers[channelIndex]) { Lines = [] };
        int headerCount = headers.Count;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            if (!AmountCsvReader.IsReadableRow(reader, malformed, headerCount, options.Separator, out InputProblem? rowProblem))
            {
                if (rowProblem is not null)
                {
                    events.AddProblem(rowProblem);
                }

                continue;
            }

            bool ok = TryInstant(reader.GetString(instantIndex), out Instant at, out string? instantError);
            if (!ok)
            {
                events.AddProblem(new InputProblem(line, null, events.InstantColumn, instantError!));
            }

            if (!TryOutcome(reader.GetString(outcomeIndex), out ExperienceOutcome outcome, out string? outcomeError))
            {
                events.AddProblem(new InputProblem(line, null, events.OutcomeColumn, outcomeError!));
                ok = false;
            }

            if (ok)
            {
                // A blank id becomes the empty id, and an unknown touchpoint stays as written: the library rejects both
                // with its own messages (CX0101, unknown touchpoint), which are mapped back to this line.
                CustomerId.TryFrom(reader.GetString(customerIndex), out CustomerId customer);
                string touchpoint = reader.GetString(touchpointIndex)?.Trim() ?? string.Empty;
                string? channel = channelIndex < 0 ? null : reader.GetString(channelIndex)?.Trim();
                events.Add(new ExperienceEvent(customer, touchpoint, at, outcome, string.IsNullOrEmpty(channel) ? null : channel), line);
            }
        }

        return events;
    }
}
