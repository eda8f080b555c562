using Cx.Domain.Reliability;
using Cx.Domain.Samples;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Tests.Samples;

public sealed class ReliabilityScenariosTests
{
    private static ReliabilityScenario Make(ScenarioKind kind, int perDay = 200, Action<ReliabilityScenarioOptions>? tune = null)
    {
        var options = new ReliabilityScenarioOptions { Kind = kind, EventsPerDay = perDay, Days = 180, ChangeDay = 90, Seed = 7 };
        tune?.Invoke(options);
        return ReliabilityScenarios.Generate("s", options);
    }

    private static double BadShare(IEnumerable<ReliabilityMeasurement> m) => m.Average(x => x.Value > ReliabilityScenarios.Threshold ? 1.0 : 0.0);

    [Fact]
    public void Generate_SameOptions_GiveTheSameScenarioAndAnotherSeedDoesNot()
    {
        ReliabilityScenario a = Make(ScenarioKind.SuddenBreak, 50);
        ReliabilityScenario b = Make(ScenarioKind.SuddenBreak, 50);
        ReliabilityScenario c = Make(ScenarioKind.SuddenBreak, 50, o => o.Seed = 8);

        Assert.Equal(a.Measurements, b.Measurements);
        Assert.NotEqual(a.Measurements.Take(20), c.Measurements.Take(20));
        Assert.Equal(a.Measurements.OrderBy(m => m.At), a.Measurements);
    }

    [Fact]
    public void InControl_BadShareAndVolume_AreAsConfigured()
    {
        // 500 events a weekday, weekends at 30%: about 500 x (5 + 2 x 0.3) / 7 = 400 a day; bad share 40% of 5%.
        ReliabilityScenario s = Make(ScenarioKind.InControl, 500, o => { o.InControlBudgetShare = 0.4; o.WeekendFactor = 0.3; o.Days = 364; o.ChangeDay = null; });

        Assert.Empty(s.Changes);
        Assert.Equal(0.02, s.InControlBadShare, 12);
        Assert.InRange(BadShare(s.Measurements), 0.019, 0.021);
        Assert.InRange(s.Measurements.Count / 364.0, 400 * 0.97, 400 * 1.03);
        ILookup<bool, ReliabilityMeasurement> weekend = s.Measurements.ToLookup(m => m.At.InUtc().DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        Assert.InRange(weekend[true].Count() / 104.0 / (weekend[false].Count() / 260.0), 0.27, 0.33);
        Assert.All(s.Measurements, m => Assert.True(m.Value <= 20 + (3.47 * 6) || m.Value > ReliabilityScenarios.Threshold, m.ToString()));
        Assert.Equal(ThresholdComparison.AtMost, s.Standard.Comparison);
        Assert.Equal(60, s.Standard.MinimumEvents);
        Assert.Equal(Duration.FromDays(30), s.Standard.ReferenceInterval!.Value.Duration);
    }

    [Fact]
    public void SuddenBreak_BadShareJumpsForTheLabelledDays()
    {
        ReliabilityScenario s = Make(ScenarioKind.SuddenBreak, 500, o => { o.BreakBudgetMultiple = 4; o.BreakDays = 20; });

        ScenarioChange change = Assert.Single(s.Changes);
        Assert.Equal(s.Standard.ReferenceInterval!.Value.Start + Duration.FromDays(90), change.Start);
        Assert.Equal(change.Start + Duration.FromDays(20), change.End);
        Assert.Equal("bad share 20% (4x the budget) for 20 days", change.Description);
        Assert.InRange(BadShare(s.Measurements.Where(m => m.At >= change.Start && m.At < change.End)), 0.19, 0.21);
        Assert.InRange(BadShare(s.Measurements.Where(m => m.At >= change.End)), 0.012, 0.018);
    }

    [Fact]
    public void SlowDrift_UsualValuesReachTheThresholdAfterTheDriftDays()
    {
        ReliabilityScenario s = Make(ScenarioKind.SlowDrift, 200, o => o.DriftDays = 60);
        Instant start = s.Changes[0].Start;

        double Median(Instant from)
        {
            double[] day = [.. s.Measurements.Where(m => m.At >= from && m.At < from + Duration.FromDays(1)).Select(m => m.Value).Order()];
            return day[day.Length / 2];
        }

        Assert.InRange(Median(start - Duration.FromDays(2)), 18, 22);
        Assert.InRange(Median(start + Duration.FromDays(30)), 32, 36);
        Assert.InRange(Median(start + Duration.FromDays(60)), 46, 50);
    }

    [Fact]
    public void OutagesAndOutliers_AreLabelledAndBounded()
    {
        ReliabilityScenario outages = Make(ScenarioKind.IntermittentOutages, 500);
        Assert.InRange(outages.Changes.Count, 3, 11);
        Assert.All(outages.Changes, c => Assert.InRange((c.End!.Value - c.Start).TotalHours, 2, 24));
        List<ReliabilityMeasurement> inside = [.. outages.Measurements.Where(m => outages.Changes.Any(c => m.At >= c.Start && m.At < c.End))];
        Assert.InRange(BadShare(inside), 0.75, 0.85);

        ReliabilityScenario outliers = Make(ScenarioKind.SingleOutliers, 500, o => o.ChangeDay = null);
        int extreme = outliers.Measurements.Count(m => m.Value == 2000);
        Assert.InRange(extreme / (double)outliers.Measurements.Count, 0.0015, 0.0025);
    }

    [Fact]
    public void Suite_EveryKindAndVolume_WithUniqueIdsAndFilteredKindsUnchanged()
    {
        IReadOnlyList<ReliabilityScenario> suite = ReliabilityScenarios.Suite(2026, 1);
        IReadOnlyList<ReliabilityScenario> breaks = ReliabilityScenarios.Suite(2026, 1, [ScenarioKind.SuddenBreak]);

        Assert.Equal(25, suite.Count);
        Assert.Equal(25, suite.Select(s => s.Standard.Id).Distinct().Count());
        Assert.Equal([5, 20, 50, 200, 500], suite.Where(s => s.Kind == ScenarioKind.SlowDrift).Select(s => s.EventsPerDay));
        Assert.Equal(suite.Where(s => s.Kind == ScenarioKind.SuddenBreak).Select(s => s.ToString()), breaks.Select(s => s.ToString()));
        Assert.Equal(suite.Count, ReliabilityScenarios.Standards(suite).Count);

        string csv = ReliabilityScenarios.ChangesCsv(breaks);
        Assert.StartsWith("standard,kind,events_per_day,in_control_bad_share,change_start,change_end,description\nbreak-5-01,sudden-break,5,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_OutOfRange_IsCX0521()
    {
        var ex = Assert.Throws<CxValidationException>(() => ReliabilityScenarios.Generate(" ", new ReliabilityScenarioOptions
        {
            EventsPerDay = 0, Days = 10, Objective = 1, InControlBudgetShare = 1, BreakBudgetMultiple = 1, Kind = ScenarioKind.None,
        }));

        Assert.All(ex.Failures, f => Assert.Equal(CxErrorCodes.ScenarioOptionsInvalid, f.ErrorCode));
        Assert.Equal(["BreakBudgetMultiple", "Days", "EventsPerDay", "Id", "InControlBudgetShare", "Kind", "Objective"], ex.Failures.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Throws<CxValidationException>(() => ReliabilityScenarios.Generate("x", new ReliabilityScenarioOptions { ChangeDay = 5 }));
    }
}
