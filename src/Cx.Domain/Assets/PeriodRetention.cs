using Cx.Domain.Primitives;

namespace Cx.Domain.Assets;

/// <summary>The period retention metrics of one period, computed from its bridge as subscription-analytics tools define them.</summary>
/// <param name="Period">The period.</param>
/// <param name="Opening">The opening value the ratios divide by.</param>
/// <param name="NetRevenueRetentionFraction">Period NRR: <c>(Opening + Expansion + Contraction + Churned) / Opening</c>
/// (contraction and churn are negative); excludes new and reactivated. Null when the opening is zero.</param>
/// <param name="GrossRevenueRetentionFraction">Period GRR: <c>(Opening + Contraction + Churned) / Opening</c>; at most 1.
/// Null when the opening is zero.</param>
/// <param name="GrossRevenueChurnFraction">Gross revenue churn: <c>-(Churned + Contraction) / Opening</c>, the share of
/// opening value lost. Null when the opening is zero.</param>
/// <param name="NetRevenueChurnFraction">Net revenue churn: <c>-(Churned + Contraction + Expansion + Reactivated) / Opening</c>;
/// negative when expansion and reactivation outweigh losses. Null when the opening is zero.</param>
/// <param name="QuickRatio">Quick ratio: <c>(New + Reactivated + Expansion) / |Contraction + Churned|</c>. Null when there are no losses.</param>
public sealed record PeriodRetention(
    Period Period,
    long Opening,
    double? NetRevenueRetentionFraction,
    double? GrossRevenueRetentionFraction,
    double? GrossRevenueChurnFraction,
    double? NetRevenueChurnFraction,
    double? QuickRatio);
