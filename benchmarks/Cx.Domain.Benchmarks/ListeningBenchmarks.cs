using BenchmarkDotNet.Attributes;
using Cx.Domain.Journey;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Samples;
using NodaTime;

namespace Cx.Domain.Benchmarks;

/// <summary>The whole listening path — volumes by stage, touchpoint, topic, kind and source, share of voice, sentiment, survey
/// metrics with their changes, spike detection on every stage × topic series and survey confirmation — of columnar feedback
/// over 36 months on the sample company's journey and taxonomy, against a baseline that only counts signals per month.</summary>
/// <remarks>Signals come in time order (as a log or a warehouse query delivers them); a quarter are surveys, half carry a
/// sentiment, most have one or two topics. Throughput target: 20M signals per second; allocation must not grow with the
/// signal count (compare the two sizes).</remarks>
[MemoryDiagnoser]
[FewIterationsJob(launchCount: 1, iterationCount: 6)]
public class ListeningBenchmarks
{
    private PeriodGrid _grid = null!;
    private FeedbackColumns _columns = null!;
    private ListeningCalculator _calculator = null!;
    private long[] _ticks = null!;
    private long[] _monthStarts = null!;

    /// <summary>Gets the sizes to run: 1M and 10M signals, or only 1M when <c>CX_BENCH_SMALL=1</c> (CI's dry job).</summary>
    public static IEnumerable<int> SignalCounts =>
        Environment.GetEnvironmentVariable("CX_BENCH_SMALL") == "1" ? [1_000_000] : [1_000_000, 10_000_000];

    [ParamsSource(nameof(SignalCounts))]
    public int SignalCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var company = SampleCompany.Generate(new SampleCompanyOptions { CustomerCount = 10 });
        JourneyFramework journey = company.Journey;
        TopicTaxonomy taxonomy = company.FeedbackTaxonomy;
        _grid = company.Grid;
        _calculator = new ListeningCalculator();
        var random = new Random(42);
        int n = SignalCount;
        long start = _grid.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().ToUnixTimeTicks();
        long end = _grid.End.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().ToUnixTimeTicks();
        _ticks = new long[n];
        var sources = new FeedbackSource[n];
        var kinds = new FeedbackKind[n];
        var stages = new int[n];
        var touchpoints = new int[n];
        var starts = new int[n + 1];
        var topics = new List<int>(n * 3 / 2);
        var instruments = new SurveyInstrument[n];
        var scores = new short[n];
        var sentiments = new double[n];
        for (int i = 0; i < n; i++)
        {
            _ticks[i] = start + ((end - start) / n * i);
            int touchpoint = random.Next(-1, journey.Touchpoints.Count);
            touchpoints[i] = touchpoint;
            stages[i] = touchpoint < 0 && random.Next(2) == 0 ? random.Next(journey.Stages.Count) : -1;
            int roll = random.Next(100);
            kinds[i] = roll < 25 ? FeedbackKind.Survey : roll < 60 ? FeedbackKind.Complaint : FeedbackKind.Unaided;
            sources[i] = kinds[i] == FeedbackKind.Survey ? FeedbackSource.Survey : (FeedbackSource)random.Next(1, 9);
            starts[i] = topics.Count;
            int topicCount = kinds[i] == FeedbackKind.Survey ? 0 : random.Next(3);
            int first = random.Next(taxonomy.Count);
            for (int t = 0; t < topicCount; t++)
            {
                topics.Add((first + t) % taxonomy.Count);
            }

            if (kinds[i] == FeedbackKind.Survey)
            {
                instruments[i] = (SurveyInstrument)random.Next(1, 4);
                scores[i] = (short)(instruments[i] switch { SurveyInstrument.Nps => random.Next(0, 11), SurveyInstrument.Csat => random.Next(1, 6), _ => random.Next(1, 8) });
            }

            sentiments[i] = random.Next(2) == 0 ? double.NaN : (random.Next(-1000, 1001) / 1000.0);
        }

        starts[n] = topics.Count;
        _columns = new FeedbackColumns(journey, taxonomy, _ticks, sources, kinds, stages, touchpoints, starts, topics.ToArray(), instruments, scores, sentiments);
        _monthStarts = [.. _grid.Periods.Select(p => p.Start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().ToUnixTimeTicks()), end];
    }

    [Benchmark(Baseline = true, Description = "count per month only (binary search)")]
    public long CountPerMonth()
    {
        var counts = new long[_monthStarts.Length - 1];
        foreach (long t in _ticks)
        {
            int i = Array.BinarySearch(_monthStarts, t);
            int month = i >= 0 ? i : ~i - 1;
            if (month >= 0 && month < counts.Length)
            {
                counts[month]++;
            }
        }

        return counts[^1];
    }

    [Benchmark(Description = "all breakdowns, surveys and spike detection (columns)")]
    public int ListeningPath() => _calculator.Calculate(_grid, _columns).Spikes.Count;
}
