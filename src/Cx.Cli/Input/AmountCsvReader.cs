using System.Globalization;
using CsvHelper;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Input;

/// <summary>Reads a CSV file of dated amounts (one row per purchase, invoice line or refund) into asset records, with the
/// line of every record and a problem for every row that cannot be read. CsvHelper does the CSV; this class maps columns.</summary>
/// <remarks>
/// <para>Header names match exactly, else ignoring case and surrounding white space. Other columns are ignored.
/// Empty rows (also rows of separators only) are skipped. A UTF-8 byte order mark, CRLF or LF line ends and quoted fields
/// (with separators, quotes and line breaks inside) are all fine.</para>
/// <para>Amounts use '.' as the decimal separator whatever the machine's culture, with an optional sign and no thousands
/// separators; more decimals than the currency has are rounded half to even, per record. Dates use the date pattern,
/// with the invariant culture.</para>
/// </remarks>
internal static class AmountCsvReader
{
    private const NumberStyles AmountStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly LocalDate ExampleDate = new(2024, 3, 15);

    public static ParsedInput Read(Stream stream, string name, CsvInputOptions options, ProgressReporter? progress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        return ReadCsv(stream, name, options.Separator, (readerOptions, malformed) => Read(stream, name, options, readerOptions, malformed, progress));
    }

