using System.Globalization;
using System.Text;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cx.Domain.Tests.TestData;

/// <summary>Generators of feedback for the listening property tests, and a canonical text of a report (every figure, in a
/// fixed order, doubles round-trip) to compare reports exactly.</summary>
internal static class ListeningData
{
    public static readonly JourneyFramework Journey = Journeys.Small();

    /// <summary>Fourteen months, so that EARS C2 (from the 10th) and Farrington with b = 6 (from the 7th) both judge.</summary>
    public static readonly PeriodGrid Grid = PeriodGrid.Monthly(new YearMonth(2024, 1), new YearMonth(2025, 2));

    public static readonly TopicTaxonomy Taxonomy = TopicTaxonomy.Create(
    [
        new TaxonomyTopic("price", "Price", ["price", "expensive"], ["purchase"]),
        new TaxonomyTopic("wait", "Waiting", ["wait*", "delay*"], ["service"]),
        new TaxonomyTopic("staff", "Staff", ["friendly", "rude staff"]),
        new TaxonomyTopic("app", "App", ["app", "login"], ["research"]),
    ]);

    public static ListeningOptions Options() => new() { Spikes = new SpikeDetectionOptions { BaselinePeriods = 6, MinimumCount = 2 }, MinimumResponses = 3 };

    private static readonly string[] TopicIds = ["price", "wait", "staff", "app"];

    /// <summary>A valid signal on <see cref="Journey"/>, mostly inside <see cref="Grid"/>.</summary>
    public static Gen<FeedbackSignal> Signal() =>
        from month in Gen.Frequency((20, Gen.Choose(0, 13)), (1, Gen.Elements(-1, 14)))
        from day in Gen.Choose(1, 28)
        from hour in Gen.Choose(0, 23)
        from source in Gen.Choose(1, 8)
        from kind in Gen.Frequency((3, Gen.Constant(FeedbackKind.Complaint)), (2, Gen.Constant(FeedbackKind.Unaided)), (3, Gen.Constant(FeedbackKind.Survey)))
        from place in Gen.Choose(0, 9)
        from topicMask in Gen.Choose(0, 15)
        from sentiment in Gen.Frequency((1, Gen.Constant<double?>(null)), (2, Gen.Choose(-1000, 1000).Select(v => (double?)(v / 1000.0))))
        from instrument in Gen.Choose(1, 3)
        from score in Gen.Choose(0, 10)
        from customer in Gen.Frequency((1, Gen.Constant<CustomerId?>(null)), (3, Gen.Choose(1, 40).Select(c => (CustomerId?)CustomerId.From($"C{c}"))))
        select Build(month, day, hour, source, kind, place, topicMask, sentiment, instrument, score, customer);

    private static FeedbackSignal Build(int month, int day, int hour, int source, FeedbackKind kind, int where, int topicMask, double? sentiment, int instrument, int score, CustomerId? customer)
    {
        LocalDate first = Grid.Start;
        Instant at = first.PlusMonths(month).PlusDays(day - 1).At(new LocalTime(hour, 0)).InUtc().ToInstant();

        // where: 0-2 none; 3 stage only; 4 touchpoint only; 5 both; otherwise stage by itself or touchpoint
        Touchpoint tp = Journey.Touchpoints[where % Journey.Touchpoints.Count];
        (string? stage, string? touchpoint) = where switch
        {
            <= 2 => (null, null),
            3 or 6 => (Journey.Stages[where % Journey.Stages.Count].Id, null),
            4 or 7 => (null, tp.Id),
            _ => (tp.StageId, tp.Id),
        };
        SurveyAnswer answer = kind != FeedbackKind.Survey ? default
            : instrument == 1 ? SurveyAnswer.Nps(score)
            : instrument == 2 ? SurveyAnswer.Csat(1 + (score % 5))
            : SurveyAnswer.Ces(1 + (score % 7));
        return new FeedbackSignal(at, (FeedbackSource)source, kind)
        {
            StageId = stage,
            TouchpointId = touchpoint,
            Topics = [.. TopicIds.Where((_, i) => (topicMask & (1 << i)) != 0 && topicMask < 12)],
            Sentiment = sentiment,
            Survey = answer,
            Customer = customer,
        };
    }

