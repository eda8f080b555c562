using Cx.Domain.Reliability;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Interval = NodaTime.Interval;
using static Cx.Domain.Tests.TestData.ReliabilityData;

namespace Cx.Domain.Tests.Reliability;

/// <summary>The laws of the evaluation, on random histories (FsCheck).</summary>
public sealed class ReliabilityPropertyTests
{
    private static readonly ReliabilityEvaluator WithDrift = new(new ReliabilityEvaluationOptions
    {
        EarlyWarning = EarlyWarningPolicy.Default.WithIndividualCharts(IndividualValueCharts.Create()),
    });

    private static readonly ReliabilityEvaluator WithoutDrift = new(new ReliabilityEvaluationOptions
    {
        EarlyWarning = EarlyWarningPolicy.Create("burn-rate only", BurnRateRules.Create(minimumEventsInLongWindow: 1)),
    });

    /// <summary>A random history: a standard (objective, window kind, gate, reference interval) and events over 60 days.</summary>
    public sealed record History(ReliabilityStandard Standard, List<ReliabilityMeasurement> Events, Instant AsOf, int Seed)
    {
        public override string ToString() =>
            $"{Standard} gate {Standard.MinimumEvents}, {Events.Count} events as of {AsOf}: {string.Join(", ", Events.Take(30).Select(e => $"{e.At:uuuu-MM-dd HH}h={e.Value}"))}";
    }

    private static Arbitrary<History> Histories() =>
        (from objective in Gen.Elements(0.5, 0.8, 0.9, 0.95, 0.99)
         from windowKind in Gen.Choose(0, 2)
         from gate in Gen.Choose(1, 15)
         from withReference in Gen.Elements(true, false)
         from hours in Gen.Choose(0, 24 * 60).ListOf()
         from values in Gen.Choose(0, 96).ListOf()
         from asOfHour in Gen.Choose(0, 24 * 62)
         from seed in Gen.Choose(0, 1000)
         let window = windowKind switch
         {
             0 => EvaluationWindow.Calendar(Months2026),
             1 => EvaluationWindow.Rolling(Duration.FromDays(30)),
             _ => EvaluationWindow.Rolling(Duration.FromDays(7)),
         }
         let reference = withReference ? new Interval(Jan1, Jan1 + Duration.FromDays(5)) : (Interval?)null
         select new History(
             TestDrive(window, gate, objective, reference: reference),
             hours.Select((h, i) => M("test-drive-48h", Jan1 + Duration.FromHours(h), values.Count == 0 ? 24 : values[i % values.Count])).ToList(),
             Jan1 + Duration.FromHours(asOfHour),
             seed)).ToArbitrary();

    private static StandardEvaluation One(ReliabilityEvaluator evaluator, History h, IEnumerable<ReliabilityMeasurement>? events = null) =>
        evaluator.Evaluate(Set(h.Standard), (events ?? h.Events).DefaultIfEmpty(M("test-drive-48h", Jan1 - Duration.FromDays(400), 1)), h.AsOf).Standards[0];

    [Fact]
    public void Compliance_AnyHistory_IsBetweenZeroAndOne()
    {
        Properties.Check(Histories(), h =>
        {
            StandardEvaluation e = One(WithDrift, h);
            Assert.All(e.Windows, w => Assert.True(w.Compliance is null || (w.Compliance >= 0 && w.Compliance <= 1), w.ToString()));
            Assert.All(e.Windows, w => Assert.True(w.BurnRate >= 0 && double.IsFinite(w.BurnRate)));
        });
    }

