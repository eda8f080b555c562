using System.Globalization;
using System.Text;

namespace Cx.Domain.IO.Internal;

/// <summary>The steps every text reader takes: decode, find the header (or first row), resolve the columns (a missing
/// one, or a wrong delimiter, stops the read), then parse the rows block by block, on all cores when the file is large
/// and can be read twice (a block cut inside a quoted line break sends it back to one thread).</summary>
internal static class TextFileReader
{
    /// <summary>Files smaller than this are parsed on the calling thread.</summary>
    internal static long ParallelThresholdBytes { get; set; } = 2L * BlockDriver.BlockSize;

    /// <summary>Block size override for tests (0: <see cref="BlockDriver.BlockSize"/>).</summary>
    internal static int TestBlockSize { get; set; }

    public static (ReaderContext Context, List<TSink> Sinks, long FirstDataLine) Read<TSink>(
        Stream stream,
        string name,
        TextFileOptions text,
        IReadOnlyDictionary<string, string>? names,
        string emptyMessage,
        Func<ReaderContext, List<FileProblem>, SinkFactory<TSink>> prepare,
        Action<long>? progress,
        CancellationToken cancellationToken)
        where TSink : RowSink
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text); // the options were checked by the public reader (OptionChecks.Text)

        TextInput input = TextInput.Open(stream, text.Encoding);
        int degree = text.MaxDegreeOfParallelism == 0 ? Environment.ProcessorCount : text.MaxDegreeOfParallelism;
        if (!input.Restartable || (input.RawLength >= 0 && input.RawLength < ParallelThresholdBytes))
        {
            degree = 1;
        }

        Stream utf8 = input.Utf8;
        try
        {
            while (true)
            {
                using var source = new ByteSource(utf8, TestBlockSize > 0 ? TestBlockSize : BlockDriver.BlockSize);
                (ReaderContext context, SinkFactory<TSink> create, long firstDataLine) = Prologue(source, name, text, names, input.EncodingName, emptyMessage, prepare, cancellationToken);
                Action<long>? report = progress is null ? null : _ => progress(input.RawPosition >= 0 ? input.RawPosition : source.BytesRead);
                List<TSink>? sinks = BlockDriver.Run(source, text.Delimiter, create, degree, report, cancellationToken);
                if (sinks is not null)
                {
                    return (context, sinks, firstDataLine);
                }

                // A block was cut inside a row (a quoted line break where the quotes could not be counted right): read again on one thread.
                degree = 1;
                utf8 = input.Restart();
            }
        }
        catch (DecoderFallbackException ex)
        {
            // Only the transcoded encodings (UTF-16) throw: bytes that are no UTF-16 (an odd last byte, a lone
            // surrogate). The decoder does not know the line; the file is refused whole rather than read with U+FFFD.
            string bytes = ex.BytesUnknown is { Length: > 0 } unknown ? " (bytes " + Convert.ToHexString(unknown) + ")" : string.Empty;
            throw new InputFileException(name, [new FileProblem(null, "file", null, "Encoding", null,
                $"the file is not valid {input.EncodingName}{bytes}: an odd last byte or an unpaired surrogate. Give the file's encoding with {(names is not null && names.TryGetValue("Encoding", out string? n) ? n : "Encoding")}, or save it again as UTF-8.")]);
        }
    }

    private static (ReaderContext Context, SinkFactory<TSink> Create, long FirstDataLine) Prologue<TSink>(
        ByteSource source,
        string name,
        TextFileOptions text,
        IReadOnlyDictionary<string, string>? names,
        string encodingName,
        string emptyMessage,
        Func<ReaderContext, List<FileProblem>, SinkFactory<TSink>> prepare,
        CancellationToken cancellationToken)
        where TSink : RowSink
    {
        (string[]? fields, long before, long rowLines, bool valid) = BlockDriver.ReadFirstRow(source, new RowParser(text.Delimiter), text.HasHeader, cancellationToken);
        string Name(string setting) => names is not null && names.TryGetValue(setting, out string? n) ? n : setting;
        if (fields is null)
        {
            throw new InputFileException(name, [new FileProblem(1, null, null, null, null, emptyMessage)]);
        }

        long firstLine = before + 1;
        if (!valid)
        {
            throw new InputFileException(name, [new FileProblem(firstLine, null, null, "Encoding", null, string.Create(CultureInfo.InvariantCulture,
                $"the {(text.HasHeader ? "header" : "first row")} is not valid UTF-8; it was read as {encodingName}. Give the file's encoding with {Name("Encoding")} (latin1 or windows-1252 for Western European exports, utf-16), or save it as UTF-8."))]);
        }

        var header = new Header(text.HasHeader ? fields : null, fields, firstLine, text.Delimiter, Name);
        var context = new ReaderContext(header, text.Delimiter, encodingName, names);
        var missing = new List<FileProblem>();
        SinkFactory<TSink> create = prepare(context, missing);
        if (missing.Count > 0)
        {
            FileProblem? delimiter = header.DiagnoseDelimiter();
            throw new InputFileException(name, delimiter is null ? missing : [delimiter]);
        }

        return (context, create, text.HasHeader ? firstLine + rowLines : firstLine);
    }
}
