using System.Globalization;
using Cx.Domain.IO.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>Reads a file of reliability measurements (standard or touchpoint, instant, value, optional customer), with
/// the same text handling as <see cref="RevenueFileReader"/>: delimiters, headers or positions, quoting, encodings, every
/// bad row with its line and column.</summary>
/// <remarks>Instants are ISO 8601 with a UTC offset; values use the decimal separator of the options with an optional
/// sign and exponent and no thousands separators; blank, NaN and infinite values are problems, never dropped. Whether
/// the standard is known is the library's check.</remarks>
public static class MeasurementFileReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (a decimal separator other than '.' or ',',
    /// no text options, a negative MaxDegreeOfParallelism, an unknown encoding, a required column that names no
    /// column).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static MeasurementFile Read(string path, MeasurementFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), options, progress, cancellationToken);
    }

    /// <summary>Reads a stream.</summary>
    /// <param name="stream">The file's bytes; read to the end, not closed.</param>
    /// <param name="name">The file's name as messages show it.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The measurements read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (a decimal separator other than '.' or ',',
    /// no text options, a negative MaxDegreeOfParallelism, an unknown encoding, a required column that names no
    /// column).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static MeasurementFile Read(Stream stream, string name, MeasurementFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new MeasurementFileOptions();
        OptionChecks.Text(options.Text);
        OptionChecks.Required(options.Standard, "Standard");
        OptionChecks.Required(options.Instant, "Instant");
        OptionChecks.Required(options.Value, "Value");
        if (options.CustomerRequired)
        {
            OptionChecks.Required(options.Customer, "Customer");
        }

        OptionChecks.DecimalSeparator(options.DecimalSeparator);

        NumberFormatInfo format = options.DecimalSeparator == '.' ? NumberFormatInfo.InvariantInfo : new NumberFormatInfo { NumberDecimalSeparator = "," };
        int[]? Resolve(Header header, List<FileProblem> missing)
        {
            int[] found =
            [
                header.Resolve(options.Standard, "Standard", true, missing),
                header.Resolve(options.Instant, "Instant", true, missing),
                header.Resolve(options.Value, "Value", true, missing),
                header.Resolve(options.Customer, "Customer", options.CustomerRequired, missing),
            ];
            return missing.Count > 0 ? null : found;
        }

        string[] columns = [];
        string separator = options.DecimalSeparator.ToString();
        if (ColumnarRecords.IsColumnar(stream))
        {
            (string kind, List<ReliabilityMeasurement> read, List<FileProblem> found, long problemCount) = ColumnarRecords.Read<ReliabilityMeasurement>(
                stream,
                name,
                options.Text,
                options.SettingNames,
                (context, missing, kinds) =>
                {
                    if (Resolve(context.Header, missing) is not { } at)
                    {
                        return null;
                    }

                    string[] names = columns = [.. at.Select(i => i < 0 ? null! : context.Header.NameOf(i))];
                    return new ColumnarRecords.Plan<ReliabilityMeasurement>(
                        at,
                        [
                            Columnar.Rule(at[0], kinds, "Standard", "text or integers", ColumnKind.Text, ColumnKind.Integer),
                            Columnar.Rule(at[1], kinds, "Instant", "timestamps, dates or text", ColumnKind.Timestamp, ColumnKind.Int96Timestamp, ColumnKind.Date, ColumnKind.Text),
                            Columnar.Rule(at[2], kinds, "Value", "numbers or text", ColumnKind.Floating, ColumnKind.Integer, ColumnKind.Decimal, ColumnKind.Text),
                            Columnar.Rule(at[3], kinds, "Customer", "text or integers", ColumnKind.Text, ColumnKind.Integer),
                        ],
                        (ColumnBatch?[] c, int row, Action<string?, string?, string?, string> problem, out ReliabilityMeasurement record) =>
                        {
                            bool instantOk = ColumnarRecords.TryInstantOf(c[1]!, row, Instants.TryParseMeasurement, out Instant instant, out string? instantError);
                            bool valueOk = ColumnarRecords.TryNumberOf(c[2]!, row, (string? text, out double v, out string? e) => TryValue(text, format, separator, out v, out e), out double value, out string? valueError);
                            return Build(names, problem, ColumnarRecords.StringOf(c[0], row), instantOk, instant, instantError, valueOk, value, valueError, ColumnarRecords.StringOf(c[3], row), out record);
                        });
                },
                progress,
                cancellationToken);
            return new MeasurementFile(name, kind, columns, read, found, problemCount, null);
        }

        (ReaderContext context, List<RecordSink<ReliabilityMeasurement>> sinks, long firstDataLine) = TextFileReader.Read<RecordSink<ReliabilityMeasurement>>(
            stream,
            name,
            options.Text,
            options.SettingNames,
            "the file is empty; expected a header line such as standard,instant,value, then one row per measurement.",
            (context, missing) =>
            {
                Header header = context.Header;
                if (Resolve(header, missing) is not [int standard, int instant, int value, int customer])
                {
                    return (_, _, _) => throw new InvalidOperationException("Columns are missing.");
                }

                columns = [header.NameOf(standard), header.NameOf(instant), header.NameOf(value), customer < 0 ? null! : header.NameOf(customer)];
                string[] names = columns;
                string sep = separator;
                bool ReadRow(ReadOnlySpan<byte> buffer, Row row, Action<string?, string?, string?, string> problem, out ReliabilityMeasurement record)
                {
                    bool instantOk = Instants.TryParseMeasurement(Fields.String(buffer, row, instant), out Instant at, out string? instantError);
                    bool valueOk = TryValue(Fields.String(buffer, row, value), format, sep, out double v, out string? valueError);
                    return Build(names, problem, Fields.String(buffer, row, standard), instantOk, at, instantError, valueOk, v, valueError, customer < 0 ? null : Fields.String(buffer, row, customer), out record);
                }

                return (_, _, _) => new RecordSink<ReliabilityMeasurement>(context, ReadRow);
            },
            progress is null ? null : progress.Report,
            cancellationToken);

        (List<ReliabilityMeasurement> measurements, LineMap lines, List<FileProblem> problems, long count) = RecordSink<ReliabilityMeasurement>.Merge(sinks, firstDataLine);
        return new MeasurementFile(name, context.EncodingName, columns, measurements, problems, count, lines);
    }

    /// <summary>Checks one row's fields (text, or the instant and value already read) and makes its measurement: what
    /// text and columnar files share.</summary>
    internal static bool Build(string[] names, Action<string?, string?, string?, string> problem, string? standard, bool instantOk, Instant at, string? instantError, bool valueOk, double v, string? valueError, string? customer, out ReliabilityMeasurement record)
    {
        record = default!;
        string subject = (standard ?? string.Empty).Trim();
        bool ok = true;
        if (subject.Length == 0)
        {
            problem(names[0], "Standard", null, "the standard is empty; expected the id of a standard (or of a touchpoint with standards) from the standards file.");
            ok = false;
        }

        if (!instantOk)
        {
            problem(names[1], "Instant", null, instantError!);
            ok = false;
        }

        if (!valueOk)
        {
            problem(names[2], "Value", null, valueError!);
            ok = false;
        }

        CustomerId? id = null;
        string? customerText = customer?.Trim();
        if (!string.IsNullOrEmpty(customerText))
        {
            if (CustomerId.TryFrom(customerText, out CustomerId parsed))
            {
                id = parsed;
            }
            else
            {
                problem(names[3], "Customer", null, $"'{Internal.Text.Shorten(customerText)}' is not a valid customer id; leave the field empty for a measurement without a customer.");
                ok = false;
            }
        }

        if (ok)
        {
            record = new ReliabilityMeasurement(subject, at, v, id);
        }

        return ok;
    }

    internal static bool TryValue(string? text, NumberFormatInfo format, string sep, out double value, out string? error)
    {
        value = 0;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = $"the value is empty; expected a number such as 31{sep}5.";
            return false;
        }

        if (!double.TryParse(text, NumberStyles.Float, format, out value))
        {
            error = $"expected a number with '{sep}' as the decimal separator and no thousands separators or units, such as 31{sep}5; got '{Internal.Text.Shorten(text)}'.";
            return false;
        }

        if (!double.IsFinite(value))
        {
            error = $"expected a finite number, got '{Internal.Text.Shorten(text)}'; NaN and infinities are never counted: fix or remove the measurement.";
            return false;
        }

        error = null;
        return true;
    }
}
