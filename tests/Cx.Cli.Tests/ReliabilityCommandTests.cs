using System.Text.Json;
using Cx.Cli.Tests.TestData;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime;
using NodaTime.Text;

namespace Cx.Cli.Tests;

/// <summary><c>cx reliability</c> end to end, in-process: the figures checked against the library's own result, the JSON
/// shape pinned, every kind of bad input, the formats, and the sample company with and without <c>--backtest</c>.</summary>
public sealed class ReliabilityCommandTests
{
    private static readonly SampleCompany Sample = SampleCompany.Generate();

    private static string[] SmallArgs => ["reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("measurements.csv")];

    /// <summary>The rows of measurements.csv as the library takes them: the 'proposal' row is a touchpoint id.</summary>
    private static readonly ReliabilityMeasurement[] SmallMeasurements =
    [
        M("test-drive-48h", "2025-03-03T09:00:00Z", 20, "C1"), M("test-drive-48h", "2025-03-05T10:30:00Z", 30.5, "C2"),
        M("test-drive-48h", "2025-03-10T08:00:00Z", 47), M("test-drive-48h", "2025-03-18T14:15:00Z", 52, "C3"),
        M("test-drive-48h", "2025-03-25T16:45:00Z", 40, "C4"), M("test-drive-48h", "2025-04-02T09:00:00Z", 60, "C5"),
        M("test-drive-48h", "2025-04-04T11:00:00Z", 72, "C1"), M("test-drive-48h", "2025-04-07T12:00:00Z", 55),
        M("proposal", "2025-03-20T10:00:00Z", 3, "C2"), M("proposal-5d", "2025-03-28T08:00:00Z", 4.5, "C6"),
        M("proposal-5d", "2025-04-05T17:00:00Z", 6.25, "C7"),
    ];

    private static string Fixture(string name) => Tool.Fixture(Path.Combine("reliability", name));

    private static ReliabilityMeasurement M(string subject, string at, double value, string? customer = null) =>
        new(subject, InstantPattern.ExtendedIso.Parse(at).Value, value, customer is null ? null : CustomerId.From(customer));

    private static ReliabilityStandardSet SmallStandards() => ReliabilityStandardJson.Parse(File.ReadAllText(Fixture("standards.json")));

    private static Instant At(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Fact]
    public void Reliability_SmallFixture_PrintsThePinnedJson()
    {
        CliRun run = Tool.Run([.. SmallArgs, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(File.ReadAllText(Fixture("standards.expected.json")), run.Stdout);
    }

    [Fact]
    public void Reliability_SmallFixture_MatchesTheLibraryAsOfTheLatestMeasurement()
    {
        ReliabilityReport expected = new ReliabilityEvaluator().Evaluate(SmallStandards(), SmallMeasurements, At("2025-04-07T12:00:00Z"));

        CliRun run = Tool.Run(SmallArgs);

        Assert.Equal(0, run.ExitCode);
        AssertStatusMatches(expected, run.Stdout);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement proposal = doc.RootElement.GetProperty("standards")[1];
        Assert.Equal("breached", proposal.GetProperty("status").GetString());
        Assert.Equal(3, proposal.GetProperty("currentWindow").GetProperty("events").GetInt64()); // the touchpoint row counts
        Assert.Equal(StandardStatus.Breached, expected.Standards[1].Status);
    }

    [Fact]
    public void Reliability_AsOf_EvaluatesAsTheLibraryDoesAndCountsLaterEvents()
    {
        ReliabilityReport expected = new ReliabilityEvaluator().Evaluate(SmallStandards(), SmallMeasurements, At("2025-03-31T12:00:00Z"));

        CliRun run = Tool.Run([.. SmallArgs, "--as-of", "2025-03-31T14:00:00+02:00"]);

        Assert.Equal(0, run.ExitCode);
        AssertStatusMatches(expected, run.Stdout);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2025-03-31T12:00:00Z", doc.RootElement.GetProperty("asOf").GetString());
        JsonElement testDrive = doc.RootElement.GetProperty("standards")[0];
        Assert.Equal("reliable", testDrive.GetProperty("status").GetString()); // March: 4 of 5 within 48 h meets 80%
        Assert.Equal(3, testDrive.GetProperty("eventsAfterAsOf").GetInt64());
        Assert.Equal(0.8, testDrive.GetProperty("currentWindow").GetProperty("compliance").GetDouble(), 12);
    }

    [Fact]
    public void Reliability_Backtest_ListsTheLibrarysBreachesAndLeadTimes()
    {
        ReliabilityBacktest expected = new ReliabilityEvaluator().Backtest(SmallStandards(), SmallMeasurements, to: At("2025-04-07T12:00:00Z"));

        CliRun run = Tool.Run([.. SmallArgs, "--backtest", "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        AssertBacktestMatches(expected, run.Stdout);
        Assert.Equal(1, expected.BreachCount);
        using JsonDocument doc = JsonDocument.Parse(run.Stdout);
        JsonElement breach = doc.RootElement.GetProperty("standards")[1].GetProperty("breaches")[0];
        Assert.Equal("2025-04-05T17:00:00Z", breach.GetProperty("at").GetString());
        Assert.Equal(JsonValueKind.Null, breach.GetProperty("leadTime").ValueKind);
        Assert.Equal(1, doc.RootElement.GetProperty("scorecard").GetProperty("missedBreaches").GetInt32());
    }

    [Fact]
    public void Reliability_RenamedColumnsAndSemicolons_AreReadWithTheColumnOptions()
    {
        ReliabilityReport expected = new ReliabilityEvaluator().Evaluate(
            SmallStandards(), [M("test-drive-48h", "2025-03-03T09:00:00Z", 20), M("test-drive-48h", "2025-03-05T09:00:00Z", 50)], At("2025-03-05T09:00:00Z"));

        CliRun run = Tool.Run(
            "reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("renamed-columns.csv"),
            "--standard-column", "kind", "--instant-column", "when", "--value-column", "hours", "--delimiter", ";");

        Assert.Equal(0, run.ExitCode);
        AssertStatusMatches(expected, run.Stdout);
    }

    [Fact]
    public void Reliability_NoFormatOnATerminal_WritesATableWithFiguresAndReasons()
    {
        CliRun run = Tool.Run(CxConsole.Redirected with { IsOutputRedirected = false }, SmallArgs);

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal("Reliability standards from standards.json and measurements.csv", lines[0]);
        Assert.Equal("As of 2025-04-07T12:00:00Z; 11 measurements. 2 standards: 0 reliable, 1 watch, 1 breached, 0 no data.", lines[2]);
        Assert.Equal("standard        status    window                                events  good  compliance  objective  budget  consumed  remaining  burn rate  owner             touchpoint", lines[4]);
        Assert.Equal("test-drive-48h  watch     2025-04                                    3     0        0.0%      80.0%    0.60    500.0%      -2.40       5.00  Dealer network    test-drive", lines[5]);
        Assert.Equal("proposal-5d     breached  2025-03-08T12:00Z..2025-04-07T12:00Z       3     2       66.7%      75.0%    0.75    133.3%      -0.25       1.33  Sales operations  proposal", lines[6]);
        Assert.Contains("  test-drive-48h: 3 events in 2025-04, fewer than the 5 needed for a verdict\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_MarkdownAndCsv_HaveOneRowPerStandard()
    {
        CliRun markdown = Tool.Run([.. SmallArgs, "--format", "markdown"]);
        CliRun csv = Tool.Run([.. SmallArgs, "--format", "csv"]);

        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("| proposal-5d | breached | 2025-03-08T12:00Z..2025-04-07T12:00Z | 3 | 2 | 66.7% | 75.0% | 0.75 | 133.3% | -0.25 | 1.33 | Sales operations | proposal |\n", markdown.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, csv.ExitCode);
        string[] rows = csv.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, rows.Length);
        Assert.Equal("standard,name,touchpoint,owner,status,as_of,window,window_start,window_end,events,good_events,bad_events,compliance,objective,error_budget,budget_consumed,budget_remaining,burn_rate,firing_alerts,reasons", rows[0]);
        Assert.StartsWith("proposal-5d,Proposal within 5 days,proposal,Sales operations,breached,2025-04-07T12:00:00Z,2025-03-08T12:00Z..2025-04-07T12:00Z,2025-03-08T12:00:00Z,2025-04-07T12:00:00Z,3,2,1,0.6666666666666666,0.75,0.75,1.3333333333333335,-0.25,1.3333333333333335,,", rows[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_Output_WritesTheFileAndNothingOnStandardOutput()
    {
        using var folder = new TempFolder();
        string path = folder.File("status.json");

        CliRun run = Tool.Run([.. SmallArgs, "--output", path]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(File.ReadAllText(Fixture("standards.expected.json")), File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Reliability_BadRows_ReportsEachWithLineColumnAndReasonIncludingTheLibrarysUnknownStandard()
    {
        using var folder = new TempFolder();
        string path = folder.File("status.json");
        File.WriteAllText(path, "previous");

        CliRun run = Tool.Run("reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("bad-rows.csv"), "--output", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            [
                "bad-rows.csv line 3, column 'instant': expected an ISO 8601 instant with a UTC offset, such as 2025-04-10T08:30:00Z or 2025-04-10T10:30:00+02:00; got '2025-03-05 10:30'.",
                "bad-rows.csv line 4, column 'value': expected a finite number, got 'NaN'; NaN and infinities are never counted: fix or remove the measurement.",
                "bad-rows.csv line 5, column 'value': expected a finite number, got 'Infinity'; NaN and infinities are never counted: fix or remove the measurement.",
                "bad-rows.csv line 6, column 'value': the value is empty; expected a number such as 31.5.",
                "bad-rows.csv line 7, column 'value': expected a number with '.' as the decimal separator and no thousands separators or units, such as 31.5; got '47,5'.",
                "bad-rows.csv line 8, column 'standard': Expected the id of a standard or of a touchpoint with standards, got 'onboarding-call'. Known standards: test-drive-48h, proposal-5d. [CX0513]",
                "bad-rows.csv line 9, column 'standard': the standard is empty; expected the id of a standard (or of a touchpoint with standards) from the standards file.",
                "bad-rows.csv line 10: the row has 2 fields, the header has 3; enclose values that contain ',' in double quotes, and give every row all the columns.",
                "cx: 8 problems in bad-rows.csv; nothing was written.",
            ],
            run.ErrorLines);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Reliability_UnknownStandard_IsTheLibrarysCheckMappedBackToItsCsvLine()
    {
        CliRun run = Tool.Run("reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("unknown-standard.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "unknown-standard.csv line 3, column 'standard': Expected the id of a standard or of a touchpoint with standards, got 'test-drives'. Known standards: test-drive-48h, proposal-5d. [CX0513]",
                "cx: 1 problem in unknown-standard.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Reliability_MissingColumns_NamesTheColumnsThatExist()
    {
        CliRun run = Tool.Run("reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("missing-columns.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "missing-columns.csv line 1, column 'standard': not found; the header has the columns 'kind', 'when', 'hours'. Name the right one with --standard-column.",
                "missing-columns.csv line 1, column 'instant': not found; the header has the columns 'kind', 'when', 'hours'. Name the right one with --instant-column.",
                "missing-columns.csv line 1, column 'value': not found; the header has the columns 'kind', 'when', 'hours'. Name the right one with --value-column.",
                "cx: 3 problems in missing-columns.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Reliability_MissingCustomerColumnWhenAskedFor_IsAnError()
    {
        CliRun run = Tool.Run([.. SmallArgs, "--customer-column", "client"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "measurements.csv line 1, column 'client': not found; the header has the columns 'standard', 'instant', 'value', 'customer'. Name the right one with --customer-column.",
            run.ErrorLines[0]);
    }

    [Fact]
    public void Reliability_ManyBadRows_ShowsTheFirst20ThenHowManyMore()
    {
        CliRun run = Tool.Run("reliability", "--standards", Fixture("standards.json"), "--measurements", Fixture("many-bad.csv"));

        Assert.Equal(2, run.ExitCode);
        string[] lines = run.ErrorLines;
        Assert.Equal(22, lines.Length);
        Assert.StartsWith("many-bad.csv line 2, column 'value': expected a number", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("many-bad.csv line 21, column 'value'", lines[19], StringComparison.Ordinal);
        Assert.Equal("... and 5 more", lines[20]);
        Assert.Equal("cx: 25 problems in many-bad.csv; nothing was written.", lines[21]);
    }

    [Fact]
    public void Reliability_MalformedStandardsJson_NamesItsLineAndPosition()
    {
        CliRun run = Tool.Run("reliability", "--standards", Fixture("malformed.json"), "--measurements", Fixture("measurements.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            [
                "malformed.json: Malformed JSON at line 3, position 58 (at $.standards[0]): '\"' is invalid after a value. Expected either ',', '}', or ']'. [CX0511]",
                "cx: 1 problem in malformed.json; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Reliability_InvalidStandards_ReportsEveryStandardsFailureWithItsCode()
    {
        CliRun run = Tool.Run("reliability", "--standards", Fixture("invalid-standard.json"), "--measurements", Fixture("measurements.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "invalid-standard.json: standards[0] 'test-drive-48h', field 'op': Expected op 'lte' (at most) or 'gte' (at least), got 'less'. [CX0506]",
                "invalid-standard.json: standards[1] 'proposal-5d', field 'Objective': Expected an objective strictly between 0 and 1 (such as 0.95 for 95%), got 1.5. [CX0504]",
                "cx: 2 problems in invalid-standard.json; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Theory]
    [InlineData("2025-04-07", "--as-of: expected an ISO 8601 instant with a UTC offset, such as 2025-04-10T08:30:00Z or 2025-04-10T10:30:00+02:00; got '2025-04-07'.")]
    [InlineData("yesterday", "--as-of: expected an ISO 8601 instant with a UTC offset, such as 2025-04-10T08:30:00Z or 2025-04-10T10:30:00+02:00; got 'yesterday'.")]
    public void Reliability_BadAsOf_IsABadCommandLine(string asOf, string message)
    {
        CliRun run = Tool.Run([.. SmallArgs, "--as-of", asOf]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"cx: {message}", "Run 'cx reliability --help' for usage."], run.ErrorLines);
    }

    [Fact]
    public void Reliability_BacktestEndingBeforeTheFirstMeasurement_IsBadInputNamingAsOf()
    {
        CliRun run = Tool.Run([.. SmallArgs, "--backtest", "--as-of", "2025-01-01T00:00:00Z"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "measurements.csv: --as-of: Expected the backtest to end at or after its start 2025-03-03T09:00:00Z, got 2025-01-01T00:00:00Z. [CX0302] The backtest runs from the first measurement to --as-of; give a later --as-of.",
                "cx: 1 problem in measurements.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Reliability_HeaderOnly_IsBadInputNotAnEmptyReport()
    {
        using var folder = new TempFolder();
        string path = folder.File("header.csv");
        File.WriteAllText(path, "standard,instant,value\n");

        CliRun run = Tool.Run("reliability", "--standards", Fixture("standards.json"), "--measurements", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["header.csv: no data rows after the header; expected one row per measurement.", "cx: 1 problem in header.csv; nothing was written."], run.ErrorLines);
    }

    [Fact]
    public void Reliability_SampleAndFiles_OrNeither_AreBadInput()
    {
        CliRun both = Tool.Run([.. SmallArgs, "--sample"]);
        CliRun neither = Tool.Run("reliability", "--standards", Fixture("standards.json"));

        Assert.Equal(2, both.ExitCode);
        Assert.Equal(["cx: Give either --standards and --measurements, or --sample, not both."], both.ErrorLines);
        Assert.Equal(2, neither.ExitCode);
        Assert.StartsWith("cx: Give --standards FILE (the standards as JSON) and --measurements FILE", neither.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_Sample_MatchesTheLibraryOnTheSampleCompany()
    {
        Instant latest = Sample.ReliabilityMeasurements.Max(m => m.At);
        ReliabilityReport expected = new ReliabilityEvaluator().Evaluate(Sample.ReliabilityStandards, Sample.ReliabilityMeasurements, latest);

        CliRun run = Tool.Run("reliability", "--sample");

        Assert.Equal(0, run.ExitCode);
        AssertStatusMatches(expected, run.Stdout);
        Assert.Equal(StandardStatus.Breached, expected.Standards.Single(s => s.Standard.Id == SampleCompany.DriftingStandardId).Status);
    }

    [Fact]
    public void Reliability_SampleBacktest_MatchesTheLibrarysWarningsBreachesAndLeadTimes()
    {
        Instant latest = Sample.ReliabilityMeasurements.Max(m => m.At);
        ReliabilityBacktest expected = new ReliabilityEvaluator().Backtest(Sample.ReliabilityStandards, Sample.ReliabilityMeasurements, to: latest);

        CliRun run = Tool.Run("reliability", "--sample", "--backtest");

        Assert.Equal(0, run.ExitCode);
        AssertBacktestMatches(expected, run.Stdout);
        Assert.True(expected.WarnedBreachCount > 0);
    }

    [Fact]
    public void Reliability_FilesWrittenByCxSample_GiveTheSameJsonAsSample()
    {
        using var folder = new TempFolder();
        string standards = folder.File("standards.json");
        string measurements = folder.File("measurements.csv");

        CliRun sample = Tool.Run("sample", "--standards", standards, "--measurements", measurements);
        CliRun fromFiles = Tool.Run("reliability", "--standards", standards, "--measurements", measurements, "--format", "json");
        CliRun fromSample = Tool.Run("reliability", "--sample", "--format", "json");

        Assert.Equal(0, sample.ExitCode);
        Assert.Equal(string.Empty, sample.Stdout); // with --standards or --measurements, revenue only with --output
        Assert.StartsWith("standard,instant,value,customer\n", File.ReadAllText(measurements), StringComparison.Ordinal);
        Assert.Equal(0, fromFiles.ExitCode);
        Assert.Equal(fromSample.Stdout, fromFiles.Stdout);
    }

    private static void AssertStatusMatches(ReliabilityReport expected, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal(InstantPattern.ExtendedIso.Format(expected.AsOf), root.GetProperty("asOf").GetString());
        Assert.Equal(expected.CountWith(StandardStatus.Breached), root.GetProperty("summary").GetProperty("breached").GetInt32());
        Assert.Equal(expected.CountWith(StandardStatus.Watch), root.GetProperty("summary").GetProperty("watch").GetInt32());
        JsonElement[] standards = [.. root.GetProperty("standards").EnumerateArray()];
        Assert.Equal(expected.Standards.Count, standards.Length);
        for (int i = 0; i < standards.Length; i++)
        {
            StandardEvaluation e = expected.Standards[i];
            JsonElement s = standards[i];
            Assert.Equal(e.Standard.Id, s.GetProperty("id").GetString());
            Assert.Equal(e.Standard.Owner, s.GetProperty("owner").GetString());
            Assert.Equal(e.Standard.TouchpointId, s.GetProperty("touchpoint").GetString());
            Assert.Equal(e.Status.ToString(), s.GetProperty("status").GetString(), ignoreCase: true);
            Assert.Equal(e.Reasons.Select(r => r.Message), s.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("message").GetString()));
            Assert.Equal(e.EventCount, s.GetProperty("events").GetInt64());
            Assert.Equal(e.EventsAfterAsOfCount, s.GetProperty("eventsAfterAsOf").GetInt64());
            Assert.Equal(e.Alerts.Count(a => a.IsFiring), s.GetProperty("alerts").EnumerateArray().Count(a => a.GetProperty("firing").GetBoolean()));
            WindowEvaluation w = e.CurrentWindow!;
            JsonElement cw = s.GetProperty("currentWindow");
            Assert.Equal(w.Label, cw.GetProperty("label").GetString());
            Assert.Equal(w.EventCount, cw.GetProperty("events").GetInt64());
            Assert.Equal(w.GoodEventCount, cw.GetProperty("goodEvents").GetInt64());
            Assert.Equal(w.BadEventCount, cw.GetProperty("badEvents").GetInt64());
            Assert.Equal(w.Compliance, cw.GetProperty("compliance").ValueKind == JsonValueKind.Null ? null : cw.GetProperty("compliance").GetDouble());
            Assert.Equal(w.ErrorBudget, cw.GetProperty("errorBudget").GetDouble());
            Assert.Equal(w.BudgetConsumed, cw.GetProperty("budgetConsumed").GetDouble());
            Assert.Equal(w.BudgetRemaining, cw.GetProperty("budgetRemaining").GetDouble());
            Assert.Equal(w.BurnRate, cw.GetProperty("burnRate").GetDouble());
        }
    }

    private static void AssertBacktestMatches(ReliabilityBacktest expected, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement summary = doc.RootElement.GetProperty("scorecard");
        Assert.Equal(expected.Policy.Name, doc.RootElement.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal(expected.BreachCount, summary.GetProperty("breaches").GetInt32());
        Assert.Equal(expected.WarnedBreachCount, summary.GetProperty("warnedBreaches").GetInt32());
        Assert.Equal(expected.EpisodeCount, summary.GetProperty("episodes").GetInt32());
        Assert.Equal(expected.FalseEpisodeCount, summary.GetProperty("falseEpisodes").GetInt32());
        JsonElement[] standards = [.. doc.RootElement.GetProperty("standards").EnumerateArray()];
        Assert.Equal(expected.Standards.Count, standards.Length);
        for (int i = 0; i < standards.Length; i++)
        {
            StandardBacktest e = expected.Standards[i];
            JsonElement s = standards[i];
            Assert.Equal(e.Standard.Id, s.GetProperty("id").GetString());
            JsonElement card = s.GetProperty("scorecard");
            Assert.Equal(e.MissedBreachCount, card.GetProperty("missedBreaches").GetInt32());
            Assert.Equal(e.MedianLeadTime?.ToTimeSpan(), IsoDuration(card.GetProperty("medianLeadTime").GetString()));
            Assert.Equal(
                e.Episodes.Select(w => (InstantPattern.ExtendedIso.Format(w.OpenedAt), w.Escalations[0].Description, w.Verdict.ToString().ToLowerInvariant())),
                s.GetProperty("episodes").EnumerateArray().Select(w => (
                    w.GetProperty("openedAt").GetString()!, w.GetProperty("escalations")[0].GetProperty("description").GetString()!, w.GetProperty("verdict").GetString()!)));
            Assert.Equal(
                e.Breaches.Select(b => (InstantPattern.ExtendedIso.Format(b.At), b.WindowLabel, b.LeadTime?.ToTimeSpan())),
                s.GetProperty("breaches").EnumerateArray().Select(b => (b.GetProperty("at").GetString()!, b.GetProperty("window").GetString()!, IsoDuration(b.GetProperty("leadTime").GetString()))));
        }
    }

    /// <summary>Reads an ISO 8601 duration of the JSON (<c>P2DT4H30M</c>), or null.</summary>
    private static TimeSpan? IsoDuration(string? text) => text is null ? null : System.Xml.XmlConvert.ToTimeSpan(text);
}
