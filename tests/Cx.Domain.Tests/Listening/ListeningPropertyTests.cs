using Cx.Domain.Listening;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using static Cx.Domain.Tests.TestData.ListeningData;

namespace Cx.Domain.Tests.Listening;

/// <summary>The laws of the listening path on random feedback (FsCheck): counts add up across every breakdown, the result
/// does not depend on order, partials merge into the whole, the columnar path equals the record path, metrics stay in their
/// bounds and their intervals contain them, a spike is exactly a count above its threshold.</summary>
public sealed class ListeningPropertyTests
{
    private static readonly ListeningCalculator Calculator = new(Options());

    private static ListeningReport Whole(IReadOnlyList<FeedbackSignal> signals, TopicTaxonomy? taxonomy = null) =>
        Calculator.Calculate(ListeningData.Journey, Grid, signals, taxonomy ?? Taxonomy);

    [Fact]
    public void Counts_AnyFeedback_AddUpAcrossEveryBreakdown()
    {
        Properties.Check(Signals(), signals =>
        {
            ListeningReport r = Whole(signals);

            Assert.Equal(signals.Count, r.SignalCount + r.BeforeGridCount + r.AfterGridCount);
            foreach (ListeningPeriod p in r.Periods)
            {
                Assert.Equal(p.SignalCount, p.Kinds.Sum(k => k.Count));
                Assert.Equal(p.SignalCount, p.Sources.Sum(k => k.Count));
                Assert.Equal(p.SignalCount, p.Stages.Sum(k => k.SignalCount));
                Assert.Equal(p.SignalCount, p.Touchpoints.Sum(k => k.Count));
                Assert.Equal(p.ComplaintCount, p.Stages.Sum(s => s.ComplaintCount));
                Assert.Equal(p.ComplaintCount, p.Kinds[1].Count);
                Assert.True(p.Topics.Sum(t => t.Count) >= p.SignalCount);
                Assert.True(p.SignalCount == 0 || Math.Abs(p.Stages.Sum(s => s.ShareOfVoice) - 1) < 1e-12);
            }

            long mentions = signals.Where(s => r.Grid.Start.AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant() <= s.At
                    && s.At < r.Grid.End.PlusDays(1).AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant())
                .Sum(s => (long)Math.Max(1, s.Topics.Count));
            Assert.Equal(mentions, r.Periods.Sum(p => p.Topics.Sum(t => t.Count)));
            long surveys = r.Periods.Sum(p => p.Kinds[2].Count);
            Assert.Equal(surveys, r.Surveys.Where(m => m.StageId is null).Sum(m => m.ResponseCount));
        });
    }

    [Fact]
    public void Report_ShuffledSignals_IsTheSame()
    {
        Properties.Check(Signals(), signals =>
        {
            var shuffled = signals.OrderBy(s => s.GetHashCode()).ThenBy(s => s.At).ToList();
            shuffled.Reverse();

            Assert.Equal(Fingerprint(Whole(signals)), Fingerprint(Whole(shuffled)));
        }, maxTests: 100);
    }

    [Fact]
    public void MergedPartials_AnySplit_EqualTheWhole()
    {
        Arbitrary<(List<FeedbackSignal>, int, bool)> cases =
            (from signals in Signals().Generator
             from parts in Gen.Choose(1, 4)
             from withTaxonomy in Gen.Elements(true, false)
             select (signals, parts, withTaxonomy)).ToArbitrary();
        Properties.Check(cases, c =>
        {
            (List<FeedbackSignal> signals, int parts, bool withTaxonomy) = c;
            TopicTaxonomy? taxonomy = withTaxonomy ? Taxonomy : null;
            ListeningPartial[] partials = [.. Enumerable.Range(0, parts).Select(k => Calculator.CountPartial(ListeningData.Journey, Grid, signals.Where((_, i) => i % parts == k), taxonomy))];

            ListeningPartial merged = ListeningPartial.Merge(partials.Reverse());

            Assert.Equal(Fingerprint(Calculator.Calculate(ListeningData.Journey, Grid, signals, taxonomy)), Fingerprint(Calculator.Report(merged)));
        }, maxTests: 100);
    }

    [Fact]
    public void ColumnarPath_AnyFeedback_EqualsTheRecordPath()
    {
        Properties.Check(Signals(), signals =>
        {
            ListeningReport records = Whole(signals);
            ListeningReport columns = Calculator.Calculate(Grid, Columns(signals, Taxonomy));

            Assert.Equal(Fingerprint(records), Fingerprint(columns));
        }, maxTests: 100);
    }

    [Fact]
    public void SurveyMetrics_AnyFeedback_StayInBoundsAndTheirIntervalsContainThem()
    {
        Properties.Check(Signals(), signals =>
        {
            foreach (SurveyMetric m in Whole(signals).Surveys)
            {
                (double min, double max) = m.Instrument switch { SurveyInstrument.Nps => (-100.0, 100.0), SurveyInstrument.Csat => (0.0, 100.0), _ => (1.0, 7.0) };
                Assert.InRange(m.Estimate, min, max);
                Assert.InRange(m.Lower, min, max);
                Assert.InRange(m.Upper, min, max);
                Assert.True(m.StandardError >= 0);

                // NPS: the adjusted-Wald interval contains the raw score from 2 responses on at 95% (NpsMetric remarks).
                if (m.Instrument != SurveyInstrument.Nps || m.ResponseCount >= 2)
                {
                    Assert.True(m.Lower <= m.Estimate && m.Estimate <= m.Upper, m.ToString());
                }

                if (m is NpsMetric nps)
                {
                    Assert.Equal(nps.ResponseCount, nps.PromoterCount + nps.PassiveCount + nps.DetractorCount);
                    Assert.True(nps.Lower <= nps.AdjustedScore && nps.AdjustedScore <= nps.Upper);
                }

                if (m is CesMetric ces)
                {
                    Assert.InRange(ces.TopBoxShare, ces.TopBoxLower, ces.TopBoxUpper);
                }
            }
        });
    }

