using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text.Unicode;

namespace Cx.Domain.IO.Internal;

/// <summary>Parses the data rows of a file block by block, into one sink per block, in file order: on one thread
/// (a row cut by a block's end is carried into the next), or on several, with blocks cut ahead at line breaks outside
/// quotes and checked afterwards (a block whose rows do not end exactly at its cut sends the caller back to one thread).</summary>
internal static class BlockDriver
{
    public const int BlockSize = 4 << 20;

    /// <summary>Parses the header (or first) row: the first row that is not blank.</summary>
    /// <returns>The row's fields as strings (null when the data has no row that is not blank), the line breaks of the
    /// blank rows before it and of the row itself, and whether it is valid UTF-8.</returns>
    public static (string[]? Fields, long LinesBefore, long RowLines, bool ValidUtf8) ReadFirstRow(ByteSource source, RowParser parser, bool consume, CancellationToken cancellationToken)
    {
        var row = new Row();
        long lines = 0;
        source.Fill(cancellationToken);
        while (true)
        {
            int pos = 0;
            RowParser.Result result = parser.Next(source.Data, ref pos, source.Eof, row);
            if (result == RowParser.Result.End)
            {
                return (null, lines, 0, true);
            }

            if (result == RowParser.Result.NeedMore)
            {
                if (source.Length == source.Capacity && !source.Grow())
                {
                    throw new InputFileException("input", [new FileProblem(lines + 1, null, null, null, null, "the first row is longer than 256 MiB; a quoted field is probably never closed.")]);
                }

                source.Fill(cancellationToken);
                continue;
            }

            ReadOnlySpan<byte> data = source.Data;
            if (Fields.IsBlankRow(data, row, 0, row.Count) && Utf8.IsValid(data[row.StartOffset..row.EndOffset]))
            {
                lines += row.LineBreaks;
                source.Consume(pos);
                continue;
            }

            bool valid = Utf8.IsValid(data[row.StartOffset..row.EndOffset]);
            string[] fields = new string[row.Count];
            for (int i = 0; i < row.Count; i++)
            {
                fields[i] = Fields.String(data, row, i);
            }

            if (consume)
            {
                source.Consume(pos);
            }

            return (fields, lines, row.LineBreaks, valid);
        }
    }

    /// <summary>Parses every remaining row.</summary>
    /// <returns>The sinks in file order, or null when blocks cut ahead turned out to be cut inside a row (read again on
    /// one thread).</returns>
    public static List<TSink>? Run<TSink>(ByteSource source, Delimiter delimiter, SinkFactory<TSink> create, int degree, Action<long>? progress, CancellationToken cancellationToken)
        where TSink : RowSink
    {
        return degree <= 1
            ? Sequential(source, new RowParser(delimiter), create, progress, cancellationToken)
            : Parallel(source, delimiter, create, degree, progress, cancellationToken);
    }

    private static List<TSink> Sequential<TSink>(ByteSource source, RowParser parser, SinkFactory<TSink> create, Action<long>? progress, CancellationToken cancellationToken)
        where TSink : RowSink
    {
        var sinks = new List<TSink>();
        var row = new Row();
        long lines = 0;
        while (true)
        {
            source.Fill(cancellationToken);
            progress?.Invoke(source.BytesRead);
            if (source.Length == 0 && source.Eof)
            {
                return sinks;
            }

            TSink sink = create(source.Length, RowBound(source.Data), quiet: true)!;
            int consumed = ParseBlock(source.Data, source.Eof, parser, row, sink);
            if (consumed == 0 && !source.Eof)
            {
                if (source.Length == source.Capacity && !source.Grow())
                {
                    throw new InputFileException("input", [new FileProblem(lines + 1, null, null, null, null, "a row is longer than 256 MiB; a quoted field is probably never closed.")]);
                }

                continue;
            }

            lines += sink.Lines;
            sinks.Add(sink);
            source.Consume(consumed);
            if (source.Eof && source.Length == 0)
            {
                return sinks;
            }
        }
    }

