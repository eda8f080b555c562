using System.Globalization;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.Attribution;

/// <summary>The laws of attribution, for every model, on random journeys, movements and events.</summary>
public sealed class AttributionPropertyTests
{
    public static TheoryData<AttributionModel> Models() =>
        [AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.TimeDecay, AttributionModel.PositionBased, AttributionModel.MarkovChain, AttributionModel.Shapley];

    private static AttributionResult Run(AttributionScenario s, AttributionModel model, IEnumerable<CustomerMovement>? movements = null, IEnumerable<ExperienceEvent>? events = null, ShapleyPlayers players = ShapleyPlayers.Touchpoints) =>
        new JourneyAttributionCalculator().Calculate(
            s.Framework,
            movements ?? s.Movements,
            events ?? s.Events,
            new AttributionOptions { Model = model, IncludeMovementCredits = true, LossTouches = TouchFilter.UnreliableOnly, ShapleyPlayers = players });

    private static long Value(CustomerMovement m) => Math.Abs(m.ValueDelta);

    /// <summary>Everything the result says, as text, to compare results exactly.</summary>
    internal static string Render(AttributionResult r)
    {
        var b = new StringBuilder();
        b.AppendJoin('\n', r.Touchpoints).Append('\n').AppendJoin('\n', r.Stages).Append('\n').AppendJoin('\n', r.Categories).Append('\n').Append(r.Unattributed).Append('\n');
        foreach (StageBridgePeriod period in r.Bridge)
        {
            b.Append(period).Append(':').AppendJoin(';', period.Stages).Append('\n');
        }

        b.AppendJoin('\n', r.MovementCredits).Append('\n').AppendJoin('\n', r.Scores.Select(s => s.ToString()));
        return b.Append(string.Create(CultureInfo.InvariantCulture, $"\n{r.EventsOutsideEveryWindowCount} {r.GainNullPathCount} {r.LossNullPathCount} {r.EqualSplitFallbackCount}")).ToString();
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Calculate_AnyInput_ConservesEveryMovementToTheCent(AttributionModel model)
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            AttributionResult r = Run(s, model);

            long gains = s.Movements.Where(m => m.IsGain).Sum(Value);
            long losses = s.Movements.Where(m => m.IsLoss).Sum(Value);
            Assert.Equal(gains, r.Touchpoints.Sum(t => t.EarnedValue) + r.Unattributed.EarnedValue);
            Assert.Equal(losses, r.Touchpoints.Sum(t => t.LostValue) + r.Unattributed.LostValue);
            Assert.Equal(gains, r.Stages.Sum(t => t.EarnedValue) + r.Unattributed.EarnedValue);
            Assert.Equal(losses, r.Categories.Sum(t => t.LostValue) + r.Unattributed.LostValue);
            Assert.Equal(gains, r.Bridge.Sum(p => p.EarnedValue));
            Assert.Equal(losses, r.Bridge.Sum(p => p.LostValue));
            Assert.All(r.MovementCredits, c => Assert.Equal(c.Value, c.IsUnattributed ? c.Value : c.Shares.Sum(x => x.Value)));
            Assert.Equal(s.Movements.Count(m => m.IsGain || m.IsLoss), r.MovementCredits.Count);
        }, maxTests: 60);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Calculate_AnyInput_NeverCreditsANegativeValueOrAnUnmetTouchpoint(AttributionModel model)
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            AttributionResult r = Run(s, model);

            Assert.All(r.Touchpoints, t => Assert.True(t.EarnedValue >= 0 && t.LostValue >= 0, t.ToString()));
            Assert.All(r.MovementCredits, c => Assert.All(c.Shares, x => Assert.True(x.Value >= 0)));
            var met = s.Events.Select(e => (e.Customer, e.TouchpointId)).ToHashSet();
            Assert.All(r.MovementCredits, c => Assert.All(c.Shares, x => Assert.Contains((c.Movement.Customer, x.TouchpointId), met)));
            TouchpointCredit never = r.Touchpoints[^1];
            Assert.Equal((0L, 0L, 0L, 0L), (never.EarnedValue, never.LostValue, never.GainCount, never.LossCount));
        }, maxTests: 60);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Calculate_ShuffledInputAndRepeatedRuns_GiveTheSameResult(AttributionModel model)
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            var random = new Random(s.Seed);
            string expected = Render(Run(s, model));

            Assert.Equal(expected, Render(Run(s, model)));
            Assert.Equal(expected, Render(Run(s, model, s.Movements.OrderBy(_ => random.Next()).ToArray(), s.Events.OrderBy(_ => random.Next()).ToArray())));
        }, maxTests: 40);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Calculate_CustomersRenamed_GivesTheSameTotals(AttributionModel model)
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            // A permutation of the customers that changes their ordinal order.
            string[] ids = s.Movements.Select(m => m.Customer.Value).Concat(s.Events.Select(e => e.Customer.Value)).Distinct().Order(StringComparer.Ordinal).ToArray();
            var rename = ids.Select((id, i) => (id, to: CustomerId.From("z" + ids[ids.Length - 1 - i]))).ToDictionary(x => x.id, x => x.to);
            CustomerMovement[] movements = s.Movements.Select(m => new CustomerMovement(rename[m.Customer.Value], m.Period, m.Class, m.PreviousValue, m.CurrentValue, m.Segment)).ToArray();
            ExperienceEvent[] events = s.Events.Select(e => e with { Customer = rename[e.Customer.Value] }).ToArray();

            AttributionResult before = Run(s, model);
            AttributionResult after = Run(s, model, movements, events);

            Assert.Equal(string.Join('\n', before.Touchpoints), string.Join('\n', after.Touchpoints));
            Assert.Equal(string.Join('\n', before.Scores), string.Join('\n', after.Scores));
        }, maxTests: 40);
    }

    [Fact]
    public void Shapley_AnyInput_SatisfiesEfficiencyAndTheNullPlayerAxiom()
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            AttributionResult r = Run(s, AttributionModel.Shapley);
            foreach (AttributionDirection direction in new[] { AttributionDirection.Gains, AttributionDirection.Losses })
            {
                (int converting, int all) = PathCounts(s, direction);
                double phi = r.Scores.Where(x => x.Direction == direction).Sum(x => x.Score);
                Assert.Equal(all == 0 ? 0 : (double)converting / all, phi, 9);
                Assert.DoesNotContain(r.Scores, x => x.PlayerId == s.Framework.Touchpoints[^1].Id);
            }
        }, maxTests: 60);
    }

    [Fact]
    public void Shapley_SymmetricPlayers_GetEqualValues()
    {
        Properties.Check(AttributionScenario.Arbitrary(maxTouchpoints: 4), s =>
        {
            // Mirror every customer with t0 and t1 swapped: the two players become interchangeable.
            static string Swap(string t) => t == "t0" ? "t1" : t == "t1" ? "t0" : t;
            CustomerMovement[] movements = [.. s.Movements, .. s.Movements.Select(m => new CustomerMovement(CustomerId.From("m" + m.Customer.Value), m.Period, m.Class, m.PreviousValue, m.CurrentValue, null))];
            ExperienceEvent[] events = [.. s.Events, .. s.Events.Select(e => e with { Customer = CustomerId.From("m" + e.Customer.Value), TouchpointId = Swap(e.TouchpointId) })];

            AttributionResult r = Run(s, AttributionModel.Shapley, movements, events);

            foreach (AttributionDirection direction in new[] { AttributionDirection.Gains, AttributionDirection.Losses })
            {
                PlayerScore? a = r.Scores.SingleOrDefault(x => x.Direction == direction && x.PlayerId == "t0");
                PlayerScore? b = r.Scores.SingleOrDefault(x => x.Direction == direction && x.PlayerId == "t1");
                Assert.Equal(a is null, b is null);
                if (a is not null)
                {
                    Assert.Equal(a.Score, b!.Score, 12);
                }
            }
        }, maxTests: 60);
    }

    [Fact]
    public void Markov_AnyInput_RemovalEffectsAreFractionsAndWeightsSumToOne()
    {
        Properties.Check(AttributionScenario.Arbitrary(), s =>
        {
            AttributionResult r = Run(s, AttributionModel.MarkovChain);
            foreach (IGrouping<AttributionDirection, PlayerScore> direction in r.Scores.GroupBy(x => x.Direction))
            {
                Assert.All(direction, x => Assert.InRange(x.Score, -1e-9, 1 + 1e-9));
                double total = direction.Sum(x => x.Weight);
                Assert.True(total == 0 || Math.Abs(total - 1) < 1e-9, $"weights sum to {total}");
            }
        }, maxTests: 60);
    }

    /// <summary>Converting and all paths with at least one touch, counted the slow way: v(P) of the Shapley game.</summary>
    private static (int Converting, int All) PathCounts(AttributionScenario s, AttributionDirection direction)
    {
        int converting = 0, all = 0;
        var customers = s.Movements.Select(m => m.Customer).Concat(s.Events.Select(e => e.Customer)).Distinct();
        var periods = s.Movements.Select(m => m.Period).Distinct();
        foreach (GridPeriod period in periods)
        {
            NodaTime.Instant end = NodaTime.DateTimeZone.Utc.AtStartOfDay(period.End.PlusDays(1)).ToInstant();
            NodaTime.Instant start = end - NodaTime.Duration.FromDays(90);
            foreach (CustomerId c in customers)
            {
                bool touched = s.Events.Any(e => e.Customer == c && e.At >= start && e.At < end
                    && (direction == AttributionDirection.Gains || e.Outcome == ExperienceOutcome.Unreliable));
                bool moved = s.Movements.Any(m => m.Customer == c && m.Period == period && (direction == AttributionDirection.Gains ? m.IsGain : m.IsLoss));
                if (touched)
                {
                    all++;
                    converting += moved ? 1 : 0;
                }
            }
        }

        return (converting, all);
    }
}
