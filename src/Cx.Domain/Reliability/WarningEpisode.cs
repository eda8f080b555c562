using System.Globalization;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>A warning episode of one standard: from the first firing of any early-warning detector until nothing has fired
/// for the quiet period, with its escalations, peak severity and, in a backtest, whether a breach followed.</summary>
/// <remarks>An episode never opens while the standard's current window is breached (the breach is the louder signal), but
/// one that is open when the breach begins stays open while its detectors fire (at the first judged instant, where an
/// episode may have opened earlier, it is taken as open even in a breach). Instants are the judged instants of the
/// backtest or of the as-of evaluation's look-back.</remarks>
public sealed class WarningEpisode
{
    internal WarningEpisode(
        ReliabilityStandard standard, Instant openedAt, Instant lastFiringAt, Instant? closedAt, AlertSeverity peakSeverity, IReadOnlyList<EpisodeEscalation> escalations,
        bool openedBeforeFirstJudgedInstant, EpisodeVerdict verdict, Instant? breachAt)
    {
        Standard = standard;
        OpenedAt = openedAt;
        LastFiringAt = lastFiringAt;
        ClosedAt = closedAt;
        PeakSeverity = peakSeverity;
        Escalations = escalations;
        OpenedBeforeFirstJudgedInstant = openedBeforeFirstJudgedInstant;
        Verdict = verdict;
        BreachAt = breachAt;
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the first judged instant at which a detector fired.</summary>
    public Instant OpenedAt { get; }

    /// <summary>Gets the last judged instant at which a detector fired.</summary>
    public Instant LastFiringAt { get; }

    /// <summary>Gets the judged instant at which the episode closed (the quiet period after <see cref="LastFiringAt"/>), or
    /// null while it is open at the end of the backtest or at the evaluation instant.</summary>
    public Instant? ClosedAt { get; }

    /// <summary>Gets a value indicating whether the episode is still open.</summary>
    public bool IsOpen => ClosedAt is null;

    /// <summary>Gets the highest severity of any detector that fired in it.</summary>
    public AlertSeverity PeakSeverity { get; }

    /// <summary>Gets the opening and every later detector joining or severity rise, in time order.</summary>
    public IReadOnlyList<EpisodeEscalation> Escalations { get; }

    /// <summary>Gets the names of the detectors that fired in the episode, in the order they joined.</summary>
    public IReadOnlyList<string> Detectors => [.. Escalations.Select(e => e.Detector)];

    /// <summary>Gets a value indicating whether detectors already fired at the first judged instant (the backtest's start or
    /// the evaluation's look-back start), so the episode may have opened earlier than <see cref="OpenedAt"/>.</summary>
    public bool OpenedBeforeFirstJudgedInstant { get; }

    /// <summary>Gets whether a breach followed (backtests), or <see cref="EpisodeVerdict.None"/>.</summary>
    public EpisodeVerdict Verdict { get; }

    /// <summary>Gets the onset of the breach that made the episode true, or null.</summary>
    public Instant? BreachAt { get; }

    /// <summary>Gets how long the episode has lasted, up to an instant for an open one.</summary>
    /// <param name="end">The instant an open episode counts up to.</param>
    /// <returns>The duration, never negative.</returns>
    public Duration LengthUpTo(Instant end)
    {
        Instant stop = ClosedAt is { } c && c < end ? c : end;
        return stop > OpenedAt ? stop - OpenedAt : Duration.Zero;
    }

    internal WarningEpisode Judged(EpisodeVerdict verdict, Instant? breachAt) =>
        new(Standard, OpenedAt, LastFiringAt, ClosedAt, PeakSeverity, Escalations, OpenedBeforeFirstJudgedInstant, verdict, breachAt);

    /// <summary>Returns a summary such as <c>test-drive-48h: 2025-04-10T06:00Z..2025-04-12T08:00Z, page, 3 detectors, true</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Standard.Id}: {ReliabilityEngine.Time(OpenedAt)}..{(ClosedAt is { } c ? ReliabilityEngine.Time(c) : "open")}, {PeakSeverity.ToString().ToLowerInvariant()}, {Escalations.Count} escalation{(Escalations.Count == 1 ? string.Empty : "s")}{(Verdict == EpisodeVerdict.None ? string.Empty : ", " + Verdict.ToString().ToLowerInvariant())}");
}
