using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The backtest of one standard: every warning and breach over a history, and the lead time of each breach.</summary>
/// <remarks>The standard is judged at regular instants (<see cref="Step"/> apart) exactly as <see cref="ReliabilityEvaluator.Evaluate(ReliabilityStandardSet, IEnumerable{ReliabilityMeasurement}, Instant, IEnumerable{PeriodAggregate})"/>
/// would judge it as of each instant. The lead time is the measure of an early-warning system: a breach warned days ahead
/// can be prevented; an unwarned breach is a miss; a warning with no breach in the following window is a false alarm.</remarks>
public sealed class StandardBacktest
{
    internal StandardBacktest(ReliabilityStandard standard, Instant from, Instant to, Duration step, IReadOnlyList<BacktestWarning> warnings, IReadOnlyList<BacktestBreach> breaches)
    {
        Standard = standard;
        From = from;
        To = to;
        Step = step;
        Warnings = warnings;
        Breaches = breaches;
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the first judged instant.</summary>
    public Instant From { get; }

    /// <summary>Gets the last judged instant.</summary>
    public Instant To { get; }

    /// <summary>Gets the step between judged instants.</summary>
    public Duration Step { get; }

    /// <summary>Gets the warning onsets, in time order.</summary>
    public IReadOnlyList<BacktestWarning> Warnings { get; }

    /// <summary>Gets the breach onsets, in time order.</summary>
    public IReadOnlyList<BacktestBreach> Breaches { get; }

    /// <summary>Gets the number of breaches a warning preceded.</summary>
    public int WarnedBreachCount => Breaches.Count(b => b.FirstWarningAt is not null);

    /// <summary>Gets the number of breaches no warning preceded.</summary>
    public int MissedBreachCount => Breaches.Count(b => b.FirstWarningAt is null);

    /// <summary>Gets the number of warnings no breach followed within the standard's window length.</summary>
    public int FalseWarningCount => Warnings.Count(w => !w.WasFollowedByBreach);

    /// <summary>Gets the median lead time of the warned breaches (the lower middle one for an even count), or null.</summary>
    public Duration? MedianLeadTime
    {
        get
        {
            Duration[] leads = Breaches.Where(b => b.LeadTime is not null).Select(b => b.LeadTime!.Value).Order().ToArray();
            return leads.Length == 0 ? null : leads[(leads.Length - 1) / 2];
        }
    }

    /// <summary>Returns a summary such as <c>test-drive-48h: 2 breaches (2 warned, median lead 3d), 1 false warning</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Standard.Id}: {Breaches.Count} breaches ({WarnedBreachCount} warned, median lead {(MedianLeadTime is { } m ? DurationText.Format(m) : "-")}), {FalseWarningCount} false warnings");
}
