using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using static Cx.Domain.Tests.TestData.ListeningData;

namespace Cx.Domain.Tests.Listening;

/// <summary>The listening path keeps memory to what the result needs (issue #13: an empty or small input on a daily grid of
/// 100,000 periods allocated 0.3 to 2.5 GB), and its sparse counts and spike checks equal the dense answer: a count per
/// period and cell straight from the signals, a detector's verdict on every judged period of every series.</summary>
public sealed class ListeningMemoryTests
{
    private const long Bound = 64L * 1024 * 1024;

    /// <summary>100,000 days from 2000-01-01 (<see cref="PeriodGrid.MaxPeriodCount"/>): the fixture's signals (2024-2025) fall inside.</summary>
    private static readonly PeriodGrid LongDailyGrid = PeriodGrid.Daily(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 1).PlusDays(PeriodGrid.MaxPeriodCount - 1));

    /// <summary>A daily grid over the fixture's months: mostly quiet days, a few with signals.</summary>
    private static readonly PeriodGrid DailyGrid = PeriodGrid.Daily(new LocalDate(2023, 12, 1), new LocalDate(2025, 3, 31));

    public static TheoryData<int> SignalCounts => [0, 100, 100_000];

    [Theory]
    [MemberData(nameof(SignalCounts))]
    public void Calculate_FewOrManySignalsOnAHundredThousandDayGrid_AllocatesUnder64MiB(int n)
    {
        FeedbackSignal[] distinct = Signal().Sample(Math.Min(n, 300), new Rnd(17UL, 0x9E3779B97F4A7C15UL), 30);
        FeedbackSignal[] signals = [.. Enumerable.Range(0, n).Select(i => distinct[i % distinct.Length])];
        FeedbackColumns columns = Columns(signals, Taxonomy);
        var calculator = new ListeningCalculator(Options());

        // Below 2^20 signals both paths count on the calling thread, so its allocation counter sees all of it.
        (ListeningReport records, long recordBytes) = Allocated(() => calculator.Calculate(ListeningData.Journey, LongDailyGrid, signals, Taxonomy));
        (ListeningReport fromColumns, long columnBytes) = Allocated(() => calculator.Calculate(LongDailyGrid, columns));
        (ListeningReport merged, long partialBytes) = Allocated(() => calculator.Report(ListeningPartial.Merge(
            [calculator.CountPartial(ListeningData.Journey, LongDailyGrid, signals.Take(n / 2), Taxonomy), calculator.CountPartial(ListeningData.Journey, LongDailyGrid, signals.Skip(n / 2), Taxonomy)])));

        Assert.True(recordBytes < Bound, $"the record path allocated {recordBytes / (1024 * 1024)} MiB");
        Assert.True(columnBytes < Bound, $"the columnar path allocated {columnBytes / (1024 * 1024)} MiB");
        Assert.True(partialBytes < Bound, $"two partials, their merge and the report allocated {partialBytes / (1024 * 1024)} MiB");

        // Every period is in the report; the figures are those of the signals.
        Assert.Equal(PeriodGrid.MaxPeriodCount, records.Periods.Count);
        Assert.Equal(n, records.SignalCount + records.BeforeGridCount + records.AfterGridCount);
        Assert.Equal(records.SignalCount, records.Periods.Sum(p => p.SignalCount));
        foreach (ListeningReport other in new[] { fromColumns, merged })
        {
            Assert.Equal(
                (records.SignalCount, records.BeforeGridCount, records.AfterGridCount, records.SpikeChecks.Count, records.Spikes.Count, records.Surveys.Count, records.Changes.Count),
                (other.SignalCount, other.BeforeGridCount, other.AfterGridCount, other.SpikeChecks.Count, other.Spikes.Count, other.Surveys.Count, other.Changes.Count));
        }

        if (n > 0)
        {
            Assert.True(records.SpikeChecks.Count > 1_000_000, $"{records.SpikeChecks.Count} spike checks");
        }
    }

    [Fact]
    public void EmptyPeriods_OfALongGrid_ReadAsZerosWithEveryKey()
    {
        ListeningReport report = new ListeningCalculator(Options()).Calculate(ListeningData.Journey, LongDailyGrid, [], Taxonomy);

        ListeningPeriod last = report.Periods[^1];
        Assert.Equal(LongDailyGrid[PeriodGrid.MaxPeriodCount - 1], last.Period);
        Assert.Equal(0, last.SignalCount);
        Assert.Null(last.ActiveCustomerCount);
        Assert.Equal(["unaided", "complaint", "survey"], last.Kinds.Select(k => k.Key));
        Assert.Equal(ListeningCounts.SourceCount, last.Sources.Count);
        Assert.Equal([.. ListeningData.Journey.Stages.Select(s => s.Id), null], last.Stages.Select(s => s.StageId));
        Assert.Equal([.. ListeningData.Journey.Touchpoints.Select(t => t.Id), null], last.Touchpoints.Select(t => t.Key));
        Assert.Equal([.. Taxonomy.Topics.Select(t => t.Id), null], last.Topics.Select(t => t.Key));
        Assert.All(last.Kinds.Concat(last.Sources).Concat(last.Touchpoints).Concat(last.Topics), v => Assert.Equal((0L, 0.0), (v.Count, v.Share)));
        Assert.All(last.Stages, s => Assert.Equal((0L, 0.0, 0L, (double?)null, (double?)null), (s.SignalCount, s.ShareOfVoice, s.ComplaintCount, s.ComplaintsPerThousandActive, s.MeanSentiment)));
        Assert.Empty(report.SpikeChecks);
        Assert.Empty(report.Surveys);
    }

    [Fact]
    public void Counts_AnyFeedback_EqualADenseCountOfTheSignals()
    {
        Arbitrary<(List<FeedbackSignal>, bool)> cases = (from signals in Signals().Generator from daily in Gen.Elements(true, false) select (signals, daily)).ToArbitrary();
        Properties.Check(cases, c =>
        {
            (List<FeedbackSignal> signals, bool daily) = c;
            PeriodGrid grid = daily ? DailyGrid : Grid;
            ListeningCounts counts = new ListeningCalculator(Options()).CountPartial(ListeningData.Journey, grid, signals, Taxonomy).Counts;
            ListeningLayout layout = counts.Layout;
            long[,] dense = DenseCount(layout, signals);

            Assert.Equal(dense.GetLength(1), layout.RowWidth);
            for (int p = 0; p < layout.PeriodCount; p++)
            {
                long[]? row = counts.RowOf(p);
                Assert.Equal(row is not null, dense[p, 0] != 0);
                for (int cell = 0; cell < layout.RowWidth; cell++)
                {
                    Assert.Equal(dense[p, cell], row?[cell] ?? 0);
                }
            }
        }, maxTests: 100);
    }

    [Fact]
    public void SpikeChecks_AnyFeedbackAndSettings_EqualTheDetectorsOnEveryJudgedPeriod()
    {
        Arbitrary<(List<FeedbackSignal>, int, ListeningOptions)> cases =
            (from signals in Signals(120).Generator
             from grid in Gen.Choose(0, 2)
             from baseline in Gen.Choose(3, 10)
             from minimumPeriods in Gen.Choose(1, 14)
             from minimum in Gen.Choose(0, 3)
             from ears in Gen.Elements(true, false)
             from earsBaseline in Gen.Choose(3, 7)
             from lag in Gen.Choose(0, 3)
             from unaided in Gen.Elements(true, false)
             from twoThirds in Gen.Elements(true, false)
             select (signals, grid, new ListeningOptions
             {
                 IncludeUnaidedInSpikes = unaided,
                 Spikes = new SpikeDetectionOptions
                 {
                     BaselinePeriods = baseline, MinimumCountPeriods = minimumPeriods, MinimumCount = minimum, UseEarsForShortHistories = ears, EarsBaselinePeriods = earsBaseline,
                     EarsLag = lag, Threshold = twoThirds ? FarringtonThreshold.TwoThirdsPower : FarringtonThreshold.NegativeBinomialQuantile,
                 },
             })).ToArbitrary();
        Properties.Check(cases, c =>
        {
            (List<FeedbackSignal> signals, int which, ListeningOptions options) = c;
            PeriodGrid grid = which switch { 0 => Grid, 1 => DailyGrid, _ => PeriodGrid.Weekly(DailyGrid.Start, DailyGrid.End, IsoDayOfWeek.Monday) };
            var calculator = new ListeningCalculator(options);
            ListeningReport report = calculator.Calculate(ListeningData.Journey, grid, signals, Taxonomy);
            List<string> expected = DenseSpikeChecks(calculator.CountPartial(ListeningData.Journey, grid, signals, Taxonomy).Counts, options);

            Assert.Equal(expected, report.SpikeChecks.Select(Text).ToList());
            Assert.Equal(expected.Count, report.SpikeChecks.Count);
            Assert.Equal(expected, Enumerable.Range(0, report.SpikeChecks.Count).Select(i => Text(report.SpikeChecks[i])).ToList());
            Assert.Equal(report.SpikeChecks.Where(s => s.IsSpike).Select(Text), report.Spikes.Select(Text));
            Assert.Throws<ArgumentOutOfRangeException>(() => report.SpikeChecks[report.SpikeChecks.Count]);
            Assert.Throws<ArgumentOutOfRangeException>(() => report.SpikeChecks[-1]);
        }, maxTests: 60);
    }

    private static (ListeningReport Report, long Bytes) Allocated(Func<ListeningReport> calculate)
    {
        ListeningReport? report = null;
        long bytes = 0;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            report = calculate();
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();
        return (report!, bytes);
    }

    private static string Text(SpikeCheck c) => FormattableString.Invariant(
        $"{c.Period.Index} {c.StageId}/{c.TopicId} {c.StageName}/{c.TopicName} {c.Detector} {c.Status} {c.Observed} {c.Expected:R} {c.Threshold:R} {c.FalseAlarmProbability:R} {c.Alpha:R} {c.Dispersion:R} {c.TrendFitted} {c.BaselinePeriods}");

    /// <summary>The reference: every period of every stage × topic series with a count, judged by the detectors on the
    /// whole dense series, by period, then stage, then topic (what the report held before it was sparse).</summary>
    private static List<string> DenseSpikeChecks(ListeningCounts counts, ListeningOptions options)
    {
        ListeningLayout layout = counts.Layout;
        SpikeDetectionOptions spikes = options.Spikes;
        var found = new List<(int Period, int Stage, int Topic, string Text)>();
        for (int s = 0; s < layout.StageSlots; s++)
        {
            for (int t = 0; t < layout.TopicSlots; t++)
            {
                int cell = layout.SpikeAt + (((s * layout.TopicSlots) + t) * 2);
                long[] series = [.. Enumerable.Range(0, layout.PeriodCount).Select(p => counts.RowOf(p) is { } row ? row[cell] + (options.IncludeUnaidedInSpikes ? row[cell + 1] : 0) : 0)];
                if (series.All(v => v == 0))
                {
                    continue;
                }

                var label = new SpikeSeriesLabel(s == layout.StageSlots - 1 ? null : layout.Journey.Stages[s].Id, s == layout.StageSlots - 1 ? "(no stage)" : layout.Journey.Stages[s].Name,
                    t == layout.TopicSlots - 1 ? null : layout.Topics.Topics[t].Id, t == layout.TopicSlots - 1 ? "(untagged)" : layout.Topics.Topics[t].Name);
                for (int p = 0; p < layout.PeriodCount; p++)
                {
                    SpikeDetectors.Outcome outcome = SpikeDetectors.Judge(series, p, spikes);
                    if (outcome.Detector != SpikeDetector.None)
                    {
                        found.Add((p, s, t, Text(new SpikeCheck(layout.Grid[p], label, new SpikeVerdict(outcome, spikes)))));
                    }
                }
            }
        }

        return [.. found.OrderBy(f => f.Period).ThenBy(f => f.Stage).ThenBy(f => f.Topic).Select(f => f.Text)];
    }

    /// <summary>The reference: every cell of every period counted straight from the records, into a dense table.</summary>
    private static long[,] DenseCount(ListeningLayout layout, IEnumerable<FeedbackSignal> signals)
    {
        var dense = new long[layout.PeriodCount, layout.RowWidth];
        int noStage = layout.StageSlots - 1;
        foreach (FeedbackSignal signal in signals)
        {
            int p = Enumerable.Range(0, layout.PeriodCount).FirstOrDefault(i => layout.Grid[i].Contains(signal.At.InUtc().Date), -1);
            if (p < 0)
            {
                continue;
            }

            int touchpoint = ListeningData.Journey.IndexOfTouchpoint(signal.TouchpointId);
            int[] topics = [.. signal.Topics.Select(layout.Topics.IndexOf)];
            int stage = signal.StageId is not null ? ListeningData.Journey.IndexOfStage(signal.StageId)
                : touchpoint >= 0 ? ListeningData.Journey.IndexOfStage(ListeningData.Journey.Touchpoints[touchpoint].StageId)
                : topics.Select(t => layout.Topics.Topics[t].StageHints.Select(ListeningData.Journey.IndexOfStage).FirstOrDefault(i => i >= 0, -1)).FirstOrDefault(i => i >= 0, noStage);
            dense[p, 0]++;
            dense[p, layout.KindAt + (int)signal.Kind - 1]++;
            dense[p, layout.SourceAt + (int)signal.Source - 1]++;
            dense[p, layout.StageAt + stage]++;
            dense[p, layout.TouchpointAt + (touchpoint < 0 ? layout.TouchpointSlots - 1 : touchpoint)]++;
            int milli = signal.Sentiment is { } v ? (int)Math.Round(v * 1000) : 0;
            int withSentiment = signal.Sentiment is null ? 0 : 1;
            dense[p, layout.StageSentimentSumAt + stage] += milli;
            dense[p, layout.StageSentimentCountAt + stage] += withSentiment;
            if (signal.Kind == FeedbackKind.Complaint)
            {
                dense[p, layout.ComplaintsAt + stage]++;
            }

            foreach (int t in topics.Length == 0 ? [layout.TopicSlots - 1] : topics)
            {
                dense[p, layout.TopicAt + t]++;
                dense[p, layout.TopicSentimentSumAt + t] += milli;
                dense[p, layout.TopicSentimentCountAt + t] += withSentiment;
                if (signal.Kind is FeedbackKind.Complaint or FeedbackKind.Unaided)
                {
                    dense[p, layout.SpikeAt + (((stage * layout.TopicSlots) + t) * 2) + (signal.Kind == FeedbackKind.Complaint ? 0 : 1)]++;
                }
            }

            SurveyAnswer a = signal.Survey;
            switch (a.Instrument)
            {
                case SurveyInstrument.Nps:
                    dense[p, layout.NpsAt + (stage * 11) + a.Score]++;
                    break;
                case SurveyInstrument.Ces:
                    dense[p, layout.CesAt + (stage * 7) + a.Score - 1]++;
                    break;
                case SurveyInstrument.Csat:
                    dense[p, layout.CsatAt + (stage * 2)]++;
                    dense[p, layout.CsatAt + (stage * 2) + 1] += a.Score >= a.ScaleMax - 1 ? 1 : 0;
                    break;
                default:
                    break;
            }
        }

        return dense;
    }
}
