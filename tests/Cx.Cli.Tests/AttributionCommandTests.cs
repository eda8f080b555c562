using System.Text.Json;
using Cx.Cli.Tests.TestData;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Cli.Tests;

/// <summary><c>cx attribution</c> end to end, in-process: the fixtures' figures checked against the library's own result,
/// the JSON shape pinned, every model on the sample, the sample's files round-tripping, and every kind of bad input.</summary>
public sealed class AttributionCommandTests
{
    private static readonly string Revenue = Tool.Fixture("attribution/revenue.csv");
    private static readonly string Events = Tool.Fixture("attribution/events.csv");
    private static readonly string Journey = Tool.Fixture("attribution/journey.json");

    private static readonly AssetRecord[] RevenueRecords =
    [
        Usd("A", 2024, 1, 10, 100m), Usd("A", 2024, 2, 10, 150m), Usd("A", 2024, 3, 10, 150m),
        Usd("B", 2024, 1, 15, 200m), Usd("B", 2024, 2, 15, 120m),
        Usd("C", 2024, 2, 20, 80m),
        Usd("D", 2024, 3, 5, 60m),
    ];

    /// <summary>The events of events.csv, written out by hand (C's checkout is 16:00 at +01:00, so 15:00 UTC).</summary>
    private static readonly ExperienceEvent[] FixtureEvents =
    [
        Event("A", "ad", "2024-01-02T09:00:00Z", ExperienceOutcome.Reliable, "web"),
        Event("A", "checkout", "2024-01-09T10:00:00Z", ExperienceOutcome.Reliable, "store"),
        Event("A", "demo", "2024-02-05T10:00:00Z", ExperienceOutcome.Reliable, null),
        Event("B", "ad", "2024-01-03T12:00:00Z", ExperienceOutcome.Reliable, "web"),
        Event("B", "checkout", "2024-01-14T12:00:00Z", ExperienceOutcome.Unreliable, "store"),
        Event("B", "helpdesk", "2024-02-10T08:30:00Z", ExperienceOutcome.Unreliable, "phone"),
        Event("C", "checkout", "2024-02-19T15:00:00Z", ExperienceOutcome.Reliable, null),
        Event("C", "helpdesk", "2024-03-01T09:00:00Z", ExperienceOutcome.Unreliable, "phone"),
        Event("A", "helpdesk", "2022-06-01T00:00:00Z", ExperienceOutcome.Unknown, "phone"),
    ];

    public static TheoryData<string, AttributionModel> Models => new()
    {
        { "first-touch", AttributionModel.FirstTouch },
        { "last-touch", AttributionModel.LastTouch },
        { "linear", AttributionModel.Linear },
        { "time-decay", AttributionModel.TimeDecay },
        { "position-based", AttributionModel.PositionBased },
        { "markov", AttributionModel.MarkovChain },
        { "shapley", AttributionModel.Shapley },
    };

    private static MeasureUnit UsdUnit => MeasureUnit.ForCurrency(Currency.Usd);

