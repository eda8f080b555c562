using System.Text.Json;
using Cx.Cli.Tests.TestData;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;

namespace Cx.Cli.Tests;

/// <summary>The early-warning options of the tool (issue #8): <c>cx reliability --policy</c> and <c>--compare</c> give the
/// library's backtests and comparison of the same policies, bad policies are bad input (exit 2, the file and field named,
/// nothing written), and <c>cx sample --scenarios</c> writes the library's scenario suite.</summary>
public sealed class EarlyWarningCommandTests
{
    private const string WorkbookOnly = """
        {
          "name": "workbook only",
          "burnRate": { "rules": "workbook", "minimumBadEvents": 3, "trafficAware": true, "confidence": 0.95 }
        }
        """;

    private static readonly Lazy<SampleCompany> Sample = new(() => SampleCompany.Generate());

    private static readonly ReliabilityEvaluator Evaluator = new();

    private static string[] FixtureArgs =>
    [
        "reliability", "--standards", Tool.Fixture(Path.Combine("reliability", "standards.json")),
        "--measurements", Tool.Fixture(Path.Combine("reliability", "measurements.csv")),
    ];

    [Fact]
    public void Policy_Legacy_BacktestsTheSampleAsTheLibraryDoesWithThatPolicy()
    {
        ReliabilityBacktest expected = Evaluator.Backtest(Sample.Value.ReliabilityStandards, Sample.Value.ReliabilityMeasurements, policy: EarlyWarningPolicy.Legacy);

        CliRun run = Tool.Run("reliability", "--sample", "--backtest", "--policy", "legacy", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("legacy", doc.RootElement.GetProperty("policy").GetProperty("name").GetString());
        AssertScorecard(expected.Scorecard, doc.RootElement.GetProperty("scorecard"));
        Assert.True(expected.Scorecard.FalseEpisodeCount > 100, expected.Scorecard.ToString()); // the noise #8 set out to remove
    }

    [Fact]
    public void Policy_JsonFile_IsReadAndNamedInTheOutput()
    {
        using var folder = new TempFolder();
        string path = folder.File("workbook-only.json");
        File.WriteAllText(path, WorkbookOnly);
        ReliabilityBacktest expected = Evaluator.Backtest(
            Sample.Value.ReliabilityStandards, Sample.Value.ReliabilityMeasurements, policy: EarlyWarningPolicyJson.Parse(WorkbookOnly));

        CliRun run = Tool.Run("reliability", "--sample", "--backtest", "--policy", path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("workbook only", doc.RootElement.GetProperty("policy").GetProperty("name").GetString());
        AssertScorecard(expected.Scorecard, doc.RootElement.GetProperty("scorecard"));
    }

    [Fact]
    public void Compare_BuiltInAndFile_ScorecardsSideBySideAsTheLibrarysComparison()
    {
        using var folder = new TempFolder();
        string path = folder.File("workbook-only.json");
        File.WriteAllText(path, WorkbookOnly);
        BacktestComparison expected = Evaluator.Compare(
            Sample.Value.ReliabilityStandards, Sample.Value.ReliabilityMeasurements, [EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy, EarlyWarningPolicyJson.Parse(WorkbookOnly)]);

        CliRun json = Tool.Run("reliability", "--sample", "--compare", "legacy", path, "--format", "json");
        CliRun table = Tool.Run("reliability", "--sample", "--compare", "legacy", path, "--format", "table");

        Assert.Equal(0, json.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(json.Stdout);
        JsonElement[] policies = [.. doc.RootElement.GetProperty("policies").EnumerateArray()];
        Assert.Equal(["default", "legacy", "workbook only"], policies.Select(p => p.GetProperty("name").GetString()));
        for (int i = 0; i < policies.Length; i++)
        {
            AssertScorecard(expected.Scorecards[i], policies[i].GetProperty("scorecard"));
        }

        Assert.Equal(0, table.ExitCode);
        string[] lines = table.Stdout.Split('\n');
        Assert.Equal("Scorecards:", lines[4]);
        Assert.StartsWith("policy ", lines[5], StringComparison.Ordinal);
        Assert.StartsWith("default ", lines[6], StringComparison.Ordinal);
        Assert.StartsWith("legacy ", lines[7], StringComparison.Ordinal);
        Assert.StartsWith("workbook only ", lines[8], StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_InvalidSetting_IsBadInputNamingTheFileAndField()
    {
        using var folder = new TempFolder();
        string path = folder.File("bad-policy.json");
        string output = folder.File("out.json");
        File.WriteAllText(path, """{ "name": "x", "bernoulliCusum": { "designShareFactor": 0.5 } }""");

        CliRun run = Tool.Run([.. FixtureArgs, "--backtest", "--policy", path, "--output", output]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            ["bad-policy.json: Bernoulli CUSUM, field 'DesignShareFactor': Expected a design share factor above 1 and at most 100 (the chart detects p1 = factor x p0), got 0.5. [CX0518]",
             "cx: 1 problem in bad-policy.json; nothing was written."],
            run.ErrorLines);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Policy_MalformedJson_IsBadInputWithLineAndPosition()
    {
        using var folder = new TempFolder();
        string path = folder.File("malformed.json");
        File.WriteAllText(path, """{ "name": "x", "bernoulliCusum": { "designShareFactor": } }""");

        CliRun run = Tool.Run([.. FixtureArgs, "--policy", path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("malformed.json: Malformed JSON at line 1, position ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.EndsWith("[CX0520]", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_MissingFile_IsBadInputNamingTheOption()
    {
        using var folder = new TempFolder();
        string missing = folder.File("nope.json");

        CliRun run = Tool.Run([.. FixtureArgs, "--compare", missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith($"cx: --compare: cannot read '{missing}'", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SampleScenarios_Folder_HoldsTheLibrarysSuiteAsStandardsMeasurementsAndChanges()
    {
        using var folder = new TempFolder();
        string target = Path.Combine(folder.Path, "scenarios");
        IReadOnlyList<ReliabilityScenario> suite = ReliabilityScenarios.Suite(7, 1);

        CliRun run = Tool.Run("sample", "--seed", "7", "--scenarios", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout); // with --scenarios, revenue only with --output
        Assert.Equal(["measurements.csv", "scenarios.csv", "standards.json"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        ReliabilityStandardSet standards = ReliabilityStandardJson.Parse(File.ReadAllText(Path.Combine(target, "standards.json")));
        Assert.Equal(suite.Select(s => s.Standard.Id), standards.Standards.Select(s => s.Id));
        Assert.Equal("In control at 5 events a day", standards.Standards[0].Name);
        string[] rows = File.ReadAllText(Path.Combine(target, "measurements.csv")).TrimEnd('\n').Split('\n');
        Assert.Equal("standard,instant,value", rows[0]);
        Assert.Equal(suite.Sum(s => s.Measurements.Count), rows.Length - 1);
        Assert.Equal(ReliabilityScenarios.ChangesCsv(suite), File.ReadAllText(Path.Combine(target, "scenarios.csv")));
    }

    [Fact]
    public void SampleScenarios_ReplicatesOutOfRange_IsACommandLineError()
    {
        using var folder = new TempFolder();

        CliRun run = Tool.Run("sample", "--scenarios", folder.File("scenarios"), "--replicates", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--replicates: expected 1 to 100, got 0.", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("scenarios")));
    }

    private static void AssertScorecard(WarningScorecard expected, JsonElement card)
    {
        Assert.Equal(expected.BreachCount, card.GetProperty("breaches").GetInt32());
        Assert.Equal(expected.WarnedBreachCount, card.GetProperty("warnedBreaches").GetInt32());
        Assert.Equal(expected.EpisodeCount, card.GetProperty("episodes").GetInt32());
        Assert.Equal(expected.TrueEpisodeCount, card.GetProperty("trueEpisodes").GetInt32());
        Assert.Equal(expected.FalseEpisodesPer90Days, card.GetProperty("falseEpisodesPer90Days").GetDouble(), 12);
    }
}
