using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.IO.Tests;

/// <summary>Issue #13's bars for the readers: files built from hostile fields (dates at and past the ends of time, amounts
/// past <see cref="long"/>, 1e308, NaN and infinities, escape sequences, stray quotes, NUL, invalid UTF-8, lone
/// surrogates encoded as bytes, byte order marks, missing and extra fields), truncated and bit-flipped Parquet, through
/// every reader under a culture whose marks must never reach a message. A read ends with a result or an
/// <see cref="InputFileException"/> (the documented type); every row problem names its line; every row kept is one the
/// library takes or refuses with a <see cref="CxValidationException"/> (revenue rows are built into a ledger; instants of
/// measurements, events and feedback outside the supported range are left to the library's validators, CX0114). CX_FUZZ_CASES raises the number of files (default
/// 60 per reader, a second or two).</summary>
public sealed class HostileFileTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? Math.Max(n, 60) : 60;

    private static readonly string[] Marks = ["٫", "⁻", "˙", "∞∞", "NaNaN", "꞉", "⁄"];

    private static readonly string[] HostileFields =
    [
        "9999-12-31", "-9998-01-01", "0000-01-01", "0001-01-01", "9998-12-31", "2024-02-30", "2024-13-01", "99999-01-01",
        "9999-12-31T23:59:59Z", "-9998-01-01T00:00:00Z", "2024-01-01T25:00:00Z", "2024-03-01T10:00:00+99:00",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "92233720368547758.08", "1e308", "-1e308", "1e309",
        "NaN", "Infinity", "-Infinity", "∞", "1,5", "0x10", "1_000", "٣", " 12 ", "",
        "C\u001b[31mRED\u001b[0m", "bell\u0007", "nul\u0000x", "rlo\u202Eabc", "\"unterminated", "a\"b", "\"\"", "\"multi\nline\"",
        "breach", "ok", "failed", "pro", new string('x', 5000),
    ];

    private static readonly byte[][] HostileBytes =
    [
        [0xC3, 0x28], [0xE9], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xC0, 0xAF],
    ];

    private static readonly string[] Headers =
    [
        "customer_id,date,amount,segment", "customer_id,date,amount", "standard,instant,value,customer", "standard,instant,value",
        "customer_id,touchpoint,instant,outcome,channel", "customer_id,touchpoint,instant,outcome", "customer_id,customer_id,date,amount",
        "instant,source,kind,customer_id,stage,touchpoint,topics,sentiment,instrument,score,scale_min,scale_max,text", "instant,source,kind,text",
        "", "\u001b[2J", "a,b",
    ];

    private static Gen<byte[]> TextFiles =>
        from header in Gen.Elements(Headers)
        from rows in Gen.Choose(0, 12).SelectMany(count => Gen.Elements(HostileFields).ArrayOf().Select(f => f.Length == 0 ? ["x"] : f).ArrayOf(count))
        from junk in Gen.Frequency((4, Gen.Constant(Array.Empty<byte>())), (1, Gen.Elements(HostileBytes)))
        from at in Gen.Choose(0, 1000)
        from crlf in Gen.Elements(false, true)
        from bom in Gen.Elements(false, false, false, true)
        select Assemble(header, rows, junk, at, crlf, bom);

    private static byte[] Assemble(string header, string[][] rows, byte[] junk, int at, bool crlf, bool bom)
    {
        string newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder(header);
        foreach (string[] row in rows)
        {
            text.Append(newline).AppendJoin(',', row);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        int cut = bytes.Length == 0 ? 0 : at % (bytes.Length + 1);
        byte[] prefix = bom ? [0xEF, 0xBB, 0xBF] : [];
        return [.. prefix, .. bytes.AsSpan(0, cut), .. junk, .. bytes.AsSpan(cut)];
    }

    private static Gen<byte[]> ParquetFiles =>
        from flips in Gen.Choose(0, 6)
        from positions in Gen.Choose(0, int.MaxValue).ArrayOf(flips)
        from values in Gen.Choose(0, 255).ArrayOf(flips)
        from truncate in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        select Mutate(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "small.parquet")), positions, values, truncate);

    private static byte[] Mutate(byte[] bytes, int[] positions, int[] values, int truncate)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            // Keep the magic bytes at both ends so the reader takes it for Parquet and the damage is inside.
            int p = 4 + (positions[i] % Math.Max(1, bytes.Length - 8));
            bytes[p] = (byte)values[i];
        }

        return truncate < 0 ? bytes : bytes[..Math.Max(4, truncate % bytes.Length)];
    }

    private static void Judge(string reader, byte[] file, Func<Stream, object> read, Action<object> laws)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Hostile;
        try
        {
            object result;
            try
            {
                result = read(new MemoryStream(file, writable: false));
            }
            catch (InputFileException ex)
            {
                Assert.NotEmpty(ex.Problems);
                Assert.All(ex.Problems, p => NoLeak(reader, file, p.Format("hostile.csv")));
                NoLeak(reader, file, ex.Message);
                return;
            }

            laws(result);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{reader} threw {ex.GetType().Name} on {Describe(file)}: {ex.Message}\n{ex.StackTrace}");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static void NoLeak(string reader, byte[] file, string message)
    {
        string? leak = Marks.FirstOrDefault(m => message.Contains(m, StringComparison.Ordinal));
        Assert.True(leak is null, $"{reader}: a message formats in the current culture ('{leak}') on {Describe(file)}: {message}");
    }

    private static void RowProblems(string reader, byte[] file, IReadOnlyList<FileProblem> problems, long count)
    {
        Assert.True(count >= problems.Count, $"{reader}: {count} problems counted, {problems.Count} listed");
        foreach (FileProblem p in problems)
        {
            Assert.True(p.Line is > 0 || p.Where is not null, $"{reader}: a problem names neither its line nor its place on {Describe(file)}: {p}");
            NoLeak(reader, file, p.Format("hostile.csv"));
        }
    }

    private static string Describe(byte[] file) =>
        file.Length > 400 ? Convert.ToHexString(file, 0, 400) + "..." : Convert.ToHexString(file);

    private static readonly CultureInfo Hostile = CreateHostile();

    private static CultureInfo CreateHostile()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = "٫";
        culture.NumberFormat.NumberGroupSeparator = "˙";
        culture.NumberFormat.NegativeSign = "⁻";
        culture.NumberFormat.PositiveInfinitySymbol = "∞∞";
        culture.NumberFormat.NegativeInfinitySymbol = "⁻∞∞";
        culture.NumberFormat.NaNSymbol = "NaNaN";
        culture.DateTimeFormat.TimeSeparator = "꞉";
        culture.DateTimeFormat.DateSeparator = "⁄";
        return CultureInfo.ReadOnly(culture);
    }

    private static void Check(Gen<byte[]> files, int seed, Action<byte[]> judge)
    {
        foreach (byte[] file in files.Sample(Cases, new Rnd((ulong)seed, 0x9E3779B97F4A7C15UL), 30))
        {
            judge(file);
        }
    }

    [Fact]
    public void RevenueReader_HostileFiles_GiveRowsOrProblemsAndLedgersTakeOrRefuseThem()
    {
        var grid = PeriodGrid.Monthly(new YearMonth(2023, 1), new YearMonth(2025, 12));
        Check(Gen.Frequency((5, TextFiles), (1, ParquetFiles)), 13, file => Judge("RevenueFileReader", file, s => RevenueFileReader.Read(s, "hostile.csv"), result =>
        {
            var revenue = (RevenueFile)result;
            RowProblems("RevenueFileReader", file, revenue.Problems, revenue.ProblemCount);
            for (int i = 0; i < revenue.RowCount; i++)
            {
                Assert.True(SupportedRange.Contains(revenue.Columns.Date.Span[i]), $"row {i} dated {revenue.Columns.Date.Span[i]} outside the supported range was kept");
                Assert.True(revenue.LineOf(i) is > 0 || revenue.LineOf(i) is null);
            }

            if (revenue.RowCount > 0)
            {
                try
                {
                    AssetLedger ledger = AssetLedger.FromColumns(revenue.Columns, grid, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });
                    Assert.True(ledger.CustomerCount <= revenue.Columns.Customers.Count);
                }
                catch (CxValidationException ex)
                {
                    NoLeak("AssetLedger.FromColumns", file, ex.Message);
                }
            }
        }));
    }

    [Fact]
    public void MeasurementReader_HostileFiles_GiveFiniteMeasurementsOrProblems()
    {
        Check(TextFiles, 17, file => Judge("MeasurementFileReader", file, s => MeasurementFileReader.Read(s, "hostile.csv"), result =>
        {
            var measurements = (MeasurementFile)result;
            RowProblems("MeasurementFileReader", file, measurements.Problems, measurements.ProblemCount);
            // Instants outside the supported range are the library's to refuse (CX0114, mapped back to the line by cx);
            // a value that is not a finite number is the reader's.
            Assert.All(measurements.Measurements, m => Assert.True(double.IsFinite(m.Value), $"measurement value {m.Value} was kept"));
        }));
    }

    [Fact]
    public void FeedbackReader_HostileFiles_GiveSignalsOrProblems()
    {
        Check(TextFiles, 23, file => Judge("FeedbackFileReader", file, s => FeedbackFileReader.Read(s, "hostile.csv"), result =>
        {
            var feedback = (FeedbackFile)result;
            RowProblems("FeedbackFileReader", file, feedback.Problems, feedback.ProblemCount);
        }));
    }

    [Fact]
    public void EventReader_HostileFiles_GiveEventsOrProblems()
    {
        Check(TextFiles, 19, file => Judge("ExperienceEventFileReader", file, s => ExperienceEventFileReader.Read(s, "hostile.csv"), result =>
        {
            var events = (ExperienceEventFile)result;
            RowProblems("ExperienceEventFileReader", file, events.Problems, events.ProblemCount);
        }));
    }
}

