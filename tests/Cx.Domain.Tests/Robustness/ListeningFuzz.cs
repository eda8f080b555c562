using System.Globalization;
using System.Reflection;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using Cx.Domain.Validation;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Cx.Domain.Tests.Robustness.FuzzValues;

namespace Cx.Domain.Tests.Robustness;

/// <summary>The fuzz module of Cx.Domain.Listening: feedback at the extremes (no signals, a hundred thousand of them,
/// NaN and infinite sentiments, invalid UTF-16 and huge verbatims, instants at NodaTime's ends, undefined sources and
/// kinds, survey answers off every scale), taxonomies with repeated ids and keywords, columns whose indexes point nowhere,
/// mutated taxonomy JSON; laws of the results (counts conserve, shares in [0, 1], order independence, merge = whole).</summary>
public sealed class ListeningFuzz : IFuzzModule
{
    private static readonly string[] TopicIds = ["price", "wait", "staff", "app"];

    private static readonly Lazy<FeedbackSignal[]> Many = new(() =>
    {
        // A hundred thousand signals: a few hundred distinct ones repeated (the counts must conserve at that size).
        FeedbackSignal[] distinct = ListeningData.Signal().Sample(300, new Rnd(17UL, 0x9E3779B97F4A7C15UL), 30);
        return [.. Enumerable.Range(0, 100_000).Select(i => distinct[i % distinct.Length])];
    });

    private static readonly Gen<SurveyAnswer> Answers = Gen.Frequency(
        (4, Gen.Choose(0, 10).Select(SurveyAnswer.Nps)),
        (2, Gen.Choose(1, 5).Select(s => SurveyAnswer.Csat(s))),
        (2, Gen.Choose(1, 7).Select(SurveyAnswer.Ces)),
        (1, Gen.Constant(default(SurveyAnswer))),
        (2, from which in Gen.Choose(0, 2)
            from score in Ints
            from min in Gen.Frequency((3, Gen.Choose(-2, 2)), (1, Ints))
            from max in Gen.Frequency((3, Gen.Choose(3, 11)), (1, Ints))
            select which switch { 0 => SurveyAnswer.Nps(score), 1 => SurveyAnswer.Csat(score, min, max), _ => SurveyAnswer.Ces(score) }));

    private static readonly Gen<string?> StageIds = Gen.Frequency(
        (4, Gen.Elements<string?>([null, .. ListeningData.Journey.Stages.Select(s => s.Id)])),
        (1, Strings));

    private static readonly Gen<string?> TouchpointIds = Gen.Frequency(
        (4, Gen.Elements<string?>([null, .. ListeningData.Journey.Touchpoints.Select(t => t.Id)])),
        (1, Strings));

    /// <summary>Valid signals mostly, and hostile ones: every field drawn from its extremes.</summary>
    private static readonly Gen<FeedbackSignal> Signals = Gen.Frequency(
        (4, ListeningData.Signal()),
        (3, from at in Gen.Frequency((3, Gen.Choose(-30, 450).Select(d => Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromDays(d))), (1, Instants))
            from source in Gen.Frequency((5, Gen.Choose(1, 8)), (1, Gen.Elements(0, 9, 255))).Select(s => (FeedbackSource)s)
            from kind in Gen.Frequency((5, Gen.Choose(1, 3)), (1, Gen.Elements(0, 4, 255))).Select(k => (FeedbackKind)k)
            from stage in StageIds
            from touchpoint in TouchpointIds
            from topics in Gen.Frequency((4, Gen.Elements<string?>(TopicIds).ArrayOf()), (1, Strings.ArrayOf()), (1, Gen.Constant<string?[]>(["price", "price"])))
            from sentiment in Gen.Frequency((2, Gen.Constant<double?>(null)), (3, Doubles.Select(d => (double?)d)))
            from text in Strings
            from answer in Answers
            from customer in Gen.Frequency((3, Gen.Constant<CustomerId?>(null)), (3, Gen.Elements("C1", "C2").Select(c => (CustomerId?)CustomerId.From(c))), (1, Gen.Constant<CustomerId?>(default(CustomerId))))
            select new FeedbackSignal(at, source, kind)
            {
                StageId = stage, TouchpointId = touchpoint, Topics = topics!, Sentiment = sentiment, Text = text, Survey = answer, Customer = customer,
            }));

