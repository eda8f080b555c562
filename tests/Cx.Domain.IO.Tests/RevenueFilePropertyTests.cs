using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.IO.Tests;

/// <summary>The law of the reader: a file written from records (shuffled, quoted, CRLF or LF, with or without a byte
/// order mark, with refunds and more decimals than the currency has) reads back into columns whose ledger and bridge are
/// exactly those of the records, on one thread or many.</summary>
public sealed class RevenueFilePropertyTests
{
    private static readonly string[] Ids = ["A", "b,c", "q\"uote", " spaced ", "Zoë", "multi\nline", "C-001", "C-002", "x;y"];
    private static readonly string?[] Segments = [null, "Pro", "Basic, EU", "x\"y", "Zoë plan"];
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 4));

    private sealed record Case(AssetRecord[] Records, string[] AmountTexts, bool Crlf, bool Bom, bool QuoteAll, int Seed);

    private static Arbitrary<Case> Cases =>
        (from count in Gen.Choose(1, 40)
         from rows in Gen.ArrayOf(
             from id in Gen.Choose(0, Ids.Length - 1)
             from day in Gen.Choose(0, 180)
             from cents in Gen.Choose(-3000, 20000)
             from extra in Gen.Choose(0, 9)
             from threeDecimals in Gen.Elements(false, true)
             from segment in Gen.Choose(0, Segments.Length - 1)
             select (id, day, cents, extra, threeDecimals, segment), count)
         from crlf in Gen.Elements(false, true)
         from bom in Gen.Elements(false, true)
         from quoteAll in Gen.Elements(false, true)
         from seed in Gen.Choose(0, int.MaxValue)
         select Build(rows, crlf, bom, quoteAll, seed)).ToArbitrary();

    private static Case Build((int Id, int Day, int Cents, int Extra, bool ThreeDecimals, int Segment)[] rows, bool crlf, bool bom, bool quoteAll, int seed)
    {
        var records = new AssetRecord[rows.Length];
        string[] texts = new string[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            (int id, int day, int cents, int extra, bool three, int segment) = rows[i];
            decimal amount = three ? ((cents * 10m) + extra) / 1000m : cents / 100m;
            texts[i] = amount.ToString(three ? "0.000" : "0.00", CultureInfo.InvariantCulture);
            records[i] = new AssetRecord(CustomerId.From(Ids[id]), new LocalDate(2023, 12, 1).PlusDays(day), Money.FromDecimal(amount, Currency.Usd), Segments[segment]);
        }

        return new Case(records, texts, crlf, bom, quoteAll, seed);
    }

    private static byte[] Write(Case c)
    {
        string newline = c.Crlf ? "\r\n" : "\n";
        var text = new StringBuilder("customer_id,date,amount,segment").Append(newline);
        string Field(string value) => c.QuoteAll || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        for (int i = 0; i < c.Records.Length; i++)
        {
            AssetRecord r = c.Records[i];
            string id = Ids.First(x => CustomerId.From(x) == r.Customer);
            text.Append(Field(id)).Append(',').Append(Field(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append(',')
                .Append(Field(c.AmountTexts[i])).Append(',').Append(r.Segment is null ? string.Empty : Field(r.Segment)).Append(newline);
        }

        byte[] body = Encoding.UTF8.GetBytes(text.ToString());
        return c.Bom ? [0xEF, 0xBB, 0xBF, .. body] : body;
    }

    [Fact]
    public void Read_AnyFileWrittenFromRecords_GivesTheLedgerOfTheRecords()
    {
        var calculator = new AssetMovementCalculator();
        var options = new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude, NegativeValues = NegativeValuePolicy.FloorAtZero };
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Cases, c =>
        {
            int[] permutation = Enumerable.Range(0, c.Records.Length).ToArray();
            new Random(c.Seed).Shuffle(permutation);
            var file = new Case([.. permutation.Select(i => c.Records[i])], [.. permutation.Select(i => c.AmountTexts[i])], c.Crlf, c.Bom, c.QuoteAll, c.Seed);

            byte[] bytes = Write(file);
            RevenueFile read = RevenueFileReader.Read(new MemoryStream(bytes), "p.csv", new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 1 } });
            Assert.Equal(0, read.ProblemCount);

            AssetLedger expected = AssetLedger.FromRecords(file.Records, Grid, options);
            AssetLedger actual = AssetLedger.FromColumns(read.Columns, Grid, options);
            Assert.Equal(expected.Customers, actual.Customers);
            Assert.Equal(expected.FlooredCells, actual.FlooredCells);
            Assert.Equal(expected.ExcludedRecordCount, actual.ExcludedRecordCount);
            Assert.Equal(calculator.Calculate(expected), calculator.Calculate(actual));
            Assert.Equal(calculator.BySegment(expected).Segments.SelectMany(s => s.Periods), calculator.BySegment(actual).Segments.SelectMany(s => s.Periods));

            RevenueFile parallel = TestData.WithTinyBlocks(64, () => RevenueFileReader.Read(new MemoryStream(bytes), "p.csv", new RevenueFileOptions { Text = new TextFileOptions { MaxDegreeOfParallelism = 3 } }));
            RevenueFileReaderTests.AssertSame(read, parallel);
        }));
    }

    [Fact]
    public void FastAmounts_AnyPlainDecimal_EqualTheDecimalPath()
    {
        var parser = new Internal.AmountParser(Currency.Usd, '.');
        var jpy = new Internal.AmountParser(Currency.Jpy, '.');
        Gen<string> texts =
            from sign in Gen.Elements("", "-", "+")
            from integer in Gen.Choose(0, int.MaxValue)
            from zeros in Gen.Choose(0, 3)
            from fraction in Gen.Elements("", ".", ".5", ".05", ".005", ".015", ".125", ".995", ".4999", ".5001", ".999999999999")
            select sign + new string('0', zeros) + integer.ToString(CultureInfo.InvariantCulture) + fraction;
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(texts.ToArbitrary(), text =>
        {
            foreach (Internal.AmountParser p in new[] { parser, jpy })
            {
                bool fast = p.TryParse(Encoding.UTF8.GetBytes(text), out long a, out string? e1);
                bool slow = p.TrySlow(text, out long b, out string? e2);
                Assert.Equal((slow, b, e2), (fast, a, e1));
            }
        }));
    }

    [Fact]
    public void FastDates_AnyText_EqualNodaTime()
    {
        var iso = new Internal.DateParser(NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd"), "DateFormat");
        var compact = new Internal.DateParser(NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd"), "DateFormat");
        var european = new Internal.DateParser(NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy"), "DateFormat");
        Gen<(int Y, int M, int D)> parts = from y in Gen.Choose(0, 9999) from m in Gen.Choose(0, 13) from d in Gen.Choose(0, 32) select (y, m, d);
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(parts.ToArbitrary(), p =>
        {
            string y = p.Y.ToString("D4", CultureInfo.InvariantCulture);
            string m = p.M.ToString("D2", CultureInfo.InvariantCulture);
            string d = p.D.ToString("D2", CultureInfo.InvariantCulture);
            foreach ((Internal.DateParser parser, string text) in new[] { (iso, $"{y}-{m}-{d}"), (compact, y + m + d), (european, $"{d}/{m}/{y}") })
            {
                bool fast = parser.TryParse(Encoding.UTF8.GetBytes(text), out LocalDate a, out string? e1);
                bool slow = parser.TrySlow(text, out LocalDate b, out string? e2);
                Assert.Equal((slow, b, e2), (fast, a, e1));
            }
        }));
    }
}
