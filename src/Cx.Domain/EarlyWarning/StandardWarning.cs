using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>One entry of the early-warning list: a standard with a warning episode open (on watch, or breached while the
/// episode runs) or breached without one, who owns it, where it sits in the journey, the episode's evidence, and the revenue
/// its failures put at risk.</summary>
/// <remarks>
/// <para>Exposed so far: the customers who met a failing measurement of the standard from <see cref="ExposedSince"/> up to
/// the as-of instant, with their value at the start of the grid period of their first failure there.
/// <see cref="ExposedSince"/> is the start of the open episode, but never before the start of the grid period h - 1 periods
/// before the report period (h the horizon): an exposure older than that has had its whole horizon, so its losses are in
/// the ledger already, not at risk. A breach without an open episode counts from the start of the current window.
/// Expected further: for a calendar window not yet over, the exposed value so far times the time left until the window
/// ends over the time elapsed since <see cref="ExposedSince"/> ("at the current failure rate"); none for a rolling window
/// or an ended one. Revenue at risk: (exposed so far + expected further) times the standard's excess loss share as of the
/// report period.</para>
/// </remarks>
public sealed class StandardWarning
{
    internal StandardWarning(
        ErosionSubject subject, StandardEvaluation evaluation, Instant exposedSince, Instant windowStart, Instant windowEnd, long exposedSoFar, long exposedValueSoFar,
        long expectedFurtherValue, RevenueAtRisk revenueAtRisk)
    {
        Subject = subject;
        Evaluation = evaluation;
        ExposedSince = exposedSince;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        ExposedSoFarCustomerCount = exposedSoFar;
        ExposedValueSoFar = exposedValueSoFar;
        ExpectedFurtherExposedValue = expectedFurtherValue;
        RevenueAtRisk = revenueAtRisk;
    }

    /// <summary>Gets the standard's erosion subject (its exposure, impact and revenue at risk period by period).</summary>
    public ErosionSubject Subject { get; }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard => Subject.Standard!;

    /// <summary>Gets the touchpoint whose process the standard governs.</summary>
    public Touchpoint Touchpoint => Subject.Touchpoint;

    /// <summary>Gets the touchpoint's stage.</summary>
    public JourneyStage Stage => Subject.Stage;

    /// <summary>Gets the accountable owner.</summary>
    public string Owner => Subject.Owner;

    /// <summary>Gets the touchpoint's category.</summary>
    public TouchpointCategory Category => Subject.Category;

    /// <summary>Gets a value indicating whether the touchpoint is a moment of truth.</summary>
    public bool IsMomentOfTruth => Subject.IsMomentOfTruth;

    /// <summary>Gets the reliability evaluation as of the report's instant: status, reasons, windows and alerts (the evidence).</summary>
    public StandardEvaluation Evaluation { get; }

    /// <summary>Gets the status: <see cref="StandardStatus.Watch"/> (an episode open, the window not breached) or
    /// <see cref="StandardStatus.Breached"/> (with or without an open episode).</summary>
    public StandardStatus Status => Evaluation.Status;

    /// <summary>Gets the warning episode open at the as-of instant (its start, detectors, escalations and peak severity: the
    /// evidence), or null for a breach that no open episode accompanies.</summary>
    public WarningEpisode? Episode => Evaluation.OpenEpisode;

    /// <summary>Gets the instant the warning began: the open episode's start, or else the start of the breached window.</summary>
    public Instant Since => Episode?.OpenedAt ?? WindowStart;

    /// <summary>Gets the highest severity of the open episode's detectors (<see cref="AlertSeverity.None"/> without an episode).</summary>
    public AlertSeverity Severity => Episode?.PeakSeverity ?? AlertSeverity.None;

    /// <summary>Gets the names of the open episode's detectors in the order they fired (empty without an episode).</summary>
    public IReadOnlyList<string> Detectors => Episode?.Detectors ?? [];

    /// <summary>Gets the instant from which failures count as exposure: <see cref="Since"/>, but not before the start of the
    /// grid period h - 1 periods before the report period (see the remarks).</summary>
    public Instant ExposedSince { get; }

    /// <summary>Gets the start of the current evaluation window.</summary>
    public Instant WindowStart { get; }

    /// <summary>Gets the end of the open window (the as-of instant for a rolling window).</summary>
    public Instant WindowEnd { get; }

    /// <summary>Gets the number of customers who met a failing measurement from <see cref="ExposedSince"/> to the as-of instant.</summary>
    public long ExposedSoFarCustomerCount { get; }

    /// <summary>Gets their value at the start of the period of their first failure, in the ledger's unit.</summary>
    public long ExposedValueSoFar { get; }

    /// <summary>Gets the exposed value expected until the window ends at the current failure rate (0 for a rolling window or an
    /// ended one).</summary>
    public long ExpectedFurtherExposedValue { get; }

    /// <summary>Gets the revenue at risk of the warning: (exposed so far + expected further) × the excess loss share.</summary>
    public RevenueAtRisk RevenueAtRisk { get; }

    /// <summary>Returns the warning in one sentence: status, standard, figures, the episode's evidence, exposure, revenue at
    /// risk and owner.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => ErosionSentences.Warning(this);
}
