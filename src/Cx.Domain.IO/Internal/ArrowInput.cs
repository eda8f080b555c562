using Apache.Arrow;
using Apache.Arrow.Compression;
using Apache.Arrow.Ipc;

namespace Cx.Domain.IO.Internal;

/// <summary>An Arrow IPC file (<c>.arrow</c>, Feather v2: starts with <c>ARROW1</c>) or stream (starts with the
/// continuation marker 0xFFFFFFFF) opened with Apache.Arrow, LZ4 and Zstandard buffers included: its columns' names and
/// types, and its record batches one after another. Any failure of the decoder becomes an
/// <see cref="InputFileException"/> naming the file.</summary>
internal sealed class ArrowInput : IDisposable
{
    private readonly ArrowStreamReader _reader;
    private readonly Stream _stream;

    private ArrowInput(ArrowStreamReader reader, Stream stream, string name)
    {
        _reader = reader;
        _stream = stream;
        Name = name;
        Schema schema = ParquetInput.Guard(name, () => reader.Schema, "Arrow");
        Columns = [.. schema.FieldsList.Select(f => (f.Name, ArrowColumn.Describe(f.DataType).Kind))];
    }

    /// <summary>The first six bytes of an Arrow IPC file.</summary>
    public static ReadOnlySpan<byte> FileMagic => "ARROW1"u8;

    /// <summary>The first four bytes of an Arrow IPC stream (a message's continuation marker).</summary>
    public static ReadOnlySpan<byte> StreamMagic => [0xFF, 0xFF, 0xFF, 0xFF];

    public string Name { get; }

    /// <summary>Gets the name and kind of every column, in schema order.</summary>
    public (string Name, ColumnKind Kind)[] Columns { get; }

    public static bool IsArrow(Stream stream) => ParquetInput.StartsWith(stream, FileMagic) || ParquetInput.StartsWith(stream, StreamMagic);

    public static ArrowInput Open(Stream stream, string name)
    {
        bool file = ParquetInput.StartsWith(stream, FileMagic);
        return ParquetInput.Guard(
            name,
            () => new ArrowInput(file ? new ArrowFileReader(stream, Apache.Arrow.Memory.MemoryAllocator.Default.Value, new CompressionCodecFactory(), leaveOpen: true) : new ArrowStreamReader(stream, new CompressionCodecFactory(), leaveOpen: true), stream, name),
            "Arrow");
    }

    /// <summary>Reads every record batch in order: <paramref name="body"/> gets each batch (disposed after it).
    /// Progress is reported as the bytes of the file read so far.</summary>
    public void ForEachBatch(IProgress<long>? progress, Action<RecordBatch> body, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using RecordBatch? batch = ParquetInput.Guard(Name, () => _reader.ReadNextRecordBatch(), "Arrow");
            if (batch is null)
            {
                return;
            }

            ParquetInput.Guard(Name, () =>
            {
                body(batch);
                return true;
            }, "Arrow");
            progress?.Report(_stream.Position);
        }
    }

    public void Dispose() => _reader.Dispose();
}
