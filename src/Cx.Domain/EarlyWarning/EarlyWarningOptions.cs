using Cx.Domain.Attribution;
using Cx.Domain.Reliability;
using NodaTime;

namespace Cx.Domain.EarlyWarning;

/// <summary>Settings of the revenue-erosion early warning: the outcome horizon, the comparison strata, the evidence gate,
/// the confidence level, the priorities' count and score weights, and the settings of the engines it joins.</summary>
/// <remarks>
/// <para>An options type: settable, validated by <see cref="Validation.EarlyWarningOptionsValidator"/> whenever a calculation
/// starts (codes CX0801 to CX0806), and copied then, so later changes do not affect a running calculation.</para>
/// <para>Definitions: <c>docs/concepts/revenue-at-risk.md</c>.</para>
/// </remarks>
public sealed class EarlyWarningOptions
{
    /// <summary>The longest horizon accepted, in periods.</summary>
    public const int MaxHorizon = 120;

    /// <summary>The default evidence gate: fewer exposed customer-periods than this in the history and an estimate is
    /// "too little evidence", whatever its interval.</summary>
    public const int DefaultMinimumExposedCount = 30;

    /// <summary>Gets or sets the horizon h, in periods: an exposure in period p is followed by the movements of periods p to
    /// p + h - 1 (the movement of p itself is observed at p's end, after the exposure); 3 by default, 1 to
    /// <see cref="MaxHorizon"/>.</summary>
    public int Horizon { get; set; } = 3;

    /// <summary>Gets or sets the confidence level of every interval, strictly between 0.5 and 1; 0.95 by default.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Gets or sets the evidence gate: the fewest exposed customer-periods an impact estimate needs before its
    /// figure is used; 30 by default, at least 1.</summary>
    public int MinimumExposedCount { get; set; } = DefaultMinimumExposedCount;

    /// <summary>Gets or sets the lower bounds, in periods since a customer's first active period, of the tenure bands after
    /// the first; <c>[3, 12, 24]</c> (bands 0-2, 3-11, 12-23 and 24+) by default. Strictly increasing, each at least 1, at
    /// most 20 bounds; empty for a single band.</summary>
    public IReadOnlyList<int> TenureBandStarts { get; set; } = [3, 12, 24];

    /// <summary>Gets or sets the time zone that turns the instants of measurements and events into business dates of the
    /// ledger's grid; UTC by default.</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Gets or sets how many priorities to list (one per touchpoint); 5 by default, at least 1.</summary>
    public int PriorityCount { get; set; } = 5;

    /// <summary>Gets or sets the weight of the revenue-at-risk part of the priority score; 0.5 by default.</summary>
    public double RevenueAtRiskWeight { get; set; } = 0.5;

    /// <summary>Gets or sets the weight of the reliability-signal part of the priority score; 0.25 by default.</summary>
    public double SignalWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of the stage-losses part of the priority score (the share of the period's
    /// attributed losses at the touchpoint's stage); 0.25 by default.</summary>
    public double StageLossWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the weight of the complaint part of the priority score (complaint spikes at the touchpoint's
    /// stage), used only when feedback is given (a listening report); 0.25 by default. Without feedback the part is absent
    /// and the score is the other three parts' alone.</summary>
    public double ComplaintWeight { get; set; } = 0.25;

    /// <summary>Gets or sets the settings of the journey-stage attribution behind the stage losses; null (the default) uses
    /// <see cref="AttributionOptions"/>' defaults (linear model, 90-day lookback) in <see cref="TimeZone"/>.</summary>
    public AttributionOptions? Attribution { get; set; }

    /// <summary>Gets or sets the settings of the reliability evaluation behind the warnings and signals; null (the default)
    /// uses <see cref="ReliabilityEvaluationOptions"/>' defaults.</summary>
    public ReliabilityEvaluationOptions? Reliability { get; set; }

    /// <summary>Returns a copy whose collections are copied too.</summary>
    /// <returns>The copy.</returns>
    internal EarlyWarningOptions Snapshot() => new()
    {
        Horizon = Horizon,
        ConfidenceLevel = ConfidenceLevel,
        MinimumExposedCount = MinimumExposedCount,
        TenureBandStarts = TenureBandStarts is null ? null! : [.. TenureBandStarts],
        TimeZone = TimeZone,
        PriorityCount = PriorityCount,
        RevenueAtRiskWeight = RevenueAtRiskWeight,
        SignalWeight = SignalWeight,
        StageLossWeight = StageLossWeight,
        ComplaintWeight = ComplaintWeight,
        Attribution = Attribution is null ? null : CopyOf(Attribution),
        Reliability = Reliability is null ? null : CopyOf(Reliability),
    };

    /// <summary>Returns a copy of attribution options (the movement classes copied too).</summary>
    /// <param name="o">The options.</param>
    /// <returns>The copy.</returns>
    internal static AttributionOptions CopyOf(AttributionOptions o) => new()
    {
        Model = o.Model,
        Lookback = o.Lookback,
        TimeZone = o.TimeZone,
        Movements = o.Movements is null ? null! : [.. o.Movements],
        GainTouches = o.GainTouches,
        LossTouches = o.LossTouches,
        HalfLife = o.HalfLife,
        FirstTouchShare = o.FirstTouchShare,
        LastTouchShare = o.LastTouchShare,
        ShapleyPlayers = o.ShapleyPlayers,
        IncludeMovementCredits = o.IncludeMovementCredits,
    };

    /// <summary>Returns a copy of reliability evaluation options (the early-warning policy is immutable and shared).</summary>
    /// <param name="o">The options.</param>
    /// <returns>The copy.</returns>
    internal static ReliabilityEvaluationOptions CopyOf(ReliabilityEvaluationOptions o) => new()
    {
        EarlyWarning = o.EarlyWarning,
        RollingHistoryCount = o.RollingHistoryCount,
        BacktestStep = o.BacktestStep,
    };
}
