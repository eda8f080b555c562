using System.Globalization;
using Cx.Domain.Validation;
using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>The minimum acceptable performance of the process behind one touchpoint: "a test drive within 48 hours of the
/// request, for 95% of requests, each month".</summary>
/// <remarks>
/// <para>An event is good when its value meets <see cref="Threshold"/> by <see cref="Comparison"/>; a window meets the
/// standard when its share of good events (compliance) is at least <see cref="Objective"/>, and it needs at least
/// <see cref="MinimumEvents"/> events for any verdict.</para>
/// <para>Immutable and validated: create it with <see cref="Create(ReliabilityStandardDefinition)"/>; every failure is reported with a code (CX0501 to
/// CX0509, CX0514). The drift baseline is given (<see cref="Baseline"/>), estimated from the events in
/// <see cref="ReferenceInterval"/>, or absent (then no drift detection for this standard).</para>
/// </remarks>
public sealed class ReliabilityStandard
{
    private ReliabilityStandard(
        string id, string touchpointId, string name, string metric, string unit, ThresholdComparison comparison, double threshold,
        double objective, EvaluationWindow window, int minimumEvents, string? owner, EvidenceKind evidence, DriftBaseline? baseline,
        Interval? referenceInterval)
    {
        Id = id;
        TouchpointId = touchpointId;
        Name = name;
        Metric = metric;
        Unit = unit;
        Comparison = comparison;
        Threshold = threshold;
        Objective = objective;
        Window = window;
        MinimumEvents = minimumEvents;
        Owner = owner;
        Evidence = evidence;
        Baseline = baseline;
        ReferenceInterval = referenceInterval;
    }

    private AllowedShare? _allowedBadShare;

    /// <summary>Gets the standard's stable id, such as <c>test-drive-48h</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the id of the touchpoint whose process the standard governs.</summary>
    public string TouchpointId { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets what is measured, such as <c>hours from request to test drive</c>.</summary>
    public string Metric { get; }

    /// <summary>Gets the unit of the values, such as <c>h</c> or <c>%</c>.</summary>
    public string Unit { get; }

    /// <summary>Gets how a value is judged against <see cref="Threshold"/>.</summary>
    public ThresholdComparison Comparison { get; }

    /// <summary>Gets the threshold, finite, in <see cref="Unit"/>.</summary>
    public double Threshold { get; }

    /// <summary>Gets the share of events that must meet the threshold, strictly between 0 and 1.</summary>
    public double Objective { get; }

    /// <summary>Gets the evaluation window.</summary>
    public EvaluationWindow Window { get; }

    /// <summary>Gets the evidence gate: fewer events in a window give <see cref="WindowStatus.NotEnoughData"/>; at least 1.</summary>
    public int MinimumEvents { get; }

    /// <summary>Gets the accountable owner, or null until a <see cref="ReliabilityStandardSet"/> with a journey framework
    /// fills in the touchpoint's owner.</summary>
    public string? Owner { get; }

    /// <summary>Gets what the standard is judged on.</summary>
    public EvidenceKind Evidence { get; }

    /// <summary>Gets the given drift baseline, or null.</summary>
    public DriftBaseline? Baseline { get; }

    /// <summary>Gets the interval whose events estimate the drift baseline (start inclusive, end exclusive), or null.</summary>
    public Interval? ReferenceInterval { get; }

    /// <summary>Gets the share of events allowed to miss the threshold, <c>1 - Objective</c>, as an exact decimal of the
    /// objective's shortest round-trip digits.</summary>
    internal decimal AllowedBadShare => (_allowedBadShare ??= new AllowedShare(1m - ObjectiveDecimal)).Decimal;

    /// <summary>The allowed bad share as an exact fraction, for the hot loops of evaluations and backtests.</summary>
    internal AllowedShare Allowed => _allowedBadShare ??= new AllowedShare(1m - ObjectiveDecimal);

    internal decimal ObjectiveDecimal => decimal.Parse(Objective.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Validates a definition and creates the standard.</summary>
    /// <param name="definition">The definition: id, touchpoint, name, metric, comparison, threshold, objective and window, and
    /// the optional parts.</param>
    /// <returns>The standard.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="CxValidationException">Something is invalid; every failure is listed with its code.</exception>
    public static ReliabilityStandard Create(ReliabilityStandardDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        string? id = definition.Id;
        string? owner = definition.Owner;
        var standard = new ReliabilityStandard(
            id?.Trim()!, definition.TouchpointId?.Trim()!, definition.Name?.Trim()!, definition.Metric?.Trim()!, definition.Unit?.Trim() ?? string.Empty,
            definition.Comparison, definition.Threshold, definition.Objective, definition.Window, definition.MinimumEvents,
            string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(), definition.Evidence, definition.Baseline, definition.ReferenceInterval);
        new ReliabilityStandardValidator().ValidateOrThrow(standard, string.IsNullOrWhiteSpace(id) ? "reliability standard" : $"reliability standard '{id}'");
        return standard;
    }

    internal ReliabilityStandard WithOwner(string owner) =>
        new(Id, TouchpointId, Name, Metric, Unit, Comparison, Threshold, Objective, Window, MinimumEvents, owner, Evidence, Baseline, ReferenceInterval);

    /// <summary>Tells whether a value meets the threshold.</summary>
    /// <param name="value">The value; NaN never meets it.</param>
    /// <returns><see langword="true"/> for a good event.</returns>
    public bool IsGood(double value) => Comparison == ThresholdComparison.AtMost ? value <= Threshold : value >= Threshold;

    /// <summary>Returns a short description such as <c>test-drive-48h: hours &lt;= 48 h for 95% (rolling 30d)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id}: {Metric} {(Comparison == ThresholdComparison.AtMost ? "<=" : ">=")} {Threshold:G6} {Unit} for {Objective * 100:G6}% ({Window})");
}
