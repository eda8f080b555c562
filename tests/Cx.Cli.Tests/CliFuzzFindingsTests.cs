using System.Globalization;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>What <see cref="CliFuzzTests"/> found, each pinned by its smallest case.</summary>
public sealed class CliFuzzFindingsTests
{
    private static readonly string[] ListeningFixture =
    [
        "listening", "--input", Tool.Fixture("listening/feedback.csv"), "--journey", Tool.Fixture("listening/journey.json"),
        "--taxonomy", Tool.Fixture("listening/taxonomy.json"),
    ];

    private static readonly string[] Listening = [.. ListeningFixture, "--confidence", "0.8", "--format", "json"];

    /// <summary>On a German machine "--confidence 0.8" was read as 8 (the '.' a thousands separator) and refused.</summary>
    [Fact]
    public void Listening_ConfidenceOnAMachineWithACommaForADecimalPoint_IsReadAsWritten()
    {
        CliRun invariant = Tool.Run(Listening);
        CultureInfo before = CultureInfo.CurrentCulture;
        CliRun comma;
        try
        {
            CultureInfo.CurrentCulture = Cultures.CommaDecimal;
            comma = Tool.Run(Listening);
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator); // the caller's culture is given back
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(0, invariant.ExitCode);
        Assert.Equal(0, comma.ExitCode);
        Assert.Equal(invariant.Stdout, comma.Stdout);
        Assert.Contains("\"confidenceLevel\": 0.8", invariant.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("95%", 0)]
    [InlineData("0.5", 2)]
    [InlineData("1", 2)]
    [InlineData("abc", 2)]
    public void Listening_Confidence_AcceptsAPercentageAndRefusesOutsideTheRange(string level, int exit)
    {
        CliRun run = Tool.Run([.. ListeningFixture, "--confidence", level]);

        Assert.Equal(exit, run.ExitCode);
        if (exit == 2)
        {
            Assert.Contains("--confidence", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>A library's ArgumentException reached the user with .NET's " (Parameter 'options')".</summary>
    [Fact]
    public void Movements_CommaAsBothDelimiterAndDecimalSeparator_SaysSoWithoutDotNetsParameterName()
    {
        CliRun run = Tool.Run("movements", "--input", Tool.Fixture("small.csv"), "--decimal-separator", ",");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cx: The decimal separator ',' cannot also be the delimiter: use ';' or tab as the delimiter.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The files cx room reads by fixed column names were told to set "Instant" or "Encoding" — the library's
    /// property names, not anything the user can type.</summary>
    [Fact]
    public void Room_MeasurementsWithoutTheInstantColumn_NamesTheHeaderItLooksFor()
    {
        using var folder = new TempFolder();
        string[] files = SampleFiles(folder);
        string[] lines = File.ReadAllLines(folder.File("measurements.csv"));
        lines[0] = lines[0].Replace("instant", "when", StringComparison.Ordinal);
        File.WriteAllLines(folder.File("measurements.csv"), lines);

        CliRun run = Tool.Run(["room", .. files]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("measurements.csv line 1, column 'instant': not found", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Name the right one with the header 'instant' (cx room reads this file's columns by these names).", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_MeasurementsNotInUtf8_NamesTheEncodingOption()
    {
        using var folder = new TempFolder();
        string[] files = SampleFiles(folder);
        byte[] bytes = File.ReadAllBytes(folder.File("measurements.csv"));
        bytes[Array.IndexOf(bytes, (byte)'\n') + 2] = 0xE9;
        File.WriteAllBytes(folder.File("measurements.csv"), bytes);

        CliRun run = Tool.Run(["risk", .. files]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("measurements.csv line 2: the line is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Give the file's encoding with --encoding", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The tool's fuzz seed 13, case 351: the table wrote the threshold through Math.Round with 302 digits, an
    /// internal error.</summary>
    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    public void Value_AtRiskThresholdOf1eMinus300_IsWrittenInScientificNotation(string format)
    {
        CliRun run = Tool.Run("value", "--input", Tool.Fixture("value/small.csv"), "--at-risk-threshold", "1e-300", "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No customer has P(alive) below 1E-300 as of 2025-03-29.", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Writes the sample company's files for 40 customers; returns the options that give them to cx room and cx risk.</summary>
    private static string[] SampleFiles(TempFolder folder)
    {
        string[] files = ["--input", folder.File("revenue.csv"), "--events", folder.File("events.csv"), "--journey", folder.File("journey.json"),
            "--standards", folder.File("standards.json"), "--measurements", folder.File("measurements.csv")];
        CliRun sample = Tool.Run(["sample", "--customers", "40", .. files.Select(f => f == "--input" ? "-o" : f)]);
        Assert.Equal(0, sample.ExitCode);
        return files;
    }
}
