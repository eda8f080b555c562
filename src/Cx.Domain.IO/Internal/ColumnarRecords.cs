using System.Globalization;
using System.Text;
using NodaTime;

namespace Cx.Domain.IO.Internal;

/// <summary>Reads Parquet and Arrow files of records (experience events, measurements): columns found by name or
/// position as in a CSV header, each row's values taken from its columns (text as text, timestamps and dates straight to
/// instants, numbers straight to doubles) and checked by the same code as the text readers. Problems name their row
/// (from 1) and column.</summary>
internal static class ColumnarRecords
{
    /// <summary>Reads row <c>row</c> of a batch; the columns are in the order the reader asked for them (null: absent).</summary>
    public delegate bool RowReader<T>(ColumnBatch?[] columns, int row, Action<string?, string?, string?, string> problem, out T record);

    /// <summary>What a reader asks for: the columns it needs (-1: absent), the types they may hold, how to read a row.</summary>
    public sealed record Plan<T>(int[] Indexes, ColumnRule[] Rules, RowReader<T> Read);

    /// <summary>Whether the stream is a Parquet or Arrow file.</summary>
    public static bool IsColumnar(Stream stream) => ParquetInput.IsParquet(stream) || ArrowInput.IsArrow(stream);

    public static (string Format, List<T> Records, List<FileProblem> Problems, long ProblemCount) Read<T>(Stream stream, string name, TextFileOptions text, IReadOnlyDictionary<string, string>? settingNames, Func<ReaderContext, List<FileProblem>, (string Name, ColumnKind Kind)[], Plan<T>?> prepare, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (ParquetInput.IsParquet(stream))
        {
            using ParquetInput parquet = ParquetInput.Open(stream, name);
            Plan<T> plan = Prepare(name, "Parquet", parquet.Columns, text, settingNames, prepare);
            var parts = new Part<T>[parquet.RowGroupCount];
            long[] starts = new long[parquet.RowGroupCount];
            for (int g = 1; g < starts.Length; g++)
            {
                starts[g] = starts[g - 1] + parquet.GroupRows[g - 1];
            }

            parquet.ForEachGroup(
                text.MaxDegreeOfParallelism,
                progress,
                (g, group) =>
                {
                    ColumnBatch?[] columns = [.. plan.Indexes.Select(i => i < 0 ? null : (ColumnBatch)new ParquetColumn(group, i))];
                    try
                    {
                        parts[g] = ReadRows(plan, columns, (int)parquet.GroupRows[g], starts[g]);
                    }
                    finally
                    {
                        Array.ForEach(columns, c => c?.Dispose());
                    }
                },
                cancellationToken);
            return Merge("Parquet", parts);
        }

        using ArrowInput arrow = ArrowInput.Open(stream, name);
        Plan<T> arrowPlan = Prepare(name, "Arrow", arrow.Columns, text, settingNames, prepare);
        var batches = new List<Part<T>>();
        long start = 0;
        arrow.ForEachBatch(
            progress,
            batch =>
            {
                ColumnBatch?[] columns = [.. arrowPlan.Indexes.Select(i => i < 0 ? null : (ColumnBatch)new ArrowColumn(batch.Column(i)))];
                batches.Add(ReadRows(arrowPlan, columns, batch.Length, start));
                start += batch.Length;
            },
            cancellationToken);
        return Merge("Arrow", [.. batches]);
    }

    private static Plan<T> Prepare<T>(string name, string format, (string Name, ColumnKind Kind)[] columns, TextFileOptions text, IReadOnlyDictionary<string, string>? settingNames, Func<ReaderContext, List<FileProblem>, (string Name, ColumnKind Kind)[], Plan<T>?> prepare)
    {
        ReaderContext context = Columnar.Context([.. columns.Select(c => c.Name)], text.Delimiter, format, settingNames);
        var missing = new List<FileProblem>();
        Plan<T>? plan = prepare(context, missing, columns);
        Columnar.ThrowMissing(name, missing, plan is null);
        Columnar.RequireKinds(name, context, plan!.Rules);
        return plan;
    }

    private sealed record Part<T>(List<T> Records, List<FileProblem> Problems, long ProblemCount);