    [Fact]
    public void NpsInterval_AnyComposition_ContainsTheScoreFromTwoResponsesAt95AndFiveAt90()
    {
        Arbitrary<(int, int, int, bool)> compositions =
            (from promoters in Gen.Choose(0, 300)
             from passives in Gen.Choose(0, 300)
             from detractors in Gen.Choose(0, 300)
             from at95 in Gen.Elements(true, false)
             select (promoters, passives, detractors, at95)).ToArbitrary();
        Properties.Check(compositions, c =>
        {
            (int p, int q, int d, bool at95) = c;
            int n = p + q + d;
            if (n < (at95 ? 2 : 5))
            {
                return;
            }

            SurveyInterval i = SurveyStatistics.Nps(p, d, n, at95 ? 1.959963984540054 : 1.6448536269514722);
            Assert.InRange(i.Estimate, -100, 100);
            Assert.True(i.Lower <= i.Estimate && i.Estimate <= i.Upper, $"{i}");
        }, maxTests: 1000);
    }

    [Fact]
    public void Spikes_AnyFeedback_AreExactlyTheCountsAboveTheirThresholds()
    {
        Properties.Check(Signals(400), signals =>
        {
            ListeningReport r = Whole(signals);
            foreach (SpikeCheck c in r.SpikeChecks)
            {
                bool above = c.Observed > c.Threshold && c.Observed > 0;
                Assert.True(above == (c.Status is SpikeStatus.Spike or SpikeStatus.TooFewCounts), c.ToString());
                Assert.InRange(c.FalseAlarmProbability, 0, 1);
                Assert.True(c.Expected >= 0 && c.Threshold >= 0 && c.Dispersion >= 1);
                if (c.Detector == SpikeDetector.Farrington && c.Observed > 0)
                {
                    // The negative binomial threshold is its (1 - α) quantile: above it exactly when P(Y >= y) <= α.
                    Assert.True(above == (c.FalseAlarmProbability <= c.Alpha), FormattableString.Invariant($"{c} threshold {c.Threshold:R} p {c.FalseAlarmProbability:R} expected {c.Expected:R} dispersion {c.Dispersion:R}"));
                }
            }

            Assert.Equal(r.Spikes.Count, r.Confirmations.Count);
        });
    }

    [Fact]
    public void QuickCheck_AnySignal_AgreesWithTheValidator()
    {
        Gen<FeedbackSignal> broken =
            from s in Signal()
            from flaw in Gen.Choose(0, 11)
            select flaw switch
            {
                0 => s with { Source = FeedbackSource.Unknown },
                1 => s with { Kind = (FeedbackKind)9 },
                2 => s with { StageId = "nowhere" },
                3 => s with { TouchpointId = "nothing" },
                4 => s with { StageId = "research", TouchpointId = "repair" },
                5 => s with { Topics = ["price", "price"] },
                6 => s with { Topics = ["unknown-topic"] },
                7 => s with { Sentiment = double.NaN },
                8 => s with { Survey = s.Kind == FeedbackKind.Survey ? default : SurveyAnswer.Nps(5) },
                9 => s with { Kind = FeedbackKind.Survey, Survey = SurveyAnswer.Csat(9, 1, 5) },
                10 => s with { Customer = default(Cx.Domain.Primitives.CustomerId) },
                _ => s,
            };
        var validator = new FeedbackSignalValidator(ListeningData.Journey, Taxonomy);
        Properties.Check(broken.ListOf().Select(l => l.ToList()).ToArbitrary(), signals =>
        {
            var expected = signals.SelectMany((s, i) => validator.Validate(s).Errors.Select(e => $"#{i} {e.PropertyName} {e.ErrorCode}")).ToList();
            try
            {
                Whole(signals);
                Assert.Empty(expected);
            }
            catch (CxValidationException ex)
            {
                Assert.Equal(expected, ex.Failures.Select(f => $"#{f.Position} {f.Field} {f.ErrorCode}"));
            }
        });
    }

    [Fact]
    public void Tagging_AnyText_IsDeterministicAndIgnoresCaseAndAccents()
    {
        string[] words = ["the", "price", "PRICE", "prîce", "expensive", "wait", "waiting", "Wäited", "delay", "rude", "staff", "friendly", "app", "login", "ok", "no"];
        var tagger = new TopicTagger(Taxonomy);
        Properties.Check(Gen.Elements(words).ListOf().Select(w => string.Join(' ', w)).ToArbitrary(), text =>
        {
            IReadOnlyList<string> once = tagger.Tag(text);

            Assert.Equal(once, tagger.Tag(text));
            Assert.Equal(once, tagger.Tag(text.ToUpperInvariant()));
            Assert.Equal(once, tagger.Tag(text.Replace('i', 'í').Replace('a', 'à')));
            Assert.Equal(once, once.OrderBy(Taxonomy.IndexOf));
        });
    }
}
