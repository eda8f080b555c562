using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using NodaTime;
using ParquetSharp;
using Column = ParquetSharp.Column;

namespace Cx.Domain.IO.Tests;

/// <summary>Writes rows of text columns, date columns and decimal or number columns as Parquet (ParquetSharp, the
/// reader's own library) and Arrow IPC files and streams (Apache.Arrow), in several row groups or record batches, for
/// the tests of the columnar readers. A null stands for a missing value.</summary>
internal static class ColumnarFiles
{
    /// <summary>A column to write: text (string?), dates (LocalDate?), instants (Instant?, as UTC timestamps), decimals (decimal?, scale 3) or numbers (double?).</summary>
    internal sealed record Col(string Name, object?[] Values);

    public static void WriteParquet(string path, int rowsPerGroup, params Col[] columns)
    {
        Column[] schema = [.. columns.Select(c => c.Values.FirstOrDefault(v => v is not null) switch
        {
            LocalDate => (Column)new Column<Date?>(c.Name),
            Instant => new Column<DateTime?>(c.Name),
            decimal => new Column<decimal?>(c.Name, LogicalType.Decimal(29, 3)),
            double => new Column<double?>(c.Name),
            _ => new Column<string>(c.Name),
        })];
        using var writer = new ParquetFileWriter(path, schema);
        int rows = columns[0].Values.Length;
        for (int start = 0; start < rows || start == 0; start += rowsPerGroup)
        {
            int n = Math.Min(rowsPerGroup, rows - start);
            using RowGroupWriter group = writer.AppendRowGroup();
            for (int k = 0; k < columns.Length; k++)
            {
                object?[] values = columns[k].Values[start..(start + n)];
                switch (schema[k])
                {
                    case Column<Date?>:
                        using (LogicalColumnWriter<Date?> w = group.NextColumn().LogicalWriter<Date?>())
                        {
                            w.WriteBatch([.. values.Select(v => v is LocalDate d ? new Date(d.Year, d.Month, d.Day) : (Date?)null)]);
                        }

                        break;
                    case Column<DateTime?>:
                        using (LogicalColumnWriter<DateTime?> w = group.NextColumn().LogicalWriter<DateTime?>())
                        {
                            w.WriteBatch([.. values.Select(v => v is Instant t ? t.ToDateTimeUtc() : (DateTime?)null)]);
                        }

                        break;
                    case Column<decimal?>:
                        using (LogicalColumnWriter<decimal?> w = group.NextColumn().LogicalWriter<decimal?>())
                        {
                            w.WriteBatch([.. values.Select(v => (decimal?)v)]);
                        }

                        break;
                    case Column<double?>:
                        using (LogicalColumnWriter<double?> w = group.NextColumn().LogicalWriter<double?>())
                        {
                            w.WriteBatch([.. values.Select(v => (double?)v)]);
                        }

                        break;
                    default:
                        using (LogicalColumnWriter<string> w = group.NextColumn().LogicalWriter<string>())
                        {
                            w.WriteBatch([.. values.Select(v => (string)v!)]);
                        }

                        break;
                }
            }

            if (rows == 0)
            {
                break;
            }
        }

        writer.Close();
    }

    public static byte[] WriteArrow(bool file, int rowsPerBatch, params Col[] columns)
    {
        var fields = new List<Field>();
        foreach (Col c in columns)
        {
            IArrowType type = c.Values.FirstOrDefault(v => v is not null) switch
            {
                LocalDate => Date32Type.Default,
                Instant => new TimestampType(Apache.Arrow.Types.TimeUnit.Microsecond, "UTC"),
                decimal => new Decimal128Type(29, 3),
                double => DoubleType.Default,
                _ => StringType.Default,
            };
            fields.Add(new Field(c.Name, type, nullable: true));
        }

        var schema = new Schema(fields, null);
        using var stream = new MemoryStream();
        int rows = columns[0].Values.Length;
        using (ArrowStreamWriter writer = file ? new ArrowFileWriter(stream, schema, leaveOpen: true) : new ArrowStreamWriter(stream, schema, leaveOpen: true))
        {
            // Without WriteStart, a file of no batches lacks its opening magic and schema.
            writer.WriteStart();
            for (int start = 0; start < rows; start += rowsPerBatch)
            {
                int n = Math.Min(rowsPerBatch, rows - start);
                IArrowArray[] arrays = [.. columns.Select((c, k) => Build(fields[k].DataType, c.Values[start..(start + n)]))];
                writer.WriteRecordBatch(new RecordBatch(schema, arrays, n));
            }

            writer.WriteEnd();
        }

        return stream.ToArray();
    }

    private static IArrowArray Build(IArrowType type, object?[] values)
    {
        switch (type)
        {
            case Date32Type:
                var dates = new Date32Array.Builder();
                foreach (object? v in values)
                {
                    _ = v is LocalDate d ? dates.Append(d.ToDateOnly()) : dates.AppendNull();
                }

                return dates.Build();
            case TimestampType t:
                var stamps = new TimestampArray.Builder(t);
                foreach (object? v in values)
                {
                    _ = v is Instant i ? stamps.Append(i.ToDateTimeOffset()) : stamps.AppendNull();
                }

                return stamps.Build();
            case Decimal128Type t:
                var decimals = new Decimal128Array.Builder(t);
                foreach (object? v in values)
                {
                    _ = v is decimal m ? decimals.Append(m) : decimals.AppendNull();
                }

                return decimals.Build();
            case DoubleType:
                var doubles = new DoubleArray.Builder();
                foreach (object? v in values)
                {
                    _ = v is double x ? doubles.Append(x) : doubles.AppendNull();
                }

                return doubles.Build();
            default:
                var strings = new StringArray.Builder();
                foreach (object? v in values)
                {
                    _ = v is string s ? strings.Append(s) : strings.AppendNull();
                }

                return strings.Build();
        }
    }
}
