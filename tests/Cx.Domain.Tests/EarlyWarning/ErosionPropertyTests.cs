using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Tests.TestData;

namespace Cx.Domain.Tests.EarlyWarning;

/// <summary>The laws of exposure, impact, revenue at risk and the priorities, on random inputs (FsCheck).</summary>
public sealed class ErosionPropertyTests
{
    private static readonly RevenueErosionCalculator Calculator = new(new EarlyWarningOptions { MinimumExposedCount = 3, Horizon = 2 });

    [Fact]
    public void ExposedPlusUnexposed_Always_EqualsActive_AndActiveIsTheBridgesOpening()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            ErosionInput input = s.Input();
            ErosionAnalysis analysis = Calculator.Analyze(input);
            AssetMovementReport bridge = new AssetMovementCalculator().Calculate(input.Ledger);
            foreach (ErosionSubject subject in analysis.Subjects)
            {
                for (int p = 0; p < ErosionScenario.Grid.Count; p++)
                {
                    PeriodExposure e = subject.Periods[p];
                    Assert.Equal(e.ActiveCustomerCount, e.ExposedActiveCustomerCount + e.UnexposedActiveCustomerCount);
                    Assert.Equal(e.ActiveValue, e.ExposedValue + e.UnexposedValue);
                    Assert.True(e.UnexposedValue >= 0 && e.UnexposedActiveCustomerCount >= 0, e.ToString());
                    Assert.Equal(bridge.Periods[p].OpeningCustomerCount, e.ActiveCustomerCount);
                    Assert.Equal(bridge.Periods[p].Opening, e.ActiveValue);
                    Assert.True(e.FailingEventsWithCustomerCount + e.FailingEventsWithUnknownCustomerCount <= e.FailingEventCount, e.ToString());
                    long failuresWithCustomer = e.FailingEventsWithCustomerCount + (subject.Kind == ErosionSubjectKind.Touchpoint
                        ? s.Standards.Standards.Where(st => st.TouchpointId == subject.Touchpoint.Id).Sum(st => analysis.ForStandard(st.Id).Periods[p].FailingEventsWithCustomerCount)
                        : 0);
                    Assert.True(e.ExposedCustomerCount <= failuresWithCustomer, e.ToString());
                }
            }
        });
    }

    [Fact]
    public void ImpactGroups_Always_AddUpToEveryActiveCustomerPeriodOfTheClosedHistory()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            ErosionAnalysis analysis = Calculator.Analyze(s.Input());
            GridPeriod last = ErosionScenario.Grid[^1];
            long active = analysis.Subjects[0].Periods.Take(ErosionScenario.Grid.Count - analysis.Horizon + 1).Sum(e => e.ActiveCustomerCount);
            long value = analysis.Subjects[0].Periods.Take(ErosionScenario.Grid.Count - analysis.Horizon + 1).Sum(e => e.ActiveValue);
            foreach (ErosionSubject subject in analysis.Subjects)
            {
                ImpactEstimate impact = subject.Impact(last);
                Assert.Equal(active, impact.Churn.ExposedCount + impact.Churn.UnexposedCount);
                Assert.Equal(value, impact.LossShare.Exposed.BaseValue + impact.LossShare.Unexposed.BaseValue);
                Assert.Equal(impact.Churn.ExposedCount, impact.Strata.Sum(k => k.Exposed.Count));
                Assert.Equal(impact.LossShare.Unexposed.LostValue, impact.Strata.Sum(k => k.Unexposed.LostValue));
                Assert.True(impact.LossShare.Exposed.LostValue <= impact.LossShare.Exposed.BaseValue);
                Assert.True(impact.ChurnOrContraction.ExposedCases <= impact.Churn.ExposedCases + impact.Contraction.ExposedCases);
                Assert.True(impact.ChurnOrContraction.ExposedCases >= Math.Max(impact.Churn.ExposedCases, impact.Contraction.ExposedCases));
            }
        });
    }

    [Fact]
    public void TouchpointExposure_Always_IncludesItsStandardsExposure()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            ErosionAnalysis analysis = Calculator.Analyze(s.Input());
            foreach (ReliabilityStandard standard in s.Standards.Standards)
            {
                ErosionSubject touchpoint = analysis.ForTouchpoint(standard.TouchpointId);
                ErosionSubject measured = analysis.ForStandard(standard.Id);
                for (int p = 0; p < ErosionScenario.Grid.Count; p++)
                {
                    Assert.True(touchpoint.Periods[p].ExposedCustomerCount >= measured.Periods[p].ExposedCustomerCount);
                    Assert.True(touchpoint.Periods[p].ExposedValue >= measured.Periods[p].ExposedValue);
                }
            }
        });
    }

    [Fact]
    public void RevenueAtRisk_WhenExposedAndUnexposedLoseAtTheSameRate_IsZero()
    {
        Properties.Check(ErosionScenario.Twins(), s =>
        {
            ErosionAnalysis analysis = Calculator.Analyze(s.Input());
            ErosionSubject subject = analysis.ForStandard("dealer-4h");
            foreach (GridPeriod period in ErosionScenario.Grid.Periods)
            {
                ImpactEstimate impact = subject.Impact(period);
                Assert.Equal(impact.Churn.ExposedCount, impact.Churn.UnexposedCount);
                if (impact.LossShare.ExcessShare is { } excess)
                {
                    Assert.True(Math.Abs(excess.Estimate) < 1e-12, excess.ToString());
                    Assert.Equal(0, subject.RevenueAtRisk(period).Estimate);
                    Assert.Equal(0, impact.ChurnOrContraction.StratifiedRiskDifference!.Value.Estimate, 12);
                }
            }
        }, maxTests: 100);
    }

    [Fact]
    public void Analysis_ShuffledInput_IsTheSame()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            var random = new Random(s.Seed);
            string expected = ErosionScenario.Render(Calculator.Analyze(s.Input()));
            ErosionInput shuffled = s.Input(s.Records.OrderBy(_ => random.Next()), s.Measurements.OrderBy(_ => random.Next()), s.Events.OrderBy(_ => random.Next()));
            Assert.Equal(expected, ErosionScenario.Render(Calculator.Analyze(shuffled)));
        }, maxTests: 100);
    }

    [Fact]
    public void ColumnarPath_Always_EqualsTheRecordPath()
    {
        Properties.Check(ErosionScenario.Arbitrary(unknownCustomers: false), s =>
        {
            ErosionInput input = s.Input();
            var position = input.Ledger.Customers.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
            var standard = new List<int>();
            var customer = new List<int>();
            var ticks = new List<long>();
            var values = new List<double>();
            foreach (ReliabilityMeasurement m in s.Measurements)
            {
                foreach (int target in s.Standards.Resolve(m.SubjectId))
                {
                    standard.Add(target);
                    customer.Add(m.Customer is { } c ? position[c] : -1);
                    ticks.Add(m.At.ToUnixTimeTicks());
                    values.Add(m.Value);
                }
            }

            var columns = new ErosionColumns(
                input.Ledger, s.Framework, s.Standards, standard.ToArray(), customer.ToArray(), ticks.ToArray(), values.ToArray(),
                s.Events.Select(e => s.Framework.IndexOfTouchpoint(e.TouchpointId)).ToArray(),
                s.Events.Select(e => position[e.Customer]).ToArray(),
                s.Events.Select(e => e.At.ToUnixTimeTicks()).ToArray(),
                s.Events.Select(e => e.Outcome).ToArray());

            Assert.Equal(ErosionScenario.Render(Calculator.Analyze(input)), ErosionScenario.Render(Calculator.Analyze(columns)));
        }, maxTests: 100);
    }

    /// <summary>Large ledgers are swept on several cores; the split must change nothing. The threshold is lowered here so
    /// small inputs take the parallel path (other tests running meanwhile are unaffected: the results are identical by design,
    /// which is what this test checks).</summary>
    [Fact]
    public void ParallelSweep_Always_EqualsTheSequentialOne()
    {
        int saved = Cx.Domain.Internal.ErosionEngine.ParallelThreshold;
        try
        {
            Properties.Check(ErosionScenario.Arbitrary(), s =>
            {
                Cx.Domain.Internal.ErosionEngine.ParallelThreshold = int.MaxValue;
                string expected = ErosionScenario.Render(Calculator.Analyze(s.Input()));
                Cx.Domain.Internal.ErosionEngine.ParallelThreshold = 0;
                Assert.Equal(expected, ErosionScenario.Render(Calculator.Analyze(s.Input())));
            }, maxTests: 60);
        }
        finally
        {
            Cx.Domain.Internal.ErosionEngine.ParallelThreshold = saved;
        }
    }

    [Fact]
    public void Priorities_AreDeterministic_IndependentOfInputOrder_AndOnePerTouchpoint()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            var random = new Random(s.Seed + 1);
            GridPeriod period = ErosionScenario.Grid[^1];
            ErosionReport report = Calculator.Report(s.Input(), period);
            ErosionReport again = Calculator.Report(s.Input(s.Records.OrderBy(_ => random.Next()), s.Measurements.OrderBy(_ => random.Next()), s.Events.OrderBy(_ => random.Next())), period);

            Assert.Equal(report.RankedTouchpoints.Select(p => p.ToString() + p.Score), again.RankedTouchpoints.Select(p => p.ToString() + p.Score));
            Assert.Equal(report.Warnings.Select(w => w.ToString()), again.Warnings.Select(w => w.ToString()));
            Assert.Equal(report.RankedTouchpoints.Count, report.RankedTouchpoints.Select(p => p.Touchpoint.Id).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, report.RankedTouchpoints.Count), report.RankedTouchpoints.Select(p => p.Rank));
            Assert.True(report.Priorities.Count <= 5);
            Assert.All(report.RankedTouchpoints, p =>
            {
                Assert.InRange(p.Score.RevenueAtRiskPart, 0, 1);
                Assert.InRange(p.Score.SignalPart, 0, 1);
                Assert.InRange(p.Score.StageLossPart, 0, 1);
                Assert.True(p.Score.Value > 0);
            });
            for (int i = 1; i < report.RankedTouchpoints.Count; i++)
            {
                Assert.True(report.RankedTouchpoints[i - 1].Score.Value >= report.RankedTouchpoints[i].Score.Value);
            }
        }, maxTests: 60);
    }

    [Fact]
    public void StageLosses_OfThePriorities_AreTheAttributionAndAssetTotalsToTheCent()
    {
        Properties.Check(ErosionScenario.Arbitrary(), s =>
        {
            ErosionInput input = s.Input();
            GridPeriod period = ErosionScenario.Grid[^2];
            ErosionReport report = Calculator.Report(input, period);
            PeriodMovement movement = new AssetMovementCalculator().Calculate(input.Ledger).Periods[period.Index];
            StageBridgePeriod? bridge = report.Attribution.Bridge.SingleOrDefault(b => b.Period == period);
            long lost = -(movement.Contraction.Value + movement.Churned.Value);
            Assert.Equal(lost, bridge?.LostValue ?? 0);
            Assert.All(report.RankedTouchpoints, p =>
            {
                Assert.Equal(lost, p.PeriodLostValue);
                // A scenario without events has no attribution bridge for the period: no loss is attributed to any stage.
                Assert.Equal(bridge?.Stages.Single(st => st.Stage.Id == p.Stage.Id).LostValue ?? 0, p.StageLostValue);
            });
        }, maxTests: 60);
    }
}
