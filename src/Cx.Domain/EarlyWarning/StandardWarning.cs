using Cx.Domain.Internal;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>One entry of the early-warning list: a standard on watch or breached, who owns it, where it sits in the journey,
/// the evidence, and the revenue its open window puts at risk.</summary>
/// <remarks>
/// <para>The open window is the standard's current evaluation window up to the as-of instant. Exposed so far: the customers
/// who met a failing measurement of the standard in it, with their value at the start of the grid period of their first
/// failure there. Expected further: for a calendar window not yet over, the exposed value so far times the time left over
/// the time elapsed ("at the current failure rate"); none for a rolling window. Revenue at risk: (exposed so far + expected
/// further) times the standard's excess loss share as of the report period.</para>
/// </remarks>
public sealed class StandardWarning
{
    internal StandardWarning(ErosionSubject subject, StandardEvaluation evaluation, Instant windowStart, Instant windowEnd, long exposedSoFar, long exposedValueSoFar, long expectedFurtherValue, RevenueAtRisk revenueAtRisk)
    {
        Subject = subject;
        Evaluation = evaluation;
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

    /// <summary>Gets the status: <see cref="StandardStatus.Watch"/> or <see cref="StandardStatus.Breached"/>.</summary>
    public StandardStatus Status => Evaluation.Status;

    /// <summary>Gets the start of the open window.</summary>
    public Instant WindowStart { get; }

    /// <summary>Gets the end of the open window (the as-of instant for a rolling window).</summary>
    public Instant WindowEnd { get; }

    /// <summary>Gets the number of customers who met a failing measurement in the open window so far.</summary>
    public long ExposedSoFarCustomerCount { get; }

    /// <summary>Gets their value at the start of the period of their first failure, in the ledger's unit.</summary>
    public long ExposedValueSoFar { get; }

    /// <summary>Gets the exposed value expected until the window ends at the current failure rate (0 for a rolling window or an
    /// ended one).</summary>
    public long ExpectedFurtherExposedValue { get; }

    /// <summary>Gets the revenue at risk of the open window: (exposed so far + expected further) × the excess loss share.</summary>
    public RevenueAtRisk RevenueAtRisk { get; }

    /// <summary>Returns the warning in one sentence: status, standard, figures, exposure, revenue at risk and owner.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => ErosionSentences.Warning(this);
}
