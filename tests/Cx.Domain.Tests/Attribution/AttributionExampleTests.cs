using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Attribution;

/// <summary>Hand-computed examples of every model (the ones of docs/concepts/journey-and-attribution.md).</summary>
public sealed class AttributionExampleTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));
    private static readonly JourneyFramework Framework = Journeys.Small();

    private static CustomerMovement Gain(string customer, long value, MovementClass cls = MovementClass.New) =>
        new(CustomerId.From(customer), Grid[2], cls, 0, value, null);

    private static CustomerMovement Churn(string customer, long value) =>
        new(CustomerId.From(customer), Grid[2], MovementClass.Churned, value, 0, null);

    private static ExperienceEvent Touch(string customer, string touchpoint, int marchDay, ExperienceOutcome outcome = ExperienceOutcome.Reliable) =>
        new(CustomerId.From(customer), touchpoint, Instant.FromUtc(2024, 3, marchDay, 0, 0), outcome);

    private static AttributionResult Run(AttributionModel model, IEnumerable<CustomerMovement> movements, IEnumerable<ExperienceEvent> events, Action<AttributionOptions>? configure = null)
    {
        var options = new AttributionOptions { Model = model, IncludeMovementCredits = true };
        configure?.Invoke(options);
        return new JourneyAttributionCalculator().Calculate(Framework, movements, events, options);
    }

    private static long Earned(AttributionResult result, string touchpoint) => result.Touchpoints.Single(t => t.Touchpoint.Id == touchpoint).EarnedValue;

    private static long Lost(AttributionResult result, string touchpoint) => result.Touchpoints.Single(t => t.Touchpoint.Id == touchpoint).LostValue;

    private static readonly ExperienceEvent[] ThreeTouches = [Touch("a", "web", 1), Touch("a", "dealer", 10), Touch("a", "proposal", 20)];

    [Theory]
    [InlineData(AttributionModel.FirstTouch, 1000, 0, 0)]
    [InlineData(AttributionModel.LastTouch, 0, 0, 1000)]
    [InlineData(AttributionModel.Linear, 334, 333, 333)]
    [InlineData(AttributionModel.PositionBased, 400, 200, 400)]
    [InlineData(AttributionModel.TimeDecay, 100, 244, 656)]
    public void Calculate_HeuristicModelOnThreeTouches_GivesTheHandComputedSplit(AttributionModel model, long web, long dealer, long proposal)
    {
        AttributionResult result = Run(model, [Gain("a", 1000)], ThreeTouches);

        Assert.Equal([web, dealer, proposal], new[] { Earned(result, "web"), Earned(result, "dealer"), Earned(result, "proposal") });
        Assert.Equal(1000, result.EarnedValue);
        Assert.Equal(web + dealer, result.Stages[0].EarnedValue);
        Assert.Equal(proposal, result.Stages[1].EarnedValue);
        MovementCredit credit = Assert.Single(result.MovementCredits);
        Assert.Equal(1000, credit.Shares.Sum(s => s.Value));
    }

    [Fact]
    public void Calculate_LinearWithARepeatedTouchpoint_GivesItTwoShares()
    {
        AttributionResult result = Run(AttributionModel.Linear, [Gain("a", 100)], [Touch("a", "web", 1), Touch("a", "dealer", 2), Touch("a", "web", 3)]);

        Assert.Equal(67, Earned(result, "web"));
        Assert.Equal(33, Earned(result, "dealer"));
        Assert.Equal(1, result.Touchpoints.Single(t => t.Touchpoint.Id == "web").GainCount);
    }

    [Fact]
    public void Calculate_PositionBasedWithTwoTouchesAndFour_SplitsFiftyFiftyAndFortyTenTenForty()
    {
        AttributionResult two = Run(AttributionModel.PositionBased, [Gain("a", 1001)], [Touch("a", "web", 1), Touch("a", "proposal", 2)]);
        AttributionResult four = Run(AttributionModel.PositionBased, [Gain("a", 1000)], [Touch("a", "web", 1), Touch("a", "dealer", 2), Touch("a", "proposal", 3), Touch("a", "repair", 4)]);

        Assert.Equal((501, 500), (Earned(two, "web"), Earned(two, "proposal")));
        Assert.Equal([400, 100, 100, 400], new[] { Earned(four, "web"), Earned(four, "dealer"), Earned(four, "proposal"), Earned(four, "repair") });
    }

    [Fact]
    public void Calculate_LossesWithUnreliableOnly_CreditOnlyTheFailuresAndLeaveTheRestUnattributed()
    {
        ExperienceEvent[] events = [Touch("a", "proposal", 1), Touch("a", "repair", 5, ExperienceOutcome.Unreliable), Touch("b", "check-in", 5)];

        AttributionResult result = Run(AttributionModel.Linear, [Churn("a", 900), Churn("b", 300)], events, o => o.LossTouches = TouchFilter.UnreliableOnly);

        Assert.Equal(900, Lost(result, "repair"));
        Assert.Equal(0, Lost(result, "proposal"));
        Assert.Equal(300, result.Unattributed.LostValue);
        Assert.Equal(1, result.Unattributed.LossCount);
        Assert.Equal(1200, result.LostValue);
        Assert.Equal(900, result.Stages.Single(s => s.Stage.Id == "service").LostValue);
        Assert.Equal(900, result.Categories.Single(c => c.Category == TouchpointCategory.RespondingToCustomerNeeds).LostValue);
    }

    // The Markov and Shapley examples: c1 web → proposal → gain 900, c2 web → gain 300, c3 dealer → no movement, c4 web → dealer → no movement.
    private static readonly CustomerMovement[] DataDrivenMovements = [Gain("c1", 900), Gain("c2", 300)];

    private static readonly ExperienceEvent[] DataDrivenEvents =
        [Touch("c1", "web", 1), Touch("c1", "proposal", 2), Touch("c2", "web", 1), Touch("c3", "dealer", 1), Touch("c4", "web", 1), Touch("c4", "dealer", 2)];

    [Fact]
    public void Calculate_MarkovOnTheWorkedExample_GivesRemovalEffectsOneHalfAndZero()
    {
        AttributionResult result = Run(AttributionModel.MarkovChain, DataDrivenMovements, DataDrivenEvents);

        PlayerScore[] gains = result.Scores.Where(s => s.Direction == AttributionDirection.Gains).ToArray();
        Assert.Equal(["web", "dealer", "proposal"], gains.Select(s => s.PlayerId));
        Assert.Equal(1.0, gains[0].Score, 12);
        Assert.Equal(0.0, gains[1].Score, 12);
        Assert.Equal(0.5, gains[2].Score, 12);
        Assert.Equal(2.0 / 3, gains[0].Weight, 12);
        Assert.Equal(900, Earned(result, "web"));
        Assert.Equal(300, Earned(result, "proposal"));
        Assert.Equal(0, Earned(result, "dealer"));
        Assert.Equal(2, result.GainNullPathCount);
    }

    [Fact]
    public void Calculate_ShapleyOverStagesOnTheWorkedExample_GivesFiveTwelfthsAndOneTwelfth()
    {
        AttributionResult result = Run(AttributionModel.Shapley, DataDrivenMovements, DataDrivenEvents);

        PlayerScore[] gains = result.Scores.Where(s => s.Direction == AttributionDirection.Gains).ToArray();
        Assert.Equal(["research", "purchase"], gains.Select(s => s.PlayerId));
        Assert.Equal(5.0 / 12, gains[0].Score, 12);
        Assert.Equal(1.0 / 12, gains[1].Score, 12);
        Assert.Equal(1050, Earned(result, "web"));
        Assert.Equal(150, Earned(result, "proposal"));
    }

    [Fact]
    public void Calculate_ShapleyOverTouchpointsOnTheWorkedExample_ClampsTheNegativeDealer()
    {
        AttributionResult result = Run(AttributionModel.Shapley, DataDrivenMovements, DataDrivenEvents, o => o.ShapleyPlayers = ShapleyPlayers.Touchpoints);

        PlayerScore[] gains = result.Scores.Where(s => s.Direction == AttributionDirection.Gains).ToArray();
        Assert.Equal(13.0 / 18, gains.Single(s => s.PlayerId == "web").Score, 12);
        Assert.Equal(-5.0 / 18, gains.Single(s => s.PlayerId == "dealer").Score, 12);
        Assert.True(gains.Single(s => s.PlayerId == "dealer").IsClamped);
        Assert.Equal(1.0 / 18, gains.Single(s => s.PlayerId == "proposal").Score, 12);
        Assert.Equal(836 + 300, Earned(result, "web"));
        Assert.Equal(64, Earned(result, "proposal"));
    }

    [Fact]
    public void Calculate_TouchAtThePeriodEndOrBeforeTheLookback_IsOutsideTheWindow()
    {
        ExperienceEvent[] events =
        [
            new(CustomerId.From("a"), "web", Instant.FromUtc(2024, 4, 1, 0, 0), ExperienceOutcome.Reliable),
            new(CustomerId.From("a"), "dealer", Instant.FromUtc(2024, 1, 1, 23, 59), ExperienceOutcome.Reliable),
            new(CustomerId.From("a"), "proposal", Instant.FromUtc(2024, 1, 2, 0, 0), ExperienceOutcome.Reliable),
        ];

        AttributionResult result = Run(AttributionModel.Linear, [Gain("a", 10)], events);

        Assert.Equal(10, Earned(result, "proposal"));
        Assert.Equal(0, Earned(result, "web") + Earned(result, "dealer"));
        Assert.Equal(2, result.EventsOutsideEveryWindowCount);
    }

    [Fact]
    public void Calculate_TimeZoneAheadOfUtc_EndsTheWindowEarlierInUtc()
    {
        DateTimeZone paris = DateTimeZone.ForOffset(Offset.FromHours(2));
        ExperienceEvent late = new(CustomerId.From("a"), "web", Instant.FromUtc(2024, 3, 31, 23, 0), ExperienceOutcome.Reliable);

        AttributionResult utc = Run(AttributionModel.Linear, [Gain("a", 10)], [late]);
        AttributionResult ahead = Run(AttributionModel.Linear, [Gain("a", 10)], [late], o => o.TimeZone = paris);

        Assert.Equal(10, Earned(utc, "web"));
        Assert.Equal(10, ahead.Unattributed.EarnedValue);
    }

    [Fact]
    public void Calculate_Bridge_MatchesTheAssetBridgeOfTheLedgerPeriodByPeriod()
    {
        var records = new List<AssetRecord>
        {
            new(CustomerId.From("a"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(1000, Currency.Usd)),
            new(CustomerId.From("a"), new LocalDate(2024, 2, 5), Money.FromMinorUnits(1500, Currency.Usd)),
            new(CustomerId.From("b"), new LocalDate(2024, 1, 5), Money.FromMinorUnits(700, Currency.Usd)),
            new(CustomerId.From("b"), new LocalDate(2024, 3, 5), Money.FromMinorUnits(200, Currency.Usd)),
        };
        AssetLedger ledger = AssetLedger.FromRecords(records, Grid);
        ExperienceEvent[] events = [Touch("a", "web", 1), new(CustomerId.From("b"), "repair", Instant.FromUtc(2024, 2, 10, 0, 0), ExperienceOutcome.Unreliable)];

        AttributionResult result = new JourneyAttributionCalculator().Calculate(Framework, ledger, events);
        AssetMovementReport report = new AssetMovementCalculator().Calculate(ledger);

        Assert.Equal(report.Periods.Count, result.Bridge.Count);
        for (int p = 0; p < report.Periods.Count; p++)
        {
            PeriodMovement m = report.Periods[p];
            StageBridgePeriod b = result.Bridge[p];
            Assert.Equal(m.Period, b.Period);
            Assert.Equal(m.New.Value + m.Reactivated.Value + m.Expansion.Value, b.EarnedValue);
            Assert.Equal(-(m.Contraction.Value + m.Churned.Value), b.LostValue);
            Assert.Equal(m.Closing - m.Opening, b.NetValue);
        }

        Assert.Equal(700, result.Stages.Single(s => s.Stage.Id == "service").LostValue);
    }
}
