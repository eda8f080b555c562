using Cx.Cli.Tests.TestData;

namespace Cx.Cli.Tests;

/// <summary>Every report the tool writes, byte for byte: each command in each format on the fixtures and on the sample
/// company, compared with the files in <c>Fixtures/golden</c>. They were written by the tool before its renderers moved
/// into the library (<c>Cx.Domain.Reporting</c>), so they prove the move changed no byte.</summary>
/// <remarks>A deliberate change of an output: run the tests with <c>CX_UPDATE_GOLDEN=1</c>, which rewrites the files in the
/// source tree, and review the diff before committing it.</remarks>
public sealed class OutputGoldenTests
{
    private static readonly string[] MovementsSmall = ["movements", "-i", Tool.Fixture("small.csv"), "--start", "2024-01", "--end", "2024-03"];

    private static readonly string[] AttributionFixture =
    [
        "attribution", "--input", Tool.Fixture("attribution/revenue.csv"), "--events", Tool.Fixture("attribution/events.csv"),
        "--journey", Tool.Fixture("attribution/journey.json"),
    ];

    private static readonly string[] ReliabilityFixture =
    [
        "reliability", "--standards", Tool.Fixture("reliability/standards.json"), "--measurements", Tool.Fixture("reliability/measurements.csv"),
    ];

    private static readonly string[] ListeningFixture =
    [
        "listening", "--input", Tool.Fixture("listening/feedback.csv"), "--journey", Tool.Fixture("listening/journey.json"),
        "--taxonomy", Tool.Fixture("listening/taxonomy.json"),
    ];

    private static readonly string[] Formats = ["table", "markdown", "csv", "json"];

    private static readonly Dictionary<string, string[]> Cases = Build();

    public static TheoryData<string> Names => [.. Cases.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Output_IsTheGoldenFile(string name)
    {
        CliRun run = Tool.Run(Cases[name]);
        Assert.True(run.ExitCode == 0, $"{name}: exit {run.ExitCode}: {run.Stderr}");

        string path = Path.Combine(SourceFolder(), "Fixtures", "golden", name);
        if (Environment.GetEnvironmentVariable("CX_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, run.Stdout);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CX_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path), run.Stdout);
    }

    private static Dictionary<string, string[]> Build()
    {
        var cases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void All(string name, string[] args)
        {
            foreach (string format in Formats)
            {
                string extension = format switch { "table" => "txt", "markdown" => "md", _ => format };
                cases[$"{name}.{extension}"] = [.. args, "--format", format];
            }
        }

        All("movements-small", MovementsSmall);
        All("movements-sample", ["movements", "--sample"]);
        cases["movements-sample-quarterly-w4.txt"] = ["movements", "--sample", "--grid", "quarterly", "--activity-window", "4", "--format", "table"];
        All("attribution-fixture", [.. AttributionFixture, "--model", "linear"]);
        All("attribution-fixture-time-decay", [.. AttributionFixture, "--model", "time-decay", "--half-life", "36h", "--direction", "gains"]);
        All("attribution-sample", ["attribution", "--sample", "--model", "linear"]);
        All("attribution-sample-markov", ["attribution", "--sample", "--model", "markov"]);
        cases["attribution-sample-shapley.json"] = ["attribution", "--sample", "--model", "shapley", "--format", "json"];
        cases["attribution-sample-shapley.txt"] = ["attribution", "--sample", "--model", "shapley", "--format", "table"];
        cases["attribution-sample-losses.md"] = ["attribution", "--sample", "--model", "first-touch", "--direction", "losses", "--format", "markdown"];
        All("reliability-fixture", ReliabilityFixture);
        All("reliability-fixture-backtest", [.. ReliabilityFixture, "--backtest"]);
        All("reliability-sample", ["reliability", "--sample"]);
        All("reliability-sample-backtest", ["reliability", "--sample", "--backtest"]);
        All("value-small", ["value", "-i", Tool.Fixture("value/small.csv"), "--top", "10"]);
        All("value-sample", ["value", "--sample"]);
        cases["value-small-pareto-days.txt"] = ["value", "-i", Tool.Fixture("value/small.csv"), "--model", "pareto-nbd", "--unit", "days", "--calibration-end", "2024-09-30", "--top", "5", "--format", "table"];
        All("listening-fixture", ListeningFixture);
        cases["listening-sample.txt"] = ["listening", "--sample", "--format", "table"];
        cases["listening-sample.md"] = ["listening", "--sample", "--format", "markdown"];
        cases["room-sample.md"] = ["room", "--sample", "--format", "markdown"];
        cases["room-sample-2025-06.json"] = ["room", "--sample", "--period", "2025-06", "--format", "json"];
        All("risk-sample", ["risk", "--sample"]);
        return cases;
    }

    /// <summary>This project's folder in the source tree, found from the test assembly's folder upwards (a deterministic CI
    /// build maps <c>[CallerFilePath]</c> to <c>/_/</c>, so the compiler's path cannot be used).</summary>
    private static string SourceFolder()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cx.Domain.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Cx.Cli.Tests");
            }
        }

        throw new InvalidOperationException($"No Cx.Domain.sln above {AppContext.BaseDirectory}.");
    }
}