    private static List<TSink>? Parallel<TSink>(ByteSource source, Delimiter delimiter, SinkFactory<TSink> create, int degree, Action<long>? progress, CancellationToken cancellationToken)
        where TSink : RowSink
    {
        var sinks = new List<TSink>();
        var tasks = new List<Task>();
        using var slots = new SemaphoreSlim(degree + 1);
        try
        {
            while (true)
            {
                source.Fill(cancellationToken);
                progress?.Invoke(source.BytesRead);
                if (source.Length == 0 && source.Eof)
                {
                    break;
                }

                bool final = source.Eof;
                int cut = final ? source.Length : FindCut(source.Data);
                if (cut <= 0)
                {
                    if (!source.Grow())
                    {
                        return null;
                    }

                    continue;
                }

                (byte[] array, int offset, int count) = source.Take(cut);
                int bound = RowBound(array.AsSpan(offset, count));
                TSink? sink = create(count, bound, quiet: false);
                if (sink is null)
                {
                    // The sink needs every block in flight finished first (to grow the columns they write into).
                    Task.WaitAll([.. tasks], cancellationToken);
                    sink = create(count, bound, quiet: true)!;
                }

                sinks.Add(sink);
                slots.Wait(cancellationToken);
                tasks.Add(Task.Run(
                    () =>
                    {
                        try
                        {
                            int consumed = ParseBlock(array.AsSpan(offset, count), true, new RowParser(delimiter), new Row(), sink);
                            sink.EndedClean = final || (consumed == count && sink.EndedClean);
                        }
                        finally
                        {
                            ArrayPool<byte>.Shared.Return(array);
                            slots.Release();
                        }
                    },
                    cancellationToken));
                if (final)
                {
                    break;
                }
            }
        }
        finally
        {
            Task.WaitAll([.. tasks], CancellationToken.None);
        }

        return sinks.TrueForAll(s => s.EndedClean) ? sinks : null;
    }

    /// <summary>Parses the rows of a block into its sink; returns how many bytes were consumed (whole rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseBlock(ReadOnlySpan<byte> data, bool final, RowParser parser, Row row, RowSink sink)
    {
        bool valid = Utf8.IsValid(data);
        int pos = 0;
        long line = 0;
        bool clean = true;
        while (true)
        {
            RowParser.Result result = parser.Next(data, ref pos, final, row);
            if (result != RowParser.Result.Row)
            {
                break;
            }

            if (!valid && !Utf8.IsValid(data[row.StartOffset..row.EndOffset]))
            {
                sink.OnInvalidUtf8(data[row.StartOffset..row.EndOffset], line);
            }
            else
            {
                sink.OnRow(data, row, line);
            }

            line += row.LineBreaks;
            clean = row.Terminated && row.Malformed != Malformed.UnterminatedQuote;
        }

        sink.OnBlockEnd(data);
        sink.Lines = line;
        sink.EndedClean = clean;
        return pos;
    }

    /// <summary>Returns at most how many rows data holds: one per row end outside quotes (LF, CRLF or a lone CR) and
    /// one more for a last row without one.</summary>
    public static int RowBound(ReadOnlySpan<byte> data)
    {
        long ends = data.Count((byte)'\n');
        if (data.Contains((byte)'\r'))
        {
            ends += data.Count((byte)'\r') - data.Count("\r\n"u8);
        }

        return (int)Math.Min(ends + 1, int.MaxValue);
    }

    /// <summary>Finds where to cut a block: after the last line break with an even number of quotes before it (outside
    /// quotes, if the quoting is well formed; the parse checks it).</summary>
    private static int FindCut(ReadOnlySpan<byte> data)
    {
        int quotes = data.Count((byte)'"');
        int end = data.Length;
        while (true)
        {
            int k = data[..end].LastIndexOf((byte)'\n');
            if (k < 0)
            {
                return -1;
            }

            quotes -= data[(k + 1)..end].Count((byte)'"');
            if ((quotes & 1) == 0)
            {
                return k + 1;
            }

            end = k;
        }
    }
}
