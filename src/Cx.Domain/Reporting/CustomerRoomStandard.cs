using Cx.Domain.EarlyWarning;
using Cx.Domain.Journey;
using Cx.Domain.Reliability;

namespace Cx.Domain.Reporting;

/// <summary>One reliability standard in the customer room: the process behind a touchpoint of a stage, how it performed in the
/// period, whether it is warned, and what its failures put at risk.</summary>
/// <remarks>Immutable. Part of <see cref="CustomerRoomStage.Standards"/>.</remarks>
public sealed class CustomerRoomStandard
{
    internal CustomerRoomStandard(ReliabilityStandard standard, Touchpoint touchpoint, StandardEvaluation? evaluation, StandardWarning? warning, PeriodExposure exposure, RevenueAtRisk revenueAtRisk, ValueBudget? budget)
    {
        Standard = standard;
        Touchpoint = touchpoint;
        Evaluation = evaluation;
        Warning = warning;
        Exposure = exposure;
        RevenueAtRisk = revenueAtRisk;
        Budget = budget;
    }

    /// <summary>Gets the standard.</summary>
    public ReliabilityStandard Standard { get; }

    /// <summary>Gets the touchpoint whose process the standard measures.</summary>
    public Touchpoint Touchpoint { get; }

    /// <summary>Gets the owner: the standard's, or else the touchpoint's.</summary>
    public string Owner => Standard.Owner ?? Touchpoint.Owner;

    /// <summary>Gets the standard's evaluation as of the report's instant, or null when there were no measurements at all.</summary>
    public StandardEvaluation? Evaluation { get; }

    /// <summary>Gets the status as of the report's instant (<see cref="StandardStatus.NoData"/> without an evaluation).</summary>
    public StandardStatus Status => Evaluation?.Status ?? StandardStatus.NoData;

    /// <summary>Gets the standard's entry of the early-warning list when it has a warning episode open or is breached, else
    /// null (see <see cref="StandardWarning"/>).</summary>
    public StandardWarning? Warning { get; }

    /// <summary>Gets the standard's events, failures and exposed customers in the report's period.</summary>
    public PeriodExposure Exposure { get; }

    /// <summary>Gets the revenue at risk from the customers its failures exposed in the period.</summary>
    public RevenueAtRisk RevenueAtRisk { get; }

    /// <summary>Gets the standard's error budget and burn in value for the period, or null when it has none (no events).</summary>
    public ValueBudget? Budget { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>financing-approval-24h: Breached, 158 of 412 failing</c>.</returns>
    public override string ToString() => $"{Standard.Id}: {Status}, {Exposure.FailingEventCount} of {Exposure.EventCount} failing";
}
