using System.Text.Json;
using Cx.Cli.Tests.TestData;
using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Cli.Tests;

/// <summary>End to end: the tool's JSON on fixture CSVs, checked against the library's own result.</summary>
public sealed class MovementsJsonTests
{
    private static AssetRecord Usd(string customer, int year, int month, int day, decimal amount, string? segment = null) =>
        new(CustomerId.From(customer), new LocalDate(year, month, day), Money.FromDecimal(amount, Currency.Usd), segment);

    private static readonly AssetRecord[] SmallRecords =
    [
        Usd("A", 2023, 12, 5, 100m), Usd("A", 2024, 1, 5, 100m), Usd("A", 2024, 2, 5, 150m),
        Usd("B", 2024, 1, 10, 200m), Usd("B", 2024, 2, 10, 120m), Usd("B", 2024, 3, 10, 120m),
        Usd("C", 2023, 11, 20, 50m), Usd("C", 2024, 2, 20, 80m),
        Usd("D", 2023, 12, 15, 70m),
        Usd("E", 2024, 3, 1, 90m), Usd("E", 2024, 3, 20, -10m),
        Usd("B", 2024, 4, 10, 120m),
    ];

    [Fact]
    public void Movements_SmallFixture_PrintsThePinnedJson()
    {
        CliRun run = Tool.Run("movements", "--input", Tool.Fixture("small.csv"), "--start", "2024-01", "--end", "2024-03", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(File.ReadAllText(Tool.Fixture("small.expected.json")), run.Stdout);
    }

    [Fact]
    public void Movements_SmallFixtureWithStartAndEnd_MatchesLibraryWithHistoryAndExcludedRecords()
    {
        var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(
            AssetLedger.FromRecords(SmallRecords, grid, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude }));

        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--start", "2024-01-15", "--end", "2024-03-02");

        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
        Assert.Equal(1, expected.ExcludedRecordCount);
        Assert.Equal(1, expected.Periods[1].Reactivated.CustomerCount); // C, thanks to its history in 2023-11
    }

