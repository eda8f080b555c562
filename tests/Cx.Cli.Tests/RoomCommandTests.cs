using System.Text.Json;
using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary><c>cx room</c> and <c>cx risk</c>: the sample and the same data written to files give the same room; bad input
/// exits with 2, names the file, line and column, and writes nothing. The sample's outputs are pinned byte for byte in
/// <see cref="OutputGoldenTests"/>.</summary>
public sealed class RoomCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Room_OnTheSamplesFiles_IsTheSampleRoom()
    {
        string[] files = WriteSampleFiles();

        CliRun fromFiles = Tool.Run(["room", .. files, "--format", "json"]);
        CliRun sample = Tool.Run("room", "--sample", "--format", "json");

        Assert.True(fromFiles.ExitCode == 0, fromFiles.Stderr);
        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(WithoutSource(sample.Stdout), WithoutSource(fromFiles.Stdout));
    }

    [Fact]
    public void Room_Sample_IsMarkdownByDefault_AndHtmlOneOptionAway()
    {
        CliRun markdown = Tool.Run("room", "--sample", "--period", "2025-06");
        string page = _folder.File("room.html");
        CliRun html = Tool.Run("room", "--sample", "--period", "2025-06", "--output", page);

        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("# Customer room, 2025-06\n", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("## 4. The top 5 company-wide priorities", markdown.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, html.ExitCode);
        Assert.Empty(html.Stdout);
        string written = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", written, StringComparison.Ordinal);
        Assert.Contains("Customer room, 2025-06", written, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", written, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Room_BadEventRow_NamesFileLineAndColumn_AndLeavesTheOutputFileAlone()
    {
        string[] files = WriteSampleFiles();
        string events = _folder.File("events.csv");
        string[] lines = File.ReadAllLines(events);
        string[] cells = lines[4].Split(',');
        cells[1] = "no-such-touchpoint";
        lines[4] = string.Join(',', cells);
        File.WriteAllLines(events, lines);
        string output = _folder.File("room.md");
        File.WriteAllText(output, "the previous room");

        CliRun run = Tool.Run(["room", .. files, "--output", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
        [
            "events.csv line 5, column 'touchpoint': Expected a touchpoint of journey 'Car buyers', got 'no-such-touchpoint'. Add it to the framework or correct the event. [CX0411]",
            "cx: 1 problem in events.csv; nothing was written.",
        ], run.ErrorLines);
        Assert.Equal("the previous room", File.ReadAllText(output));
    }

    [Fact]
    public void Risk_BadMeasurementValue_NamesFileLineAndColumn()
    {
        string[] files = WriteSampleFiles();
        string measurements = _folder.File("measurements.csv");
        string[] lines = File.ReadAllLines(measurements);
        string[] cells = lines[2].Split(',');
        cells[2] = "abc";
        lines[2] = string.Join(',', cells);
        File.WriteAllLines(measurements, lines);

        CliRun run = Tool.Run(["risk", .. files.Where((_, i) => i < 10)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal(
        [
            "measurements.csv line 3, column 'value': expected a number with '.' as the decimal separator and no thousands separators or units, such as 31.5; got 'abc'.",
            "cx: 1 problem in measurements.csv; nothing was written.",
        ], run.ErrorLines);
    }

    [Fact]
    public void Room_StandardOfATouchpointTheJourneyLacks_NamesTheStandardsFile()
    {
        string[] files = WriteSampleFiles();
        string standards = _folder.File("standards.json");
        File.WriteAllText(standards, File.ReadAllText(standards).Replace("\"financing-approval\"", "\"no-such-touchpoint\"", StringComparison.Ordinal));

        CliRun run = Tool.Run(["room", .. files]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("standards.json", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-touchpoint", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "room", "--sample", "--period", "2030-01" }, "cx: --period: expected a period of the grid 2023-01 to 2025-12, got 2030-01-01. Choose one of the grid's periods, or widen the grid with --start and --end.")]
    [InlineData(new[] { "room", "--sample", "--period", "-9998-01" }, "cx: --period: expected a period of the grid 2023-01 to 2025-12, got -9998-01-01.")]
    [InlineData(new[] { "room", "--sample", "--period", "June" }, "cx: --period: expected a date such as 2024-03-15 or a month such as 2024-03, got 'June'.")]
    [InlineData(new[] { "room", "--sample", "--journey", "j.json" }, "cx: Give either --sample or the files, not both (got --sample and --journey 'j.json').")]
    [InlineData(new[] { "risk", "--input", "r.csv" }, "cx: Give --events FILE (a CSV of experience events), --journey FILE (the journey framework as JSON), --standards FILE (the reliability standards as JSON), --measurements FILE (a CSV of reliability measurements); or --sample for the built-in sample company. See 'cx risk --help'.")]
    [InlineData(new[] { "room", "--sample", "--format", "csv" }, "cx: Argument 'csv' not recognized. Must be one of:")]
    public void CommandLine_Mistakes_ExitWith2AndSayWhatToDo(string[] args, string expected)
    {
        CliRun run = Tool.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith(expected, run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_Sample_ListsTheBreachedFinancingApprovalsFirst_InEveryFormat()
    {
        CliRun json = Tool.Run("risk", "--sample", "--format", "json");
        CliRun csv = Tool.Run("risk", "--sample", "--format", "csv");

        Assert.Equal(0, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement first = document.RootElement.GetProperty("warnings")[0];
        Assert.Equal(("financing-approval-24h", "breached", "Finance", true), (first.GetProperty("standard").GetString(), first.GetProperty("status").GetString(), first.GetProperty("owner").GetString(), first.GetProperty("revenueAtRisk").GetProperty("actionable").GetBoolean()));
        Assert.Equal(0, csv.ExitCode);
        string[] rows = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(document.RootElement.GetProperty("warnings").GetArrayLength() + 1, rows.Length);
        Assert.StartsWith("breached,financing-approval-24h,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_Policy_OpensTheEpisodesOfThatPolicy()
    {
        // The legacy policy (the workbook's rules and the individual-value charts) also puts three standards on watch in the
        // sample's December; the default one does not. Every warning carries its episode, or null for a breach without one.
        CliRun byDefault = Tool.Run("risk", "--sample", "--format", "json");
        CliRun named = Tool.Run("risk", "--sample", "--policy", "default", "--format", "json");
        CliRun legacy = Tool.Run("risk", "--sample", "--policy", "legacy", "--format", "json");

        Assert.Equal(0, legacy.ExitCode);
        Assert.Equal(byDefault.Stdout, named.Stdout);
        using JsonDocument a = JsonDocument.Parse(byDefault.Stdout);
        using JsonDocument b = JsonDocument.Parse(legacy.Stdout);
        Assert.Equal(["breached", "breached"], a.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("status").GetString()));
        Assert.Equal(["breached", "breached", "watch", "watch", "watch"], b.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("status").GetString()));
        foreach (JsonElement w in b.RootElement.GetProperty("warnings").EnumerateArray())
        {
            JsonElement episode = w.GetProperty("episode");
            Assert.Equal(JsonValueKind.Object, episode.ValueKind);
            Assert.Equal(JsonValueKind.Null, episode.GetProperty("closedAt").ValueKind);
            Assert.Equal(episode.GetProperty("openedAt").GetString(), w.GetProperty("since").GetString());
        }
    }

    [Fact]
    public void Room_PolicyFromAFile_IsUsed_AndABadOneNamesFileAndFieldAndWritesNothing()
    {
        string good = _folder.File("legacy.json");
        File.WriteAllText(good, """{ "name": "workbook", "burnRate": { } }""");
        string bad = _folder.File("bad-policy.json");
        File.WriteAllText(bad, """{ "name": "x", "bernoulliCusum": { "designShareFactor": 0.5 } }""");
        string output = _folder.File("room.md");
        File.WriteAllText(output, "the previous room");

        CliRun ok = Tool.Run("room", "--sample", "--policy", good, "--format", "json");
        CliRun run = Tool.Run("room", "--sample", "--policy", bad, "--output", output);
        CliRun risk = Tool.Run("risk", "--sample", "--policy", _folder.File("nope.json"));

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        using JsonDocument room = JsonDocument.Parse(ok.Stdout);
        Assert.All(room.RootElement.GetProperty("warnings").EnumerateArray(), w => Assert.DoesNotContain("CUSUM", w.GetProperty("sentence").GetString(), StringComparison.Ordinal));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["bad-policy.json: Bernoulli CUSUM, field 'DesignShareFactor': Expected a design share factor above 1 and at most 100 (the chart detects p1 = factor x p0), got 0.5. [CX0518]",
             "cx: 1 problem in bad-policy.json; nothing was written."],
            run.ErrorLines);
        Assert.Equal("the previous room", File.ReadAllText(output));
        Assert.Equal(2, risk.ExitCode);
        Assert.Empty(risk.Stdout);
        Assert.StartsWith("cx: --policy: cannot read ", risk.ErrorLines[0], StringComparison.Ordinal);
    }

    /// <summary>Writes the sample's files with <c>cx sample</c> and returns the arguments that read them (revenue, events,
    /// journey, standards, measurements, then feedback and taxonomy).</summary>
    private string[] WriteSampleFiles()
    {
        CliRun written = Tool.Run(
            "sample", "--output", _folder.File("revenue.csv"), "--events", _folder.File("events.csv"), "--journey", _folder.File("journey.json"),
            "--standards", _folder.File("standards.json"), "--measurements", _folder.File("measurements.csv"), "--feedback", _folder.File("feedback.csv"),
            "--taxonomy", _folder.File("taxonomy.json"));
        Assert.True(written.ExitCode == 0, written.Stderr);
        return
        [
            "--input", _folder.File("revenue.csv"), "--events", _folder.File("events.csv"), "--journey", _folder.File("journey.json"),
            "--standards", _folder.File("standards.json"), "--measurements", _folder.File("measurements.csv"),
            "--feedback", _folder.File("feedback.csv"), "--taxonomy", _folder.File("taxonomy.json"),
        ];
    }

    private static string WithoutSource(string json) =>
        string.Join('\n', json.Split('\n').Where(line => !line.TrimStart().StartsWith("\"source\":", StringComparison.Ordinal)));
}
