using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Attribution;

/// <summary>Flat movements: never attributed, always counted in <see cref="AttributionResult.ExcludedMovementCount"/>, and a
/// period holding only flat movements is still analysed — on every route (issue #12 found the ledger route dropped them).</summary>
public sealed class AttributionFlatMovementTests
{
    private static readonly AttributionModel[] AllModels =
        [AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.TimeDecay, AttributionModel.PositionBased, AttributionModel.MarkovChain, AttributionModel.Shapley];

    [Fact]
    public void Ledger_PeriodWithOnlyFlatMovements_StaysAnalysedAndItsNullPathCountsForMarkov()
    {
        // 30-day windows: January [01-02, 02-01), February [01-30, 03-01), March [03-02, 04-01). Customer a is new in March
        // (20.00) after touching A then B. Customer x is new in January (10.00, no touch: unattributed), then flat in February
        // and March, and touched B on 15 February, inside February's window only: a null path of February.
        // Gains chain: start→A 1, start→B 1, A→B 1, B→outcome 1, B→null 1: x(start) = 1/2; without A 1/4 (RE 1/2); without B
        // 0 (RE 1). Weights A 1/3, B 2/3: 2000 splits 666.67 / 1333.33, the leftover cent to A's larger remainder.
        // Dropping February (its only movement is flat) would leave one path and weights 1/2, 1/2 (1000 / 1000).
        JourneyFramework framework = Journeys.Flat(2);
        PeriodGrid grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));
        AssetLedger ledger = AssetLedger.FromRecords(
            [
                new AssetRecord(CustomerId.From("a"), new LocalDate(2024, 3, 10), Money.FromMinorUnits(2000, Currency.Usd)),
                new AssetRecord(CustomerId.From("x"), new LocalDate(2024, 1, 10), Money.FromMinorUnits(1000, Currency.Usd)),
                new AssetRecord(CustomerId.From("x"), new LocalDate(2024, 2, 10), Money.FromMinorUnits(1000, Currency.Usd)),
                new AssetRecord(CustomerId.From("x"), new LocalDate(2024, 3, 10), Money.FromMinorUnits(1000, Currency.Usd)),
            ],
            grid);
        ExperienceEvent[] events =
        [
            new(CustomerId.From("a"), "t0", Instant.FromUtc(2024, 3, 5, 0, 0), ExperienceOutcome.Reliable),
            new(CustomerId.From("a"), "t1", Instant.FromUtc(2024, 3, 6, 0, 0), ExperienceOutcome.Reliable),
            new(CustomerId.From("x"), "t1", Instant.FromUtc(2024, 2, 15, 0, 0), ExperienceOutcome.Reliable),
        ];
        // The unit is the ledger's own on the ledger route; the list route is told it, so both results show USD.
        var options = new AttributionOptions { Model = AttributionModel.MarkovChain, Lookback = NodaTime.Period.FromDays(30), Unit = ledger.Unit };
        var calculator = new JourneyAttributionCalculator();

        AttributionResult result = calculator.Calculate(framework, ledger, events, options);

        Assert.Equal([667L, 1333L], result.Touchpoints.Select(t => t.EarnedValue));
        Assert.Equal(2, result.ExcludedMovementCount);
        Assert.Equal(1000, result.Unattributed.EarnedValue);
        Assert.Equal(["2024-01", "2024-02", "2024-03"], result.Bridge.Select(p => p.Period.Label));
        Assert.Equal(1, result.GainNullPathCount);
        Assert.Equal(0, result.EventsOutsideEveryWindowCount);
        IReadOnlyList<CustomerMovement> withFlats = new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true);
        Assert.Equal(AttributionPropertyTests.Render(result), AttributionPropertyTests.Render(calculator.Calculate(framework, withFlats, events, options, ledger.Customers)));
    }

    [Fact]
    public void SampleCompany_EveryRoute_CountsEveryFlatMovementAsExcluded()
    {
        SampleCompany company = SampleCompany.Generate();
        AssetLedger ledger = company.RevenueLedger();
        IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(ledger, includeFlat: true);
        var calculator = new JourneyAttributionCalculator();

        var options = new AttributionOptions { Unit = ledger.Unit }; // the routes without a ledger are told its unit
        AttributionResult byLedger = calculator.Calculate(company.Journey, ledger, company.ExperienceEvents, options);
        AttributionResult byList = calculator.Calculate(company.Journey, movements, company.ExperienceEvents, options, ledger.Customers);
        AttributionResult byColumns = calculator.Calculate(company.Journey, Columns(company.Journey, ledger.Customers, movements, company.ExperienceEvents), options);

        // The issue's count: 34,463 flat customer-months in the sample of `cx attribution --sample`.
        Assert.Equal(34_463, movements.Count(m => m.Class == MovementClass.Flat));
        Assert.Equal([34_463L, 34_463L, 34_463L], new[] { byLedger.ExcludedMovementCount, byList.ExcludedMovementCount, byColumns.ExcludedMovementCount });
        Assert.Equal(AttributionPropertyTests.Render(byLedger), AttributionPropertyTests.Render(byList));
        Assert.Equal(AttributionPropertyTests.Render(byLedger), AttributionPropertyTests.Render(byColumns));
    }

    [Fact]
    public void Calculate_LedgerListAndColumnRoutes_GiveIdenticalResultsForEveryModel()
    {
        Properties.Check(LedgerScenario.Arbitrary(), s =>
        {
            IReadOnlyList<CustomerMovement> movements = new AssetMovementCalculator().CustomerMovements(s.Ledger, includeFlat: true);
            AttributionColumns columns = Columns(s.Framework, s.Ledger.Customers, movements, s.Events);
            var calculator = new JourneyAttributionCalculator();
            long flats = movements.Count(m => m.Class == MovementClass.Flat);
            foreach (AttributionModel model in AllModels)
            {
                var options = new AttributionOptions { Model = model, IncludeMovementCredits = true, LossTouches = TouchFilter.UnreliableOnly, ShapleyPlayers = ShapleyPlayers.Touchpoints, Movements = s.Classes, Unit = s.Ledger.Unit };
                AttributionResult byLedger = calculator.Calculate(s.Framework, s.Ledger, s.Events, options);
                string expected = AttributionPropertyTests.Render(byLedger);

                Assert.Equal(expected, AttributionPropertyTests.Render(calculator.Calculate(s.Framework, movements, s.Events, options, s.Ledger.Customers)));
                Assert.Equal(expected, AttributionPropertyTests.Render(calculator.Calculate(s.Framework, columns, options)));
                Assert.Equal(flats + movements.Count(m => m.Class != MovementClass.Flat && !s.Classes.Contains(m.Class)), byLedger.ExcludedMovementCount);
            }
        }, maxTests: 60);
    }

    /// <summary>The customers, movements and events as columns (events shuffled).</summary>
    internal static AttributionColumns Columns(JourneyFramework framework, IReadOnlyList<CustomerId> customers, IReadOnlyList<CustomerMovement> movements, IReadOnlyList<ExperienceEvent> events)
    {
        var index = customers.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return new AttributionColumns(
            customers,
            movements,
            movements.Select(m => index[m.Customer]).ToArray(),
            events.Select(e => index[e.Customer]).ToArray(),
            events.Select(e => framework.IndexOfTouchpoint(e.TouchpointId)).ToArray(),
            events.Select(e => e.At.ToUnixTimeTicks()).ToArray(),
            events.Select(e => e.Outcome).ToArray());
    }

    /// <summary>A random ledger (flat months frequent), events of its customers around the grid, and the classes attributed.</summary>
    public sealed class LedgerScenario
    {
        private static readonly MovementClass[] AllClasses = [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Churned];

        private LedgerScenario(AssetDataset data, int seed, int touchpoints, int classMask)
        {
            Data = data;
            Framework = Journeys.Flat(touchpoints);
            Ledger = AssetLedger.FromRecords(data.Records(withSegments: false), data.Grid);
            Classes = [.. AllClasses.Where((_, i) => (classMask & (1 << i)) != 0)];
            var random = new Random(seed);
            var events = new List<ExperienceEvent>();
            Instant origin = Instant.FromUtc(2023, 10, 1, 0, 0);
            foreach (CustomerId customer in Ledger.Customers)
            {
                for (int e = random.Next(0, 6); e > 0; e--)
                {
                    events.Add(new ExperienceEvent(customer, "t" + random.Next(touchpoints).ToString(CultureInfo.InvariantCulture), origin + Duration.FromHours(random.Next(0, 24 * 300)), (ExperienceOutcome)random.Next(0, 3)));
                }
            }

            Events = events;
        }

        public AssetDataset Data { get; }

        public JourneyFramework Framework { get; }

        public AssetLedger Ledger { get; }

        public IReadOnlyList<ExperienceEvent> Events { get; }

        public MovementClass[] Classes { get; }

        public static Arbitrary<LedgerScenario> Arbitrary() => Arb.From(
            from data in AssetDataset.Generator(maxCustomers: 8).Where(d => d.Records(withSegments: false).Count > 0)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from touchpoints in Gen.Choose(1, 5)
            from classMask in Gen.OneOf(Gen.Constant(31), Gen.Choose(1, 31))
            select new LedgerScenario(data, seed, touchpoints, classMask));

        public override string ToString() =>
            $"{Data}\n  seed {Events.Count} events, {Framework.Touchpoints.Count} touchpoints, classes {string.Join(", ", Classes)}";
    }
}
