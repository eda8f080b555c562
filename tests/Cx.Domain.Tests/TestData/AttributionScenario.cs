using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>A random attribution input: a flat journey of n touchpoints, movements over a three-month grid, and events.</summary>
public sealed class AttributionScenario
{
    public static readonly PeriodGrid Grid = PeriodGrid.Monthly(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));

    private AttributionScenario(int seed, int touchpoints, int customers, int unmet)
    {
        Seed = seed;
        Framework = Journeys.Flat(touchpoints + unmet);
        var random = new Random(seed);
        var movements = new List<CustomerMovement>();
        var events = new List<ExperienceEvent>();
        Instant origin = Instant.FromUtc(2023, 11, 1, 0, 0);
        for (int c = 0; c < customers; c++)
        {
            var id = CustomerId.From("c" + c.ToString("D2", CultureInfo.InvariantCulture));
            for (int p = 0; p < Grid.Count; p++)
            {
                long delta = random.Next(1, 5) == 1 ? random.Next(1, 3) : random.Next(1, 100_000);
                CustomerMovement? m = random.Next(6) switch
                {
                    0 => new CustomerMovement(id, Grid[p], MovementClass.New, 0, delta, null),
                    1 => new CustomerMovement(id, Grid[p], MovementClass.Expansion, 500, 500 + delta, null),
                    2 => new CustomerMovement(id, Grid[p], MovementClass.Contraction, 500 + delta, 500, null),
                    3 => new CustomerMovement(id, Grid[p], MovementClass.Churned, delta, 0, null),
                    4 => new CustomerMovement(id, Grid[p], MovementClass.Flat, 500, 500, null),
                    _ => null,
                };
                if (m is not null)
                {
                    movements.Add(m);
                }
            }

            int count = random.Next(0, 7);
            for (int e = 0; e < count; e++)
            {
                events.Add(new ExperienceEvent(
                    id,
                    "t" + random.Next(touchpoints).ToString(CultureInfo.InvariantCulture),
                    origin + Duration.FromHours(random.Next(0, 24 * 160)),
                    (ExperienceOutcome)random.Next(0, 3)));
            }
        }

        Movements = movements;
        Events = events;
    }

    public int Seed { get; }

    public JourneyFramework Framework { get; }

    public IReadOnlyList<CustomerMovement> Movements { get; }

    public IReadOnlyList<ExperienceEvent> Events { get; }

    /// <summary>Scenarios with 1 to <paramref name="maxTouchpoints"/> met touchpoints (plus one never met) and up to 12 customers.</summary>
    public static Arbitrary<AttributionScenario> Arbitrary(int maxTouchpoints = 6) =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from n in Gen.Choose(1, maxTouchpoints)
            from customers in Gen.Choose(1, 12)
            select new AttributionScenario(seed, n, customers, unmet: 1),
            s => s.Events.Count > 0 || s.Movements.Count > 1 ? [new AttributionScenario(s.Seed, Math.Max(1, s.Framework.Touchpoints.Count - 2), Math.Max(1, s.Movements.Select(m => m.Customer).Distinct().Count() - 1), 1)] : []);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"scenario seed {Seed}, {Framework.Touchpoints.Count} touchpoints, {Movements.Count} movements, {Events.Count} events");
}
