using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using NodaTime;

namespace Cx.Domain.IO.Tests;

/// <summary>Reading revenue files: real exports as they are (CDNOW), encodings, a wrong delimiter, every problem with its line.</summary>
public sealed class RevenueFileReaderTests
{
    private static RevenueFileOptions CdnowMaster(int degree = 0) => new()
    {
        Amount = ColumnRef.Named("dollar_value"),
        DateFormat = "yyyyMMdd",
        Text = new TextFileOptions { Delimiter = Delimiter.Whitespace, MaxDegreeOfParallelism = degree },
    };

    [Fact]
    public void Read_CdnowMasterAsItIs_ReadsEveryPurchase()
    {
        RevenueFile file = RevenueFileReader.Read(TestData.Cdnow("CDNOW_master.txt"), CdnowMaster());

        // tests/data/README.md: 69,659 purchases by 23,570 customers; the dollar_value column sums to $2,500,315.63.
        Assert.Equal(0, file.ProblemCount);
        Assert.Equal(69_659, file.RowCount);
        Assert.Equal(23_570, file.Columns.Customers.Count);
        Assert.Equal(250_031_563L, file.Columns.AmountInMinorUnits.ToArray().Sum());
        Assert.Equal(new LocalDate(1997, 1, 1), file.FirstDate);
        Assert.Equal(new LocalDate(1998, 6, 30), file.LastDate);
        Assert.Equal("00001", file.Columns.Customers[0].Value);
        Assert.Equal(2, file.LineOf(0));
        Assert.Equal(69_660, file.LineOf(69_658));
        Assert.Equal("dollar_value", file.AmountColumn);
    }

    [Fact]
    public void Read_CdnowSampleWithoutHeader_ReadsColumnsByPosition()
    {
        RevenueFile file = RevenueFileReader.Read(TestData.Cdnow("CDNOW_sample.txt"), new RevenueFileOptions
        {
            Customer = ColumnRef.At(1),
            Date = ColumnRef.At(3),
            Amount = ColumnRef.At(5),
            Segment = default,
            DateFormat = "yyyyMMdd",
            Text = new TextFileOptions { Delimiter = Delimiter.Whitespace, HasHeader = false },
        });

        // The 1/10 systematic sample: 6,919 purchases by 2,357 customers.
        Assert.Equal(0, file.ProblemCount);
        Assert.Equal(6_919, file.RowCount);
        Assert.Equal(2_357, file.Columns.Customers.Count);
        Assert.Equal("#1", file.CustomerColumn);
        Assert.Equal(1, file.LineOf(0));
        Assert.Equal(2933, file.Columns.AmountInMinorUnits.Span[0]);
    }

    [Fact]
    public void Read_CdnowOnManyThreadsInTinyBlocks_GivesExactlyTheOneThreadResult()
    {
        RevenueFile one = RevenueFileReader.Read(TestData.Cdnow("CDNOW_master.txt"), CdnowMaster(degree: 1));
        RevenueFile many = TestData.WithTinyBlocks(64 * 1024, () => RevenueFileReader.Read(TestData.Cdnow("CDNOW_master.txt"), CdnowMaster(degree: 4)));

        AssertSame(one, many);
    }

    [Fact]
    public void Read_Latin1BytesReadAsUtf8_AreProblemsNamingTheLinesNotMergedCustomers()
    {
        byte[] bytes = [.. "customer_id,date,amount\n"u8, .. "Caf"u8, 0xE9, .. ",2024-01-01,1.00\n"u8, .. "Caf"u8, 0xE8, .. ",2024-01-02,2.00\nBob,2024-01-03,3.00\n"u8];

        RevenueFile utf8 = RevenueFileReader.Read(new MemoryStream(bytes), "cafes.csv");

        Assert.Equal(2, utf8.ProblemCount);
        Assert.Equal([2L, 3L], utf8.Problems.Select(p => p.Line!.Value));
        Assert.StartsWith("the line is not valid UTF-8 (byte 0xE9 after 'Caf'); it was read as UTF-8.", utf8.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, utf8.RowCount);

        RevenueFile latin1 = RevenueFileReader.Read(new MemoryStream(bytes), "cafes.csv", new RevenueFileOptions { Text = new TextFileOptions { Encoding = InputEncoding.Latin1 } });

        Assert.Equal(0, latin1.ProblemCount);
        Assert.Equal(["Café", "Cafè", "Bob"], latin1.Columns.Customers.Select(c => c.Value));
        Assert.Equal("Latin-1 (ISO-8859-1)", latin1.Encoding);
    }

