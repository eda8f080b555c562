using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>How well an early-warning policy did over a backtest, for one standard or for all: breaches and how many were
/// warned (recall), episodes and how many were true (precision), lead times, false episodes per standard per 90 days and
/// time in warning.</summary>
/// <remarks>
/// <para>A breach is warned when a warning episode was open at some judged instant between the look-back start (one
/// standard window before it, and no earlier than the end of the previous breach) and the breach; its lead time runs from
/// the later of that look-back start and the episode's opening to the breach. An episode is true when a breach of its
/// standard begins while it is open or within the true-episode horizon after it opens; episodes with no breach by the end
/// of the backtest count as false.</para>
/// <para>Lead-time percentiles use the nearest-rank method: the p-th percentile of n sorted values is the
/// ceil(p n)-th, so the median of an even count is the lower middle value. False episodes per standard per 90 days are the
/// false episodes over the total judged span of the standards, times 90 days.</para>
/// </remarks>
public sealed class WarningScorecard
{
    internal WarningScorecard(
        string? standardId, int standardCount, Duration span, int breaches, int warnedBreaches, int episodes, int trueEpisodes,
        IReadOnlyList<Duration> leadTimes, Duration timeInWarning)
        : this(standardId, standardCount, span.ToBigIntegerNanoseconds(), breaches, warnedBreaches, episodes, trueEpisodes, leadTimes, timeInWarning.ToBigIntegerNanoseconds())
    {
    }

    private WarningScorecard(
        string? standardId, int standardCount, System.Numerics.BigInteger spanNanoseconds, int breaches, int warnedBreaches, int episodes,
        int trueEpisodes, IReadOnlyList<Duration> leadTimes, System.Numerics.BigInteger timeInWarningNanoseconds)
    {
        StandardId = standardId;
        StandardCount = standardCount;
        _spanDays = (double)spanNanoseconds / NanosecondsPerDay;
        _spanTicks = (double)(spanNanoseconds / 100);
        _timeInWarningTicks = (double)(timeInWarningNanoseconds / 100);
        Span = Capped(spanNanoseconds);
        BreachCount = breaches;
        WarnedBreachCount = warnedBreaches;
        EpisodeCount = episodes;
        TrueEpisodeCount = trueEpisodes;
        Duration[] sorted = [.. leadTimes.Order()];
        MedianLeadTime = Percentile(sorted, 0.5);
        TenthPercentileLeadTime = Percentile(sorted, 0.1);
        MinimumLeadTime = sorted.Length == 0 ? null : sorted[0];
        TimeInWarning = Capped(timeInWarningNanoseconds);
    }

    /// <summary>Gets the standard's id, or null for the scorecard of every standard.</summary>
    public string? StandardId { get; }

    /// <summary>Gets the number of standards counted.</summary>
    public int StandardCount { get; }

    private const double NanosecondsPerDay = 86_400e9;

    private readonly double _spanDays;
    private readonly double _spanTicks;
    private readonly double _timeInWarningTicks;

    /// <summary>Gets the judged span, summed over the standards; at most <see cref="Duration.MaxValue"/> (about 46,000
    /// years: six standards judged over 8,000 years each exceed it), while the rates below use the exact sum.</summary>
    public Duration Span { get; }

    /// <summary>Gets the number of breach onsets.</summary>
    public int BreachCount { get; }

    /// <summary>Gets the number of breaches a warning episode preceded.</summary>
    public int WarnedBreachCount { get; }

    /// <summary>Gets the number of breaches no warning episode preceded.</summary>
    public int MissedBreachCount => BreachCount - WarnedBreachCount;

    /// <summary>Gets the share of breaches warned, or null without breaches.</summary>
    public double? Recall => BreachCount == 0 ? null : (double)WarnedBreachCount / BreachCount;

    /// <summary>Gets the number of warning episodes.</summary>
    public int EpisodeCount { get; }

    /// <summary>Gets the number of true episodes.</summary>
    public int TrueEpisodeCount { get; }

    /// <summary>Gets the number of false episodes.</summary>
    public int FalseEpisodeCount => EpisodeCount - TrueEpisodeCount;

    /// <summary>Gets the share of episodes that were true, or null without episodes.</summary>
    public double? Precision => EpisodeCount == 0 ? null : (double)TrueEpisodeCount / EpisodeCount;

    /// <summary>Gets the median lead time of the warned breaches, or null.</summary>
    public Duration? MedianLeadTime { get; }

    /// <summary>Gets the 10th percentile of the lead times (nine in ten warned breaches had at least this much), or null.</summary>
    public Duration? TenthPercentileLeadTime { get; }

    /// <summary>Gets the shortest lead time, or null.</summary>
    public Duration? MinimumLeadTime { get; }

    /// <summary>Gets the false episodes per standard per 90 days of judged span; 0 for an empty span.</summary>
    public double FalseEpisodesPer90Days => _spanDays <= 0 ? 0 : FalseEpisodeCount * 90.0 / _spanDays;

    /// <summary>Gets the total time standards spent in open episodes; at most <see cref="Duration.MaxValue"/>, as
    /// <see cref="Span"/>.</summary>
    public Duration TimeInWarning { get; }

    /// <summary>Gets the share of the judged span spent in open episodes.</summary>
    public double TimeInWarningShare => _spanTicks <= 0 ? 0 : _timeInWarningTicks / _spanTicks;

    internal static WarningScorecard Combine(IReadOnlyList<StandardBacktest> standards) => new(
        null,
        standards.Count,
        standards.Aggregate(System.Numerics.BigInteger.Zero, (sum, s) => sum + s.Scorecard.Span.ToBigIntegerNanoseconds()),
        standards.Sum(s => s.Scorecard.BreachCount),
        standards.Sum(s => s.Scorecard.WarnedBreachCount),
        standards.Sum(s => s.Scorecard.EpisodeCount),
        standards.Sum(s => s.Scorecard.TrueEpisodeCount),
        [.. standards.SelectMany(s => s.Breaches).Where(b => b.LeadTime is not null).Select(b => b.LeadTime!.Value)],
        standards.Aggregate(System.Numerics.BigInteger.Zero, (sum, s) => sum + s.Scorecard.TimeInWarning.ToBigIntegerNanoseconds()));

    /// <summary>A sum of durations in nanoseconds, at most <see cref="Duration.MaxValue"/>.</summary>
    private static Duration Capped(System.Numerics.BigInteger nanoseconds) =>
        nanoseconds > Duration.MaxValue.ToBigIntegerNanoseconds() ? Duration.MaxValue : Duration.FromNanoseconds(nanoseconds);

    private static Duration? Percentile(Duration[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Returns a summary such as <c>all: 21 breaches, 20 warned (95.2%); 24 episodes, 21 true (87.5%); median lead 4d</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{StandardId ?? "all"}: {BreachCount} breaches, {WarnedBreachCount} warned{(Recall is { } r ? $" ({r * 100:0.#}%)" : string.Empty)}; {EpisodeCount} episodes, {TrueEpisodeCount} true{(Precision is { } p ? $" ({p * 100:0.#}%)" : string.Empty)}; median lead {(MedianLeadTime is { } m ? DurationText.Human(m) : "-")}; {FalseEpisodesPer90Days:0.##} false per 90 days");
}
