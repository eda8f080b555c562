using System.Globalization;
using System.Text;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Cx.Domain.IO.Tests.ColumnarFiles;

namespace Cx.Domain.IO.Tests;

/// <summary>Revenue from Parquet (ParquetSharp) and Arrow IPC (files and streams): the same columns as from the CSV of
/// the same rows, whatever the row groups, batches and threads; every bad value a problem naming its row and column; a
/// damaged file an <see cref="InputFileException"/>.</summary>
public sealed class ColumnarRevenueTests
{
    private static readonly string[] Ids = ["A", "b,c", "q\"uote", " spaced ", "Zoë", "multi\nline", "C-001", "C-002"];
    private static readonly string?[] Segments = [null, "Pro", "Basic, EU", "Zoë plan"];

    private sealed record Row(string Id, LocalDate Date, decimal Amount, string? Segment);

    private static Arbitrary<(Row[] Rows, int Group, int Seed)> Cases =>
        (from count in Gen.Choose(1, 60)
         from rows in Gen.ArrayOf(
             from id in Gen.Choose(0, Ids.Length - 1)
             from day in Gen.Choose(0, 400)
             from mills in Gen.Choose(-30_000, 200_000)
             from segment in Gen.Choose(0, Segments.Length - 1)
             select new Row(Ids[id], new LocalDate(2023, 12, 1).PlusDays(day), mills / 1000m, Segments[segment]), count)
         from groupSize in Gen.Choose(1, 25)
         from seed in Gen.Choose(0, int.MaxValue)
         select (rows, groupSize, seed)).ToArbitrary();

