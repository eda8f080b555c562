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
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="InputFileException">The file is empty, lacks a column, or its header is not in the encoding.</exception>
    /// <exception cref="OperationCanceledException">The read was cancelled.</exception>
    public static ExperienceEventFile Read(Stream stream, string name, ExperienceEventFileOptions? options = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= new ExperienceEventFileOptions();
        string[] columns = [];
        (ReaderContext context, List<RecordSink<ExperienceEvent>> sinks, long firstDataLine) = TextFileReader.Read<RecordSink<ExperienceEvent>>(
            stream,
            name,
            options.Text,
            options.SettingNames,
            "the file is empty; expected a header line such as customer_id,touchpoint,instant,outcome,channel, then one row per event.",
            (context, missing) =>
            {
                Header header = context.Header;
                int customer = header.Resolve(options.Customer, "Customer", true, missing);
                int touchpoint = header.Resolve(options.Touchpoint, "Touchpoint", true, missing);
                int instant = header.Resolve(options.Instant, "Instant", true, missing);
                int outcome = header.Resolve(options.Outcome, "Outcome", true, missing);
                int channel = header.Resolve(options.Channel, "Channel", options.ChannelRequired, missing);
                if (missing.Count > 0)
                {
                    return (_, _, _) => throw new InvalidOperationException("Columns are missing.");
                }

                columns = [header.NameOf(customer), header.NameOf(touchpoint), header.NameOf(instant), header.NameOf(outcome), channel < 0 ? null! : header.NameOf(channel)];
                string[] names = columns;
                bool ReadRow(ReadOnlySpan<byte> buffer, Row row, Action<string?, string?, string?, string> problem, out ExperienceEvent record)
                {
                    record = default!;
                    bool ok = Instants.TryParseEvent(Fields.String(buffer, row, instant), out Instant at, out string? instantError);
                    if (!ok)
                    {
                        problem(names[2], "Instant", null, instantError!);
                    }

                    if (!TryOutcome(Fields.String(buffer, row, outcome), out ExperienceOutcome result, out string? outcomeError))
                    {
                        problem(names[3], "Outcome", null, outcomeError!);
                        ok = false;
                    }

                    if (!ok)
                    {
                        return false;
                    }

                    // A blank id becomes the empty id and an unknown touchpoint stays as written: the library rejects both
                    // with its own messages, which callers map back to this line.
                    CustomerId.TryFrom(Fields.String(buffer, row, customer), out CustomerId id);
                    string touch = Fields.String(buffer, row, touchpoint).Trim();
                    string? via = channel < 0 ? null : Fields.String(buffer, row, channel).Trim();
                    record = new ExperienceEvent(id, touch, at, result, string.IsNullOrEmpty(via) ? null : via);
                    return true;
                }

                return (_, _, _) => new RecordSink<ExperienceEvent>(context, ReadRow);
            },
            progress is null ? null : progress.Report,
            cancellationToken);

        (List<ExperienceEvent> events, LineMap lines, List<FileProblem> problems, long count) = RecordSink<ExperienceEvent>.Merge(sinks, firstDataLine);
        return new ExperienceEventFile(name, context.EncodingName, columns, events, problems, count, lines);
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
