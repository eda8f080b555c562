using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.TestData;

/// <summary>FsCheck generators and arbitraries for the primitives: currencies, amounts, customer ids, dates and period grids.</summary>
/// <remarks>
/// Arbitraries are built from shrinkable parts (with <see cref="Arb.Convert{T, U}"/> or explicit shrinkers), so a failing
/// property reports a small, readable counterexample such as <c>USD 0.01</c> or <c>monthly 2024-01..2024-02</c>.
/// The "Small" variants draw from tiny pools so that equal values occur often, which the equality laws need.
/// </remarks>
public static class PrimitiveGenerators
{
    /// <summary>A few currencies that cover every minor-unit width (0, 2, 3, 4) plus XXX.</summary>
    public static IReadOnlyList<Currency> InterestingCurrencies { get; } =
        [Currency.Usd, Currency.Eur, Currency.Jpy, Currency.FromCode("KWD"), Currency.FromCode("CLF"), Currency.None];

    /// <summary>Any known currency, most often one of <see cref="InterestingCurrencies"/>; shrinks to USD.</summary>
    public static Arbitrary<Currency> Currencies() =>
        Arb.From(Gen.Frequency((3, Gen.Elements<Currency>(InterestingCurrencies)), (1, Gen.Elements<Currency>(Currency.All))), ShrinkCurrency);

    /// <summary>Any real currency (not XXX); shrinks to USD.</summary>
    public static Arbitrary<Currency> RealCurrencies() => Currencies().Filter(c => c != Currency.None);

    /// <summary>One of USD, EUR or XXX: collisions are frequent.</summary>
    public static Arbitrary<Currency> SmallCurrencies() => Arb.From(Gen.Elements(Currency.Usd, Currency.Eur, Currency.None), ShrinkCurrency);

    /// <summary>Minor units: mostly small, often any 64-bit value, sometimes an edge (0, +-1, the extremes and their neighbours).</summary>
    public static Arbitrary<long> MinorUnits() =>
        Arb.From(
            Gen.Frequency(
                (4, Gen.Choose(-1_000_000, 1_000_000).Select(i => (long)i)),
                (3, ArbMap.Default.GeneratorFor<DoNotSize<long>>().Select(d => d.Item)),
                (1, Gen.Elements(long.MinValue, long.MinValue + 1, -1L, 0L, 1L, long.MaxValue - 1, long.MaxValue))),
            ShrinkLong);

    /// <summary>Minor units small enough that sums of a few hundred never overflow.</summary>
    public static Arbitrary<long> ModestMinorUnits() =>
        Arb.From(Gen.Choose(-1_000_000_000, 1_000_000_000).Select(i => (long)i), ShrinkLong);

    /// <summary>Any amount in any currency, edges included.</summary>
    public static Arbitrary<Money> Amounts() =>
        Arb.Zip(Currencies(), MinorUnits()).Convert(t => Money.FromMinorUnits(t.Item2, t.Item1), m => (m.Currency, m.MinorUnits));

    /// <summary>Amounts from a tiny pool (three currencies, -1 to 1 minor units).</summary>
    public static Arbitrary<Money> SmallAmounts() =>
        Arb.Zip(SmallCurrencies(), Arb.From(Gen.Choose(-1, 1).Select(i => (long)i), ShrinkLong))
            .Convert(t => Money.FromMinorUnits(t.Item2, t.Item1), m => (m.Currency, m.MinorUnits));

    /// <summary>Customer ids from varied text: letters of both cases, digits, punctuation, padding white space; never blank.</summary>
    public static Arbitrary<CustomerId> CustomerIds() =>
        Arb.From(
                Gen.Frequency(
                    (3, Gen.Elements("C-1", "c-1", "C-01", "B", "a", "ä", "Z9", "id 7", "id\t7")),
                    (2, Gen.Choose(0, 99_999).Select(i => "C-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                    (2, Gen.ArrayOf(Gen.Elements("a", "A", "b", "B", "0", "-", "_", ".", "é", " "), 6).Select(string.Concat)))
                .SelectMany(core => Gen.Elements(string.Empty, " ", "\t", "  \n"), (core, pad) => pad + core + pad)
                .Where(s => !string.IsNullOrWhiteSpace(s)),
                ShrinkText)
            .Convert(CustomerId.From, id => id.Value);

    /// <summary>Customer ids from a tiny pool (case variants included) plus the empty id.</summary>
    public static Arbitrary<CustomerId> SmallCustomerIds() =>
        Arb.From(Gen.Elements(default, CustomerId.From("a"), CustomerId.From("A"), CustomerId.From(" a ")));

    /// <summary>ISO dates between 1900-01-01 and 2100-12-31; shrinks towards 2024-01-01.</summary>
    public static Arbitrary<LocalDate> Dates() => DatesAround(new LocalDate(2024, 1, 1), 45_000);

    /// <summary>ISO dates within <paramref name="radiusDays"/> days of <paramref name="center"/>; shrinks towards the center.</summary>
    /// <param name="center">The middle date.</param>
    /// <param name="radiusDays">How far the dates may lie from the center.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<LocalDate> DatesAround(LocalDate center, int radiusDays) =>
        Arb.From(Gen.Choose(-radiusDays, radiusDays), ShrinkInt).Convert(center.PlusDays, d => NodaPeriod.Between(center, d, PeriodUnits.Days).Days);

    /// <summary>Specifications of regular grids (daily, weekly on any start day, monthly, quarterly), 1 to 60 periods, 1900 to 2100.</summary>
    public static Arbitrary<GridSpec> RegularGridSpecs() =>
        Arb.From(
            from kind in Gen.Elements(PeriodGridKind.Monthly, PeriodGridKind.Quarterly, PeriodGridKind.Weekly, PeriodGridKind.Daily)
            from weekStart in kind == PeriodGridKind.Weekly
                ? Gen.Frequency((2, Gen.Elements(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday)), (1, Gen.Choose(1, 7).Select(d => (IsoDayOfWeek)d)))
                : Gen.Constant(IsoDayOfWeek.None)
            from offset in Gen.Choose(-45_000, 27_000)
            from count in Gen.Choose(1, 60)
            select new GridSpec(kind, new LocalDate(2024, 1, 1).PlusDays(offset), count, weekStart),
            ShrinkSpec);

    /// <summary>Specifications of custom grids: 1 to 30 contiguous intervals of 1 to 40 days.</summary>
    public static Arbitrary<CustomGridSpec> CustomGridSpecs() =>
        Arb.From(
            from offset in Gen.Choose(-45_000, 27_000)
            from lengths in Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 40), n))
            select new CustomGridSpec(new LocalDate(2024, 1, 1).PlusDays(offset), [.. lengths]),
            ShrinkCustomSpec);

