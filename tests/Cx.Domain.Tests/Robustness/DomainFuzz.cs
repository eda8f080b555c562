using System.Globalization;
using System.Reflection;
using System.Text;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.DependencyInjection;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static Cx.Domain.Tests.Robustness.FuzzValues;
using Interval = NodaTime.Interval;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Tests.Robustness;

/// <summary>The fuzz module of the modules on main: Primitives, Assets, Journey, Attribution, Reliability, Samples,
/// Validation and DependencyInjection (generators of their types, laws of their results, hand-written targets).</summary>
public sealed class DomainFuzz : IFuzzModule
{
    internal static readonly Lazy<SampleCompany> Company = new(() => SampleCompany.Generate(new SampleCompanyOptions { Seed = 7, CustomerCount = 40, MonthCount = 8 }));

    private static readonly Lazy<SampleCompany> LateCompany = new(() => SampleCompany.Generate(new SampleCompanyOptions { Seed = 8, CustomerCount = 20, MonthCount = 6, FirstMonth = new YearMonth(9998, 7) }));

    private static readonly Lazy<AssetLedger[]> LedgerPool = new(BuildLedgers);

    private static readonly Lazy<(AttributionStatistics Statistics, FittedAttribution Fit, AttributionPartial Partial)[]> TwoPhase = new(() =>
    {
        SampleCompany company = Company.Value;
        AssetLedger ledger = company.RevenueLedger();
        var calculator = new JourneyAttributionCalculator();
        var built = new List<(AttributionStatistics, FittedAttribution, AttributionPartial)>();
        foreach (AttributionModel model in Enum.GetValues<AttributionModel>().Where(m => m is >= AttributionModel.FirstTouch and <= AttributionModel.Shapley))
        {
            AttributionStatistics statistics = calculator.Count(company.Journey, ledger, company.ExperienceEvents, new AttributionOptions { Model = model });
            FittedAttribution fit = calculator.Fit(statistics);
            built.Add((statistics, fit, calculator.Allocate(fit, ledger, company.ExperienceEvents)));
        }

        return [.. built];
    });

    public void Register(FuzzRegistry registry)
    {
        FuzzRegistry r = registry;
        FuzzValues v = r.Values;
        RegisterPrimitives(r, v);
        RegisterAssets(r, v);
        RegisterJourney(r, v);
        RegisterAttribution(r, v);
        RegisterReliability(r, v);
        RegisterEarlyWarnings(r, v);
        RegisterScenarios(r, v);
        RegisterSamplesAndServices(r, v);
    }

    // ---- Primitives ----

    private static readonly Gen<Currency> Currencies = Gen.Frequency(
        (4, Gen.Elements(Currency.Usd, Currency.Eur, Currency.Jpy, Currency.FromCode("KWD"), Currency.FromCode("CLF"))),
        (1, Gen.Elements(Currency.None)),
        (1, Gen.Elements<Currency>(Currency.All)));

    private static readonly Gen<Money> Amounts = from c in Currencies from u in Longs select Money.FromMinorUnits(u, c);

    private static readonly Gen<CustomerId> Customers = Gen.Frequency(
        (6, Gen.Elements("A", "B", "C", "D", "E", "C-1").Select(CustomerId.From)),
        (1, Gen.Constant(default(CustomerId))),
        (1, Gen.Elements("\u001b[2J", "\uD800", "=cmd", "a\nb", new string('z', 500)).Select(CustomerId.From)));