    [Fact]
    public void Attribution_SmallFixture_PrintsThePinnedJson()
    {
        CliRun run = Tool.Run(FixtureArgs("--model", "linear", "--format", "json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(File.ReadAllText(Tool.Fixture("attribution/expected.json")), run.Stdout);
    }

    [Fact]
    public void Attribution_SmallFixtureLinear_GivesTheHandComputedCredits()
    {
        // Jan: A new 100 (ad, checkout: 50/50), B new 200 (ad, checkout: 100/100). Feb: A expansion 50 over ad, checkout,
        // demo (16.67, 16.67, 16.66 by largest remainder, ties to journey order); B contraction 80 over ad, checkout,
        // helpdesk (26.67, 26.67, 26.66); C new 80 to checkout. Mar: B churned 120 over ad, checkout, helpdesk (40 each);
        // C churned 80 over checkout, helpdesk (40 each); D new 60 with no touch: unattributed. A's 2022 event: outside.
        CliRun run = Tool.Run(FixtureArgs("--model", "linear"));

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(490.00m, root.GetProperty("earned").GetProperty("value").GetDecimal());
        Assert.Equal(280.00m, root.GetProperty("lost").GetProperty("value").GetDecimal());
        Assert.Equal(1, root.GetProperty("eventsOutsideEveryWindow").GetInt32());
        JsonElement ad = root.GetProperty("touchpoints")[0];
        Assert.Equal("ad", ad.GetProperty("touchpoint").GetString());
        Assert.Equal(50m + 100m + 16.67m, ad.GetProperty("earned").GetProperty("value").GetDecimal());
        Assert.Equal(3, ad.GetProperty("earned").GetProperty("count").GetInt32());
        Assert.Equal(26.67m + 40m, ad.GetProperty("lost").GetProperty("value").GetDecimal());
        JsonElement helpdesk = root.GetProperty("touchpoints")[3];
        Assert.Equal(0m, helpdesk.GetProperty("earned").GetProperty("value").GetDecimal());
        Assert.Equal(26.66m + 40m + 40m, helpdesk.GetProperty("lost").GetProperty("value").GetDecimal());
        Assert.Equal(3, helpdesk.GetProperty("lost").GetProperty("count").GetInt32());
        JsonElement unattributed = root.GetProperty("unattributed");
        Assert.Equal(60.00m, unattributed.GetProperty("earned").GetProperty("value").GetDecimal());
        Assert.Equal(1, unattributed.GetProperty("earned").GetProperty("count").GetInt32());
        JsonElement march = root.GetProperty("bridge")[2];
        Assert.Equal("2024-03", march.GetProperty("period").GetString());
        Assert.Equal(-140.00m, march.GetProperty("net").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Attribution_SmallFixtureEveryModel_MatchesLibrary(string name, AttributionModel model)
    {
        AttributionResult expected = FixtureResult(new AttributionOptions { Model = model });

        CliRun run = Tool.Run(FixtureArgs("--model", name, "-f", "json"));

        Assert.Equal(0, run.ExitCode);
        AttributionJson.AssertMatches(expected, UsdUnit, run.Stdout);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(name, json.RootElement.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("markov", "--markov-allocation", "pooled", "markovAllocation")]
    [InlineData("shapley", "--shapley-value", "conversion-count", "shapleyValue")]
    public void Attribution_AnchorVariants_MatchLibraryAndSayWhichVariantWasUsed(string name, string option, string value, string property)
    {
        AttributionResult expected = FixtureResult(new AttributionOptions
        {
            Model = name == "markov" ? AttributionModel.MarkovChain : AttributionModel.Shapley,
            MarkovAllocation = MarkovAllocation.Pooled,
            ShapleyValueFunction = ShapleyValueFunction.ConversionCount,
        });

        CliRun run = Tool.Run(FixtureArgs("--model", name, option, value, "-f", "json"));
        CliRun table = Tool.Run(FixtureArgs("--model", name, option, value, "-f", "table"));
        CliRun plain = Tool.Run(FixtureArgs("--model", name, "-f", "json"));

        Assert.Equal(0, run.ExitCode);
        AttributionJson.AssertMatches(expected, UsdUnit, run.Stdout);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(value, json.RootElement.GetProperty(property).GetString());
        Assert.Contains(name == "markov" ? "model markov (pooled allocation)," : "model shapley (conversion-count value),", table.Stdout, StringComparison.Ordinal);
        using JsonDocument defaults = JsonDocument.Parse(plain.Stdout);
        Assert.False(defaults.RootElement.TryGetProperty(property, out _));
    }

    [Theory]
    [InlineData("linear", "--markov-allocation", "pooled", "--markov-allocation applies to --model markov only, got --model linear.")]
    [InlineData("markov", "--shapley-value", "conversion-count", "--shapley-value applies to --model shapley only, got --model markov.")]
    public void Attribution_VariantOfAnotherModel_IsACommandLineError(string name, string option, string value, string message)
    {
        CliRun run = Tool.Run(FixtureArgs("--model", name, option, value, "-f", "json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gains", "12w", "Europe/Paris", "36h")]
    [InlineData("losses", "1m", "America/New_York", "7d")]
    [InlineData("both", "P45D", "UTC", "2d")]
    public void Attribution_DirectionLookbackTimeZoneAndHalfLife_MatchLibrary(string direction, string lookback, string zone, string halfLife)
    {
        AttributionResult expected = FixtureResult(new AttributionOptions
        {
            Model = AttributionModel.TimeDecay,
            Movements = direction switch
            {
                "gains" => [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion],
                "losses" => [MovementClass.Contraction, MovementClass.Churned],
                _ => [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Churned],
            },
            Lookback = lookback switch { "12w" => NodaPeriod.FromWeeks(12), "1m" => NodaPeriod.FromMonths(1), _ => NodaPeriod.FromDays(45) },
            TimeZone = DateTimeZoneProviders.Tzdb[zone],
            HalfLife = halfLife switch { "36h" => Duration.FromHours(36), "7d" => Duration.FromDays(7), _ => Duration.FromDays(2) },
        });

        CliRun run = Tool.Run(FixtureArgs("--model", "time-decay", "--direction", direction, "--lookback", lookback, "--time-zone", zone, "--half-life", halfLife, "-f", "json"));

        Assert.Equal(0, run.ExitCode);
        AttributionJson.AssertMatches(expected, UsdUnit, run.Stdout);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(direction, json.RootElement.GetProperty("direction").GetString());
        Assert.Equal(zone, json.RootElement.GetProperty("timeZone").GetString());
        if (direction == "gains")
        {
            Assert.Equal(0, json.RootElement.GetProperty("lost").GetProperty("count").GetInt32());
            // The three losses and the fixture's one flat movement (flat movements are counted on every route).
            Assert.Equal(4, json.RootElement.GetProperty("excludedMovements").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Attribution_SampleEveryModel_MatchesLibraryAndConserves(string name, AttributionModel model)
    {
        SampleCompany company = SampleCompany.Generate();
        AssetLedger ledger = AssetLedger.FromRecords(
            company.RevenueRecords,
            PeriodGrid.Monthly(company.RevenueRecords.Min(r => r.Date), company.RevenueRecords.Max(r => r.Date)),
            new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });
        AttributionResult expected = new JourneyAttributionCalculator().Calculate(company.Journey, ledger, company.ExperienceEvents, new AttributionOptions { Model = model });

        CliRun run = Tool.Run("attribution", "--sample", "--model", name, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        AttributionJson.AssertMatches(expected, UsdUnit, run.Stdout);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        JsonElement root = json.RootElement;
        decimal stagesEarned = root.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("earned").GetProperty("value").GetDecimal());
        decimal stagesLost = root.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("lost").GetProperty("value").GetDecimal());
        JsonElement unattributed = root.GetProperty("unattributed");
        Assert.Equal(root.GetProperty("earned").GetProperty("value").GetDecimal(), stagesEarned + unattributed.GetProperty("earned").GetProperty("value").GetDecimal());
        Assert.Equal(root.GetProperty("lost").GetProperty("value").GetDecimal(), stagesLost + unattributed.GetProperty("lost").GetProperty("value").GetDecimal());
        Assert.True(root.GetProperty("earned").GetProperty("value").GetDecimal() > 0m);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("markov")]
    public void Attribution_SampleFilesWrittenByCxSample_GiveTheSameJsonAsSample(string model)
    {
        using var folder = new TempFolder();
        CliRun sample = Tool.Run("sample", "--output", folder.File("revenue.csv"), "--events", folder.File("events.csv"), "--journey", folder.File("journey.json"));
        Assert.Equal(0, sample.ExitCode);

        CliRun fromFiles = Tool.Run("attribution", "-i", folder.File("revenue.csv"), "--events", folder.File("events.csv"), "--journey", folder.File("journey.json"), "-m", model, "-f", "json");
        CliRun fromSample = Tool.Run("attribution", "--sample", "-m", model, "-f", "json");

        Assert.Equal(0, fromFiles.ExitCode);
        Assert.Equal(0, fromSample.ExitCode);
        Assert.Equal(fromSample.Stdout, fromFiles.Stdout);
        Assert.StartsWith("customer_id,touchpoint,instant,outcome,channel\n", File.ReadAllText(folder.File("events.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_Table_ShowsStagesTouchpointsCategoriesBridgeAndNotes()
    {
        CliRun run = Tool.Run(FixtureArgs("--model", "linear", "--format", "table"));

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n');
        Assert.Equal("Journey attribution from revenue.csv and events.csv", lines[0]);
        Assert.Contains("stage           earned  gains    lost  losses      net", lines);
        Assert.Contains("support           0.00      0  106.66       3  -106.66", lines);
        Assert.Contains("(unattributed)   60.00      1    0.00       0    60.00", lines);
        Assert.Contains("(total)         490.00      5  280.00       3   210.00", lines);
        Assert.Contains("2024-03    -40.00  -80.00   -80.00         60.00   60.00  200.00  -140.00", lines);
        Assert.Contains("1 event(s) fell outside every lookback window and credited nothing.", lines);
    }

    [Fact]
    public void Attribution_NoFormatOnATerminal_WritesTheTable_RedirectedWritesJson()
    {
        CliRun terminal = Tool.Run(CxConsole.Redirected with { IsOutputRedirected = false }, FixtureArgs("-m", "linear"));
        CliRun redirected = Tool.Run(CxConsole.Redirected, FixtureArgs("-m", "linear"));

        Assert.StartsWith("Journey attribution from", terminal.Stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Tool.Fixture("attribution/expected.json")), redirected.Stdout);
    }

    [Fact]
    public void Attribution_Markdown_WritesPipeTables()
    {
        CliRun run = Tool.Run(FixtureArgs("--model", "linear", "--format", "markdown"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("## Journey attribution from revenue.csv and events.csv\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("| stage | earned | gains | lost | losses | net |\n|---|---:|---:|---:|---:|---:|\n| discover | 183.34 | 3 | 66.67 | 2 | 116.67 |\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_Csv_OneRowPerFigureGroup()
    {
        CliRun run = Tool.Run(FixtureArgs("--model", "linear", "--format", "csv"));

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,period,id,name,stage,category,currency,earned_count,earned_value,lost_count,lost_value,net_value", lines[0]);
        Assert.Equal("total,,,,,,USD,5,490.00,3,280.00,210.00", lines[1]);
        Assert.Contains("touchpoint,,checkout,Checkout,buy,respondingToCustomerNeeds,USD,4,246.66,3,106.67,139.99", lines);
        Assert.Contains("unattributed,,,,,,USD,1,60.00,0,0.00,60.00", lines);
        Assert.Contains("bridge_unattributed,2024-03,,,,,USD,1,60.00,0,0.00,60.00", lines);
        // total + 3 stages + 4 touchpoints + 4 categories + unattributed + 3 periods x (3 stages + unattributed)
        Assert.Equal(1 + 1 + 3 + 4 + 4 + 1 + (3 * 4), lines.Length);
    }

    [Fact]
    public void Attribution_Output_WritesTheFileByItsExtension()
    {
        using var folder = new TempFolder();
        string path = folder.File("attribution.json");

        CliRun run = Tool.Run(FixtureArgs("-m", "linear", "--output", path));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(File.ReadAllText(Tool.Fixture("attribution/expected.json")), File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Attribution_BadEvents_ReportsEveryRowWithLineColumnAndReason()
    {
        using var folder = new TempFolder();
        string output = folder.File("out.json");

        CliRun run = Tool.Run("attribution", "-i", Revenue, "--events", Tool.Fixture("attribution/events-bad.csv"), "--journey", Journey, "-m", "linear", "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.False(File.Exists(output));
        Assert.Equal(
            [
                "events-bad.csv line 3, column 'touchpoint': Expected a touchpoint of journey 'Test journey', got 'brochure'. Add it to the framework or correct the event. [CX0411]",
                "events-bad.csv line 4, column 'instant': expected an ISO 8601 instant with Z or an offset, such as 2024-03-05T14:30:00Z or 2024-03-05T15:30:00+01:00; got '2024-01-03 12:00'.",
                "events-bad.csv line 5, column 'outcome': expected an outcome of reliable, unreliable or unknown; got 'broken'.",
                "events-bad.csv line 6, column 'instant': the instant is empty; expected an ISO 8601 instant such as 2024-03-05T14:30:00Z.",
                "events-bad.csv line 7, column 'outcome': the outcome is empty; expected reliable, unreliable or unknown.",
                "events-bad.csv line 8, column 'customer_id': Expected a customer of the ledger, got 'Z'. Correct the event's customer id, or add the customer's revenue. [CX0605]",
                "events-bad.csv line 9, column 'customer_id': Expected a customer id, got an empty one. Every record needs the id of its customer. [CX0101]",
                "events-bad.csv line 10: the row has 3 fields, the header has 5; enclose values that contain ',' in double quotes, and give every row all the columns.",
                "cx: 8 problems in events-bad.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Attribution_EventsMissingColumns_NamesTheColumnsThatExist()
    {
        CliRun run = Tool.Run("attribution", "-i", Revenue, "--events", Tool.Fixture("attribution/events-missing-columns.csv"), "--journey", Journey, "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "events-missing-columns.csv line 1, column 'customer_id': not found; the header has the columns 'client', 'touchpoint', 'when', 'outcome'. Name the right one with --event-customer-column.",
                "events-missing-columns.csv line 1, column 'instant': not found; the header has the columns 'client', 'touchpoint', 'when', 'outcome'. Name the right one with --instant-column.",
                "cx: 2 problems in events-missing-columns.csv; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Attribution_EventColumnOptions_NameOtherColumns()
    {
        CliRun run = Tool.Run(
            "attribution", "-i", Revenue, "--events", Tool.Fixture("attribution/events-missing-columns.csv"), "--journey", Journey, "-m", "linear",
            "--event-customer-column", "client", "--instant-column", "when", "-f", "json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("events").GetInt32());
        // A's only touch (ad, 2024-01-02) is in the window of its January new (100) and its February expansion (50).
        Assert.Equal(150.00m, json.RootElement.GetProperty("touchpoints")[0].GetProperty("earned").GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Attribution_ChannelColumnAskedForButMissing_IsAnError()
    {
        CliRun run = Tool.Run(FixtureArgs("-m", "linear", "--channel-column", "medium"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "events.csv line 1, column 'medium': not found; the header has the columns 'customer_id', 'touchpoint', 'instant', 'outcome', 'channel'. Name the right one with --channel-column.",
            run.ErrorLines[0]);
    }

    [Fact]
    public void Attribution_MalformedJourney_NamesLineAndPosition()
    {
        CliRun run = Tool.Run("attribution", "-i", Revenue, "--events", Events, "--journey", Tool.Fixture("attribution/journey-malformed.json"), "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            [
                "journey-malformed.json: Malformed JSON at line 7, position 36 (at $.touchpoints[0]): '\"' is invalid after a value. Expected either ',', '}', or ']'. [CX0410]",
                "cx: 1 problem in journey-malformed.json; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Attribution_InvalidJourney_NamesThePropertyAndTheLibraryCode()
    {
        CliRun run = Tool.Run("attribution", "-i", Revenue, "--events", Events, "--journey", Tool.Fixture("attribution/journey-invalid.json"), "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "journey-invalid.json: Touchpoints[0].StageId: Expected touchpoint 'ad' to belong to a stage of the framework (discover), got 'nowhere'. [CX0406]",
                "cx: 1 problem in journey-invalid.json; nothing was written.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public void Attribution_UnknownModel_ExitsWith2AndListsTheModels()
    {
        CliRun run = Tool.Run(FixtureArgs("--model", "data-driven"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains("'data-driven'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("first-touch", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("shapley", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("Run 'cx attribution --help' for usage.", run.ErrorLines[^1]);
    }

    [Fact]
    public void Attribution_NoModel_ExitsWith2()
    {
        CliRun run = Tool.Run(FixtureArgs());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("90")]
    [InlineData("90x")]
    [InlineData("0d")]
    [InlineData("-3m")]
    [InlineData("3 months")]
    [InlineData("P-2D")]
    public void Attribution_BadLookback_ExitsWith2AndSaysWhatIsAccepted(string lookback)
    {
        CliRun run = Tool.Run(FixtureArgs("-m", "linear", "--lookback", lookback));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(
            $"cx: --lookback: expected a positive window such as 90d (days), 12w (weeks), 3m (months) or 1y (years), or an ISO 8601 period such as P90D; got '{lookback}'.",
            run.ErrorLines[0]);
    }

    [Theory]
    [InlineData("--half-life", "0d", "cx: --half-life: expected a positive whole number of days or hours such as 7d or 36h; got '0d'.")]
    [InlineData("--time-zone", "Mars/Olympus", "cx: --time-zone: expected an IANA time zone id such as UTC, Europe/Paris or America/New_York; got 'Mars/Olympus'.")]
    public void Attribution_BadHalfLifeOrTimeZone_ExitsWith2(string option, string value, string message)
    {
        CliRun run = Tool.Run(FixtureArgs("-m", "time-decay", option, value));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(message, run.ErrorLines[0]);
    }

    [Fact]
    public void Attribution_BadDirection_ExitsWith2()
    {
        CliRun run = Tool.Run(FixtureArgs("-m", "linear", "--direction", "up"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'up'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_SampleWithFiles_ExitsWith2()
    {
        CliRun run = Tool.Run("attribution", "--sample", "--events", Events, "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cx: Give either --sample or the files --input, --events and --journey, not both (got --sample and --events '{Events}').", run.ErrorLines[0]);
    }

    [Fact]
    public void Attribution_MissingEventsAndJourney_ExitsWith2AndSaysWhatToGive()
    {
        CliRun run = Tool.Run("attribution", "-i", Revenue, "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "cx: Give --events FILE (a CSV of experience events), --journey FILE (the journey framework as JSON); or --sample for the built-in sample company. See 'cx attribution --help'.",
            run.ErrorLines[0]);
    }

    [Fact]
    public void Attribution_EventsFileDoesNotExist_ExitsWith2()
    {
        CliRun run = Tool.Run("attribution", "-i", Revenue, "--events", Tool.Fixture("attribution/nope.csv"), "--journey", Journey, "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("cx: Cannot read '", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Attribution_BadRevenue_ReportedAsByCxMovements()
    {
        CliRun run = Tool.Run("attribution", "-i", Tool.Fixture("bad.csv"), "--events", Events, "--journey", Journey, "-m", "linear");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("cx: 14 problems in bad.csv; nothing was written.", run.ErrorLines[^1]);
    }

    private static string[] FixtureArgs(params string[] more) =>
        ["attribution", "--input", Revenue, "--events", Events, "--journey", Journey, .. more];

    private static AttributionResult FixtureResult(AttributionOptions options)
    {
        var grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 3));
        AssetLedger ledger = AssetLedger.FromRecords(RevenueRecords, grid, new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude });
        JourneyFramework framework = JourneyJson.Parse(File.ReadAllText(Journey));
        return new JourneyAttributionCalculator().Calculate(framework, ledger, FixtureEvents, options);
    }

    private static AssetRecord Usd(string customer, int year, int month, int day, decimal amount) =>
        new(CustomerId.From(customer), new LocalDate(year, month, day), Money.FromDecimal(amount, Currency.Usd), null);

    private static ExperienceEvent Event(string customer, string touchpoint, string instant, ExperienceOutcome outcome, string? channel) =>
        new(CustomerId.From(customer), touchpoint, NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value, outcome, channel);
}
