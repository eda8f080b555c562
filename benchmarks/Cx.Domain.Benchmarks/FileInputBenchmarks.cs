using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cx.Domain.IO;
using Cx.Domain.IO.Internal;
using nietras.SeparatedValues;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Cx.Domain.Benchmarks;

/// <summary>Reading the revenue CSV of the perf workload (shuffled rows, real dates and decimal amounts): the raw byte
/// scan (the floor), the tokenizers that could do the CSV (Sep 0.17, CsvHelper 34's reader, the reader's own UTF-8
/// tokenizer), and the whole <see cref="RevenueFileReader"/> to columns, on one thread and on every core.</summary>
/// <remarks>
/// <para>The file is <c>customer_id,date,amount</c> with ids <c>C0000123</c>, ISO dates (the 15th of the workload's
/// month, from 2022-01) and amounts in dollars with two decimals: about 30 bytes a row. 100,000 customers give about
/// 1.4M rows (43 MB); 1,000,000 give 14.1M rows (430 MB). Set <c>CX_BENCH_SMALL=1</c> for 100,000 only.</para>
/// <para>Throughput in MB/s is the file size divided by the mean; allocation shows whether a path allocates per row.</para>
/// <para>The Parquet twin is laid out as DuckDB writes it (<c>COPY ... TO (FORMAT parquet)</c>): optional columns
/// VARCHAR (dictionary-encoded), DATE (INT32) and DECIMAL(18,2) (INT64), snappy, row groups of 122,880 rows. The two
/// .NET Parquet libraries decode its three columns (Parquet.Net 6.1 to strings, <see cref="DateTime"/> and
/// <see cref="decimal"/>; ParquetSharp 25 through its physical readers to UTF-8 bytes, days and unscaled integers), and
/// the whole reader turns it into columns on one thread and on every core.</para>
/// </remarks>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 3)]
public class FileInputBenchmarks
{
    private const int DuckDbRowGroup = 122_880;
    private string _path = string.Empty;
    private string _parquet = string.Empty;

    /// <summary>Gets the customer counts to run.</summary>
    public static IEnumerable<int> CustomerCounts => AssetMovementBenchmarks.CustomerCounts;

    /// <summary>Gets or sets N, the number of customers.</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"cx-file-input-{Customers}.csv"));
        if (!File.Exists(_path))
        {
            WriteCsv(PerfWorkload.Generate(Customers).Shuffled(), _path);
        }

