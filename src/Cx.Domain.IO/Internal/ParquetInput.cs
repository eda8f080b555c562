using System.Runtime.ExceptionServices;
using ParquetSharp;

namespace Cx.Domain.IO.Internal;

/// <summary>A Parquet file opened with ParquetSharp (Apache Parquet C++): its columns' names and types, and its row
/// groups read on every core when the file has several, each worker with a reader of its own. Any failure of the decoder
/// (a damaged footer, page or offset, a truncated file) becomes an <see cref="InputFileException"/> naming the file.</summary>
internal sealed class ParquetInput : IDisposable
{
    /// <summary>How many rows of every column are decoded at a time.</summary>
    public const int BatchRows = 4096;

    private readonly ParquetFileReader _reader;
    private readonly string? _path;
    private readonly long _length;

    private ParquetInput(ParquetFileReader reader, string name, string? path, long length)
    {
        _reader = reader;
        Name = name;
        _path = path;
        _length = length;
        using FileMetaData meta = reader.FileMetaData;
        SchemaDescriptor schema = meta.Schema;
        Columns = [.. Enumerable.Range(0, meta.NumColumns).Select(i =>
        {
            ColumnDescriptor d = schema.Column(i);
            return (d.Name, ParquetColumn.Describe(d).Kind);
        })];
        RowGroupCount = meta.NumRowGroups;
        GroupRows = [.. Enumerable.Range(0, RowGroupCount).Select(g =>
        {
            using RowGroupReader group = reader.RowGroup(g);
            return group.MetaData.NumRows;
        })];
    }

    /// <summary>The first four bytes of a Parquet file (and its last four).</summary>
    public static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public string Name { get; }

    /// <summary>Gets the name and kind of every leaf column, in schema order.</summary>
    public (string Name, ColumnKind Kind)[] Columns { get; }

    public int RowGroupCount { get; }

    /// <summary>Gets the rows of every row group.</summary>
    public long[] GroupRows { get; }

    public static bool IsParquet(Stream stream) => StartsWith(stream, Magic);

    /// <summary>Whether a seekable stream starts with the given bytes (the position is kept).</summary>
    public static bool StartsWith(Stream stream, ReadOnlySpan<byte> magic)
    {
        if (!stream.CanSeek || stream.Length - stream.Position < magic.Length)
        {
            return false;
        }

        long at = stream.Position;
        Span<byte> head = stackalloc byte[magic.Length];
        stream.ReadExactly(head);
        stream.Position = at;
        return head.SequenceEqual(magic);
    }

    /// <summary>Opens a stream that starts with <see cref="Magic"/>; a file stream's row groups are read in parallel.</summary>
    public static ParquetInput Open(Stream stream, string name)
    {
        long length = stream.Length - stream.Position;
        if (stream.Position != 0 || length < 12)
        {
            throw Damaged(name, "not a parquet file: it is shorter than a Parquet footer");
        }

        stream.Position = length - 4;
        Span<byte> tail = stackalloc byte[4];
        stream.ReadExactly(tail);
        stream.Position = 0;
        if (!tail.SequenceEqual(Magic))
        {
            throw Damaged(name, "not a parquet file: it does not end with the Parquet footer (truncated?)");
        }

        string? path = stream is FileStream file && File.Exists(file.Name) ? file.Name : null;
        return Guard(name, () => new ParquetInput(path is null ? new ParquetFileReader(stream, leaveOpen: true) : new ParquetFileReader(path), name, path, length));
    }

    /// <summary>Reads every row group: <paramref name="body"/> gets the group's index and reader, on as many threads
    /// as <paramref name="maxDegreeOfParallelism"/> allows (0: every core) when the file is on disk, else on this one.
    /// Progress is reported as the share of the file's bytes of the rows read.</summary>
    public void ForEachGroup(int maxDegreeOfParallelism, IProgress<long>? progress, Action<int, RowGroupReader> body, CancellationToken cancellationToken)
    {
        long total = Math.Max(1, GroupRows.Sum());
        long done = 0;
        void One(ParquetFileReader reader, int g)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using RowGroupReader group = reader.RowGroup(g);
            body(g, group);
            long rows = Interlocked.Add(ref done, GroupRows[g]);
            progress?.Report((long)(_length * ((double)rows / total)));
        }

        Guard(Name, () =>
        {
            int degree = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
            if (_path is null || degree == 1 || RowGroupCount < 2)
            {
                for (int g = 0; g < RowGroupCount; g++)
                {
                    One(_reader, g);
                }

                return true;
            }

            try
            {
                Parallel.For(
                    0,
                    RowGroupCount,
                    new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken },
                    () => new ParquetFileReader(_path),
                    (g, _, reader) =>
                    {
                        One(reader, g);
                        return reader;
                    },
                    reader => reader.Dispose());
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
            {
                ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            return true;
        });
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The problem of a file that cannot be decoded.</summary>
    public static InputFileException Damaged(string name, string detail, string format = "Parquet") =>
        new(name, [new FileProblem(null, "file", null, null, null,
            $"the {format} file cannot be decoded: it is damaged or truncated, or could not be read ({detail}); write it again, or export the data as CSV.")]);

    /// <summary>Runs a step of the decoder, turning what it throws on a damaged file into <see cref="InputFileException"/>.</summary>
    public static T Guard<T>(string name, Func<T> step, string format = "Parquet")
    {
        try
        {
            return step();
        }
        catch (Exception ex) when (ex is not (InputFileException or OperationCanceledException or OutOfMemoryException))
        {
            // A damaged file shows up as any type (a ParquetException from the C++ decoder, an IOException, an index out
            // of range in a managed decoder): the type does not tell damage from a failing disk, the message keeps the text.
            throw Damaged(name, ex.GetType().Name + ": " + ex.Message, format);
        }
    }
}
