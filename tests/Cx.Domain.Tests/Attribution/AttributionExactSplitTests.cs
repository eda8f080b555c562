using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Rational = Cx.Domain.Tests.TestData.SplitOracle.Rational;

namespace Cx.Domain.Tests.Attribution;

/// <summary>Every split to the cent equals the documented largest-remainder rule computed in exact rational arithmetic
/// (<see cref="SplitOracle"/>), ties included: issue #12 found linear and position-based credits that broke exact ties.</summary>
public sealed class AttributionExactSplitTests
{
    private static readonly PeriodGrid Grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));

    [Fact]
    public void Linear_SixTouchPathWithTiedQuotas_GivesTheLeftoverCentsToTheFirstInJourneyOrder()
    {
        // Issue #12: a loss of 14.85 over service-appointment ×3, roadside-assistance, lease-renewal-offer, loyalty-check-in.
        // Quotas 742.5 and 247.5 ×3; the floors leave 2 cents and all four remainders are .5: the first two in journey order
        // (service-appointment, roadside-assistance) get them.
        JourneyFramework journey = SampleCompany.Generate().Journey;
        string[] path = ["service-appointment", "service-appointment", "service-appointment", "roadside-assistance", "lease-renewal-offer", "loyalty-check-in"];

        MovementCredit credit = Single(journey, AttributionModel.Linear, 1485, path);

        Assert.Equal(
            ["service-appointment 743", "roadside-assistance 248", "lease-renewal-offer 247", "loyalty-check-in 247"],
            credit.Shares.Select(s => s.ToString()));
    }

    [Fact]
    public void PositionBased_NineTouchPath_SplitsTheTwentyPercentInSevenExactSharesAndBreaksTiesInJourneyOrder()
    {
        // 0.4 first, 0.2 / 7 for each of seven touches between, 0.4 last, over nine distinct touchpoints, on 700 cents:
        // 280, then seven quotas of exactly 20, then 280. On 701 cents: quotas 280.4, 20.03 ×7, 280.4; floors 280 + 140 + 280
        // leave 1 cent, and the tied remainders .4 go to the first in journey order (t0).
        JourneyFramework journey = Journeys.Flat(9);
        string[] path = [.. Enumerable.Range(0, 9).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture))];

        Assert.Equal([280L, 20, 20, 20, 20, 20, 20, 20, 280], Single(journey, AttributionModel.PositionBased, 700, path).Shares.Select(s => s.Value));
        Assert.Equal([281L, 20, 20, 20, 20, 20, 20, 20, 280], Single(journey, AttributionModel.PositionBased, 701, path).Shares.Select(s => s.Value));
    }

    [Fact]
    public void HeuristicModels_AnyPathIncludingTiedQuotas_EqualTheExactRule()
    {
        Properties.Check(PathCase.Arbitrary(), c =>
        {
            JourneyFramework journey = Journeys.Flat(5);
            string[] path = [.. c.Path.Select(t => "t" + t.ToString(CultureInfo.InvariantCulture))];
            var options = new AttributionOptions { FirstTouchShare = (double)c.First, LastTouchShare = (double)c.Last };

            Assert.Equal(Expected(c.Value, c.Path, LinearWeights(c.Path.Length)), Values(Single(journey, AttributionModel.Linear, c.Value, path)));
            Assert.Equal(Expected(c.Value, c.Path, PositionWeights(c.Path.Length, c.First, c.Last)), Values(Single(journey, AttributionModel.PositionBased, c.Value, path, options)));
        }, maxTests: 300);
    }

    [Fact]
    public void AnyModel_DoubleWeightsOfAnyMagnitude_SplitExactlyAsTheBinaryFractionsTheyAre()
    {
        // A custom model whose weights span tiny and huge magnitudes (exercising the 64-bit, 128-bit and arbitrary-precision
        // paths), and repeat values so that quotas tie.
        Properties.Check(PathCase.Arbitrary(), c =>
        {
            JourneyFramework journey = Journeys.Flat(5);
            string[] path = [.. c.Path.Select(t => "t" + t.ToString(CultureInfo.InvariantCulture))];
            var model = new FixedWeightsModel(c.Weights);

            MovementCredit credit = Single(journey, AttributionModel.TimeDecay, c.Value, path, calculator: new JourneyAttributionCalculator([model]));

            Rational[] weights = c.Weights.Any(w => w > 0) ? [.. c.Weights.Select(Rational.Of)] : LinearWeights(c.Path.Length);
            Assert.Equal(Expected(c.Value, c.Path, weights), Values(credit));
        }, maxTests: 300);
    }

    [Fact]
    public void LargestRemainder_RandomRationalTerms_EqualsTheOracle()
    {
        var random = new Random(20260512);
        var split = new LargestRemainder();
        double[] magnitudes = [1, 0.5, 1.0 / 3, 0.2 / 7, 1e-300, Math.Pow(2, -600), 3e10, 1e300, 5e-324, 0];
        for (int trial = 0; trial < 5000; trial++)
        {
            int terms = random.Next(1, 9);
            int partCount = random.Next(1, terms + 1);
            int[] part = [.. Enumerable.Range(0, terms).Select(i => i < partCount ? i : random.Next(partCount))];
            double[] numerators = [.. Enumerable.Range(0, terms).Select(_ => magnitudes[random.Next(magnitudes.Length)] * (random.Next(2) == 0 ? 1 : random.Next(1, 7)))];
            long[] denominators = [.. Enumerable.Range(0, terms).Select(_ => random.Next(3) == 0 ? (long)random.Next(1, 13) : random.Next(8) == 0 ? long.MaxValue / random.Next(1, 5) : 1)];
            if (!numerators.Any(x => x > 0))
            {
                numerators[0] = 1;
            }

            long value = random.Next(4) switch
            {
                0 => random.Next(0, 20),
                1 => random.Next(0, 100_000),
                2 => (long)random.Next(1, 1000) * 840,
                _ => long.MaxValue - random.Next(0, 1000),
            };
            long[] parts = new long[partCount];
            double[] fractions = new double[partCount];

            split.Split(value, part, numerators, denominators, partCount, parts, fractions);

            var weights = new Rational[partCount];
            Array.Fill(weights, Rational.Zero);
            for (int i = 0; i < terms; i++)
            {
                weights[part[i]] += Rational.Of(numerators[i]) / Rational.Of(denominators[i]);
            }

            Assert.True(SplitOracle.Split(value, weights).SequenceEqual(parts), $"trial {trial}: {value} over [{string.Join(", ", numerators.Select((x, i) => $"{x:R}/{denominators[i]}→{part[i]}"))}]: got [{string.Join(", ", parts)}]");
        }
    }

    [Theory]
    [InlineData(AttributionModel.Linear)]
    [InlineData(AttributionModel.PositionBased)]
    public void SampleCompany_EveryMovement_EqualsTheExactRuleRecomputedFromItsPath(AttributionModel model)
    {
        // The sample of `cx attribution --sample`: 3,000 customers over 2023 to 2025, about 46,000 events.
        SampleCompany company = SampleCompany.Generate();
        JourneyFramework journey = company.Journey;
        AttributionResult result = new JourneyAttributionCalculator().Calculate(journey, company.RevenueLedger(), company.ExperienceEvents, new AttributionOptions { Model = model, IncludeMovementCredits = true });
        ILookup<CustomerId, ExperienceEvent> byCustomer = company.ExperienceEvents.ToLookup(e => e.Customer);

        int checkedMovements = 0;
        foreach (MovementCredit credit in result.MovementCredits.Where(c => !c.IsUnattributed))
        {
            Instant end = DateTimeZone.Utc.AtStartOfDay(credit.Movement.Period.End.PlusDays(1)).ToInstant();
            Instant start = end - Duration.FromDays(90);
            int[] path = [.. byCustomer[credit.Movement.Customer]
                .Where(e => e.At >= start && e.At < end)
                .OrderBy(e => e.At).ThenBy(e => journey.IndexOfTouchpoint(e.TouchpointId)).ThenBy(e => e.Outcome)
                .Select(e => journey.IndexOfTouchpoint(e.TouchpointId))];
            Rational[] weights = model == AttributionModel.Linear ? LinearWeights(path.Length) : PositionWeights(path.Length, 0.4m, 0.4m);

            Assert.Equal(Expected(credit.Value, path, weights), Values(credit));
            checkedMovements++;
        }

        Assert.Equal(result.GainCount + result.LossCount - result.Unattributed.GainCount - result.Unattributed.LossCount, checkedMovements);
        Assert.True(checkedMovements > 10_000, $"{checkedMovements} movements checked");
    }

    private static Rational[] LinearWeights(int n) => [.. Enumerable.Repeat(Rational.Of(1), n)];

    private static Rational[] PositionWeights(int n, decimal first, decimal last) => n switch
    {
        1 => [Rational.Of(1)],
        2 => [Rational.Of(first), Rational.Of(last)],
        _ => [Rational.Of(first), .. Enumerable.Repeat(Rational.Of(1 - first - last) / Rational.Of(n - 2), n - 2), Rational.Of(last)],
    };

    /// <summary>The oracle's split over the path's distinct touchpoints in journey order (each touch's weight added to its touchpoint).</summary>
    private static long[] Expected(long value, IReadOnlyList<int> path, IReadOnlyList<Rational> touchWeights)
    {
        int[] distinct = [.. path.Distinct().Order()];
        Rational[] weights = [.. distinct.Select(t => Enumerable.Range(0, path.Count).Where(i => path[i] == t).Aggregate(Rational.Zero, (sum, i) => sum + touchWeights[i]))];
        return SplitOracle.Split(value, weights);
    }

    private static long[] Values(MovementCredit credit) => [.. credit.Shares.Select(s => s.Value)];

    /// <summary>Attributes one new customer's gain in March 2024 over a path of touches one hour apart.</summary>
    private static MovementCredit Single(JourneyFramework journey, AttributionModel model, long value, string[] path, AttributionOptions? options = null, JourneyAttributionCalculator? calculator = null)
    {
        options ??= new AttributionOptions();
        options.Model = model;
        options.IncludeMovementCredits = true;
        var customer = CustomerId.From("a");
        ExperienceEvent[] events = [.. path.Select((t, i) => new ExperienceEvent(customer, t, Instant.FromUtc(2024, 3, 1, 0, 0) + Duration.FromHours(i), ExperienceOutcome.Reliable))];
        AttributionResult result = (calculator ?? new JourneyAttributionCalculator()).Calculate(journey, [new CustomerMovement(customer, Grid[2], MovementClass.New, 0, value, null)], events, options);
        return Assert.Single(result.MovementCredits);
    }

    /// <summary>A path over five touchpoints (repeats likely), a value chosen to make quotas tie often, decimal position
    /// shares and a weight per touch of any magnitude.</summary>
    public sealed record PathCase(int[] Path, long Value, decimal First, decimal Last, double[] Weights)
    {
        private static readonly double[] Magnitudes = [1, 1, 0.5, 1.0 / 3, 0.2 / 7, 0.1, 1e-300, 3e10, 0];

        public static Arbitrary<PathCase> Arbitrary() => Arb.From(
            from length in Gen.Choose(1, 12)
            from path in Gen.ArrayOf(Gen.Choose(0, 4), length)
            from value in Gen.OneOf(Gen.Choose(0, 30), Gen.Choose(1, 200).Select(k => k * 60), Gen.Choose(1, 50).Select(k => (k * 840) + 1), Gen.Choose(0, 1_000_000))
            from first in Gen.Choose(0, 20)
            from last in Gen.Choose(first == 0 ? 1 : 0, 20 - first)
            from weights in Gen.ArrayOf(Gen.Elements(Magnitudes), length)
            select new PathCase(path, value, first / 20m, last / 20m, weights));

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"path [{string.Join(' ', Path)}], value {Value}, shares {First}/{Last}, weights [{string.Join(' ', Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}]");
    }

    /// <summary>A custom model that weighs the touches of a path with fixed numbers (as many as the path is long).</summary>
    private sealed class FixedWeightsModel(double[] weights) : IAttributionModel
    {
        public AttributionModel Kind => AttributionModel.TimeDecay;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options) => new Fixed(weights);

        private sealed class Fixed(double[] weights) : AttributionModelFit
        {
            public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> result) => weights.AsSpan(0, result.Length).CopyTo(result);
        }
    }
}
