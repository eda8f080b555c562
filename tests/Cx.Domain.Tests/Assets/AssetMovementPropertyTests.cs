using Cx.Domain.Assets;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.Assets;

/// <summary>The laws the asset bridge obeys, checked on random customer bases (FsCheck) against the definitions.</summary>
public sealed class AssetMovementPropertyTests
{
    private static readonly AssetMovementCalculator Calculator = new();

    private static Arbitrary<(AssetDataset Data, int Window)> DataAndWindow =>
        (from data in AssetDataset.Generator()
         from window in Gen.Choose(1, 4)
         select (data, window)).ToArbitrary();

    private static AssetMovementReport ObjectPath(AssetDataset data, int window = 1) =>
        Calculator.Calculate(AssetLedger.FromRecords(data.Records(), data.Grid, new AssetLedgerOptions { Currency = Currency.Usd }), new AssetMovementOptions { ActivityWindow = window });

    private static AssetMovementReport FastPath(AssetDataset data, int window = 1)
    {
        (int[] customer, int[] period, long[] value) = data.Columns();
        return ColumnarAssetEngine.Compute(data.Layout(window), customer, period, value).ToReport();
    }

    private static bool HasRows(AssetDataset data) => data.Values.Any(v => v.Any(x => x > 0));

    [Fact]
    public void Calculate_AnyCustomerBase_EqualsTheDefinitions()
    {
        Properties.Check(DataAndWindow, input =>
        {
            (AssetDataset data, int window) = input;
            if (!HasRows(data))
            {
                return;
            }

            AssetMovementReport report = FastPath(data, window);
            IReadOnlyList<MovementOracle.Expected> expected = MovementOracle.Compute(data, window);
            for (int t = 0; t < data.GridCount; t++)
            {
                PeriodMovement p = report.Periods[t];
                MovementOracle.Expected e = expected[t];
                Assert.Equal(e.Opening, p.Opening);
                Assert.Equal(e.Closing, p.Closing);
                foreach ((MovementClass cls, (long count, long value)) in e.Classes)
                {
                    Assert.Equal(new MovementTotal(count, value), p.Get(cls));
                }

                Assert.Equal(new CustomerActivity(e.OpeningActive, e.Active, e.IncomingNew, e.IncomingReturning, e.IncomingValue, e.Lost, e.LostValue), p.Customers);
            }
        });
    }

    [Fact]
    public void Calculate_AnyCustomerBase_BridgeIdentityHoldsAndOpeningIsPreviousClosing()
    {
        Properties.Check(DataAndWindow, input =>
        {
            if (!HasRows(input.Data))
            {
                return;
            }

            AssetMovementReport report = ObjectPath(input.Data, input.Window);
            for (int t = 0; t < report.Periods.Count; t++)
            {
                PeriodMovement p = report.Periods[t];
                Assert.Equal(p.Closing, p.Opening + p.New.Value + p.Reactivated.Value + p.Expansion.Value + p.Contraction.Value + p.Flat.Value + p.Churned.Value);
                Assert.True(p.New.Value >= 0 && p.Reactivated.Value >= 0 && p.Expansion.Value >= 0);
                Assert.True(p.Contraction.Value <= 0 && p.Churned.Value <= 0 && p.Flat.Value == 0);
                if (t > 0)
                {
                    Assert.Equal(report.Periods[t - 1].Closing, p.Opening);
                }
            }
        });
    }

    [Fact]
    public void CustomerMovements_EachCustomerActiveAtPOrPBefore_FallsInExactlyOneClass()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            if (!HasRows(data))
            {
                return;
            }

