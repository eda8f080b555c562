using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Attribution;
using Cx.Domain.EarlyWarning;
using Cx.Domain.Listening;
using Cx.Domain.Primitives;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.Reporting;

/// <summary>The customer room of one period — the story leadership reads, as the seed of the customer room tells it: the
/// outcome (how the customer asset grew or shrank: the bridge, incoming and lost customers with their value), then stage by
/// stage in journey order the asset earned and lost, what customers said, the reliability of the stage's processes and
/// their warnings, and last the top company-wide priorities with their owners and reasons.</summary>
/// <remarks>
/// <para>Built by <see cref="CustomerRoomCalculator.Build"/> from the engines' own results: every figure is the figure of
/// the asset engine (<see cref="AssetMovementReport"/>), the attribution (<see cref="AttributionResult"/>), the reliability
/// evaluator, the early warning (<see cref="ErosionReport"/>) and the listening path (<see cref="ListeningReport"/>), so
/// the room's totals equal theirs to the cent. Rendered by <see cref="CustomerRoomRenderer"/> (Markdown, a self-contained
/// HTML page, JSON). Immutable.</para>
/// </remarks>
public sealed class CustomerRoomReport
{
    internal CustomerRoomReport(
        GridPeriod period, AssetMovementReport assets, ErosionReport earlyWarning, ListeningReport? listening, IReadOnlyList<CustomerRoomStage> stages,
        IReadOnlyList<ReliabilityMeasurement> measurements)
    {
        Period = period;
        Assets = assets;
        Bridge = assets.Periods.Single(p => p.Period.Index == period.Index);
        EarlyWarning = earlyWarning;
        Listening = listening;
        Stages = stages;
        Measurements = measurements;
        StageBridge = earlyWarning.Attribution.Bridge.FirstOrDefault(b => b.Period.Index == period.Index);
    }

    /// <summary>Gets the period the room is about.</summary>
    public GridPeriod Period { get; }

    /// <summary>Gets the instant the room is as of: the last instant of the period.</summary>
    public Instant AsOf => EarlyWarning.AsOf;

    /// <summary>Gets the unit of every value (the ledger's currency, in minor units).</summary>
    public MeasureUnit Unit => Assets.Unit;

    /// <summary>Gets the journey's name.</summary>
    public string JourneyName => EarlyWarning.Analysis.Framework.Name;

    /// <summary>Gets the asset movements of every period of the grid (the waterfall is drawn from them).</summary>
    public AssetMovementReport Assets { get; }

    /// <summary>Gets the outcome of the period: the bridge from opening to closing value, with incoming customers (new and
    /// reactivated), expansion, contraction and lost (churned) customers, each with their count and value.</summary>
    public PeriodMovement Bridge { get; }

    /// <summary>Gets the stage-attributed bridge of the period (earned and lost per stage, and what no touch explains), or null
    /// when the period had no movement to attribute.</summary>
    public StageBridgePeriod? StageBridge { get; }

    /// <summary>Gets the stages in journey order, each with its earned and lost value, voice and processes.</summary>
    public IReadOnlyList<CustomerRoomStage> Stages { get; }

    /// <summary>Gets the early warning of the period: exposure, impact, the early-warning list and the priorities.</summary>
    public ErosionReport EarlyWarning { get; }

    /// <summary>Gets the early-warning list: every standard on watch or breached, breached first, then by revenue at risk.</summary>
    public IReadOnlyList<StandardWarning> Warnings => EarlyWarning.Warnings;

    /// <summary>Gets the top company-wide priorities, one per touchpoint, each with its owner, score and reason.</summary>
    public IReadOnlyList<Priority> Priorities => EarlyWarning.Priorities;

    /// <summary>Gets the listening report over the grid, or null when no feedback was given.</summary>
    public ListeningReport? Listening { get; }

    /// <summary>Gets the measurements known at <see cref="AsOf"/> (the run charts are drawn from them).</summary>
    internal IReadOnlyList<ReliabilityMeasurement> Measurements { get; }

    /// <summary>Returns a short description.</summary>
    /// <returns>For example <c>customer room 2025-12: 6 stages, 2 warnings, 5 priorities</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"customer room {Period}: {Stages.Count} stages, {Warnings.Count} warnings, {Priorities.Count} priorities");
}
