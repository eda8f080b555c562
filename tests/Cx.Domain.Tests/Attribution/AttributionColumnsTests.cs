using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Attribution;

/// <summary>The columnar fast path gives exactly the result of the object path.</summary>
public sealed class AttributionColumnsTests
{
    private static readonly AttributionModel[] AllModels =
        [AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.TimeDecay, AttributionModel.PositionBased, AttributionModel.MarkovChain, AttributionModel.Shapley];

    /// <summary>The scenario as columns, customers and rows shuffled (with the scenario's seed), plus customers with nothing.</summary>
    private static (AttributionColumns Columns, CustomerId[] Customers) ToColumns(AttributionScenario s)
    {
        var random = new Random(s.Seed);
        CustomerId[] customers = s.Movements.Select(m => m.Customer).Concat(s.Events.Select(e => e.Customer))
            .Append(CustomerId.From("idle-1")).Append(CustomerId.From("idle-0")).Distinct().ToArray();
        random.Shuffle(customers);
        var index = customers.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        CustomerMovement[] movements = [.. s.Movements];
        random.Shuffle(movements);
        ExperienceEvent[] events = [.. s.Events];
        random.Shuffle(events);
        var columns = new AttributionColumns(
            customers,
            movements,
            movements.Select(m => index[m.Customer]).ToArray(),
            events.Select(e => index[e.Customer]).ToArray(),
            events.Select(e => s.Framework.IndexOfTouchpoint(e.TouchpointId)).ToArray(),
            events.Select(e => e.At.ToUnixTimeTicks()).ToArray(),
            events.Select(e => e.Outcome).ToArray());
        return (columns, customers);
    }

    [Fact]
    public void Calculate_Columns_EqualsTheObjectPathForEveryModel()
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            (AttributionColumns columns, CustomerId[] customers) = ToColumns(s);
            var calculator = new JourneyAttributionCalculator();
            foreach (AttributionModel model in AllModels)
            {
                foreach (ShapleyPlayers players in (ShapleyPlayers[])[ShapleyPlayers.Touchpoints, ShapleyPlayers.Stages])
                {
                    var options = new AttributionOptions { Model = model, IncludeMovementCredits = true, LossTouches = TouchFilter.UnreliableOnly, ShapleyPlayers = players };
                    AttributionResult byObjects = calculator.Calculate(s.Framework, s.Movements, s.Events, options, customers);
                    AttributionResult byColumns = calculator.Calculate(s.Framework, columns, options);
                    Assert.Equal(AttributionPropertyTests.Render(byObjects), AttributionPropertyTests.Render(byColumns));
                    Assert.Equal(byObjects.EventCount, byColumns.EventCount);
                    Assert.Equal(byObjects.ExcludedMovementCount, byColumns.ExcludedMovementCount);
                }
            }
        }, maxTests: 100);
    }

    [Fact]
    public void Calculate_ColumnsWithIndexesOutOfRange_ReportsUnknownCustomerAndTouchpointWithRows()
    {
        JourneyFramework framework = Journeys.Flat(2);
        CustomerId[] customers = [CustomerId.From("a")];
        var columns = new AttributionColumns(customers, [], Array.Empty<int>(), new[] { 0, 1, 0 }, new[] { 0, 0, 2 }, new[] { 0L, 0L, 0L }, new[] { ExperienceOutcome.Reliable, ExperienceOutcome.Reliable, ExperienceOutcome.Unknown });

        CxValidationException ex = Assert.Throws<CxValidationException>(() => new JourneyAttributionCalculator().Calculate(framework, columns));

        Assert.Equal([(1L, CxErrorCodes.EventUnknownCustomer), (2L, CxErrorCodes.EventUnknownTouchpoint)], ex.Failures.Select(f => (f.Position!.Value, f.ErrorCode)));
    }

    [Fact]
    public void Calculate_ColumnsWithADuplicateCustomerOrAWrongMovementCustomer_Throws()
    {
        JourneyFramework framework = Journeys.Flat(2);
        var movement = new CustomerMovement(CustomerId.From("b"), AttributionScenario.Grid[2], MovementClass.New, 0, 100, null);
        var duplicate = new AttributionColumns([CustomerId.From("a"), CustomerId.From("b"), CustomerId.From("a")], [movement], new[] { 1 }, Array.Empty<int>(), Array.Empty<int>(), Array.Empty<long>(), Array.Empty<ExperienceOutcome>());
        var wrong = new AttributionColumns([CustomerId.From("a"), CustomerId.From("b")], [movement], new[] { 0 }, Array.Empty<int>(), Array.Empty<int>(), Array.Empty<long>(), Array.Empty<ExperienceOutcome>());
        var calculator = new JourneyAttributionCalculator();

        Assert.Contains("'a' at indexes 0 and 2", Assert.Throws<ArgumentException>(() => calculator.Calculate(framework, duplicate)).Message, StringComparison.Ordinal);
        Assert.Contains("got 0 for a movement of customer 'b'", Assert.Throws<ArgumentException>(() => calculator.Calculate(framework, wrong)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AttributionColumns([], [], Array.Empty<int>(), new[] { 0 }, Array.Empty<int>(), new[] { 0L }, new[] { ExperienceOutcome.Unknown }));
    }

    [Fact]
    public void Calculate_Columns_AttributesAHandComputedLinearExample()
    {
        // Customer "a" gains 100 in March after touching t0 twice and t1 once: t0 gets 67, t1 33.
        JourneyFramework framework = Journeys.Flat(2);
        var movement = new CustomerMovement(CustomerId.From("a"), AttributionScenario.Grid[2], MovementClass.New, 0, 100, null);
        long march = Instant.FromUtc(2024, 3, 10, 0, 0).ToUnixTimeTicks();
        var columns = new AttributionColumns([CustomerId.From("a")], [movement], new[] { 0 }, new[] { 0, 0, 0 }, new[] { 0, 1, 0 }, new[] { march, march + 1, march + 2 }, new[] { ExperienceOutcome.Reliable, ExperienceOutcome.Reliable, ExperienceOutcome.Reliable });

        AttributionResult result = new JourneyAttributionCalculator().Calculate(framework, columns, new AttributionOptions { Model = AttributionModel.Linear });

        Assert.Equal([67L, 33L], result.Touchpoints.Select(t => t.EarnedValue));
    }

    [Fact]
    public void Calculate_PathSetKeptByACustomModel_IsUnreadableAfterTheCalculation()
    {
        var keeper = new KeepingModel();
        JourneyFramework framework = Journeys.Flat(2);
        var movement = new CustomerMovement(CustomerId.From("a"), AttributionScenario.Grid[2], MovementClass.New, 0, 100, null);
        ExperienceEvent[] events = [new(CustomerId.From("a"), "t1", Instant.FromUtc(2024, 3, 10, 0, 0), ExperienceOutcome.Reliable)];

        AttributionResult result = new JourneyAttributionCalculator([keeper]).Calculate(framework, [movement], events, new AttributionOptions { Model = AttributionModel.Linear });

        Assert.Equal(100, result.Touchpoints[1].EarnedValue);
        Assert.Equal(1, keeper.Kept!.PathCount);
        Assert.Throws<InvalidOperationException>(() => keeper.Kept.Touchpoints(0).Length);
    }

    private sealed class KeepingModel : IAttributionModel
    {
        public AttributionPathSet? Kept { get; private set; }

        public AttributionModel Kind => AttributionModel.Linear;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options)
        {
            Kept ??= paths;
            return new LinearModel().Fit(paths, options);
        }
    }
}