    /// <summary>Grids of every kind from a tiny pool of specifications, so that equal grids (and equal periods) occur often.</summary>
    public static Arbitrary<PeriodGrid> SmallGrids()
    {
        var start = new LocalDate(2024, 1, 1);
        PeriodGrid[] pool =
        [
            PeriodGrid.Monthly(start, start),
            PeriodGrid.Monthly(start.PlusDays(14), start.PlusDays(20)),
            PeriodGrid.Monthly(start, start.PlusMonths(1)),
            PeriodGrid.Quarterly(start, start),
            PeriodGrid.Weekly(start, start.PlusDays(6)),
            PeriodGrid.Weekly(start, start.PlusDays(6), IsoDayOfWeek.Sunday),
            PeriodGrid.Daily(start, start),
            PeriodGrid.Custom([new DateInterval(start, start)]),
            PeriodGrid.Custom([new DateInterval(start, start.PlusDays(30))]),
        ];

        // Build each grid twice so that equal grids are also distinct instances.
        return Arb.From(Gen.Choose(0, pool.Length - 1).Select(i => Rebuild(pool[i])));
    }

    /// <summary>Periods taken from <see cref="SmallGrids"/>.</summary>
    public static Arbitrary<GridPeriod> SmallPeriods() =>
        Arb.From(SmallGrids().Generator.SelectMany(g => Gen.Elements(g.Periods.ToArray())));

    private static PeriodGrid Rebuild(PeriodGrid grid) => grid.Kind switch
    {
        PeriodGridKind.Custom => PeriodGrid.Custom(grid.Periods.Select(p => p.Interval)),
        PeriodGridKind.Monthly => PeriodGrid.Monthly(grid.Start, grid.End),
        PeriodGridKind.Quarterly => PeriodGrid.Quarterly(grid.Start, grid.End),
        PeriodGridKind.Weekly => PeriodGrid.Weekly(grid.Start, grid.End, grid.WeekStart),
        _ => PeriodGrid.Daily(grid.Start, grid.End),
    };

    private static IEnumerable<Currency> ShrinkCurrency(Currency currency) =>
        currency == Currency.Usd ? [] : [Currency.Usd];

    private static IEnumerable<long> ShrinkLong(long value) => ArbMap.Default.ArbFor<long>().Shrinker(value);

    private static IEnumerable<int> ShrinkInt(int value) => ArbMap.Default.ArbFor<int>().Shrinker(value);

    private static IEnumerable<string> ShrinkText(string text) =>
        ArbMap.Default.ArbFor<string>().Shrinker(text).Where(s => s is not null && !string.IsNullOrWhiteSpace(s));

    private static IEnumerable<GridSpec> ShrinkSpec(GridSpec spec)
    {
        foreach (int count in ShrinkInt(spec.Count).Where(c => c >= 1))
        {
            yield return spec with { Count = count };
        }

        var center = new LocalDate(2024, 1, 1);
        foreach (int offset in ShrinkInt(NodaPeriod.Between(center, spec.From, PeriodUnits.Days).Days))
        {
            yield return spec with { From = center.PlusDays(offset) };
        }
    }

    private static IEnumerable<CustomGridSpec> ShrinkCustomSpec(CustomGridSpec spec)
    {
        for (int i = 0; i < spec.Lengths.Length && spec.Lengths.Length > 1; i++)
        {
            yield return spec with { Lengths = [.. spec.Lengths[..i], .. spec.Lengths[(i + 1)..]] };
        }

        for (int i = 0; i < spec.Lengths.Length; i++)
        {
            if (spec.Lengths[i] > 1)
            {
                int[] shorter = [.. spec.Lengths];
                shorter[i] = 1;
                yield return spec with { Lengths = shorter };
            }
        }
    }
}
