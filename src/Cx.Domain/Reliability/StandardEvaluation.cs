using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>One standard evaluated as of an instant: its status with the reasons, the current window, the history window by
/// window, every burn-rate rule and the drift signals.</summary>
/// <remarks>Only events at or before <see cref="AsOf"/> are used; later ones are counted in
/// <see cref="EventsAfterAsOfCount"/>, and events outside every calendar period in <see cref="EventsOutsideWindowsCount"/>,
/// so none is lost silently.</remarks>
public sealed class StandardEvaluation
{
    internal StandardEvaluation(
        ReliabilityStandard standard, Instant asOf, StandardStatus status, IReadOnlyList<StatusReason> reasons, WindowEvaluation? currentWindow,
        IReadOnlyList<WindowEvaluation> windows, IReadOnlyList<BurnRateAlert> alerts, IReadOnlyList<DriftSignal> driftSignals, DriftBaseline? baseline,
        long eventCount, long afterAsOf, long outside, WarningEpisode? openEpisode)
    {
        Standard = standard;
        AsOf = asOf;
        Status = status;
        Reasons = reasons;
        CurrentWindow = currentWindow;
        Windows = windows;
        Alerts = alerts;
        DriftSignals = driftSignals;
        Baseline = baseline;
        EventCount = eventCount;
        EventsAfterAsOfCount = afterAsOf;
        EventsOutsideWindowsCount = outside;
        OpenEpisode = openEpisode;
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the evaluation instant.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the status.</summary>
    public StandardStatus Status { get; }

    /// <summary>Gets the reasons for the status, most important first.</summary>
    public IReadOnlyList<StatusReason> Reasons { get; }

    /// <summary>Gets the window holding <see cref="AsOf"/> (figures so far), or null when a calendar grid does not cover it.</summary>
    public WindowEvaluation? CurrentWindow { get; }

    /// <summary>Gets the history: every calendar period up to the current one, or the rolling windows ending at
    /// <see cref="AsOf"/>, oldest first.</summary>
    public IReadOnlyList<WindowEvaluation> Windows { get; }

    /// <summary>Gets every burn-rate rule, evaluated at <see cref="AsOf"/>.</summary>
    public IReadOnlyList<BurnRateAlert> Alerts { get; }

    /// <summary>Gets the warning episode open at <see cref="AsOf"/> (the standard is on watch, or was when the breach began),
    /// or null; always null for a report built from merged partial counts.</summary>
    /// <remarks>Found by running the episode machine over the judged instants <c>AsOf - k step</c> back to the last quiet
    /// period (the backtest's step), so it opens where a backtest judging those instants opens it.</remarks>
    public WarningEpisode? OpenEpisode { get; }

    /// <summary>Gets the signals of the individual-value charts up to <see cref="AsOf"/>, with their times (empty when the
    /// policy has no such charts).</summary>
    public IReadOnlyList<DriftSignal> DriftSignals { get; }

    /// <summary>Gets the drift baseline used, on the charted scale: the individual-value charts' mean and sigma, or the value
    /// drift's winsorized mean and sigma; null when neither ran.</summary>
    public DriftBaseline? Baseline { get; }

    /// <summary>Gets the number of events at or before <see cref="AsOf"/>.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of events after <see cref="AsOf"/>, which this evaluation ignores.</summary>
    public long EventsAfterAsOfCount { get; }

    /// <summary>Gets the number of events at or before <see cref="AsOf"/> outside every calendar period of the grid.</summary>
    public long EventsOutsideWindowsCount { get; }

    /// <summary>Returns a short description such as <c>test-drive-48h: Watch</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Standard.Id}: {Status}";
}
