using System.Globalization;
using System.Text.Json;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Output: formats and their defaults, --output, progress, culture independence, internal errors.</summary>
public sealed class MovementsOutputTests
{
    private static readonly string[] SmallArgs = ["movements", "-i", Tool.Fixture("small.csv"), "--start", "2024-01", "--end", "2024-03"];

    [Fact]
    public void Movements_NoFormatAndStdoutRedirected_WritesJson()
    {
        CliRun run = Tool.Run(CxConsole.Redirected, SmallArgs);

        Assert.Equal(File.ReadAllText(Tool.Fixture("small.expected.json")), run.Stdout);
    }

    [Fact]
    public void Movements_NoFormatOnATerminal_WritesATable()
    {
        CliRun run = Tool.Run(CxConsole.Redirected with { IsOutputRedirected = false }, SmallArgs);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal("Customer asset movements from small.csv", lines[0]);
        Assert.Equal("USD, monthly 2024-01..2024-03 (3 periods), activity window 1; 5 customers, 12 records.", lines[2]);
        Assert.Equal("period   opening     new  reactivated  expansion  contraction  churned  closing  net change  active  incoming  lost", lines[4]);
        Assert.Equal("2024-01   170.00  200.00         0.00       0.00         0.00   -70.00   300.00      130.00       2         1     1", lines[5]);
        Assert.Equal("2024-03   350.00   80.00         0.00       0.00         0.00  -230.00   200.00     -150.00       2         1     2", lines[7]);
        Assert.Contains("1 record(s) after 2024-03 were left out (--end).", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_CsvFormat_WritesOneRowPerPeriod()
    {
        CliRun run = Tool.Run([.. SmallArgs, "--format", "csv"]);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal(
            "period,start,end,currency,opening,closing,new_count,new_value,reactivated_count,reactivated_value,expansion_count,expansion_value," +
            "contraction_count,contraction_value,flat_count,flat_value,churned_count,churned_value,active_customers,incoming_customers,lost_customers,lost_value",
            lines[0]);
        Assert.Equal("2024-02,2024-02-01,2024-02-29,USD,300.00,350.00,0,0.00,1,80.00,1,50.00,1,-80.00,0,0.00,0,0.00,3,1,0,0.00", lines[2]);
        Assert.Equal(5, lines.Length); // header, three periods, and the empty string after the last line end
    }

    [Fact]
    public void Movements_MarkdownFormat_WritesATable()
    {
        CliRun run = Tool.Run([.. SmallArgs, "--format", "markdown"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| period | opening | new | reactivated | expansion | contraction | churned | closing | net change | active | incoming | lost |\n|---|---:|", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| 2024-02 | 300.00 | 0.00 | 80.00 | 50.00 | -80.00 | 0.00 | 350.00 | 50.00 | 3 | 1 | 0 |", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.json", "{")]
    [InlineData("report.csv", "period,start,end")]
    [InlineData("report.md", "## Customer asset movements")]
    [InlineData("report.txt", "Customer asset movements")]
    public void Movements_Output_WritesTheFileInTheFormatOfItsExtension(string name, string start)
    {
        using var folder = new TempFolder();
        string output = folder.File(name);
        File.WriteAllText(output, "previous report");

        CliRun run = Tool.Run([.. SmallArgs, "--output", output]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(start, File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal([output], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Movements_OtherMachineCulture_GivesTheSameOutput()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CliRun run;
        try
        {
            CultureInfo.CurrentCulture = Cultures.CommaDecimal;
            run = Tool.Run([.. SmallArgs, "--format", "json"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(File.ReadAllText(Tool.Fixture("small.expected.json")), run.Stdout);
    }

    [Fact]
    public void Movements_LargeFileOnATerminal_ShowsProgressOnStderrThenClearsIt()
    {
        var terminal = CxConsole.Redirected with { IsErrorRedirected = false, ProgressThresholdBytes = 0 };

        CliRun run = Tool.Run(terminal, [.. SmallArgs, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("\rReading small.csv: ", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\r", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Tool.Fixture("small.expected.json")), run.Stdout);
    }

    [Fact]
    public void Movements_StderrRedirected_ShowsNoProgress()
    {
        var redirected = CxConsole.Redirected with { ProgressThresholdBytes = 0 };

        CliRun run = Tool.Run(redirected, [.. SmallArgs, "--format", "json"]);

        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public void Movements_UnexpectedFailure_ExitsWith1AndAShortMessage()
    {
        using var stdout = new FailingWriter();
        using var stderr = new StringWriter();

        int exit = CxApp.Run([.. SmallArgs, "--format", "json"], stdout, stderr, CxConsole.Redirected);

        Assert.Equal(1, exit);
        Assert.Equal(
            "cx: internal error: InvalidOperationException: the disk is on fire\ncx: this is a bug in cx; please report it with the command you ran.\n",
            stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Movements_Json_IsValidAndHasEveryGridPeriod()
    {
        CliRun run = Tool.Run("movements", "--sample", "-f", "json");

        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement periods = json.RootElement.GetProperty("periods");
        Assert.Equal(36, periods.GetArrayLength());
        Assert.Equal("2023-01", periods[0].GetProperty("period").GetString());
        Assert.Equal("2025-12", periods[35].GetProperty("period").GetString());
    }

    private sealed class FailingWriter : StringWriter
    {
        public FailingWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override void Write(string? value) => throw new InvalidOperationException("the disk is on fire\n   at somewhere");
    }
}