    private static byte[] Csv(Row[] rows)
    {
        var text = new StringBuilder("customer_id,date,amount,segment\r\n");
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        foreach (Row r in rows)
        {
            text.Append(Quote(r.Id)).Append(',').Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Amount.ToString("0.000", CultureInfo.InvariantCulture)).Append(',').Append(r.Segment is null ? string.Empty : Quote(r.Segment)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Col[] Columns(Row[] rows) =>
    [
        new("customer_id", [.. rows.Select(r => (object?)r.Id)]),
        new("date", [.. rows.Select(r => (object?)r.Date)]),
        new("amount", [.. rows.Select(r => (object?)r.Amount)]),
        new("segment", [.. rows.Select(r => (object?)r.Segment)]),
    ];

    private static RevenueFile ReadParquet(Col[] columns, int group, int degree)
    {
        string path = Path.Combine(Path.GetTempPath(), "cx-columnar-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            WriteParquet(path, group, columns);
            return RevenueFileReader.Read(path, new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = degree } });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSameColumns(RevenueFile expected, RevenueFile actual)
    {
        Assert.Equal(expected.Columns.Customers, actual.Columns.Customers);
        Assert.Equal(expected.Columns.Segments, actual.Columns.Segments);
        Assert.Equal(expected.Columns.CustomerIndex.ToArray(), actual.Columns.CustomerIndex.ToArray());
        Assert.Equal(expected.Columns.Date.ToArray(), actual.Columns.Date.ToArray());
        Assert.Equal(expected.Columns.AmountInMinorUnits.ToArray(), actual.Columns.AmountInMinorUnits.ToArray());
        Assert.Equal(expected.Columns.SegmentIndex.ToArray(), actual.Columns.SegmentIndex.ToArray());
        Assert.Equal(expected.ProblemCount, actual.ProblemCount);
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.LastDate, actual.LastDate);
    }

    [Fact]
    public void Read_ParquetAndArrowOfTheSameRows_GiveTheColumnsOfTheCsv()
    {
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Cases, c =>
        {
            Row[] rows = [.. c.Rows];
            new Random(c.Seed).Shuffle(rows);
            RevenueFile csv = RevenueFileReader.Read(new MemoryStream(Csv(rows)), "p.csv");
            Assert.Equal(0, csv.ProblemCount);
            Col[] columns = Columns(rows);

            // Several row groups on three threads: the same customer order as one thread and as the CSV.
            AssertSameColumns(csv, ReadParquet(columns, c.Group, degree: 3));
            AssertSameColumns(csv, ReadParquet(columns, c.Group, degree: 1));
            AssertSameColumns(csv, RevenueFileReader.Read(new MemoryStream(WriteArrow(true, c.Group, columns)), "p.arrow"));
            AssertSameColumns(csv, RevenueFileReader.Read(new MemoryStream(WriteArrow(false, c.Group, columns)), "p.arrows"));
        }));
    }

    [Fact]
    public void Read_ArrowOfManyBatchesWithBadRows_EveryCoreGivesOneThreadsColumnsAndProblems()
    {
        // 40,000 rows in 160 batches of 250 (the store grows while batches are in flight), a bad row in every seventh
        // batch: four threads give one thread's columns, customer order, problems and their row numbers.
        const int Rows = 40_000;
        var random = new Random(7);
        object?[] ids = new object?[Rows];
        object?[] dates = new object?[Rows];
        object?[] amounts = new object?[Rows];
        for (int i = 0; i < Rows; i++)
        {
            ids[i] = "C" + random.Next(5_000).ToString(CultureInfo.InvariantCulture);
            dates[i] = new LocalDate(2024, 1, 1).PlusDays(random.Next(365));
            amounts[i] = random.Next(-500, 10_000) / 100m;
            if (i % (250 * 7) == 3)
            {
                ids[i] = i % 2 == 0 ? null : "  ";
            }
            else if (i % (250 * 7) == 11)
            {
                dates[i] = null;
            }
        }

        Col[] columns = [new("customer_id", ids), new("date", dates), new("amount", amounts)];
        foreach (bool file in new[] { true, false })
        {
            byte[] bytes = WriteArrow(file, 250, columns);
            RevenueFile one = RevenueFileReader.Read(new MemoryStream(bytes), "many.arrow", new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 1 } });
            RevenueFile every = RevenueFileReader.Read(new MemoryStream(bytes), "many.arrow", new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 4 } });
            Assert.Equal(Rows - (2 * 23), one.RowCount);
            Assert.Equal(2 * 23, one.ProblemCount);
            AssertSameColumns(one, every);
            Assert.Equal(one.Problems.Select(p => p.ToString()), every.Problems.Select(p => p.ToString()));
        }
    }

    private static Col[] BadColumns() =>
    [
        new("customer_id", ["C1", null, "  ", "C2", "C3", "C4", "C5"]),
        new("date", [new LocalDate(2024, 1, 5), new LocalDate(2024, 1, 6), new LocalDate(2024, 1, 7), null, new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 2), new LocalDate(2024, 3, 1)]),
        new("amount", [10.5m, 1m, 2m, 3m, null, 99_999_999_999_999_999_999m, -4.125m]),
    ];

    public static TheoryData<string> Formats => ["parquet", "arrow", "arrows"];

    private static RevenueFile ReadBad(string format, Col[] columns, RevenueFileOptions? options = null) => format == "parquet"
        ? ReadWith(columns, options)
        : RevenueFileReader.Read(new MemoryStream(WriteArrow(format == "arrow", 3, columns)), "bad." + format, options);

    private static RevenueFile ReadWith(Col[] columns, RevenueFileOptions? options)
    {
        string path = Path.Combine(Path.GetTempPath(), "cx-columnar-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            WriteParquet(path, 3, columns);
            return RevenueFileReader.Read(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_BadValues_AreProblemsNamingRowAndColumnAndTheRestIsRead(string format)
    {
        RevenueFile file = ReadBad(format, BadColumns());

        // Kept: row 1 (C1, 10.500) and row 7 (C5, -4.125 rounded half to even to -4.12).
        Assert.Equal(2, file.RowCount);
        Assert.Equal([1050L, -412L], file.Columns.AmountInMinorUnits.ToArray());
        Assert.Equal([new LocalDate(2024, 1, 5), new LocalDate(2024, 3, 1)], file.Columns.Date.ToArray());
        Assert.Equal(5, file.ProblemCount);
        Assert.All(file.Problems, p => Assert.Null(p.Line));
        Assert.Equal(["row 2", "row 3", "row 4", "row 5", "row 6"], file.Problems.Select(p => p.Where));
        Assert.Equal(["customer_id", "customer_id", "date", "amount", "amount"], file.Problems.Select(p => p.Column));
        Assert.Equal("CX0101", file.Problems[0].Code);
        Assert.StartsWith("the date is empty", file.Problems[2].Message, StringComparison.Ordinal);
        Assert.StartsWith("the amount is empty", file.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("99999999999999999999", file.Problems[4].Message, StringComparison.Ordinal);
        Assert.Equal(["C1", "C5"], file.Columns.Customers.Select(c => c.Value));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_ColumnOfATypeTheReaderDoesNotTake_IsASchemaProblem(string format)
    {
        Col[] columns = [new("customer_id", [1.5, 2.5]), new("date", [new LocalDate(2024, 1, 5), new LocalDate(2024, 1, 6)]), new("amount", [1m, 2m])];

        InputFileException ex = Assert.Throws<InputFileException>(() => ReadBad(format, columns));

        FileProblem problem = Assert.Single(ex.Problems);
        Assert.Equal("schema", problem.Where);
        Assert.Equal("customer_id", problem.Column);
        Assert.Equal("expected a column of text or integers, got one of floating point numbers; convert it, or name another column with Customer.", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Read_ColumnsByNameOrPosition_AsForCsv(string format)
    {
        Col[] columns = [new("when", [new LocalDate(2024, 1, 5)]), new("who", ["C9"]), new("value", [12.345])];

        RevenueFile file = ReadBad(format, columns, new RevenueFileOptions { Customer = ColumnRef.At(2), Date = ColumnRef.Named("WHEN"), Amount = ColumnRef.Named("value") });

        Assert.Equal(0, file.ProblemCount);
        Assert.Equal("C9", file.Columns.Customers[0].Value);
        Assert.Equal(1234L, file.Columns.AmountInMinorUnits.Span[0]);
        Assert.Equal("who", file.CustomerColumn);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_DamagedArrow_IsAnInputFileExceptionNotARawOne(bool file)
    {
        byte[] bytes = WriteArrow(file, 2, Columns([new Row("C1", new LocalDate(2024, 1, 5), 1m, null), new Row("C2", new LocalDate(2024, 1, 6), 2m, "Pro")]));
        for (int cut = 8; cut < bytes.Length; cut += 7)
        {
            byte[] damaged = bytes[..cut];
            try
            {
                _ = RevenueFileReader.Read(new MemoryStream(damaged), "cut.arrow");
            }
            catch (InputFileException ex)
            {
                Assert.Contains("cut.arrow", ex.Message, StringComparison.Ordinal);
            }
        }

        byte[] flipped = [.. bytes];
        // The file's footer (its schema and the batches' offsets), or the stream's first message (its schema).
        flipped.AsSpan(file ? flipped.Length - 60 : 8, 50).Fill(0xEE);
        InputFileException thrown = Assert.Throws<InputFileException>(() => RevenueFileReader.Read(new MemoryStream(flipped), "flipped.arrow"));
        Assert.Contains("the Arrow file cannot be decoded", thrown.Message, StringComparison.Ordinal);
    }
}
