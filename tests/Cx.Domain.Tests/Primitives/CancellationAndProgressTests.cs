using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using Cx.Domain.Reporting;
using Cx.Domain.Samples;

namespace Cx.Domain.Tests.Primitives;

/// <summary>The long operations (bulk ledger building, attribution, the reliability backtest) stop on a canceled token,
/// report progress that only goes forward and ends at its total, and give the same result as without a token.</summary>
public sealed class CancellationAndProgressTests
{
    private static readonly SampleCompany Company = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 300 });

    /// <summary>Collects reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder : IProgress<WorkProgress>
    {
        public List<WorkProgress> Reports { get; } = [];

        public void Report(WorkProgress value) => Reports.Add(value);
    }

    [Fact]
    public void FromRecords_WithProgress_GivesTheSameLedgerAndCountsEveryRecord()
    {
        var recorder = new Recorder();

        AssetLedger monitored = AssetLedger.FromRecords(Company.RevenueRecords, Company.Grid, null, CancellationToken.None, recorder);

        AssetLedger plain = Company.RevenueLedger();
        Assert.Equal(new AssetMovementCalculator().Calculate(plain), new AssetMovementCalculator().Calculate(monitored));
        WorkProgress last = recorder.Reports[^1];
        Assert.Equal(new WorkProgress("reading records", Company.RevenueRecords.Count, Company.RevenueRecords.Count), last);
        Assert.Equal(1.0, last.Fraction);
        Assert.True(recorder.Reports.Zip(recorder.Reports.Skip(1)).All(p => p.First.Completed <= p.Second.Completed));
    }

    [Fact]
    public void LongOperations_CanceledToken_Throw()
    {
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => AssetLedger.FromRecords(Company.RevenueRecords, Company.Grid, null, canceled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new JourneyAttributionCalculator().Calculate(Company.Journey, Company.RevenueLedger(), Company.ExperienceEvents, null, canceled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new ReliabilityEvaluator().Backtest(Company.ReliabilityStandards, Company.ReliabilityMeasurements, canceled.Token));
    }

    [Fact]
    public void FromRecords_CanceledWhileReading_StopsWithinAFewThousandRecords()
    {
        using var cancel = new CancellationTokenSource();
        long read = 0;
        IEnumerable<AssetRecord> Records()
        {
            foreach (AssetRecord r in Enumerable.Repeat(Company.RevenueRecords, 1000).SelectMany(x => x))
            {
                if (++read == 10_000)
                {
                    cancel.Cancel();
                }

                yield return r;
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() => AssetLedger.FromRecords(Records(), Company.Grid, null, cancel.Token));
        Assert.InRange(read, 10_000, 10_000 + 8_192);
    }

    [Fact]
    public void AttributionAndBacktest_WithProgress_GiveTheSameResults()
    {
        var recorder = new Recorder();
        AssetLedger ledger = Company.RevenueLedger();
        var calculator = new JourneyAttributionCalculator();

        AttributionResult monitored = calculator.Calculate(Company.Journey, ledger, Company.ExperienceEvents, null, CancellationToken.None, recorder);
        AttributionResult plain = calculator.Calculate(Company.Journey, ledger, Company.ExperienceEvents);
        Assert.Equal(plain.ToJson(), monitored.ToJson());
        Assert.Contains(recorder.Reports, r => r.Stage == "reading events" && r.Completed == Company.ExperienceEvents.Count);

        recorder.Reports.Clear();
        var evaluator = new ReliabilityEvaluator();
        ReliabilityBacktest backtest = evaluator.Backtest(Company.ReliabilityStandards, Company.ReliabilityMeasurements, CancellationToken.None, recorder);
        Assert.Equal(evaluator.Backtest(Company.ReliabilityStandards, Company.ReliabilityMeasurements).ToJson(), backtest.ToJson());
        Assert.Equal(new WorkProgress("backtesting standards", Company.ReliabilityStandards.Count, Company.ReliabilityStandards.Count), recorder.Reports[^1]);
    }

    [Fact]
    public void WorkProgress_Values_AreCheckedAndReadable()
    {
        Assert.Equal("reading records: 40,000 of 100,000 (40.0%)", new WorkProgress("reading records", 40_000, 100_000).ToString());
        Assert.Equal("reading events: 12", new WorkProgress("reading events", 12, null).ToString());
        Assert.Null(new WorkProgress("x", 0, 0).Fraction);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkProgress("x", -1, null));
        Assert.Equal(string.Empty, default(WorkProgress).Stage);
    }
}
