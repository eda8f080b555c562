using System.Collections;
using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.Listening;

/// <summary>The stage and topic of a spike series, shared by every check of the series.</summary>
internal sealed class SpikeSeriesLabel(string? stageId, string stageName, string? topicId, string topicName)
{
    public string? StageId { get; } = stageId;

    public string StageName { get; } = stageName;

    public string? TopicId { get; } = topicId;

    public string TopicName { get; } = topicName;
}

/// <summary>A detector's verdict on one period, as a <see cref="SpikeCheck"/> reports it; quiet periods share one.</summary>
internal sealed class SpikeVerdict
{
    public SpikeVerdict(SpikeDetectors.Outcome outcome, SpikeDetectionOptions options)
    {
        bool farrington = outcome.Detector == SpikeDetector.Farrington;
        Detector = outcome.Detector;
        Status = outcome.Alarm ? SpikeStatus.Spike
            : outcome.Observed > outcome.Threshold && outcome.Observed != 0 ? SpikeStatus.TooFewCounts
            : SpikeStatus.WithinBaseline;
        Observed = outcome.Observed;
        Expected = outcome.Expected;
        Threshold = outcome.Threshold;
        FalseAlarmProbability = outcome.Probability;
        Alpha = farrington ? options.Alpha : options.EarsAlpha;
        Dispersion = outcome.Dispersion;
        TrendFitted = outcome.Trend;
        BaselinePeriods = farrington ? options.BaselinePeriods : options.EarsBaselinePeriods;
    }

    public SpikeDetector Detector { get; }

    public SpikeStatus Status { get; }

    public long Observed { get; }

    public double Expected { get; }

    public double Threshold { get; }

    public double FalseAlarmProbability { get; }

    public double Alpha { get; }

    public double Dispersion { get; }

    public bool TrendFitted { get; }

    public int BaselinePeriods { get; }
}

/// <summary>The spike checks of a listening report, by period, then stage, then topic: every judged period of every series
/// that has a count. The checks of periods where the series holds a count within the detector's reach are kept; the rest —
/// quiet periods, where the detector reads only zeros and gives the same verdict everywhere — are built when read, so the
/// list takes memory in proportion to the periods that hold signals, not to the grid times the series.</summary>
internal sealed class SpikeCheckList : IReadOnlyList<SpikeCheck>
{
    private readonly PeriodGrid _grid;
    private readonly int _firstJudged;
    private readonly int _farringtonFrom;
    private readonly SpikeSeriesLabel[] _series;
    private readonly SpikeVerdict _quietFarrington;
    private readonly SpikeVerdict _quietEars;
    private readonly int[] _kept;
    private readonly SpikeCheck[] _keptChecks;

    /// <param name="grid">The grid.</param>
    /// <param name="firstJudged">The first period a detector judges; every later one is judged too.</param>
    /// <param name="farringtonFrom">The first period Farrington judges (EARS C2 judges the ones before).</param>
    /// <param name="series">The series with a count, in stage then topic order.</param>
    /// <param name="quietFarrington">Farrington's verdict on a period where it reads only zeros.</param>
    /// <param name="quietEars">EARS C2's verdict on a period where it reads only zeros.</param>
    /// <param name="kept">The checks of the periods that are not quiet, with their (period - first judged) × series + series index.</param>
    public SpikeCheckList(PeriodGrid grid, int firstJudged, int farringtonFrom, SpikeSeriesLabel[] series, SpikeVerdict quietFarrington, SpikeVerdict quietEars,
        List<(int Position, SpikeCheck Check)> kept)
    {
        _grid = grid;
        _firstJudged = firstJudged;
        _farringtonFrom = farringtonFrom;
        _series = series;
        _quietFarrington = quietFarrington;
        _quietEars = quietEars;
        Count = series.Length == 0 || firstJudged >= grid.Count ? 0 : checked((grid.Count - firstJudged) * series.Length);
        kept.Sort((a, b) => a.Position.CompareTo(b.Position));
        _kept = [.. kept.Select(k => k.Position)];
        _keptChecks = [.. kept.Select(k => k.Check)];
    }

    public int Count { get; }

    public SpikeCheck this[int index]
    {
        get
        {
            if (unchecked((uint)index >= (uint)Count))
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"Expected a spike check index from 0 to {Count - 1}, got {index}."));
            }

            int kept = Array.BinarySearch(_kept, index);
            return kept >= 0 ? _keptChecks[kept] : Quiet(index);
        }
    }

    public IEnumerator<SpikeCheck> GetEnumerator()
    {
        int next = 0;
        for (int i = 0; i < Count; i++)
        {
            if (next < _kept.Length && _kept[next] == i)
            {
                yield return _keptChecks[next++];
            }
            else
            {
                yield return Quiet(i);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private SpikeCheck Quiet(int index)
    {
        int period = _firstJudged + (index / _series.Length);
        return new SpikeCheck(_grid[period], _series[index % _series.Length], period >= _farringtonFrom ? _quietFarrington : _quietEars);
    }
}
