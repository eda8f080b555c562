using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using FsCheck;
using FsCheck.Fluent;
using NodaTime.Text;

namespace Cx.Domain.IO.Tests;

/// <summary>The law of the parallel read (issue #13): whatever the bytes, reading a file in blocks on several threads gives
/// exactly what one thread gives — the same rows in the same order, the same customers, the same lines, the same problems,
/// or the same refusal. The files are slices of the sample company's four inputs (revenue, reliability measurements,
/// experience events, feedback) damaged where blocks meet: stray quotes, CR and LF, NUL, byte order marks, invalid UTF-8,
/// deleted bytes and truncation, a few bytes either side of a block boundary, read under every input encoding. The blocks
/// are a few dozen bytes, so a file of a few kilobytes crosses a hundred boundaries. CX_FUZZ_CASES raises the number of files
/// (default 60 per reader).</summary>
public sealed class ParallelReadPropertyTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? Math.Max(n, 60) : 60;

    private static readonly Lazy<SampleCompany> Company = new(() => SampleCompany.Generate());

    private static readonly byte[][] Damage =
    [
        "\""u8.ToArray(), "\"\""u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(), ","u8.ToArray(), [0x00],
        [0xEF, 0xBB, 0xBF], [0xE9], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xFF, 0xFE], "9999-12-31"u8.ToArray(), "1e308"u8.ToArray(),
    ];

    private static readonly InputEncoding[] Encodings = [InputEncoding.Utf8, InputEncoding.Latin1, InputEncoding.Windows1252, InputEncoding.Utf16];

    /// <summary>One damaged file: the bytes, the block size of the parallel read, and the encoding both reads use.</summary>
    public sealed record DamagedFile(byte[] Bytes, int BlockSize, InputEncoding Encoding)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"block {BlockSize}, {Encoding}, {Bytes.Length} bytes: {Convert.ToHexString(Bytes, 0, Math.Min(Bytes.Length, 600))}";
    }

    private static Gen<DamagedFile> Files(Func<byte[]> source) =>
        from block in Gen.Choose(16, 200)
        from skip in Gen.Choose(0, 400)
        from take in Gen.Choose(20, 120)
        from edits in Gen.Choose(0, 8)
        from boundaries in Gen.Choose(0, 1000).ArrayOf(edits)
        from offsets in Gen.Choose(-3, 3).ArrayOf(edits)
        from kinds in Gen.Choose(0, Damage.Length + 1).ArrayOf(edits)
        from truncate in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, int.MaxValue)))
        from encoding in Gen.Elements(Encodings)
        select Build(Slice(source(), skip, take), block, boundaries, offsets, kinds, truncate, encoding);

    /// <summary>The header and <paramref name="take"/> lines from line <paramref name="skip"/> on (LF line ends).</summary>
    private static byte[] Slice(byte[] file, int skip, int take)
    {
        string[] lines = Encoding.UTF8.GetString(file).Split('\n');
        int from = 1 + Math.Min(skip, Math.Max(0, lines.Length - 2));
        IEnumerable<string> body = lines.Skip(from).Take(take);
        return Encoding.UTF8.GetBytes(string.Join('\n', [lines[0], .. body]) + "\n");
    }

    private static DamagedFile Build(byte[] clean, int block, int[] boundaries, int[] offsets, int[] kinds, int truncate, InputEncoding encoding)
    {
        var bytes = new List<byte>(clean);
        int blocks = Math.Max(1, bytes.Count / block);
        for (int i = 0; i < boundaries.Length; i++)
        {
            int at = Math.Clamp(((boundaries[i] % blocks) + 1) * block + offsets[i], 0, bytes.Count);
            if (kinds[i] == Damage.Length)
            {
                if (at < bytes.Count)
                {
                    bytes.RemoveAt(at);
                }
            }
            else if (kinds[i] == Damage.Length + 1)
            {
                if (at < bytes.Count)
                {
                    bytes[at] = (byte)'"';
                }
            }
            else
            {
                bytes.InsertRange(at, Damage[kinds[i]]);
            }
        }

        byte[] result = [.. bytes];
        return new DamagedFile(truncate < 0 || result.Length == 0 ? result : result[..(truncate % result.Length)], block, encoding);
    }

    private static readonly Lazy<byte[]> RevenueBytes = new(() => Utf8(writer =>
    {
        writer.Write("customer_id,date,amount,segment\n");
        foreach (AssetRecord r in Company.Value.RevenueRecords.Take(2000))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Quote(r.Customer.Value)},{r.Date:uuuu-MM-dd},{r.Amount.ToDecimal():0.00},{Quote(r.Segment ?? string.Empty)}\n"));
        }
    }));

    private static readonly Lazy<byte[]> MeasurementBytes = new(() => Utf8(writer =>
    {
        writer.Write("standard,instant,value,customer\n");
        foreach (ReliabilityMeasurement m in Company.Value.ReliabilityMeasurements.Take(2000))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Quote(m.SubjectId)},{InstantPattern.ExtendedIso.Format(m.At)},{m.Value:R},{Quote(m.Customer?.Value ?? string.Empty)}\n"));
        }
    }));

    private static readonly Lazy<byte[]> EventBytes = new(() => Utf8(writer =>
    {
        writer.Write("customer_id,touchpoint,instant,outcome,channel\n");
        foreach (ExperienceEvent e in Company.Value.ExperienceEvents.Take(2000))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Quote(e.Customer.Value)},{Quote(e.TouchpointId)},{InstantPattern.ExtendedIso.Format(e.At)},{e.Outcome.ToString().ToLowerInvariant()},{Quote(e.Channel ?? string.Empty)}\n"));
        }
    }));

    private static readonly Lazy<byte[]> FeedbackBytes = new(() => Utf8(writer => FeedbackFileReader.Write(Company.Value.Feedback.Take(2000), writer)));

    private static byte[] Utf8(Action<StringWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(writer);
        return Encoding.UTF8.GetBytes(writer.ToString().ReplaceLineEndings("\n"));
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Reads a file three ways and checks the two laws of the block reader. (1) In the same tiny blocks, one thread
    /// and four end exactly alike: the same refusal (message and problems), or results equal by <paramref name="same"/>.
    /// (2) Against one thread in the reader's own 4 MiB blocks, the tiny blocks give the same results when both read, and
    /// refuse when it refuses; only which of two fatal faults is named first may differ (a header that is not found in a
    /// UTF-16 file that also ends on an odd byte: the transcoder reaches the last byte before the header is parsed only when
    /// the whole file is one block).</summary>
    private static void OneThreadEqualsFour<T>(Func<byte[]> source, int seed, Func<Stream, TextFileOptions, T> read, Action<T, T> same)
        where T : class
    {
        foreach (DamagedFile file in Files(source).Sample(Cases, new Rnd((ulong)seed, 0x2545F4914F6CDD1DUL), 30))
        {
            (T? Result, InputFileException? Refusal) Run(int threads) =>
                Attempt(() => read(new MemoryStream(file.Bytes, writable: false), new TextFileOptions { Encoding = file.Encoding, MaxDegreeOfParallelism = threads }));

            (T? whole, InputFileException? wholeRefusal) = Run(1);
            (T? one, InputFileException? oneRefusal) = TestData.WithTinyBlocks(file.BlockSize, () => Run(1));
            (T? four, InputFileException? fourRefusal) = TestData.WithTinyBlocks(file.BlockSize, () => Run(4));
            try
            {
                Assert.True(oneRefusal?.Message == fourRefusal?.Message, $"one thread: {oneRefusal?.Message ?? "read"}\nfour threads: {fourRefusal?.Message ?? "read"}");
                Assert.Equal(oneRefusal?.Problems, fourRefusal?.Problems);
                Assert.True(wholeRefusal is null == fourRefusal is null, $"whole blocks: {wholeRefusal?.Message ?? "read"}\ntiny blocks: {fourRefusal?.Message ?? "read"}");
                if (one is not null && four is not null && whole is not null)
                {
                    same(one, four);
                    same(whole, four);
                }
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                Assert.Fail($"the reads differ on {file}:\n{ex.Message}");
            }
        }
    }

    private static (T? Result, InputFileException? Refusal) Attempt<T>(Func<T> read)
        where T : class
    {
        try
        {
            return (read(), null);
        }
        catch (InputFileException ex)
        {
            return (null, ex);
        }
    }

    [Fact]
    public void RevenueReader_DamagedAtBlockBoundaries_FourThreadsGiveWhatOneGives() =>
        OneThreadEqualsFour(() => RevenueBytes.Value, 41, (s, text) => RevenueFileReader.Read(s, "revenue.csv", new RevenueFileOptions { Text = text }), RevenueFileReaderTests.AssertSame);

    [Fact]
    public void MeasurementReader_DamagedAtBlockBoundaries_FourThreadsGiveWhatOneGives() =>
        OneThreadEqualsFour(() => MeasurementBytes.Value, 43, (s, text) => MeasurementFileReader.Read(s, "measurements.csv", new MeasurementFileOptions { Text = text }),
            (one, four) => Assert.Equal(Outcome.Of(one), Outcome.Of(four)));

    [Fact]
    public void EventReader_DamagedAtBlockBoundaries_FourThreadsGiveWhatOneGives() =>
        OneThreadEqualsFour(() => EventBytes.Value, 47, (s, text) => ExperienceEventFileReader.Read(s, "events.csv", new ExperienceEventFileOptions { Text = text }),
            (one, four) => Assert.Equal(Outcome.Of(one), Outcome.Of(four)));

    [Fact]
    public void FeedbackReader_DamagedAtBlockBoundaries_FourThreadsGiveWhatOneGives() =>
        OneThreadEqualsFour(() => FeedbackBytes.Value, 53, (s, text) => FeedbackFileReader.Read(s, "feedback.csv", new FeedbackFileOptions { Text = text }),
            (one, four) => Assert.Equal(Outcome.Of(one), Outcome.Of(four)));

    /// <summary>What a read of measurements, events or feedback gave, as text to compare: the encoding, every record with
    /// its line, the time span, and every problem.</summary>
    private sealed record Outcome(string Encoding, string Records, string Span, string Problems, long ProblemCount)
    {
        public static Outcome Of(MeasurementFile f) => new(f.Encoding, Rows(f.Measurements, f.LineOf), $"{f.Latest}", Text(f.Problems), f.ProblemCount);

        public static Outcome Of(ExperienceEventFile f) => new(f.Encoding, Rows(f.Events, f.LineOf), string.Empty, Text(f.Problems), f.ProblemCount);

        public static Outcome Of(FeedbackFile f) => new(f.Encoding, Written(f.Signals) + Rows(f.Signals.Select(_ => string.Empty).ToList(), f.LineOf), $"{f.Earliest} {f.Latest}", Text(f.Problems), f.ProblemCount);

        private static string Rows<T>(IReadOnlyList<T> rows, Func<long, long?> lineOf) =>
            string.Join('\n', rows.Select((r, i) => $"{lineOf(i)}: {r}"));

        private static string Text(IReadOnlyList<FileProblem> problems) => string.Join('\n', problems.Select(p => p.Format("input.csv")));
    }

    [Fact]
    public void DamagedFiles_ReachTheReadersWithProblems()
    {
        // The law above is only as good as its files: most must still parse, and many must carry problems.
        int refused = 0, withProblems = 0, clean = 0;
        foreach (DamagedFile file in Files(() => RevenueBytes.Value).Sample(Cases, new Rnd(41UL, 0x2545F4914F6CDD1DUL), 30))
        {
            (RevenueFile? result, InputFileException? refusal) = Attempt(() => RevenueFileReader.Read(new MemoryStream(file.Bytes), "revenue.csv", new RevenueFileOptions { Text = new TextFileOptions { Encoding = file.Encoding } }));
            refused += refusal is null ? 0 : 1;
            withProblems += result is { ProblemCount: > 0 } ? 1 : 0;
            clean += result is { ProblemCount: 0, RowCount: > 0 } ? 1 : 0;
        }

        Assert.True(withProblems >= Cases / 5, $"{withProblems} of {Cases} files read with row problems");
        Assert.True(clean >= Cases / 10, $"{clean} of {Cases} files read clean");
        Assert.True(refused < Cases, $"every one of {Cases} files was refused");
    }

    private static string Written(IEnumerable<FeedbackSignal> signals)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        FeedbackFileReader.Write(signals, writer);
        return writer.ToString();
    }
}
