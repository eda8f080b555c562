using System.Globalization;
using System.Reflection;
using System.Text;
using Cx.Domain.Primitives;
using NodaTime;
using Xunit.Abstractions;

namespace Cx.Domain.IO.Tests;

/// <summary>Issue #13's bar for the readers' public entry points themselves (HostileFileTests damages the files): every
/// option of every reader at the ends of its range or unset — null text options, unset and out-of-range column
/// references, every delimiter, unknown encodings, parallelism from <see cref="int.MinValue"/> to
/// <see cref="int.MaxValue"/>, no currency, empty and hostile date patterns, decimal separators that are letters, NUL,
/// lone surrogates or the delimiter, setting names with null and empty entries — on CSV, headerless, Parquet, Arrow, empty,
/// random and truncated files, through the path and the stream overloads (seekable and not), with a cancelled token now
/// and then. Each read ends with a result or an exception whose type the member's XML documentation lists (the docs are
/// read from the package's XML file, so an undocumented type fails here before it reaches a user). Seeded:
/// CX_FUZZ_SEED (default 13) and CX_FUZZ_CASES (default 400 reads).</summary>
public sealed class ReaderOptionsFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "yyyyMMdd", "uuuu-MM-dd", "", " ", "'", "''", "yyyy-MM-dd'T'HH:mm", "HH:mm", "%", "\\", "{0}", "d", "D", "G", "r", "o", "yyyy-MM-dd HH:mm:ss.FFFFFFFFF", new string('y', 300), "\u001b[31m", "\uD800", "MMMM", "ddd", "gg yyyy", "<", "\0"];

    private static readonly char[] Separators = ['.', ',', ';', '\t', ' ', '"', '\n', '\r', '\0', 'a', '0', '-', '\uD800', '\u00A0', '٫', char.MaxValue];

    private static readonly Delimiter[] Delimiters = [Delimiter.Comma, Delimiter.Semicolon, Delimiter.Tab, Delimiter.Whitespace, Delimiter.Of('|'), default];

    private static readonly int[] Parallelism = [int.MinValue, -1, 0, 1, 2, 3, 64, int.MaxValue];

    private static readonly InputEncoding[] Encodings = [InputEncoding.Unknown, InputEncoding.Utf8, InputEncoding.Latin1, InputEncoding.Windows1252, (InputEncoding)4, (InputEncoding)(-1), (InputEncoding)int.MaxValue, .. Enum.GetValues<InputEncoding>()];

    private static readonly string[] RevenueHeader = ["customer_id", "date", "amount", "segment"];
    private static readonly string[] EventHeader = ["customer_id", "touchpoint", "instant", "outcome", "channel"];
    private static readonly string[] MeasurementHeader = ["standard", "instant", "value", "customer"];
    private static readonly string[] FeedbackHeader = ["instant", "source", "kind", "customer_id", "stage", "touchpoint", "topics", "sentiment", "instrument", "score", "scale_min", "scale_max", "text"];

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 13;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("CX_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 400;

    [Fact]
    public void EveryReader_OptionsAtTheirEnds_EndInAResultOrADocumentedException()
    {
        var random = new Random(Seed);
        string dir = Directory.CreateTempSubdirectory("cx-reader-fuzz-").FullName;
        var findings = new List<(string Kind, string Text)>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < Cases; i++)
            {
                int kind = i % 4;
                byte[] content = Content(random, kind, dir);
                object options = kind switch
                {
                    0 => Revenue(random),
                    1 => Events(random),
                    2 => Measurements(random),
                    _ => Feedback(random),
                };
                bool viaPath = random.Next(3) == 0;
                bool seekable = random.Next(4) != 0;
                using var cancelled = new CancellationTokenSource();
                if (random.Next(12) == 0)
                {
                    cancelled.Cancel();
                }

                MethodInfo member = ReadMethod(kind, viaPath);
                string path = Path.Combine(dir, $"case{i}.dat");
                File.WriteAllBytes(path, content);
                string what = $"case {i} (seed {Seed}): {member.DeclaringType!.Name}.Read({(viaPath ? "path" : seekable ? "stream" : "unseekable stream")}, {Describe(options)}, {content.Length} bytes)";
                try
                {
                    using Stream stream = seekable ? new MemoryStream(content, writable: false) : new ForwardOnlyStream(content);
                    object?[] arguments = viaPath
                        ? [path, options, null, cancelled.Token]
                        : [stream, random.Next(10) == 0 ? "\u001b]0;x\u0007 name\n.csv" : "input.csv", options, null, cancelled.Token];
                    _ = member.Invoke(null, arguments);
                    Count(outcomes, "result");
                }
                catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } ex)
                {
                    Count(outcomes, ex.GetType().Name);
                    if (!Documented(member, ex.GetType()))
                    {
                        findings.Add((Kind(member, ex, "undocumented"), $"{what}: {ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}"));
                    }
                    else if (ex.Message.Contains(" at Cx.", StringComparison.Ordinal) || ex.Message.Contains("   at ", StringComparison.Ordinal))
                    {
                        // Control characters in a message are the tool's to render (the library keeps names as given).
                        findings.Add((Kind(member, ex, "stack trace in message"), $"{what}: the message of {ex.GetType().Name} carries a stack trace: {ex.Message}"));
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        output.WriteLine($"{Cases} reads, seed {Seed}: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s), one of each kind:\n" + string.Join("\n\n", findings.GroupBy(f => f.Kind).Select(g => $"[{g.Count()}x] {g.First().Text}").Take(20)));

        // The run reached both ends: reads that succeed and reads refused for each documented reason.
        Assert.True(outcomes.GetValueOrDefault("result") > Cases / 20, string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault(nameof(InputFileException)) > 0, string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}")));
    }

    /// <summary>A finding's kind: the member, the exception type and the first frame of ours it was thrown from.</summary>
    private static string Kind(MethodInfo member, Exception ex, string complaint) =>
        $"{member.DeclaringType!.Name} {ex.GetType().Name} {complaint} {ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("at Cx.Domain", StringComparison.Ordinal))?.Trim().Split(" in ")[0]}";

    [Fact]
    public void Readers_WithoutTextOptions_RefuseTheOptionsByName()
    {
        // The fuzz run's first finding: Text = null was a NullReferenceException from the Parquet and Arrow routes.
        byte[] csv = Encoding.UTF8.GetBytes("customer_id,date,amount\nC1,2024-01-01,1\n");
        Assert.Contains("Expected text options (Text), got null", Assert.Throws<ArgumentException>(() => RevenueFileReader.Read(new MemoryStream(csv), "r.csv", new RevenueFileOptions { Text = null! })).Message, StringComparison.Ordinal);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => ExperienceEventFileReader.Read(new MemoryStream(csv), "e.csv", new ExperienceEventFileOptions { Text = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => MeasurementFileReader.Read(new MemoryStream(csv), "m.csv", new MeasurementFileOptions { Text = null! })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => FeedbackFileReader.Read(new MemoryStream(csv), "f.csv", new FeedbackFileOptions { Text = null! })).ParamName);
    }

    [Fact]
    public void Readers_RequiredColumnNamingNoColumn_RefusedBeforeReading()
    {
        // Was an IndexOutOfRangeException from the header (events, measurements) once the file was open.
        byte[] csv = Encoding.UTF8.GetBytes("customer_id,touchpoint,instant,outcome,standard,value\n");
        var events = Assert.Throws<ArgumentException>(() => ExperienceEventFileReader.Read(new MemoryStream(csv), "e.csv", new ExperienceEventFileOptions { Outcome = default }));
        Assert.Contains("Expected the Outcome column, got one that names no column", events.Message, StringComparison.Ordinal);
        var measurements = Assert.Throws<ArgumentException>(() => MeasurementFileReader.Read(new MemoryStream(csv), "m.csv", new MeasurementFileOptions { Value = default }));
        Assert.Contains("Expected the Value column", measurements.Message, StringComparison.Ordinal);
        Assert.Contains("Expected the Kind column", Assert.Throws<ArgumentException>(() => FeedbackFileReader.Read(new MemoryStream(csv), "f.csv", new FeedbackFileOptions { Kind = default })).Message, StringComparison.Ordinal);
        Assert.Contains("Expected the Segment column", Assert.Throws<ArgumentException>(() => RevenueFileReader.Read(new MemoryStream(csv), "r.csv", new RevenueFileOptions { Segment = default, SegmentRequired = true })).Message, StringComparison.Ordinal);

        // An optional column may name none: the read goes on without it.
        Assert.Null(ExperienceEventFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("customer_id,touchpoint,instant,outcome\n")), "e.csv", new ExperienceEventFileOptions { Channel = default }).ChannelColumn);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Readers_NegativeParallelism_RefusedOnEveryRoute(int degree)
    {
        // The text route refused it; a Parquet or Arrow file reached the parallel loop with it (events, measurements).
        string dir = Directory.CreateTempSubdirectory("cx-reader-options-").FullName;
        try
        {
            string parquet = Path.Combine(dir, "events.parquet");
            ColumnarFiles.WriteParquet(parquet, 1, new ColumnarFiles.Col("customer_id", ["C1"]), new ColumnarFiles.Col("touchpoint", ["T1"]), new ColumnarFiles.Col("instant", [Instant.FromUtc(2024, 1, 1, 0, 0)]), new ColumnarFiles.Col("outcome", ["success"]));
            var text = new TextFileOptions { MaxDegreeOfParallelism = degree };
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ExperienceEventFileReader.Read(parquet, new ExperienceEventFileOptions { Text = text }));
            Assert.Equal("options", ex.ParamName);
            Assert.Contains("Expected MaxDegreeOfParallelism of 0 (every core) or more", ex.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => MeasurementFileReader.Read(parquet, new MeasurementFileOptions { Text = text }));
            Assert.Throws<ArgumentOutOfRangeException>(() => RevenueFileReader.Read(parquet, new RevenueFileOptions { Text = text }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Readers_UnknownEncoding_RefusedByName()
    {
        byte[] csv = Encoding.UTF8.GetBytes("customer_id,date,amount\nC1,2024-01-01,1\n");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => RevenueFileReader.Read(new MemoryStream(csv), "r.csv", new RevenueFileOptions { Text = new TextFileOptions { Encoding = (InputEncoding)99 } }));
        Assert.Contains("Expected an encoding of Unknown, Utf8, Latin1, Windows1252, Utf16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FeedbackWrite_NullSignal_RefusedWithItsPositionAndHostileTextRoundTrips()
    {
        // A null in the sequence was a NullReferenceException, null topics an ArgumentNullException about 'values'.
        var at = Instant.FromUtc(2024, 5, 1, 9, 30);
        var hostile = new Cx.Domain.Listening.FeedbackSignal(at, Cx.Domain.Listening.FeedbackSource.Web, Cx.Domain.Listening.FeedbackKind.Complaint)
        {
            Customer = CustomerId.From("C,1"),
            Text = "said \"no\",\nthen\r\n\u001b[2J=SUM(A1)",
            Topics = null!,
        };
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var ex = Assert.Throws<ArgumentException>(() => FeedbackFileReader.Write([hostile, null!, hostile], writer));
        Assert.Equal("signals", ex.ParamName);
        Assert.Contains("Expected a signal at position 1, got null", ex.Message, StringComparison.Ordinal);

        writer = new StringWriter(CultureInfo.InvariantCulture);
        FeedbackFileReader.Write([hostile], writer);
        FeedbackFile read = FeedbackFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(writer.ToString())), "written.csv");
        Assert.Empty(read.Problems);
        Assert.Equal(hostile with { Topics = [] }, Assert.Single(read.Signals));
    }

    [Fact]
    public void InputFileException_NullProblem_RefusedAndProblemsCopied()
    {
        // A hand-run over the package's small public members (ColumnRef, Delimiter over every char, FileProblem,
        // InputFileException) found one crash: a null among the problems was a NullReferenceException.
        var ex = Assert.Throws<ArgumentException>(() => new InputFileException("f.csv", [new FileProblem(2, null, "amount", null, null, "bad"), null!]));
        Assert.Equal("problems", ex.ParamName);
        Assert.Contains("Expected a problem at position 1, got null", ex.Message, StringComparison.Ordinal);

        var problems = new List<FileProblem> { new(2, null, "amount", null, null, "bad") };
        var thrown = new InputFileException("f.csv", problems);
        problems.Clear();
        Assert.Single(thrown.Problems);
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    private static MethodInfo ReadMethod(int kind, bool viaPath)
    {
        Type reader = kind switch
        {
            0 => typeof(RevenueFileReader),
            1 => typeof(ExperienceEventFileReader),
            2 => typeof(MeasurementFileReader),
            _ => typeof(FeedbackFileReader),
        };
        return reader.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Read" && m.GetParameters()[0].ParameterType == (viaPath ? typeof(string) : typeof(Stream)));
    }

    /// <summary>Whether the member's XML docs list the type or one of its base types.</summary>
    private static bool Documented(MethodInfo member, Type thrown)
    {
        IReadOnlyList<Type> listed = DocumentedExceptions(member);
        return listed.Any(t => t.IsAssignableFrom(thrown));
    }

    /// <summary>The package's XML documentation file, read once.</summary>
    private static readonly Lazy<System.Xml.Linq.XDocument> Docs = new(() =>
        System.Xml.Linq.XDocument.Load(Path.ChangeExtension(typeof(RevenueFileReader).Assembly.Location, ".xml")));

    private static IReadOnlyList<Type> DocumentedExceptions(MethodInfo member)
    {
        System.Xml.Linq.XDocument doc = Docs.Value;
        string id = "M:" + member.DeclaringType!.FullName + ".Read(" + string.Join(",", member.GetParameters().Select(p => DocName(p.ParameterType))) + ")";
        var element = doc.Descendants("member").Single(m => (string?)m.Attribute("name") == id);
        return [.. element.Elements("exception")
            .Select(e => ((string)e.Attribute("cref")!)[2..])
            .Select(name => Type.GetType(name) ?? typeof(RevenueFileReader).Assembly.GetType(name) ?? throw new InvalidOperationException($"the docs of {id} name {name}, not a type"))];
    }

    private static string DocName(Type type) => type.IsGenericType
        ? type.GetGenericTypeDefinition().FullName![..type.GetGenericTypeDefinition().FullName!.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(",", type.GetGenericArguments().Select(DocName)) + "}"
        : type.FullName!;

    private static string Describe(object options) =>
        string.Join(", ", options.GetType().GetProperties().Select(p => $"{p.Name} = {Show(p.GetValue(options))}"));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + string.Concat(s.Take(20).Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "\"",
        char c => $"\\u{(int)c:X4}",
        TextFileOptions t => $"{{{t.Delimiter}, header {t.HasHeader}, {t.Encoding}, {t.MaxDegreeOfParallelism}}}",
        IReadOnlyDictionary<string, string> d => "{" + string.Join(", ", d.Select(kv => $"{Show(kv.Key)}: {Show(kv.Value)}")) + "}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Mostly what the file holds, now and then a column that is not there, a position past the end or unset.</summary>
    private static ColumnRef Column(Random random, string[] header, string name) => random.Next(40) switch
    {
        0 => default,
        1 => ColumnRef.At(random.Next(2) == 0 ? int.MaxValue : 1 + random.Next(header.Length + 2)),
        2 => ColumnRef.Named(Pick(random, header)),
        3 => ColumnRef.Named(Pick(random, ["missing", " ", "\u001b[2J", "customer_id\n", "é", "\uD800"])),
        _ => ColumnRef.Named(name),
    };

    private static TextFileOptions? Text(Random random) => random.Next(40) == 0 ? null : new TextFileOptions
    {
        Delimiter = random.Next(3) == 0 ? Pick(random, Delimiters) : Delimiter.Comma,
        HasHeader = random.Next(6) != 0,
        Encoding = random.Next(8) == 0 ? Pick(random, Encodings) : InputEncoding.Utf8,
        MaxDegreeOfParallelism = random.Next(6) == 0 ? Pick(random, Parallelism) : random.Next(3),
    };

    private static IReadOnlyDictionary<string, string>? SettingNames(Random random, string[] settings) => random.Next(4) switch
    {
        0 => new Dictionary<string, string>(StringComparer.Ordinal) { [Pick(random, settings)] = Pick(random, ["--customer", "", "\u001b[31m", null!, "x\ny"]) },
        1 => new Dictionary<string, string>(StringComparer.Ordinal),
        _ => null,
    };

    private static char Separator(Random random) => random.Next(10) == 0 ? Pick(random, Separators) : '.';

    private static RevenueFileOptions Revenue(Random random) => new()
    {
        Customer = Column(random, RevenueHeader, "customer_id"),
        Date = Column(random, RevenueHeader, "date"),
        Amount = Column(random, RevenueHeader, "amount"),
        Segment = Column(random, RevenueHeader, "segment"),
        SegmentRequired = random.Next(4) == 0,
        Currency = Pick(random, [Currency.Usd, Currency.Usd, Currency.Usd, Currency.Jpy, Currency.FromCode("BHD"), Currency.Usd, Currency.Eur, Currency.Usd, Currency.Usd, Currency.None]),
        DateFormat = random.Next(6) == 0 ? Pick(random, DateFormats) : random.Next(20) == 0 ? null! : "yyyy-MM-dd",
        DecimalSeparator = Separator(random),
        Text = Text(random)!,
        SettingNames = SettingNames(random, ["Customer", "Date", "Amount", "Segment", "DateFormat", "Currency", "DecimalSeparator", "Delimiter", ""]),
    };

    private static ExperienceEventFileOptions Events(Random random) => new()
    {
        Customer = Column(random, EventHeader, "customer_id"),
        Touchpoint = Column(random, EventHeader, "touchpoint"),
        Instant = Column(random, EventHeader, "instant"),
        Outcome = Column(random, EventHeader, "outcome"),
        Channel = Column(random, EventHeader, "channel"),
        ChannelRequired = random.Next(4) == 0,
        Text = Text(random)!,
        SettingNames = SettingNames(random, ["Customer", "Touchpoint", "Instant", "Outcome", "Channel", "Delimiter"]),
    };

    private static MeasurementFileOptions Measurements(Random random) => new()
    {
        Standard = Column(random, MeasurementHeader, "standard"),
        Instant = Column(random, MeasurementHeader, "instant"),
        Value = Column(random, MeasurementHeader, "value"),
        Customer = Column(random, MeasurementHeader, "customer"),
        CustomerRequired = random.Next(4) == 0,
        DecimalSeparator = Separator(random),
        Text = Text(random)!,
        SettingNames = SettingNames(random, ["Standard", "Instant", "Value", "Customer", "DecimalSeparator"]),
    };

    private static FeedbackFileOptions Feedback(Random random) => new()
    {
        Instant = Column(random, FeedbackHeader, "instant"),
        Source = Column(random, FeedbackHeader, "source"),
        Kind = Column(random, FeedbackHeader, "kind"),
        Customer = Column(random, FeedbackHeader, "customer_id"),
        Stage = Column(random, FeedbackHeader, "stage"),
        Touchpoint = Column(random, FeedbackHeader, "touchpoint"),
        Topics = Column(random, FeedbackHeader, "topics"),
        Sentiment = Column(random, FeedbackHeader, "sentiment"),
        Instrument = Column(random, FeedbackHeader, "instrument"),
        Score = Column(random, FeedbackHeader, "score"),
        ScaleMin = Column(random, FeedbackHeader, "scale_min"),
        ScaleMax = Column(random, FeedbackHeader, "scale_max"),
        Verbatim = Column(random, FeedbackHeader, "text"),
        DecimalSeparator = Separator(random),
        Text = Text(random)!,
        SettingNames = SettingNames(random, ["Instant", "Source", "Kind", "Verbatim", "Score"]),
    };

    /// <summary>A file for the reader: its CSV (with or without the header, in another delimiter now and then), the same
    /// rows as Parquet or Arrow, or bytes no reader takes.</summary>
    private static byte[] Content(Random random, int kind, string dir)
    {
        string[] header = kind switch { 0 => RevenueHeader, 1 => EventHeader, 2 => MeasurementHeader, _ => FeedbackHeader };
        int rows = random.Next(0, 30);
        string[][] values = [.. Enumerable.Range(0, rows).Select(r => Row(random, kind, r))];
        switch (random.Next(10))
        {
            case 0:
                return [];
            case 1:
                byte[] noise = new byte[random.Next(1, 300)];
                random.NextBytes(noise);
                return noise;
            case 2:
            case 3:
                {
                    string path = Path.Combine(dir, $"columnar{random.Next()}.bin");
                    var columns = header.Select((name, c) => new ColumnarFiles.Col(name, [.. values.Select(v => (object?)v[c])])).ToArray();
                    byte[] bytes;
                    if (random.Next(2) == 0)
                    {
                        ColumnarFiles.WriteParquet(path, 1 + random.Next(8), columns);
                        bytes = File.ReadAllBytes(path);
                        File.Delete(path);
                    }
                    else
                    {
                        bytes = ColumnarFiles.WriteArrow(random.Next(2) == 0, 1 + random.Next(8), columns);
                    }

                    return random.Next(4) == 0 && bytes.Length > 8 ? bytes[..random.Next(4, bytes.Length)] : bytes;
                }

            default:
                {
                    char d = random.Next(5) == 0 ? Pick(random, [';', '\t', ' ', '|']) : ',';
                    var text = new StringBuilder();
                    if (random.Next(6) != 0)
                    {
                        text.Append(string.Join(d, header)).Append(random.Next(3) == 0 ? "\r\n" : "\n");
                    }

                    foreach (string[] row in values)
                    {
                        text.Append(string.Join(d, row)).Append('\n');
                    }

                    return Encoding.UTF8.GetBytes(text.ToString());
                }
        }
    }

    private static string[] Row(Random random, int kind, int r)
    {
        string customer = random.Next(15) == 0 ? Pick(random, ["", " ", "\u001b[31mC1", "=cmd|' /C calc'!A0", new string('x', 300)]) : $"C{r % 7}";
        var day = new LocalDate(2024, 1, 1).PlusDays(random.Next(0, 400));
        string date = random.Next(15) == 0 ? Pick(random, ["9999-12-31", "-9998-01-01", "", "2024-02-30", "31/12/2024", "0001-01-01"]) : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string instant = random.Next(15) == 0 ? Pick(random, ["9999-12-31T23:59:59Z", "-9998-01-01T00:00:00Z", "", "2024-01-01", "1e308"]) : day.AtMidnight().InUtc().ToInstant().ToString();
        string number = random.Next(15) == 0 ? Pick(random, ["1e308", "NaN", "-Infinity", "92233720368547758.08", "", "1,5", "-0"]) : (random.Next(0, 100_000) / 100.0).ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            0 => [customer, date, number, random.Next(3) == 0 ? "" : $"S{r % 3}"],
            1 => [customer, $"T{r % 4}", instant, Pick(random, ["success", "failure", "", "maybe"]), random.Next(2) == 0 ? "" : "web"],
            2 => [$"std{r % 3}", instant, number, random.Next(2) == 0 ? "" : customer],
            _ => [instant, Pick(random, ["survey", "review", "ticket", "", "x"]), Pick(random, ["score", "verbatim", "", "y"]), customer, "Buy", "T1", "price;delivery", number, "nps", number, "0", "10", Pick(random, ["good", "", "\u001b[2J", "line\nbreak"])],
        };
    }

    /// <summary>A stream that reads forward only: no length, no seeking (a pipe's).</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
