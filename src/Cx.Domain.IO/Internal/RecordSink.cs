namespace Cx.Domain.IO.Internal;

/// <summary>A block sink that turns each row into one record object (events, measurements: files far smaller than
/// revenue files), through a row reader shared by the blocks.</summary>
internal sealed class RecordSink<T> : CheckedSink
{
    private readonly RowReader _read;

    public RecordSink(ReaderContext context, RowReader read)
        : base(context)
    {
        _read = read;
    }

    /// <summary>Reads one row into a record: adds problems through the callback and returns whether it is kept.</summary>
    public delegate bool RowReader(ReadOnlySpan<byte> buffer, Row row, Action<string?, string?, string?, string> problem, out T record);

    public List<T> Records { get; } = [];

    protected override bool Read(ReadOnlySpan<byte> buffer, Row row, long line)
    {
        bool kept = _read(buffer, row, (column, setting, code, message) => AddProblem(line, column, setting, code, message), out T record);
        if (kept)
        {
            Records.Add(record);
        }

        return kept;
    }

    /// <summary>Concatenates blocks in file order: the records, their lines and the problems with file lines.</summary>
    public static (List<T> Records, LineMap Lines, List<FileProblem> Problems, long ProblemCount) Merge(List<RecordSink<T>> sinks, long firstDataLine)
    {
        var records = new List<T>();
        var lines = new LineMap();
        var problems = new List<FileProblem>();
        long count = 0;
        long line = firstDataLine;
        foreach (RecordSink<T> sink in sinks)
        {
            lines.Append(sink.RowLines, records.Count, line);
            records.AddRange(sink.Records);
            foreach (FileProblem p in sink.Problems)
            {
                if (problems.Count < RevenueFile.ProblemLimit)
                {
                    problems.Add(new FileProblem(p.Line + line, p.Where, p.Column, p.Setting, p.Code, p.Message));
                }
            }

            count += sink.ProblemCount;
            line += sink.Lines;
        }

        return (records, lines, problems, count);
    }
}
