using System.Globalization;
using CsvHelper;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>Reads a CSV file of reliability measurements (one row per event: standard or touchpoint, instant, value,
/// optional customer) with the line of every measurement and a problem for every row that cannot be read.</summary>
/// <remarks>
/// <para>Header names match as in <see cref="AmountCsvReader"/>: exactly, else ignoring case and surrounding white space.
/// Other columns are ignored; empty rows are skipped.</para>
/// <para>Instants are ISO 8601 with a UTC offset (<c>2025-04-10T08:30:00Z</c>, <c>2025-04-10T10:30:00+02:00</c>, optional
/// fractions of a second). Values use '.' as the decimal separator whatever the machine's culture, with an optional sign
/// and exponent and no thousands separators; blank, NaN and infinite values are problems, never dropped. Whether the
/// standard is known is the library's check (CX0513), mapped back to the line by the command.</para>
/// </remarks>
internal static class MeasurementCsvReader
{
    private const NumberStyles ValueStyle = NumberStyles.Float;

    public static ParsedMeasurements Read(Stream stream, string name, MeasurementCsvOptions options, ProgressReporter? progress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return AmountCsvReader.ReadCsv(stream, name, options.Separator, (readerOptions, malformed) => Read(stream, name, options, readerOptions, malformed, progress));
    }

    /// <summary>Parses an instant: ISO 8601 with a UTC offset ('Z' or +hh:mm), invariant culture.</summary>
    public static bool TryInstant(string? text, out Instant instant, out string? error)
    {
        instant = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the instant is empty; expected an ISO 8601 instant such as 2025-04-10T08:30:00Z.";
            return false;
        }

        ParseResult<OffsetDateTime> result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!result.Success)
        {
            error = $"expected an ISO 8601 instant with a UTC offset, such as 2025-04-10T08:30:00Z or 2025-04-10T10:30:00+02:00; got '{AmountCsvReader.Shorten(text)}'.";
            return false;
        }

        instant = result.Value.ToInstant();
        error = null;
        return true;
    }

    private static ParsedMeasurements Read(Stream stream, string name, MeasurementCsvOptions options, CsvReaderOptions readerOptions, Dictionary<long, CsvMalformedReason> malformed, ProgressReporter? progress)
    {
        using CsvReader reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        IReadOnlyList<string> headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new BadInputException(name, [new InputProblem(1, null, null, "the file is empty; expected a header line such as standard,instant,value, then one row per measurement.")], 1);
        }

        var missing = new List<InputProblem>();
        int standardIndex = Resolve(headers, options.StandardColumn, "--standard-column", missing);
        int instantIndex = Resolve(headers, options.InstantColumn, "--instant-column", missing);
        int valueIndex = Resolve(headers, options.ValueColumn, "--value-column", missing);
        int customerIndex = AmountCsvReader.Find(headers, options.CustomerColumn);
        if (customerIndex < 0 && options.CustomerRequired)
        {
            Resolve(headers, options.CustomerColumn, "--customer-column", missing);
        }

        if (missing.Count > 0)
        {
            throw new BadInputException(name, missing, missing.Count);
        }

        var input = new ParsedMeasurements(name, headers[standardIndex], headers[instantIndex], headers[valueIndex], customerIndex < 0 ? null : headers[customerIndex]) { Lines = [] };
        int headerCount = headers.Count;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            progress?.Report(reader.ByteOffset);
            if (!AmountCsvReader.IsReadableRow(reader, malformed, headerCount, options.Separator, out InputProblem? rowProblem))
            {
                if (rowProblem is not null)
                {
                    input.AddProblem(rowProblem);
                }

                continue;
            }

            string subject = reader.GetString(standardIndex)?.Trim() ?? string.Empty;
            bool ok = true;
            if (subject.Length == 0)
            {
                input.AddProblem(new InputProblem(line, null, input.StandardColumn, "the standard is empty; expected the id of a standard (or of a touchpoint with standards) from the standards file."));
                ok = false;
            }

            if (!TryInstant(reader.GetString(instantIndex), out Instant at, out string? instantError))
            {
                input.AddProblem(new InputProblem(line, null, input.InstantColumn, instantError!));
                ok = false;
            }

            if (!TryValue(reader.GetString(valueIndex), out double value, out string? valueError))
            {
                input.AddProblem(new InputProblem(line, null, input.ValueColumn, valueError!));
                ok = false;
            }

            CustomerId? customer = null;
            string? customerText = customerIndex < 0 ? null : reader.GetString(customerIndex)?.Trim();
            if (!string.IsNullOrEmpty(customerText))
            {
                if (CustomerId.TryFrom(customerText, out CustomerId id))
                {
                    customer = id;
                }
                else
                {
                    input.AddProblem(new InputProblem(line, null, input.CustomerColumn, $"'{AmountCsvReader.Shorten(customerText)}' is not a valid customer id; leave the field empty for a measurement without a customer."));
                    ok = false;
                }
            }

            if (ok)
            {
                input.Add(new ReliabilityMeasurement(subject, at, value, customer), line);
            }
        }

        progress?.Done();
        return input;
    }

    private static bool TryValue(string? text, out double value, out string? error)
    {
        value = 0;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the value is empty; expected a number such as 31.5.";
            return false;
        }

        if (!double.TryParse(text, ValueStyle, CultureInfo.InvariantCulture, out value))
        {
            error = $"expected a number with '.' as the decimal separator and no thousands separators or units, such as 31.5; got '{AmountCsvReader.Shorten(text)}'.";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"expected a finite number, got '{AmountCsvReader.Shorten(text)}'; NaN and infinities are never counted: fix or remove the measurement.";
            return false;
        }

        error = null;
        return true;
    }

    private static int Resolve(IReadOnlyList<string> headers, string wanted, string option, List<InputProblem> missing)
    {
        int index = AmountCsvReader.Find(headers, wanted);
        if (index < 0)
        {
            string existing = string.Join(", ", headers.Select(h => $"'{h}'"));
            missing.Add(new InputProblem(1, null, wanted, $"not found; the header has the columns {existing}. Name the right one with {option}."));
        }

        return index;
    }
}
