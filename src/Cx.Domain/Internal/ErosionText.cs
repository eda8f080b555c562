using System.Globalization;
using Cx.Domain.Assets;
using Cx.Domain.EarlyWarning;

namespace Cx.Domain.Internal;

/// <summary>The invariant wording of the early-warning results: amounts, shares, ratios and the evidence behind them.</summary>
internal static class ErosionText
{
    /// <summary>An amount in whole major units with thousands separators and the unit: <c>USD 144,666</c>, <c>1,204 visits</c>.</summary>
    public static string Amount(long units, MeasureUnit unit)
    {
        decimal whole = Math.Round(unit.ToDecimal(units), 0, MidpointRounding.ToEven);
        string number = whole.ToString("#,##0", CultureInfo.InvariantCulture);
        return unit.IsMoney ? unit.Name + " " + number : number + " " + unit.Name;
    }

    /// <summary>A count with its noun: <c>1 customer</c>, <c>1,204 customers</c>.</summary>
    public static string Count(long count, string one, string many) =>
        count.ToString("#,##0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>A share as a percentage with one decimal: <c>12.3%</c>.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A confidence level: <c>95%</c>.</summary>
    public static string Level(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A ratio with its interval: <c>2.1x as often (95% CI 1.6-2.8)</c>.</summary>
    public static string Ratio(IntervalEstimate ratio) => string.Create(
        CultureInfo.InvariantCulture,
        $"{ratio.Estimate:0.0}x as often ({Level(ratio.ConfidenceLevel)} CI {ratio.Lower:0.0}-{ratio.Upper:0.0})");

    /// <summary>Why an estimate is not actionable, in words.</summary>
    public static string Reason(EvidenceVerdict verdict, long exposedCount, int minimum) => verdict switch
    {
        EvidenceVerdict.TooFewExposed => string.Create(CultureInfo.InvariantCulture, $"{exposedCount} exposed customer-periods in the history, {minimum} needed"),
        EvidenceVerdict.IncludesNoEffect => "the interval includes no effect",
        EvidenceVerdict.NoComparison => "no comparable history yet",
        _ => "sufficient evidence",
    };

    public static string RevenueAtRisk(RevenueAtRisk r)
    {
        if (r.Estimate is not { } estimate)
        {
            return "no estimate: " + Reason(r.Evidence == EvidenceVerdict.Sufficient ? EvidenceVerdict.NoComparison : r.Evidence, r.Impact.LossShare.Exposed.Count, r.MinimumExposedCount);
        }

        string figure = string.Create(
            CultureInfo.InvariantCulture,
            $"{Amount(estimate, r.Unit)} ({Level(r.ExcessShare!.Value.ConfidenceLevel)} CI {Amount(r.Lower!.Value, r.Unit)} to {Amount(r.Upper!.Value, r.Unit)})");
        return r.IsActionable
            ? figure
            : "too little evidence: " + Reason(r.Evidence, r.Impact.LossShare.Exposed.Count, r.MinimumExposedCount) + " (" + figure + ")";
    }
}
