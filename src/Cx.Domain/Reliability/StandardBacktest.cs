using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The backtest of one standard: its warning episodes and breaches over a history, each breach with its lead time,
/// each episode judged true or false, and the scorecard.</summary>
/// <remarks>The standard is judged at regular instants (<see cref="Step"/> apart) exactly as
/// <see cref="ReliabilityEvaluator.Evaluate(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant, IEnumerable{PeriodAggregate})"/>
/// would judge it as of each instant. The lead time is the measure of an early-warning system: a breach warned days ahead
/// can be prevented; an unwarned breach is a miss; an episode no breach follows is a false alarm.</remarks>
public sealed class StandardBacktest
{
    internal StandardBacktest(ReliabilityStandard standard, Instant from, Instant to, Duration step, IReadOnlyList<WarningEpisode> episodes, IReadOnlyList<BacktestBreach> breaches, string? unavailable)
    {
        Standard = standard;
        From = from;
        To = to;
        Step = step;
        Episodes = episodes;
        Breaches = breaches;
        DetectorsUnavailable = unavailable;
        Scorecard = new WarningScorecard(
            standard.Id, 1, to - from, breaches.Count, breaches.Count(b => b.FirstWarningAt is not null), episodes.Count, episodes.Count(e => e.Verdict == EpisodeVerdict.True),
            [.. breaches.Where(b => b.LeadTime is not null).Select(b => b.LeadTime!.Value)],
            episodes.Aggregate(Duration.Zero, (sum, e) => sum + e.LengthUpTo(to)));
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the first judged instant.</summary>
    public Instant From { get; }

    /// <summary>Gets the end of the backtest (the last judged instant is at most this).</summary>
    public Instant To { get; }

    /// <summary>Gets the step between judged instants.</summary>
    public Duration Step { get; }

    /// <summary>Gets the warning episodes, in time order.</summary>
    public IReadOnlyList<WarningEpisode> Episodes { get; }

    /// <summary>Gets the breach onsets, in time order: one per breached calendar period, or one per run of breached instants
    /// for a rolling window.</summary>
    public IReadOnlyList<BacktestBreach> Breaches { get; }

    /// <summary>Gets the scorecard of this standard.</summary>
    public WarningScorecard Scorecard { get; }

    /// <summary>Gets why a detector of the policy could not run on this standard (no baseline for value drift, say), or null.</summary>
    public string? DetectorsUnavailable { get; }

    /// <summary>Gets the number of breaches a warning episode preceded.</summary>
    public int WarnedBreachCount => Scorecard.WarnedBreachCount;

    /// <summary>Gets the number of breaches no warning episode preceded.</summary>
    public int MissedBreachCount => Scorecard.MissedBreachCount;

    /// <summary>Gets the median lead time of the warned breaches (the lower middle one for an even count), or null.</summary>
    public Duration? MedianLeadTime => Scorecard.MedianLeadTime;

    /// <summary>Returns the scorecard's summary.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Scorecard.ToString();
}
