using System.Globalization;
using Cx.Domain.Internal;
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
    /// <param name="unit">The unit of the values; whole <c>units</c> when null.</param>
    public PeriodRetention(GridPeriod period, long opening, double? netRevenueRetentionFraction, double? grossRevenueRetentionFraction, double? grossRevenueChurnFraction, double? netRevenueChurnFraction, double? quickRatio, MeasureUnit? unit = null)
    {
        Period = period;
        Unit = unit ?? Amounts.PlainUnits;
        Opening = opening;
        NetRevenueRetentionFraction = netRevenueRetentionFraction;
        GrossRevenueRetentionFraction = grossRevenueRetentionFraction;
        GrossRevenueChurnFraction = grossRevenueChurnFraction;
        NetRevenueChurnFraction = netRevenueChurnFraction;
        QuickRatio = quickRatio;
    }

    /// <summary>The unit of the values (the currency, for revenue); whole <c>units</c> when none was given.</summary>
    public MeasureUnit Unit { get; }

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

    /// <summary>Returns a short form: the ratios as percentages and the opening in the unit's major units.</summary>
    /// <returns>For example <c>2024-02: NRR 103.1%, GRR 95.0%, quick ratio 2.50 (opening USD 300.00)</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Period}: NRR {Amounts.Percent(NetRevenueRetentionFraction)}, GRR {Amounts.Percent(GrossRevenueRetentionFraction)}, quick ratio {(QuickRatio is { } q ? q.ToString("F2", CultureInfo.InvariantCulture) : "-")} (opening {Amounts.Format(Unit, Opening)})");
}