    /// <summary>Reads a CSV input the way every reader of the tool does: line numbers tracked, malformed records recovered
    /// and remembered by line (for <see cref="IsReadableRow"/>), rows of any field count read; CSV that cannot be read at
    /// all becomes bad input naming the line.</summary>
    internal static T ReadCsv<T>(Stream stream, string name, char separator, Func<CsvReaderOptions, Dictionary<long, CsvMalformedReason>, T> read)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        CsvReaderOptions readerOptions = CsvReaderOptions.Default with
        {
            Separator = separator,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, record.Reason),
        };

        try
        {
            return read(readerOptions, malformed);
        }
        catch (CsvFormatException ex)
        {
            // Input CsvHelper cannot read at all (a record larger than it buffers, for one).
            long? line = ex.LineNumber > 0 ? ex.LineNumber : null;
            throw new BadInputException(name, [new InputProblem(line, line is null ? "input" : null, null, $"unreadable CSV: {ex.Message}")], 1);
        }
    }

    /// <summary>Checks a data row's shape before its fields are read, the same way for every CSV input of the tool.</summary>
    /// <returns><see langword="true"/> to read the row; <see langword="false"/> when it is blank (skipped, no problem) or
    /// malformed or of another field count than the header (<paramref name="problem"/> says what is wrong).</returns>
    internal static bool IsReadableRow(CsvReader reader, Dictionary<long, CsvMalformedReason> malformed, int headerCount, char separator, out InputProblem? problem)
    {
        problem = null;
        long line = reader.LineNumber;
        int fieldCount = reader.FieldCount;
        if (IsBlank(reader, 0, fieldCount))
        {
            return false;
        }

        if (malformed.Remove(line, out CsvMalformedReason reason))
        {
            problem = new InputProblem(line, null, null, Describe(reason));
            return false;
        }

        if (fieldCount < headerCount || (fieldCount > headerCount && !IsBlank(reader, headerCount, fieldCount)))
        {
            problem = new InputProblem(line, null, null, string.Create(CultureInfo.InvariantCulture,
                $"the row has {fieldCount} field{(fieldCount == 1 ? string.Empty : "s")}, the header has {headerCount}; enclose values that contain '{Printable(separator)}' in double quotes, and give every row all the columns."));
            return false;
        }

        return true;
    }

    private static ParsedInput Read(Stream stream, string name, CsvInputOptions options, CsvReaderOptions readerOptions, Dictionary<long, CsvMalformedReason> malformed, ProgressReporter? progress)
    {
        using CsvReader reader = CsvReader.Create(stream, readerOptions, leaveOpen: true);
        IReadOnlyList<string> headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new BadInputException(name, [new InputProblem(1, null, null, "the file is empty; expected a header line such as customer_id,date,amount, then one row per amount.")], 1);
        }

        var missing = new List<InputProblem>();
        int customerIndex = Resolve(headers, options.CustomerColumn, "--customer-column", missing);
        int dateIndex = Resolve(headers, options.DateColumn, "--date-column", missing);
        int amountIndex = Resolve(headers, options.AmountColumn, "--amount-column", missing);
        int segmentIndex = Find(headers, options.SegmentColumn);
        if (segmentIndex < 0 && options.SegmentRequired)
        {
            Resolve(headers, options.SegmentColumn, "--segment-column", missing);
        }
        if (missing.Count > 0)
        {
            throw new BadInputException(name, missing, missing.Count);
        }

        var input = new ParsedInput(name, headers[customerIndex], headers[dateIndex], headers[amountIndex], segmentIndex < 0 ? null : headers[segmentIndex]) { Lines = [] };
        string dateExample = options.DatePattern.Format(ExampleDate);
        int headerCount = headers.Count;
        while (reader.Read())
        {
            long line = reader.LineNumber;
            progress?.Report(reader.ByteOffset);
            if (!IsReadableRow(reader, malformed, headerCount, options.Separator, out InputProblem? rowProblem))
            {
                if (rowProblem is not null)
                {
                    input.AddProblem(rowProblem);
                }

                continue;
            }

            bool ok = TryDate(reader.GetString(dateIndex), options.DatePattern, dateExample, out LocalDate date, out string? dateError);
            if (!ok)
            {
                input.AddProblem(new InputProblem(line, null, input.DateColumn, dateError!));
            }

            if (!TryAmount(reader.GetString(amountIndex), options.Currency, out Money amount, out string? amountError))
            {
                input.AddProblem(new InputProblem(line, null, input.AmountColumn, amountError!));
                ok = false;
            }

            if (ok)
            {
                // A blank id becomes the empty id, which the library rejects with its own message (CX0101).
                CustomerId.TryFrom(reader.GetString(customerIndex), out CustomerId customer);
                string? segment = segmentIndex < 0 ? null : reader.GetString(segmentIndex)?.Trim();
                input.Add(new AssetRecord(customer, date, amount, string.IsNullOrEmpty(segment) ? null : segment), line);
            }
        }

        progress?.Done();
        return input;
    }

    /// <summary>Parses an amount: invariant culture, '.' decimal separator, optional sign, rounded half to even to the
    /// currency's minor unit.</summary>
    public static bool TryAmount(string? text, Currency currency, out Money amount, out string? error)
    {
        amount = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "the amount is empty; expected a number such as 1234.56 or -20.00 (a refund).";
            return false;
        }

        if (!decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out decimal value))
        {
            error = $"expected a number with '.' as the decimal separator and no thousands separators or currency symbols, such as 1234.56 or -20.00; got '{Shorten(text)}'.";
            return false;
        }

        if (!Money.TryFromDecimal(value, currency, MinorUnitRounding.HalfToEven, out amount, out string? moneyError))
        {
            error = moneyError ?? $"the amount '{Shorten(text)}' does not fit.";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryDate(string? text, LocalDatePattern pattern, string example, out LocalDate date, out string? error)
    {
        date = default;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = $"the date is empty; expected a date such as {example} (format {pattern.PatternText}).";
            return false;
        }

        ParseResult<LocalDate> result = pattern.Parse(text);
        if (!result.Success)
        {
            error = $"expected a date such as {example} (format {pattern.PatternText}, set with --date-format); got '{Shorten(text)}'.";
            return false;
        }

        date = result.Value;
        error = null;
        return true;
    }

    internal static int Resolve(IReadOnlyList<string> headers, string wanted, string option, List<InputProblem> missing)
    {
        int index = Find(headers, wanted);
        if (index < 0)
        {
            string existing = string.Join(", ", headers.Select(h => $"'{h}'"));
            missing.Add(new InputProblem(1, null, wanted, $"not found; the header has the columns {existing}. Name the right one with {option}."));
        }

        return index;
    }

    /// <summary>Finds a column: an exact match first, else ignoring case and surrounding white space.</summary>
    internal static int Find(IReadOnlyList<string> headers, string wanted)
    {
        for (int i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], wanted, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (int i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    internal static bool IsBlank(CsvReader reader, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!string.IsNullOrWhiteSpace(reader.GetString(i)))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "malformed CSV: a double quote inside a field that is not enclosed in quotes; enclose the field in double quotes and double the quotes inside it (\"\").",
        CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a quoted field; a quoted field must end right after its closing quote.",
        CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed; the rest of the file was read as part of it. Close the quote.",
        CsvMalformedReason.LineBreakInQuotes => "malformed CSV: a line break inside a quoted field.",
        _ => $"malformed CSV ({reason}).",
    };

    internal static string Printable(char separator) => separator == '\t' ? "\\t" : separator.ToString();

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}
