using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cx.Domain.IO;
using Cx.Domain.IO.Internal;
using nietras.SeparatedValues;

namespace Cx.Domain.Benchmarks;

/// <summary>Reading the revenue CSV of the perf workload (shuffled rows, real dates and decimal amounts): the raw byte
/// scan (the floor), the tokenizers that could do the CSV (Sep 0.17, CsvHelper 34's reader, the reader's own UTF-8
/// tokenizer), and the whole <see cref="RevenueFileReader"/> to columns, on one thread and on every core.</summary>
/// <remarks>
/// <para>The file is <c>customer_id,date,amount</c> with ids <c>C0000123</c>, ISO dates (the 15th of the workload's
/// month, from 2022-01) and amounts in dollars with two decimals: about 30 bytes a row. 100,000 customers give about
/// 1.4M rows (43 MB); 1,000,000 give 14.1M rows (430 MB). Set <c>CX_BENCH_SMALL=1</c> for 100,000 only.</para>
/// <para>Throughput in MB/s is the file size divided by the mean; allocation shows whether a path allocates per row.</para>
/// </remarks>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 3)]
public class FileInputBenchmarks
{
    private string _path = string.Empty;

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
}
