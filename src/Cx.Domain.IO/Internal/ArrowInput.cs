using System.Runtime.ExceptionServices;
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

    /// <summary>Reads the record batches in order on this thread and hands each to <paramref name="body"/> on up to
    /// <paramref name="maxDegreeOfParallelism"/> threads (every core when 0 or less). <paramref name="prepare"/> runs on
    /// this thread, in file order, before its batch is handed over; when it returns <see langword="false"/> it is called
    /// again once no batch is in flight (so it can grow what the bodies write into). A batch is disposed when its body
    /// ends. The first failure (in file order of discovery) is thrown once every batch in flight has ended.</summary>
    public void ForEachBatchParallel<TState>(int maxDegreeOfParallelism, IProgress<long>? progress, Func<RecordBatch, bool, TState?> prepare, Action<RecordBatch, TState> body, CancellationToken cancellationToken)
        where TState : class
    {
        int degree = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        var running = new Queue<Task>();
        Exception? failure = null;
        try
        {
            while (failure is null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RecordBatch? batch = ParquetInput.Guard(Name, () => _reader.ReadNextRecordBatch(), "Arrow");
                if (batch is null)
                {
                    break;
                }

                TState? state;
                try
                {
                    state = prepare(batch, false);
                    if (state is null)
                    {
                        failure = Drain(running, 0);
                        state = failure is null ? prepare(batch, true) : null;
                    }
                }
                catch
                {
                    batch.Dispose();
                    throw;
                }

                if (state is null)
                {
                    batch.Dispose();
                    break;
                }

                failure = Drain(running, degree - 1);
                running.Enqueue(Task.Run(
                    () =>
                    {
                        using (batch)
                        {
                            ParquetInput.Guard(Name, () =>
                            {
                                body(batch, state);
                                return true;
                            }, "Arrow");
                        }
                    },
                    CancellationToken.None));
                progress?.Report(_stream.Position);
            }
        }
        finally
        {
            Exception? last = Drain(running, 0);
            failure ??= last;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Waits for the oldest batches until at most <paramref name="left"/> are in flight (all of them for 0);
    /// returns the first failure among them.</summary>
    private static Exception? Drain(Queue<Task> running, int left)
    {
        Exception? failure = null;
        while (running.Count > Math.Max(0, left))
        {
            Task task = running.Dequeue();
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure ??= e;
            }
        }

        return failure;
    }
}
