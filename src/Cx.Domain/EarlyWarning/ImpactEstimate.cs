using System.Globalization;
using Cx.Domain.Primitives;

namespace Cx.Domain.EarlyWarning;

/// <summary>The impact of a subject's failures, from history: how much more often, and how much more of their value,
/// customers exposed to it lost within the horizon than comparable unexposed customers active in the same periods.</summary>
/// <remarks>
/// <para>Estimated as of a period p from the exposure periods whose whole horizon had closed by p's end: periods 0 to
/// p - h + 1 of the grid. Each active customer-period of those periods is one observation, exposed when the customer met a
/// failing event of the subject in it. Strata: the customer's segment in the period before, and its tenure band.</para>
/// <para><see cref="Evidence"/> is the loss share's verdict, which decides whether revenue at risk is usable.</para>
/// </remarks>
public sealed class ImpactEstimate
{
    internal ImpactEstimate(
        GridPeriod asOf, GridPeriod? firstExposurePeriod, GridPeriod? lastExposurePeriod, int horizon,
        RiskComparison churn, RiskComparison contraction, RiskComparison churnOrContraction, LossShareComparison lossShare, IReadOnlyList<ImpactStratum> strata, int minimumExposed)
    {
        MinimumExposedCount = minimumExposed;
        AsOf = asOf;
        FirstExposurePeriod = firstExposurePeriod;
        LastExposurePeriod = lastExposurePeriod;
        Horizon = horizon;
        Churn = churn;
        Contraction = contraction;
        ChurnOrContraction = churnOrContraction;
        LossShare = lossShare;
        Strata = strata;
    }

    /// <summary>Gets the period the estimate is for: only history whose horizon closed by its end is used.</summary>
    public GridPeriod AsOf { get; }

    /// <summary>Gets the first exposure period used, or null when none had a closed horizon.</summary>
    public GridPeriod? FirstExposurePeriod { get; }

    /// <summary>Gets the last exposure period used, or null when none had a closed horizon.</summary>
    public GridPeriod? LastExposurePeriod { get; }

    /// <summary>Gets the horizon h, in periods.</summary>
    public int Horizon { get; }

    /// <summary>Gets the evidence gate the verdicts used, in exposed customer-periods.</summary>
    public int MinimumExposedCount { get; }

    /// <summary>Gets the comparison of churn within the horizon.</summary>
    public RiskComparison Churn { get; }

    /// <summary>Gets the comparison of contraction within the horizon.</summary>
    public RiskComparison Contraction { get; }

    /// <summary>Gets the comparison of churn or contraction within the horizon.</summary>
    public RiskComparison ChurnOrContraction { get; }

    /// <summary>Gets the comparison of the value lost within the horizon.</summary>
    public LossShareComparison LossShare { get; }

    /// <summary>Gets the strata with at least one customer-period, ordered by segment (ordinal; no segment last) then tenure band.</summary>
    public IReadOnlyList<ImpactStratum> Strata { get; }

    /// <summary>Gets the verdict of the loss share comparison, which decides whether revenue at risk is usable.</summary>
    public EvidenceVerdict Evidence => LossShare.Evidence;

    /// <summary>Returns the comparison of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is <see cref="LossOutcome.None"/> or undefined.</exception>
    public RiskComparison Get(LossOutcome outcome) => outcome switch
    {
        LossOutcome.Churn => Churn,
        LossOutcome.Contraction => Contraction,
        LossOutcome.ChurnOrContraction => ChurnOrContraction,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Expected Churn, Contraction or ChurnOrContraction."),
    };

    /// <summary>Returns a short description such as <c>as of 2025-12 (2023-01..2025-10, h=3): ...</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"as of {AsOf} ({FirstExposurePeriod?.Label ?? "-"}..{LastExposurePeriod?.Label ?? "-"}, h={Horizon}): {ChurnOrContraction}; {LossShare}");
}
