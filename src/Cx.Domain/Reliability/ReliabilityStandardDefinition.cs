using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>What a caller states to create a <see cref="ReliabilityStandard"/>: the required parts by name, the optional
/// ones with their defaults.</summary>
/// <remarks>
/// <para>An option type: nothing is checked until <see cref="ReliabilityStandard.Create(ReliabilityStandardDefinition)"/>
/// validates the whole definition and reports every failure with its code. Text is trimmed there; a blank
/// <see cref="Owner"/> means "take the touchpoint's owner from the journey framework".</para>
/// <example>
/// <code>
/// var standard = ReliabilityStandard.Create(new ReliabilityStandardDefinition
/// {
///     Id = "test-drive-48h", TouchpointId = "test-drive", Name = "Test drive within 48 hours",
///     Metric = "hours from request to test drive", Unit = "h",
///     Comparison = ThresholdComparison.AtMost, Threshold = 48, Objective = 0.95,
///     Window = EvaluationWindow.Rolling(Duration.FromDays(30)), MinimumEvents = 20,
/// });
/// </code>
/// </example>
/// </remarks>
public sealed record ReliabilityStandardDefinition
{
    /// <summary>Gets the standard's stable id, such as <c>test-drive-48h</c>; required.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the touchpoint whose process the standard governs; required.</summary>
    public required string TouchpointId { get; init; }

    /// <summary>Gets the display name; required.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what is measured, such as <c>hours from request to test drive</c>; required.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the unit of the values, such as <c>h</c>; empty by default.</summary>
    public string Unit { get; init; } = string.Empty;

    /// <summary>Gets how a value is judged against <see cref="Threshold"/>; required.</summary>
    public required ThresholdComparison Comparison { get; init; }

    /// <summary>Gets the threshold, finite, in <see cref="Unit"/>; required.</summary>
    public required double Threshold { get; init; }

    /// <summary>Gets the share of events that must meet the threshold, strictly between 0 and 1; required.</summary>
    public required double Objective { get; init; }

    /// <summary>Gets the evaluation window; required.</summary>
    public required EvaluationWindow Window { get; init; }

    /// <summary>Gets the evidence gate (fewer events in a window give no verdict); at least 1, default 1.</summary>
    public int MinimumEvents { get; init; } = 1;

    /// <summary>Gets the accountable owner, or null (the default) to take the touchpoint's owner from a journey framework.</summary>
    public string? Owner { get; init; }

    /// <summary>Gets what the standard is judged on; <see cref="EvidenceKind.Events"/> by default.</summary>
    public EvidenceKind Evidence { get; init; } = EvidenceKind.Events;

    /// <summary>Gets a given drift baseline, or null (the default).</summary>
    public DriftBaseline? Baseline { get; init; }

    /// <summary>Gets the interval whose events estimate the drift baseline (start inclusive, end exclusive), or null (the
    /// default).</summary>
    public Interval? ReferenceInterval { get; init; }
}
