using System.Text;
using System.Text.Json;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Real-world files as they are: CDNOW's whitespace-separated exports (with and without a header), files in
/// other encodings, a wrong delimiter diagnosed as such.</summary>
public sealed class RealFilesTests
{
    private static string Cdnow(string name) => Path.Combine(AppContext.BaseDirectory, "data", "cdnow", name);

    private static long ClosingTotalInCents(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("periods").EnumerateArray().Sum(p => (long)Math.Round(p.GetProperty("closing").GetDecimal() * 100m));
    }

    [Fact]
    public void Movements_CdnowMasterAsItIs_ReadsEveryPurchase()
    {
        CliRun run = Tool.Run("movements", "-i", Cdnow("CDNOW_master.txt"), "--delimiter", "whitespace", "--date-format", "yyyyMMdd", "--amount-column", "dollar_value", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);

        // The dollar_value column of CDNOW_master.txt sums to $2,500,315.63 (tests/data/README.md); 18 months, 1997-01 to 1998-06.
        Assert.Equal(250_031_563L, ClosingTotalInCents(run.Stdout));
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(18, doc.RootElement.GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public void Movements_CdnowSampleWithoutHeader_ReadsColumnsByPosition()
    {
        CliRun run = Tool.Run("movements", "-i", Cdnow("CDNOW_sample.txt"), "--delimiter", "whitespace", "--no-header",
            "--customer-column", "1", "--date-column", "3", "--amount-column", "5", "--date-format", "yyyyMMdd", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement first = doc.RootElement.GetProperty("periods")[0];
        Assert.Equal("1997-01", first.GetProperty("period").GetString());
        Assert.True(first.GetProperty("new").GetProperty("count").GetInt32() > 700);
    }

    [Fact]
    public void Movements_CdnowWithTheDefaultDelimiter_SaysWhichDelimiterToUse()
    {
        CliRun run = Tool.Run("movements", "-i", Cdnow("CDNOW_master.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "CDNOW_master.txt line 1: the header has one column ('customer_id  date number_of_cds  dollar_...') and contains spaces: the fields are not separated by comma. Try --delimiter whitespace.",
                "cx: 1 problem in CDNOW_master.txt; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Movements_Latin1File_IsRejectedByLineUnlessTheEncodingIsGiven()
    {
        using var folder = new TempFolder();
        string path = folder.File("cafes.csv");
        File.WriteAllBytes(path, [.. "customer_id,date,amount\n"u8, .. "Caf"u8, 0xE9, .. ",2024-01-05,10.00\n"u8, .. "Caf"u8, 0xE8, .. ",2024-02-05,12.00\n"u8]);

        CliRun utf8 = Tool.Run("movements", "-i", path, "-f", "json");

        Assert.Equal(2, utf8.ExitCode);
        Assert.Equal("cafes.csv line 2: the line is not valid UTF-8 (byte 0xE9 after 'Caf'); it was read as UTF-8. Give the file's encoding with --encoding (latin1 or windows-1252 for Western European exports, utf-16), or save it as UTF-8.", utf8.ErrorLines[0]);
        Assert.StartsWith("cafes.csv line 3: the line is not valid UTF-8 (byte 0xE8 after 'Caf')", utf8.ErrorLines[1], StringComparison.Ordinal);

        CliRun latin1 = Tool.Run("movements", "-i", path, "--encoding", "latin1", "-f", "json");

        Assert.Equal(0, latin1.ExitCode);
        Assert.Equal("cx: read cafes.csv as Latin-1 (ISO-8859-1).", latin1.ErrorLines.Single());
        using JsonDocument doc = JsonDocument.Parse(latin1.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("periods")[1].GetProperty("customers").GetProperty("active").GetInt32() + doc.RootElement.GetProperty("periods")[1].GetProperty("customers").GetProperty("lost").GetInt32());
    }

    [Fact]
    public void Movements_TabSeparatedUtf16WithByteOrderMark_IsReadAndSaidSo()
    {
        using var folder = new TempFolder();
        string path = folder.File("export.tsv");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("customer_id\tdate\tamount\r\nZoë\t2024-01-05\t10.00\r\n")]);

        CliRun run = Tool.Run("movements", "-i", path, "--delimiter", "tab", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("cx: read export.tsv as UTF-16LE (byte order mark).", run.ErrorLines.Single());
        Assert.Equal(1000L, ClosingTotalInCents(run.Stdout));
    }

    [Fact]
    public void Movements_PositionBeyondTheColumns_IsBadInput()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--no-header", "--customer-column", "1", "--date-column", "2", "--amount-column", "7");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("small.csv line 1, column '7': not found; the first row has 3 columns. Name the right one with --amount-column (a header name, or a position from 1).", run.ErrorLines[0]);
    }

    [Fact]
    public void Movements_ParquetTwinOfTheSmallFixture_GivesTheSameJson()
    {
        // small.parquet is small.csv written by DuckDB 1.5.6 (COPY ... TO (FORMAT parquet)): VARCHAR, DATE, DECIMAL(18,2).
        CliRun csv = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "-f", "json");
        CliRun parquet = Tool.Run("movements", "-i", Tool.Fixture("small.parquet"), "-f", "json");

        Assert.Equal(0, parquet.ExitCode);
        Assert.Equal(string.Empty, parquet.Stderr);
        Assert.Equal(csv.Stdout, parquet.Stdout);
    }

    [Fact]
    public void Movements_ParquetWithAMissingColumn_NamesTheFileSColumns()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.parquet"), "--amount-column", "value");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("small.parquet: schema, column 'value': not found; the file has the columns 'customer_id', 'date', 'amount'. Name the right one with --amount-column.", run.ErrorLines[0]);
    }
}
