using NodaTime;

namespace Cx.Domain.Reliability;

/// <summary>Every standard of a set evaluated as of one instant.</summary>
public sealed class ReliabilityReport
{
    internal ReliabilityReport(Instant asOf, IReadOnlyList<StandardEvaluation> standards, bool includesDrift)
    {
        AsOf = asOf;
        Standards = standards;
        IncludesDrift = includesDrift;
    }

    /// <summary>Gets the evaluation instant.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the evaluations, in the order of the standard set.</summary>
    public IReadOnlyList<StandardEvaluation> Standards { get; }

    /// <summary>Gets a value indicating whether the sequential detectors and episodes ran (false for a report built from
    /// merged partial counts, since they need each standard's events in order).</summary>
    public bool IncludesDrift { get; }

    /// <summary>Counts the standards with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>How many standards have it.</returns>
    public int CountWith(StandardStatus status) => Standards.Count(s => s.Status == status);

    /// <summary>Returns a short description such as <c>12 standards as of 2026-06-30T00:00:00Z: 8 reliable, 2 watch, 1 breached, 1 no data</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Standards.Count} standards as of {AsOf}: {CountWith(StandardStatus.Reliable)} reliable, {CountWith(StandardStatus.Watch)} watch, {CountWith(StandardStatus.Breached)} breached, {CountWith(StandardStatus.NoData)} no data";
}
