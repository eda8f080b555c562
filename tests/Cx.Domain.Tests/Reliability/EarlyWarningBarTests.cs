using System.Globalization;
using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using NodaTime;
using Xunit.Abstractions;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The bars of issue #8 with fixed seeds: the default early-warning policy on the sample company (beside the policy
/// before episodes, printed in the same run), on in-control scenarios at 5, 20 and 200 events a day, and on sudden breaks
/// and slow drifts. The figures are recorded in docs/concepts/reliability.md.</summary>
public sealed class EarlyWarningBarTests(ITestOutputHelper output)
{
    private static readonly ReliabilityEvaluator Evaluator = new();

    [Fact]
    public void SampleCompany_DefaultPolicy_WarnsNineInTenBreachesWithFourInFivePrecisionAndThreeDaysLead()
    {
        SampleCompany company = SampleCompany.Generate();

        BacktestComparison comparison = Evaluator.Compare(company.ReliabilityStandards, company.ReliabilityMeasurements, [EarlyWarningPolicy.Legacy, EarlyWarningPolicy.Default]);

        WarningScorecard legacy = comparison.Scorecards[0];
        WarningScorecard now = comparison.Scorecards[1];
        output.WriteLine("legacy:  " + legacy);
        output.WriteLine("default: " + now);
        Assert.True(now.Recall >= 0.9, now.ToString());
        Assert.True(now.Precision >= 0.8, now.ToString());
        Assert.True(now.MedianLeadTime >= Duration.FromDays(3), now.ToString());

        // The same history under the policy before episodes: as many breaches, but hundreds of false episodes.
        Assert.Equal(legacy.BreachCount, now.BreachCount);
        Assert.True(legacy.FalseEpisodeCount > 100 * Math.Max(1, now.FalseEpisodeCount), legacy.ToString());
    }

    /// <summary>30 in-control processes a volume, each a year (the first 30 days are the reference; the 335 days after it are
    /// judged): 111 standard-quarters a volume. In-control bad shares from 20% to 80% of the budget, objectives 90%, 95% and
    /// 99%, with and without a weekend dip.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(200)]
    public void InControlScenarios_AnyVolume_AtMostOneFalseEpisodePerStandardPer90Days(int eventsPerDay)
    {
        List<ReliabilityScenario> scenarios = [.. Enumerable.Range(0, 30).Select(i => ReliabilityScenarios.Generate(
            string.Create(CultureInfo.InvariantCulture, $"in-control-{eventsPerDay}-{i:00}"),
            new ReliabilityScenarioOptions
            {
                Seed = (ulong)((eventsPerDay * 1000) + i), EventsPerDay = eventsPerDay, Days = 365, InControlBudgetShare = 0.2 + (0.6 * (i % 10) / 9.0),
                Objective = (i % 3) switch { 0 => 0.95, 1 => 0.9, _ => 0.99 }, WeekendFactor = i % 2 == 0 ? 1 : 0.3, RollingWindow = i % 4 == 3,
            }))];
        Instant referenceEnd = scenarios[0].Standard.ReferenceInterval!.Value.End;

        ReliabilityBacktest backtest = Evaluator.Backtest(ReliabilityScenarios.Standards(scenarios), scenarios.SelectMany(s => s.Measurements), from: referenceEnd);

        double quarters = backtest.Scorecard.Span.TotalDays / 90;
        output.WriteLine($"{eventsPerDay} events a day: {backtest.Scorecard}; {quarters:0} standard-quarters");
        Assert.True(quarters >= 100, quarters.ToString(CultureInfo.InvariantCulture));
        Assert.True(backtest.Scorecard.FalseEpisodesPer90Days <= 1, backtest.Scorecard.ToString());
    }

    /// <summary>The suite's breaks and drifts (seed 2026, 12 of each at each volume from 5 to 500 events a day): of those whose
    /// change causes a breach (one that begins while the change lasts or within a window after it), at least 90% are warned
    /// before that first breach.</summary>
    [Theory]
    [InlineData(ScenarioKind.SuddenBreak)]
    [InlineData(ScenarioKind.SlowDrift)]
    public void BreaksAndDrifts_Suite_NineInTenWarnedBeforeTheBreach(ScenarioKind kind)
    {
        IReadOnlyList<ReliabilityScenario> scenarios = ReliabilityScenarios.Suite(2026, 12, [kind]);
        Instant referenceEnd = scenarios[0].Standard.ReferenceInterval!.Value.End;

        ReliabilityBacktest backtest = Evaluator.Backtest(ReliabilityScenarios.Standards(scenarios), scenarios.SelectMany(s => s.Measurements), from: referenceEnd);

        int caused = 0;
        int warned = 0;
        for (int i = 0; i < scenarios.Count; i++)
        {
            ScenarioChange change = scenarios[i].Changes[0];
            Duration window = scenarios[i].Standard.Window.NominalLength;
            BacktestBreach? first = backtest.Standards[i].Breaches.FirstOrDefault(b => b.At >= change.Start && (change.End is not { } end || b.At <= end + window));
            if (first is null)
            {
                continue;
            }

            caused++;
            warned += first.FirstWarningAt is null ? 0 : 1;
            if (first.FirstWarningAt is null)
            {
                output.WriteLine($"missed: {scenarios[i]}; breach {first.At}, {(first.At - change.Start).TotalHours:0} h after the change");
            }
        }

        output.WriteLine($"{kind}: {warned} of {caused} warned before the first breach; {backtest.Scorecard}");
        Assert.True(caused >= 50, caused.ToString(CultureInfo.InvariantCulture));
        Assert.True(warned >= 0.9 * caused, $"{warned} of {caused}");
    }
}