        _parquet = Path.ChangeExtension(_path, ".parquet");
        if (!File.Exists(_parquet))
        {
            WriteParquet(PerfWorkload.Generate(Customers).Shuffled(), _parquet);
        }
    }

    /// <summary>Writes the workload as the revenue CSV's Parquet twin, laid out as DuckDB writes it.</summary>
    public static void WriteParquet(PerfColumns rows, string path)
    {
        var schema = new GroupNode("duckdb_schema", Repetition.Required, [
            new PrimitiveNode("customer_id", Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray),
            new PrimitiveNode("date", Repetition.Optional, LogicalType.Date(), PhysicalType.Int32),
            new PrimitiveNode("amount", Repetition.Optional, LogicalType.Decimal(18, 2), PhysicalType.Int64),
        ]);
        using WriterProperties properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        using var writer = new ParquetFileWriter(path, schema, properties);
        int epoch = new DateOnly(1970, 1, 1).DayNumber;
        var first = new DateOnly(2022, 1, 15);
        for (int start = 0; start < rows.Length; start += DuckDbRowGroup)
        {
            int n = Math.Min(DuckDbRowGroup, rows.Length - start);
            short[] defined = new short[n];
            defined.AsSpan().Fill(1);
            string[] ids = new string[n];
            int[] days = new int[n];
            long[] cents = new long[n];
            for (int i = 0; i < n; i++)
            {
                ids[i] = string.Create(CultureInfo.InvariantCulture, $"C{rows.CustomerIndex[start + i]:D7}");
                days[i] = first.AddMonths(rows.PeriodIndex[start + i]).DayNumber - epoch;
                cents[i] = rows.ValueInCents[start + i];
            }

            using RowGroupWriter group = writer.AppendRowGroup();
            using (LogicalColumnWriter<string> idColumn = group.NextColumn().LogicalWriter<string>())
            {
                idColumn.WriteBatch(ids);
            }

            using (var dates = (ColumnWriter<int>)group.NextColumn())
            {
                dates.WriteBatch(n, defined, default, days);
            }

            using (var amounts = (ColumnWriter<long>)group.NextColumn())
            {
                amounts.WriteBatch(n, defined, default, cents);
            }
        }

        writer.Close();
    }

    /// <summary>Writes the workload as the revenue CSV <c>cx movements</c> reads.</summary>
    public static void WriteCsv(PerfColumns rows, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("customer_id,date,amount\n");
        var first = new DateOnly(2022, 1, 15);
        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < rows.Length; i++)
        {
            long cents = rows.ValueInCents[i];
            DateOnly date = first.AddMonths(rows.PeriodIndex[i]);
            bool ok = buffer.TryWrite(CultureInfo.InvariantCulture, $"C{rows.CustomerIndex[i]:D7},{date:yyyy-MM-dd},{cents / 100}.{cents % 100:D2}\n", out int written);
            if (!ok)
            {
                throw new InvalidOperationException("row too long");
            }

            writer.Write(buffer[..written]);
        }
    }

    /// <summary>Writes the same rows as <see cref="WriteCsv"/> as an Arrow IPC file: ids as UTF-8 strings, dates as Date32,
    /// amounts as Decimal128(18, 2), in record batches of 122,880 rows (DuckDB's row group), uncompressed.</summary>
    public static void WriteArrow(PerfColumns rows, string path)
    {
        const int BatchRows = 122_880;
        var decimalType = new Apache.Arrow.Types.Decimal128Type(18, 2);
        var schema = new Apache.Arrow.Schema(
            [
                new Apache.Arrow.Field("customer_id", Apache.Arrow.Types.StringType.Default, nullable: false),
                new Apache.Arrow.Field("date", Apache.Arrow.Types.Date32Type.Default, nullable: false),
                new Apache.Arrow.Field("amount", decimalType, nullable: false),
            ],
            null);
        var first = new DateOnly(2022, 1, 15);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new Apache.Arrow.Ipc.ArrowFileWriter(stream, schema);
        writer.WriteStart();
        for (int start = 0; start < rows.Length; start += BatchRows)
        {
            int n = Math.Min(BatchRows, rows.Length - start);
            var ids = new Apache.Arrow.StringArray.Builder();
            var dates = new Apache.Arrow.Date32Array.Builder();
            var amounts = new Apache.Arrow.Decimal128Array.Builder(decimalType);
            for (int i = start; i < start + n; i++)
            {
                ids.Append(string.Create(CultureInfo.InvariantCulture, $"C{rows.CustomerIndex[i]:D7}"));
                dates.Append(first.AddMonths(rows.PeriodIndex[i]));
                amounts.Append(rows.ValueInCents[i] / 100m);
            }

            writer.WriteRecordBatch(new Apache.Arrow.RecordBatch(schema, [ids.Build(), dates.Build(), amounts.Build()], n));
        }

        writer.WriteEnd();
    }

    [Benchmark(Baseline = true, Description = "raw bytes: count line breaks")]
    public long RawBytes()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        byte[] buffer = new byte[1 << 20];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    [Benchmark(Description = "Sep 0.17: fields as spans")]
    public long Sep()
    {
        using SepReader reader = nietras.SeparatedValues.Sep.Reader(o => o with { HasHeader = true }).FromFile(_path);
        long sum = 0;
        foreach (SepReader.Row row in reader)
        {
            sum += row[0].Span.Length + row[1].Span.Length + row[2].Span.Length;
        }

        return sum;
    }

    [Benchmark(Description = "CsvHelper 34: fields as strings")]
    public long CsvHelper34()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using CsvHelper.CsvReader reader = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default, leaveOpen: true);
        long sum = 0;
        while (reader.Read())
        {
            sum += reader.GetString(0)!.Length + reader.GetString(1)!.Length + reader.GetString(2)!.Length;
        }

        return sum;
    }

    [Benchmark(Description = "Cx.Domain.IO tokenizer: fields as UTF-8 spans")]
    public long OwnTokenizer()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var source = new ByteSource(stream, BlockDriver.BlockSize);
        var parser = new RowParser(Delimiter.Comma);
        var row = new Row();
        long sum = 0;
        while (true)
        {
            source.Fill(CancellationToken.None);
            int pos = 0;
            ReadOnlySpan<byte> data = source.Data;
            RowParser.Result result;
            while ((result = parser.Next(data, ref pos, source.Eof, row)) == RowParser.Result.Row)
            {
                for (int f = 0; f < row.Count; f++)
                {
                    sum += row.End(f) - row.Start(f);
                }
            }

            source.Consume(pos);
            if (result == RowParser.Result.End || (source.Eof && source.Length == 0))
            {
                return sum;
            }
        }
    }

    [Benchmark(Description = "RevenueFileReader to columns, 1 thread")]
    public int ReaderOneThread() =>
        RevenueFileReader.Read(_path, new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 1 } }).RowCount;

    [Benchmark(Description = "RevenueFileReader to columns, every core")]
    public int ReaderEveryCore() => RevenueFileReader.Read(_path).RowCount;

    [Benchmark(Description = "Parquet: Parquet.Net 6.1 decodes the columns (strings, DateTime, decimal)")]
    public long ParquetNet()
    {
        using var stream = new FileStream(_parquet, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Parquet.ParquetReader reader = Parquet.ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        Parquet.Schema.DataField[] fields = reader.Schema.GetDataFields();
        long sum = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using Parquet.ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var ids = new ReadOnlyMemory<char>?[n];
            var dates = new DateTime?[n];
            var amounts = new decimal?[n];
            group.ReadAsync<ReadOnlyMemory<char>>(fields[0], ids, null).AsTask().GetAwaiter().GetResult();
            group.ReadAsync<DateTime>(fields[1], dates, null).AsTask().GetAwaiter().GetResult();
            group.ReadAsync<decimal>(fields[2], amounts, null).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                sum += ids[i]!.Value.Length + dates[i]!.Value.Day + (long)amounts[i]!.Value;
            }
        }

        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return sum;
    }

    [Benchmark(Description = "Parquet: ParquetSharp 25 physical readers (UTF-8 bytes, days, unscaled)")]
    public long ParquetSharpPhysical()
    {
        using var reader = new ParquetFileReader(_parquet);
        long sum = 0;
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            int rows = checked((int)group.MetaData.NumRows);
            using var ids = new ParquetColumn(group, 0);
            using var dates = new ParquetColumn(group, 1);
            using var amounts = new ParquetColumn(group, 2);
            for (int at = 0; at < rows;)
            {
                int n = ids.Read(Math.Min(ParquetInput.BatchRows, rows - at));
                _ = dates.Read(n);
                _ = amounts.Read(n);
                for (int i = 0; i < n; i++)
                {
                    sum += ids.BytesOf(ids.ValueOf(i)).Length + dates.Int32s[dates.ValueOf(i)] + amounts.Int64s[amounts.ValueOf(i)];
                }

                at += n;
            }
        }

        return sum;
    }

    [Benchmark(Description = "Parquet: RevenueFileReader to columns, 1 thread")]
    public int ParquetReaderOneThread() =>
        RevenueFileReader.Read(_parquet, new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 1 } }).RowCount;

    [Benchmark(Description = "Parquet: RevenueFileReader to columns, every core")]
    public int ParquetReaderEveryCore() => RevenueFileReader.Read(_parquet).RowCount;
}
