using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>The command line: help, version, and usage errors (exit code 2 with a hint).</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Help_ListsTheCommands()
    {
        CliRun run = Tool.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("movements", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("sample", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void MovementsHelp_ListsEveryOption()
    {
        CliRun run = Tool.Run("movements", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (string option in new[]
        {
            "--input", "--sample", "--seed", "--customer-column", "--date-column", "--amount-column", "--segment-column", "--currency",
            "--date-format", "--delimiter", "--grid", "--start", "--end", "--activity-window", "--format", "--output",
        })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        CliRun run = Tool.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout);
    }

    [Theory]
    [InlineData(new string[0], "cx: Required command was not provided.")]
    [InlineData(new[] { "movements", "--sample", "--bogus" }, "cx: Unrecognized command or argument '--bogus'.")]
    [InlineData(new[] { "movements", "--sample", "--format", "xml" }, "cx: Argument 'xml' not recognized. Must be one of:")]
    [InlineData(new[] { "movements", "--sample", "--grid", "daily" }, "cx: Argument 'daily' not recognized. Must be one of:")]
    [InlineData(new[] { "movements", "--sample", "--currency", "USS" }, "cx: --currency: expected an ISO 4217 code such as USD, EUR or JPY, got 'USS'.")]
    [InlineData(new[] { "movements", "--sample", "--activity-window", "0" }, "cx: --activity-window: expected 1 to 1000 periods, got 0.")]
    [InlineData(new[] { "movements", "--sample", "--start", "2024-13" }, "cx: --start: expected a date such as 2024-03-15 or a month such as 2024-03, got '2024-13'.")]
    [InlineData(new[] { "movements", "--sample", "--date-format", "yyyy-MM-ddXX" }, "cx: --date-format: 'yyyy-MM-ddXX' is not a valid date pattern:")]
    [InlineData(new[] { "movements", "--sample", "--delimiter", "ab" }, "cx: --delimiter: expected comma, semicolon, tab, whitespace or one ASCII character such as ';' or '|'; got 'ab'.")]
    [InlineData(new[] { "movements" }, "cx: Give --input FILE (a CSV of dated amounts; '-' for standard input), or --sample for the built-in sample company.")]
    [InlineData(new[] { "movements", "--sample", "--input", "x.csv" }, "cx: Give either --input or --sample, not both (got --input 'x.csv' and --sample).")]
    [InlineData(new[] { "sample", "--customers", "0" }, "cx: --customers: expected 1 to 1000000, got 0.")]
    public void BadCommandLine_ExitsWith2AndSaysWhy(string[] args, string expectedStart)
    {
        CliRun run = Tool.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(expectedStart, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_WritesTheSampleAsCsv()
    {
        CliRun run = Tool.Run("sample", "--seed", "3", "--customers", "10");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("customer_id,date,amount,segment\n", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^C-\d{5},\d{4}-\d{2}-\d{2},-?\d+\.\d{2},(Enterprise|Mid-market|Small business)$", run.Stdout.Split('\n')[1]);
    }
}