    [Fact]
    public void AddingABadEvent_NeverRaisesComplianceNorLowersBurnRate()
    {
        Properties.Check(Histories(), h =>
        {
            StandardEvaluation before = One(WithoutDrift, h);
            StandardEvaluation after = One(WithoutDrift, h, h.Events.Append(M("test-drive-48h", h.AsOf, 500)));
            for (int i = 0; i < before.Windows.Count; i++)
            {
                WindowEvaluation b = before.Windows[i];
                WindowEvaluation a = after.Windows[i];
                Assert.True((a.Compliance ?? 0) <= (b.Compliance ?? 1), $"{b} -> {a}");
                Assert.True(a.BurnRate >= b.BurnRate, $"{b} -> {a}");
            }

            for (int i = 0; i < before.Alerts.Count; i++)
            {
                Assert.True(after.Alerts[i].LongBurnRate >= before.Alerts[i].LongBurnRate);
                Assert.True(after.Alerts[i].ShortBurnRate >= before.Alerts[i].ShortBurnRate);
            }
        });
    }

    [Fact]
    public void BurnRate_BadShareEqualToTheAllowance_IsExactlyOne()
    {
        Arbitrary<(double Objective, int Hundreds)> cases =
            (from objective in Gen.Elements(0.5, 0.75, 0.8, 0.9, 0.95, 0.96, 0.98, 0.99, 0.999)
             from hundreds in Gen.Choose(1, 5)
             select (objective, hundreds * 10)).ToArbitrary();
        Properties.Check(cases, c =>
        {
            int n = c.Hundreds * 100;
            int bad = (int)Math.Round((1 - c.Objective) * n);
            List<ReliabilityMeasurement> events = [.. Enumerable.Range(0, n).Select(i => M("test-drive-48h", Jan1 + Duration.FromMinutes(i), i < bad ? 72 : 24))];
            WindowEvaluation w = WithoutDrift.Evaluate(Set(TestDrive(objective: c.Objective)), events, Jan1 + Duration.FromDays(5)).Standards[0].CurrentWindow!;

            Assert.Equal(1.0, w.BurnRate);
            Assert.Equal(1.0, w.BudgetConsumed);
            Assert.Equal(WindowStatus.Met, w.Status);
            Assert.Equal(0.0, w.BudgetRemaining, 9);
        }, maxTests: 50);
    }

    [Fact]
    public void MergedPartials_EqualTheWholeCount()
    {
        Properties.Check(Histories(), h =>
        {
            ReliabilityStandardSet set = Set(h.Standard);
            var random = new Random(h.Seed);
            List<ReliabilityMeasurement>[] parts = [[], [], []];
            foreach (ReliabilityMeasurement m in h.Events)
            {
                parts[random.Next(parts.Length)].Add(m);
            }

            ReliabilityPartial merged = parts.Select(p => WithoutDrift.CountPartial(set, p, h.AsOf)).Aggregate((a, b) => a.Merge(b));
            ReliabilityPartial regrouped = WithoutDrift.CountPartial(set, parts[0], h.AsOf)
                .Merge(WithoutDrift.CountPartial(set, parts[1], h.AsOf).Merge(WithoutDrift.CountPartial(set, parts[2], h.AsOf)));
            ReliabilityPartial whole = WithoutDrift.CountPartial(set, h.Events, h.AsOf);

            Assert.Equal(ReliabilityEvaluatorTests.ReportText(whole.ToReport()), ReliabilityEvaluatorTests.ReportText(merged.ToReport()));
            Assert.Equal(ReliabilityEvaluatorTests.ReportText(whole.ToReport()), ReliabilityEvaluatorTests.ReportText(regrouped.ToReport()));
            if (h.Events.Count > 0)
            {
                // The counts, windows and burn-rate alerts of the whole evaluation; its status may differ only by an episode
                // kept open by its quiet period, which needs the events in order.
                ReliabilityReport full = WithoutDrift.Evaluate(set, h.Events, h.AsOf);
                Assert.Equal(ReliabilityEvaluatorTests.CountsText(full), ReliabilityEvaluatorTests.CountsText(merged.ToReport()));
                StandardEvaluation e = full.Standards[0];
                Assert.True(e.Status == merged.ToReport().Standards[0].Status || (e.Status == StandardStatus.Watch && e.OpenEpisode is not null), e.ToString());
            }
        });
    }

