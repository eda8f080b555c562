using System.Text.Json;
using System.Text.RegularExpressions;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using NodaTime;
using Xunit.Abstractions;

namespace Cx.Domain.Tests.Reporting;

/// <summary>The customer room: the sample company's December 2025 as the seed tells it, its totals equal to the engines'
/// to the cent, its Markdown pinned, its HTML page opened in Chromium (with hostile names too).</summary>
public sealed partial class CustomerRoomTests(ITestOutputHelper output)
{
    private static readonly Lazy<(SampleCompany Company, ErosionInput Input)> Sample = new(() =>
    {
        SampleCompany company = SampleCompany.Generate();
        return (company, ErosionInput.Create(company.RevenueLedger(), company.Journey, company.ReliabilityStandards, company.ReliabilityMeasurements, company.ExperienceEvents));
    });

    private static readonly Lazy<CustomerRoomReport> December = new(() =>
        new CustomerRoomCalculator().Build(Sample.Value.Input, Sample.Value.Company.Grid[^1], Sample.Value.Company.Feedback, Sample.Value.Company.FeedbackTaxonomy));

    [Fact]
    public void Room_December2025_TellsTheStoryInTheSeedsOrder()
    {
        CustomerRoomReport room = December.Value;

        Assert.Equal("2025-12", room.Period.Label);
        Assert.Equal(Sample.Value.Company.Journey.Stages.OrderBy(s => s.Position).Select(s => s.Id), room.Stages.Select(s => s.Stage.Id));
        Assert.Equal(5, room.Priorities.Count);
        Assert.Equal("financing-approval", room.Priorities[0].Touchpoint.Id);
        Assert.NotNull(room.Listening);
        Assert.Contains(room.Stages, s => s.Voice is { SignalCount: > 0 });
        CustomerRoomStandard financing = room.Stages.SelectMany(s => s.Standards).Single(s => s.Standard.Id == SampleCompany.BreakingStandardId);
        Assert.Equal((StandardStatus.Breached, 412L, 158L), (financing.Status, financing.Exposure.EventCount, financing.Exposure.FailingEventCount));
        Assert.NotNull(financing.Warning);
    }

    [Fact]
    public void Room_Totals_EqualTheEnginesTotalsToTheCent()
    {
        CustomerRoomReport room = December.Value;
        (SampleCompany company, ErosionInput input) = Sample.Value;
        PeriodMovement engine = new AssetMovementCalculator().Calculate(input.Ledger).Periods.Single(p => p.Period.Equals(room.Period));
        StageBridgePeriod attributed = new JourneyAttributionCalculator().Calculate(company.Journey, input.Ledger, company.ExperienceEvents, new AttributionOptions())
            .Bridge.Single(b => b.Period.Equals(room.Period));

        Assert.Equal(engine, room.Bridge);
        Assert.True(room.Bridge.Reconciles());
        Assert.Equal(attributed.EarnedValue, room.Stages.Sum(s => s.EarnedValue) + room.StageBridge!.Unattributed.EarnedValue);
        Assert.Equal(attributed.LostValue, room.Stages.Sum(s => s.LostValue) + room.StageBridge.Unattributed.LostValue);
        Assert.Equal(engine.New.Value + engine.Reactivated.Value + engine.Expansion.Value, attributed.EarnedValue);
        Assert.Equal(-(engine.Contraction.Value + engine.Churned.Value), attributed.LostValue);
        Assert.Equal(input.Standards.Count, room.Stages.Sum(s => s.Standards.Count));
        Assert.Equal(room.Warnings.Select(w => w.Standard.Id).Order(StringComparer.Ordinal), room.Stages.SelectMany(s => s.Standards).Where(s => s.Warning is not null).Select(s => s.Standard.Id).Order(StringComparer.Ordinal));
        Assert.Equal(room.Listening!.Spikes.Count(s => s.Period.Equals(room.Period) && s.StageId is not null), room.Stages.Sum(s => s.Spikes.Count));
    }

