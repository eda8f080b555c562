using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>FsCheck arbitraries for input records, valid and invalid alike: empty ids, non-ISO dates, XXX and mixed currencies,
/// blank, over-long and unusual segments, out-of-range quantities.</summary>
public static class RecordGenerators
{
    /// <summary>The currency a validator is built with: none (any real currency), USD, EUR, or XXX.</summary>
    public static Arbitrary<Currency?> ValidatorCurrencies() =>
        Arb.From(Gen.Elements<Currency?>(null, Currency.Usd, Currency.Eur, Currency.None));

    /// <summary>Customer ids, often empty (<c>default</c>).</summary>
    public static Arbitrary<CustomerId> Customers() =>
        Arb.From(Gen.Frequency((1, Gen.Constant(default(CustomerId))), (4, PrimitiveGenerators.CustomerIds().Generator)), c => c.IsEmpty ? [] : [default]);

    /// <summary>Dates, mostly ISO, sometimes Julian or Gregorian (which the validators reject).</summary>
    public static Arbitrary<LocalDate> Dates() =>
        Arb.From(
            PrimitiveGenerators.Dates().Generator.SelectMany(
                d => Gen.Frequency((4, Gen.Constant(d)), (1, Gen.Elements(d.WithCalendar(CalendarSystem.Julian), d.WithCalendar(CalendarSystem.Gregorian))))),
            d => d.Calendar == CalendarSystem.Iso ? [] : [d.WithCalendar(CalendarSystem.Iso)]);

    /// <summary>Amounts in USD, EUR, JPY or XXX, of any sign.</summary>
    public static Arbitrary<Money> Amounts() =>
        Arb.Zip(
                Arb.From(Gen.Elements(Currency.Usd, Currency.Eur, Currency.Jpy, Currency.None), c => c == Currency.Usd ? [] : [Currency.Usd]),
                PrimitiveGenerators.MinorUnits())
            .Convert(t => Money.FromMinorUnits(t.Item2, t.Item1), m => (m.Currency, m.MinorUnits));

    /// <summary>Segments: null, blank, 200 and 201 characters, white space padded, random text.</summary>
    public static Arbitrary<string?> Segments() =>
        Arb.From(
            Gen.Frequency(
                (3, Gen.Constant<string?>(null)),
                (3, Gen.Elements<string?>(string.Empty, " ", "\t\n", "plan-a", "EU", " padded ", new string('x', 200), new string('x', 201), new string(' ', 200), "\u00A0")),
                (2, ArbMap.Default.GeneratorFor<string?>()),
                (1, Gen.Choose(190, 210).Select(n => (string?)new string('s', n)))),
            ShrinkSegment);

    /// <summary>Dated money records.</summary>
    public static Arbitrary<AssetRecord> AssetRecords() =>
        Arb.Zip(Arb.Zip(Customers(), Dates()), Arb.Zip(Amounts(), Segments()))
            .Convert(
                t => new AssetRecord(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2),
                r => ((r.Customer, r.Date), (r.Amount, r.Segment)));

    /// <summary>Per-period values, negative ones included.</summary>
    public static Arbitrary<AssetPeriodValue> AssetPeriodValues() =>
        Arb.Zip(Arb.Zip(Customers(), Arb.From(Gen.Choose(-30, 30))), Arb.Zip(Amounts(), Segments()))
            .Convert(
                t => new AssetPeriodValue(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2),
                r => ((r.Customer, r.PeriodIndex), (r.Value, r.Segment)));

    /// <summary>Quantities: small decimals, values near the 64-bit limit at each scale, and extreme decimals.</summary>
    public static Arbitrary<decimal> Quantities() =>
        Arb.From(
            Gen.Frequency(
                (4, ArbMap.Default.GeneratorFor<decimal>()),
                (2, Gen.Elements(0m, 0.5m, 1.5m, -2.5m, 0.005m, 0.015m, 123.456789m, 1e-28m)),
                (2, Gen.Elements(
                    9_223_372_036_854_775_807m, 9_223_372_036_854_775_807.4m, 9_223_372_036_854_775_807.5m, 9_223_372_036_854_775_808m,
                    -9_223_372_036_854_775_808m, -9_223_372_036_854_775_808.5m, -9_223_372_036_854_775_809m,
                    92_233_720_368_547_758.07m, 92_233_720_368_547_758.08m, 9_223_372_036.854775807m, 9_223_372_036.8547758075m)),
                (1, Gen.Elements(decimal.MaxValue, decimal.MinValue, 79_228_162_514_264_337_593_543_950.335m))),
            q => ArbMap.Default.ArbFor<decimal>().Shrinker(q));

    /// <summary>Dated quantity records.</summary>
    public static Arbitrary<QuantityRecord> QuantityRecords() =>
        Arb.Zip(Arb.Zip(Customers(), Dates()), Arb.Zip(Quantities(), Segments()))
            .Convert(
                t => new QuantityRecord(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2),
                r => ((r.Customer, r.Date), (r.Quantity, r.Segment)));

    /// <summary>Measure units of 0 to 9 decimals, money units included.</summary>
    public static Arbitrary<MeasureUnit> Units() =>
        Arb.From(Gen.OneOf(
            Gen.Choose(0, 9).Select(d => MeasureUnit.Quantity("visits", d)),
            Gen.Elements(Currency.Usd, Currency.Jpy, Currency.FromCode("CLF")).Select(MeasureUnit.ForCurrency)));

    private static IEnumerable<string?> ShrinkSegment(string? segment)
    {
        if (segment is null)
        {
            yield break;
        }

        yield return null;
        foreach (string? shorter in ArbMap.Default.ArbFor<string>().Shrinker(segment))
        {
            yield return shorter;
        }
    }
}