    private static readonly Gen<TaxonomyTopic> Topics = Gen.Frequency(
        (4, Gen.Elements(ListeningData.Taxonomy.Topics.ToArray())),
        (2, from id in Gen.Frequency((3, Gen.Elements<string?>(TopicIds)), (1, Strings))
            from name in Strings
            from keywords in Gen.Frequency((3, Gen.Elements<string?>("late", "wait*", "rude staff", "é", "日本", "price")), (1, Strings), (1, Gen.Elements<string?>("*", "**", "-", "a*b", "  ", "x*")))
                .ArrayOf()
            from hints in StageIds.ArrayOf()
            select new TaxonomyTopic(id!, name!, keywords!, hints!)));

    /// <summary>Valid taxonomies, the ad-hoc kind, and whatever Create accepts of hostile topics (repeated ids and keywords
    /// are refused there; this keeps what passes).</summary>
    private static readonly Gen<TopicTaxonomy> Taxonomies = Gen.Frequency(
        (4, Gen.Constant(ListeningData.Taxonomy)),
        (1, Gen.Constant(TopicTaxonomy.Create([]))),
        (2, Strings.ArrayOf().Select(ids => TopicTaxonomy.FromIds(ids.Where(i => i is not null)!))),
        (2, Topics.ArrayOf().Select(TryTaxonomy)));

    private static readonly Gen<SpikeDetectionOptions> SpikeOptions = Gen.Frequency(
        (4, Gen.Elements(new SpikeDetectionOptions(), new SpikeDetectionOptions { BaselinePeriods = 6, MinimumCount = 2 }, new SpikeDetectionOptions { Threshold = FarringtonThreshold.TwoThirdsPower, FitTrend = false, Reweight = false })),
        (2, from baseline in Gen.Frequency((3, Gen.Choose(3, 14)), (1, Ints))
            from alpha in Doubles
            from threshold in Gen.Elements(FarringtonThreshold.NegativeBinomialQuantile, FarringtonThreshold.TwoThirdsPower, FarringtonThreshold.Unknown, (FarringtonThreshold)9)
            from trend in Gen.Elements(true, false)
            from significance in Doubles
            from reweight in Doubles
            from minimum in Gen.Frequency((3, Gen.Choose(0, 6)), (1, Ints))
            from minimumPeriods in Gen.Frequency((3, Gen.Choose(1, 6)), (1, Ints))
            from ears in Gen.Elements(true, false)
            from earsBaseline in Gen.Frequency((3, Gen.Choose(3, 9)), (1, Ints))
            from lag in Gen.Frequency((3, Gen.Choose(0, 3)), (1, Ints))
            from earsAlpha in Doubles
            from sigma in Doubles
            select new SpikeDetectionOptions
            {
                BaselinePeriods = baseline, Alpha = alpha, Threshold = threshold, FitTrend = trend, TrendSignificance = significance, Reweight = reweight > 0, ReweightingThreshold = reweight,
                MinimumCount = minimum, MinimumCountPeriods = minimumPeriods, UseEarsForShortHistories = ears, EarsBaselinePeriods = earsBaseline, EarsLag = lag, EarsAlpha = earsAlpha, EarsMinimumSigma = sigma,
            }));

    private static readonly Gen<ListeningOptions> Options = Gen.Frequency(
        (4, Gen.Constant(ListeningData.Options())),
        (3, from zone in Gen.Frequency((5, Zones), (1, Gen.Constant<DateTimeZone>(null!)))
            from level in Gen.Frequency((3, Gen.Elements(0.9, 0.95, 0.99)), (1, Doubles))
            from minimum in Gen.Frequency((3, Gen.Choose(0, 40)), (1, Ints))
            from unaided in Gen.Elements(true, false)
            from spikes in Gen.Frequency((6, SpikeOptions), (1, Gen.Constant<SpikeDetectionOptions>(null!)))
            select new ListeningOptions { Zone = zone, ConfidenceLevel = level, MinimumResponses = minimum, IncludeUnaidedInSpikes = unaided, Spikes = spikes }));