    [Fact]
    public void Read_Windows1252AndUtf16_AreDecoded()
    {
        byte[] cp1252 = [.. "customer_id,date,amount,segment\nA,2024-01-01,1.00,"u8, 0x80, .. "uro\n"u8];
        RevenueFile euro = RevenueFileReader.Read(new MemoryStream(cp1252), "x.csv", new RevenueFileOptions { Text = new TextFileOptions { Encoding = InputEncoding.Windows1252 } });
        Assert.Equal(["€uro"], euro.Columns.Segments);

        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("customer_id,date,amount\nZoë,2024-01-01,1.50\n")];
        RevenueFile file = RevenueFileReader.Read(new MemoryStream(utf16), "x.csv");
        Assert.Equal("UTF-16LE (byte order mark)", file.Encoding);
        Assert.Equal("Zoë", file.Columns.Customers[0].Value);
        Assert.Equal(150, file.Columns.AmountInMinorUnits.Span[0]);
    }

    [Theory]
    [InlineData("customer_id date amount\nA 2024-01-01 1.00\n", "contains spaces", "Try --delimiter whitespace.")]
    [InlineData("customer_id;date;amount\nA;2024-01-01;1.00\n", "contains semicolons", "Try --delimiter ';'.")]
    [InlineData("customer_id\tdate\tamount\nA\t2024-01-01\t1.00\n", "contains tabs", "Try --delimiter tab.")]
    public void Read_WrongDelimiter_IsDiagnosedAsSuch(string text, string contains, string fix)
    {
        InputFileException error = Assert.Throws<InputFileException>(() => RevenueFileReader.Read(TestData.Bytes(text), "x.csv", new RevenueFileOptions
        {
            SettingNames = new Dictionary<string, string> { ["Delimiter"] = "--delimiter" },
        }));

        FileProblem problem = Assert.Single(error.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains(contains, problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(fix, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DecimalCommaAndSemicolon_ReadsEuropeanExports()
    {
        RevenueFile file = RevenueFileReader.Read(TestData.Bytes("customer_id;date;amount\nA;15/03/2024;1234,565\nB;16/03/2024;-0,5\n"), "x.csv", new RevenueFileOptions
        {
            DateFormat = "dd/MM/yyyy",
            DecimalSeparator = ',',
            Currency = Currency.Eur,
            Text = new TextFileOptions { Delimiter = Delimiter.Semicolon },
        });

        Assert.Equal(0, file.ProblemCount);
        Assert.Equal([123456L, -50L], file.Columns.AmountInMinorUnits.ToArray());
        Assert.Equal(new LocalDate(2024, 3, 15), file.Columns.Date.Span[0]);
    }

    [Fact]
    public void Read_ProblemsOfEveryKind_NameLineAndColumn()
    {
        string text = "customer_id,date,amount\nA,2024-01-01,1\nB,2024-13-01,x\n\"C\nD\",2024-01-02,3\n,2024-01-02,4\nE,2024-01-02\nF,2024-01-02,\"5\"x\n";

        RevenueFile file = RevenueFileReader.Read(TestData.Bytes(text), "p.csv");

        Assert.Equal(
            [
                "p.csv line 3, column 'date': expected a date such as 2024-03-15 (format yyyy-MM-dd, set with DateFormat); got '2024-13-01'.",
                "p.csv line 3, column 'amount': expected a number with '.' as the decimal separator and no thousands separators or currency symbols, such as 1234.56 or -20.00; got 'x'.",
                "p.csv line 6, column 'customer_id': Expected a customer id, got an empty one. Every record needs the id of its customer. [CX0101]",
                "p.csv line 7: the row has 2 fields, the header has 3; enclose values that contain ',' in double quotes, and give every row all the columns.",
                "p.csv line 8: malformed CSV: text after the closing quote of a quoted field; a quoted field must end right after its closing quote.",
            ],
            file.Problems.Select(p => p.Format("p.csv")));
        Assert.Equal(2, file.RowCount);
        Assert.Equal([2L, 4L], [file.LineOf(0)!.Value, file.LineOf(1)!.Value]);
        Assert.Equal("C\nD", file.Columns.Customers[1].Value);
    }

    [Fact]
    public void Read_EmptyFileOrMissingColumn_Throws()
    {
        Assert.Equal("x.csv line 1: the file is empty; expected a header line such as customer_id,date,amount, then one row per amount.",
            Assert.Single(Assert.Throws<InputFileException>(() => RevenueFileReader.Read(TestData.Bytes("\n\n"), "x.csv")).Problems).Format("x.csv"));

        InputFileException missing = Assert.Throws<InputFileException>(() => RevenueFileReader.Read(TestData.Bytes("client,day,amount\n"), "x.csv"));
        Assert.Equal(["customer_id", "date"], missing.Problems.Select(p => p.Column));
    }

    internal static void AssertSame(RevenueFile expected, RevenueFile actual)
    {
        Assert.Equal(expected.Columns.Customers, actual.Columns.Customers);
        Assert.Equal(expected.Columns.Segments, actual.Columns.Segments);
        Assert.Equal(expected.Columns.CustomerIndex.ToArray(), actual.Columns.CustomerIndex.ToArray());
        Assert.Equal(expected.Columns.Date.ToArray(), actual.Columns.Date.ToArray());
        Assert.Equal(expected.Columns.AmountInMinorUnits.ToArray(), actual.Columns.AmountInMinorUnits.ToArray());
        Assert.Equal(expected.Columns.SegmentIndex.ToArray(), actual.Columns.SegmentIndex.ToArray());
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.ProblemCount, actual.ProblemCount);
        Assert.Equal(expected.FirstDate, actual.FirstDate);
        Assert.Equal(expected.LastDate, actual.LastDate);
        for (int i = 0; i < expected.RowCount; i++)
        {
            Assert.Equal(expected.LineOf(i), actual.LineOf(i));
        }
    }
}
