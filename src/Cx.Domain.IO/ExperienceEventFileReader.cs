using Cx.Domain.IO.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.IO;

/// <summary>Reads a file of experience events (customer, touchpoint, instant, outcome, optional channel), with the same
/// text handling as <see cref="RevenueFileReader"/>: delimiters, headers or positions, quoting, encodings, every bad row
/// with its line and column.</summary>
/// <remarks>Instants are ISO 8601 with <c>Z</c> or an offset (<c>2024-03-05T14:30:00Z</c>,
/// <c>2024-03-05T15:30:00+01:00</c>, fractions of a second allowed); outcomes are <c>reliable</c>, <c>unreliable</c> or
/// <c>unknown</c> (any case); an empty channel means none. Customers and touchpoints are judged by the library against
/// the ledger and the journey.</remarks>
public static class ExperienceEventFileReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read it; defaults when null.</param>
    /// <param name="progress">Receives how many bytes have been read, now and then; may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (no text options, a negative
    /// MaxDegreeOfParallelism, an unknown encoding, a required column that names no column).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static ExperienceEventFile Read(string path, ExperienceEventFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
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
    /// <returns>The events read and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (no text options, a negative
    /// MaxDegreeOfParallelism, an unknown encoding, a required column that names no column).</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static ExperienceEventFile Read(Stream stream, string name, ExperienceEventFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new ExperienceEventFileOptions();
        OptionChecks.Text(options.Text);
        OptionChecks.Required(options.Customer, "Customer");
        OptionChecks.Required(options.Touchpoint, "Touchpoint");
        OptionChecks.Required(options.Instant, "Instant");
        OptionChecks.Required(options.Outcome, "Outcome");
        if (options.ChannelRequired)
        {
            OptionChecks.Required(options.Channel, "Channel");
        }

        int[]? Resolve(Header header, List<FileProblem> missing)
        {
            int[] found =
            [
                header.Resolve(options.Customer, "Customer", true, missing),
                header.Resolve(options.Touchpoint, "Touchpoint", true, missing),
                header.Resolve(options.Instant, "Instant", true, missing),
                header.Resolve(options.Outcome, "Outcome", true, missing),
                header.Resolve(options.Channel, "Channel", options.ChannelRequired, missing),
            ];
            return missing.Count > 0 ? null : found;
        }

        string[] columns = [];
        if (ColumnarRecords.IsColumnar(stream))
        {
            (string format, List<ExperienceEvent> read, List<FileProblem> found, long problemCount) = ColumnarRecords.Read<ExperienceEvent>(
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
                    return new ColumnarRecords.Plan<ExperienceEvent>(
                        at,
                        [
                            Columnar.Rule(at[0], kinds, "Customer", "text or integers", ColumnKind.Text, ColumnKind.Integer),
                            Columnar.Rule(at[1], kinds, "Touchpoint", "text or integers", ColumnKind.Text, ColumnKind.Integer),
                            Columnar.Rule(at[2], kinds, "Instant", "timestamps, dates or text", ColumnKind.Timestamp, ColumnKind.Int96Timestamp, ColumnKind.Date, ColumnKind.Text),
                            Columnar.Rule(at[3], kinds, "Outcome", "text", ColumnKind.Text),
                            Columnar.Rule(at[4], kinds, "Channel", "text or integers", ColumnKind.Text, ColumnKind.Integer),
                        ],
                        (ColumnBatch?[] c, int row, Action<string?, string?, string?, string> problem, out ExperienceEvent record) =>
                        {
                            bool instantOk = ColumnarRecords.TryInstantOf(c[2]!, row, Instants.TryParseEvent, out Instant instant, out string? instantError);
                            return Build(names, problem, ColumnarRecords.StringOf(c[0], row), ColumnarRecords.StringOf(c[1], row), instantOk, instant, instantError, ColumnarRecords.StringOf(c[3], row), ColumnarRecords.StringOf(c[4], row), out record);
                        });
                },
                progress,
                cancellationToken);
            return new ExperienceEventFile(name, format, columns, read, found, problemCount, null);
        }

        (ReaderContext context, List<RecordSink<ExperienceEvent>> sinks, long firstDataLine) = TextFileReader.Read<RecordSink<ExperienceEvent>>(
            stream,
            name,
            options.Text,
            options.SettingNames,
            "the file is empty; expected a header line such as customer_id,touchpoint,instant,outcome,channel, then one row per event.",
            (context, missing) =>
            {
                Header header = context.Header;
                if (Resolve(header, missing) is not [int customer, int touchpoint, int instant, int outcome, int channel])
                {
                    return (_, _, _) => throw new InvalidOperationException("Columns are missing.");
                }

                columns = [header.NameOf(customer), header.NameOf(touchpoint), header.NameOf(instant), header.NameOf(outcome), channel < 0 ? null! : header.NameOf(channel)];
                string[] names = columns;
                bool ReadRow(ReadOnlySpan<byte> buffer, Row row, Action<string?, string?, string?, string> problem, out ExperienceEvent record)
                {
                    bool instantOk = Instants.TryParseEvent(Fields.String(buffer, row, instant), out Instant at, out string? instantError);
                    return Build(names, problem, Fields.String(buffer, row, customer), Fields.String(buffer, row, touchpoint), instantOk, at, instantError, Fields.String(buffer, row, outcome), channel < 0 ? null : Fields.String(buffer, row, channel), out record);
                }

                return (_, _, _) => new RecordSink<ExperienceEvent>(context, ReadRow);
            },
            progress is null ? null : progress.Report,
            cancellationToken);

        (List<ExperienceEvent> events, LineMap lines, List<FileProblem> problems, long count) = RecordSink<ExperienceEvent>.Merge(sinks, firstDataLine);
        return new ExperienceEventFile(name, context.EncodingName, columns, events, problems, count, lines);
    }

    /// <summary>Checks one row's fields (text, or the instant already parsed) and makes its event: what text and columnar
    /// files share.</summary>
    internal static bool Build(string[] names, Action<string?, string?, string?, string> problem, string? customer, string? touchpoint, bool instantOk, Instant at, string? instantError, string? outcome, string? channel, out ExperienceEvent record)
    {
        record = default!;
        bool ok = instantOk;
        if (!ok)
        {
            problem(names[2], "Instant", null, instantError!);
        }

        if (!TryOutcome(outcome, out ExperienceOutcome result, out string? outcomeError))
        {
            problem(names[3], "Outcome", null, outcomeError!);
            ok = false;
        }

        if (!ok)
        {
            return false;
        }

        // A blank id becomes the empty id and an unknown touchpoint stays as written: the library rejects both with its
        // own messages, which callers map back to this line.
        CustomerId.TryFrom(customer ?? string.Empty, out CustomerId id);
        string touch = (touchpoint ?? string.Empty).Trim();
        string? via = channel?.Trim();
        record = new ExperienceEvent(id, touch, at, result, string.IsNullOrEmpty(via) ? null : via);
        return true;
    }

    /// <summary>Parses an outcome: reliable, unreliable or unknown, in any case.</summary>
    internal static bool TryOutcome(string? text, out ExperienceOutcome outcome, out string? error)
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
            : $"expected an outcome of reliable, unreliable or unknown; got '{Internal.Text.Shorten(text)}'.";
        return false;
    }
}
