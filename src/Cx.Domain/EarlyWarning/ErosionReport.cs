using Cx.Domain.Attribution;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>The revenue-erosion early warning of one period: the exposure and impact of every standard and touchpoint, the
/// early-warning list, each standard's budget in value, and the top company-wide priorities — with the reliability and
/// attribution results they rest on.</summary>
/// <remarks>Built by <see cref="RevenueErosionCalculator.Report(ErosionInput, GridPeriod, EarlyWarningOptions?)"/>. Only
/// measurements and events at or before <see cref="AsOf"/> are used. Immutable.</remarks>
public sealed class ErosionReport
{
    internal ErosionReport(
        GridPeriod period, Instant asOf, ErosionAnalysis analysis, ReliabilityReport? reliability, AttributionResult attribution,
        IReadOnlyList<StandardWarning> warnings, IReadOnlyList<ValueBudget> budgets, IReadOnlyList<Priority> priorities, IReadOnlyList<Priority> rankedTouchpoints)
    {
        Period = period;
        AsOf = asOf;
        Analysis = analysis;
        Reliability = reliability;
        Attribution = attribution;
        Warnings = warnings;
        Budgets = budgets;
        Priorities = priorities;
        RankedTouchpoints = rankedTouchpoints;
    }

    /// <summary>Gets the period reported.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the instant the report is as of: the given one, or the last instant of the period.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the exposure and impact of every standard and touchpoint.</summary>
    public ErosionAnalysis Analysis { get; }

    /// <summary>Gets the reliability status of every standard as of <see cref="AsOf"/>, or null when there are no measurements.</summary>
    public ReliabilityReport? Reliability { get; }

    /// <summary>Gets the journey-stage attribution behind the stage losses.</summary>
    public AttributionResult Attribution { get; }

    /// <summary>Gets the early-warning list: every standard on watch or breached as of <see cref="AsOf"/>, breached first, then
    /// by revenue at risk (actionable first), then in the standards' order.</summary>
    public IReadOnlyList<StandardWarning> Warnings { get; }

    /// <summary>Gets every standard's error budget and burn in value for the period, in the standards' order.</summary>
    public IReadOnlyList<ValueBudget> Budgets { get; }

    /// <summary>Gets the top priorities (at most <see cref="EarlyWarningOptions.PriorityCount"/>, one per touchpoint, each with a
    /// score above zero).</summary>
    public IReadOnlyList<Priority> Priorities { get; }

    /// <summary>Gets every touchpoint ranked by the same score (the priorities are its head), so a reader can see what came next.</summary>
    public IReadOnlyList<Priority> RankedTouchpoints { get; }

    /// <summary>Returns the revenue at risk of every standard in the period, in the standards' order.</summary>
    /// <returns>The figures.</returns>
    public IReadOnlyList<RevenueAtRisk> StandardRisks() =>
        Analysis.Subjects.Where(s => s.Kind == ErosionSubjectKind.Standard).Select(s => s.RevenueAtRisk(Period)).ToArray();

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>erosion report 2025-12: 2 warnings, 5 priorities</c>.</returns>
    public override string ToString() => $"erosion report {Period}: {Warnings.Count} warnings, {Priorities.Count} priorities";
}
