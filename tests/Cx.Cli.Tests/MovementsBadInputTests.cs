using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Bad input: exit code 2, one line per problem with the CSV line (the header is line 1), the column and what is
/// wrong; the first 20, then a count; no stack trace; nothing on standard output or in --output.</summary>
public sealed class MovementsBadInputTests
{
    private const string NotANumber = "expected a number with '.' as the decimal separator and no thousands separators or currency symbols, such as 1234.56 or -20.00; got";

    [Fact]
    public void Movements_BadRowsOfEveryKind_ReportsEachWithLineColumnAndReason()
    {
        CliRun run = Tool.Run("movements", "--input", Tool.Fixture("bad.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            [
                "bad.csv line 3, column 'date': expected a date such as 2024-03-15 (format yyyy-MM-dd, set with --date-format); got '2024-02-30'.",
                "bad.csv line 4, column 'date': expected a date such as 2024-03-15 (format yyyy-MM-dd, set with --date-format); got '15/03/2024'.",
                $"bad.csv line 5, column 'amount': {NotANumber} '12,50'.",
                $"bad.csv line 6, column 'amount': {NotANumber} 'abc'.",
                "bad.csv line 7, column 'amount': the amount is empty; expected a number such as 1234.56 or -20.00 (a refund).",
                "bad.csv line 8, column 'date': the date is empty; expected a date such as 2024-03-15 (format yyyy-MM-dd).",
                "bad.csv line 9, column 'customer_id': Expected a customer id, got an empty one. Every record needs the id of its customer. [CX0101]",
                "bad.csv line 10: the row has 2 fields, the header has 4; enclose values that contain ',' in double quotes, and give every row all the columns.",
                "bad.csv line 11: the row has 5 fields, the header has 4; enclose values that contain ',' in double quotes, and give every row all the columns.",
                $"bad.csv line 14, column 'amount': {NotANumber} '1e3'.",
                "bad.csv line 15: malformed CSV: text after the closing quote of a quoted field; a quoted field must end right after its closing quote.",
                "bad.csv line 16, column 'segment': Expected a segment name of 1 to 200 characters, or none; got a blank or longer value. Use null for records without a segment. [CX0106]",
                "bad.csv line 17, column 'amount': Expected an amount Money can hold in USD (at most 92233720368547758.07 in absolute value), got 99999999999999999999999.",
                $"bad.csv line 18, column 'amount': {NotANumber} '$5.00'.",
                "cx: 14 problems in bad.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Movements_ManyBadRows_ShowsTheFirst20ThenHowManyMore()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("many-bad.csv"));

        Assert.Equal(2, run.ExitCode);
        string[] lines = run.ErrorLines;
        Assert.Equal(22, lines.Length);
        Assert.Equal($"many-bad.csv line 2, column 'amount': {NotANumber} 'n/a'.", lines[0]);
        Assert.StartsWith("many-bad.csv line 21, column 'amount'", lines[19], StringComparison.Ordinal);
        Assert.Equal("... and 5 more", lines[20]);
        Assert.Equal("cx: 25 problems in many-bad.csv; nothing was written.", lines[21]);
    }

    [Fact]
    public void Movements_MissingColumns_NamesTheColumnsThatExist()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("missing-columns.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "missing-columns.csv line 1, column 'customer_id': not found; the header has the columns 'client', 'day', 'value'. Name the right one with --customer-column.",
                "missing-columns.csv line 1, column 'date': not found; the header has the columns 'client', 'day', 'value'. Name the right one with --date-column.",
                "missing-columns.csv line 1, column 'amount': not found; the header has the columns 'client', 'day', 'value'. Name the right one with --amount-column.",
                "cx: 3 problems in missing-columns.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Movements_MissingSegmentColumnWhenAskedFor_IsAnError()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--segment-column", "plan");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "small.csv line 1, column 'plan': not found; the header has the columns 'customer_id', 'date', 'amount'. Name the right one with --segment-column.",
            run.ErrorLines[0]);
    }

    [Fact]
    public void Movements_RefundsExceedPurchasesInAPeriod_NamesCustomerPeriodAndLines()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("negative.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "negative.csv line 2, column 'amount': refunds exceed purchases: customer 'C1' nets -15.00 USD in 2024-01 (lines 2, 3). A customer's net value in a period must be zero or more: date each refund in the period of the purchase it refunds, or correct the amounts. [CX0110]",
                "cx: 1 problem in negative.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Movements_RefundInAnotherWeekThanItsPurchase_IsReportedOnAWeeklyGrid()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--grid", "weekly");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("small.csv line 12, column 'amount': refunds exceed purchases: customer 'E' nets -10.00 USD in 2024-W12 (line 12).", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unterminated-quote.csv", "unterminated-quote.csv line 3: malformed CSV: a quoted field is never closed; the rest of the file was read as part of it. Close the quote.")]
    [InlineData("stray-quote.csv", "stray-quote.csv line 3: malformed CSV: a double quote inside a field that is not enclosed in quotes; enclose the field in double quotes and double the quotes inside it (\"\").")]
    public void Movements_MalformedQuoting_IsReportedOnItsLine(string fixture, string expected)
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture(fixture));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([expected, $"cx: 1 problem in {fixture}; nothing was written."], run.ErrorLines);
    }

    [Theory]
    [InlineData("empty.csv", "empty.csv line 1: the file is empty; expected a header line such as customer_id,date,amount, then one row per amount.")]
    [InlineData("header-only.csv", "header-only.csv: no data rows after the header; expected one row per amount.")]
    public void Movements_NoData_IsBadInput(string fixture, string expected)
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture(fixture));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, run.ErrorLines[0]);
    }

    [Fact]
    public void Movements_BadInput_LeavesTheOutputFileAsItWasAndNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string output = folder.File("report.json");
        File.WriteAllText(output, "previous report");

        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("bad.csv"), "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous report", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Movements_BadInput_PrintsNoStackTrace()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("bad.csv"));

        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_MissingFile_IsBadInput()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("no-such-file.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("cx: Cannot read '", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Movements_InputIsAFolder_IsBadInput()
    {
        CliRun run = Tool.Run("movements", "-i", Path.GetTempPath());

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("is a folder; give a CSV file.", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_StartAfterEnd_IsBadInput()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "--start", "2024-03", "--end", "2024-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("cx: The grid would end before it starts: --end (2024-01-31) is before --start (2024-03-01). Check --start and --end.", run.ErrorLines[0]);
    }

    [Fact]
    public void Movements_OutputFolderMissing_IsBadInput()
    {
        CliRun run = Tool.Run("movements", "-i", Tool.Fixture("small.csv"), "-o", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "out.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }
}