    [Fact]
    public void Evaluate_ShuffledMeasurements_GiveTheSameReport()
    {
        Properties.Check(Histories(), h =>
        {
            var random = new Random(h.Seed);
            List<ReliabilityMeasurement> shuffled = [.. h.Events.OrderBy(_ => random.Next())];
            Assert.Equal(ReliabilityEvaluatorTests.ReportText(WithDrift.Evaluate(Set(h.Standard), h.Events.DefaultIfEmpty(M("test-drive-48h", Jan1, 1)), h.AsOf)),
                ReliabilityEvaluatorTests.ReportText(WithDrift.Evaluate(Set(h.Standard), shuffled.DefaultIfEmpty(M("test-drive-48h", Jan1, 1)), h.AsOf)));
        });
    }

    [Fact]
    public void Evaluate_AsOfT_UsesNothingAfterT()
    {
        Properties.Check(Histories(), h =>
        {
            List<ReliabilityMeasurement> upToT = [M("test-drive-48h", Jan1 - Duration.FromDays(400), 1), .. h.Events.Where(m => m.At <= h.AsOf)];
            List<ReliabilityMeasurement> later = [.. Enumerable.Range(1, 20).Select(i => M("test-drive-48h", h.AsOf + Duration.FromMinutes(i * 97), i % 3 == 0 ? 24 : 200))];
            StandardEvaluation a = One(WithDrift, h, upToT);
            StandardEvaluation b = One(WithDrift, h, upToT.Concat(later));

            Assert.Equal(a.EventsAfterAsOfCount + 20, b.EventsAfterAsOfCount);
            Assert.Equal(Text(a), Text(b));
        });

        static string Text(StandardEvaluation e) =>
            $"{e.Status} {e.EventCount} | {string.Join("; ", e.Reasons)} | {string.Join("; ", e.Windows)} | {string.Join("; ", e.Alerts)} | {string.Join("; ", e.DriftSignals.Select(d => d + "@" + d.At))}";
    }

