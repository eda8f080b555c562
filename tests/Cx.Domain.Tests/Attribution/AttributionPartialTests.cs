using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using NodaTime;

namespace Cx.Domain.Tests.Attribution;

/// <summary>The two-phase API: statistics counted per partition of customers and merged, one fit, credits allocated per
/// partition and merged — exactly the result of one calculation over all customers, in any grouping and order.</summary>
public sealed class AttributionPartialTests
{
    /// <summary>Every model, and the anchors' variants of the data-driven ones.</summary>
    public static readonly Func<AttributionOptions>[] Variants =
    [
        () => new AttributionOptions { Model = AttributionModel.FirstTouch },
        () => new AttributionOptions { Model = AttributionModel.LastTouch },
        () => new AttributionOptions { Model = AttributionModel.Linear },
        () => new AttributionOptions { Model = AttributionModel.TimeDecay },
        () => new AttributionOptions { Model = AttributionModel.PositionBased, FirstTouchShare = 0.3, LastTouchShare = 0.5 },
        () => new AttributionOptions { Model = AttributionModel.MarkovChain },
        () => new AttributionOptions { Model = AttributionModel.MarkovChain, MarkovAllocation = MarkovAllocation.Pooled },
        () => new AttributionOptions { Model = AttributionModel.Shapley },
        () => new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints },
        () => new AttributionOptions { Model = AttributionModel.Shapley, ShapleyPlayers = ShapleyPlayers.Touchpoints, ShapleyValueFunction = ShapleyValueFunction.ConversionCount },
    ];

    internal static AttributionOptions Options(Func<AttributionOptions> variant)
    {
        AttributionOptions options = variant();
        options.IncludeMovementCredits = true;
        options.LossTouches = TouchFilter.UnreliableOnly;
        return options;
    }

    [Fact]
    public void Partitions_CountedMergedFittedAllocatedAndMerged_EqualTheWholeForEveryModel()
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            var random = new Random(s.Seed);
            int k = random.Next(1, 5);
            var partitionOf = s.Movements.Select(m => m.Customer).Concat(s.Events.Select(e => e.Customer)).Distinct().ToDictionary(c => c, _ => random.Next(k));
            (CustomerMovement[] Movements, ExperienceEvent[] Events)[] partitions = [.. Enumerable.Range(0, k).Select(p => (
                s.Movements.Where(m => partitionOf[m.Customer] == p).ToArray(),
                s.Events.Where(e => partitionOf[e.Customer] == p).ToArray()))];
            var calculator = new JourneyAttributionCalculator();
            foreach (Func<AttributionOptions> variant in Variants)
            {
                AttributionOptions options = Options(variant);
                AttributionResult whole = calculator.Calculate(s.Framework, s.Movements, s.Events, options);

                AttributionStatistics[] statistics = [.. partitions.Select(p => calculator.Count(s.Framework, AttributionScenario.Grid, p.Movements, p.Events, options))];
                FittedAttribution fit = calculator.Fit(MergeInRandomTree(statistics, random, (a, b) => a.Merge(b)));
                AttributionPartial[] partials = [.. partitions.Select(p => calculator.Allocate(fit, p.Movements, p.Events))];
                AttributionResult merged = MergeInRandomTree(partials, random, (a, b) => a.Merge(b)).ToResult();

                Assert.Equal(AttributionPropertyTests.Render(whole), AttributionPropertyTests.Render(merged));
                Assert.Equal(
                    (whole.EventCount, whole.ExcludedMovementCount, whole.GainCount, whole.LossCount, whole.EarnedValue, whole.LostValue),
                    (merged.EventCount, merged.ExcludedMovementCount, merged.GainCount, merged.LossCount, merged.EarnedValue, merged.LostValue));
            }
        }, maxTests: 40);
    }

    [Fact]
    public void LedgerAndColumnPartitions_EqualTheWholeLedger()
    {
        Properties.Check(AttributionFlatMovementTests.LedgerScenario.Arbitrary(), s =>
        {
            var random = new Random(s.Events.Count);
            int k = random.Next(1, 4);
            CustomerId[] customers = [.. s.Ledger.Customers];
            var partitionOf = customers.ToDictionary(c => c, _ => random.Next(k));
            IReadOnlyList<AssetRecord> records = s.Data.Records(withSegments: false);
            var calculator = new JourneyAttributionCalculator();
            foreach (Func<AttributionOptions> variant in Variants)
            {
                AttributionOptions options = Options(variant);
                options.Movements = s.Classes;
                options.Unit = s.Ledger.Unit; // the column route has no ledger to take the unit from
                AttributionResult whole = calculator.Calculate(s.Framework, s.Ledger, s.Events, options);

                // As ledgers: each partition's records on the common grid (a partition may hold no customer).
                var ledgers = Enumerable.Range(0, k)
                    .Select(p => records.Where(r => partitionOf[r.Customer] == p).ToArray())
                    .Where(r => r.Length > 0)
                    .Select(r => AssetLedger.FromRecords(r, s.Ledger.Grid))
                    .ToArray();
                ExperienceEvent[] EventsOf(AssetLedger ledger) => [.. s.Events.Where(e => ledger.Customers.Contains(e.Customer))];
                FittedAttribution fit = calculator.Fit(AttributionStatistics.MergeAll(ledgers.Select(l => calculator.Count(s.Framework, l, EventsOf(l), options))));
                AttributionResult byLedgers = AttributionPartial.MergeAll(ledgers.Select(l => calculator.Allocate(fit, l, EventsOf(l)))).ToResult();
                Assert.Equal(AttributionPropertyTests.Render(whole), AttributionPropertyTests.Render(byLedgers));

                // As columns: the same partitions' movements (flat ones included) and events.
                IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(s.Ledger, includeFlat: true);
                AttributionColumns[] columns = [.. Enumerable.Range(0, k).Select(p => AttributionFlatMovementTests.Columns(
                    s.Framework,
                    customers.Where(c => partitionOf[c] == p).ToArray(),
                    movements.Where(m => partitionOf[m.Customer] == p).ToArray(),
                    s.Events.Where(e => partitionOf[e.Customer] == p).ToArray()))];
                FittedAttribution columnFit = calculator.Fit(AttributionStatistics.MergeAll(columns.Select(c => calculator.Count(s.Framework, s.Ledger.Grid, c, options))));
                AttributionResult byColumns = AttributionPartial.MergeAll(columns.Select(c => calculator.Allocate(columnFit, c))).ToResult();
                Assert.Equal(AttributionPropertyTests.Render(whole), AttributionPropertyTests.Render(byColumns));
            }
        }, maxTests: 25);
    }

    [Fact]
    public void Fit_MergedStatistics_KnowsTheAnalysedPeriodsAndTheCountsOfTheWhole()
    {
        // Partition 1 has a March gain only; partition 2 a customer with a February flat movement and a touch in February's
        // window only (30-day windows). February is analysed because of partition 2, so partition 2's touch is a null path
        // and not outside every window, although partition 2 alone has no gain.
        JourneyFramework framework = Journeys.Flat(2);
        PeriodGrid grid = AttributionScenario.Grid;
        var options = new AttributionOptions { Model = AttributionModel.MarkovChain, Lookback = NodaTime.Period.FromDays(30) };
        CustomerMovement[] one = [new(CustomerId.From("a"), grid[2], MovementClass.New, 0, 2000, null)];
        ExperienceEvent[] oneEvents = [new(CustomerId.From("a"), "t0", Instant.FromUtc(2024, 3, 5, 0, 0), ExperienceOutcome.Reliable), new(CustomerId.From("a"), "t1", Instant.FromUtc(2024, 3, 6, 0, 0), ExperienceOutcome.Reliable)];
        CustomerMovement[] two = [new(CustomerId.From("x"), grid[1], MovementClass.Flat, 1000, 1000, null)];
        ExperienceEvent[] twoEvents = [new(CustomerId.From("x"), "t1", Instant.FromUtc(2024, 2, 15, 0, 0), ExperienceOutcome.Reliable)];
        var calculator = new JourneyAttributionCalculator();

        AttributionStatistics first = calculator.Count(framework, grid, one, oneEvents, options);
        AttributionStatistics second = calculator.Count(framework, grid, two, twoEvents, options);
        FittedAttribution fit = calculator.Fit(second.Merge(first));

        Assert.Equal(["2024-03"], first.AnalysedPeriods.Select(p => p.Label));
        Assert.Equal(["2024-02", "2024-03"], fit.AnalysedPeriods.Select(p => p.Label));
        Assert.Equal((1L, 0L), (fit.GainNullPathCount, fit.EventsOutsideEveryWindowCount));
        AttributionResult result = calculator.Allocate(fit, one, oneEvents).Merge(calculator.Allocate(fit, two, twoEvents)).ToResult();
        Assert.Equal([667L, 1333L], result.Touchpoints.Select(t => t.EarnedValue));
        Assert.Equal(1, result.ExcludedMovementCount);
        Assert.Equal(3, result.EventCount);
    }

    [Fact]
    public void TwoPhaseApi_MismatchedPartsOrACustomModel_AreRefusedWithClearErrors()
    {
        JourneyFramework framework = Journeys.Flat(2);
        PeriodGrid grid = AttributionScenario.Grid;
        CustomerMovement[] movements = [new(CustomerId.From("a"), grid[2], MovementClass.New, 0, 100, null)];
        var calculator = new JourneyAttributionCalculator();
        AttributionStatistics linear = calculator.Count(framework, grid, movements, [], new AttributionOptions { Model = AttributionModel.Linear });
        AttributionStatistics markov = calculator.Count(framework, grid, movements, [], new AttributionOptions { Model = AttributionModel.MarkovChain });
        FittedAttribution fit = calculator.Fit(linear);
        FittedAttribution other = calculator.Fit(linear);

        Assert.Contains("Count every partition with the same journey, grid, options", Assert.Throws<ArgumentException>(() => linear.Merge(markov)).Message, StringComparison.Ordinal);
        Assert.Contains("allocate every partition with that fit", Assert.Throws<ArgumentException>(() => calculator.Allocate(fit, movements, []).Merge(calculator.Allocate(other, movements, []))).Message, StringComparison.Ordinal);
        Assert.Contains("2024-03", Assert.Throws<ArgumentException>(() => calculator.Allocate(fit, [new CustomerMovement(CustomerId.From("b"), grid[1], MovementClass.New, 0, 5, null)], [])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AttributionStatistics.MergeAll([]));
        Assert.Throws<ArgumentException>(() => AttributionPartial.MergeAll([]));
        var custom = new JourneyAttributionCalculator([new CustomLinear()]);
        Assert.Contains("custom", Assert.Throws<InvalidOperationException>(() => custom.Count(framework, grid, movements, [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_CountedWithOptionsLaterChanged_KeepTheOptionsTheyWereCountedWith()
    {
        JourneyFramework framework = Journeys.Flat(2);
        var options = new AttributionOptions { Model = AttributionModel.Linear };
        AttributionStatistics statistics = new JourneyAttributionCalculator().Count(framework, AttributionScenario.Grid, [], [], options);

        options.Model = AttributionModel.MarkovChain;

        Assert.Equal(AttributionModel.Linear, statistics.Model);
        Assert.Equal(AttributionModel.Linear, new JourneyAttributionCalculator().Fit(statistics).Model);
    }

    private static T MergeInRandomTree<T>(IReadOnlyList<T> items, Random random, Func<T, T, T> merge)
    {
        var pending = items.OrderBy(_ => random.Next()).ToList();
        while (pending.Count > 1)
        {
            int i = random.Next(pending.Count - 1);
            T merged = merge(pending[i], pending[i + 1]);
            pending.RemoveAt(i + 1);
            pending[i] = merged;
        }

        return pending[0];
    }

    private sealed class CustomLinear : IAttributionModel
    {
        public AttributionModel Kind => AttributionModel.Linear;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options) => new LinearModel().Fit(paths, options);
    }
}