    private static Part<T> ReadRows<T>(Plan<T> plan, ColumnBatch?[] columns, int rows, long start)
    {
        var records = new List<T>();
        var problems = new List<FileProblem>();
        long count = 0;
        int done = 0;
        while (done < rows)
        {
            int n = Math.Min(ParquetInput.BatchRows, rows - done);
            foreach (ColumnBatch? c in columns)
            {
                if (c is not null && c.Read(n) != n)
                {
                    throw new InvalidDataException("A column holds fewer rows than the file's metadata says.");
                }
            }

            for (int i = 0; i < n; i++)
            {
                string where = string.Create(CultureInfo.InvariantCulture, $"row {start + done + i + 1}");
                if (plan.Read(columns, i, (column, setting, code, message) =>
                {
                    count++;
                    if (problems.Count < RevenueFile.ProblemLimit)
                    {
                        problems.Add(new FileProblem(null, where, column, setting, code, message));
                    }
                }, out T record))
                {
                    records.Add(record);
                }
            }

            done += n;
        }

        return new Part<T>(records, problems, count);
    }

    private static (string, List<T>, List<FileProblem>, long) Merge<T>(string format, Part<T>[] parts)
    {
        var records = new List<T>(parts.Sum(p => p.Records.Count));
        var problems = new List<FileProblem>();
        long count = 0;
        foreach (Part<T> part in parts)
        {
            records.AddRange(part.Records);
            problems.AddRange(part.Problems.Take(RevenueFile.ProblemLimit - problems.Count));
            count += part.ProblemCount;
        }

        return (format, records, problems, count);
    }

    /// <summary>The text of a value of a text or integer column; null for a null.</summary>
    public static string? StringOf(ColumnBatch? column, int row)
    {
        if (column is null || column.ValueOf(row) is var v && v < 0)
        {
            return null;
        }

        return column.Kind == ColumnKind.Integer
            ? (column.Is64 ? column.Int64s[v] : column.Int32s[v]).ToString(CultureInfo.InvariantCulture)
            : Encoding.UTF8.GetString(column.BytesOf(v));
    }

    /// <summary>The instant of a value: a timestamp as it is (UTC), a date at midnight UTC, text through
    /// <paramref name="parse"/> (which also words the message of a null).</summary>
    public static bool TryInstantOf(ColumnBatch column, int row, InstantParser parse, out Instant instant, out string? error)
    {
        int v = column.ValueOf(row);
        if (v < 0 || column.Kind == ColumnKind.Text)
        {
            return parse(v < 0 ? null : Encoding.UTF8.GetString(column.BytesOf(v)), out instant, out error);
        }

        instant = default;
        try
        {
            const long TicksPerDay = 864_000_000_000L;
            long ticks = column.Kind switch
            {
                ColumnKind.Date => checked(column.Int32s[v] * TicksPerDay),
                ColumnKind.Timestamp when column.UnitsPerDay > TicksPerDay => column.Int64s[v] / (column.UnitsPerDay / TicksPerDay) - (column.Int64s[v] % (column.UnitsPerDay / TicksPerDay) < 0 ? 1 : 0),
                ColumnKind.Timestamp => checked(column.Int64s[v] * (TicksPerDay / column.UnitsPerDay)),
                _ => checked((ParquetColumn.DaysOf(column.Int96s[v]) * TicksPerDay) + (((long)(uint)column.Int96s[v].B << 32 | (uint)column.Int96s[v].A) % 86_400_000_000_000L / 100)),
            };
            instant = Instant.FromUnixTimeTicks(ticks);
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            error = "the instant is outside the range of dates this library supports (0001-01-01 to 9998-12-31).";
            return false;
        }
    }

    /// <summary>Parses an instant from text, wording the messages of an empty or bad one.</summary>
    public delegate bool InstantParser(string? text, out Instant instant, out string? error);

    /// <summary>The number of a value: floating point as it is, integers and decimals converted, text through
    /// <paramref name="parse"/> (which also words the message of a null and of NaN or infinities).</summary>
    public static bool TryNumberOf(ColumnBatch column, int row, NumberParser parse, out double value, out string? error)
    {
        int v = column.ValueOf(row);
        if (v < 0 || column.Kind == ColumnKind.Text)
        {
            return parse(v < 0 ? null : Encoding.UTF8.GetString(column.BytesOf(v)), out value, out error);
        }

        if (column.Kind == ColumnKind.Floating)
        {
            value = column.Doubles[v];
            return double.IsFinite(value) ? (error = null) is null : parse(value.ToString(CultureInfo.InvariantCulture), out value, out error);
        }

        if (!column.TryUnscaled(v, out Int128 unscaled))
        {
            value = 0;
            error = "expected a number that fits in 128 bits.";
            return false;
        }

        value = (double)unscaled / Math.Pow(10, column.Kind == ColumnKind.Decimal ? column.Scale : 0);
        error = null;
        return true;
    }

    /// <summary>Parses a number from text, wording the messages of an empty or bad one.</summary>
    public delegate bool NumberParser(string? text, out double value, out string? error);
}