    [Fact]
    public void Room_AnyScenario_TotalsEqualTheEnginesToTheCent()
    {
        // Law: the room's bridge is the asset engine's; its stages plus the unattributed bucket add up to the period's gains
        // and losses; every standard appears once, under its touchpoint's stage.
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            ErosionInput input = s.Input();
            GridPeriod period = ErosionScenario.Grid[s.Seed % ErosionScenario.Grid.Count];
            CustomerRoomReport room = new CustomerRoomCalculator().Build(input, period);
            PeriodMovement engine = new AssetMovementCalculator().Calculate(input.Ledger).Periods.Single(p => p.Period.Index == period.Index);

            Assert.Equal(engine, room.Bridge);
            Assert.Equal(engine.New.Value + engine.Reactivated.Value + engine.Expansion.Value, room.Stages.Sum(x => x.EarnedValue) + (room.StageBridge?.Unattributed.EarnedValue ?? 0));
            Assert.Equal(-(engine.Contraction.Value + engine.Churned.Value), room.Stages.Sum(x => x.LostValue) + (room.StageBridge?.Unattributed.LostValue ?? 0));
            Assert.Equal(input.Standards.Standards.Select(x => x.Id).Order(StringComparer.Ordinal), room.Stages.SelectMany(x => x.Standards).Select(x => x.Standard.Id).Order(StringComparer.Ordinal));
            Assert.All(room.Stages, x => Assert.All(x.Standards, st => Assert.Equal(x.Stage.Id, st.Touchpoint.StageId)));
        }, maxTests: 40);
    }

    [Fact]
    public void Room_WithoutFeedback_SaysNothingOfListening_AndKeepsEveryOtherFigure()
    {
        CustomerRoomReport room = new CustomerRoomCalculator().Build(Sample.Value.Input, Sample.Value.Company.Grid[^1]);

        Assert.Null(room.Listening);
        Assert.All(room.Stages, s => Assert.Null(s.Voice));
        Assert.DoesNotContain("What customers said", room.ToMarkdown(), StringComparison.Ordinal);
        Assert.Equal(December.Value.Stages.Select(s => (s.EarnedValue, s.LostValue)), room.Stages.Select(s => (s.EarnedValue, s.LostValue)));
        Assert.Equal(December.Value.Priorities.Select(p => p.Touchpoint.Id), room.Priorities.Select(p => p.Touchpoint.Id));
    }

    [Fact]
    public void Markdown_OfTheSample_IsTheGoldenFile()
    {
        string markdown = December.Value.ToMarkdown(new ReportOptions { Source = "sample (seed 42)" });

        string path = Path.Combine(TestFiles.RepositoryRoot, "tests", "Cx.Domain.Tests", "Reporting", "Golden", "customer-room-sample-2025-12.md");
        if (Environment.GetEnvironmentVariable("CX_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CX_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path), markdown);
    }

    [Fact]
    public void Renderings_AreDeterministic_AndTheJsonParses()
    {
        CustomerRoomReport again = new CustomerRoomCalculator().Build(Sample.Value.Input, Sample.Value.Company.Grid[^1], Sample.Value.Company.Feedback, Sample.Value.Company.FeedbackTaxonomy);

        Assert.Equal(December.Value.ToMarkdown(), again.ToMarkdown());
        Assert.Equal(December.Value.ToHtmlPage().ToString(), again.ToHtmlPage().ToString());
        Assert.Equal(December.Value.ToJson(), again.ToJson());
        using JsonDocument json = JsonDocument.Parse(December.Value.ToJson());
        Assert.Equal("2025-12", json.RootElement.GetProperty("period").GetString());
        Assert.Equal(December.Value.Stages.Count, json.RootElement.GetProperty("stages").GetArrayLength());
        Assert.Equal(5, json.RootElement.GetProperty("priorities").GetArrayLength());
        Assert.Equal(December.Value.Unit.Format(December.Value.Bridge.Closing), json.RootElement.GetProperty("outcome").GetProperty("closing").GetRawText());
    }

    [Fact]
    public void Html_HasEveryChart_NoScript_AndNoExternalResource()
    {
        string html = December.Value.ToHtmlPage().ToString();

        Assert.Equal(2 + December.Value.Warnings.Count, SvgElement().Count(html));
        Assert.DoesNotMatch(ScriptElement(), html);
        Assert.DoesNotMatch(ExternalResource(), html);
    }

    [Fact]
    public void Build_APeriodOutsideTheGrid_FailsWithTheErosionPeriodCode()
    {
        PeriodGrid other = PeriodGrid.Monthly(new YearMonth(2030, 1), new YearMonth(2030, 2));

        var ex = Assert.Throws<Cx.Domain.Validation.CxValidationException>(() => new CustomerRoomCalculator().Build(Sample.Value.Input, other[0]));

        Assert.Equal(Cx.Domain.Validation.CxErrorCodes.ErosionPeriodInvalid, ex.Failures[0].ErrorCode);
    }

    [ChromiumFact]
    public void SampleRoom_InChromium_RendersEveryChart_WithoutConsoleMessages()
    {
        ChromiumPage opened = Chromium.Open(December.Value.ToHtmlPage(new ReportOptions { Source = "sample (seed 42)" }).ToString(), "customer-room-sample", height: 9000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        ChromiumTests.AssertInert(opened);
        Assert.Equal(2 + December.Value.Warnings.Count, SvgElement().Count(opened.Dom));
        Assert.Contains("Customer room, 2025-12", opened.Dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void HostileRoom_InChromium_NamesStayText_AndNothingRuns()
    {
        CustomerRoomReport room = HostileRoom();
        string markdown = room.ToMarkdown(new ReportOptions { Source = Hostile.Image });
        ChromiumPage opened = Chromium.Open(room.ToHtmlPage(new ReportOptions { Source = Hostile.Image }).ToString(), "customer-room-hostile", height: 5000);
        output.WriteLine($"screenshot: {opened.Screenshot}");

        ChromiumTests.AssertInert(opened);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", opened.Dom, StringComparison.Ordinal);
        Assert.Contains("\" onload=\"alert(2)", System.Net.WebUtility.HtmlDecode(opened.Dom), StringComparison.Ordinal);
        Assert.Contains(room.Warnings, w => w.Standard.Name == Hostile.Script);
        Assert.DoesNotContain("a|b", markdown, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(room.ToJson());
        Assert.Equal(Hostile.Script, json.RootElement.GetProperty("journey").GetString());
    }

    /// <summary>The hostile journey, ledger and a standard named <c>&lt;script&gt;</c> at its moment of truth, failing in March 2024.</summary>
    private static CustomerRoomReport HostileRoom()
    {
        JourneyFramework journey = Hostile.Journey();
        Touchpoint touchpoint = journey.Touchpoints.Single(t => t.IsMomentOfTruth);
        var standard = ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = Hostile.Attribute, TouchpointId = touchpoint.Id, Name = Hostile.Script, Metric = Hostile.Table, Unit = "<h>",
            Comparison = ThresholdComparison.AtMost, Threshold = 48, Objective = 0.9, Window = EvaluationWindow.Calendar(Hostile.Grid),
            MinimumEvents = 1, Owner = Hostile.Image,
        });
        string[] customers = ["A", "B", "C", "D"];
        ReliabilityMeasurement[] measurements =
            [.. Enumerable.Range(0, 60).Select(i => new ReliabilityMeasurement(Hostile.Attribute, Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromHours(i * 36), i % 3 == 0 ? 72 : 20, CustomerId.From(customers[i % 4])))];
        ExperienceEvent[] events =
        [
            new(CustomerId.From("A"), journey.Touchpoints[0].Id, Instant.FromUtc(2024, 1, 5, 10, 0), ExperienceOutcome.Reliable),
            new(CustomerId.From("B"), touchpoint.Id, Instant.FromUtc(2024, 2, 10, 10, 0), ExperienceOutcome.Unreliable),
            new(CustomerId.From("A"), touchpoint.Id, Instant.FromUtc(2024, 3, 2, 10, 0), ExperienceOutcome.Unreliable),
        ];
        var input = ErosionInput.Create(Hostile.Ledger(), journey, ReliabilityStandardSet.Create([standard], journey), measurements, events);
        return new CustomerRoomCalculator().Build(input, Hostile.Grid[^1]);
    }

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex SvgElement();

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("(src|href)=\"(?!#|data:)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
