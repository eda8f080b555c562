using System.Security.Cryptography;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>The hostile command lines and inputs of issue #13: each exits 2 with a clear message (or succeeds where the
/// input has a correct result), leaves the input untouched, writes no partial output and shows control characters of the
/// input visibly on standard error.</summary>
public sealed class HostileInputTests
{
    private const string Revenue = "customer_id,date,amount\nA,2024-01-05,10.00\nB,2024-02-05,20.00\n";

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void AssertNoOutputLeft(TempFolder folder, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("input.csv")]
    [InlineData("./././input.csv")]
    [InlineData("sub/../input.csv")]
    [InlineData("link.csv")]
    public void Movements_OutputNamingTheInput_IsRefusedAndTheInputIsUntouched(string output)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("input.csv"), Revenue);
        Directory.CreateDirectory(folder.File("sub"));
        File.CreateSymbolicLink(folder.File("link.csv"), folder.File("input.csv"));
        string before = Hash(folder.File("input.csv"));

        CliRun run = Tool.Run("movements", "--input", folder.File("input.csv"), "--output", Path.Combine(folder.Path, output));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("is the input file of --input", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("writing there would replace your data with the report", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hash(folder.File("input.csv")));
        AssertNoOutputLeft(folder, "input.csv", "link.csv");
    }

    [Fact]
    public void Movements_InputThroughALinkAndOutputOnTheTarget_IsRefused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("input.csv"), Revenue);
        File.CreateSymbolicLink(folder.File("link.csv"), folder.File("input.csv"));

        CliRun run = Tool.Run("movements", "--input", folder.File("link.csv"), "--output", folder.File("input.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(Revenue, File.ReadAllText(folder.File("input.csv")));
    }

    [Fact]
    public void Reliability_OutputNamingTheStandardsOrMeasurements_IsRefused()
    {
        using var folder = new TempFolder();
        File.Copy(Tool.Fixture("reliability/standards.json"), folder.File("standards.json"));
        File.Copy(Tool.Fixture("reliability/measurements.csv"), folder.File("measurements.csv"));
        string standards = Hash(folder.File("standards.json"));
        string measurements = Hash(folder.File("measurements.csv"));

        CliRun toStandards = Tool.Run("reliability", "--standards", folder.File("standards.json"), "--measurements", folder.File("measurements.csv"), "--output", folder.File("./standards.json"));
        CliRun toMeasurements = Tool.Run("reliability", "--standards", folder.File("standards.json"), "--measurements", folder.File("measurements.csv"), "-o", folder.File("measurements.csv"));

        Assert.Equal(2, toStandards.ExitCode);
        Assert.Equal(2, toMeasurements.ExitCode);
        Assert.Contains("is the input file of --standards", toStandards.Stderr, StringComparison.Ordinal);
        Assert.Contains("is the input file of --measurements", toMeasurements.Stderr, StringComparison.Ordinal);
        Assert.Equal(standards, Hash(folder.File("standards.json")));
        Assert.Equal(measurements, Hash(folder.File("measurements.csv")));
    }

    [Fact]
    public void Attribution_OutputNamingTheEventsOrJourney_IsRefused()
    {
        using var folder = new TempFolder();
        foreach (string name in new[] { "revenue.csv", "events.csv", "journey.json" })
        {
            File.Copy(Tool.Fixture("attribution/" + name), folder.File(name));
        }

        string events = Hash(folder.File("events.csv"));
        CliRun run = Tool.Run("attribution", "--input", folder.File("revenue.csv"), "--events", folder.File("events.csv"), "--journey", folder.File("journey.json"), "-m", "linear", "--output", folder.File("sub/../events.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is the input file of --events", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(events, Hash(folder.File("events.csv")));
    }

    [Fact]
    public void Sample_TwoOutputsOnOneFile_IsRefusedAndNothingIsWritten()
    {
        using var folder = new TempFolder();

        CliRun run = Tool.Run("sample", "--customers", "20", "--events", folder.File("a.csv"), "--journey", folder.File("j.json"), "--output", folder.File("./a.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output: '", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("is also the file of --events", run.Stderr, StringComparison.Ordinal);
        AssertNoOutputLeft(folder);
    }

    [Fact]
    public void Sample_OneUnwritableOutput_WritesNoneOfTheOthers()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("taken"));

        CliRun run = Tool.Run("sample", "--customers", "20", "--journey", folder.File("j.json"), "--events", folder.File("taken"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--events: '", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("j.json")));
    }

    [Fact]
    public void Movements_EscapeSequencesInACustomerId_AreShownVisiblyOnStandardError()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("esc.csv"), "customer_id,date,amount\n\u001b[31mEVIL\u001b]0;pwned\u0007,2024-01-05,-10.00\n\"two\nlines\u202e\",2024-01-05,-5.00\n");

        CliRun run = Tool.Run("movements", "--input", folder.File("esc.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
        Assert.DoesNotContain('\u202e', run.Stderr);
        Assert.Contains(@"customer '\x1b[31mEVIL\x1b]0;pwned\x07'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"customer 'two\x0alines\u202e'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, run.ErrorLines.Length); // two problems and the summary: an echoed line break starts no line
    }

    [Fact]
    public void CommandLine_EscapeSequenceInAnOptionValue_IsShownVisibly()
    {
        CliRun run = Tool.Run("movements", "--sample", "--format", "\u001b[2J");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.Contains(@"\x1b[2J", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_RecordDatedOnThePlaceholder99991231_IsExit2NamingTheRow()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("open-ended.csv"), Revenue + "C,9999-12-31,30.00\n");

        CliRun run = Tool.Run("movements", "--input", folder.File("open-ended.csv"), "--output", folder.File("out.csv"));
        CliRun withEnd = Tool.Run("movements", "--input", folder.File("open-ended.csv"), "--end", "2024-03", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "open-ended.csv line 4, column 'date': the date 9999-12-31 is outside 0001-01-01 to 9998-12-31, the range cx computes in. Dates such as 9999-12-31 are often a placeholder for 'no end date' in exports: remove those rows, or give --end to set the last period (later rows are then left out and counted).",
            run.ErrorLines[0]);
        Assert.False(File.Exists(folder.File("out.csv")));
        Assert.Equal(0, withEnd.ExitCode);
        Assert.Contains("\"excludedRecords\": 1", withEnd.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Movements_AMonthWhoseTotalOverflows_IsExit2WithTheLibrarysCode()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("huge.csv"), "customer_id,date,amount\nA,2024-01-05,92233720368547758.07\nB,2024-01-06,0.01\n");

        CliRun run = Tool.Run("movements", "--input", folder.File("huge.csv"), "--output", folder.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[CX0111]", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("cx: the input cannot be computed as it is; nothing was written.", run.ErrorLines[^1]);
        AssertNoOutputLeft(folder, "huge.csv");
    }

    [Fact]
    public void Movements_OutputUnderProc_IsExit2AndLeavesNothing()
    {
        string target = Directory.Exists("/proc") ? "/proc/cx-report.csv" : Path.Combine(Path.GetTempPath(), "cx-no-such-folder-" + Guid.NewGuid().ToString("N"), "report.csv");

        CliRun run = Tool.Run("movements", "--sample", "--output", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("cx: --output:", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void Reliability_AsOfAtEitherEndOfTime_IsExit2NamingTheOption(string asOf)
    {
        CliRun status = Tool.Run("reliability", "--standards", Tool.Fixture("reliability/standards.json"), "--measurements", Tool.Fixture("reliability/measurements.csv"), "--as-of", asOf);
        CliRun backtest = Tool.Run("reliability", "--standards", Tool.Fixture("reliability/standards.json"), "--measurements", Tool.Fixture("reliability/measurements.csv"), "--as-of", asOf, "--backtest");

        Assert.Equal(2, status.ExitCode);
        Assert.Equal(2, backtest.ExitCode);
        Assert.Contains("measurements.csv: --as-of: Expected the evaluation instant from 0001-01-01T00:00:00Z", status.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("[CX0114]", status.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("--as-of:", backtest.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_CalendarTo9999_IsExit2NamingTheStandard()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("standards.json"), File.ReadAllText(Tool.Fixture("reliability/standards.json")).Replace("\"to\": \"2025-04-30\"", "\"to\": \"9999-12-31\"", StringComparison.Ordinal));

        CliRun run = Tool.Run("reliability", "--standards", folder.File("standards.json"), "--measurements", Tool.Fixture("reliability/measurements.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("standards.json: standards[0] 'test-drive-48h', field 'timeWindow.calendar':", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("[CX0114]", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_MeasurementsOf1e308_GiveAFiniteReport()
    {
        using var folder = new TempFolder();
        string[] lines = File.ReadAllLines(Tool.Fixture("reliability/measurements.csv"));
        File.WriteAllLines(folder.File("huge.csv"), [lines[0], .. lines.Skip(1).Select((l, i) => string.Join(',', l.Split(',').Select((f, k) => k == 2 ? (i % 2 == 0 ? "1e308" : "-1e308") : f)))]);

        CliRun run = Tool.Run("reliability", "--standards", Tool.Fixture("reliability/standards.json"), "--measurements", folder.File("huge.csv"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Infinity", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"breached\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_LookbackOfAHundredThousandYears_IsExit2()
    {
        CliRun run = Tool.Run("attribution", "--sample", "-m", "linear", "--lookback", "100000y");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Expected a lookback window of at most 100 years, got P100000Y.", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[CX0116]", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("damaged")]
    public void Movements_DamagedParquet_IsExit2NamingTheFileAndLeavesNothing(string damage)
    {
        using var folder = new TempFolder();
        byte[] bytes = File.ReadAllBytes(Tool.Fixture("small.parquet"));
        if (damage == "truncated")
        {
            bytes = bytes[..(bytes.Length / 2)];
        }
        else
        {
            // Overwrite the footer's metadata (before its length and the closing magic) with bytes Thrift cannot decode.
            bytes.AsSpan(bytes.Length - 60, 50).Fill(0xFF);
        }

        File.WriteAllBytes(folder.File("revenue.parquet"), bytes);
        string before = Hash(folder.File("revenue.parquet"));

        CliRun run = Tool.Run("movements", "--input", folder.File("revenue.parquet"), "--output", folder.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("revenue.parquet", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(damage == "truncated" ? "not a parquet file" : "the Parquet file cannot be decoded", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hash(folder.File("revenue.parquet")));
        AssertNoOutputLeft(folder, "revenue.parquet");
    }

    [Fact]
    public void Movements_Utf16FileWithAnOddLastByte_IsExit2NamingTheEncoding()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("utf16.csv"), [.. new System.Text.UnicodeEncoding(false, true).GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(Revenue), 0x41]);

        CliRun run = Tool.Run("movements", "--input", folder.File("utf16.csv"), "--output", folder.File("out.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the file is not valid UTF-16LE (byte order mark)", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        AssertNoOutputLeft(folder, "utf16.csv");
    }

    [Fact]
    public void Reliability_HostileMeasurementRows_AreExit2ByLineWithEscapesShown()
    {
        using var folder = new TempFolder();
        string[] lines = File.ReadAllLines(Tool.Fixture("reliability/measurements.csv"));
        File.WriteAllLines(folder.File("hostile.csv"), [.. lines, "test-drive-48h,9999-12-31T23:59:59Z,20,C1", "test-drive-48h,2025-03-03T09:00:00Z,NaN,C1", "\u001b[2Jevil,2025-03-03T09:00:00Z,20,C1"]);

        CliRun run = Tool.Run("reliability", "--standards", Tool.Fixture("reliability/standards.json"), "--measurements", folder.File("hostile.csv"), "--output", folder.File("out.json"), "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"hostile.csv line {lines.Length + 1}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"hostile.csv line {lines.Length + 2}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        AssertNoOutputLeft(folder, "hostile.csv");
    }

    [Theory]
    [InlineData("value")]
    [InlineData("listening")]
    public void ValueAndListening_OutputNamingTheInput_IsRefusedAndTheInputIsUntouched(string command)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("input.csv"), Revenue);
        string before = Hash(folder.File("input.csv"));
        string[] args = command == "value"
            ? ["value", "--input", folder.File("input.csv"), "--output", Path.Combine(folder.Path, ".", "input.csv")]
            : ["listening", "--input", folder.File("input.csv"), "--journey", folder.File("journey.json"), "--output", Path.Combine(folder.Path, ".", "input.csv")];

        CliRun run = Tool.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("is the input file of --input", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Hash(folder.File("input.csv")));
        AssertNoOutputLeft(folder, "input.csv");
    }
}