    private static readonly Gen<PeriodGrid> Grids = Gen.Frequency(
        (6, from kind in Gen.Choose(0, 3)
            from start in Gen.Choose(-400, 400)
            from length in Gen.Choose(0, 400)
            let first = new LocalDate(2024, 1, 1).PlusDays(start)
            let last = first.PlusDays(kind == 0 ? length / 10 : length)
            select kind switch
            {
                0 => PeriodGrid.Daily(first, last),
                1 => PeriodGrid.Weekly(first, last, (IsoDayOfWeek)((length % 7) + 1)),
                2 => PeriodGrid.Monthly(first, last),
                _ => PeriodGrid.Quarterly(first, last),
            }),
        (2, Gen.Elements(
            PeriodGrid.Monthly(new YearMonth(9998, 1), new YearMonth(9998, 12)),
            PeriodGrid.Monthly(new YearMonth(1, 1), new YearMonth(1, 6)),
            PeriodGrid.Quarterly(new LocalDate(9990, 1, 1), new LocalDate(9998, 12, 31)),
            PeriodGrid.Weekly(new LocalDate(1, 1, 1), new LocalDate(1, 3, 1)),
            PeriodGrid.Daily(new LocalDate(9998, 12, 1), new LocalDate(9998, 12, 31)),
            PeriodGrid.Custom([new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 10)), new DateInterval(new LocalDate(2024, 1, 11), new LocalDate(2024, 3, 31))]),
            PeriodGrid.Custom([new DateInterval(new LocalDate(1, 1, 1), new LocalDate(9998, 12, 31))]))),
        (1, Gen.Constant(PeriodGrid.Daily(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 1).PlusDays(PeriodGrid.MaxPeriodCount - 1)))));

    private static void RegisterPrimitives(FuzzRegistry r, FuzzValues v)
    {
        v.Add(Currencies);
        v.Add(Amounts);
        v.Add(Customers);
        v.Add(Grids);
        v.Add(from g in Grids from i in Gen.Choose(0, 1000) select g[i % g.Count]);
        v.Add(Gen.Elements(DateInterval(2024, 1, 1, 2024, 1, 31), DateInterval(1, 1, 1, 9998, 12, 31), new DateInterval(LocalDate.MinIsoValue, LocalDate.MaxIsoValue), DateInterval(9998, 1, 1, 9999, 12, 31), DateInterval(2024, 2, 1, 2024, 2, 29)));
        v.ForParameter(p => p.Member.DeclaringType == typeof(Currency) && p.Name == "code", Gen.Frequency((3, Gen.Elements<string?>("USD", "usd", " EUR ", "XXX", "JPY", "KWD", "ZZZ", "US", "USDD")), (1, Strings)).Select(x => (object?)x));
        v.ForParameter(p => p.Member.DeclaringType == typeof(PeriodGrid) && p.Name == "intervals", Gen.Frequency(
            (3, from n in Gen.Choose(1, 5) from days in Gen.Choose(0, 40).ArrayOf(n) select (object?)Contiguous(new LocalDate(2024, 1, 1), days)),
            (1, from start in Dates from days in Gen.Choose(0, 400).ArrayOf(3) select (object?)TryContiguous(start, days)),
            (1, DateIntervals.ArrayOf(3).Select(a => (object?)a)),
            (1, Gen.Constant<object?>(Enumerable.Range(0, PeriodGrid.MaxPeriodCount + 1).Select(i => new DateInterval(new LocalDate(1800, 1, 1).PlusDays(i), new LocalDate(1800, 1, 1).PlusDays(i))).ToArray()))));

        MethodInfo sum = typeof(Money).GetMethod(nameof(Money.Sum))!;
        r.Law(sum, (a, result) =>
        {
            var amounts = ((IEnumerable<Money>)a[0]!).ToArray();
            Int128 exact = amounts.Aggregate(Int128.Zero, (t, m) => t + m.MinorUnits);
            Law(((Money)result!).MinorUnits == exact, $"Money.Sum gave {result}, the exact sum is {exact}");
        });
        foreach (MethodInfo factory in typeof(PeriodGrid).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(PeriodGrid)))
        {
            r.Law(factory, (_, result) => GridLaws((PeriodGrid)result!));
        }

        r.Law(typeof(CustomerId).GetMethod(nameof(CustomerId.From))!, (a, result) => Law(((CustomerId)result!).Value == ((string)a[0]!).Trim(), "CustomerId.From changed the id beyond trimming it"));
        r.Law(typeof(Currency).GetMethod(nameof(Currency.FromCode))!, (_, result) => Law(Currency.FromCode(((Currency)result!).Code) == (Currency)result!, "currency code does not round-trip"));
        r.Law(typeof(Money).GetMethod(nameof(Money.FromDecimal))!, (a, result) =>
        {
            var m = (Money)result!;
            Law(Money.FromDecimal(m.ToDecimal(), m.Currency) == m, $"{m} does not round-trip through decimal");
        });
    }

    private static void GridLaws(PeriodGrid grid)
    {
        Law(grid.Count is > 0 and <= PeriodGrid.MaxPeriodCount, $"grid of {grid.Count} periods");
        Law(SupportedRange.Contains(grid.Start) && SupportedRange.Contains(grid.End), $"grid {grid} outside the supported range");
        for (int i = 0; i < grid.Count; i += Math.Max(1, grid.Count / 50))
        {
            GridPeriod p = grid[i];
            Law(p.Index == i && grid.IndexOf(p.Start) == i && grid.IndexOf(p.End) == i && grid.LabelAt(i) == p.Label, $"period {i} of {grid} is not where it says");
            Law(i == 0 || grid[i - 1].End.PlusDays(1) == p.Start, $"periods {i - 1} and {i} of {grid} are not contiguous");
        }

        _ = grid.LabelAt(int.MinValue) + grid.LabelAt(int.MaxValue) + grid.LabelAt(-1) + grid.LabelAt(grid.Count);
    }

    // ---- Assets ----

    private static readonly Gen<string?> Segments = Gen.Frequency((4, Gen.Elements<string?>(null, "basic", "pro", "enterprise")), (1, Strings));

    private static readonly Gen<AssetRecord> Records = Gen.Frequency(
        (5, from c in Gen.Elements("A", "B", "C", "D").Select(CustomerId.From)
            from d in Gen.Choose(-100, 500).Select(i => new LocalDate(2024, 1, 1).PlusDays(i))
            from u in Gen.Frequency((5, Gen.Choose(-100, 100_000).Select(i => (long)i)), (1, Longs))
            from s in Segments
            select new AssetRecord(c, d, Money.FromMinorUnits(u, Currency.Usd), s)),
        (2, from c in Customers from d in Dates from m in Amounts from s in Segments select new AssetRecord(c, d, m, s)));

    private static void RegisterAssets(FuzzRegistry r, FuzzValues v)
    {
        v.Add(Records);
        v.Add(from c in Customers from d in Dates from q in Decimals from s in Segments select new QuantityRecord(c, d, q, s));
        v.Add(Gen.Frequency(
            (4, from c in Gen.Elements("A", "B", "C").Select(CustomerId.From) from i in Gen.Choose(-6, 12) from u in Gen.Choose(0, 10_000) from s in Segments select new AssetPeriodValue(c, i, Money.FromMinorUnits(u, Currency.Usd), s)),
            (1, from c in Customers from i in Ints from m in Amounts from s in Segments select new AssetPeriodValue(c, i, m, s))));
        v.Add(from c in Gen.Frequency((3, Gen.Constant<Currency?>(null)), (2, Currencies.Select(x => (Currency?)x)))
              from n in Gen.Elements(NegativeValuePolicy.Reject, NegativeValuePolicy.FloorAtZero, (NegativeValuePolicy)0, (NegativeValuePolicy)99)
              from a in Gen.Elements(AfterGridPolicy.Reject, AfterGridPolicy.Exclude, (AfterGridPolicy)0, (AfterGridPolicy)(-3))
              select new AssetLedgerOptions { Currency = c, NegativeValues = n, AfterGrid = a });
        v.Add(Ints.Select(w => new AssetMovementOptions { ActivityWindow = w }));
        v.Add(Gen.Elements(MeasureUnit.ForCurrency(Currency.Usd), MeasureUnit.ForCurrency(Currency.Jpy), MeasureUnit.ForCurrency(Currency.FromCode("CLF")), MeasureUnit.Quantity("visits"), MeasureUnit.Quantity("kWh", 3)));
        v.Add(Gen.Frequency((3, Gen.Elements(LedgerPool.Value)), (2, Records.ArrayOf().Select(TryLedger))));
        // Columns as file readers give them (interned records), and hostile ones: indexes out of range or at the int
        // extremes, columns of different lengths, repeated or empty ids, dates at NodaTime's ends.
        v.Add(Gen.Frequency(
            (3, Records.ArrayOf().Select(rs => AssetColumns.FromRecords([.. rs.Where(x => x.Amount.Currency == Currency.Usd)], Currency.Usd))),
            (2, from ids in Customers.ArrayOf()
                from n in Gen.Choose(0, 8)
                from c in Gen.Frequency((5, Gen.Choose(0, 3)), (1, Ints)).ArrayOf(n)
                from d in Gen.Frequency((5, Gen.Choose(-40, 400).Select(i => new LocalDate(2024, 1, 1).PlusDays(i))), (1, Dates)).ArrayOf(n)
                from u in Gen.Frequency((5, Gen.Choose(-100, 100_000).Select(i => (long)i)), (1, Longs)).ArrayOf(n)
                from segs in Gen.Elements<string[]?>(null, [], ["basic", "pro"], ["basic", "basic"], [""])
                from si in Gen.Frequency((5, Gen.Choose(-1, 1)), (1, Ints)).ArrayOf(n)
                from cut in Gen.Elements(0, 0, 0, 0, 1, 2, 3)
                from cur in Currencies
                select new AssetColumns(cur, ids, c, d.AsMemory(0, cut == 1 ? Math.Max(0, n - 1) : n), u.AsMemory(0, cut == 2 ? Math.Max(0, n - 1) : n), segs, (segs == null ? default : si.AsMemory(0, cut == 3 ? Math.Max(0, n - 1) : n))))));
        v.Add(Gen.Elements(new AssetMovementCalculator(), new AssetMovementCalculator(new AssetMovementOptions { ActivityWindow = 12 })));
        v.Add(Gen.Constant(new RetentionCalculator()));
        v.Add(Gen.Constant(new CohortCalculator()));
        v.Add(from l in Gen.Elements(LedgerPool.Value) from w in Gen.Elements(1, 3, 1000) select TryPartial(l, w));
        v.Add(from l in Gen.Elements(LedgerPool.Value) select TryReport(l));
        v.Add(from l in Gen.Elements(LedgerPool.Value) from i in Gen.Choose(0, 1000) select TryReport(l) is { } rep ? rep.Periods[i % rep.Periods.Count] : null);
        v.Add(from l in Gen.Elements(LedgerPool.Value) from i in Gen.Choose(0, 1000) select TryCohorts(l) is { } m && m.Rows.Count > 0 ? m.Rows[i % m.Rows.Count] : null);
        v.Add(from c in Longs from value in Longs select new MovementTotal(c, value));
        v.Add(from age in Ints from g in Grids from n in Longs from value in Longs select new CohortCell(age, g[0], n, value));
        v.Add(from name in Segments from l in Gen.Elements(LedgerPool.Value) select TryReport(l) is { } rep ? new SegmentBridge(name, [.. rep.Periods.Select(p => new SegmentPeriodMovement(p.Period, p.Opening, p.Closing, p.New, p.Reactivated, p.Expansion, p.Contraction, p.Flat, p.Churned, 0))]) : new SegmentBridge(name, []));
        v.Add(from g in Grids from t in Longs.ArrayOf(2) from m in Longs.ArrayOf(12) select new SegmentPeriodMovement(g[0], t[0], t[1], new(m[0], m[1]), new(m[2], m[3]), new(m[4], m[5]), new(m[6], m[7]), new(m[8], m[9]), new(m[10], m[11]), t[0]));
        v.Add(from c in Customers from g in Grids from cls in Gen.Elements(Enum.GetValues<MovementClass>()) from p in Longs from q in Longs from s in Segments select new CustomerMovement(c, g[0], cls, Math.Max(0, p), Math.Max(0, q), s));
        v.Add(from g in Grids from u in Gen.Elements(MeasureUnit.ForCurrency(Currency.Usd), MeasureUnit.Quantity("visits")) from h in Gen.Frequency((4, Gen.Choose(0, 5)), (1, Ints)) from w in Gen.Frequency((4, Gen.Choose(1, 3)), (1, Ints))
              select TryLayout(g, u, h, w));

        MethodInfo calculate = typeof(AssetMovementCalculator).GetMethod(nameof(AssetMovementCalculator.Calculate))!;
        r.Law(calculate, (a, result) => BridgeLaws((AssetLedger)a[0]!, (AssetMovementReport)result!));
        r.Law(typeof(AssetMovementCalculator).GetMethod(nameof(AssetMovementCalculator.BySegment))!, (a, result) =>
        {
            var ledger = (AssetLedger)a[0]!;
            var segments = (SegmentMovementReport)result!;
            AssetMovementReport total = new AssetMovementCalculator().Calculate(ledger);
            for (int t = 0; t < total.Periods.Count; t += Math.Max(1, total.Periods.Count / 20))
            {
                Law(segments.Segments.Aggregate(Int128.Zero, (sum, s) => sum + s.Periods[t].Closing) == total.Periods[t].Closing, $"segment closings of period {t} do not add up to the total");
                Law(segments.Segments.All(s => s.Periods[t].Reconciles()), $"a segment bridge of period {t} does not reconcile");
            }
        });
        r.Law(typeof(AssetMovementCalculator).GetMethod(nameof(AssetMovementCalculator.CustomerMovements))!, (a, result) =>
        {
            var ledger = (AssetLedger)a[0]!;
            var moves = (IReadOnlyList<CustomerMovement>)result!;
            AssetMovementReport total = new AssetMovementCalculator().Calculate(ledger);
            foreach (IGrouping<int, CustomerMovement> period in moves.GroupBy(m => m.Period.Index))
            {
                Law(period.Where(m => m.Class == MovementClass.New).Aggregate(Int128.Zero, (sum, m) => sum + m.CurrentValue) == total.Periods[period.Key].New.Value, $"new customers of period {period.Key} do not add up");
            }
        });
        r.Law(typeof(RetentionCalculator).GetMethod(nameof(RetentionCalculator.PeriodMetrics))!, (_, result) =>
        {
            foreach (PeriodRetention p in (IReadOnlyList<PeriodRetention>)result!)
            {
                Law(p.GrossRevenueRetentionFraction is null || (p.GrossRevenueRetentionFraction >= 0 && p.GrossRevenueRetentionFraction <= 1), $"GRR {p.GrossRevenueRetentionFraction} outside [0, 1]");
                Law(p.NetRevenueRetentionFraction is null || (p.NetRevenueRetentionFraction >= 0 && double.IsFinite(p.NetRevenueRetentionFraction.Value)), $"NRR {p.NetRevenueRetentionFraction}");
            }
        });
        r.Law(typeof(RetentionCalculator).GetMethod(nameof(RetentionCalculator.CohortMetrics))!, (_, result) =>
        {
            foreach (CohortRetention c in (IReadOnlyList<CohortRetention>)result!)
            {
                Law(c.RetainedCustomerCount <= c.BaseCustomerCount && c.GrossRetainedValue <= c.BaseValue && c.GrossRetainedValue <= c.RetainedValue, $"retention of {c.Period} exceeds its base");
            }
        });
        r.Law(typeof(AssetLedger).GetMethod(nameof(AssetLedger.FromColumns))!, (a, result) =>
        {
            // The columnar path gives the ledger of the record path on the same rows.
            var columns = (AssetColumns)a[0]!;
            var ledger = (AssetLedger)result!;
            AssetRecord[] records = [.. Enumerable.Range(0, columns.RowCount).Select(i => new AssetRecord(
                columns.Customers[columns.CustomerIndex.Span[i]], columns.Date.Span[i], Money.FromMinorUnits(columns.AmountInMinorUnits.Span[i], columns.Currency),
                columns.SegmentIndex.IsEmpty || columns.SegmentIndex.Span[i] < 0 ? null : columns.Segments[columns.SegmentIndex.Span[i]]))];
            AssetLedger byRecords = AssetLedger.FromRecords(records, (PeriodGrid)a[1]!, (AssetLedgerOptions?)a[2]);
            Law(byRecords.CustomerCount == ledger.CustomerCount && byRecords.ExcludedRecordCount == ledger.ExcludedRecordCount, $"columns give {ledger.CustomerCount} customers, records {byRecords.CustomerCount}");
            foreach (CustomerId customer in ledger.Customers.Take(50))
            {
                for (int t = 0; t < ledger.Grid.Count; t += Math.Max(1, ledger.Grid.Count / 20))
                {
                    Law(ledger.ValueOf(customer, t) == byRecords.ValueOf(customer, t), $"{customer} in period {t}: columns {ledger.ValueOf(customer, t)}, records {byRecords.ValueOf(customer, t)}");
                }
            }
        });
        foreach (MethodInfo build in typeof(AssetLedger).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            r.Law(build, (_, result) =>
            {
                var ledger = (AssetLedger)result!;
                BridgeLaws(ledger, new AssetMovementCalculator().Calculate(ledger), allowOverflow: true);
            });
        }

        r.Target(new FuzzTarget(
            typeof(ColumnarAssetEngine).GetMethod(nameof(ColumnarAssetEngine.Compute))!,
            from layout in Gen.Elements(new ColumnarAssetLayout(PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 6)), MeasureUnit.ForCurrency(Currency.Usd), 2, 1), new ColumnarAssetLayout(PeriodGrid.Monthly(new YearMonth(9998, 1), new YearMonth(9998, 12)), MeasureUnit.Quantity("x"), 0, 3))
            from n in Gen.Choose(0, 12)
            from c in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Ints)).ArrayOf(n)
            from p in Gen.Frequency((4, Gen.Choose(0, 7)), (1, Ints)).ArrayOf(n)
            from u in Gen.Frequency((4, Gen.Choose(0, 1000).Select(i => (long)i)), (1, Longs)).ArrayOf(n)
            from cut in Gen.Elements(0, 0, 0, 1)
            select new FuzzCase($"Compute({layout.Grid}, customers [{string.Join(", ", c)}], periods [{string.Join(", ", p)}], values [{string.Join(", ", u)}], cut {cut})",
                () => ColumnarAssetEngine.Compute(layout, c, p.AsSpan(0, Math.Max(0, p.Length - cut)), u).ToReport(),
                result => Law(((AssetMovementReport)result!).Periods.All(x => x.Reconciles()), "columnar bridge does not reconcile"))));
    }

    private static void BridgeLaws(AssetLedger ledger, AssetMovementReport report, bool allowOverflow = false)
    {
        _ = allowOverflow;
        for (int t = 0; t < report.Periods.Count; t++)
        {
            PeriodMovement p = report.Periods[t];
            Law(p.Reconciles(), $"period {p.Period} does not reconcile");
            if (t > 0)
            {
                Law(report.Periods[t - 1].Closing == p.Opening, $"period {p.Period} opens at {p.Opening}, the previous closed at {report.Periods[t - 1].Closing}");
            }

            if (ledger.CustomerCount <= 50)
            {
                Int128 direct = ledger.Customers.Aggregate(Int128.Zero, (sum, c) => sum + ledger.ValueOf(c, t));
                Law(direct == p.Closing, $"period {p.Period} closes at {p.Closing}, its customers' values add up to {direct}");
            }
        }
    }

    // ---- Journey ----

    private static readonly string[] TouchpointIds = ["web", "dealer", "proposal", "repair", "check-in"];

    private static void RegisterJourney(FuzzRegistry r, FuzzValues v)
    {
        v.Add(Gen.Elements(Journeys.Small(), Journeys.Flat(1), Journeys.Flat(16), Company.Value.Journey));
        v.Add(from id in Gen.Frequency((3, Gen.Elements<string?>("research", "purchase")), (1, Strings)) from name in Strings from pos in Ints from d in Strings select new JourneyStage(id!, name!, pos, d));
        v.Add(from name in Strings from stages in Gen.Elements(Journeys.Stages(), [], Journeys.Stages().Reverse().ToArray()) from tps in Gen.Elements(Journeys.Touchpoints(), [], Journeys.Touchpoints().Take(2).ToArray())
              select new JourneyFrameworkDefinition(name!, stages, tps));
        v.Add(from id in Gen.Frequency((3, Gen.Elements<string?>(TouchpointIds)), (1, Strings)) from stage in Gen.Elements<string?>("research", "purchase", "nowhere", null) from cat in Gen.Elements(Enum.GetValues<TouchpointCategory>())
              from owner in Strings from mot in Gen.Elements(true, false) select new Touchpoint(id!, "Touchpoint", stage!, cat, owner!, mot));
        v.Add(from c in Gen.Frequency((4, Gen.Elements("A", "B", "C").Select(CustomerId.From)), (1, Customers))
              from tp in Gen.Frequency((4, Gen.Elements<string?>(TouchpointIds)), (1, Strings))
              from at in Gen.Frequency((4, Gen.Choose(-200, 600).Select(d => Instant.FromUtc(2024, 1, 1, 12, 0) + Duration.FromDays(d))), (1, Instants))
              from o in Gen.Elements(Enum.GetValues<ExperienceOutcome>().Append((ExperienceOutcome)77).ToArray())
              from ch in Gen.Elements<string?>(null, "web", " ", "\u001b")
              select new ExperienceEvent(c, tp!, at, o, ch));
        Gen<object?> journeyJson = Mutated([JourneyJson.Write(Journeys.Small()), JourneyJson.Write(Company.Value.Journey)]);
        v.ForParameter(p => p.Member.DeclaringType == typeof(JourneyJson) && p.Name == "json", journeyJson);
        v.ForParameter(p => p.Member.DeclaringType == typeof(JourneyJson) && p.ParameterType == typeof(Stream), AsStreams(journeyJson));
        r.Law(typeof(JourneyJson).GetMethod(nameof(JourneyJson.Parse))!, (_, result) =>
        {
            var framework = (JourneyFramework)result!;
            JourneyFramework back = JourneyJson.Parse(JourneyJson.Write(framework));
            Law(back.Name == framework.Name && back.Stages.SequenceEqual(framework.Stages) && back.Touchpoints.SequenceEqual(framework.Touchpoints), "journey JSON does not round-trip");
        });
    }

    // ---- Attribution ----

    private static void RegisterAttribution(FuzzRegistry r, FuzzValues v)
    {
        v.Add(from m in Gen.Elements(Enum.GetValues<AttributionModel>().Append((AttributionModel)42).ToArray())
              from look in Periods
              from half in Durations
              from zone in Gen.Frequency((5, Zones), (1, Gen.Constant<DateTimeZone>(null!)))
              from first in Doubles
              from last in Doubles
              from dir in Gen.Elements<IReadOnlyCollection<MovementClass>>([MovementClass.New], [MovementClass.Churned, MovementClass.Contraction], [], [MovementClass.Flat], null!, [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Churned])
              from filter in Gen.Elements(TouchFilter.All, TouchFilter.UnreliableOnly, (TouchFilter)9)
              from players in Gen.Elements(ShapleyPlayers.Stages, ShapleyPlayers.Touchpoints, (ShapleyPlayers)0)
              from credits in Gen.Elements(true, false)
              select new AttributionOptions { Model = m, Lookback = look, HalfLife = half, TimeZone = zone, FirstTouchShare = first, LastTouchShare = last, Movements = dir, GainTouches = filter, LossTouches = filter, ShapleyPlayers = players, IncludeMovementCredits = credits });
        v.Add(Gen.Elements(new JourneyAttributionCalculator(), new JourneyAttributionCalculator([new NanModel()]), new JourneyAttributionCalculator([.. JourneyAttributionCalculator.BuiltInModels.Skip(1)])));
        // The two-phase API: statistics, fits and partials of the sample company under every built-in model.
        v.Add(Gen.Elements(TwoPhase.Value.Select(t => t.Statistics).ToArray()));
        v.Add(Gen.Elements(TwoPhase.Value.Select(t => t.Fit).ToArray()));
        v.Add(Gen.Elements(TwoPhase.Value.Select(t => t.Partial).ToArray()));
        v.Add(Gen.Elements<IAttributionModel>([.. JourneyAttributionCalculator.BuiltInModels, new NanModel()]));
        v.Add(from customers in Gen.Elements("A", "B", "C").Select(CustomerId.From).ArrayOf(3)
              from n in Gen.Choose(0, 8)
              from ec in Gen.Frequency((4, Gen.Choose(0, 2)), (1, Ints)).ArrayOf(n)
              from et in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Ints)).ArrayOf(n)
              from ticks in Gen.Frequency((4, Gen.Choose(-300, 300).Select(d => (Instant.FromUtc(2024, 6, 1, 0, 0) + Duration.FromDays(d)).ToUnixTimeTicks())), (1, Longs)).ArrayOf(n)
              from o in Gen.Elements(ExperienceOutcome.Reliable, ExperienceOutcome.Unreliable, (ExperienceOutcome)9).ArrayOf(n)
              select TryColumns(customers, ec, et, ticks, o));
        v.Add(Gen.Elements(AttributionDirection.Gains, AttributionDirection.Losses, (AttributionDirection)0, (AttributionDirection)9));
        r.Law(typeof(JourneyAttributionCalculator).GetMethod(nameof(JourneyAttributionCalculator.Calculate), [typeof(JourneyFramework), typeof(AssetLedger), typeof(IEnumerable<ExperienceEvent>), typeof(AttributionOptions)])!, (a, result) =>
        {
            var ledger = (AssetLedger)a[1]!;
            var attribution = (AttributionResult)result!;
            var options = (AttributionOptions?)a[3] ?? new AttributionOptions();
            Int128 gains = new AssetMovementCalculator().CustomerMovements(ledger).Where(m => m.IsGain && options.Movements.Contains(m.Class)).Aggregate(Int128.Zero, (s, m) => s + m.CurrentValue - m.PreviousValue);
            Law(attribution.EarnedValue == gains, $"earned {attribution.EarnedValue} (touchpoints and unattributed) but the gains add up to {gains}");
            Law(attribution.Stages.Aggregate(Int128.Zero, (sum, st) => sum + st.EarnedValue) + attribution.Unattributed.EarnedValue == attribution.EarnedValue, "stage credits do not add up");
        });

        // The path set and the fits exist only inside a calculation: a probe model reads them there.
        foreach (MemberInfo member in typeof(AttributionPathSet).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName)
            .Concat<MemberInfo>(JourneyAttributionCalculator.BuiltInModels.Select(m => m.GetType().GetMethod(nameof(IAttributionModel.Fit))!))
            .Append(typeof(AttributionModelFit).GetMethod(nameof(AttributionModelFit.Weigh))!))
        {
            r.Target(new FuzzTarget(member, ProbeCases(member)));
        }
    }

    private static Gen<FuzzCase> ProbeCases(MemberInfo member) =>
        from model in Gen.Elements(JourneyAttributionCalculator.BuiltInModels.ToArray())
        from index in Ints
        from age in Longs
        from options in Gen.Elements(new AttributionOptions(), new AttributionOptions { HalfLife = Duration.Epsilon }, new AttributionOptions { HalfLife = Duration.MaxValue }, new AttributionOptions { FirstTouchShare = 1, LastTouchShare = 0 })
        select new FuzzCase(
            $"{member.Name} in a {model.Kind} calculation, path {index}, age {age}, {options.HalfLife}",
            () =>
            {
                var probe = new ProbeModel(model, member, index, age, options);
                SampleCompany company = Company.Value;
                return new JourneyAttributionCalculator([probe]).Calculate(company.Journey, company.RevenueLedger(), company.ExperienceEvents, new AttributionOptions { Model = model.Kind });
            });

    /// <summary>Runs a built-in model and, inside its calculation, pokes the member under test with extreme arguments.</summary>
    private sealed class ProbeModel(IAttributionModel inner, MemberInfo member, int index, long age, AttributionOptions options) : IAttributionModel
    {
        public AttributionModel Kind => inner.Kind;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions calculationOptions)
        {
            switch (member.Name)
            {
                case nameof(AttributionPathSet.IsConverting):
                    _ = paths.IsConverting(index);
                    break;
                case nameof(AttributionPathSet.Touchpoints):
                    _ = paths.Touchpoints(index).Length;
                    break;
                case nameof(AttributionPathSet.AgeTicks):
                    _ = paths.AgeTicks(index).Length;
                    break;
                case nameof(IAttributionModel.Fit) when member.DeclaringType == inner.GetType():
                    _ = inner.Fit(paths, options);
                    break;
            }

            AttributionModelFit fit = inner.Fit(paths, calculationOptions);
            if (member.Name == nameof(AttributionModelFit.Weigh) && paths.PathCount > 0)
            {
                int path = (int)((uint)index % (uint)paths.PathCount);
                int[] touchpoints = paths.Touchpoints(path).ToArray();
                long[] ages = [.. paths.AgeTicks(path).ToArray().Select((a, i) => i == 0 ? age : a)];
                double[] weights = new double[touchpoints.Length];
                fit.Weigh(touchpoints, ages, weights);
                Law(weights.All(w => double.IsFinite(w) && w >= 0), $"{inner.Kind} weighs [{string.Join(", ", weights)}] for ages [{string.Join(", ", ages)}]");
            }

            return fit;
        }
    }

    /// <summary>A custom model whose weights are NaN: the calculator must refuse them with its documented exception.</summary>
    private sealed class NanModel : IAttributionModel
    {
        public AttributionModel Kind => AttributionModel.Linear;

        public AttributionModelFit Fit(AttributionPathSet paths, AttributionOptions options) => new NanFit();

        private sealed class NanFit : AttributionModelFit
        {
            public override void Weigh(ReadOnlySpan<int> touchpoints, ReadOnlySpan<long> ageTicks, Span<double> weights) => weights.Fill(double.NaN);
        }
    }

    // ---- Reliability ----

    private static ReliabilityStandard Standard(string id, EvaluationWindow window, EvidenceKind evidence = EvidenceKind.Events, DriftBaseline? baseline = null, Interval? reference = null) =>
        ReliabilityStandard.Create(new ReliabilityStandardDefinition
        {
            Id = id, TouchpointId = id == "aggregate" ? "check-in" : "dealer", Name = "n", Metric = "m", Comparison = ThresholdComparison.AtMost, Threshold = 48, Objective = 0.95,
            Window = window, Owner = "o", Evidence = evidence, Baseline = baseline, ReferenceInterval = reference,
        });

    private static readonly Lazy<ReliabilityStandard[]> StandardPool = new(() =>
    [
        Standard("monthly", EvaluationWindow.Calendar(ReliabilityData.Months2026)),
        Standard("rolling", EvaluationWindow.Rolling(Duration.FromDays(30)), reference: new Interval(ReliabilityData.Jan1, ReliabilityData.Jan1 + Duration.FromDays(10))),
        Standard("hourly", EvaluationWindow.Rolling(Duration.FromHours(1)), baseline: DriftBaseline.FromMeanAndSigma(24, 6)),
        Standard("century", EvaluationWindow.Rolling(SupportedRange.MaxDuration)),
        Standard("late", EvaluationWindow.Calendar(PeriodGrid.Weekly(new LocalDate(9998, 10, 5), new LocalDate(9998, 12, 25)), DateTimeZoneProviders.Tzdb["Etc/GMT+12"])),
        Standard("custom", EvaluationWindow.Calendar(PeriodGrid.Custom([new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 10)), new DateInterval(new LocalDate(2026, 1, 11), new LocalDate(2026, 3, 1))]), DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"])),
        Standard("aggregate", EvaluationWindow.Calendar(ReliabilityData.Months2026), EvidenceKind.PeriodAggregates),
    ]);

    private static readonly string[] Subjects = ["monthly", "rolling", "hourly", "century", "late", "custom", "aggregate", "dealer", "check-in", "nope"];

    private static void RegisterReliability(FuzzRegistry r, FuzzValues v)
    {
        Gen<ReliabilityStandardSet> sets = Gen.Frequency(
            (4, from pick in Gen.Elements(true, false).ArrayOf(StandardPool.Value.Length) select ReliabilityStandardSet.Create(StandardPool.Value.Where((_, i) => pick[i]).DefaultIfEmpty(StandardPool.Value[1]))),
            (1, Gen.Constant(Company.Value.ReliabilityStandards)),
            (1, Gen.Constant(LateCompany.Value.ReliabilityStandards)));
        v.Add(sets);
        v.Add(Gen.Elements(StandardPool.Value));
        v.Add(from s in Gen.Frequency((5, Gen.Elements<string?>(Subjects)), (1, Strings))
              from at in Gen.Frequency((5, Gen.Choose(-24 * 90, 24 * 400).Select(h => ReliabilityData.Jan1 + Duration.FromHours(h))), (1, Gen.Choose(0, 24 * 300).Select(h => Instant.FromUtc(9998, 1, 1, 0, 0) + Duration.FromHours(h))), (1, Instants))
              from value in Gen.Frequency((5, Gen.Choose(0, 96).Select(i => (double)i)), (1, Doubles))
              from c in Gen.Frequency((5, Gen.Constant<CustomerId?>(null)), (1, Customers.Select(x => (CustomerId?)x)))
              select new ReliabilityMeasurement(s!, at, value, c));
        v.Add(from s in Gen.Frequency((4, Gen.Elements<string?>("aggregate", "check-in", "monthly")), (1, Strings)) from p in Gen.Frequency((4, Gen.Choose(0, 11).Select(m => DateInterval(2026, m + 1, 1, 2026, m + 1, 28))), (1, DateIntervals), (1, Gen.Constant<DateInterval>(null!))) from value in Doubles
              select new PeriodAggregate(s!, p, value));
        v.Add(Gen.Frequency((4, Durations.Where(d => d > Duration.Zero && d <= SupportedRange.MaxDuration).Select(EvaluationWindow.Rolling)), (2, from g in Grids from z in Zones select EvaluationWindow.Calendar(g, z))));
        v.Add(Gen.Frequency((4, from mean in Gen.Choose(-100, 100) from sigma in Gen.Choose(1, 50) select DriftBaseline.FromMeanAndSigma(mean, sigma)), (1, Gen.Elements(default(DriftBaseline), DriftBaseline.FromMeanAndSigma(double.MaxValue, double.MaxValue), DriftBaseline.FromMeanAndSigma(-double.MaxValue, double.Epsilon)))));
        v.Add(from l in Doubles from w in Doubles from a in Gen.Elements(true, false) select new EwmaOptions { Lambda = l, LimitWidth = w, UseAsymptoticLimits = a });
        v.Add(from k in Doubles from h in Doubles select new CusumOptions { ReferenceValue = k, DecisionInterval = h });
        v.Add(Gen.Frequency((4, from f in Gen.Choose(1, 20) select BurnRateWindowPair.Create(Duration.FromHours(6), Duration.FromMinutes(30), f, AlertSeverity.Page)), (1, Gen.Constant(BurnRateWindowPair.Create(SupportedRange.MaxDuration, Duration.Epsilon, double.MaxValue, AlertSeverity.Ticket)))));
        v.Add(Gen.Elements(BurnRatePolicy.Derive(Duration.FromDays(30)), BurnRatePolicy.Derive(Duration.FromHours(1)), BurnRatePolicy.Create([BurnRateWindowPair.Create(Duration.FromDays(20), Duration.FromDays(1), 2, AlertSeverity.Ticket)])));
        v.Add(from policy in Gen.Frequency((4, Gen.Elements(EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy)), (1, Gen.Constant<EarlyWarningPolicy>(null!)))
              from history in Gen.Frequency((4, Gen.Choose(1, 24)), (1, Gen.Elements(0, 10_000, 10_001, int.MinValue)))
              from step in Gen.Frequency((3, Gen.Constant<Duration?>(null)), (1, Durations.Select(d => (Duration?)d)))
              select new ReliabilityEvaluationOptions { EarlyWarning = policy, RollingHistoryCount = history, BacktestStep = step });
        v.Add(Gen.Elements(new ReliabilityEvaluator(), new ReliabilityEvaluator(new ReliabilityEvaluationOptions { RollingHistoryCount = 10_000, EarlyWarning = EarlyWarningPolicy.Legacy }), new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromDays(36_525) })));
        v.Add(from s in Gen.Frequency((4, Gen.Elements<string?>("s-1")), (1, Strings))
              from w in Gen.Elements(EvaluationWindow.Rolling(Duration.FromDays(30)), EvaluationWindow.Calendar(ReliabilityData.Months2026))
              from comparison in Gen.Elements(ThresholdComparison.AtMost, ThresholdComparison.AtLeast, ThresholdComparison.Unknown)
              from threshold in Doubles
              from objective in Doubles
              from gate in Ints
              from evidence in Gen.Elements(EvidenceKind.Events, EvidenceKind.PeriodAggregates, (EvidenceKind)5)
              from reference in Gen.Frequency((3, Gen.Constant<Interval?>(null)), (1, Intervals.Select(i => (Interval?)i)))
              select new ReliabilityStandardDefinition { Id = s!, TouchpointId = "dealer", Name = s!, Metric = "m", Comparison = comparison, Threshold = threshold, Objective = objective, Window = w, MinimumEvents = gate, Owner = s, Evidence = evidence, ReferenceInterval = reference });
        v.Add(from set in Gen.Elements(new[] { ReliabilityStandardSet.Create(StandardPool.Value.Take(3)), Company.Value.ReliabilityStandards })
              from asOf in Gen.Elements(ReliabilityData.Jan1 + Duration.FromDays(40), SupportedRange.Start, SupportedRange.End - Duration.Epsilon)
              select new ReliabilityEvaluator().CountPartial(set, set == Company.Value.ReliabilityStandards ? Company.Value.ReliabilityMeasurements : Hourly("monthly", true, false, true), asOf));
        v.Add(Gen.Elements(true, false).Select(company => company
            ? new ReliabilityEvaluator().Evaluate(Company.Value.ReliabilityStandards, Company.Value.ReliabilityMeasurements, Company.Value.ReliabilityMeasurements.Max(m => m.At))
            : new ReliabilityEvaluator().Evaluate(ReliabilityStandardSet.Create(StandardPool.Value.Take(2)), Hourly("rolling", false, false, true), SupportedRange.Start)));
        v.Add(Doubles.ArrayOf().Select(a => (IReadOnlyList<double>)a));

        Gen<object?> standardsJson = Mutated([ReliabilityStandardJson.Write(ReliabilityStandardSet.Create(StandardPool.Value)), ReliabilityStandardJson.Write(Company.Value.ReliabilityStandards)]);
        v.ForParameter(p => p.Member.DeclaringType == typeof(ReliabilityStandardJson) && p.Name == "json", standardsJson);
        v.ForParameter(p => p.Member.DeclaringType == typeof(ReliabilityStandardJson) && p.ParameterType == typeof(Stream), AsStreams(standardsJson));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ReliabilityStandardJson) && p.Name == "framework", Gen.Elements<object?>(null, Journeys.Small(), Company.Value.Journey));

        r.Law(typeof(ReliabilityStandardJson).GetMethod(nameof(ReliabilityStandardJson.Parse))!, (_, result) =>
        {
            var set = (ReliabilityStandardSet)result!;
            ReliabilityStandardSet back = ReliabilityStandardJson.Parse(ReliabilityStandardJson.Write(set));
            for (int i = 0; i < set.Count; i++)
            {
                ReliabilityStandard a = set.Standards[i];
                ReliabilityStandard b = back.Standards[i];
                Law(a.Id == b.Id && a.Window.Equals(b.Window) && a.Threshold.Equals(b.Threshold) && a.Objective.Equals(b.Objective) && Equals(a.Baseline, b.Baseline) && Equals(a.ReferenceInterval, b.ReferenceInterval),
                    $"standard '{a.Id}' does not round-trip through JSON: {a.Window} became {b.Window}");
            }
        });
        r.Law(typeof(ReliabilityStandardJson).GetMethod(nameof(ReliabilityStandardJson.Write))!, (_, result) => ReliabilityStandardJson.Parse((string)result!));
        foreach (MethodInfo evaluate in typeof(ReliabilityEvaluator).GetMethods().Where(m => m.Name == nameof(ReliabilityEvaluator.Evaluate)))
        {
            r.Law(evaluate, (_, result) => ReportLaws((ReliabilityReport)result!));
        }

        r.Law(typeof(DriftBaseline).GetMethod(nameof(DriftBaseline.FromMovingRange))!, (a, result) =>
        {
            var values = ((IEnumerable<double>)a[0]!).ToArray();
            var b = (DriftBaseline)result!;
            double tolerance = Math.Max(Math.Abs(values.Min()), Math.Abs(values.Max())) * 1e-12;
            Law(double.IsFinite(b.Mean) && b.Mean >= values.Min() - tolerance && b.Mean <= values.Max() + tolerance, $"mean {b.Mean} of values from {values.Min()} to {values.Max()}");
            Law(double.IsFinite(b.Sigma) && b.Sigma > 0, $"sigma {b.Sigma}");
        });

        r.Target(new FuzzTarget(
            typeof(ReliabilityEvaluator).GetMethod(nameof(ReliabilityEvaluator.Evaluate), [typeof(ReliabilityStandardSet), typeof(ReadOnlySpan<int>), typeof(ReadOnlySpan<Instant>), typeof(ReadOnlySpan<double>), typeof(Instant)])!,
            from n in Gen.Choose(0, 10)
            from s in Gen.Frequency((5, Gen.Choose(0, 2)), (1, Ints)).ArrayOf(n)
            from at in Gen.Frequency((5, Gen.Choose(0, 24 * 60).Select(h => ReliabilityData.Jan1 + Duration.FromHours(h))), (1, Instants)).ArrayOf(n)
            from values in Gen.Frequency((5, Gen.Choose(0, 96).Select(i => (double)i)), (1, Doubles)).ArrayOf(n)
            from asOf in Gen.Frequency((5, Gen.Constant(ReliabilityData.Jan1 + Duration.FromDays(60))), (1, Instants))
            from cut in Gen.Elements(0, 0, 0, 1)
            select new FuzzCase(
                $"Evaluate(columns: standards [{string.Join(", ", s)}], at [{string.Join(", ", at)}], values [{string.Join(", ", values)}], as of {asOf}, cut {cut})",
                () => new ReliabilityEvaluator().Evaluate(ReliabilityStandardSet.Create(StandardPool.Value.Take(3)), s, at.AsSpan(0, Math.Max(0, at.Length - cut)), values, asOf),
                result => ReportLaws((ReliabilityReport)result!))));
    }

    private static void ReportLaws(ReliabilityReport report)
    {
        foreach (StandardEvaluation e in report.Standards)
        {
            foreach (WindowEvaluation w in e.Windows)
            {
                Law(w.Compliance is null || (w.Compliance >= 0 && w.Compliance <= 1), $"{e.Standard.Id}: compliance {w.Compliance}");
                Law(double.IsFinite(w.BurnRate) && w.BurnRate >= 0, $"{e.Standard.Id}: burn rate {w.BurnRate}");
                Law(w.BadEventCount <= w.EventCount && w.End >= w.Start, $"{e.Standard.Id}: window {w}");
            }

            Law(e.Windows.Sum(w => w.EventCount) + e.EventsOutsideWindowsCount == e.EventCount || e.Standard.Window.Kind == EvaluationWindowKind.Calendar, $"{e.Standard.Id}: events in windows and outside do not add up to {e.EventCount}");
        }
    }

    private static List<ReliabilityMeasurement> Hourly(string subject, params bool[] good) =>
        [.. good.Select((g, i) => new ReliabilityMeasurement(subject, ReliabilityData.Jan1 + Duration.FromHours(i), g ? 24 : 72))];

    // ---- Early warnings (#8): detector settings at their defaults and at the edges of their ranges, policies of them,
    // episodes and scenarios from small backtests ----

    private static readonly Lazy<ReliabilityScenario[]> ScenarioPool = new(() =>
    [
        .. new[] { ScenarioKind.InControl, ScenarioKind.SuddenBreak, ScenarioKind.SlowDrift, ScenarioKind.IntermittentOutages, ScenarioKind.SingleOutliers }.Select((kind, i) => ReliabilityScenarios.Generate(
            "scenario-" + i.ToString(CultureInfo.InvariantCulture),
            new ReliabilityScenarioOptions { Seed = (ulong)i, Kind = kind, EventsPerDay = 20, Days = 90, ChangeDay = 45, BreakBudgetMultiple = 8 })),
    ]);

    private static readonly Lazy<WarningEpisode[]> EpisodePool = new(() =>
    {
        ReliabilityScenario[] scenarios = ScenarioPool.Value;
        ReliabilityBacktest backtest = new ReliabilityEvaluator().Backtest(ReliabilityScenarios.Standards(scenarios), scenarios.SelectMany(s => s.Measurements));
        WarningEpisode[] episodes = [.. backtest.Standards.SelectMany(s => s.Episodes)];
        return episodes.Length > 0 ? episodes : throw new InvalidOperationException("the scenarios' backtest opened no warning episode to fuzz");
    });

    private static void RegisterEarlyWarnings(FuzzRegistry r, FuzzValues v)
    {
        Gen<BurnRateRules> burnRates = Gen.Elements(
            BurnRateRules.Create(),
            BurnRateRules.Create(includeSlothTicket: true, minimumEventsInLongWindow: 1, minimumBadEventsInLongWindow: 3, trafficAware: true, significanceConfidence: 0.95),
            BurnRateRules.Create(BurnRatePolicy.Derive(Duration.FromHours(1)), minimumEventsInLongWindow: int.MaxValue, minimumBadEventsInLongWindow: int.MaxValue, significanceConfidence: 1e-12));
        Gen<BernoulliCusumDetector> cusums = Gen.Elements(
            BernoulliCusumDetector.Create(),
            BernoulliCusumDetector.Create(100, 0.001, 1000, AlertSeverity.Page),
            BernoulliCusumDetector.Create(1.5, null, 0.01));
        Gen<ValueDriftDetector> drifts = Gen.Elements(
            ValueDriftDetector.Create(),
            ValueDriftDetector.Create(ValueDriftSubgroup.Events, 10_000, true, 10, 3, 1_000_000, 0.999, AlertSeverity.Page),
            ValueDriftDetector.Create(ValueDriftSubgroup.Events, 1, false, 1, 0, 10, 0));
        Gen<IndividualValueCharts> charts = Gen.Elements(
            IndividualValueCharts.Create(),
            IndividualValueCharts.Create(runRules: RunRuleSet.Nelson, memory: Duration.FromDays(7)),
            IndividualValueCharts.Create(runRules: RunRuleSet.WesternElectric, memory: Duration.Epsilon));
        Gen<Duration?> episodeDurations = Gen.Frequency((3, Gen.Constant<Duration?>(null)), (2, Gen.Elements<Duration?>(Duration.FromHours(6), Duration.FromDays(30), Duration.Epsilon, SupportedRange.MaxDuration)));
        v.Add(burnRates);
        v.Add(cusums);
        v.Add(drifts);
        v.Add(charts);
        v.Add(Gen.Frequency(
            (2, Gen.Elements(EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy)),
            (3, from name in Gen.Elements("p", "policy with a long name")
                from b in Gen.Frequency((1, Gen.Constant<BurnRateRules?>(null)), (3, burnRates.Select(x => (BurnRateRules?)x)))
                from c in Gen.Frequency((1, Gen.Constant<BernoulliCusumDetector?>(null)), (2, cusums.Select(x => (BernoulliCusumDetector?)x)))
                from d in Gen.Frequency((1, Gen.Constant<ValueDriftDetector?>(null)), (2, drifts.Select(x => (ValueDriftDetector?)x)))
                from i in Gen.Frequency((1, Gen.Constant<IndividualValueCharts?>(null)), (2, charts.Select(x => (IndividualValueCharts?)x)))
                from q in episodeDurations
                from h in episodeDurations
                select b is null && c is null && d is null && i is null ? EarlyWarningPolicy.Default.WithEpisodes(q, h) : EarlyWarningPolicy.Create(name, b, c, d, i, q, h))));
        v.Add(Gen.Elements(
            BernoulliCusumDetector.Create().DesignFor(StandardPool.Value[0], 100),
            BernoulliCusumDetector.Create().DesignFor(StandardPool.Value[0], 1),
            BernoulliCusumDesign.Create(0.05, 0.2, 1000),
            BernoulliCusumDesign.WithDecisionInterval(0.001, 0.1, 4.5)));
        v.Add(Gen.Elements(EpisodePool.Value));

        // Backtests replay every instant of the history: a few cases each keep the run within its time budget.
        foreach (MethodInfo backtest in typeof(ReliabilityEvaluator).GetMethods().Where(m => m.Name is nameof(ReliabilityEvaluator.Backtest) or nameof(ReliabilityEvaluator.Compare)))
        {
            r.CaseLimits.TryAdd(backtest, 40);
        }
    }

    private static void RegisterScenarios(FuzzRegistry r, FuzzValues v)
    {
        v.Add(Gen.Elements(ScenarioPool.Value));
        v.Add(from seed in Gen.Elements(0UL, 2026UL, ulong.MaxValue)
              from kind in Gen.Elements(ScenarioKind.InControl, ScenarioKind.SuddenBreak, ScenarioKind.SlowDrift, ScenarioKind.IntermittentOutages, ScenarioKind.SingleOutliers, (ScenarioKind)(-1), (ScenarioKind)99)
              from events in Gen.Elements(int.MinValue, 0, 1, 5, 50, 10_001, int.MaxValue)
              from weekend in Gen.Elements(0, 0.3, 1, -0.1, double.NaN)
              from start in Gen.Frequency((4, Gen.Constant(new LocalDate(2026, 1, 1))), (1, Dates))
              from days in Gen.Elements(int.MinValue, 59, 60, 90, 400, 3661)
              from reference in Gen.Elements(int.MinValue, 6, 7, 30, 60)
              from objective in Gen.Elements(0.5, 0.9, 0.95, 0.9999, 1, double.NaN)
              from gate in Gen.Elements<int?>(null, 0, 1, int.MaxValue)
              from rolling in Gen.Elements(false, true)
              from share in Gen.Elements(0, 0.3, 0.999, double.PositiveInfinity)
              from change in Gen.Elements<int?>(null, 0, 45, 89, int.MaxValue)
              from multiple in Gen.Elements(1, 4, 1000, double.NaN)
              from breakDays in Gen.Elements<int?>(null, 0, 10, int.MaxValue)
              from drift in Gen.Elements(6, 7, 60, int.MaxValue)
              select new ReliabilityScenarioOptions
              {
                  Seed = seed, Kind = kind, EventsPerDay = events, WeekendFactor = weekend, StartDate = start, Days = days, ReferenceDays = reference, Objective = objective,
                  MinimumEvents = gate, RollingWindow = rolling, InControlBudgetShare = share, ChangeDay = change, BreakBudgetMultiple = multiple, BreakDays = breakDays, DriftDays = drift,
              });

        // The suite is 25 scenarios a replicate (about 75 MiB each): one or two replicates, of one or two kinds mostly,
        // and the out-of-range counts the library refuses.
        MethodInfo suite = typeof(ReliabilityScenarios).GetMethod(nameof(ReliabilityScenarios.Suite))!;
        v.ForParameter(p => p.Member == suite && p.Name == "replicates", Gen.Elements<object?>(int.MinValue, 0, 1, 2, 101, int.MaxValue));
        v.ForParameter(p => p.Member == suite && p.Name == "kinds", Gen.Elements<object?>(
            null, Array.Empty<ScenarioKind>(), new[] { ScenarioKind.SuddenBreak }, new[] { ScenarioKind.InControl, ScenarioKind.InControl }, new[] { ScenarioKind.SlowDrift, (ScenarioKind)99 }));
        r.CaseLimits[suite] = 6;
    }

    // ---- Samples, DI, validation ----

    private static void RegisterSamplesAndServices(FuzzRegistry r, FuzzValues v)
    {
        // The long operations' overloads with a token and progress: a live token (never cancelled here) and a progress
        // that records (null comes from the harness for any reference parameter).
        v.Add(Gen.Elements(CancellationToken.None, new CancellationTokenSource().Token));
        v.Add(Gen.Constant<IProgress<WorkProgress>>(new RecordingProgress()));

        foreach (string name in new[] { nameof(PeriodGrid.MonthlyCovering), nameof(PeriodGrid.QuarterlyCovering) })
        {
            MethodInfo covering = typeof(PeriodGrid).GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition);
            r.Target(new FuzzTarget(covering,
                from dates in Dates.ArrayOf()
                select new FuzzCase($"{name}<LocalDate>([{string.Join(", ", dates)}], d => d)", () =>
                    name == nameof(PeriodGrid.MonthlyCovering) ? PeriodGrid.MonthlyCovering(dates, d => d) : PeriodGrid.QuarterlyCovering(dates, d => d))));
        }

        ConstructorInfo feedbackValidator = typeof(FeedbackSignalValidator).GetConstructors().Single();
        Gen<object?> journeys = v.For(typeof(JourneyFramework))!;
        r.Target(new FuzzTarget(feedbackValidator,
            from journey in journeys
            from withTaxonomy in Gen.Elements(false, true)
            from i in Gen.Choose(0, 100_000)
            select new FuzzCase($"new FeedbackSignalValidator({Show(journey)}, {(withTaxonomy ? "the sample's taxonomy" : "null")}).Validate(the sample's feedback #{i})", () =>
            {
                var validator = new FeedbackSignalValidator((JourneyFramework)journey!, withTaxonomy ? Company.Value.FeedbackTaxonomy : null);
                IReadOnlyList<Cx.Domain.Listening.FeedbackSignal> feedback = Company.Value.Feedback;
                return feedback.Count == 0 ? 0 : validator.Validate(feedback[i % feedback.Count]).Errors.Count;
            })));

        v.Add(from seed in Gen.Elements(0UL, 42UL, ulong.MaxValue)
              from customers in Gen.Elements(int.MinValue, -1, 0, 1, 2, 30, SampleCompanyOptions.MaxCustomerCount + 1, int.MaxValue)
              from first in YearMonths
              from months in Gen.Elements(int.MinValue, 0, 1, 2, 7, SampleCompanyOptions.MaxMonthCount + 1, int.MaxValue)
              select new SampleCompanyOptions { Seed = seed, CustomerCount = customers, FirstMonth = first, MonthCount = months });
        v.Add(Gen.Elements(Company.Value, LateCompany.Value));
        v.ForParameter(p => p.Member.DeclaringType == typeof(SampleCompany) && p.Name == "seed", Gen.Elements<object?>(0UL, 42UL, ulong.MaxValue));
        r.CaseLimits[typeof(SampleCompany).GetMethod(nameof(SampleCompany.Generate), [typeof(ulong)])!] = 2; // 3,000 customers over three years each
        v.Add(Gen.Constant<IServiceCollection>(null!).Select(_ => (IServiceCollection)new ServiceCollection()));
        v.Add(Gen.Elements<Action<CxDomainOptions>>(
            _ => { },
            o => o.AssetMovements.ActivityWindow = int.MinValue,
            o => o.AssetMovements.ActivityWindow = 1000,
            o => o.Reliability.RollingHistoryCount = int.MaxValue,
            o => o.Reliability.BacktestStep = Duration.MaxValue,
            o => o.Reliability.EarlyWarning = null!));
        v.Add(Gen.Elements<Exception>(new InvalidOperationException("inner"), new CxValidationException("inner")));
        v.Add(from position in Gen.Frequency((3, Gen.Constant<long?>(null)), (1, Longs.Select(x => (long?)x))) from s in Strings from f in Strings from code in Gen.Elements<string?>("CX0101", "CX0000", null, "bogus") from m in Strings
              select new CxValidationFailure(position, s, f!, code!, m!));

        // Validators: FluentValidation's Validate never throws at a caller, whatever the instance.
        AddValidator(r, v, typeof(AssetRecordValidator).GetConstructor([typeof(Currency?)])!, (Currency? c) => new AssetRecordValidator(c), Records);
        AddValidator(r, v, typeof(QuantityRecordValidator).GetConstructor([typeof(MeasureUnit)])!, (MeasureUnit u) => new QuantityRecordValidator(u), from c in Customers from d in Dates from q in Decimals select new QuantityRecord(c, d, q));
        AddValidator(r, v, typeof(ReliabilityStandardValidator).GetConstructor([typeof(JourneyFramework)])!, (JourneyFramework? f) => new ReliabilityStandardValidator(f), Gen.Elements(StandardPool.Value));
        AddValidator(r, v, typeof(ExperienceEventValidator).GetConstructor([typeof(JourneyFramework)])!, (JourneyFramework? f) => new ExperienceEventValidator(f), from at in Instants from o in Gen.Elements((ExperienceOutcome)9, ExperienceOutcome.Reliable) select new ExperienceEvent(CustomerId.From("A"), "web", at, o));
    }

    private static void AddValidator<TArg, T>(FuzzRegistry r, FuzzValues v, ConstructorInfo ctor, Func<TArg, FluentValidation.AbstractValidator<T>> create, Gen<T> instances)
    {
        r.Target(new FuzzTarget(ctor,
            from arg in v.ForParameter(ctor.GetParameters()[0])!.Where(a => a is not null || !typeof(TArg).IsValueType || Nullable.GetUnderlyingType(typeof(TArg)) is not null)
            from instance in instances
            select new FuzzCase($"new {ctor.DeclaringType!.Name}({Show(arg)}).Validate({Show(instance)})", () =>
            {
                FluentValidation.AbstractValidator<T> validator = create((TArg)arg!);
                return validator.Validate(instance).Errors.Count;
            })));
    }

    // ---- Helpers ----

    private static void Law(bool holds, string message)
    {
        if (!holds)
        {
            throw new LawException(message);
        }
    }

    private static DateInterval DateInterval(int y1, int m1, int d1, int y2, int m2, int d2) => new(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));

    private static DateInterval[] Contiguous(LocalDate start, int[] lengths)
    {
        var intervals = new DateInterval[lengths.Length];
        for (int i = 0; i < lengths.Length; i++)
        {
            intervals[i] = new DateInterval(start, start.PlusDays(lengths[i]));
            start = start.PlusDays(lengths[i] + 1);
        }

        return intervals;
    }

    private static DateInterval[]? TryContiguous(LocalDate start, int[] lengths)
    {
        try
        {
            return start.Calendar == CalendarSystem.Iso ? Contiguous(start, lengths) : [new DateInterval(start, start)];
        }
        catch (OverflowException)
        {
            return [new DateInterval(start, start)];
        }
        catch (ArgumentOutOfRangeException)
        {
            return [new DateInterval(start, start)];
        }
    }

    /// <summary>Valid JSON documents and mutations of them: cut short, a character inserted or removed, a number or date
    /// replaced by an extreme, nesting, invalid escapes.</summary>
    internal static Gen<object?> Mutated(string[] documents)
    {
        string[] inserts = ["{", "}", "[", "]", "\"", ",", ":", "\\", "\0", "\uD800", "\\ud800", "null", "1e400", "-0", "NaN", "\u001b"];
        string[] numbers = ["1e400", "-1e400", "1e-400", "NaN", "\"NaN\"", "99999999999999999999999", "-9223372036854775809", "0.0000000000000000000000000001", "true"];
        string[] texts = ["9999-12-31", "-9998-01-01", "0000-00-00", "1000000w", "9223372036854775807d", "P100000Y", "Mars/Olympus", "custom", "", "\u001b[2J"];
        return Gen.Frequency(
            (2, Gen.Elements(documents)),
            (2, from doc in Gen.Elements(documents) from at in Gen.Choose(0, 10_000) select doc[..(at % (doc.Length + 1))]),
            (3, from doc in Gen.Elements(documents) from at in Gen.Choose(0, 10_000) from ins in Gen.Elements(inserts) let i = at % (doc.Length + 1) select doc[..i] + ins + doc[i..]),
            (3, from doc in Gen.Elements(documents) from k in Gen.Choose(0, 50) from n in Gen.Elements(numbers) select ReplaceNth(doc, @"-?\d+(\.\d+)?([eE][-+]?\d+)?", k, n)),
            (3, from doc in Gen.Elements(documents) from k in Gen.Choose(0, 80) from t in Gen.Elements(texts) select ReplaceNth(doc, "\"[^\"]*\"", k, "\"" + t + "\"")),
            (1, Gen.Elements(new string('[', 10_000), "{\"standards\":" + new string('[', 200) + "]", "{}", "null", "[]", "\"x\"", "{\"name\":1,\"name\":2}", "\uFEFF{}", string.Empty)))
            .Select(x => (object?)x);
    }

    private static string ReplaceNth(string text, string pattern, int n, string replacement)
    {
        System.Text.RegularExpressions.MatchCollection matches = System.Text.RegularExpressions.Regex.Matches(text, pattern);
        if (matches.Count == 0)
        {
            return text;
        }

        System.Text.RegularExpressions.Match m = matches[n % matches.Count];
        return text[..m.Index] + replacement + text[(m.Index + m.Length)..];
    }

    /// <summary>Streams of the documents, sometimes with invalid UTF-8 bytes or a UTF-16 byte order mark.</summary>
    internal static Gen<object?> AsStreams(Gen<object?> documents) =>
        from doc in documents
        from damage in Gen.Elements(0, 0, 1, 2)
        select (object?)new MemoryStream(damage switch
        {
            1 => [0xFF, 0xFE, .. Encoding.UTF8.GetBytes((string?)doc ?? string.Empty)],
            2 => [.. Encoding.UTF8.GetBytes((string?)doc ?? string.Empty), 0xC3, 0x28, 0xE9],
            _ => Encoding.UTF8.GetBytes((string?)doc ?? string.Empty),
        });

    private static AssetLedger TryLedger(AssetRecord[] records)
    {
        try
        {
            return AssetLedger.FromRecords(records, PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2025, 6)), new AssetLedgerOptions { AfterGrid = AfterGridPolicy.Exclude, NegativeValues = NegativeValuePolicy.FloorAtZero });
        }
        catch (CxValidationException)
        {
            return LedgerPool.Value[0];
        }
    }

    private static AssetMovementPartial? TryPartial(AssetLedger ledger, int window)
    {
        try
        {
            return new AssetMovementCalculator().CalculatePartial(ledger, new AssetMovementOptions { ActivityWindow = window });
        }
        catch (CxValidationException)
        {
            return null;
        }
    }

    private static AssetMovementReport? TryReport(AssetLedger ledger)
    {
        try
        {
            return new AssetMovementCalculator().Calculate(ledger);
        }
        catch (CxValidationException)
        {
            return null;
        }
    }

    private static CohortMatrix? TryCohorts(AssetLedger ledger)
    {
        try
        {
            return new CohortCalculator().Calculate(ledger);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static ColumnarAssetLayout? TryLayout(PeriodGrid grid, MeasureUnit unit, int history, int window)
    {
        try
        {
            return new ColumnarAssetLayout(grid, unit, history, window);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static AttributionColumns? TryColumns(CustomerId[] customers, int[] eventCustomer, int[] eventTouchpoint, long[] ticks, ExperienceOutcome[] outcomes)
    {
        try
        {
            return new AttributionColumns(customers.Distinct().ToArray(), [], Array.Empty<int>(), eventCustomer, eventTouchpoint, ticks, outcomes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Ledgers at the edges: the sample company, the year 9998, values near 2^63, a custom grid, a daily grid with
    /// many segments, history back to the year 1, a quantity measure.</summary>
    private static AssetLedger[] BuildLedgers()
    {
        var a = CustomerId.From("A");
        var b = CustomerId.From("B");
        var c = CustomerId.From("C");
        Money Usd(long units) => Money.FromMinorUnits(units, Currency.Usd);
        PeriodGrid two = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2024, 2));
        PeriodGrid late = PeriodGrid.Monthly(new YearMonth(9998, 1), new YearMonth(9998, 12));
        PeriodGrid daily = PeriodGrid.Daily(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31));
        return
        [
            Company.Value.RevenueLedger(),
            LateCompany.Value.RevenueLedger(),
            AssetLedger.FromPeriodValues([new(a, 0, Usd(8_000_000_000_000_000_000)), new(a, 1, Usd(8_000_000_000_000_000_000)), new(b, 0, Usd(1_000_000_000_000_000_000)), new(c, 1, Usd(1_000_000_000_000_000_000))], two),
            AssetLedger.FromPeriodValues([new(a, 0, Usd(long.MaxValue)), new(b, 0, Usd(long.MaxValue)), new(c, 1, Usd(1))], two),
            AssetLedger.FromRecords([new(a, new LocalDate(9998, 1, 5), Usd(5), "x"), new(a, new LocalDate(9998, 12, 31), Usd(7), "y"), new(b, new LocalDate(9997, 1, 1), Usd(3))], late),
            AssetLedger.FromRecords([new(a, new LocalDate(2024, 1, 5), Usd(5)), new(b, new LocalDate(2023, 1, 5), Usd(5))], PeriodGrid.Custom([new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 10)), new DateInterval(new LocalDate(2024, 1, 11), new LocalDate(2024, 2, 28))])),
            AssetLedger.FromRecords(Enumerable.Range(0, 300).Select(i => new AssetRecord(CustomerId.From("C" + i.ToString(CultureInfo.InvariantCulture)), daily.Start.PlusDays(i % 91), Usd(i + 1), "s" + i.ToString(CultureInfo.InvariantCulture))), daily),
            AssetLedger.FromPeriodValues([new(a, two.IndexOf(SupportedRange.FirstDate), Usd(1)), new(a, 1, Usd(2))], two),
            AssetLedger.FromQuantities([new QuantityRecord(a, new LocalDate(2024, 1, 2), 1.5m), new QuantityRecord(b, new LocalDate(2024, 2, 2), 9_000_000_000_000_000_000m)], two, MeasureUnit.Quantity("visits", 0)),
        ];
    }
}

/// <summary>A progress that keeps the reports, as a caller's would.</summary>
internal sealed class RecordingProgress : IProgress<WorkProgress>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<WorkProgress> _reports = new();

    public void Report(WorkProgress value) => _reports.Enqueue(value);

    public override string ToString() => "a recording progress";
}
