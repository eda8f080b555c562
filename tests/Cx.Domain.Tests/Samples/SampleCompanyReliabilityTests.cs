using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Domain.Tests.Samples;

public sealed class SampleCompanyReliabilityTests
{
    private static readonly SampleCompany Company = SampleCompany.Generate();
    private static readonly ReliabilityEvaluator Evaluator = new(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromHours(1) });

    private static ReliabilityStandardSet Only(string id) =>
        ReliabilityStandardSet.Create(Company.ReliabilityStandards.Standards.Where(s => s.Id == id));

    private static IEnumerable<ReliabilityMeasurement> Of(string id) => Company.ReliabilityMeasurements.Where(m => m.SubjectId == id);

    [Fact]
    public void Measurements_SameSeed_AreIdentical()
    {
        IReadOnlyList<ReliabilityMeasurement> again = SampleCompany.Generate().ReliabilityMeasurements;

        Assert.Equal(Company.ReliabilityMeasurements.Count, again.Count);
        Assert.Equal(Company.ReliabilityMeasurements.Take(200), again.Take(200));
        Assert.Equal(Company.ReliabilityMeasurements[^1], again[^1]);
        Assert.NotEqual(Company.ReliabilityMeasurements.Take(50), SampleCompany.Generate(7).ReliabilityMeasurements.Take(50));
        Assert.InRange(Company.ReliabilityMeasurements.Count, 80_000, 150_000);
    }

    [Fact]
    public void Standards_CoverSixKeyTouchpointsWithOwners()
    {
        Assert.Equal(
            ["test-drive", "financing-approval", "dealer-response", "proposal", "roadside-assistance", "web-configurator"],
            Company.ReliabilityStandards.Standards.Select(s => s.TouchpointId));
        Assert.All(Company.ReliabilityStandards.Standards, s => Assert.False(string.IsNullOrEmpty(s.Owner)));
    }

    [Fact]
    public void Evaluate_EndOfHistory_DegradedProcessesBreachedSteadyOnesReliable()
    {
        Instant end = Instant.FromUtc(2025, 12, 31, 23, 0);

        ReliabilityReport report = Evaluator.Evaluate(Company.ReliabilityStandards, Company.ReliabilityMeasurements, end);

        Assert.Equal(StandardStatus.Breached, report.Standards[0].Status);
        Assert.Equal(StandardStatus.Breached, report.Standards[1].Status);
        // Steady processes meet their standard, and no detector of the default policy fires on them.
        Assert.All(report.Standards.Skip(2), s => Assert.Equal(StandardStatus.Reliable, s.Status));
        Assert.All(report.Standards.Skip(2), s => Assert.True(s.CurrentWindow?.Compliance is not { } c || c >= s.Standard.Objective, s.ToString()));
    }

    [Fact]
    public void ExperienceEvents_AtMeasuredTouchpoints_AgreeWithTheirMeasurements()
    {
        var standardOf = Company.ReliabilityStandards.Standards.ToDictionary(s => s.TouchpointId, s => s);
        var measured = Company.ReliabilityMeasurements.Where(m => m.Customer is not null).ToLookup(m => (m.Customer!.Value, m.At));
        ExperienceEvent[] atMeasured = Company.ExperienceEvents.Where(e => standardOf.ContainsKey(e.TouchpointId)).ToArray();

        Assert.NotEmpty(atMeasured);
        Assert.Contains(atMeasured, e => e.Outcome == ExperienceOutcome.Unreliable);
        foreach (ExperienceEvent e in atMeasured)
        {
            ReliabilityStandard standard = standardOf[e.TouchpointId];
            ReliabilityMeasurement m = Assert.Single(measured[(e.Customer, e.At)], x => x.SubjectId == standard.Id);
            Assert.Equal(e.Outcome == ExperienceOutcome.Unreliable, m.Value > standard.Threshold);
        }
    }

    [Fact]
    public void Backtest_SuddenBreak_BreachesWithinDaysAndIsOnWatchJustBefore()
    {
        Instant breakAt = Instant.FromUtc(2025, 4, 10, 0, 0);
        StandardBacktest backtest = Evaluator.Backtest(Only(SampleCompany.BreakingStandardId), Of(SampleCompany.BreakingStandardId), breakAt - Duration.FromDays(9), breakAt + Duration.FromDays(20)).Standards[0];

        BacktestBreach breach = Assert.Single(backtest.Breaches);
        Assert.True(breach.At > breakAt && breach.At < breakAt + Duration.FromDays(3), breach.ToString());
        Assert.NotNull(breach.FirstWarningAt);
        Assert.Equal(StandardStatus.Watch, Evaluator.Evaluate(Only(SampleCompany.BreakingStandardId), Of(SampleCompany.BreakingStandardId), breach.At - Duration.FromHours(1)).Standards[0].Status);
    }

    [Fact]
    public void Backtest_SlowDrift_BreachesOnlyAfterTheDriftAndIsMostlyWarned()
    {
        StandardBacktest backtest = Evaluator.Backtest(Only(SampleCompany.DriftingStandardId), Of(SampleCompany.DriftingStandardId)).Standards[0];

        Assert.NotEmpty(backtest.Breaches);
        Assert.All(backtest.Breaches, b => Assert.True(b.At >= Instant.FromUtc(2024, 7, 1, 0, 0), b.ToString()));
        Assert.True(backtest.WarnedBreachCount >= backtest.Breaches.Count / 2, backtest.ToString());
        Assert.Contains(backtest.Episodes, e => e.Escalations.Any(x => x.DetectorKind == WarningDetectorKind.ValueDrift) && e.OpenedAt < backtest.Breaches[0].At);
    }
}