/// <summary>Cancelling a read ends it with <see cref="OperationCanceledException"/> (the documented type), on one thread
/// and when blocks are parsed on several: never an <see cref="AggregateException"/> of the blocks cancelled before they
/// started (which the tool would report as an internal error instead of exit 130).</summary>
public sealed class CancelledReadTests
{
    private static byte[] Revenue(int rows) =>
        Encoding.UTF8.GetBytes("customer_id,date,amount\n" + string.Concat(Enumerable.Range(0, rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"C{i % 97},2024-01-{1 + (i % 28):D2},{i % 1000}.25\n"))));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public void RevenueReader_CancelledWhileParsingBlocksInParallel_ThrowsOperationCanceled(int afterReports)
    {
        byte[] file = Revenue(5_000);
        using var cancellation = new CancellationTokenSource();
        int reports = 0;
        var progress = new SynchronousProgress(_ =>
        {
            if (++reports == afterReports)
            {
                cancellation.Cancel();
            }
        });

        Exception? thrown = Record.Exception(() => TestData.WithTinyBlocks(512, () =>
            RevenueFileReader.Read(new MemoryStream(file), "big.csv", new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 4 } }, progress, cancellation.Token)));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [Fact]
    public void Readers_CancelledBeforeTheyStart_ThrowOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        byte[] file = Revenue(50);

        Assert.ThrowsAny<OperationCanceledException>(() => RevenueFileReader.Read(new MemoryStream(file), "r.csv", null, null, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => MeasurementFileReader.Read(new MemoryStream("standard,instant,value\ns,2024-01-01T00:00:00Z,1\n"u8.ToArray()), "m.csv", null, null, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ExperienceEventFileReader.Read(new MemoryStream("customer_id,touchpoint,instant,outcome\nA,web,2024-01-01T00:00:00Z,ok\n"u8.ToArray()), "e.csv", null, null, cancellation.Token));
    }

    /// <summary>Reports on the reader's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