    public static Arbitrary<List<FeedbackSignal>> Signals(int max = 250) =>
        Gen.Choose(0, max).SelectMany(n => Signal().ListOf(n)).Select(l => l.ToList()).ToArbitrary();

    /// <summary>The same signals as columns over <see cref="Taxonomy"/>.</summary>
    public static FeedbackColumns Columns(IReadOnlyList<FeedbackSignal> signals, TopicTaxonomy taxonomy)
    {
        int n = signals.Count;
        var ticks = new long[n];
        var sources = new FeedbackSource[n];
        var kinds = new FeedbackKind[n];
        var stages = new int[n];
        var touchpoints = new int[n];
        var starts = new int[n + 1];
        var topics = new List<int>();
        var instruments = new SurveyInstrument[n];
        var scores = new short[n];
        var sentiments = new double[n];
        for (int i = 0; i < n; i++)
        {
            FeedbackSignal s = signals[i];
            ticks[i] = s.At.ToUnixTimeTicks();
            sources[i] = s.Source;
            kinds[i] = s.Kind;
            stages[i] = Journey.IndexOfStage(s.StageId);
            touchpoints[i] = Journey.IndexOfTouchpoint(s.TouchpointId);
            starts[i] = topics.Count;
            topics.AddRange(s.Topics.Select(taxonomy.IndexOf));
            instruments[i] = s.Survey.Instrument;
            scores[i] = (short)s.Survey.Score;
            sentiments[i] = s.Sentiment ?? double.NaN;
        }

        starts[n] = topics.Count;
        return new FeedbackColumns(Journey, taxonomy, ticks, sources, kinds, stages, touchpoints, starts, topics.ToArray(), instruments, scores, sentiments);
    }

    /// <summary>Every figure of a report, one a line, doubles in round-trip form.</summary>
    public static string Fingerprint(ListeningReport r)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"{r.Grid} {r.SignalCount} {r.BeforeGridCount} {r.AfterGridCount} topics={string.Join(",", r.Topics.Topics.Select(t => t.Id))}");
        foreach (ListeningPeriod p in r.Periods)
        {
            Line($"{p.Period.Label} {p.SignalCount} {p.ComplaintCount} {p.ActiveCustomerCount} {p.ComplaintsPerThousandActive:R}");
            foreach (VolumeCount v in p.Kinds.Concat(p.Sources).Concat(p.Touchpoints).Concat(p.Topics))
            {
                Line($"  {v.Key} {v.Count} {v.Share:R}");
            }

            foreach (StageVoice s in p.Stages)
            {
                Line($"  {s.StageId} {s.SignalCount} {s.ShareOfVoice:R} {s.ComplaintCount} {s.ComplaintsPerThousandActive:R} {s.SentimentCount} {s.MeanSentiment:R}");
            }
        }

        foreach (SpikeCheck c in r.SpikeChecks)
        {
            Line($"{c.Period.Label} {c.StageId}/{c.TopicId} {c.Detector} {c.Status} {c.Observed} {c.Expected:R} {c.Threshold:R} {c.FalseAlarmProbability:R} {c.Dispersion:R} {c.TrendFitted}");
        }

        foreach (SurveyMetric m in r.Surveys)
        {
            Line($"{m.Period.Label} {m.StageId} {m.Instrument} {m.ResponseCount} {m.Estimate:R} {m.StandardError:R} {m.Lower:R} {m.Upper:R} {m.HasEnoughResponses}");
        }

        foreach (SurveyChange c in r.Changes)
        {
            Line($"{c.Period.Label} {c.StageId} {c.Instrument} {c.Change:R} {c.StandardError:R} {c.Statistic:R} {c.DegreesOfFreedom:R} {c.PValue:R} {c.IsSignificant}");
        }

        foreach (SpikeConfirmation c in r.Confirmations)
        {
            Line($"{c.Spike.Period.Label} {c.Spike.StageId}/{c.Spike.TopicId} {c.Verdict} {c.Instrument} {c.Evidence?.Period.Label} {c.Comparisons.Count}");
        }

        return text.ToString();
    }
}
