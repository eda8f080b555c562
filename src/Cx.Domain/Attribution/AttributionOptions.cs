using Cx.Domain.Assets;
using NodaTime;
using NodaPeriod = NodaTime.Period;

namespace Cx.Domain.Attribution;

/// <summary>The settings of journey-stage attribution: the window, the time zone, which movements and touches count, and the model.</summary>
/// <remarks>Validated by <see cref="Validation.AttributionOptionsValidator"/> whenever a calculation starts. The lookback
/// window of a movement in period <c>p</c> is <c>[end − Lookback, end)</c>, where <c>end</c> is the start of the day after
/// <c>p.End</c> in <see cref="TimeZone"/>: a touch at exactly <c>end</c> belongs to the next period's window.</remarks>
public sealed class AttributionOptions
{
    /// <summary>The number of players above which an exact Shapley value is refused (2^15 coalitions).</summary>
    public const int MaxShapleyPlayers = 15;

    /// <summary>Gets or sets the model; <see cref="AttributionModel.Linear"/> by default.</summary>
    public AttributionModel Model { get; set; } = AttributionModel.Linear;

    /// <summary>Gets or sets how far back from the end of a movement's period touches count; 90 days by default.</summary>
    /// <remarks>Must be positive (no negative unit, not zero). Calendar units (months) are applied in <see cref="TimeZone"/>'s local time.</remarks>
    public NodaPeriod Lookback { get; set; } = NodaPeriod.FromDays(90);

    /// <summary>Gets or sets the time zone that turns period ends (local dates) into instants; UTC by default.</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets the movement classes that are attributed; by default all five (new, reactivated, expansion, contraction, churned).</summary>
    /// <remarks>Flat and <see cref="MovementClass.None"/> are rejected. Movements of other classes are left out and counted in
    /// <see cref="AttributionResult.ExcludedMovementCount"/>.</remarks>
    public IReadOnlyCollection<MovementClass> Movements { get; set; } =
        [MovementClass.New, MovementClass.Reactivated, MovementClass.Expansion, MovementClass.Contraction, MovementClass.Churned];

    /// <summary>Gets or sets which touches count for gains; all by default.</summary>
    public TouchFilter GainTouches { get; set; } = TouchFilter.All;

    /// <summary>Gets or sets which touches count for losses; all by default (use <see cref="TouchFilter.UnreliableOnly"/> to ask where failures lost value).</summary>
    public TouchFilter LossTouches { get; set; } = TouchFilter.All;

    /// <summary>Gets or sets the half-life of <see cref="AttributionModel.TimeDecay"/>; 7 days by default, must be positive.</summary>
    public Duration HalfLife { get; set; } = Duration.FromDays(7);

    /// <summary>Gets or sets the first touch's share in <see cref="AttributionModel.PositionBased"/>; 0.4 by default.</summary>
    /// <remarks>With <see cref="LastTouchShare"/>: both in [0, 1], their sum at most 1 and above 0. One touch gets 100%; two
    /// touches share in the ratio first : last (50/50 with the defaults); from three touches the middle ones share the rest equally.</remarks>
    public double FirstTouchShare { get; set; } = 0.4;

    /// <summary>Gets or sets the last touch's share in <see cref="AttributionModel.PositionBased"/>; 0.4 by default.</summary>
    public double LastTouchShare { get; set; } = 0.4;

    /// <summary>Gets or sets the players of <see cref="AttributionModel.Shapley"/>; stages by default.</summary>
    public ShapleyPlayers ShapleyPlayers { get; set; } = ShapleyPlayers.Stages;

    /// <summary>Gets or sets how <see cref="AttributionModel.MarkovChain"/> turns removal effects into credits;
    /// <see cref="Attribution.MarkovAllocation.PerPath"/> by default.</summary>
    /// <remarks><see cref="Attribution.MarkovAllocation.Pooled"/> reproduces the figures of the ChannelAttribution package:
    /// each period's value of the movements with touches shared over every touchpoint by the global weights.</remarks>
    public MarkovAllocation MarkovAllocation { get; set; } = MarkovAllocation.PerPath;

    /// <summary>Gets or sets the characteristic function of <see cref="AttributionModel.Shapley"/>;
    /// <see cref="Attribution.ShapleyValueFunction.ConversionRate"/> by default.</summary>
    /// <remarks><see cref="Attribution.ShapleyValueFunction.ConversionCount"/> is the value function of Zhao et al. (2018).</remarks>
    public ShapleyValueFunction ShapleyValueFunction { get; set; } = ShapleyValueFunction.ConversionRate;

    /// <summary>Gets or sets a value indicating whether the result lists every movement's credits (drill-down); false by default.</summary>
    public bool IncludeMovementCredits { get; set; }

    /// <summary>Gets or sets the unit of the movement values when movements (or columns) are attributed without a ledger,
    /// so the result can show its amounts (<see cref="AttributionResult.Unit"/>); null (the default) means plain whole units.</summary>
    /// <remarks>When a ledger is attributed, its own unit is used and this setting is ignored.</remarks>
    public MeasureUnit? Unit { get; set; }

    /// <summary>Returns the filter of a direction.</summary>
    /// <param name="direction">Gains or losses.</param>
    /// <returns><see cref="GainTouches"/> or <see cref="LossTouches"/>.</returns>
    public TouchFilter FilterOf(AttributionDirection direction) => direction == AttributionDirection.Losses ? LossTouches : GainTouches;

    /// <summary>A copy, so that a calculation's settings cannot change under it.</summary>
    internal AttributionOptions Copy() => new()
    {
        Model = Model,
        Lookback = Lookback,
        TimeZone = TimeZone,
        Movements = [.. Movements],
        GainTouches = GainTouches,
        LossTouches = LossTouches,
        HalfLife = HalfLife,
        FirstTouchShare = FirstTouchShare,
        LastTouchShare = LastTouchShare,
        ShapleyPlayers = ShapleyPlayers,
        MarkovAllocation = MarkovAllocation,
        ShapleyValueFunction = ShapleyValueFunction,
        IncludeMovementCredits = IncludeMovementCredits,
        Unit = Unit,
    };

    /// <summary>Whether two options give the same calculation.</summary>
    internal bool SameAs(AttributionOptions other) =>
        Model == other.Model && Lookback.Equals(other.Lookback) && TimeZone.Equals(other.TimeZone)
        && Movements.ToHashSet().SetEquals(other.Movements) && GainTouches == other.GainTouches && LossTouches == other.LossTouches
        && HalfLife == other.HalfLife && FirstTouchShare.Equals(other.FirstTouchShare) && LastTouchShare.Equals(other.LastTouchShare)
        && ShapleyPlayers == other.ShapleyPlayers && MarkovAllocation == other.MarkovAllocation && ShapleyValueFunction == other.ShapleyValueFunction
        && IncludeMovementCredits == other.IncludeMovementCredits && Unit == other.Unit;
}
