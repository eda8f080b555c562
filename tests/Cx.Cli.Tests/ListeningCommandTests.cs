using System.Text.Json;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary><c>cx listening</c> and <c>cx sample --feedback</c>: what a user sees on good and bad input. The outputs
/// themselves are pinned byte for byte in <see cref="OutputGoldenTests"/>.</summary>
public sealed class ListeningCommandTests
{
    private static string[] Fixture(string feedback = "feedback.csv", string? taxonomy = "taxonomy.json") =>
    [
        "listening", "--input", Tool.Fixture("listening/" + feedback), "--journey", Tool.Fixture("listening/journey.json"),
        .. taxonomy is null ? Array.Empty<string>() : ["--taxonomy", Tool.Fixture("listening/" + taxonomy)],
    ];

    [Fact]
    public void Listening_Fixture_FindsTheCheckoutSpikeAndTheSurveysConfirmIt()
    {
        CliRun run = Tool.Run([.. Fixture(), "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement spike = Assert.Single(json.RootElement.GetProperty("spikes").EnumerateArray());
        Assert.Equal("2025-01", spike.GetProperty("period").GetString());
        Assert.Equal("buy", spike.GetProperty("stage").GetString());
        Assert.Equal("checkout-error", spike.GetProperty("topic").GetString());
        Assert.Equal("confirmed", spike.GetProperty("surveys").GetProperty("verdict").GetString());
        Assert.Equal(842, json.RootElement.GetProperty("signalsRead").GetInt32());
    }

    [Fact]
    public void Listening_WithoutTaxonomy_CountsTheTopicsTheRowsCarry()
    {
        CliRun run = Tool.Run([.. Fixture(taxonomy: null), "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["checkout-error"], json.RootElement.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public void Listening_BadRows_ListsEveryProblemWithItsLineAndColumnAndWritesNothing()
    {
        CliRun run = Tool.Run(Fixture("bad-rows.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(
        [
            "bad-rows.csv line 3, column 'source': expected a source of call-center, web, store, email, chat, social, survey or other; got 'fax'.",
            "bad-rows.csv line 4, column 'instant': expected an ISO 8601 instant with a UTC offset, such as 2025-04-12T09:30:00Z or 2025-04-12T11:30:00+02:00; got 'not-a-date'.",
            "bad-rows.csv line 5, column 'score': Expected an NPS score from 0 to 10, got 12. [CX0709]",
            "bad-rows.csv line 6, column 'topics': Expected topics of the taxonomy, got 'typo-topic'. Add the topic to the taxonomy or correct the signal. [CX0706]",
            "bad-rows.csv line 6, column 'sentiment': Expected a sentiment from -1 to 1, or none, got 3. [CX0707]",
            "bad-rows.csv line 7, column 'touchpoint': Expected touchpoint 'checkout' to belong to stage 'support', but it belongs to 'buy'. Give the touchpoint's stage, or no stage. [CX0705]",
            "cx: 6 problems in bad-rows.csv; nothing was written.",
        ], run.ErrorLines);
    }

    [Fact]
    public void Listening_MalformedTaxonomy_NamesTheLineAndPosition()
    {
        CliRun run = Tool.Run(Fixture(taxonomy: "taxonomy-malformed.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("taxonomy-malformed.json: Malformed JSON at line 1, position", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains("'keyword'", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_InvalidTaxonomy_ListsEveryTopicProblem()
    {
        CliRun run = Tool.Run(Fixture(taxonomy: "taxonomy-invalid.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("Keywords[1]", StringComparison.Ordinal) && l.Contains("[CX0712]", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("twice", StringComparison.Ordinal) && l.Contains("[CX0711]", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.Contains("display name", StringComparison.Ordinal) && l.Contains("[CX0711]", StringComparison.Ordinal));
    }

    [Fact]
    public void Listening_HeaderOnly_SaysThereAreNoRows()
    {
        CliRun run = Tool.Run(Fixture("header-only.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no data rows after the header", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "listening" }, "Give --input FILE")]
    [InlineData(new[] { "listening", "--input", "x.csv" }, "Give --input FILE")]
    [InlineData(new[] { "listening", "--sample", "--input", "x.csv" }, "Give either --sample")]
    [InlineData(new[] { "listening", "--sample", "--confidence", "2" }, "--confidence: Expected a confidence level from 0.80 to 0.999")]
    [InlineData(new[] { "listening", "--sample", "--time-zone", "Mars/Olympus" }, "--time-zone: expected an IANA time zone id")]
    public void Listening_BadCommandLine_ExitsWithTwoAndSaysWhy(string[] args, string expected)
    {
        CliRun run = Tool.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void SampleFeedback_ReadBack_GivesTheSampleReport()
    {
        using var folder = new TempFolder();
        string feedback = folder.File("feedback.csv");
        string taxonomy = folder.File("taxonomy.json");
        string journey = folder.File("journey.json");

        CliRun written = Tool.Run("sample", "--feedback", feedback, "--taxonomy", taxonomy, "--journey", journey);
        CliRun fromFiles = Tool.Run("listening", "--input", feedback, "--journey", journey, "--taxonomy", taxonomy, "--format", "json");
        CliRun fromSample = Tool.Run("listening", "--sample", "--format", "json");

        Assert.Equal(0, written.ExitCode);
        Assert.Empty(written.Stdout);
        Assert.StartsWith("instant,source,kind,customer_id,stage,touchpoint,topics,sentiment,instrument,score,scale_min,scale_max,text\n", File.ReadAllText(feedback), StringComparison.Ordinal);
        using JsonDocument a = JsonDocument.Parse(fromFiles.Stdout);
        using JsonDocument b = JsonDocument.Parse(fromSample.Stdout);
        foreach (string section in (string[])["spikes", "checks", "surveys", "changes"])
        {
            Assert.Equal(b.RootElement.GetProperty(section).GetRawText(), a.RootElement.GetProperty(section).GetRawText());
        }

        Assert.Equal(b.RootElement.GetProperty("signals").GetInt64(), a.RootElement.GetProperty("signals").GetInt64());
    }
}
