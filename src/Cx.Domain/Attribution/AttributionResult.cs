using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.Internal;
using Cx.Domain.Primitives;
using Cx.Domain.Journey;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Attribution;

/// <summary>Journey-stage attribution: every movement's value credited to touchpoints, stages and categories, earned and lost,
/// with the unattributed bucket, the stage-attributed bridge, and the counts that explain the figures.</summary>
/// <remarks>Conservation: for each direction, the touchpoint credits plus the unattributed bucket equal the total movement
/// value exactly (<see cref="EarnedValue"/>, <see cref="LostValue"/>); stages and categories are sums of touchpoints.</remarks>
public sealed class AttributionResult
{
    internal AttributionResult(
        JourneyFramework framework,
        AttributionOptions options,
        MeasureUnit unit,
        PeriodGrid? grid,
        IReadOnlyList<TouchpointCredit> touchpoints,
        IReadOnlyList<StageCredit> stages,
        IReadOnlyList<CategoryCredit> categories,
        UnattributedCredit unattributed,
        IReadOnlyList<StageBridgePeriod> bridge,
        IReadOnlyList<MovementCredit> movementCredits,
        IReadOnlyList<PlayerScore> scores,
        AttributionCounts counts)
    {
        Framework = framework;
        Model = options.Model;
        MarkovAllocation = options.MarkovAllocation;
        ShapleyValueFunction = options.ShapleyValueFunction;
        ShapleyPlayers = options.ShapleyPlayers;
        Lookback = options.Lookback;
        TimeZone = options.TimeZone;
        HalfLife = options.HalfLife;
        Movements = [.. options.Movements.Distinct().Order()];
        Unit = unit;
        Grid = grid;
        Touchpoints = touchpoints;
        Stages = stages;
        Categories = categories;
        Unattributed = unattributed;
        Bridge = bridge;
        MovementCredits = movementCredits;
        Scores = scores;
        EventCount = counts.Events;
        EventsOutsideEveryWindowCount = counts.OutsideEveryWindow;
        ExcludedMovementCount = counts.ExcludedMovements;
        GainNullPathCount = counts.GainNullPaths;
        LossNullPathCount = counts.LossNullPaths;
        EqualSplitFallbackCount = counts.Fallbacks;
        EarnedValue = touchpoints.Sum(t => t.EarnedValue) + unattributed.EarnedValue;
        LostValue = touchpoints.Sum(t => t.LostValue) + unattributed.LostValue;
        GainCount = counts.Gains;
        LossCount = counts.Losses;
    }

    /// <summary>Gets the journey framework.</summary>
    public JourneyFramework Framework { get; }

    /// <summary>Gets the model used.</summary>
    public AttributionModel Model { get; }

    /// <summary>Gets how the Markov chain model turned removal effects into credits (meaningful for <see cref="AttributionModel.MarkovChain"/>).</summary>
    public MarkovAllocation MarkovAllocation { get; }

    /// <summary>Gets the characteristic function of the Shapley game (meaningful for <see cref="AttributionModel.Shapley"/>).</summary>
    public ShapleyValueFunction ShapleyValueFunction { get; }

    /// <summary>Gets the players of the Shapley game (meaningful for <see cref="AttributionModel.Shapley"/>).</summary>
    public ShapleyPlayers ShapleyPlayers { get; }

    /// <summary>Gets the lookback window used.</summary>
    public NodaPeriod Lookback { get; }

    /// <summary>Gets the time zone that turned period ends into instants.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the half-life used by <see cref="AttributionModel.TimeDecay"/> (set whatever the model).</summary>
    public Duration HalfLife { get; }

    /// <summary>Gets the movement classes that were attributed, in the enum's order.</summary>
    public IReadOnlyList<MovementClass> Movements { get; }

    /// <summary>Gets the unit of every value of the result: the ledger's (the currency, for revenue), or
    /// <see cref="AttributionOptions.Unit"/> when movements were given directly.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>Gets the grid of the ledger the movements came from; null when movements were given directly.</summary>
    public PeriodGrid? Grid { get; }

    /// <summary>Gets the unit of movements given without a ledger and without <see cref="AttributionOptions.Unit"/>:
    /// whole <c>units</c>.</summary>
    internal static MeasureUnit PlainUnits => Amounts.PlainUnits;

    /// <summary>Gets the credit of every touchpoint of the framework (met or not), in journey order.</summary>
    public IReadOnlyList<TouchpointCredit> Touchpoints { get; }

    /// <summary>Gets the credit of every stage, in journey order.</summary>
    public IReadOnlyList<StageCredit> Stages { get; }

    /// <summary>Gets the credit of each of the four categories, in the enum's order.</summary>
    public IReadOnlyList<CategoryCredit> Categories { get; }

    /// <summary>Gets the movements with no touch in their window.</summary>
    public UnattributedCredit Unattributed { get; }

    /// <summary>Gets the stage-attributed bridge: one entry per analysed period, in period order.</summary>
    public IReadOnlyList<StageBridgePeriod> Bridge { get; }

    /// <summary>Gets every attributed movement's credits, ordered by period, customer id (ordinal), gains before losses;
    /// empty unless <see cref="AttributionOptions.IncludeMovementCredits"/> is set.</summary>
    public IReadOnlyList<MovementCredit> MovementCredits { get; }

    /// <summary>Gets what a data-driven model learned per player and direction (removal effects or Shapley values); empty for heuristic models.</summary>
    public IReadOnlyList<PlayerScore> Scores { get; }

    /// <summary>Gets the total value of the gain movements attributed (credits plus unattributed).</summary>
    public long EarnedValue { get; }

    /// <summary>Gets the total value of the loss movements attributed (credits plus unattributed, positive).</summary>
    public long LostValue { get; }

    /// <summary>Gets the number of gain movements attributed.</summary>
    public long GainCount { get; }

    /// <summary>Gets the number of loss movements attributed.</summary>
    public long LossCount { get; }

    /// <summary>Gets the number of experience events read.</summary>
    public long EventCount { get; }

    /// <summary>Gets the number of events that fall in no analysed period's lookback window: they can credit nothing.</summary>
    public long EventsOutsideEveryWindowCount { get; }

    /// <summary>Gets the number of movements left out because their class is not in <see cref="AttributionOptions.Movements"/> (flat ones included).</summary>
    public long ExcludedMovementCount { get; }

    /// <summary>Gets the number of null paths of the gains direction (customer-periods with touches and no gain).</summary>
    public long GainNullPathCount { get; }

    /// <summary>Gets the number of null paths of the losses direction (customer-periods with touches and no loss).</summary>
    public long LossNullPathCount { get; }

    /// <summary>Gets the number of movements whose touches all weighed zero under the model, shared equally over their touches instead.</summary>
    public long EqualSplitFallbackCount { get; }

    /// <summary>Returns a short diagnostic form, amounts in the unit's major units.</summary>
    /// <returns>For example <c>Linear attribution over journey 'Car buyers': earned USD 1,200.00 (3 gains), lost USD 400.00 (1 loss), unattributed USD 100.00 / USD 0.00</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Model} attribution over journey '{Framework.Name}': earned {Amounts.Format(Unit, EarnedValue)} ({Amounts.Count(GainCount, "gain", "gains")}), lost {Amounts.Format(Unit, LostValue)} ({Amounts.Count(LossCount, "loss", "losses")}), unattributed {Amounts.Format(Unit, Unattributed.EarnedValue)} / {Amounts.Format(Unit, Unattributed.LostValue)}");
}