    [Fact]
    public void Movements_WithoutStartAndEnd_GridRunsFromEarliestToLatestRecord()
    {
        var grid = PeriodGrid.Monthly(new YearMonth(2023, 11), new YearMonth(2024, 4));
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(SmallRecords, grid));

        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"));

        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2023-11", json.RootElement.GetProperty("periods")[0].GetProperty("period").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("excludedRecords").GetInt32());
    }

    [Fact]
    public void Movements_QuarterlyGridAndActivityWindow_MatchLibrary()
    {
        var grid = PeriodGrid.Quarterly(new LocalDate(2023, 11, 20), new LocalDate(2024, 4, 10));
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(SmallRecords, grid), new AssetMovementOptions { ActivityWindow = 2 });

        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--grid", "quarterly", "--activity-window", "2", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
    }

    [Fact]
    public void Movements_WeeklyGrid_MatchesLibrary()
    {
        AssetRecord[] records =
        [
            Usd("K1", 2024, 1, 5, 10.50m, "Pro"), Usd("K1", 2024, 2, 5, 12m, "Pro"), Usd("K2", 2024, 2, 6, 7.25m, "Basic"),
        ];
        var grid = PeriodGrid.Weekly(new LocalDate(2024, 1, 5), new LocalDate(2024, 2, 6));
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(records, grid));

        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("semicolon.csv"), "--delimiter", ";", "--grid", "weekly", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
        Assert.Equal(6, expected.Periods.Count);
    }

    [Fact]
    public void Movements_UglyExportWithColumnMapping_MatchesLibrary()
    {
        // What the rows of ugly.csv say, written by hand: the blank line, the line of separators and the blank lines
        // at the end are skipped; amounts are rounded half to even to cents, per record.
        AssetRecord[] records =
        [
            Usd("Acme, Inc.", 2024, 1, 5, 1200.005m, "Pro"), Usd("Acme, Inc.", 2024, 2, 5, 1200.015m, "Pro"),
            Usd("Bolt Ltd", 2024, 1, 12, 99.125m, "Basic"), Usd("Bolt Ltd", 2024, 2, 12, 99.135m, "Basic"),
            Usd("Cyan \"Blue\" Co", 2024, 1, 31, 0.125m),
            Usd("Delta", 2024, 2, 29, 10.005m, "Pro"), Usd("Delta", 2024, 2, 29, -5.0049m, "Pro"),
            Usd("Echo", 2023, 12, 1, 30m, "Basic"), Usd("Echo", 2024, 3, 1, 30m, "Basic"),
            Usd("Acme, Inc.", 2024, 3, 20, 100m, "Pro"),
        ];
        var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(AssetLedger.FromRecords(records, grid));

        CliRun run = Tool.Run(
            "movements", "--input", Tool.Fixture("ugly.csv"), "--customer-column", "Customer ID", "--date-column", "invoice date",
            "--amount-column", "Net Amount (USD)", "--segment-column", "Plan", "--date-format", "dd/MM/yyyy", "--start", "2024-01");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
    }

    [Fact]
    public void Movements_AmountsWithExtraDecimals_AreRoundedHalfToEvenPerRecord()
    {
        CliRun run = Tool.Run(
            "movements", "-i", Tool.Fixture("ugly.csv"), "--customer-column", "Customer ID", "--date-column", "Invoice Date",
            "--amount-column", "Net Amount (USD)", "--date-format", "dd/MM/yyyy", "--start", "2024-01");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement january = json.RootElement.GetProperty("periods")[0];
        JsonElement february = json.RootElement.GetProperty("periods")[1];
        // January: Acme 1200.005 -> 1200.00, Bolt 99.125 -> 99.12, Cyan 0.125 -> 0.12 (ties to the even cent).
        Assert.Equal("1299.24", january.GetProperty("new").GetProperty("value").GetRawText());
        // February: Acme 1200.015 -> 1200.02 (+0.02), Bolt 99.135 -> 99.14 (+0.02); Delta 10.005 -> 10.00 less a
        // refund of 5.0049 -> 5.00 (new, 5.00).
        Assert.Equal("0.04", february.GetProperty("expansion").GetProperty("value").GetRawText());
        Assert.Equal("5.00", february.GetProperty("new").GetProperty("value").GetRawText());
    }

    [Fact]
    public void Movements_SemicolonDelimiter_ReadsTheFile()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("semicolon.csv"), "--delimiter", ";", "--currency", "eur");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("EUR", json.RootElement.GetProperty("currency").GetString());
        Assert.Equal("19.25", json.RootElement.GetProperty("periods")[1].GetProperty("closing").GetRawText());
    }

    [Fact]
    public void Movements_Sample_MatchesLibraryOnTheSampleCompany()
    {
        SampleCompany company = SampleCompany.Generate(7);
        AssetMovementReport expected = new AssetMovementCalculator().Calculate(company.RevenueLedger());

        CliRun run = Tool.Run("movements", "--sample", "--seed", "7", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        ReportJson.AssertMatches(expected, run.Stdout);
    }

    [Fact]
    public void Movements_SampleExportedAsCsv_GivesTheSameJsonAsTheSample()
    {
        using var folder = new TempFolder();
        CliRun export = Tool.Run("sample", "--output", folder.File("sample.csv"));
        Assert.Equal(0, export.ExitCode);

        CliRun fromFile = Tool.Run("movements", "-i", folder.File("sample.csv"), "-f", "json");
        CliRun fromSample = Tool.Run("movements", "--sample", "-f", "json");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromSample.Stdout, fromFile.Stdout);
    }

    [Fact]
    public void Movements_StandardInput_IsReadWithDash()
    {
        byte[] bytes = File.ReadAllBytes(Tool.Fixture("small.csv"));
        var console = CxConsole.Redirected with { OpenStandardInput = () => new MemoryStream(bytes) };

        CliRun run = Tool.Run(console, "movements", "--input", "-", "--start", "2024-01", "--end", "2024-03");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Tool.Fixture("small.expected.json")), run.Stdout);
    }
}
