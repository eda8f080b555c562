using Cx.Domain.Assets;

namespace Cx.Domain.Benchmarks;

/// <summary>One workload row as a typical application holds it: an object per row.</summary>
/// <param name="Customer">The customer index.</param>
/// <param name="Period">The period index.</param>
/// <param name="Value">The value in cents.</param>
public readonly record struct PerfRow(int Customer, int Period, long Value);

/// <summary>The bridge of one period as the LINQ baseline computes it.</summary>
/// <param name="Period">The period index.</param>
/// <param name="Opening">The sum of the values of the period before.</param>
/// <param name="Closing">The sum of the values of the period.</param>
/// <param name="Classes">Customers and value delta of each movement class.</param>
public sealed record LinqPeriodMovement(int Period, long Opening, long Closing, IReadOnlyDictionary<MovementClass, (long Count, long Value)> Classes);

/// <summary>The baseline of the asset benchmarks: the movement bridge written the way a typical developer would, with
/// LINQ <c>GroupBy</c> and dictionaries (the definitions of DESIGN.md, "Customer asset movement").</summary>
/// <remarks>Group the rows by period into customer-to-value dictionaries, then walk the periods comparing each with the
/// one before, remembering who was ever active to tell new from reactivated.</remarks>
public static class LinqAssetMovements
{
    private static readonly MovementClass[] AllClasses =
        [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Flat, MovementClass.Churned];

    /// <summary>Computes the bridge of every period 0 to <paramref name="periodCount"/> - 1.</summary>
    /// <param name="rows">One row per customer and active period, in any order.</param>
    /// <param name="periodCount">The number of periods.</param>
    /// <returns>The bridge of each period, in order.</returns>
    public static List<LinqPeriodMovement> Compute(IEnumerable<PerfRow> rows, int periodCount)
    {
        Dictionary<int, Dictionary<int, long>> valuesByPeriod = rows
            .GroupBy(r => r.Period)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Customer, r => r.Value));

        var everActive = new HashSet<int>();
        var none = new Dictionary<int, long>();
        var result = new List<LinqPeriodMovement>();
        for (int p = 0; p < periodCount; p++)
        {
            Dictionary<int, long> current = valuesByPeriod.GetValueOrDefault(p, none);
            Dictionary<int, long> previous = p > 0 ? valuesByPeriod.GetValueOrDefault(p - 1, none) : none;
            Dictionary<MovementClass, (long Count, long Value)> classes = AllClasses.ToDictionary(c => c, _ => (0L, 0L));

            foreach ((int customer, long value) in current)
            {
                MovementClass movement;
                long delta;
                if (previous.TryGetValue(customer, out long before))
                {
                    movement = value > before ? MovementClass.Expansion : value < before ? MovementClass.Contraction : MovementClass.Flat;
                    delta = value - before;
                }
                else
                {
                    movement = everActive.Contains(customer) ? MovementClass.Reactivated : MovementClass.New;
                    delta = value;
                }

                (long count, long sum) = classes[movement];
                classes[movement] = (count + 1, sum + delta);
            }

            foreach ((_, long before) in previous.Where(kv => !current.ContainsKey(kv.Key)))
            {
                (long count, long sum) = classes[MovementClass.Churned];
                classes[MovementClass.Churned] = (count + 1, sum - before);
            }

            everActive.UnionWith(current.Keys);
            result.Add(new LinqPeriodMovement(p, previous.Values.Sum(), current.Values.Sum(), classes));
        }

        return result;
    }
}