    [Fact]
    public void Backtest_EveryJudgedInstant_AgreesWithEvaluateAsOfThatInstant()
    {
        Properties.Check(Histories(), h =>
        {
            if (h.Events.Count == 0)
            {
                return;
            }

            var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromHours(7) });
            ReliabilityStandardSet set = Set(h.Standard);
            StandardBacktest backtest = evaluator.Backtest(set, h.Events, Jan1, Jan1 + Duration.FromDays(61)).Standards[0];
            foreach (BacktestBreach breach in backtest.Breaches)
            {
                Assert.Equal(StandardStatus.Breached, evaluator.Evaluate(set, h.Events, breach.At).Standards[0].Status);
            }

            foreach (WarningEpisode episode in backtest.Episodes)
            {
                // The as-of evaluation runs the same episode machine over the same judged instants (it looks back one window).
                StandardEvaluation opened = evaluator.Evaluate(set, h.Events, episode.OpenedAt).Standards[0];
                Assert.Equal(StandardStatus.Watch, opened.Status);
                Assert.Equal(episode.OpenedAt, opened.OpenEpisode!.OpenedAt);
                Assert.Equal(episode.Escalations[0].Description, opened.OpenEpisode.Escalations[0].Description);
                StandardEvaluation last = evaluator.Evaluate(set, h.Events, episode.LastFiringAt).Standards[0];
                Assert.True(last.OpenEpisode is { } open && (open.OpenedAt == episode.OpenedAt || open.OpenedBeforeFirstJudgedInstant), last.ToString());
                if (episode.ClosedAt is { } closed)
                {
                    Assert.Null(evaluator.Evaluate(set, h.Events, closed).Standards[0].OpenEpisode);
                }
            }
        }, maxTests: 60);
    }

    private static string BacktestText(ReliabilityBacktest b) => string.Join("\n", b.Standards.Select(s =>
        $"{s.Scorecard} | {string.Join("; ", s.Breaches)} | {string.Join("; ", s.Episodes.Select(e => e + " " + string.Join(" / ", e.Escalations)))}"));

    [Fact]
    public void Backtest_AnyHistory_EpisodesAreOrderedDisjointJudgedAndScored()
    {
        Properties.Check(Histories(), h =>
        {
            if (h.Events.Count == 0)
            {
                return;
            }

            var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromHours(3) });
            StandardBacktest b = evaluator.Backtest(Set(h.Standard), h.Events, Jan1, Jan1 + Duration.FromDays(61)).Standards[0];
            Duration window = h.Standard.Window.NominalLength;
            for (int i = 0; i < b.Episodes.Count; i++)
            {
                WarningEpisode e = b.Episodes[i];
                Assert.True(e.OpenedAt <= e.LastFiringAt && (e.ClosedAt is not { } c || c > e.LastFiringAt), e.ToString());
                Assert.True(i == 0 || b.Episodes[i - 1].ClosedAt <= e.OpenedAt, e.ToString());
                Assert.True(i == b.Episodes.Count - 1 || e.ClosedAt is not null, e.ToString());
                Assert.Equal(EpisodeEscalationKind.Opened, e.Escalations[0].Kind);
                Assert.All(e.Escalations.TakeWhile(x => x.At == e.OpenedAt), x => Assert.Equal(EpisodeEscalationKind.Opened, x.Kind));
                Assert.Equal(e.Escalations.Count, e.Detectors.Distinct().Count());
                Assert.Equal(e.Escalations.Max(x => x.Severity), e.PeakSeverity);
                Assert.NotEqual(EpisodeVerdict.None, e.Verdict);
                Assert.Equal(e.Verdict == EpisodeVerdict.True, e.BreachAt is not null);
                Assert.True(e.BreachAt is not { } at || (at >= e.OpenedAt && (at < (e.ClosedAt ?? Instant.MaxValue) || at <= e.OpenedAt + window)), e.ToString());
            }

            Assert.All(b.Breaches, x => Assert.True(x.LeadTime is not { } lead || (lead > Duration.Zero && lead <= window), x.ToString()));
            WarningScorecard card = b.Scorecard;
            Assert.Equal(card.EpisodeCount, card.TrueEpisodeCount + card.FalseEpisodeCount);
            Assert.InRange(card.WarnedBreachCount, 0, card.BreachCount);
            Assert.True(card.MinimumLeadTime <= card.TenthPercentileLeadTime && card.TenthPercentileLeadTime <= card.MedianLeadTime || card.MedianLeadTime is null);
            Assert.InRange(card.TimeInWarningShare, 0, 1);
        }, maxTests: 60);
    }

    [Fact]
    public void Backtest_ShuffledMeasurements_GiveTheSameBacktest()
    {
        Properties.Check(Histories(), h =>
        {
            if (h.Events.Count == 0)
            {
                return;
            }

            var random = new Random(h.Seed);
            List<ReliabilityMeasurement> shuffled = [.. h.Events.OrderBy(_ => random.Next())];
            var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromHours(5) });
            Assert.Equal(BacktestText(evaluator.Backtest(Set(h.Standard), h.Events)), BacktestText(evaluator.Backtest(Set(h.Standard), shuffled)));
        }, maxTests: 40);
    }

    [Fact]
    public void Compare_Policies_EqualTheBacktestOfEach()
    {
        EarlyWarningPolicy[] policies = [EarlyWarningPolicy.Default, EarlyWarningPolicy.Legacy, EarlyWarningPolicy.Default.WithName("cusum only").WithBurnRate(null).WithValueDrift(null)];
        Properties.Check(Histories(), h =>
        {
            if (h.Events.Count == 0)
            {
                return;
            }

            var evaluator = new ReliabilityEvaluator(new ReliabilityEvaluationOptions { BacktestStep = Duration.FromHours(5) });
            BacktestComparison comparison = evaluator.Compare(Set(h.Standard), h.Events, policies);
            for (int i = 0; i < policies.Length; i++)
            {
                Assert.Same(policies[i], comparison.Backtests[i].Policy);
                Assert.Equal(BacktestText(evaluator.Backtest(Set(h.Standard), h.Events, policy: policies[i])), BacktestText(comparison.Backtests[i]));
            }
        }, maxTests: 30);
    }
}
