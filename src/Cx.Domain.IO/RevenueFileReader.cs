using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.IO.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using NodaTime;
using NodaTime.Text;

namespace Cx.Domain.IO;

/// <summary>Reads a file of dated amounts (one row per purchase, invoice line or refund) into <see cref="AssetColumns"/>:
/// CSV, tab- or whitespace-separated text, with or without a header, in UTF-8, Latin-1, Windows-1252 or UTF-16.</summary>
/// <remarks>
/// <para>Columns are found by header name (exactly, else ignoring case and surrounding white space) or by position;
/// other columns are ignored. Blank rows (also rows of separators only) are skipped. A byte order mark, CRLF or LF line
/// ends, and fields in double quotes (with delimiters, doubled quotes and line breaks inside) are all fine.</para>
/// <para>Every row that cannot be read is a <see cref="FileProblem"/> with its line and column, and every other row is
/// read: a bad date, a bad amount, malformed quoting, a wrong field count, invalid UTF-8, an empty customer id (CX0101)
/// or a segment over 200 characters (CX0106). A missing column or an empty file throws
/// <see cref="InputFileException"/>; when the header is one field that holds another delimiter, the exception says
/// which delimiter to use.</para>
/// <para>Amounts are exact: plain decimals are parsed from the bytes to minor units (more decimals than the currency has
/// are rounded half to even, per row, as <see cref="Money.FromDecimal(decimal, Currency, MinorUnitRounding)"/> does),
/// anything else through <see cref="decimal"/>. Dates in <c>yyyy</c>/<c>MM</c>/<c>dd</c> patterns are parsed from the
/// bytes; other patterns by NodaTime. Customer ids are numbered without a string per row (a string only for a new
/// customer), in order of first appearance.</para>
/// <para>Large files are parsed on every core in blocks of 4 MiB and merged in file order: the result is the same, byte
/// for byte, as on one thread. Memory holds the columns (16 to 20 bytes a row) and the distinct ids, not the rows.</para>
/// </remarks>
public static class RevenueFileReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes of the file have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (an unknown date pattern, a decimal
    /// separator other than '.' or ',' or equal to the delimiter, no currency, no text options, a negative
    /// MaxDegreeOfParallelism, an unknown encoding, a required column that names no column).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, its header is not in the encoding, or a Parquet file is damaged or truncated.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static RevenueFile Read(string path, RevenueFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
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
    /// <returns>The rows read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (an unknown date pattern, a decimal
    /// separator other than '.' or ',' or equal to the delimiter, no currency, no text options, a negative
    /// MaxDegreeOfParallelism, an unknown encoding, a required column that names no column).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, its header is not in the encoding, or a Parquet file is damaged or truncated.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static RevenueFile Read(Stream stream, string name, RevenueFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new RevenueFileOptions();
        LocalDatePattern pattern = Validate(options);
        long expectedBytes = stream.CanSeek ? stream.Length - stream.Position : -1;
        if (ParquetInput.IsParquet(stream))
        {
            (ReaderContext parquet, List<RevenueSink> groups, RevenueShared columns) = ParquetRevenue.Read(stream, name, options, (context, missing) => Prepare(options, pattern, context, missing, -1), progress, cancellationToken);
            return Assemble(name, parquet, columns, groups, 1, rows: true);
        }

        if (ArrowInput.IsArrow(stream))
        {
            (ReaderContext arrow, List<RevenueSink> batches, RevenueShared columns) = ArrowRevenue.Read(stream, name, options, (context, missing) => Prepare(options, pattern, context, missing, -1), progress, cancellationToken);
            return Assemble(name, arrow, columns, batches, 1, rows: true);
        }

        RevenueShared? shared = null;
        (ReaderContext context, List<RevenueSink> sinks, long firstDataLine) = TextFileReader.Read<RevenueSink>(
            stream,
            name,
            options.Text,
            options.SettingNames,
            "the file is empty; expected a header line such as customer_id,date,amount, then one row per amount.",
            (context, missing) =>
            {
                RevenueShared? s = shared = Prepare(options, pattern, context, missing, expectedBytes);
                return s is null
                    ? (_, _, _) => throw new InvalidOperationException("Columns are missing.")
                    : (bytes, rowBound, quiet) => RevenueSink.Create(context, s, bytes, rowBound, quiet);
            },
            progress is null ? null : progress.Report,
            cancellationToken);

        return Assemble(name, context, shared!, sinks, firstDataLine, rows: false);
    }

    /// <summary>Finds the columns and sets up what every block shares; null (with problems) when a column is missing.</summary>
    private static RevenueShared? Prepare(RevenueFileOptions options, LocalDatePattern pattern, ReaderContext context, List<FileProblem> missing, long expectedBytes)
    {
        Header header = context.Header;
        int customer = header.Resolve(options.Customer, "Customer", true, missing);
        int date = header.Resolve(options.Date, "Date", true, missing);
        int amount = header.Resolve(options.Amount, "Amount", true, missing);
        int segment = header.Resolve(options.Segment, "Segment", options.SegmentRequired, missing);
        if (missing.Count > 0)
        {
            return null;
        }

        return new RevenueShared
        {
            CustomerIndex = customer,
            DateIndex = date,
            AmountIndex = amount,
            SegmentIndex = segment,
            Columns = new ColumnNames(header.NameOf(customer), header.NameOf(date), header.NameOf(amount), segment < 0 ? null : header.NameOf(segment)),
            Currency = options.Currency,
            Dates = new DateParser(pattern, context.SettingName("DateFormat")),
            Amounts = new AmountParser(options.Currency, options.DecimalSeparator),
            Validator = new AssetRecordValidator(options.Currency),
            Store = new RevenueStore(segment >= 0, expectedBytes),
        };
    }

    private static LocalDatePattern Validate(RevenueFileOptions options)
    {
        OptionChecks.Text(options.Text);
        OptionChecks.DecimalSeparator(options.DecimalSeparator);

        if (options.DecimalSeparator == options.Text.Delimiter.Character && !options.Text.Delimiter.IsWhitespace)
        {
            throw new ArgumentException($"The decimal separator '{options.DecimalSeparator}' cannot also be the delimiter: use ';' or tab as the delimiter.", nameof(options));
        }

        if (options.Currency == Currency.None)
        {
            throw new ArgumentException("Expected the currency of the amounts, got none (XXX).", nameof(options));
        }

        OptionChecks.Required(options.Customer, "Customer");
        OptionChecks.Required(options.Date, "Date");
        OptionChecks.Required(options.Amount, "Amount");
        if (options.SegmentRequired)
        {
            OptionChecks.Required(options.Segment, "Segment");
        }

        try
        {
            LocalDatePattern pattern = LocalDatePattern.CreateWithInvariantCulture(options.DateFormat ?? string.Empty);
            _ = pattern.Format(new LocalDate(2024, 3, 15));
            return pattern;
        }
        catch (InvalidPatternException ex)
        {
            throw new ArgumentException($"'{options.DateFormat}' is not a valid date pattern: {ex.Message} Use a pattern such as yyyy-MM-dd, dd/MM/yyyy or MM/dd/yyyy.", nameof(options), ex);
        }
    }

    /// <summary>Closes up the rows the blocks wrote into the store (in file order, dropping the rows they reserved and did
    /// not use), numbers customers and segments by first appearance, and merges lines and problems.</summary>
    private static RevenueFile Assemble(string name, ReaderContext context, RevenueShared shared, List<RevenueSink> sinks, long firstDataLine, bool rows)
    {
        RevenueStore store = shared.Store;
        string[] customerNames = shared.Customers.Names();
        string[] segmentNames = shared.Segments.Names();
        int[] customerMap = new int[customerNames.Length];
        customerMap.AsSpan().Fill(-1);
        int[] segmentMap = new int[segmentNames.Length];
        segmentMap.AsSpan().Fill(-1);
        var customers = new List<CustomerId>();
        var segments = new List<string>();
        int[] customer = store.Customer;
        LocalDate[] date = store.Date;
        long[] amount = store.Amount;
        int[] segment = store.Segment;
        bool segmented = store.Segmented;
        var problems = new List<FileProblem>();
        long problemCount = 0;
        var lines = new LineMap();
        LocalDate? first = null;
        LocalDate? last = null;
        int at = 0;
        long line = firstDataLine;
        foreach (RevenueSink sink in sinks)
        {
            // Rows move down only (a block starts at or after the rows kept before it), so copying forward is safe.
            int from = sink.Start;
            int count = sink.RowCount;
            for (int i = 0; i < count; i++)
            {
                int c = customer[from + i];
                ref int id = ref customerMap[c];
                if (id < 0)
                {
                    id = customers.Count;
                    customers.Add(CustomerId.From(customerNames[c]!));
                }

                customer[at + i] = id;
            }

            if (segmented)
            {
                for (int i = 0; i < count; i++)
                {
                    int k = segment[from + i];
                    if (k >= 0)
                    {
                        ref int id = ref segmentMap[k];
                        if (id < 0)
                        {
                            id = segments.Count;
                            segments.Add(segmentNames[k]!);
                        }

                        k = id;
                    }

                    segment[at + i] = k;
                }
            }

            if (from != at)
            {
                Array.Copy(date, from, date, at, count);
                Array.Copy(amount, from, amount, at, count);
            }

            lines.Append(sink.RowLines, at, line);
            foreach (FileProblem p in sink.Problems)
            {
                if (problems.Count < RevenueFile.ProblemLimit)
                {
                    problems.Add(rows
                        ? new FileProblem(null, string.Create(CultureInfo.InvariantCulture, $"row {p.Line + line}"), p.Column, p.Setting, p.Code, p.Message)
                        : new FileProblem(p.Line + line, p.Where, p.Column, p.Setting, p.Code, p.Message));
                }
            }

            problemCount += sink.ProblemCount;
            if (sink.First is { } f && (first is not { } ff || f < ff))
            {
                first = f;
            }

            if (sink.Last is { } l && (last is not { } ll || l > ll))
            {
                last = l;
            }

            at += count;
            line += sink.Lines;
        }

        int total = at;
        if (store.Capacity - total > (total / 4) + 4096)
        {
            // Far fewer rows than reserved (many blank or bad rows, or an estimate thrown off): keep only what is used.
            customer = customer[..total];
            date = date[..total];
            amount = amount[..total];
            segment = segmented ? segment[..total] : segment;
        }

        var columns = segmented
            ? new AssetColumns(shared.Currency, customers, customer.AsMemory(0, total), date.AsMemory(0, total), amount.AsMemory(0, total), segments, segment.AsMemory(0, total))
            : new AssetColumns(shared.Currency, customers, customer.AsMemory(0, total), date.AsMemory(0, total), amount.AsMemory(0, total));
        return new RevenueFile(name, context.EncodingName, shared.Columns, columns, problems, problemCount, first, last, rows ? null : lines);
    }
}