            AssetLedger ledger = AssetLedger.FromRecords(data.Records(), data.Grid);
            IReadOnlyList<CustomerMovement> moves = Calculator.CustomerMovements(ledger, includeFlat: true);
            for (int c = 0; c < data.CustomerCount; c++)
            {
                for (int t = data.History; t < data.AxisLength; t++)
                {
                    long[] v = data.Values[c];
                    bool involved = v[t] > 0 || (t > 0 && v[t - 1] > 0);
                    CustomerMovement[] found = moves.Where(m => m.Customer == AssetDataset.Id(c) && m.Period.Index == t - data.History).ToArray();
                    Assert.Equal(involved ? 1 : 0, found.Length);
                    if (involved)
                    {
                        Assert.Equal(MovementOracle.Classify(v, t), found[0].Class);
                        Assert.Equal(v[t] - (t > 0 ? v[t - 1] : 0), found[0].ValueDelta);
                    }
                }
            }
        });
    }

    [Fact]
    public void Compute_FastPathSortedOrShuffled_EqualsObjectPath()
    {
        Properties.Check(
            (from input in DataAndWindow.Generator
             from seed in Gen.Choose(0, int.MaxValue)
             select (input.Data, input.Window, seed)).ToArbitrary(),
            input =>
            {
                (AssetDataset data, int window, int seed) = input;
                if (!HasRows(data))
                {
                    return;
                }

                AssetMovementReport objectPath = ObjectPath(data, window);
                (int[] customer, int[] period, long[] value) = data.Columns();
                Assert.Equal(objectPath, ColumnarAssetEngine.Compute(data.Layout(window), customer, period, value).ToReport());

                int[] order = Enumerable.Range(0, customer.Length).ToArray();
                new Random(seed).Shuffle(order);
                AssetMovementReport shuffled = ColumnarAssetEngine.Compute(
                    data.Layout(window), order.Select(i => customer[i]).ToArray(), order.Select(i => period[i]).ToArray(), order.Select(i => value[i]).ToArray()).ToReport();
                Assert.Equal(objectPath, shuffled);
            });
    }

    [Fact]
    public void Merge_CustomerPartitions_EqualsTheWhole()
    {
        Properties.Check(
            (from input in DataAndWindow.Generator
             from parts in Gen.Choose(1, 4)
             from assignment in Gen.Choose(0, 3).ArrayOf(input.Data.CustomerCount)
             select (input.Data, input.Window, parts, assignment)).ToArbitrary(),
            input =>
            {
                (AssetDataset data, int window, int parts, int[] assignment) = input;
                (int[] customer, int[] period, long[] value) = data.Columns();
                if (customer.Length == 0)
                {
                    return;
                }

                AssetMovementPartial whole = ColumnarAssetEngine.Compute(data.Layout(window), customer, period, value);
                var partials = new List<AssetMovementPartial>();
                for (int part = 0; part < parts; part++)
                {
                    int[] rows = Enumerable.Range(0, customer.Length).Where(i => assignment[customer[i]] % parts == part).ToArray();
                    if (rows.Length > 0)
                    {
                        partials.Add(ColumnarAssetEngine.Compute(data.Layout(window), rows.Select(i => customer[i]).ToArray(), rows.Select(i => period[i]).ToArray(), rows.Select(i => value[i]).ToArray()));
                    }
                }

                Assert.Equal(whole.ToReport(), AssetMovementPartial.MergeAll(partials).ToReport());
                partials.Reverse();
                Assert.Equal(whole.ToReport(), AssetMovementPartial.MergeAll(partials).ToReport());
            });
    }

    [Fact]
    public void FromRecords_ShuffledRecords_GiveTheSameReportAndSegments()
    {
        Properties.Check(
            (from data in AssetDataset.Generator()
             from seed in Gen.Choose(0, int.MaxValue)
             select (data, seed)).ToArbitrary(),
            input =>
            {
                (AssetDataset data, int seed) = input;
                IReadOnlyList<AssetRecord> records = data.Records();
                if (records.Count == 0)
                {
                    return;
                }

                AssetRecord[] shuffled = records.ToArray();
                new Random(seed).Shuffle(shuffled);
                AssetLedger a = AssetLedger.FromRecords(records, data.Grid);
                AssetLedger b = AssetLedger.FromRecords(shuffled, data.Grid);
                Assert.Equal(Calculator.Calculate(a), Calculator.Calculate(b));
                Assert.Equal(Flatten(Calculator.BySegment(a)), Flatten(Calculator.BySegment(b)));
                Assert.Equal(Calculator.CustomerMovements(a, includeFlat: true), Calculator.CustomerMovements(b, includeFlat: true));
            });
    }

    [Fact]
    public void BySegment_AnyCustomerBase_SegmentBridgesReconcileAndAddUpToTheTotal()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            IReadOnlyList<AssetRecord> records = data.Records();
            if (records.Count == 0)
            {
                return;
            }

            AssetLedger ledger = AssetLedger.FromRecords(records, data.Grid);
            AssetMovementReport total = Calculator.Calculate(ledger);
            SegmentMovementReport segments = Calculator.BySegment(ledger);
            for (int t = 0; t < data.GridCount; t++)
            {
                SegmentPeriodMovement[] rows = segments.Segments.Select(s => s.Periods[t]).ToArray();
                Assert.All(rows, r => Assert.True(r.Reconciles()));
                PeriodMovement p = total.Periods[t];
                Assert.Equal(p.Opening, rows.Sum(r => r.Opening));
                Assert.Equal(p.Closing, rows.Sum(r => r.Closing));
                Assert.Equal(0, rows.Sum(r => r.NetMigrationIn));
                foreach (MovementClass cls in Enum.GetValues<MovementClass>().Where(c => c != MovementClass.None))
                {
                    Assert.Equal(p.Get(cls), new MovementTotal(rows.Sum(r => Get(r, cls).CustomerCount), rows.Sum(r => Get(r, cls).Value)));
                }
            }
        });
    }

    [Fact]
    public void Calculate_AnyCustomerBase_CustomerViewIdentityHolds()
    {
        Properties.Check(DataAndWindow, input =>
        {
            if (!HasRows(input.Data))
            {
                return;
            }

            AssetMovementReport report = FastPath(input.Data, input.Window);
            for (int t = 0; t < report.Periods.Count; t++)
            {
                CustomerActivity a = report.Periods[t].Customers;
                Assert.Equal(a.ActiveCount, a.OpeningActiveCount + a.IncomingCount - a.LostCount);
                if (t > 0)
                {
                    Assert.Equal(report.Periods[t - 1].Customers.ActiveCount, a.OpeningActiveCount);
                }
            }
        });
    }

    [Fact]
    public void Retention_AnyCustomerBase_GrrAtMostOneAndNrrConsistent()
    {
        var retention = new RetentionCalculator();
        Properties.Check(
            (from data in AssetDataset.Generator()
             from horizon in Gen.Choose(1, 4)
             select (data, horizon)).ToArbitrary(),
            input =>
            {
                (AssetDataset data, int horizon) = input;
                IReadOnlyList<AssetRecord> records = data.Records();
                if (records.Count == 0)
                {
                    return;
                }

                AssetLedger ledger = AssetLedger.FromRecords(records, data.Grid);
                foreach (PeriodRetention p in retention.PeriodMetrics(Calculator.Calculate(ledger)))
                {
                    Assert.True(p.GrossRevenueRetentionFraction is null or (>= 0 and <= 1));
                    Assert.True(p.NetRevenueRetentionFraction is null || p.NetRevenueRetentionFraction >= p.GrossRevenueRetentionFraction);
                }

                foreach (CohortRetention c in retention.CohortMetrics(ledger, horizon))
                {
                    Assert.True(c.GrossRevenueRetentionFraction is null or (>= 0 and <= 1));
                    Assert.True(c.GrossRetainedValue <= c.RetainedValue && c.GrossRetainedValue <= c.BaseValue);
                    int t = data.History + c.Period.Index;
                    long expectedBase = t - horizon >= 0 ? data.Values.Where(v => v[t - horizon] > 0).Sum(v => v[t - horizon]) : 0;
                    long expectedNow = t - horizon >= 0 ? data.Values.Where(v => v[t - horizon] > 0).Sum(v => v[t]) : 0;
                    Assert.Equal(expectedBase, c.BaseValue);
                    Assert.Equal(expectedNow, c.RetainedValue);
                }
            });
    }

    [Fact]
    public void FromQuantities_SameValuesAsMoney_GivesTheSameMovements()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            IReadOnlyList<AssetRecord> records = data.Records();
            if (records.Count == 0)
            {
                return;
            }

            MeasureUnit visits = MeasureUnit.Quantity("visits");
            AssetLedger money = AssetLedger.FromRecords(records, data.Grid);
            AssetLedger usage = AssetLedger.FromQuantities(records.Select(r => new QuantityRecord(r.Customer, r.Date, r.Amount.MinorUnits, r.Segment)), data.Grid, visits);
            Assert.Equal(visits, usage.Unit);
            // Periods carry their unit (USD or visits), so compare the figures.
            Assert.Equal(Calculator.Calculate(money).Periods.Select(Figures), Calculator.Calculate(usage).Periods.Select(Figures));
            Assert.All(Calculator.Calculate(usage).Periods, p => Assert.Equal(visits, p.Unit));
        });

        static object Figures(PeriodMovement p) => (p.Period, p.Opening, p.Closing, (p.New, p.Reactivated, p.Expansion, p.Contraction, p.Flat, p.Churned), p.Customers);
    }

    [Fact]
    public void Calculate_SameInputTwice_IsDeterministic()
    {
        Properties.Check(AssetDataset.Arbitrary(), data =>
        {
            IReadOnlyList<AssetRecord> records = data.Records();
            if (records.Count == 0)
            {
                return;
            }

            Assert.Equal(
                Calculator.Calculate(AssetLedger.FromRecords(records, data.Grid)),
                Calculator.Calculate(AssetLedger.FromRecords(records.ToArray(), data.Grid)));
        }, maxTests: 50);
    }

    private static MovementTotal Get(SegmentPeriodMovement r, MovementClass cls) => cls switch
    {
        MovementClass.New => r.New,
        MovementClass.Reactivated => r.Reactivated,
        MovementClass.Expansion => r.Expansion,
        MovementClass.Contraction => r.Contraction,
        MovementClass.Flat => r.Flat,
        _ => r.Churned,
    };

    private static List<(string?, SegmentPeriodMovement)> Flatten(SegmentMovementReport report) =>
        report.Segments.SelectMany(s => s.Periods.Select(p => (s.Segment, p))).ToList();
}