    private static readonly Gen<ListeningCalculator> Calculators = Options.Select(TryCalculator);

    /// <summary>Listening grids: the fixture's fourteen months mostly, and the harness's grids at the ends of time.</summary>
    private static Gen<PeriodGrid> Grids(FuzzValues v) => Gen.Frequency((3, Gen.Constant(ListeningData.Grid)), (2, v.For(typeof(PeriodGrid))!.Select(g => (PeriodGrid)g!)));

    public void Register(FuzzRegistry registry)
    {
        FuzzRegistry r = registry;
        FuzzValues v = r.Values;
        v.Add(Gen.Frequency((3, Gen.Choose(-2, 12)), (1, Gen.Elements<int>(short.MinValue, -1, 0, 101, short.MaxValue))).Select(i => (short)i));
        v.Add(Answers);
        v.Add(Signals);
        v.Add(Topics);
        v.Add(Taxonomies);
        v.Add(SpikeOptions);
        v.Add(Options);
        v.Add(Calculators);
        v.Add(Taxonomies.Select(t => new TopicTagger(t)));
        v.Add(Gen.Frequency((3, ValidColumns()), (2, HostileColumns())));
        v.Add(from grid in Grids(v) from signals in Signals.ArrayOf() from calculator in Calculators select TryPartial(calculator, grid, signals));

        // Which signals a calculation gets: a few hostile ones, a few hundred valid ones, none, or a hundred thousand.
        Gen<object?> signalLists = Gen.Frequency(
            (4, Signals.ArrayOf().Select(a => (object?)a)),
            (2, ListeningData.Signals().Generator.Select(l => (object?)l)),
            (1, Gen.Constant<object?>(Array.Empty<FeedbackSignal>())),
            (1, Gen.Constant<object?>(null)),
            (1, Gen.Constant<object?>(Many.Value)));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ListeningCalculator) && p.Name == "signals", signalLists);
        v.ForParameter(p => p.Member.DeclaringType == typeof(ListeningCalculator) && p.Name == "grid", Grids(v).Select(g => (object?)g));
        v.ForParameter(p => p.Member.DeclaringType == typeof(ListeningCalculator) && p.Name == "journey", Gen.Frequency((6, Gen.Constant<object?>(ListeningData.Journey)), (1, v.For(typeof(JourneyFramework))!), (1, Gen.Constant<object?>(null))));

        Gen<object?> json = DomainFuzz.Mutated([TopicTaxonomyJson.Write(ListeningData.Taxonomy), TopicTaxonomyJson.Write(TopicTaxonomy.Create([new TaxonomyTopic("a", "A \u00e9 \u65e5\u672c", ["x*", "two words"], ["research"])]))]);
        v.ForParameter(p => p.Member.DeclaringType == typeof(TopicTaxonomyJson) && p.Name == "json", json);
        v.ForParameter(p => p.Member.DeclaringType == typeof(TopicTaxonomyJson) && p.ParameterType == typeof(Stream), DomainFuzz.AsStreams(json));

        RegisterLaws(r);
    }

    private static void RegisterLaws(FuzzRegistry r)
    {
        MethodInfo calculate = typeof(ListeningCalculator).GetMethod(nameof(ListeningCalculator.Calculate), [typeof(JourneyFramework), typeof(PeriodGrid), typeof(IEnumerable<FeedbackSignal>), typeof(TopicTaxonomy), typeof(Cx.Domain.Assets.AssetMovementReport)])!;
        r.Law(calculate, (a, result) =>
        {
            var report = (ListeningReport)result!;
            var signals = ((IEnumerable<FeedbackSignal>)a[2]!).ToArray();
            ReportLaws(report, signals.Length);
            if (signals.Length <= 400)
            {
                // Order independence: the same signals reversed give the same report (under the fixture's settings, as
                // the law sees the arguments, not the calculator).
                var calculator = new ListeningCalculator(ListeningData.Options());
                ListeningReport forward = calculator.Calculate((JourneyFramework)a[0]!, (PeriodGrid)a[1]!, signals, (TopicTaxonomy?)a[3], (Cx.Domain.Assets.AssetMovementReport?)a[4]);
                ListeningReport reversed = calculator.Calculate((JourneyFramework)a[0]!, (PeriodGrid)a[1]!, signals.Reverse(), (TopicTaxonomy?)a[3], (Cx.Domain.Assets.AssetMovementReport?)a[4]);
                Law(OrderFree(forward) == OrderFree(reversed), "the report depends on the signals' order");
            }
        });
        r.Law(typeof(ListeningCalculator).GetMethod(nameof(ListeningCalculator.Calculate), [typeof(PeriodGrid), typeof(FeedbackColumns), typeof(Cx.Domain.Assets.AssetMovementReport)])!,
            (a, result) => ReportLaws((ListeningReport)result!, ((FeedbackColumns)a[1]!).Count));
        r.Law(typeof(ListeningCalculator).GetMethod(nameof(ListeningCalculator.CountPartial), [typeof(JourneyFramework), typeof(PeriodGrid), typeof(IEnumerable<FeedbackSignal>), typeof(TopicTaxonomy)])!, (a, result) =>
        {
            var partial = (ListeningPartial)result!;
            long n = ((IEnumerable<FeedbackSignal>)a[2]!).LongCount();
            Law(partial.SignalCount + partial.OutsideGridCount == n, $"the partial counts {partial.SignalCount} in and {partial.OutsideGridCount} outside the grid of {n} signals");
        });
        r.Law(typeof(ListeningCalculator).GetMethod(nameof(ListeningCalculator.CountPartial), [typeof(PeriodGrid), typeof(FeedbackColumns)])!, (a, result) =>
        {
            var partial = (ListeningPartial)result!;
            int n = ((FeedbackColumns)a[1]!).Count;
            Law(partial.SignalCount + partial.OutsideGridCount == n, $"the partial counts {partial.SignalCount} in and {partial.OutsideGridCount} outside the grid of {n} rows");
        });
        r.Law(typeof(ListeningCalculator).GetMethod(nameof(ListeningCalculator.Report))!, (a, result) =>
        {
            var partial = (ListeningPartial)a[0]!;
            ReportLaws((ListeningReport)result!, partial.SignalCount + partial.OutsideGridCount);
        });
        r.Law(typeof(ListeningPartial).GetMethod(nameof(ListeningPartial.Merge), [typeof(IEnumerable<ListeningPartial>)])!, (a, result) =>
        {
            var parts = ((IEnumerable<ListeningPartial>)a[0]!).ToArray();
            var merged = (ListeningPartial)result!;
            Law(merged.SignalCount == parts.Sum(p => p.SignalCount) && merged.OutsideGridCount == parts.Sum(p => p.OutsideGridCount), "the merged partial does not count what its parts count");
        });
        r.Law(typeof(TopicTaxonomyJson).GetMethod(nameof(TopicTaxonomyJson.Parse))!, (_, result) =>
        {
            var taxonomy = (TopicTaxonomy)result!;
            TopicTaxonomy back = TopicTaxonomyJson.Parse(TopicTaxonomyJson.Write(taxonomy));
            Law(back.Topics.Select(t => (t.Id, t.Name, string.Join("\u0001", t.Keywords), string.Join("\u0001", t.StageHints))).SequenceEqual(taxonomy.Topics.Select(t => (t.Id, t.Name, string.Join("\u0001", t.Keywords), string.Join("\u0001", t.StageHints)))),
                "the taxonomy does not round-trip through its JSON");
        });
        r.Law(typeof(TopicTagger).GetMethod(nameof(TopicTagger.Tag), [typeof(string)])!, (_, result) =>
        {
            var ids = (IReadOnlyList<string>)result!;
            Law(ids.Distinct(StringComparer.Ordinal).Count() == ids.Count, $"the tagger gave a topic twice: [{string.Join(", ", ids)}]");
        });
        r.Law(typeof(TopicTagger).GetMethod(nameof(TopicTagger.TagAll))!, (a, result) =>
        {
            var tagged = (TaggedFeedback)result!;
            int n = ((IEnumerable<FeedbackSignal>)a[0]!).Count();
            Law(tagged.Signals.Count == n, $"tagging {n} signals gave {tagged.Signals.Count}");
            Law(tagged.ArrivedTaggedCount + tagged.TaggedCount + tagged.UnmatchedCount + tagged.NoTextCount == n, $"the tagging counts ({tagged}) do not add up to the {n} signals");
        });
    }

    /// <summary>What the order law compares: every figure (<see cref="ListeningData.Fingerprint"/>) on grids of up to 2,000
    /// periods; on longer ones (the text of every period of a 100,000-day grid alone is hundreds of MB, which the harness
    /// would count against the calculator) the figures of the periods with signals, the checks the detectors judged near a
    /// count (the spikes and the confirmations among them) and every survey figure, plus the number of checks.</summary>
    private static string OrderFree(ListeningReport report)
    {
        if (report.Grid.Count <= 2_000)
        {
            return ListeningData.Fingerprint(report);
        }

        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.SignalCount} {report.BeforeGridCount} {report.AfterGridCount} {report.SpikeChecks.Count}\n");
        for (int i = 0; i < report.Periods.Count; i++)
        {
            ListeningPeriod p = report.Periods[i];
            if (p.SignalCount != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{p} {p.UntaggedFeedbackCount} {p.NoStageCount}");
                AppendAll(text, p.Kinds);
                AppendAll(text, p.Sources);
                AppendAll(text, p.Touchpoints);
                AppendAll(text, p.Topics);
                for (int s = 0; s < p.Stages.Count; s++)
                {
                    StageVoice v = p.Stages[s];
                    text.Append(CultureInfo.InvariantCulture, $" {v} {v.SentimentCount} {v.MeanSentiment:R}");
                }

                text.Append('\n');
            }
        }

        foreach (SpikeConfirmation c in report.Confirmations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.Spike} {c.Verdict} {c.Instrument} {c.Evidence} {c.Comparisons.Count}\n");
        }

        foreach (SurveyMetric m in report.Surveys)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m} {m.ResponseCount} {m.Estimate:R} {m.StandardError:R}\n");
        }

        foreach (SurveyChange c in report.Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c} {c.PValue:R}\n");
        }

        return text.ToString();
    }

    private static void AppendAll(System.Text.StringBuilder text, IReadOnlyList<VolumeCount> counts)
    {
        for (int i = 0; i < counts.Count; i++)
        {
            text.Append(' ').Append(counts[i].Count);
        }
    }

    /// <summary>Counts conserve across every breakdown; every share lies in [0, 1]; the stages' shares of voice add up to 1.
    /// Written as loops: on a grid of 100,000 periods the harness counts what the law allocates, too.</summary>
    private static void ReportLaws(ListeningReport report, long signalCount)
    {
        // Each message is built only when its law fails: a message per period or per check would be allocated, and counted,
        // a hundred thousand times.
        if (report.SignalCount + report.BeforeGridCount + report.AfterGridCount != signalCount)
        {
            throw new LawException($"{report.SignalCount} in, {report.BeforeGridCount} before and {report.AfterGridCount} after the grid of {signalCount} signals");
        }

        long periodsTotal = 0;
        for (int i = 0; i < report.Periods.Count; i++)
        {
            ListeningPeriod p = report.Periods[i];
            periodsTotal += p.SignalCount;
            if (SumOf(p.Kinds) != p.SignalCount || SumOf(p.Sources) != p.SignalCount || SumOf(p.Touchpoints) != p.SignalCount)
            {
                throw new LawException($"a breakdown of {p.Period.Label} does not add up to its {p.SignalCount} signals");
            }

            if (!(SharesInRange(p.Kinds) && SharesInRange(p.Sources) && SharesInRange(p.Touchpoints) && SharesInRange(p.Topics)))
            {
                throw new LawException($"a share of {p.Period.Label} outside [0, 1]");
            }

            long stageSignals = 0;
            long stageComplaints = 0;
            double shares = 0;
            for (int s = 0; s < p.Stages.Count; s++)
            {
                StageVoice v = p.Stages[s];
                stageSignals += v.SignalCount;
                stageComplaints += v.ComplaintCount;
                shares += v.ShareOfVoice;
                if (!(v.ShareOfVoice is >= 0 and <= 1 && (v.MeanSentiment is null || v.MeanSentiment is >= -1 and <= 1)))
                {
                    throw new LawException($"a stage's share of voice or sentiment of {p.Period.Label} out of range");
                }
            }

            if (stageSignals != p.SignalCount)
            {
                throw new LawException($"a breakdown of {p.Period.Label} does not add up to its {p.SignalCount} signals");
            }

            if (stageComplaints != p.ComplaintCount)
            {
                throw new LawException($"the stages' complaints of {p.Period.Label} do not add up");
            }

            if (p.SignalCount != 0 && !(Math.Abs(shares - 1) < 1e-9))
            {
                throw new LawException($"the shares of voice of {p.Period.Label} add up to {shares}");
            }
        }

        if (periodsTotal != report.SignalCount)
        {
            throw new LawException("the periods do not add up to the report's count");
        }

        foreach (SurveyMetric m in report.Surveys)
        {
            if (!(double.IsFinite(m.Estimate) && double.IsFinite(m.Lower) && double.IsFinite(m.Upper) && m.Lower <= m.Upper && m.StandardError >= 0))
            {
                throw new LawException($"survey metric {m} is not finite or its interval is reversed");
            }
        }

        foreach (SurveyChange c in report.Changes)
        {
            if (c.PValue is not (>= 0 and <= 1))
            {
                throw new LawException($"survey change {c} has a p-value outside [0, 1]");
            }
        }

        foreach (SpikeCheck s in report.SpikeChecks)
        {
            if (!(s.Observed >= 0 && !double.IsNaN(s.Expected) && !double.IsNaN(s.Threshold) && s.IsSpike == (s.Status == SpikeStatus.Spike)))
            {
                throw new LawException($"spike check {s} has a NaN figure");
            }
        }
    }

    private static long SumOf(IReadOnlyList<VolumeCount> counts)
    {
        long sum = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            sum += counts[i].Count;
        }

        return sum;
    }

    private static bool SharesInRange(IReadOnlyList<VolumeCount> counts)
    {
        for (int i = 0; i < counts.Count; i++)
        {
            if (counts[i].Share is not (>= 0 and <= 1) || counts[i].Count < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Columns of valid signals (the fixture's), sometimes with a CSAT scale at the extremes.</summary>
    private static Gen<FeedbackColumns> ValidColumns() =>
        from signals in ListeningData.Signals(60).Generator
        select ListeningData.Columns(signals, ListeningData.Taxonomy);

    /// <summary>Columns whose every entry may be out of range: instants at the ends of time, undefined enums, stage and
    /// touchpoint indexes past the journey, topic starts that decrease or overrun, topic indexes past the taxonomy, scores
    /// off the scale, NaN and infinite sentiments, a CSAT scale upside down.</summary>
    private static Gen<FeedbackColumns> HostileColumns() =>
        from n in Gen.Choose(0, 10)
        from ticks in Gen.Frequency((3, Gen.Choose(-30, 450).Select(d => (Instant.FromUtc(2024, 1, 1, 0, 0) + Duration.FromDays(d)).ToUnixTimeTicks())), (1, Longs)).ArrayOf(n)
        from sources in Gen.Frequency((4, Gen.Choose(1, 8)), (1, Gen.Elements(0, 9, 255))).Select(s => (FeedbackSource)s).ArrayOf(n)
        from kinds in Gen.Frequency((4, Gen.Choose(1, 3)), (1, Gen.Elements(0, 4, 255))).Select(k => (FeedbackKind)k).ArrayOf(n)
        from stages in Gen.Frequency((4, Gen.Choose(-1, 2)), (1, Ints)).ArrayOf(n)
        from touchpoints in Gen.Frequency((4, Gen.Choose(-1, 4)), (1, Ints)).ArrayOf(n)
        from topicCounts in Gen.Frequency((4, Gen.Choose(0, 2)), (1, Gen.Choose(-2, 5))).ArrayOf(n)
        from topicIndexes in Gen.Frequency((4, Gen.Choose(0, 3)), (1, Ints)).ArrayOf(3 * n)
        from instruments in Gen.Frequency((4, Gen.Choose(0, 3)), (1, Gen.Elements(4, 255))).Select(i => (SurveyInstrument)i).ArrayOf(n)
        from scores in Gen.Frequency((4, Gen.Choose(0, 10)), (1, Gen.Elements(short.MinValue, -1, 11, 101, short.MaxValue).Select(s => (int)s))).Select(s => (short)s).ArrayOf(n)
        from sentiments in Doubles.ArrayOf(n)
        from scale in Gen.Elements((1, 5), (0, 10), (5, 1), (int.MinValue, int.MaxValue), (1, 1), (0, 100), (0, 101))
        from shape in Gen.Elements(0, 0, 0, 1, 2)
        select TryColumns(n, ticks, sources, kinds, stages, touchpoints, topicCounts, topicIndexes, instruments, scores, sentiments, scale, shape);

    private static FeedbackColumns TryColumns(int n, long[] ticks, FeedbackSource[] sources, FeedbackKind[] kinds, int[] stages, int[] touchpoints, int[] topicCounts, int[] topicIndexes,
        SurveyInstrument[] instruments, short[] scores, double[] sentiments, (int Min, int Max) scale, int shape)
    {
        var starts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            starts[i + 1] = Math.Clamp(starts[i] + topicCounts[i], -1, topicIndexes.Length + 1);
        }

        TopicTaxonomy taxonomy = ListeningData.Taxonomy;
        return shape switch
        {
            1 => new FeedbackColumns(ListeningData.Journey, taxonomy, ticks, sources, kinds, stages, touchpoints, csatScaleMin: scale.Min, csatScaleMax: scale.Max),
            2 => new FeedbackColumns(ListeningData.Journey, taxonomy, ticks, sources, kinds, stages, touchpoints, starts, topicIndexes, sentiments: sentiments),
            _ => new FeedbackColumns(ListeningData.Journey, taxonomy, ticks, sources, kinds, stages, touchpoints, starts, topicIndexes, instruments, scores, sentiments, scale.Min, scale.Max),
        };
    }

    private static TopicTaxonomy TryTaxonomy(TaxonomyTopic[] topics)
    {
        try
        {
            return TopicTaxonomy.Create(topics);
        }
        catch (CxValidationException)
        {
            return ListeningData.Taxonomy;
        }
    }

    private static ListeningCalculator TryCalculator(ListeningOptions options)
    {
        try
        {
            return new ListeningCalculator(options);
        }
        catch (CxValidationException)
        {
            return new ListeningCalculator(ListeningData.Options());
        }
    }

    private static ListeningPartial? TryPartial(ListeningCalculator calculator, PeriodGrid grid, FeedbackSignal[] signals)
    {
        try
        {
            return calculator.CountPartial(ListeningData.Journey, grid, signals, ListeningData.Taxonomy);
        }
        catch (CxValidationException)
        {
            return null;
        }
    }

    private static void Law(bool holds, string message)
    {
        if (!holds)
        {
            throw new LawException(message);
        }
    }
}
