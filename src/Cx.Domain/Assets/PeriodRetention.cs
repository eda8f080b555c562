using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>The period retention metrics of one period, computed from its bridge as subscription-analytics tools define them.</summary>
public sealed record PeriodRetention
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="period">The period.</param>
    /// <param name="opening">The opening value the ratios divide by.</param>
    /// <param name="netRevenueRetentionFraction">Period NRR: <c>(Opening + Expansion + Contraction + Churned) / Opening</c>
/// (contraction and churn are negative); excludes new and reactivated. Null when the opening is zero.</param>
    /// <param name="grossRevenueRetentionFraction">Period GRR: <c>(Opening + Contraction + Churned) / Opening</c>; at most 1.
/// Null when the opening is zero.</param>
    /// <param name="grossRevenueChurnFraction">Gross revenue churn: <c>-(Churned + Contraction) / Opening</c>, the share of
/// opening value lost. Null when the opening is zero.</param>
    /// <param name="netRevenueChurnFraction">Net revenue churn: <c>-(Churned + Contraction + Expansion + Reactivated) / Opening</c>;
/// negative when expansion and reactivation outweigh losses. Null when the opening is zero.</param>
    /// <param name="quickRatio">Quick ratio: <c>(New + Reactivated + Expansion) / |Contraction + Churned|</c>. Null when there are no losses.</param>
    public PeriodRetention(GridPeriod period, long opening, double? netRevenueRetentionFraction, double? grossRevenueRetentionFraction, double? grossRevenueChurnFraction, double? netRevenueChurnFraction, double? quickRatio)
    {
        Period = period;
        Opening = opening;
        NetRevenueRetentionFraction = netRevenueRetentionFraction;
        GrossRevenueRetentionFraction = grossRevenueRetentionFraction;
        GrossRevenueChurnFraction = grossRevenueChurnFraction;
        NetRevenueChurnFraction = netRevenueChurnFraction;
        QuickRatio = quickRatio;
    }

    /// <summary>The period.</summary>
    public GridPeriod Period { get; }

    /// <summary>The opening value the ratios divide by.</summary>
    public long Opening { get; }

    /// <summary>Period NRR: <c>(Opening + Expansion + Contraction + Churned) / Opening</c> (contraction and churn are negative); excludes new and reactivated. Null when the opening is zero.</summary>
    public double? NetRevenueRetentionFraction { get; }

    /// <summary>Period GRR: <c>(Opening + Contraction + Churned) / Opening</c>; at most 1. Null when the opening is zero.</summary>
    public double? GrossRevenueRetentionFraction { get; }

    /// <summary>Gross revenue churn: <c>-(Churned + Contraction) / Opening</c>, the share of opening value lost. Null when the opening is zero.</summary>
    public double? GrossRevenueChurnFraction { get; }

    /// <summary>Net revenue churn: <c>-(Churned + Contraction + Expansion + Reactivated) / Opening</c>; negative when expansion and reactivation outweigh losses. Null when the opening is zero.</summary>
    public double? NetRevenueChurnFraction { get; }

    /// <summary>Quick ratio: <c>(New + Reactivated + Expansion) / |Contraction + Churned|</c>. Null when there are no losses.</summary>
    public double? QuickRatio { get; }
}
